import { onGithubActions, runnerInertWriter } from '../formats/runner-inert.ts';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../cli.ts';
import { displayPath, escapesWorkspace } from '../engine/discover.ts';
import { completePlans } from '../engine/plans.ts';
import { rules } from '../engine/registry.ts';
import { loadLintHost, resolveConfig } from '../engine/runner.ts';
import { DEFAULT_MAX_FILE_BYTES, readRegularText, sourceFromText, UsageError } from '../engine/source.ts';
import { repositoryRoot } from '../engine/repo.ts';
import { lstatSync } from 'node:fs';
import type { XmlParseError } from '../xml/types.ts';
import { hostForDomain } from '../engine/config.ts';
import { isDomainRoot } from '../model/domain.ts';
import type { LintHost, RuleSetting } from '../engine/types.ts';
import { neutraliseLine } from '../formats/neutralise.ts';

interface ExplainOptions {
  host?: string;
  config?: string;
  configLookup: boolean;
}

/**
 * `kvmlint explain FILE`: what a lint of FILE would use, so a mapping that silently drops host
 * and plan rules can be seen (ESLint's --print-config): the config, the host snapshot, the plan's
 * other members, the housekeeping CPUs and where they come from, and each rule's severity.
 */
export function registerExplainCommand(program: Command, io: CliIo): void {
  program
    .command('explain')
    .description('show the config, host snapshot, plan members, housekeeping CPUs and rule severities a domain file is linted with')
    .argument('<file>', 'a domain XML file')
    .option('--host <file>', 'host snapshot applied to the file, as for a lint')
    .option('-c, --config <file>', 'configuration file, as for a lint')
    .option('--no-config-lookup', 'do not look for kvmlint.config.json')
    .action(async (file: string, opts: ExplainOptions) => {
      // On GitHub Actions the runner reads stdout for workflow commands: names and file names made inert there.
      (onGithubActions(io.env) ? runnerInertWriter(io.stdout) : io.stdout)(await explain(file, opts, io.cwd));
    });
}

