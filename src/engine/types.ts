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
  /** Id of the suggestion's text in the rule's `meta.messages` (absent for transitional plain messages). */
  messageId?: string;
  data?: MessageData;
  message: string;
  fix: Fix;
}

/** Values substituted for `{{placeholders}}` in a message and its help. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Another place that takes part in a finding's cause (the other guest on a shared CPU, the pool it draws from). */
export interface RelatedLocation {
  file: string;
  range: Range;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What this place contributes, e.g. "db-2 pins vCPU 3 to CPU 4 here". */
  message: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** Key into the rule's `meta.messages`; absent only for findings from the transitional `message:` path. */
  messageId?: string;
  /** The values the message and help were rendered with. */
  data?: MessageData;
  /** What is wrong, one line. */
  message: string;
  /** What to do about it, one line (SARIF puts it in the rule's help and the result's fix text). */
  help?: string;
  /** Path as the user named it (relative to the working directory where possible). */
  file: string;
  range: Range;
  line: number;
  column: number;
  endLine: number;
  /** 1-based, exclusive. */
  endColumn: number;
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: Suggestion[];
  /** A note about what could not be checked (severity info): shown once as a footer, never counted as a problem. */
  unchecked?: true;
}

/** One message of a rule: what is wrong (one line, ≤ 120 characters) and what to do, with `{{name}}` placeholders. */
export interface MessageSpec {
  readonly message: string;
  readonly help?: string;
}

export type MessageSpecs = Readonly<Record<string, MessageSpec>>;

