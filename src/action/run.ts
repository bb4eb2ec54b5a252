import { removeCommittedLinks, ReportFileError, writeReportFile } from '../engine/report-file.ts';
import { boundedMessage } from '../formats/neutralise.ts';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { lint, repositoryRoot, type LintOptions, type LintRun } from '../engine/runner.ts';
import { FORMATS, formatReadsSources, formatResult, prepareFormat, type FormatName } from '../formats/index.ts';
import { annotation, workflowCommand } from '../formats/github.ts';
import { countFindings, pluralize } from '../formats/summary.ts';
import { appendStepSummary, getInput, getMultilineInput, InputError, setOutput, type Env } from './core.ts';
import { summaryMarkdown } from './summary.ts';
import { defaultSchemaDirs } from '../schema/dir.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../engine/source.ts';
import { buildHostMap, type HostMap } from '../map/model.ts';
import { formatMapHtml } from '../map/html.ts';

export interface ActionIo {
  env: Env;
  cwd: string;
  stdout: (s: string) => void;
}

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  paths: string[];
  host?: string;
  config?: string;
  format: FormatName;
  reportFile: string;
  failOn: FailOn;
  /** Undefined: no limit (`-1` or empty). */
  maxWarnings?: number;
  /** `--schema`: a directory holding domain.rng, true to search the installed locations, false for none; undefined: the config decides. */
  schema?: string | boolean;
  /** Where to write the HTML placement map (`kvmlint map -f html`); undefined for none. */
  mapFile?: string;
  /** `--max-file-size`, at most the default (it may lower the bound, as the config's `maxFileSize`); undefined: the config's or the default. */
  maxFileSize?: number;
}

