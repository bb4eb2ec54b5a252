import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Range } from '../xml/types.ts';
import { LineIndex } from '../xml/lines.ts';
import { buildDomainModel } from '../model/domain.ts';
import { buildHostModel } from '../model/host-model.ts';
import { loadHostFile } from '../host/load.ts';
import { discoverFiles, displayPath } from './discover.ts';
import { rules as registeredRules, ruleDoc } from './registry.ts';
import { DEFAULT_MAX_FILE_BYTES, readSourceFile, UsageError } from './source.ts';
import type {
  Diagnostic,
  DomainRuleContext,
  LintedDomain,
  LintHost,
  LintResult,
  PlanRuleContext,
  ReportDescriptor,
  Rule,
  RuleSetting,
  Severity,
  SourceFile,
} from './types.ts';

export interface LintOptions {
  paths: readonly string[];
  cwd?: string;
  /** Host snapshot applied to every linted domain (`--host`). */
  hostFile?: string;
  /** Per-rule severity overrides (`--rule id=warn`). */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  maxFileBytes?: number;
  /** Directory SARIF URIs are relative to; default GITHUB_WORKSPACE-free: the git root above cwd, else cwd. */
  root?: string;
  /** Rules to run (tests); default every registered rule. */
  rules?: readonly Rule[];
}

export interface LintRun extends LintResult {
  domains: LintedDomain[];
  /** Usage-level refusals (oversized files): reported on stderr, exit 2. */
  refusals: string[];
}

/** Nearest directory at or above `dir` holding `.git`, else `dir`. */
export function repositoryRoot(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return resolve(dir);
  }
}

export function lineColumnOf(lines: LineIndex, range: Range): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const s = lines.position(range.start);
  const e = lines.position(range.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** Applies a `--rule` override: info notes stay info; otherwise the user's level wins over the rule's. */
function effectiveSeverity(rule: Rule, reported: Severity | undefined, setting: RuleSetting | undefined): Severity {
  const base = reported ?? rule.meta.severity;
  if (base === 'info' || setting === undefined || setting === 'off') return base;
  return setting;
}

export function loadLintHost(hostFile: string, cwd: string): LintHost {
  const abs = resolve(cwd, hostFile);
  const { snapshot, text } = loadHostFile(abs);
  const path = displayPath(abs, cwd);
  return { model: buildHostModel(snapshot, { name: path }), path, text, lines: new LineIndex(text) };
}

export async function lint(options: LintOptions): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const settings = options.ruleSettings ?? {};
  const activeRules = (options.rules ?? registeredRules).filter((r) => settings[r.meta.id] !== 'off');
  const host = options.hostFile ? loadLintHost(options.hostFile, cwd) : undefined;
  const files = await discoverFiles(options.paths, cwd);

  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const shown: string[] = [];
  const refusals: string[] = [];
  const domains: LintedDomain[] = [];

  const push = (rule: Rule, file: string, lines: LineIndex, d: ReportDescriptor): void => {
    const diag: Diagnostic = {
      ruleId: rule.meta.id,
      severity: effectiveSeverity(rule, d.severity, settings[rule.meta.id]),
      message: d.message,
      file,
      range: d.range,
      ...lineColumnOf(lines, d.range),
    };
    if (d.fix) {
      if (!rule.meta.fixable) throw new Error(`rule ${rule.meta.id} returned a fix but its metadata does not declare fixable`);
      diag.fix = d.fix;
    }
    if (d.suggestions && d.suggestions.length > 0) diag.suggestions = d.suggestions;
    diagnostics.push(diag);
  };
  const builtin = (id: string): Rule | undefined => activeRules.find((r) => r.meta.id === id);

  for (const f of files) {
    const shownPath = displayPath(f.absPath, cwd);
    let source: SourceFile;
    try {
      source = readSourceFile(f.absPath, shownPath, maxBytes);
    } catch (e) {
      if (e instanceof UsageError) {
        refusals.push(e.message.replace(f.absPath, shownPath));
        continue;
      }
      throw e;
    }
    const { doc } = source;
    if (doc.error) {
      const rule = builtin('xml-malformed');
      shown.push(shownPath);
      sources.set(shownPath, source.text);
      const at = Math.min(doc.error.offset, source.text.length);
      if (rule) push(rule, shownPath, source.lines, { range: { start: at, end: Math.min(at + 1, source.text.length) }, message: `${doc.error.message}` });
      continue;
    }
    if (doc.root?.name !== 'domain') {
      if (!f.explicit) continue;
      shown.push(shownPath);
      sources.set(shownPath, source.text);
      const rule = builtin('not-a-domain');
      if (rule && doc.root) push(rule, shownPath, source.lines, { range: doc.root.startTag, message: `root element is <${doc.root.name}>, not <domain>: not a libvirt domain definition` });
      continue;
    }
    shown.push(shownPath);
    sources.set(shownPath, source.text);
    domains.push({ source, domain: buildDomainModel(doc.root) });
  }
  if (host) {
    shown.push(host.path);
    sources.set(host.path, host.text);
  }

  const hostOnceKeys = new Set<string>();
  const reportOnHost = (rule: Rule, h: LintHost, d: Omit<ReportDescriptor, 'range'> & { range?: Range }): void => {
    push(rule, h.path, h.lines, { ...d, range: d.range ?? { start: 0, end: h.lines.lineCount > 1 ? h.lines.lineStart(2) - 1 : h.text.length } });
  };

  for (const rule of activeRules) {
    const needsHost = rule.meta.needs !== 'domain';
    if (rule.checkDomain) {
      if (needsHost && !host) continue;
      const ruleOptions = optionsFor(options, rule);
      for (const ld of domains) {
        const ctx: DomainRuleContext = {
          source: ld.source,
          domain: ld.domain,
          host,
          options: ruleOptions,
          report: (d) => push(rule, ld.source.path, ld.source.lines, d),
          reportHostOnce: (key, d) => {
            if (!host) return;
            const k = `${rule.meta.id}\0${key}`;
            if (hostOnceKeys.has(k)) return;
            hostOnceKeys.add(k);
            reportOnHost(rule, host, d);
          },
        };
        rule.checkDomain(ctx);
      }
    }
    if (rule.checkPlan && host) {
      const ctx: PlanRuleContext = {
        host,
        domains,
        options: optionsFor(options, rule),
        report: (on, d) => push(rule, on.source.path, on.source.lines, d),
        reportHost: (d) => reportOnHost(rule, host, d),
      };
      rule.checkPlan(ctx);
    }
  }

  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId)));
  return {
    diagnostics,
    files: shown,
    sources,
    rules: activeRules.map(ruleDoc),
    root: options.root ?? repositoryRoot(cwd),
    cwd,
    executionSuccessful: true,
    domains,
    refusals,
  };
}

function optionsFor(options: LintOptions, rule: Rule): Readonly<Record<string, unknown>> {
  return options.ruleOptions?.[rule.meta.id] ?? {};
}