/** The `{{name}}` placeholders of a template string, as a union of names (never when it has none). */
export type Placeholders<S extends string> = string extends S
  ? string
  : S extends `${string}{{${infer Name}}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never;

/** The data a message needs: exactly one value per placeholder of its message and help. */
export type DataFor<M extends MessageSpec> = {
  readonly [K in Placeholders<M['message']> | Placeholders<M['help'] extends string ? M['help'] : ''>]: string | number;
};

/** `messageId` plus its `data` (optional when the message has no placeholders): a misspelt id or placeholder is a type error. */
export type MessageRef<M extends MessageSpecs> = {
  [Id in keyof M & string]: [Placeholders<M[Id]['message']> | Placeholders<M[Id]['help'] extends string ? M[Id]['help'] : ''>] extends [never]
    ? { messageId: Id; data?: DataFor<M[Id]> }
    : { messageId: Id; data: DataFor<M[Id]> };
}[keyof M & string];

/** A JSON Schema (the subset kvmlint validates: type, properties, additionalProperties, enum, minimum, maximum, items). */
export interface OptionsSchema {
  type?: 'object' | 'number' | 'integer' | 'string' | 'boolean' | 'array';
  description?: string;
  properties?: Readonly<Record<string, OptionsSchema>>;
  additionalProperties?: boolean;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: OptionsSchema;
  default?: unknown;
}

export type RuleKind = 'domain' | 'host' | 'plan';

export interface RuleMeta<M extends MessageSpecs = MessageSpecs> {
  id: string;
  /** PascalCase, for SARIF `rules[].name`. */
  name: string;
  severity: Severity;
  /**
   * Every level the rule reports at, when it is more than `severity` alone (e.g. ['warning', 'error']:
   * an error when the vCPU is realtime). Info notes about what could not be checked are not listed.
   * `kvmlint rules`, SARIF and the README show them (README "Severity policy").
   */
  severities?: readonly Severity[];
  type: 'problem' | 'suggestion';
  /** domain: one domain alone; host: a domain with a host snapshot; plan: every domain planned for one host. */
  needs: RuleKind;
  fixable: boolean;
  hasSuggestions: boolean;
  summary: string;
  tags: readonly string[];
  /** Every message the rule reports, by id. */
  messages?: M;
  /** JSON Schema of the rule's options object (`"rule-id": ["warn", {…}]` in the config); none: it takes no options. */
  schema?: OptionsSchema;
}

/** A file a related location points into: a domain's source or a host snapshot. */
export interface LocatedText {
  readonly path: string;
  readonly lines: LineIndex;
}

export interface RelatedDescriptor {
  /** Default: the file the finding is reported in. */
  file?: LocatedText;
  range: Range;
  message: string;
}

export type SuggestionDescriptor<M extends MessageSpecs = MessageSpecs> = MessageRef<M> & { fix: Fix };

interface ReportCommon<M extends MessageSpecs> {
  range: Range;
  /** Overrides the rule's default severity for this finding (e.g. the error variant, or an info note). */
  severity?: Severity;
  /** The other places of the same cause. */
  related?: readonly RelatedDescriptor[];
  /** A note that something could not be checked (e.g. the snapshot lacks the data): severity info, shown as a footer. */
  unchecked?: true;
  fix?: Fix;
  suggestions?: readonly SuggestionDescriptor<M>[];
}

export type ReportDescriptor<M extends MessageSpecs = MessageSpecs> = ReportCommon<M> & MessageRef<M>;

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

/** A report without a range (host findings default to the snapshot's first line). */
export type HostReportDescriptor<M extends MessageSpecs = MessageSpecs> = ReportDescriptor<M> extends infer D
  ? D extends { range: Range } ? Omit<D, 'range'> & { range?: Range } : never
  : never;

export interface DomainRuleContext<M extends MessageSpecs = MessageSpecs> {
  readonly source: SourceFile;
  readonly domain: DomainModel;
  readonly host: LintHost | undefined;
  readonly options: Readonly<Record<string, unknown>>;
  /** libvirt's compiled domain schema, only when the run validates against it (`--schema`). */
  readonly schema?: SchemaValidator;
  report(d: ReportDescriptor<M>): void;
  /** A note about the host (e.g. "no isolation declared"), reported once per host and rule however many domains hit it. */
  reportHostOnce(key: string, d: HostReportDescriptor<M>): void;
}

/** A host rule's context: the same as a domain rule's, with the host guaranteed. */
export interface HostRuleContext<M extends MessageSpecs = MessageSpecs> extends DomainRuleContext<M> {
  readonly host: LintHost;
}

export interface PlanRuleContext<M extends MessageSpecs = MessageSpecs> {
  readonly host: LintHost;
  /**
   * The host's guests: each `<name>`/`<uuid>` once, as libvirt would hold them after defining the
   * files in path order (src/model/domain-identity.ts), so a copied or symlinked file is not a
   * second guest taking CPUs and memory.
   */
  readonly domains: readonly LintedDomain[];
  /** Every domain file planned on the host, duplicates included (duplicate-domain-identity reads these). */
  readonly files: readonly LintedDomain[];
  readonly options: Readonly<Record<string, unknown>>;
  report(on: LintedDomain, d: ReportDescriptor<M>): void;
  /** A finding located in the host snapshot file (range defaults to its first line). */
  reportHost(d: HostReportDescriptor<M>): void;
}

/** The engine's view of a rule: `meta.needs` says which check it has and when it runs. */
export interface Rule {
  meta: RuleMeta;
  /** Runs once per domain (with the host when one is known; only with one for needs 'host'). */
  checkDomain?(ctx: DomainRuleContext): void;
  /** Runs once per host over every domain planned for it. */
  checkPlan?(ctx: PlanRuleContext): void;
}

type MetaOf<M extends MessageSpecs> = Omit<RuleMeta<M>, 'needs' | 'messages'> & { messages: M };

/** A rule that looks at one domain alone (the host may be known, or not). */
export function defineDomainRule<const M extends MessageSpecs>(rule: { meta: MetaOf<M>; check(ctx: DomainRuleContext<M>): void }): Rule {
  return { meta: { ...rule.meta, needs: 'domain' } as RuleMeta, checkDomain: rule.check as Rule['checkDomain'] };
}

/** A rule that looks at one domain against its host: it runs only when a host is known, and gets it. */
export function defineHostRule<const M extends MessageSpecs>(rule: { meta: MetaOf<M>; check(ctx: HostRuleContext<M>): void }): Rule {
  return { meta: { ...rule.meta, needs: 'host' } as RuleMeta, checkDomain: rule.check as Rule['checkDomain'] };
}

/** A rule that looks at every domain planned for one host together (and at the host itself). */
export function definePlanRule<const M extends MessageSpecs>(rule: { meta: MetaOf<M>; check(ctx: PlanRuleContext<M>): void }): Rule {
  return { meta: { ...rule.meta, needs: 'plan' } as RuleMeta, checkPlan: rule.check as Rule['checkPlan'] };
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
  /** False when kvmlint itself failed part-way, or refused a file it was given (then not every file was linted). */
  executionSuccessful: boolean;
  /** Why: the files refused and the rules that failed, one line each (SARIF's toolExecutionNotifications). */
  executionNotes?: string[];
}

export interface FormatOptions {
  color: boolean;
  /** Columns to wrap text output to; default the terminal's, else 120. */
  width?: number;
}
