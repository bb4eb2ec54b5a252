import type { Range, XmlDocument } from '../xml/types.ts';
import type { LineIndex } from '../xml/lines.ts';
import type { DomainModel } from '../model/domain.ts';
import type { HostModel } from '../model/host.ts';
import type { SchemaValidator } from '../schema/types.ts';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';

/** ESLint's fix model: replace `range` of the original text with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** A change a person must choose; shown, never applied by `--fix`. */
export interface Suggestion {
  message: string;
  fix: Fix;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path as the user named it (relative to the working directory where possible). */
  file: string;
  range: Range;
  line: number;
  column: number;
  endLine: number;
  /** 1-based, exclusive. */
  endColumn: number;
  fix?: Fix;
  suggestions?: Suggestion[];
}

export interface RuleMeta {
  id: string;
  /** PascalCase, for SARIF `rules[].name`. */
  name: string;
  severity: Severity;
  type: 'problem' | 'suggestion';
  /** domain: one domain alone; host: a domain with a host snapshot; plan: every domain planned for one host. */
  needs: 'domain' | 'host' | 'plan';
  fixable: boolean;
  hasSuggestions: boolean;
  summary: string;
  tags: string[];
}

export interface ReportDescriptor {
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. the error variant, or an info note). */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Suggestion[];
}

/** One file as read and parsed, shared by every rule. */
export interface SourceFile {
  path: string;
  text: string;
  doc: XmlDocument;
  /** Line index of `text`, built on first use. */
  readonly lines: LineIndex;
}

export interface LintedDomain {
  source: SourceFile;
  domain: DomainModel;
}

/** A host as loaded for linting: the model plus where it came from (findings about the host point there). */
export interface LintHost {
  model: HostModel;
  /** Path of the snapshot file, and its text for locating values. */
  path: string;
  text: string;
  lines: LineIndex;
}

export interface DomainRuleContext {
  readonly source: SourceFile;
  readonly domain: DomainModel;
  readonly host: LintHost | undefined;
  readonly options: Readonly<Record<string, unknown>>;
  /** libvirt's compiled domain schema, only when the run validates against it (`--schema`). */
  readonly schema?: SchemaValidator;
  report(d: ReportDescriptor): void;
  /** A note about the host (e.g. "no isolation declared"), reported once per host and rule however many domains hit it. */
  reportHostOnce(key: string, d: Omit<ReportDescriptor, 'range'> & { range?: Range }): void;
}

export interface PlanRuleContext {
  readonly host: LintHost;
  readonly domains: readonly LintedDomain[];
  readonly options: Readonly<Record<string, unknown>>;
  report(on: LintedDomain, d: ReportDescriptor): void;
  /** A finding located in the host snapshot file (range defaults to its first line). */
  reportHost(d: Omit<ReportDescriptor, 'range'> & { range?: Range }): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs once per domain (with the host when one is known). */
  checkDomain?(ctx: DomainRuleContext): void;
  /** Runs once per host over every domain planned for it. */
  checkPlan?(ctx: PlanRuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A rule's metadata plus its documentation, for `kvmlint rules`, SARIF `rules[]` and generated docs. */
export interface RuleDoc {
  meta: RuleMeta;
  /** First paragraph of the README after the title. */
  fullDescription: string;
  /** The README as Markdown, and as plain text. */
  helpMarkdown: string;
  helpText: string;
  helpUri: string;
}

/** Everything a formatter needs. */
export interface LintResult {
  diagnostics: Diagnostic[];
  /** Every file that was linted (domains and host snapshots), as displayed. */
  files: string[];
  /** Source text per file path, for code frames. */
  sources: Map<string, string>;
  /** The rules that were run (their docs). */
  rules: RuleDoc[];
  /** Directory that SARIF URIs are relative to (GITHUB_WORKSPACE, the git root, or cwd). */
  root: string;
  /** Working directory; diagnostic `file` paths are relative to it. */
  cwd: string;
  /** False when kvmlint itself failed part-way. */
  executionSuccessful: boolean;
}

export interface FormatOptions {
  color: boolean;
}
