/**
 * kvmlint as a library: `import { lintPlan } from 'kvmlint'`. The text-level
 * core with no file access (the CLI's file layer, src/engine/runner.ts, calls the
 * same core once per host), the formatters, and the rule list.
 */
import { LineIndex } from './xml/lines.ts';
import { buildHostModel } from './model/host-model.ts';
import { parseKernelCpuList } from './model/kernel-cpulist.ts';
import { HostSnapshotError, loadHostSnapshotText, loadHostText } from './host/load.ts';
import { capFindingsPerFile, lintPlanSources, planEnvironment, PLAN_SUGGESTIONS_AUTO_MAX_DOMAINS, type PlanSource } from './engine/core.ts';
import { fixedLevelProblem, rules as registeredRules, ruleDoc } from './engine/registry.ts';
import { sourceFromText } from './engine/source.ts';
import { optionsProblem } from './engine/options.ts';
import { formatResult, FORMATS, provideCodeframeFormat, type FormatName } from './formats/index.ts';
import { addPlanSuggestions } from './plan/suggest.ts';
import * as codeframeFormat from './formats/text.ts';
import type { FormatOptions, LintHost, LintResult, RuleDoc, RuleMeta, RuleSetting } from './engine/types.ts';
import type { HostSnapshot } from './model/host.ts';

export type { Diagnostic, Fix, MessageData, RelatedLocation, RuleMeta, RuleSetting, Severity, Suggestion, LintResult, FormatOptions } from './engine/types.ts';
export type { HostSnapshot } from './model/host.ts';
export type { FormatName };
export { HostSnapshotError };

/** A rule's level in `rules`, as kvmlint.config.json and `--rule` take it: `warn` is `warning`. */
export type RuleLevel = RuleSetting | 'warn';

const LEVELS: Readonly<Record<string, RuleSetting>> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', info: 'info' };

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
  /** Level per rule id (`off`, `info`, `warn` or `warning`, `error`), or `[level, options]`, as in kvmlint.config.json. */
  rules?: Readonly<Record<string, RuleLevel | readonly [RuleLevel, Readonly<Record<string, unknown>>]>>;
  /** Findings about inline-directive hygiene: report directives that suppress nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Directory SARIF URIs are relative to; default the working directory. */
  root?: string;
  /**
   * Attach the planner's layouts to findings a layout would resolve, as suggestions (as the CLI does); default on for
   * up to 200 domains, the CLI's default.
   */
  planSuggestions?: boolean;
}

export interface LintPlanResult extends LintResult {
  /** Rules that threw, one line each (the CLI exits 2 on any); every other finding is still reported. */
  ruleFailures: string[];
}

/**
 * Lints domains planned on one host, from text held in memory: nothing is read
 * from disk. Throws a `HostSnapshotError` for a host that does not parse or
 * validate, a `TypeError` for input of the wrong shape, and an `Error` for an
 * unknown rule id or level in `rules`. The result is plain data: `JSON.stringify`
 * keeps everything `format` needs but the rules' documentation, which `format`
 * takes from the registry when it is missing.
 */
export function lintPlan(input: LintPlanInput): LintPlanResult {
  checkInput(input);
  const settings: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, Readonly<Record<string, unknown>>> = {};
  const known = new Set(registeredRules.map((r) => r.meta.id));
  for (const [id, setting] of Object.entries(input.rules ?? {})) {
    if (!known.has(id)) throw new Error(`unknown rule '${id}'`);
    const [level, options] = Array.isArray(setting) ? (setting as readonly [unknown, Record<string, unknown>]) : [setting as unknown];
    const resolved = typeof level === 'string' && Object.hasOwn(LEVELS, level) ? LEVELS[level]! : undefined;
    if (!resolved) throw new Error(`rule '${id}': unknown level ${JSON.stringify(level) ?? String(level)}: use off, info, warn or error`);
    const fixed = fixedLevelProblem(id, resolved);
    if (fixed) throw new Error(fixed);
    settings[id] = resolved;
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
  // At most MAX_FINDINGS_PER_FILE per file, as the CLI reports (the planner then sees the same findings).
  outcome.diagnostics = [...capFindingsPerFile(outcome.diagnostics)];
  if (host && (input.planSuggestions ?? input.domains.length <= PLAN_SUGGESTIONS_AUTO_MAX_DOMAINS)) {
    const unparsed = outcome.linted.filter((s) => s.doc.error).map((s) => s.path);
    addPlanSuggestions(host, outcome.domains, outcome.diagnostics, unparsed);
  }
  const sources = new SourceTexts();
  for (const s of outcome.linted) sources.set(s.path, s.text);
  if (host) sources.set(host.path, host.text);
  const diagnostics = [...outcome.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId)));
  const result: LintPlanResult = {
    diagnostics,
    files: [...outcome.linted.map((s) => s.path), ...(host ? [host.path] : [])],
    sources,
    rules: [],
    root: input.root ?? process.cwd(),
    cwd: process.cwd(),
    executionSuccessful: env.ruleFailures.length === 0,
    ruleFailures: env.ruleFailures,
  };
  // The rules' documentation (each README, ~10 KB a rule) stays out of JSON.stringify(result).
  Object.defineProperty(result, 'rules', { value: env.rules.map(ruleDoc), enumerable: false, writable: true, configurable: true });
  return result;
}

