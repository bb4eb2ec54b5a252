import { HostSnapshotError } from './host/load.js';
import { type FormatName } from './formats/index.js';
import type { FormatOptions, LintResult, RuleMeta, RuleSetting } from './engine/types.js';
import type { HostSnapshot } from './model/host.js';
export type { Diagnostic, Fix, MessageData, RelatedLocation, RuleMeta, RuleSetting, Severity, Suggestion, LintResult, FormatOptions } from './engine/types.js';
export type { HostSnapshot } from './model/host.js';
export type { FormatName };
export { HostSnapshotError };
/** A rule's level in `rules`, as kvmlint.config.json and `--rule` take it: `warn` is `warning`. */
export type RuleLevel = RuleSetting | 'warn';
/** A domain to lint: its text, and the name findings are reported under. */
export interface DomainInput {
    path: string;
    text: string;
}
/** The host the domains are planned on: a snapshot (JSON text, `virsh capabilities` XML, `numactl --hardware`) or an object. */
export type HostInput = {
    path?: string;
    text: string;
} | {
    path?: string;
    snapshot: HostSnapshot;
};
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
export declare function lintPlan(input: LintPlanInput): LintPlanResult;
/**
 * Renders a result in one of the CLI's formats (`text`, `codeframe`, `compact`, `json`, `sarif`, `github`). The
 * result may have been through JSON: sources as an object, rules' documentation left out.
 */
export declare function format(result: LintResult, name?: FormatName, options?: Partial<FormatOptions>): string;
export declare const formats: readonly FormatName[];
/** Every rule's metadata (id, severity, what it needs, fixability, messages, option schema): frozen copies. */
export declare const rules: readonly RuleMeta[];
