/**
 * kvmlint as a library: `import { lintPlan } from 'kvmlint'`. The text-level
 * core with no file access (the CLI's file layer, src/engine/runner.ts, calls the
 * same core once per host), the formatters, and the rule list.
 */
import { LineIndex } from './xml/lines.ts';
import { buildHostModel } from './model/host-model.ts';
import { parseKernelCpuList } from './model/kernel-cpulist.ts';
import { loadHostSnapshotText, loadHostText } from './host/load.ts';
import { lintPlanSources, planEnvironment, type PlanSource } from './engine/core.ts';
import { rules as registeredRules, ruleDoc } from './engine/registry.ts';
import { sourceFromText } from './engine/source.ts';
import { optionsProblem } from './engine/options.ts';
import { formatResult, FORMATS, provideCodeframeFormat, type FormatName } from './formats/index.ts';
import * as codeframeFormat from './formats/text.ts';
import type { Diagnostic, FormatOptions, LintHost, LintResult, RuleMeta, RuleSetting } from './engine/types.ts';
import type { HostSnapshot } from './model/host.ts';

export type { Diagnostic, Fix, MessageData, RelatedLocation, RuleMeta, RuleSetting, Severity, Suggestion, LintResult, FormatOptions } from './engine/types.ts';
export type { HostSnapshot } from './model/host.ts';
export type { FormatName };

/** A domain to lint: its text, and the name findings are reported under. */
export interface DomainInput {
  path: string;
  text: string;
}

/** The host the domains are planned on: a snapshot (JSON text, `virsh capabilities` XML, `numactl --hardware`) or an object. */
export type HostInput = { path?: string; text: string } | { path?: string; snapshot: HostSnapshot };

export interface LintPlanInput {
  domains: readonly DomainInput[];
  /** Without a host, host and plan rules are skipped (as the CLI without --host). */
  host?: HostInput;
  /** Overrides the host's housekeeping CPUs (kernel cpu-list syntax, as the config's `housekeeping`). */
  housekeeping?: string;
  /** Severity per rule id (`"off"` disables), or `[severity, options]`, as in kvmlint.config.json. */
  rules?: Readonly<Record<string, RuleSetting | readonly [RuleSetting, Readonly<Record<string, unknown>>]>>;
  /** Findings about inline-directive hygiene: report directives that suppress nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Directory SARIF URIs are relative to; default the working directory. */
  root?: string;
}

export interface LintPlanResult extends LintResult {
  /** Rules that threw, one line each (the CLI exits 2 on any); every other finding is still reported. */
  ruleFailures: string[];
}

/**
 * Lints domains planned on one host, from text held in memory: nothing is read
 * from disk. Throws a `HostSnapshotError` for a host that does not parse or
 * validate, and an `Error` for an unknown rule id in `rules`.
 */
export function lintPlan(input: LintPlanInput): LintPlanResult {
  const settings: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, Readonly<Record<string, unknown>>> = {};
  const known = new Set(registeredRules.map((r) => r.meta.id));
  for (const [id, setting] of Object.entries(input.rules ?? {})) {
    if (!known.has(id)) throw new Error(`unknown rule '${id}'`);
    const [level, options] = Array.isArray(setting) ? (setting as readonly [RuleSetting, Record<string, unknown>]) : [setting as RuleSetting];
    settings[id] = level;
    if (options) {
      const problem = optionsProblem(registeredRules.find((r) => r.meta.id === id)!.meta.schema, options);
      if (problem) throw new Error(`rule '${id}' ${problem.key ? `option '${problem.key}': ${problem.problem}` : problem.problem}`);
      ruleOptions[id] = options;
    }
  }
  const env = planEnvironment(registeredRules, settings, ruleOptions);
  env.reportUnusedDisableDirectives = input.reportUnusedDisableDirectives ?? false;
  const host = input.host ? hostOf(input.host, input.housekeeping) : undefined;
  const files: PlanSource[] = input.domains.map((d) => ({ source: sourceFromText(d.path, d.text), explicit: true }));
  const outcome = lintPlanSources(host, files, env);
  const sources = new Map<string, string>();
  for (const s of outcome.linted) sources.set(s.path, s.text);
  if (host) sources.set(host.path, host.text);
  const diagnostics = [...outcome.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId)));
  return {
    diagnostics,
    files: [...outcome.linted.map((s) => s.path), ...(host ? [host.path] : [])],
    sources,
    rules: env.rules.map(ruleDoc),
    root: input.root ?? process.cwd(),
    cwd: process.cwd(),
    executionSuccessful: env.ruleFailures.length === 0,
    ruleFailures: env.ruleFailures,
  };
}

function hostOf(input: HostInput, housekeeping: string | undefined): LintHost {
  const path = input.path ?? 'host.json';
  const text = 'text' in input ? input.text : `${JSON.stringify(input.snapshot, null, 2)}\n`;
  const snapshot = 'text' in input ? loadHostText(text, path) : loadHostSnapshotText(text, path);
  let housekeepingOverride;
  if (housekeeping !== undefined) {
    const parsed = parseKernelCpuList(housekeeping);
    if (!parsed.ok) throw new Error(`housekeeping '${housekeeping}': ${parsed.error}`);
    housekeepingOverride = parsed.value;
  }
  return { model: buildHostModel(snapshot, { name: path, housekeepingOverride }), path, text, lines: new LineIndex(text) };
}

// The library renders every format synchronously: it imports codeframe's module up front.
provideCodeframeFormat(codeframeFormat);

/** Renders a result in one of the CLI's formats (`text`, `codeframe`, `compact`, `json`, `sarif`, `github`). */
export function format(result: LintResult, name: FormatName = 'text', options: Partial<FormatOptions> = {}): string {
  return formatResult(name, result, { color: options.color ?? false, ...(options.width !== undefined ? { width: options.width } : {}) });
}

export const formats: readonly FormatName[] = FORMATS;

/** Every rule's metadata (id, severity, what it needs, fixability, messages, option schema). */
export const rules: readonly RuleMeta[] = registeredRules.map((r) => r.meta);
