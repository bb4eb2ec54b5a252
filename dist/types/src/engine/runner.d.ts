import { ConfigError, type ResolvedConfig } from './config.js';
import { diagnosticOf, effectiveSeverity, lineColumnOf } from './core.js';
import { repositoryRoot } from './repo.js';
import type { Diagnostic, LintedDomain, LintHost, LintResult, Rule, RuleSetting } from './types.js';
/** Above this many files a lint plans no suggestions unless asked (LintOptions.planSuggestions). */
export declare const PLAN_SUGGESTIONS_AUTO_MAX_FILES = 200;
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
    stdin?: {
        bytes: Buffer;
        path: string;
    };
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
     * Directories and globs that hold no domain are a usage error (exit 2), as ESLint's "No files
     * matching": a wrong path must not pass silently. True accepts them (`--allow-no-domains`).
     */
    allowNoDomains?: boolean;
    /**
     * Whether .gitignore hides walked files (default true, as ruff and git's own tools). false in CI:
     * git ignores patterns only for untracked files, and a checkout holds tracked ones.
     */
    gitignore?: boolean;
    /**
     * Called once per host plan after its rules ran, with its domains and the findings
     * kept for them (`kvmlint plan` and `kvmlint map` read the plan this way).
     */
    onPlan?: (plan: {
        host: LintHost;
        domains: readonly LintedDomain[];
        diagnostics: readonly Diagnostic[];
        unparsed: readonly string[];
    }) => void;
    /**
     * Attach `kvmlint plan`'s change of a guest as a suggestion on its placement findings. Default: on
     * when the run lints at most PLAN_SUGGESTIONS_AUTO_MAX_FILES files (an editor, a hook, a pull
     * request), off above (a whole fleet: planning every host costs ~20% more CPU; `kvmlint plan` is for that).
     */
    planSuggestions?: boolean;
    /**
     * Keep the text of each file a finding points into (LintRun.sources), for formats that print or
     * index source lines and for fixes. Default true; false lets every text go with its plan.
     */
    keepSources?: boolean;
}
/** What stays the same from one fix pass to the next: only domain texts change. */
export interface LintSession {
    /** null: resolved, and there is none. */
    config?: ResolvedConfig | null;
    /** Loaded hosts by absolute snapshot path and housekeeping override. */
    hosts: Map<string, LintHost>;
}
export interface LintRun extends LintResult {
    /** How many domains were linted and reported on (not counting those that only completed a plan). */
    domainCount: number;
    /** Usage-level refusals (oversized files): reported on stderr, exit 2. */
    refusals: string[];
    /** Rules that threw: reported on stderr, exit 2; every other finding is still reported. */
    ruleFailures: string[];
    /**
     * What the run left out that a person may have meant it to check, said on stderr without changing
     * the exit code: a named JSON file that is neither a host snapshot of the config nor the config (a
     * pre-commit hook hands every staged .json to kvmlint, so this cannot be an error).
     */
    notes: string[];
    /** Absolute path of each displayed file path. */
    absPaths: Map<string, string>;
    /** Absolute path → the encoding a file was decoded from (source.ts), for the files not in UTF-8. */
    encodings: Map<string, string>;
    /** Milliseconds spent in each rule's checks, when LintOptions.timing asked for it. */
    ruleTimes?: Map<string, number>;
    config: ResolvedConfig | undefined;
}
export { repositoryRoot };
export { diagnosticOf, effectiveSeverity, lineColumnOf };
export declare function loadLintHost(hostFile: string, cwd: string, housekeeping?: string, libvirtVersion?: string): LintHost;
/** The config a lint of `options.paths` uses: `-c`, else the nearest kvmlint.config.json above them. */
export declare function resolveConfig(options: Pick<LintOptions, 'paths' | 'configFile' | 'stdin'>, cwd: string): ResolvedConfig | undefined;
/**
 * A file kvmlint reads that lies inside the workspace by name must really be there: a committed
 * symlink to a token file or /etc/passwd would otherwise surface in error messages (exit 2).
 */
export declare function refuseSymlinkOut(file: string, cwd: string, what: string): void;
export declare function lint(options: LintOptions): Promise<LintRun>;
export { ConfigError };