export function readInputs(env: Env): ActionInputs {
  const paths = getMultilineInput(env, 'paths');
  const format = getInput(env, 'format') || 'sarif';
  if (!(FORMATS as readonly string[]).includes(format)) throw new InputError(`format must be one of ${FORMATS.join(', ')}, got '${format}'`);
  const failOn = getInput(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new InputError(`fail-on must be one of ${FAIL_ON.join(', ')}, got '${failOn}'`);
  const maxWarnings = getInput(env, 'max-warnings');
  if (maxWarnings !== '' && !/^(-1|\d+)$/.test(maxWarnings)) throw new InputError(`max-warnings must be a non-negative integer or -1, got '${maxWarnings}'`);
  const schema = getInput(env, 'schema');
  const maxFileSize = getInput(env, 'max-file-size');
  if (maxFileSize !== '' && !/^[1-9]\d*$/.test(maxFileSize)) throw new InputError(`max-file-size must be a positive integer number of bytes, got '${maxFileSize}'`);
  // The workflow names the bound, but a pull request can edit the workflow too: like the config's maxFileSize, the
  // input may lower what kvmlint reads, never lift it (a 95 MB committed domain would be parsed whole).
  if (maxFileSize !== '' && Number(maxFileSize) > DEFAULT_MAX_FILE_BYTES) {
    throw new InputError(`max-file-size ${maxFileSize} is above the default ${DEFAULT_MAX_FILE_BYTES} bytes (8 MiB): the input may lower the limit on what kvmlint reads, not raise it`);
  }
  return {
    paths: paths.length > 0 ? paths : ['.'],
    schema: schema === '' ? undefined : schema === 'true' ? true : schema === 'false' ? false : schema,
    host: getInput(env, 'host') || undefined,
    config: getInput(env, 'config') || undefined,
    format: format as FormatName,
    reportFile: getInput(env, 'sarif-file') || 'kvmlint.sarif',
    failOn: failOn as FailOn,
    maxWarnings: maxWarnings === '' || maxWarnings === '-1' ? undefined : Number(maxWarnings),
    mapFile: getInput(env, 'map-file') || undefined,
    ...(maxFileSize !== '' ? { maxFileSize: Number(maxFileSize) } : {}),
  };
}

/** A fresh random token for `::stop-commands::` (GitHub's docs: one per run, never in the text it wraps). */
export function stopCommandsToken(text: string): string {
  for (;;) {
    const token = `kvmlint-${randomBytes(16).toString('hex')}`;
    if (!text.includes(token)) return token;
  }
}

/** Why the step fails, or undefined when it passes. */
export function failure(inputs: Pick<ActionInputs, 'failOn' | 'maxWarnings'>, errors: number, warnings: number): string | undefined {
  const found = `${pluralize(errors, 'error')}, ${pluralize(warnings, 'warning')}`;
  if (inputs.failOn === 'never') return undefined;
  if (inputs.failOn === 'warning' && errors + warnings > 0) return `${found} (fail-on: warning)`;
  if (errors > 0) return `${found} (fail-on: ${inputs.failOn})`;
  if (inputs.maxWarnings !== undefined && warnings > inputs.maxWarnings) return `${found}: more than max-warnings ${inputs.maxWarnings}`;
  return undefined;
}

/**
 * The Action: lint with URIs relative to GITHUB_WORKSPACE, write the report (SARIF for
 * code scanning by default), annotate each finding, write the job summary, set the outputs.
 * Returns the exit code: 0 passed, 1 failed per fail-on/max-warnings, 2 kvmlint could not run.
 */
export async function runAction(io: ActionIo): Promise<number> {
  const { env, cwd } = io;
  const fail = (message: string, code: number): number => {
    io.stdout(`${workflowCommand('error', [], boundedMessage(message))}\n`);
    return code;
  };
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (e) {
    if (e instanceof InputError) return fail(`kvmlint: ${e.message}`, 2);
    throw e;
  }
  const workspace = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : repositoryRoot(cwd);
  // First of all: the upload steps after this one follow a committed link where a report goes (SECURITY.md).
  const linksRemoved = removeCommittedLinks([path.resolve(cwd, inputs.reportFile), ...(inputs.mapFile ? [path.resolve(cwd, inputs.mapFile)] : [])], workspace);
  for (const m of linksRemoved) io.stdout(`${workflowCommand('error', [], `kvmlint: ${m}`)}\n`);
  // Without a config input the engine searches upward for kvmlint.config.json, as the CLI does.
  const options: LintOptions = {
    paths: inputs.paths,
    cwd,
    hostFile: inputs.host,
    configFile: inputs.config,
    root: workspace,
    schema: inputs.schema,
    schemaSearchDirs: defaultSchemaDirs(env),
    keepSources: formatReadsSources(inputs.format),
    maxFileBytes: inputs.maxFileSize,
    // A checkout holds tracked files, which git never ignores: a pull request's .gitignore must not
    // hide its own domains from the check (a red-team review committed a broken one and ignored it).
    gitignore: false,
  };
  const maps: HostMap[] = [];
  if (inputs.mapFile) options.onPlan = (p) => maps.push(buildHostMap(p));
  let result: LintRun;
  try {
    result = await lint(options);
  } catch (e) {
    return fail(`kvmlint: ${e instanceof Error ? e.message : String(e)}`, 2);
  }

  const reportPath = path.resolve(cwd, inputs.reportFile);
  await prepareFormat(inputs.format);
  // Never through a symlink or a symlinked directory the pull request committed (SECURITY.md).
  try {
    writeReportFile(reportPath, formatResult(inputs.format, result, { color: false }), workspace);
  } catch (e) {
    if (e instanceof ReportFileError) return fail(`kvmlint: ${e.message}`, 2);
    throw e;
  }

  // The report quotes the pull request (names, values, comments, code frames, file names), and the
  // runner reads every stdout line for commands (`::cmd::` at a line's start, `##[cmd]` anywhere):
  // inside stop-commands with a token the PR cannot know, none of it is a command.
  const report = formatResult('text', result, { color: false });
  const token = stopCommandsToken(report);
  io.stdout(`::group::kvmlint report (${pluralize(result.files.length, 'file')})\n::stop-commands::${token}\n${report}${report.endsWith('\n') || report === '' ? '' : '\n'}::${token}::\n::endgroup::\n`);
  for (const d of result.diagnostics) io.stdout(`${annotation(d, result.root, result.cwd)}\n`);
  for (const r of result.refusals) io.stdout(`${workflowCommand('error', [], `kvmlint: ${r}`)}\n`);
  for (const r of result.ruleFailures) io.stdout(`${workflowCommand('error', [], `kvmlint: internal error: ${r}`)}\n`);

  const { errors, warnings } = countFindings(result.diagnostics);
  const why = failure(inputs, errors, warnings);
  const verdict = result.refusals.length > 0
    ? `failed: ${pluralize(result.refusals.length, 'file')} refused`
    : linksRemoved.length > 0
      ? `failed: ${pluralize(linksRemoved.length, 'symlink')} where a report goes`
      : result.ruleFailures.length > 0
        ? `failed: ${pluralize(result.ruleFailures.length, 'internal error')}`
        : why
          ? `failed: ${why}`
          : 'passed';
  appendStepSummary(
    env,
    summaryMarkdown(
      { diagnostics: result.diagnostics, fileCount: result.files.length, errors, warnings, verdict, root: workspace, cwd, reportPath: path.relative(workspace, reportPath) || reportPath },
      env,
    ),
  );
  setOutput(env, 'sarif-file', reportPath, io.stdout);
  setOutput(env, 'errors', String(errors), io.stdout);
  setOutput(env, 'warnings', String(warnings), io.stdout);
  if (inputs.mapFile) {
    // The placement map of every host plan, one self-contained HTML file for actions/upload-artifact.
    const mapPath = path.resolve(cwd, inputs.mapFile);
    try {
      writeReportFile(mapPath, formatMapHtml(maps), workspace);
    } catch (e) {
      if (e instanceof ReportFileError) return fail(`kvmlint: ${e.message}`, 2);
      throw e;
    }
    setOutput(env, 'map-file', mapPath, io.stdout);
  }

  if (result.refusals.length > 0 || result.ruleFailures.length > 0 || linksRemoved.length > 0) return 2;
  if (why) return fail(`kvmlint found ${why}`, 1);
  return 0;
}
