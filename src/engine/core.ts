/**
 * The text-level core (ESLint's `Linter#verify` under the `ESLint` class): lints
 * one plan — domains already read into memory, and the host they are planned
 * on — with no file access. The file layer (runner.ts) discovers, reads and
 * groups files by host, then calls `lintPlanSources` once per plan; embedders
 * call `lintPlan` with texts and a snapshot.
 */
import type { Range } from '../xml/types.ts';
import type { LineIndex } from '../xml/lines.ts';
import { buildDomainModel, isDomainRoot } from '../model/domain.ts';
import { mapPacked } from '../packed-arrays.ts';
import { applyDirectives, parseDirectives, unknownDirectives } from './directives.ts';
import { applyMetadataSuppressions, parseMetadataSuppressions } from './metadata-suppressions.ts';
import { MAX_PLACEHOLDER_VALUE, renderReport } from './messages.ts';
import { excerpt } from '../model/describe.ts';
import { rules as registeredRules, TOO_MANY_FINDINGS } from './registry.ts';
import type { SchemaValidator } from '../schema/types.ts';
import { definedGuests } from '../model/domain-identity.ts';
import type {
  Diagnostic,
  DomainRuleContext,
  HostReportDescriptor,
  LintedDomain,
  LintHost,
  LocatedText,
  PlanRuleContext,
  RelatedLocation,
  ReportDescriptor,
  Rule,
  RuleSetting,
  Severity,
  SourceFile,
  Suggestion,
} from './types.ts';

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});


/** Above this many domains a lint plans no suggestions unless asked (the planner's work grows with the host's guests). */
export const PLAN_SUGGESTIONS_AUTO_MAX_DOMAINS = 200;

