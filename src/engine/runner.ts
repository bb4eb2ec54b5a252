import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Range } from '../xml/types.ts';
import { LineIndex } from '../xml/lines.ts';
import { buildDomainModel } from '../model/domain.ts';
import { buildHostModel } from '../model/host-model.ts';
import { parseKernelCpuList } from '../model/kernel-cpulist.ts';
import { loadHostFile } from '../host/load.ts';
import { ConfigError, configRelative, findConfigFile, hostForDomain, loadConfigFile, type ConfigHost, type ResolvedConfig } from './config.ts';
import { applyDirectives, parseDirectives } from './directives.ts';
import { renderReport } from './messages.ts';
import { discoverFiles, displayPath, type DiscoveredFile } from './discover.ts';
import { repositoryRoot } from './repo.ts';
import { rules as registeredRules, ruleDoc, findRule } from './registry.ts';
import { decodeXmlBytes, DEFAULT_MAX_FILE_BYTES, oversizeMessage, readBoundedText, sourceFromText, UsageError } from './source.ts';
import { checkSchemaDir, defaultSchemaDirs, findSchemaDir } from '../schema/dir.ts';
import { loadSchemaValidator } from '../schema/validator.ts';
import type { SchemaValidator } from '../schema/types.ts';
import type {
  Diagnostic,
  DomainRuleContext,
  LintedDomain,
  LintHost,
  LintResult,
  PlanRuleContext,
  HostReportDescriptor,
  LocatedText,
  RelatedLocation,
  ReportDescriptor,
  Suggestion,
  Rule,
  RuleSetting,
  Severity,
  SourceFile,
} from './types.ts';

export interface LintOptions {
  paths: readonly string[];
  cwd?: string;
  /** Host snapshot applied to every linted domain (`--host`); overrides the config's host mapping. */
  hostFile?: string;
  /** Config file (`-c`); `false` disables the upward search for kvmlint.config.json. */
  configFile?: string | false;
  /** Per-rule severity overrides (`--rule id=warn`), applied over the config's. */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  maxFileBytes?: number;
  /** Directory SARIF URIs are relative to; default: the git root above cwd. */
  root?: string;
  /** Rules to run (tests); default every registered rule. */
  rules?: readonly Rule[];
  reportUnusedDisableDirectives?: boolean;
  /** Current contents by absolute path, used instead of reading the file (fix passes). */
  overrides?: ReadonlyMap<string, string>;
  /**
   * Bytes read from standard input, linted as the file at `path` (ESLint's
   * `--stdin-filename`): displayed under that name, mapped to a host by it, and
   * planned with the other linted domains, replacing that file if it is one of them.
   */
  stdin?: { bytes: Buffer; path: string };
  /** Shared by repeated lints of the same paths (fix passes): config and hosts are loaded once. */
  session?: LintSession;
  /** Measure each rule's time (ESLint's TIMING=1): filled into LintRun.ruleTimes. */
  timing?: boolean;
  /**
   * libvirt's RelaxNG schemas for `schema-invalid` (`--schema [dir]`): a directory holding
   * domain.rng (relative to cwd), true to search `schemaSearchDirs`, false for none.
   * Default: the config's `schema`.
   */
  schema?: string | boolean;
  /** Where `schema: true` looks; default $KVMLINT_LIBVIRT_SCHEMAS, then the installed locations. */
  schemaSearchDirs?: readonly string[];
  /**
   * Called once per host plan after its rules ran, with its domains and the findings
   * kept for them (`kvmlint plan` and `kvmlint map` read the plan this way).
   */
  onPlan?: (plan: { host: LintHost; domains: readonly LintedDomain[]; diagnostics: readonly Diagnostic[] }) => void;
}

/** The rule that needs libvirt's compiled schema; the schema is looked for only when it runs. */
const SCHEMA_RULE_ID = 'schema-invalid';

/** What stays the same from one fix pass to the next: only domain texts change. */
export interface LintSession {
  /** null: resolved, and there is none. */
  config?: ResolvedConfig | null;
  /** Loaded hosts by absolute snapshot path and housekeeping override. */
  hosts: Map<string, LintHost>;
}

export interface LintRun extends LintResult {
  /** How many domains were linted. */
  domainCount: number;
  /** Usage-level refusals (oversized files): reported on stderr, exit 2. */
  refusals: string[];
  /** Rules that threw: reported on stderr, exit 2; every other finding is still reported. */
  ruleFailures: string[];
  /** Absolute path of each displayed file path. */
  absPaths: Map<string, string>;
  /** Milliseconds spent in each rule's checks, when LintOptions.timing asked for it. */
  ruleTimes?: Map<string, number>;
  config: ResolvedConfig | undefined;
}

