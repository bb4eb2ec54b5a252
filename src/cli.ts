import { lstatSync, statSync } from 'node:fs';
import { ReportFileError, writeReportFile } from './engine/report-file.ts';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { dirname, relative, resolve } from 'node:path';
import { workspaceRoot } from './engine/repo.ts';
import { lint, repositoryRoot, type LintOptions, type LintRun } from './engine/runner.ts';
import { ConfigError } from './engine/config.ts';
import { displayPath } from './engine/discover.ts';
import { toPosixPath } from './engine/paths.ts';
import { gitQuotedPath, unifiedDiff } from './engine/diff.ts';
import { encodingRefusal, writePatch } from './commands/patch-output.ts';
import { useColor } from './commands/color.ts';
import { lintAndFix } from './engine/fix.ts';
import { FixWriteError, writeFixedFile, yieldToSignals } from './engine/write.ts';
import { findRule, fixedLevelProblem, rules, ruleDoc } from './engine/registry.ts';
import { DEFAULT_MAX_FILE_BYTES, oversizeMessage, UsageError } from './engine/source.ts';
import type { RuleSetting } from './engine/types.ts';
import { HostSnapshotError } from './host/load.ts';
import { onGithubActions, runnerInertWriter } from './formats/runner-inert.ts';
import { NO_RESPECT_GITIGNORE_HELP, RESPECT_GITIGNORE_HELP, respectGitignore } from './engine/ci.ts';
import { FORMATS, formatReadsSources, formatResult, formatResultParts, prepareFormat, reportWrites, type FormatName } from './formats/index.ts';
import { VERSION } from './version.ts';
import { markLinted } from './cli-linted.ts';
import { tuneV8ForRunLength } from './run-length.ts';
import { boundedMessage, neutralise, neutraliseLine, patchForOutput } from './formats/neutralise.ts';
import { registerSnapshotCommand } from './commands/snapshot.ts';
import { registerExplainCommand } from './commands/explain.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerMapCommand } from './commands/map.ts';
import { defaultSchemaDirs, SCHEMA_DIR_ENV } from './schema/dir.ts';

export interface CliIo {
  stdout: (s: string) => void;
  /** Bytes as they are (a patch in a file's own encoding); where absent, stdout takes the text. */
  stdoutBytes?: (b: Uint8Array) => void;
  stderr: (s: string) => void;
  /** On GitHub Actions, stderr as it is, for `-f github`'s annotations (`stderr` is made inert for the runner there). */
  annotationStderr?: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** The terminal's width when stdout is one (asked only then: it makes Node build process.stdout). */
  terminalColumns?: () => number | undefined;
  /** Reads standard input (for --stdin), stopping once more than `maxBytes` have come. */
  readStdin?: (maxBytes: number) => Promise<Buffer>;
  /** Standard input is a pipe or a redirected file (not a terminal, not /dev/null): `cat vm.xml | kvmlint`. */
  stdinPiped?: boolean;
}

/** Formats a person reads, which print the pull request's text as it is. */
const HUMAN_FORMATS: ReadonlySet<FormatName> = new Set(['text', 'codeframe', 'compact']);

const SETTINGS: Record<string, RuleSetting> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', info: 'info' };

function parseRuleSetting(value: string, previous: Record<string, RuleSetting> = {}): Record<string, RuleSetting> {
  const m = /^([a-z0-9-]+)=(\w+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected <rule-id>=off|info|warn|error, got '${value}'`);
  const [, id, level] = m as unknown as [string, string, string];
  if (!findRule(id)) throw new InvalidArgumentError(`unknown rule '${id}' (see 'kvmlint rules')`);
  const setting = SETTINGS[level];
  if (!setting) throw new InvalidArgumentError(`unknown level '${level}' for ${id}: use off, info, warn or error`);
  const fixed = fixedLevelProblem(id, setting);
  if (fixed) throw new InvalidArgumentError(fixed);
  return { ...previous, [id]: setting };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a non-negative integer, got '${value}'`);
  return Number(value);
}

/** One line on stderr, `kvmlint: ` first; file names and messages in it cannot forge lines or move the cursor. */
function say(io: CliIo, message: string): void {
  io.stderr(`kvmlint: ${neutraliseLine(boundedMessage(message))}\n`);
}