export async function explain(file: string, opts: ExplainOptions, cwd: string): Promise<string> {
  const abs = resolve(cwd, file);
  const shown = displayPath(abs, cwd);
  // As a lint reads a named file: one inside the workspace that a pull request made a symlink out of it is not read
  // (explain printed the <name> and <uuid> of the file it pointed at), and only a regular file is (a link to
  // /dev/stdin or a FIFO waited forever).
  const workspace = repositoryRoot(cwd);
  const escape = lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink() ? escapesWorkspace(abs, workspace) : escapesWorkspace(dirname(abs), workspace);
  if (escape) throw new UsageError(`${file}: a symlink to ${escape}, outside the workspace ${workspace}; not read`);
  let read: { text: string; error?: XmlParseError };
  try {
    read = readRegularText(abs, DEFAULT_MAX_FILE_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    throw e;
  }
  const { text, error } = read;
  const root = sourceFromText(shown, text, error).doc.root;
  const field = (name: string) => root?.children.find((c) => c.name === name)?.text.trim();
  const config = resolveConfig({ paths: [file], configFile: opts.config ?? (opts.configLookup ? undefined : false) }, cwd);
  const lines: string[] = [];
  // Every value is one line without controls: file names, <name> and <uuid> text come from the pull request.
  const row = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(14)}${neutraliseLine(value)}`);

  row('file', isDomainRoot(root) ? `${shown} (domain ${field('name') ?? '(no name)'}${field('uuid') ? `, uuid ${field('uuid')}` : ''})` : `${shown} (root <${root?.name ?? '?'}>: not a domain, not linted)`);
  row('config', config ? config.path : opts.configLookup ? 'none (no kvmlint.config.json at or above the file, up to the repository root)' : 'none (--no-config-lookup)');
  const ignored = config?.isIgnoredFile(abs) ?? false;
  if (ignored) row('ignored', `yes: a glob in ${config!.path} "ignores" skips this file`);

  let host: LintHost | undefined;
  let members: string[] = [shown];
  if (opts.host !== undefined) {
    host = loadLintHost(opts.host, cwd);
    row('host', `${host.path} (--host: applied to every linted domain; the plan is the domains linted together)`);
  } else if (config && !ignored) {
    const mapped = hostForDomain(config, abs);
    if (mapped) {
      host = loadLintHost(mapped.snapshot, cwd, mapped.housekeeping);
      row('host', `${host.path} (${config.path} hosts[${mapped.index}], domains ${mapped.globs.map((g) => `'${g}'`).join(', ')})`);
      const plan = await completePlans({ discovered: [{ absPath: abs, explicit: true }], config, cliHost: undefined, namedDirs: [], isIgnored: (p) => config.isIgnoredFile(p) });
      members = plan.files.map((f) => displayPath(f.absPath, cwd)).sort();
    } else {
      row('host', `none: no hosts[].domains glob in ${config.path} matches ${shown}; only domain rules run`);
    }
  } else {
    row('host', 'none (no --host, no config mapping): only domain rules run');
  }
  if (host) {
    // How the host file was read: an import (virsh capabilities, numactl) lacks facts a capture has, and the rules
    // that need them stay silent ("not checked"); `snapshot --from` prints the same list.
    const { source } = host.model.snapshot;
    const read = source === 'virsh-capabilities' ? 'virsh capabilities XML' : source === 'numactl-hardware' ? 'numactl --hardware text' : source === 'capture' ? 'a kvmlint snapshot capture' : source === 'manual' ? 'a hand-written kvmlint snapshot' : 'a kvmlint snapshot (no source given)';
    const missing = [...host.model.missing].sort();
    row('host facts', `${read}; ${missing.length > 0 ? `missing: ${missing.join(', ')} (the rules that need these stay silent)` : 'nothing missing'}`);
    const others = members.filter((m) => m !== shown);
    row('plan', `${members.length} domain${members.length === 1 ? '' : 's'} planned together on ${host.path}${others.length > 0 ? `: ${shown} with ${others.join(', ')}` : `: ${shown} alone`}`);
    row('housekeeping', housekeepingSource(host, config && opts.host === undefined ? hostForDomain(config, abs)?.housekeeping : undefined, config?.path));
  }

  const settings: Record<string, RuleSetting> = { ...config?.rules };
  lines.push('rules:');
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    // As the runner applies a setting: info notes stay info, otherwise the configured level wins.
    const severity = setting === 'off' ? 'off' : setting === undefined || rule.meta.severity === 'info' ? rule.meta.severity : setting;
    const from = setting === undefined ? 'default' : config!.path;
    const idle = severity !== 'off' && rule.meta.needs !== 'domain' && !host ? ` (needs a ${rule.meta.needs === 'plan' ? 'host (plan)' : 'host'}: does not run)` : '';
    lines.push(`  ${rule.meta.id.padEnd(width)}  ${severity.padEnd(7)}  ${from}${idle}`);
  }
  return `${lines.join('\n')}\n`;
}

function housekeepingSource(host: LintHost, configured: string | undefined, configPath: string | undefined): string {
  const m = host.model;
  if (!m.housekeeping) {
    return 'unknown: the snapshot declares no isolation (no isolcpus, nohz_full or tuned isolated_cores) and the config sets no "housekeeping"; housekeeping rules stay silent';
  }
  if (configured !== undefined) return `CPUs ${m.housekeeping.toString() || 'none'} (set by "housekeeping" in ${configPath})`;
  const from = m.isolation && m.isolation.sources.length > 0 ? ` (${m.isolation.sources.join(', ')})` : '';
  return `CPUs ${m.housekeeping.toString() || 'none'}: online ${m.online.toString()} minus isolated ${m.isolation?.isolated.toString() || 'none'}${from}`;
}