export { repositoryRoot };

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});
/** The group key of domains planned on the `--host` snapshot. */
const CLI_HOST = Symbol('--host');

export function lineColumnOf(lines: LineIndex, range: Range): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const s = lines.position(range.start);
  const e = lines.position(range.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * A rule's report as a finding: its text rendered from `meta.messages`, related
 * places located, and the contract checked (ESLint's linter does the same): a
 * fix from a rule not declared fixable, or suggestions from one without
 * hasSuggestions, throw, and the runner records the rule as failed.
 */
export function diagnosticOf(rule: Rule, severity: Severity, at: LocatedText, d: ReportDescriptor): Diagnostic {
  const text = renderReport(rule, d);
  const diag: Diagnostic = {
    ruleId: rule.meta.id,
    severity,
    ...(text.messageId !== undefined ? { messageId: text.messageId } : {}),
    ...(text.data ? { data: text.data } : {}),
    message: text.message,
    ...(text.help !== undefined ? { help: text.help } : {}),
    file: at.path,
    range: d.range,
    ...lineColumnOf(at.lines, d.range),
  };
  if (d.related && d.related.length > 0) {
    diag.related = d.related.map((r): RelatedLocation => {
      const where = r.file ?? at;
      return { file: where.path, range: r.range, ...lineColumnOf(where.lines, r.range), message: r.message };
    });
  }
  if (d.fix) {
    if (!rule.meta.fixable) throw new Error(`rule ${rule.meta.id} returned a fix but its metadata does not declare fixable`);
    diag.fix = d.fix;
  }
  if (d.suggestions && d.suggestions.length > 0) {
    if (!rule.meta.hasSuggestions) throw new Error(`rule ${rule.meta.id} returned suggestions but its metadata does not declare hasSuggestions`);
    diag.suggestions = d.suggestions.map((sg): Suggestion => {
      const t = renderReport(rule, sg as { messageId?: string; data?: Record<string, string | number>; message?: string });
      return { ...(t.messageId !== undefined ? { messageId: t.messageId } : {}), ...(t.data ? { data: t.data } : {}), message: t.message, fix: sg.fix };
    });
  }
  return diag;
}

/** Applies a severity setting: info notes stay info; otherwise the user's level wins over the rule's. */
function effectiveSeverity(rule: Rule, reported: Severity | undefined, setting: RuleSetting | undefined): Severity {
  const base = reported ?? rule.meta.severity;
  if (base === 'info' || setting === undefined || setting === 'off') return base;
  return setting;
}

export function loadLintHost(hostFile: string, cwd: string, housekeeping?: string): LintHost {
  const abs = resolve(cwd, hostFile);
  const { snapshot, text } = loadHostFile(abs);
  const path = displayPath(abs, cwd);
  let housekeepingOverride;
  if (housekeeping !== undefined) {
    const parsed = parseKernelCpuList(housekeeping);
    if (!parsed.ok) throw new UsageError(`housekeeping '${housekeeping}' for ${path}: ${parsed.error}`);
    housekeepingOverride = parsed.value;
  }
  return { model: buildHostModel(snapshot, { name: path, housekeepingOverride }), path, text, lines: new LineIndex(text) };
}

function commonAncestor(paths: readonly string[]): string {
  let dir = paths[0]!;
  for (const p of paths.slice(1)) while (!(p + '/').startsWith(dir.endsWith('/') ? dir : dir + '/') && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function resolveConfig(options: LintOptions, cwd: string): ResolvedConfig | undefined {
  if (options.configFile === false) return undefined;
  if (options.configFile) return loadConfigFile(resolve(cwd, options.configFile), options.configFile);
  // Search upward from where the linted paths are (their common directory).
  // The stdin file name counts as a linted path (ESLint looks up its config from there too).
  const named = options.stdin ? [...options.paths, options.stdin.path] : options.paths;
  const starts = (named.length > 0 ? named : ['.']).map((p) => {
    const abs = resolve(cwd, p);
    return existsSync(abs) && !abs.endsWith('.xml') ? abs : dirname(abs);
  });
  const found = findConfigFile(commonAncestor(starts));
  return found ? loadConfigFile(found, displayPath(found, cwd)) : undefined;
}

export async function lint(options: LintOptions): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const session = options.session;
  let config: ResolvedConfig | undefined;
  if (session?.config !== undefined) config = session.config ?? undefined;
  else {
    config = resolveConfig(options, cwd);
    if (session) session.config = config ?? null;
  }
  const hostFor = (file: string, housekeeping?: string): LintHost => {
    if (!session) return loadLintHost(file, cwd, housekeeping);
    const key = `${resolve(cwd, file)}\0${housekeeping ?? ''}`;
    let host = session.hosts.get(key);
    if (!host) session.hosts.set(key, (host = loadLintHost(file, cwd, housekeeping)));
    return host;
  };
  const maxBytes = options.maxFileBytes ?? config?.maxFileSize ?? DEFAULT_MAX_FILE_BYTES;
  const settings: Record<string, RuleSetting> = { ...config?.rules, ...options.ruleSettings };
  const ruleOptions = { ...config?.ruleOptions, ...options.ruleOptions };
  const activeRules = (options.rules ?? registeredRules).filter((r) => settings[r.meta.id] !== 'off');
  const reportUnused = options.reportUnusedDisableDirectives ?? config?.reportUnusedDisableDirectives ?? false;

  // libvirt's schema: found (or refused, exit 2) before any file is read, compiled once per process.
  const schemaSetting = options.schema ?? config?.schema;
  let schemaDir: string | undefined;
  if (schemaSetting && activeRules.some((r) => r.meta.id === SCHEMA_RULE_ID)) {
    if (typeof schemaSetting === 'string') schemaDir = options.schema !== undefined ? checkSchemaDir(schemaSetting, cwd) : schemaSetting;
    else schemaDir = findSchemaDir(options.schemaSearchDirs ?? defaultSchemaDirs(process.env), cwd);
  }

  // Hosts: --host applies to every domain; otherwise the config maps globs to snapshots.
  const cliHost = options.hostFile ? hostFor(options.hostFile) : undefined;
  /** The config's host for a domain file, by mapping only: snapshots are loaded one plan at a time. */
  const configHostOf = (abs: string): ConfigHost | undefined => (cliHost || !config || config.hosts.length === 0 ? undefined : hostForDomain(config, abs));

  const stdinAbs = options.stdin ? resolve(cwd, options.stdin.path) : undefined;
  // With --stdin and no paths there is nothing to walk (not the default ".").
  const discovered = options.stdin && options.paths.length === 0 ? [] : (await discoverFiles(options.paths, cwd)).filter((f) => f.absPath !== stdinAbs);
  if (stdinAbs !== undefined) discovered.push({ absPath: stdinAbs, explicit: true });
  const files = discovered.filter((f) => !config?.isIgnoredFile(f.absPath));
  const schema: SchemaValidator | undefined = schemaDir && files.length > 0 ? await loadSchemaValidator(schemaDir, displayPath(schemaDir, cwd)) : undefined;
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const absPaths = new Map<string, string>();
  const shown: string[] = [];
  const refusals: string[] = [];
  const ruleFailures: string[] = [];
  const hostOnceKeys = new Set<string>();
  /** One rule's bug must not cost the report on every other file and rule. */
  const ruleTimes = options.timing ? new Map<string, number>() : undefined;
  /** Runs one rule's check; a rule that throws is recorded, and every other rule's findings survive. */
  const callRule = <C>(rule: Rule, where: string, check: (ctx: C) => void, ctx: C): void => {
    const t0 = ruleTimes ? performance.now() : 0;
    try {
      check.call(rule, ctx);
    } catch (e) {
      ruleFailures.push(`rule ${rule.meta.id} failed on ${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (ruleTimes) ruleTimes.set(rule.meta.id, (ruleTimes.get(rule.meta.id) ?? 0) + performance.now() - t0);
  };
  let domainCount = 0;

  const builtin = (id: string): Rule | undefined => activeRules.find((r) => r.meta.id === id);
  const makeDiagnostic = (rule: Rule, file: string, lines: LineIndex, d: ReportDescriptor): Diagnostic =>
    diagnosticOf(rule, effectiveSeverity(rule, d.severity, settings[rule.meta.id]), { path: file, lines }, d);

  /**
   * Lints one plan (the domains of one host, or a batch of host-less domains)
   * from reading to suppression, then lets it go: only findings and the text of
   * files that have findings outlive it. A fleet's memory is that of its
   * largest plan, not of the whole fleet.
   */
  const lintGroup = (host: LintHost | undefined, group: readonly DiscoveredFile[]): void => {
    const found: Diagnostic[] = [];
    const push = (rule: Rule, file: string, lines: LineIndex, d: ReportDescriptor) => found.push(makeDiagnostic(rule, file, lines, d));
    const domains: LintedDomain[] = [];
    const groupSources = new Map<string, SourceFile>();
    const texts = new Map<string, string>();
    for (const f of group) {
      const shownPath = displayPath(f.absPath, cwd);
      let source: SourceFile;
      const override = options.overrides?.get(f.absPath);
      if (override !== undefined) {
        // Text handed in (fix passes, tools) meets the same bound as text read from disk.
        if (override.length > maxBytes / 3 && Buffer.byteLength(override) > maxBytes) {
          refusals.push(oversizeMessage(`${shownPath}: text is`, Buffer.byteLength(override), maxBytes));
          continue;
        }
        source = sourceFromText(shownPath, override);
      } else if (f.absPath === stdinAbs) {
        const { bytes } = options.stdin!;
        if (bytes.length > maxBytes) {
          refusals.push(oversizeMessage(`${shownPath} (standard input):`, bytes.length, maxBytes));
          continue;
        }
        const { text, error } = decodeXmlBytes(bytes);
        source = sourceFromText(shownPath, text, error);
      } else {
        try {
          const { text, error } = readBoundedText(f.absPath, maxBytes);
          source = sourceFromText(shownPath, text, error);
        } catch (e) {
          if (e instanceof UsageError) {
            refusals.push(e.message.replace(f.absPath, shownPath));
            continue;
          }
          throw e;
        }
      }
      const { doc } = source;
      if (!doc.error && doc.root?.name !== 'domain' && !f.explicit) continue;
      shown.push(shownPath);
      absPaths.set(shownPath, f.absPath);
      texts.set(shownPath, source.text);
      if (doc.error) {
        const rule = builtin('xml-malformed');
        const at = Math.min(doc.error.offset, source.text.length);
        if (rule) push(rule, shownPath, source.lines, { range: { start: at, end: Math.min(at + 1, source.text.length) }, message: doc.error.message });
        continue;
      }
      groupSources.set(shownPath, source);
      if (doc.root?.name !== 'domain') {
        const rule = builtin('not-a-domain');
        if (rule && doc.root) push(rule, shownPath, source.lines, { range: doc.root.startTag, message: `root element is <${doc.root.name}>, not <domain>: not a libvirt domain definition` });
        continue;
      }
      domains.push({ source, domain: buildDomainModel(doc.root) });
    }
    domainCount += domains.length;

    const reportOnHost = (rule: Rule, h: LintHost, d: HostReportDescriptor): void => {
      push(rule, h.path, h.lines, { ...d, range: d.range ?? { start: 0, end: h.lines.lineCount > 1 ? h.lines.lineStart(2) - 1 : h.text.length } });
    };
    // One context per domain, re-aimed at each rule in turn: a context and closures per rule and domain
    // would be a few hundred thousand short-lived objects for a fleet.
    let current: Rule | undefined;
    const contexts = domains.map((ld) => {
      const path = ld.source.path;
      return {
        source: ld.source,
        domain: ld.domain,
        host,
        options: NO_OPTIONS,
        schema,
        report: (d: ReportDescriptor) => push(current!, path, ld.source.lines, d),
        reportHostOnce: (key: string, d: HostReportDescriptor) => {
          if (!host) return;
          const k = `${current!.meta.id}\0${host.path}\0${key}`;
          if (hostOnceKeys.has(k)) return;
          hostOnceKeys.add(k);
          reportOnHost(current!, host, d);
        },
      } satisfies DomainRuleContext;
    });
    for (const rule of activeRules) {
      if (!rule.checkDomain || (rule.meta.needs !== 'domain' && !host)) continue;
      current = rule;
      const options = ruleOptions[rule.meta.id] ?? NO_OPTIONS;
      for (const ctx of contexts) {
        ctx.options = options;
        callRule(rule, ctx.source.path, rule.checkDomain, ctx);
      }
    }
    if (host) {
      for (const rule of activeRules) {
        if (!rule.checkPlan) continue;
        callRule(rule, `the plan of ${host.path}`, rule.checkPlan, {
          host,
          domains,
          options: ruleOptions[rule.meta.id] ?? NO_OPTIONS,
          report: (on, d) => push(rule, on.source.path, on.source.lines, d),
          reportHost: (d) => reportOnHost(rule, host, d),
        } satisfies PlanRuleContext);
      }
    }
    const kept = filterSuppressed(found, groupSources, config, absPaths, reportUnused, settings);
    if (host && options.onPlan) options.onPlan({ host, domains, diagnostics: kept });
    for (const d of kept) {
      diagnostics.push(d);
      const text = texts.get(d.file);
      if (text !== undefined) sources.set(d.file, text);
    }
  };

  // Group files by plan before reading any: the config maps domains to hosts by path.
  const groups = new Map<ConfigHost | typeof CLI_HOST | undefined, DiscoveredFile[]>();
  for (const f of files) {
    const key = cliHost ? CLI_HOST : configHostOf(f.absPath);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  if (cliHost && !groups.has(CLI_HOST)) groups.set(CLI_HOST, []);
  const HOSTLESS_BATCH = 256;
  const lintedHosts: string[] = [];
  for (const [key, group] of groups) {
    if (key === undefined) {
      for (let i = 0; i < group.length; i += HOSTLESS_BATCH) lintGroup(undefined, group.slice(i, i + HOSTLESS_BATCH));
      continue;
    }
    // Loaded for its plan and let go after it (unless a fix session keeps it): a host's model
    // is a few hundred KB, and a fleet's hundred of them need not all be alive at once.
    const host = key === CLI_HOST ? cliHost! : hostFor(key.snapshot, key.housekeeping);
    const before = diagnostics.length;
    lintGroup(host, group);
    lintedHosts.push(host.path);
    // Its text is kept for the findings that point into it, not for every host of a fleet.
    for (let i = before; i < diagnostics.length; i++) {
      if (diagnostics[i]!.file === host.path) {
        sources.set(host.path, host.text);
        break;
      }
    }
  }
  for (const path of lintedHosts) {
    shown.push(path);
    absPaths.set(path, resolve(cwd, path));
  }

  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId)));
  return {
    diagnostics,
    files: shown,
    sources,
    rules: activeRules.map(ruleDoc),
    root: options.root ?? repositoryRoot(cwd),
    cwd,
    executionSuccessful: ruleFailures.length === 0,
    domainCount,
    refusals,
    ruleFailures,
    absPaths,
    config,
    ruleTimes,
  };
}

/** Inline directives per file, then the config's finding ignores (by file glob, domain name or uuid, rule). */
function filterSuppressed(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, SourceFile>,
  config: ResolvedConfig | undefined,
  absPaths: ReadonlyMap<string, string>,
  reportUnused: boolean,
  settings: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const unusedRule = findRule('unused-disable-directive');
  const out: Diagnostic[] = [];
  const files = new Set([...byFile.keys(), ...(reportUnused ? sources.keys() : [])]);
  for (const file of files) {
    const source = sources.get(file);
    let list = byFile.get(file) ?? [];
    if (source) {
      const directives = parseDirectives(source.doc);
      const { kept, unused } = applyDirectives(list, directives);
      list = kept;
      if (reportUnused && unusedRule && settings[unusedRule.meta.id] !== 'off') {
        for (const { directive, rules } of unused) {
          list.push({
            ruleId: unusedRule.meta.id,
            severity: effectiveSeverity(unusedRule, undefined, settings[unusedRule.meta.id]),
            message: `unused kvmlint-${directive.kind} directive (${rules ? `no problem was reported from ${rules.map((r) => `'${r}'`).join(', ')}` : 'no problem was reported'}${directive.kind === 'disable-next-line' && !directive.target ? '; no element follows it' : ''})`,
            file,
            range: directive.comment.range,
            ...lineColumnOf(source.lines, directive.comment.range),
          });
        }
      }
    }
    if (config && config.findingIgnores.length > 0) {
      const abs = absPaths.get(file);
      const rel = abs ? configRelative(config, abs) : file;
      const root = source?.doc.root;
      const name = root ? domainName(root) : undefined;
      list = list.filter(
        (d) =>
          !config.findingIgnores.some(
            (ig) =>
              (!ig.rules || ig.rules.has(d.ruleId)) &&
              (!ig.files || ig.files(rel)) &&
              (!ig.domains || (name !== undefined && (ig.domains.has(name.name ?? '') || ig.domains.has(name.uuid ?? '')))),
          ),
      );
    }
    out.push(...list);
  }
  return out;
}

function domainName(root: import('../xml/types.ts').XmlElement): { name?: string; uuid?: string } {
  const text = (n: string) => root.children.find((c) => c.name === n)?.text.trim();
  return { name: text('name'), uuid: text('uuid') };
}

export { ConfigError };