/** `--max-warnings`: a count, or -1 for no limit (ESLint's default, and the Action's). */
function parseMaxWarnings(value: string): number {
  if (value.trim() === '-1') return -1;
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a count of warnings, or -1 for no limit, got '${value}'`);
  return Number(value);
}

/** Runs kvmlint with `argv` (without node and script) and returns the exit code: 0 clean, 1 findings, 2 usage or internal failure. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  // On GitHub Actions the runner reads stderr for workflow commands too: its lines quote file names and values.
  if (onGithubActions(io.env)) io = { ...io, stderr: runnerInertWriter(io.stderr), annotationStderr: io.stderr };
  const program = new Command('kvmlint')
    .description('Lint libvirt domain XML for NUMA, pinning, hugepage and host tuning mistakes.')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, directories (their **/*.xml) or globs; - is standard input (default: ., or a pipe on stdin)')
    .option('--host <file>', 'host snapshot applied to every linted domain: kvmlint JSON, virsh capabilities XML or numactl --hardware text')
    .option('-c, --config <file>', 'configuration file (default: nearest kvmlint.config.json up to the repository root, or the working directory outside git)')
    .option('--no-config-lookup', 'do not look for kvmlint.config.json')
    .option('--fix', 'apply safe fixes to the files')
    .option('--fix-dry-run', 'print safe fixes as a unified diff; write nothing')
    .option('--report-unused-disable-directives', 'report kvmlint-disable comments that suppress nothing')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', parseMaxWarnings)
    .option('--allow-no-domains', 'exit 0 when the paths hold no domain XML (default: exit 2, a wrong path must not pass)')
    .option('--respect-gitignore', RESPECT_GITIGNORE_HELP)
    .option('--no-respect-gitignore', NO_RESPECT_GITIGNORE_HELP)
    .option('--no-gitignore', 'the same as --no-respect-gitignore (its older name)')
    .option('--plan-suggestions', "attach kvmlint plan's change of each guest to its placement findings (default: when at most 200 files are linted)")
    .option('--no-plan-suggestions', 'never plan suggestions')
    .option('--quiet', 'report errors only (and count no warnings for --max-warnings)')
    .option('--rule <id=level>', 'set a rule to off, info, warn or error (repeatable)', parseRuleSetting)
    .option('--max-file-size <bytes>', 'refuse files larger than this (default: 8 MiB)', parseCount)
    .option('--stdin', 'lint the domain XML on standard input, as - does (e.g. virsh dumpxml vm | kvmlint -)')
    .option('--stdin-filename <path>', 'the path to lint standard input as: its name in the report, its host in the config, the file it replaces in a plan')
    .option(
      '--schema [dir]',
      `validate each domain against libvirt's RelaxNG schemas (rule schema-invalid): dir holds domain.rng; alone, search $${SCHEMA_DIR_ENV}, /usr/share/libvirt/schemas and /usr/local/share/libvirt/schemas (put it after the paths)`,
    )
    .option('--color', 'force colored output')
    .option('--no-color', 'disable colored output')
    .addHelpText('after', '\nExit codes: 0 no error and warnings within --max-warnings; 1 otherwise; 2 usage error, invalid\nhost snapshot or config, refused file, or internal failure.\n')
    // Options after a subcommand name belong to it (`kvmlint rules --format json`).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (s) => io.stderr(neutralise(s)) })
    .action(async (paths: string[], opts) => {
      exitCode = await lintCommand(paths, opts, io);
    });

  program
    .command('rules')
    .description("list the rules with severity, what they need, fixability and summary; with a rule id, print that rule's documentation")
    .argument('[id]', "a rule id: print the rule's README")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((id: string | undefined, opts: { format: string }) => {
      if (id !== undefined) {
        const rule = findRule(id);
        if (!rule) throw new UsageError(`unknown rule '${id}' (see 'kvmlint rules')`);
        const doc = ruleDoc(rule);
        io.stdout(opts.format === 'json' ? `${JSON.stringify({ ...rule.meta, helpUri: doc.helpUri, readme: doc.helpMarkdown }, null, 2)}\n` : `${doc.helpMarkdown.trimEnd()}\n\n${doc.helpUri}\n`);
        return;
      }
      io.stdout(opts.format === 'json' ? `${JSON.stringify(rules.map((r) => ({ ...r.meta, helpUri: ruleDoc(r).helpUri })), null, 2)}\n` : rulesTable());
    });

  registerExplainCommand(program, io);

  registerSnapshotCommand(program, io, (code) => {
    exitCode = code;
  });
  registerPlanCommand(program, io, (code) => {
    exitCode = code;
  });
  registerMapCommand(program, io, (code) => {
    exitCode = code;
  });

  try {
    await program.parseAsync(hookArguments(argv, io.cwd, program), { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof HostSnapshotError && e.message.startsWith(`${e.file}: `)) {
      // The snapshot as findings name files: relative to the working directory.
      say(io, `${displayPath(e.file, io.cwd)}${e.message.slice(e.file.length)}`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof HostSnapshotError || e instanceof ConfigError) {
      say(io, e.message);
      return 2;
    }
    say(io, `internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (io.env.KVMLINT_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return 2;
  }
  return exitCode;
}

/**
 * `--` ends the options, with one allowance for pre-commit, which runs `entry`, then the hook's
 * `args`, then the staged file names: with `entry: kvmlint --` a committed file named `-oprod.xml`
 * or `--config=x.xml` is a path, never an option. The hook's own args come after the `--` too, so
 * arguments right after it are still read as options (with their values) up to the first argument
 * naming an existing file or directory; from there on every argument is a path, however it starts.
 * pre-commit only passes files that exist, so none of them can be taken for an option.
 */
export function hookArguments(argv: readonly string[], cwd: string, program: Command): string[] {
  const end = argv.indexOf('--');
  if (end < 0) return [...argv];
  const after = argv.slice(end + 1);
  let i = 0;
  while (i < after.length) {
    const arg = after[i]!;
    if (!arg.startsWith('-') || arg === '-' || lstatSync(resolve(cwd, arg), { throwIfNoEntry: false })) break;
    const long = arg.startsWith('--');
    const flag = long ? arg.split('=')[0]! : arg.slice(0, 2);
    const attached = long ? arg.includes('=') : arg.length > 2;
    const option = program.options.find((o) => o.long === flag || o.short === flag);
    i += option?.required && !attached ? 2 : 1;
  }
  return [...argv.slice(0, end), ...after.slice(0, i), '--', ...after.slice(i)];
}

interface LintCommandOptions {
  host?: string;
  config?: string;
  configLookup: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDisableDirectives?: boolean;
  format: FormatName;
  outputFile?: string;
  maxWarnings?: number;
  allowNoDomains?: boolean;
  /** --no-gitignore (the older spelling of --no-respect-gitignore): false when given. */
  gitignore: boolean;
  respectGitignore?: boolean;
  planSuggestions?: boolean;
  quiet?: boolean;
  rule?: Record<string, RuleSetting>;
  maxFileSize?: number;
  schema?: string | true;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
}

async function lintCommand(paths: string[], opts: LintCommandOptions, io: CliIo): Promise<number> {
  // `kvmlint -` is standard input, as for most Unix tools; so is a pipe that brings text when no
  // path is named (`virsh dumpxml vm | kvmlint --host h.json`): linting the whole working directory
  // instead would answer a question nobody asked. An empty pipe (a CI step, a test harness) still
  // means the working directory, and `kvmlint .` names it.
  let piped: Buffer | undefined;
  if (paths.length === 0 && !opts.stdin && io.stdinPiped && io.readStdin) {
    piped = await io.readStdin(opts.maxFileSize ?? DEFAULT_MAX_FILE_BYTES);
    if (piped.length > 0) opts.stdin = true;
  }
  if (paths.includes('-')) {
    opts.stdin = true;
    paths = paths.filter((p) => p !== '-');
  }
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (opts.host !== undefined && statSync(resolve(io.cwd, opts.host), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--host ${opts.host} is a directory: name one host snapshot file (\`kvmlint snapshot -o FILE\` writes one); a kvmlint.config.json maps several hosts`);
  }
  if (opts.outputFile !== undefined) {
    const dir = dirname(resolve(io.cwd, opts.outputFile));
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`-o ${opts.outputFile}: directory ${displayPath(dir, io.cwd)} does not exist`);
  }
  if (opts.stdinFilename !== undefined && !opts.stdin) throw new UsageError('--stdin-filename needs --stdin');
  // As in ESLint: there is no file to write back to; --fix-dry-run prints the patch.
  if (opts.stdin && opts.fix) throw new UsageError('--fix cannot write to standard input: use --fix-dry-run to print the fixes as a patch');
  let stdin: LintOptions['stdin'];
  if (opts.stdin) {
    if (!io.readStdin) throw new UsageError('--stdin: standard input is not available');
    // Read no further than the limit: what came past it is never linted as if it were the whole input.
    const limit = opts.maxFileSize ?? DEFAULT_MAX_FILE_BYTES;
    const bytes = piped ?? (await io.readStdin(limit));
    if (bytes.length > limit) throw new UsageError(`${oversizeMessage(`${opts.stdinFilename ?? '<stdin>'} (standard input):`, bytes.length, limit)}; reading stopped there`);
    stdin = { bytes, path: opts.stdinFilename ?? '<stdin>' };
  }
  tuneV8ForRunLength(paths, io.cwd, stdin !== undefined);
  const lintOptions: LintOptions = {
    paths,
    cwd: io.cwd,
    hostFile: opts.host,
    configFile: opts.config ?? (opts.configLookup ? undefined : false),
    ruleSettings: opts.rule,
    maxFileBytes: opts.maxFileSize,
    root: sarifRoot(io),
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    stdin,
    timing: Boolean(io.env.TIMING),
    schema: opts.schema,
    schemaSearchDirs: defaultSchemaDirs(io.env),
    allowNoDomains: opts.allowNoDomains,
    // On CI a checkout holds tracked files only, and git never ignores a tracked file: a .gitignore there could only
    // hide the pull request's own domains from the walk (`bad.xml` listed in it: exit 0). As the Action (src/engine/ci.ts).
    gitignore: respectGitignore(opts.respectGitignore ?? (opts.gitignore ? undefined : false), io.env),
    planSuggestions: opts.planSuggestions,
    keepSources: Boolean(opts.fix || opts.fixDryRun) || formatReadsSources(opts.format),
  };
  let result: LintRun;
  let fixFailures = 0;
  if (opts.fix || opts.fixDryRun) {
    const outcome = await lintAndFix(lintOptions);
    result = outcome.run;
    // Files whose fixes are not written (or, with --fix-dry-run, not printed): the report must show them as
    // they are, not as the fixes would have left them.
    const unwritten = new Set<string>(outcome.unparsable);
    // Each file left unfixed, said on stderr and carried into the report (SARIF's execution notifications).
    const fixNotes: string[] = [];
    const unfixed = (message: string) => {
      say(io, message);
      fixNotes.push(message);
      fixFailures++;
    };
    for (const abs of outcome.unparsable) unfixed(`${displayPath(abs, io.cwd)}: fixed text would not parse; left unchanged`);
    // Not a failure of the run: the file's own unreadable finding (an error) says what to change first.
    for (const abs of outcome.unreadable) {
      const message = `${displayPath(abs, io.cwd)}: not read as libvirt reads it (value-invalid): its fixes are not applied`;
      say(io, message);
      fixNotes.push(message);
    }
    const workspace = sarifRoot(io);
    for (const [abs, text] of outcome.fixed) {
      const shown = toPosixPath(displayPath(abs, io.cwd));
      if (opts.fixDryRun) {
        // The patch --fix would apply: a file --fix refuses for its encoding gets no patch, and says so.
        const encoding = outcome.encodings.get(abs) ?? 'utf-8';
        const refusal = encodingRefusal(encoding);
        if (refusal) {
          unfixed(`${shown}: ${refusal}`);
          unwritten.add(abs);
          continue;
        }
        const patch = patchForOutput(unifiedDiff(outcome.originals.get(abs)!, text, gitQuotedPath(`a/${shown}`), gitQuotedPath(`b/${shown}`)), shown, io.isTTY);
        writePatch(io, patch.text, encoding);
        if (patch.note) say(io, patch.note);
        continue;
      }
      // The lint above is synchronous, so a SIGINT or SIGTERM (a cancelled CI job) waits in the event
      // loop: let it in before each file, so an interrupted run stops between files (main.ts).
      await yieldToSignals();
      // One file that cannot be written (a full disk, a read-only directory, a name too long for a
      // temp file) is reported by name; the other files are still fixed and the report still printed.
      try {
        writeFixedFile(abs, outcome.originals.get(abs)!, text, workspace);
        // Said on stderr (the report on stdout stays parseable): what changed in the file.
        const counts = [...(outcome.appliedRules.get(abs) ?? [])].map(([id, n]) => (n > 1 ? `${id} (${n})` : id));
        say(io, `fixed ${shown}: ${counts.join(', ')}`);
      } catch (e) {
        const why = e instanceof FixWriteError ? e.message.replace(abs, shown) : `${shown}: could not write the fix: ${e instanceof Error ? e.message : String(e)}`;
        unfixed(why);
        unwritten.add(abs);
      }
    }
    if (unwritten.size > 0) {
      const kept = [...outcome.fixed].filter(([abs]) => !unwritten.has(abs));
      result = await lint({ ...lintOptions, overrides: new Map([...(lintOptions.overrides ?? []), ...kept]) });
      result.executionSuccessful = false;
      result.executionNotes = [...(result.executionNotes ?? []), ...fixNotes];
    }
  } else {
    result = await lint(lintOptions);
  }
  if (opts.quiet) result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
  markLinted();
  await prepareFormat(opts.format);
  // Wrapped to the terminal's width on a terminal, else 120 (a file, a pipe, a log).
  const formatOptions = { color: useColor(opts, io), width: (!opts.outputFile && io.isTTY ? io.terminalColumns?.() : undefined) || 120 };
  let reportFailed = false;
  if (opts.outputFile) {
    try {
      writeReportFile(resolve(io.cwd, opts.outputFile), formatResult(opts.format, result, formatOptions), undefined, repositoryRoot(io.cwd));
    } catch (e) {
      if (!(e instanceof ReportFileError)) throw e;
      say(io, e.message.replace(resolve(io.cwd, opts.outputFile), opts.outputFile));
      reportFailed = true;
    }
  }
  // With --fix-dry-run stdout carries the patch alone (pipe it to git apply); the report goes to stderr.
  // (-f github's annotations are workflow commands by design, escaped as @actions/core escapes them.)
  else if (opts.fixDryRun) (opts.format === 'github' ? (io.annotationStderr ?? io.stderr) : io.stderr)(formatResult(opts.format, result, formatOptions));
  // The human formats quote the pull request at a line's start (file names) and anywhere in it: on GitHub Actions,
  // where the runner reads them for workflow commands, made inert (json and sarif escape `##[`; github's are ours).
  else writeReportParts(onGithubActions(io.env) && HUMAN_FORMATS.has(opts.format) ? { ...io, stdout: runnerInertWriter(io.stdout) } : io, formatResultParts(opts.format, result, formatOptions));
  for (const r of result.refusals) say(io, r);
  for (const n of result.notes) say(io, `note: ${n}`);
  if (result.ruleTimes) io.stderr(timingTable(result.ruleTimes, io.env.TIMING!));
  for (const r of result.ruleFailures) say(io, `internal error: ${r}`);

  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (result.refusals.length > 0 || result.ruleFailures.length > 0 || fixFailures > 0 || reportFailed) return 2;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    io.stderr(`kvmlint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** Writes a report's parts to stdout as they are made (src/formats/index.ts reportWrites says in what sizes). */
function writeReportParts(io: CliIo, parts: Iterable<string>): void {
  for (const chunk of reportWrites(parts)) io.stdout(chunk);
}

/**
 * --color/--no-color, then FORCE_COLOR (Node's and chalk's convention: a value other than 0 or
 * false forces colour, even into a pipe or a file), then NO_COLOR, then a terminal on stdout.
 */
/** SARIF URIs are relative to the checkout on GitHub Actions (GITHUB_WORKSPACE), else the git root above cwd. */
function sarifRoot(io: CliIo): string {
  return workspaceRoot(io.cwd, io.env);
}

/**
 * ESLint's TIMING=1: the slowest rules (TIMING=all for every rule), with their
 * share of all rule time, on stderr so reports on stdout stay parseable.
 */
function timingTable(times: ReadonlyMap<string, number>, setting: string): string {
  const total = [...times.values()].reduce((a, b) => a + b, 0);
  const n = setting === 'all' ? times.size : Number.parseInt(setting, 10) > 1 ? Number.parseInt(setting, 10) : 10;
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, n);
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  const line = (a: string, b: string, c: string) => `${a.padEnd(width)} | ${b.padStart(10)} | ${c.padStart(8)}\n`;
  return line('Rule', 'Time (ms)', 'Relative') + `${'-'.repeat(width)}-|-${'-'.repeat(10)}-|-${'-'.repeat(8)}\n` +
    rows.map(([id, ms]) => line(id, ms.toFixed(3), `${total > 0 ? ((100 * ms) / total).toFixed(1) : '0.0'}%`)).join('');
}

function rulesTable(): string {
  const rows = rules.map((r) => [r.meta.id, (r.meta.severities ?? [r.meta.severity]).join('/'), r.meta.needs, r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggest' : '', r.meta.summary]);
  const head = ['rule', 'severity', 'needs', 'fixes', 'summary'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n\n' + SEVERITY_POLICY;
}

/** The severity policy (README "Severity policy"): what each level means, printed under `kvmlint rules`. */
const SEVERITY_POLICY =
  'severity: error = libvirt refuses the definition, the guest fails to start, or the host can hang (realtime starvation);\n' +
  '          warning = it runs, but badly; info = advice, or what could not be checked.\n' +
  '          A rule listed with two levels (warning/error) reports the second in the case its README names; the first is its default.\n';
