/**
 * The text-level core (ESLint's `Linter#verify` under the `ESLint` class): lints
 * one plan — domains already read into memory, and the host they are planned
 * on — with no file access. The file layer (runner.ts) discovers, reads and
 * groups files by host, then calls `lintPlanSources` once per plan; embedders
 * call `lintPlan` with texts and a snapshot.
 */
import type { Range } from '../xml/types.js';
import type { LineIndex } from '../xml/lines.js';
import type { SchemaValidator } from '../schema/types.js';
import type { Diagnostic, LintedDomain, LintHost, LocatedText, ReportDescriptor, Rule, RuleSetting, Severity, SourceFile } from './types.js';
/** Above this many domains a lint plans no suggestions unless asked (the planner's work grows with the host's guests). */
export declare const PLAN_SUGGESTIONS_AUTO_MAX_DOMAINS = 200;
export declare function lineColumnOf(lines: LineIndex, range: Range): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;
/** Applies a severity setting: info notes stay info; otherwise the user's level wins over the rule's. */
export declare function effectiveSeverity(rule: Rule, reported: Severity | undefined, setting: RuleSetting | undefined): Severity;
/**
 * A rule's report as a finding: its text rendered from `meta.messages`, related
 * places located, and the contract checked (ESLint's linter does the same): a
 * fix from a rule not declared fixable, or suggestions from one without
 * hasSuggestions, throw, and the runner records the rule as failed.
 */
/** Related places one finding lists (SECURITY.md): enough to find the others, bounded for any input. */
export declare const MAX_RELATED = 20;
export declare function diagnosticOf(rule: Rule, severity: Severity, at: LocatedText, d: ReportDescriptor): Diagnostic;
/**
 * Findings reported for one file at most (SECURITY.md, "Limits"): the first ones by position, then one
 * `too-many-findings` error saying how many more there are. An 8 MiB file a pull request crafts yields
 * ~380,000 findings; the JSON report of them took 1.2 GB of memory (0.31 GB now), and no one reads past the first screen.
 */
export declare const MAX_FINDINGS_PER_FILE = 1000;
/** Findings in report order within one file: by position, then rule id (the order every format prints). */
export declare function byPosition(a: Diagnostic, b: Diagnostic): number;
/**
 * Each file's findings cut to the first MAX_FINDINGS_PER_FILE by position, with one `too-many-findings` error
 * (always an error, whatever the settings, so the run fails) at the first finding left out, counting them.
 * Files within the bound keep their findings and order untouched.
 */
export declare function capFindingsPerFile(diagnostics: readonly Diagnostic[], max?: number): readonly Diagnostic[];
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
export declare function planEnvironment(rules: readonly Rule[], settings?: Readonly<Record<string, RuleSetting>>, ruleOptions?: PlanEnvironment['ruleOptions']): PlanEnvironment;
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
export declare function lintPlanSources(host: LintHost | undefined, files: readonly PlanSource[], env: PlanEnvironment): PlanOutcome;