/** The source texts by path: a Map, written by JSON.stringify as an object, which `format` takes back. */
class SourceTexts extends Map<string, string> {
  toJSON(): Record<string, string> {
    return Object.fromEntries(this);
  }
}

function checkInput(input: LintPlanInput): void {
  if (typeof input !== 'object' || input === null) throw new TypeError('lintPlan: expected an object { domains, host?, rules?, ... }');
  if (!Array.isArray(input.domains)) throw new TypeError('lintPlan: domains must be an array of { path, text }');
  const paths = new Set<string>();
  input.domains.forEach((d: unknown, i) => {
    const domain = d as Partial<DomainInput> | null;
    if (typeof domain !== 'object' || domain === null || typeof domain.path !== 'string' || typeof domain.text !== 'string') {
      throw new TypeError(`lintPlan: domains[${i}] must be { path: string, text: string }`);
    }
    // Findings, directives and sources are keyed by path: two texts under one path would share directives.
    if (paths.has(domain.path)) throw new TypeError(`lintPlan: domains[${i}].path '${domain.path}' is given twice`);
    paths.add(domain.path);
  });
  const host = input.host as Record<string, unknown> | undefined;
  if (host !== undefined) {
    if (typeof host !== 'object' || host === null || (typeof host.text !== 'string' && (typeof host.snapshot !== 'object' || host.snapshot === null))) {
      throw new TypeError('lintPlan: host must be { path?, text: string } or { path?, snapshot: object }');
    }
    if (host.path !== undefined && typeof host.path !== 'string') throw new TypeError('lintPlan: host.path must be a string');
  }
  if (input.rules !== undefined && (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules))) {
    throw new TypeError('lintPlan: rules must be an object of rule id to level');
  }
  if (input.housekeeping !== undefined && typeof input.housekeeping !== 'string') throw new TypeError('lintPlan: housekeeping must be a cpu-list string');
  if (input.housekeeping !== undefined && input.host === undefined) throw new TypeError('lintPlan: housekeeping needs a host');
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

/**
 * Renders a result in one of the CLI's formats (`text`, `codeframe`, `compact`, `json`, `sarif`, `github`). The
 * result may have been through JSON: sources as an object, rules' documentation left out.
 */
export function format(result: LintResult, name: FormatName = 'text', options: Partial<FormatOptions> = {}): string {
  if (!(FORMATS as readonly string[]).includes(name)) throw new Error(`unknown format ${JSON.stringify(name) ?? String(name)}: use ${FORMATS.join(', ')}`);
  if (typeof result !== 'object' || result === null || !Array.isArray(result.diagnostics)) throw new TypeError('format: expected a lintPlan result');
  result.diagnostics.forEach((d, i) => {
    // Every other string is neutralised when printed; a severity picks colours and counts, so it must be one of three.
    if (d.severity !== 'error' && d.severity !== 'warning' && d.severity !== 'info') throw new TypeError(`format: diagnostics[${i}].severity must be error, warning or info`);
    // Positions are printed as they are (a revived result's "1\u001b]0;…\n::error::…" reached the terminal and the log).
    for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
      const v = d[key];
      if (!(Number.isSafeInteger(v) && (v as number) >= 0) && !(v === undefined && key.startsWith('end'))) throw new TypeError(`format: diagnostics[${i}].${key} must be a non-negative integer`);
    }
  });
  const sources = result.sources instanceof Map ? result.sources : new Map(Object.entries((result.sources as Record<string, string> | undefined) ?? {}));
  const rules: RuleDoc[] = Array.isArray(result.rules) && result.rules.length > 0 ? result.rules : ruleDocsFor();
  return formatResult(name, { ...result, sources, rules, files: result.files ?? [] }, { color: options.color ?? false, ...(options.width !== undefined ? { width: options.width } : {}) });
}

/** The rules' documentation for a result revived from JSON, which has none: every registered rule's (as a run with no rule off). */
function ruleDocsFor(): RuleDoc[] {
  return registeredRules.map(ruleDoc);
}

export const formats: readonly FormatName[] = FORMATS;

/** Every rule's metadata (id, severity, what it needs, fixability, messages, option schema): frozen copies. */
export const rules: readonly RuleMeta[] = Object.freeze(registeredRules.map((r) => deepFreeze(structuredClone(r.meta))));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