export function lineColumnOf(lines: LineIndex, range: Range): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const s = lines.position(range.start);
  const e = lines.position(range.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** Applies a severity setting: info notes stay info; otherwise the user's level wins over the rule's. */
export function effectiveSeverity(rule: Rule, reported: Severity | undefined, setting: RuleSetting | undefined): Severity {
  const base = reported ?? rule.meta.severity;
  if (base === 'info' || setting === undefined || setting === 'off') return base;
  return setting;
}

/**
 * A rule's report as a finding: its text rendered from `meta.messages`, related
 * places located, and the contract checked (ESLint's linter does the same): a
 * fix from a rule not declared fixable, or suggestions from one without
 * hasSuggestions, throw, and the runner records the rule as failed.
 */
/** Related places one finding lists (SECURITY.md): enough to find the others, bounded for any input. */
export const MAX_RELATED = 20;

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
  if (d.unchecked) {
    diag.severity = 'info';
    diag.unchecked = true;
  }
  if (d.related && d.related.length > 0) {
    // At most MAX_RELATED places (SECURITY.md), whatever a rule hands over: a crafted plan made one rule
    // list ~750 per finding, 3 million in all, and the JSON and SARIF reports outgrew a string.
    const kept = d.related.length > MAX_RELATED ? d.related.slice(0, MAX_RELATED) : d.related;
    const omitted = d.related.length - kept.length;
    diag.related = kept.map((r, i): RelatedLocation => {
      const where = r.file ?? at;
      // Bounded as placeholder values are: a related message names guests and CPUs from the XML.
      const message = excerpt(r.message, MAX_PLACEHOLDER_VALUE) + (omitted > 0 && i === kept.length - 1 ? ` (and ${omitted} more ${omitted === 1 ? 'place' : 'places'} not listed)` : '');
      return { file: where.path, range: r.range, ...lineColumnOf(where.lines, r.range), message };
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

/**
 * Findings reported for one file at most (SECURITY.md, "Limits"): the first ones by position, then one
 * `too-many-findings` error saying how many more there are. An 8 MiB file a pull request crafts yields
 * ~380,000 findings; the JSON report of them took 1.2 GB of memory (0.31 GB now), and no one reads past the first screen.
 */
export const MAX_FINDINGS_PER_FILE = 1_000;

/** Findings in report order within one file: by position, then rule id (the order every format prints). */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Each file's findings cut to the first MAX_FINDINGS_PER_FILE by position, with one `too-many-findings` error
 * (always an error, whatever the settings, so the run fails) at the first finding left out, counting them.
 * Files within the bound keep their findings and order untouched.
 */
export function capFindingsPerFile(diagnostics: readonly Diagnostic[], max = MAX_FINDINGS_PER_FILE): readonly Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
  const over = new Set([...counts].filter(([, n]) => n > max).map(([file]) => file));
  if (over.size === 0) return diagnostics;
  const rule = registeredRules.find((r) => r.meta.id === TOO_MANY_FINDINGS)!;
  const out: Diagnostic[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!over.has(d.file)) out.push(d);
    else {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
  }
  for (const [file, list] of byFile) {
    list.sort(byPosition);
    for (let i = 0; i < max; i++) out.push(list[i]!);
    const first = list[max]!;
    let errors = 0;
    for (let i = max; i < list.length; i++) if (list[i]!.severity === 'error') errors++;
    // At the first finding left out, so a reader sees where reporting stopped.
    const text = renderReport(rule, { messageId: 'truncated', data: { omitted: list.length - max, errors, max } });
    const d: Diagnostic = {
      ruleId: TOO_MANY_FINDINGS,
      severity: 'error',
      messageId: text.messageId!,
      ...(text.data ? { data: text.data } : {}),
      message: text.message,
      ...(text.help !== undefined ? { help: text.help } : {}),
      file,
      range: { start: first.range.start, end: first.range.end },
      line: first.line,
      column: first.column,
      endLine: first.endLine,
      endColumn: first.endColumn,
    };
    out.push(d);
  }
  return out;
}

/** What one plan is linted with; shared by every plan of a run. */
export interface PlanEnvironment {
  /** The rules to run (already without those set to off). */
  rules: readonly Rule[];
  settings: Readonly<Record<string, RuleSetting>>;
  ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  schema?: SchemaValidator;
  reportUnusedDisableDirectives: boolean;
  /** Keys of reportHostOnce notes already given, across the plans of one run. */
  hostOnceKeys: Set<string>;
  /** Filled with a line per rule that threw (the run then exits 2); every other finding survives. */
  ruleFailures: string[];
  /** Milliseconds per rule, when timing. */
  ruleTimes?: Map<string, number>;
  /** Rule ids a directive may name; default every registered rule and `rules`. */
  knownRuleIds?: ReadonlySet<string>;
}

export function planEnvironment(rules: readonly Rule[], settings: Readonly<Record<string, RuleSetting>> = {}, ruleOptions: PlanEnvironment['ruleOptions'] = {}): PlanEnvironment {
  return { rules: rules.filter((r) => settings[r.meta.id] !== 'off'), settings, ruleOptions, reportUnusedDisableDirectives: false, hostOnceKeys: new Set(), ruleFailures: [] };
}

/** One file of a plan: its parsed source, and whether it was named explicitly (a non-domain root is then reported). */
export interface PlanSource {
  source: SourceFile;
  explicit: boolean;
}

export interface PlanOutcome {
  /** Findings after inline directives, in report order. */
  diagnostics: Diagnostic[];
  /** The files that were linted (a non-domain found by a directory walk is skipped), in order. */
  linted: SourceFile[];
  /** The plan's domains as the rules saw them (`kvmlint plan` and `kvmlint map` read them). */
  domains: LintedDomain[];
  domainCount: number;
}

/** Lints one plan: every rule over the domains (and the host, if any), then inline directives. No file access. */
export function lintPlanSources(host: LintHost | undefined, files: readonly PlanSource[], env: PlanEnvironment): PlanOutcome {
  const { rules, settings, ruleOptions, schema } = env;
  const found: Diagnostic[] = [];
  const push = (rule: Rule, at: LocatedText, d: ReportDescriptor) => found.push(diagnosticOf(rule, effectiveSeverity(rule, d.severity, settings[rule.meta.id]), at, d));
  const builtin = (id: string): Rule | undefined => rules.find((r) => r.meta.id === id);
  const recordFailure = (rule: Rule, where: string, e: unknown): void => {
    env.ruleFailures.push(`rule ${rule.meta.id} failed on ${where}: ${e instanceof Error ? e.message : String(e)}`);
  };
  /** Runs one rule's check; a rule that throws is recorded, and every other rule's findings survive. */
  const callRule = <C>(rule: Rule, where: string, check: (ctx: C) => void, ctx: C): void => {
    const t0 = env.ruleTimes ? performance.now() : 0;
    try {
      check.call(rule, ctx);
    } catch (e) {
      recordFailure(rule, where, e);
    }
    if (env.ruleTimes) env.ruleTimes.set(rule.meta.id, (env.ruleTimes.get(rule.meta.id) ?? 0) + performance.now() - t0);
  };
  const domains: LintedDomain[] = [];
  const linted: SourceFile[] = [];
  for (const { source, explicit } of files) {
    const { doc } = source;
    if (!doc.error && !isDomainRoot(doc.root) && !explicit) continue;
    linted.push(source);
    if (doc.error) {
      const rule = builtin('xml-malformed');
      const at = Math.min(doc.error.offset, source.text.length);
      if (rule) push(rule, source, { range: { start: at, end: Math.min(at + 1, source.text.length) }, messageId: 'malformed', data: { error: doc.error.message } });
      continue;
    }
    if (!isDomainRoot(doc.root)) {
      const rule = builtin('not-a-domain');
      if (rule && doc.root) push(rule, source, { range: doc.root.startTag, messageId: 'notADomain', data: { root: doc.root.name } });
      continue;
    }
    domains.push({ source, domain: buildDomainModel(doc.root!) });
  }

  const reportOnHost = (rule: Rule, h: LintHost, d: HostReportDescriptor): void => {
    push(rule, h, { ...d, range: d.range ?? { start: 0, end: h.lines.firstLineEnd() } } as ReportDescriptor);
  };
  // One context per domain, re-aimed at each rule in turn: a context and closures per rule and domain
  // would be a few hundred thousand short-lived objects for a fleet.
  let current: Rule | undefined;
  const contexts = mapPacked(domains, (ld) => ({
    source: ld.source,
    domain: ld.domain,
    host,
    options: NO_OPTIONS,
    schema,
    report: (d: ReportDescriptor) => push(current!, ld.source, d),
    reportHostOnce: (key: string, d: HostReportDescriptor) => {
      if (!host) return;
      const k = `${current!.meta.id}\0${host.path}\0${key}`;
      if (env.hostOnceKeys.has(k)) return;
      env.hostOnceKeys.add(k);
      reportOnHost(current!, host, d);
    },
  }) satisfies DomainRuleContext);
  for (const rule of rules) {
    const check = rule.checkDomain;
    if (!check || (rule.meta.needs !== 'domain' && !host)) continue;
    current = rule;
    const options = ruleOptions[rule.meta.id] ?? NO_OPTIONS;
    // One try around the loop, not one per domain (callRule): a rule runs over every domain of a
    // fleet, and the per-call wrapper was a few percent of a lint. A domain it throws on is recorded
    // and the loop goes on after it, as callRule would.
    const t0 = env.ruleTimes ? performance.now() : 0;
    for (let i = 0; i < contexts.length; i++) {
      try {
        for (; i < contexts.length; i++) {
          const ctx = contexts[i]!;
          ctx.options = options;
          check.call(rule, ctx);
        }
      } catch (e) {
        recordFailure(rule, contexts[i]!.source.path, e);
      }
    }
    if (env.ruleTimes) env.ruleTimes.set(rule.meta.id, (env.ruleTimes.get(rule.meta.id) ?? 0) + performance.now() - t0);
  }
  if (host) {
    const guests = definedGuests(domains);
    for (const rule of rules) {
      if (!rule.checkPlan) continue;
      callRule(rule, `the plan of ${host.path}`, rule.checkPlan, {
        host,
        domains: guests,
        files: domains,
        options: ruleOptions[rule.meta.id] ?? NO_OPTIONS,
        report: (on, d) => push(rule, on.source, d),
        reportHost: (d) => reportOnHost(rule, host, d),
      } satisfies PlanRuleContext);
    }
  }
  return { diagnostics: applyInlineDirectives(schemaFindingsOnceExplained(found), linted, env), linted, domains, domainCount: domains.length };
}

/**
 * schema-invalid is the fallback of libvirt's grammar: where another rule reports an error on the same place
 * (value-invalid's `placement='statik'`, device-config-invalid's `index='-1'`, with libvirt's own reason), the schema's
 * finding there is the same cause said twice, and is dropped. The list is returned as is when no schema finding is in it.
 */
function schemaFindingsOnceExplained(found: Diagnostic[]): Diagnostic[] {
  if (!found.some((d) => d.ruleId === SCHEMA_INVALID)) return found;
  const errorsByFile = new Map<string, Diagnostic[]>();
  for (const d of found) {
    if (d.ruleId === SCHEMA_INVALID || d.severity !== 'error') continue;
    const list = errorsByFile.get(d.file);
    if (list) list.push(d);
    else errorsByFile.set(d.file, [d]);
  }
  // "Could not validate" and "libxml2 cannot read this file" blame no place in the domain: never dropped.
  const blamesAPlace = (d: Diagnostic) => d.messageId !== 'unvalidated' && d.messageId !== 'unreadable';
  return found.filter((d) => d.ruleId !== SCHEMA_INVALID || !blamesAPlace(d) || !errorsByFile.get(d.file)?.some((e) => e.range.start < d.range.end && d.range.start < e.range.end));
}

const SCHEMA_INVALID = 'schema-invalid';

/**
 * A rule id a reason names, as a reviewer would read it: format characters (zero-width spaces, soft
 * hyphens, bidi marks) dropped, case ignored, quotes and punctuation around it. A directive with no
 * rule list but such a reason reads as disabling that rule and disables every rule.
 */
function ruleNamedIn(reason: string, known: ReadonlySet<string>): string | undefined {
  for (const word of reason.replace(/\p{Cf}/gu, '').toLowerCase().split(/[^a-z0-9-]+/)) {
    if (known.has(word)) return word;
  }
  return undefined;
}

/**
 * Each file's findings through its inline directives; a directive naming a rule
 * kvmlint does not have is always reported, unused ones when asked.
 */
function applyInlineDirectives(diagnostics: readonly Diagnostic[], linted: readonly SourceFile[], env: PlanEnvironment): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const directiveRule = env.rules.find((r) => r.meta.id === 'unused-disable-directive');
  const known = knownRuleIds(env);
  const out: Diagnostic[] = [];
  const sources = new Map(linted.filter((s) => !s.doc.error).map((s) => [s.path, s]));
  for (const file of new Set([...byFile.keys(), ...sources.keys()])) {
    const source = sources.get(file);
    let list = byFile.get(file) ?? [];
    if (source && source.doc.comments.length > 0) {
      const parsed = parseDirectives(source.doc);
      // `kvmlint-disable-file: some-rule` reads as "every rule, because some-rule": a reviewer reads one rule.
      // Such a directive is applied to nothing and reported, always.
      const misplaced = parsed.filter((d) => d.rules === undefined && d.reason !== undefined && ruleNamedIn(d.reason, known) !== undefined);
      const directives = misplaced.length === 0 ? parsed : parsed.filter((d) => !misplaced.includes(d));
      const { kept, unused } = applyDirectives(list, directives);
      list = kept;
      if (directiveRule) {
        const severity = effectiveSeverity(directiveRule, undefined, env.settings[directiveRule.meta.id]);
        // A misspelt directive (`kvmlint-disable-nextline`) silences nothing: said always, as an unknown rule is.
        for (const { comment, word } of unknownDirectives(source.doc)) {
          list.push(diagnosticOf(directiveRule, severity, source, { range: comment.range, messageId: 'unknownDirective', data: { word } }));
        }
        for (const directive of misplaced) {
          const rule = ruleNamedIn(directive.reason!, known)!;
          list.push(diagnosticOf(directiveRule, severity, source, { range: directive.comment.range, messageId: 'ruleAfterColon', data: { kind: directive.kind, rule } }));
        }
        for (const directive of directives) {
          const unknown = (directive.rules ?? []).filter((r) => !known.has(r));
          if (unknown.length === 0) continue;
          list.push(
            diagnosticOf(directiveRule, severity, source, {
              range: directive.comment.range,
              messageId: 'unknownRule',
              data: { kind: directive.kind, rules: unknown.map((r) => `'${r}'`).join(', ') },
            }),
          );
        }
        if (env.reportUnusedDisableDirectives) {
          for (const { directive, rules } of unused) {
            const named = rules?.filter((r) => known.has(r));
            if (rules && named?.length === 0) continue;
            list.push(
              diagnosticOf(directiveRule, severity, source, {
                range: directive.comment.range,
                messageId: 'unused',
                data: {
                  kind: directive.kind,
                  what: named ? `no problem was reported from ${named.map((r) => `'${r}'`).join(', ')}` : 'no problem was reported',
                  target: directive.target ? '' : directive.kind === 'disable-next-line' ? '; no element follows it' : directive.kind === 'disable-line' ? '; no element starts on its line' : '',
                },
              }),
            );
          }
        }
      }
    }
    // Then the suppressions kept in <metadata>, which survive libvirt's round trip where comments do not.
    const suppressions = source ? parseMetadataSuppressions(source.doc.root) : [];
    if (source && suppressions.length > 0) {
      const { kept, unused } = applyMetadataSuppressions(list, suppressions);
      list = kept;
      if (directiveRule) {
        const severity = effectiveSeverity(directiveRule, undefined, env.settings[directiveRule.meta.id]);
        for (const s of suppressions) {
          const unknown = (s.rules ?? []).filter((r) => !known.has(r));
          if (unknown.length > 0) {
            list.push(diagnosticOf(directiveRule, severity, source, { range: s.range, messageId: 'unknownRuleMetadata', data: { rules: unknown.map((r) => `'${r}'`).join(', ') } }));
          }
        }
        if (env.reportUnusedDisableDirectives) {
          for (const { suppression: s, rules } of unused) {
            const named = rules?.filter((r) => known.has(r));
            if (rules && named?.length === 0) continue;
            list.push(
              diagnosticOf(directiveRule, severity, source, {
                range: s.range,
                messageId: 'unusedMetadata',
                data: {
                  what: named ? `no problem was reported from ${named.map((r) => `'${r}'`).join(', ')}` : 'no problem was reported',
                  target: s.targets !== undefined && s.targets.length === 0 ? `; element '${s.element}' matches no element` : '',
                },
              }),
            );
          }
        }
      }
    }
    // One push per finding: `push(...list)` passes every element as an argument and overflows
    // the stack above ~125,000 findings in one file.
    for (const d of list) out.push(d);
  }
  return out;
}

/** Every rule id kvmlint has, and the run's own (a directive may name a rule that is off, not one that does not exist). */
function knownRuleIds(env: PlanEnvironment): ReadonlySet<string> {
  return (env.knownRuleIds ??= new Set([...registeredRules.map((r) => r.meta.id), ...env.rules.map((r) => r.meta.id)]));
}
