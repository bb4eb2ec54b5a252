import { type ConfigHost, type ResolvedConfig } from './config.js';
import { type DiscoveredFile } from './discover.js';
import { GitignoreFilter } from './gitignore.js';
/**
 * What to lint when the command line names some of a plan's inputs (a pre-commit hook hands over
 * only the staged files): every domain of each plan a named domain belongs to, so a plan rule sees
 * the guests already committed beside the new one. Findings are reported for the named files
 * (`reported`); the other members only complete their plan. A named host snapshot or config is a
 * change to the whole plan (or every plan): then all of its members are reported.
 */
export interface PlanCompletion {
    /** The named domain files and the members completing their plans. */
    files: DiscoveredFile[];
    /** Absolute paths whose findings are reported. */
    reported: ReadonlySet<string>;
    /** The config host of each file (undefined: none), computed once for grouping. */
    hostOf: ReadonlyMap<string, ConfigHost | undefined>;
    /** Named files that are plan inputs (the config, a host snapshot), not domains. */
    planInputs: string[];
    /** Named `.json` files that are neither: not domain XML, left alone (a hook's `files` pattern passes them). */
    skipped: string[];
}
export interface PlanCompletionInput {
    discovered: readonly DiscoveredFile[];
    config: ResolvedConfig | undefined;
    /** Absolute path of `--host`: it replaces the config's mapping, and the plan is the named domains. */
    cliHost: string | undefined;
    /** Absolute directories named on the command line: a walk of one holding the config found every member. */
    namedDirs: readonly string[];
    isIgnored: (abs: string) => boolean;
    /** Whether .gitignore hides members (LintOptions.gitignore; default true). */
    gitignore?: boolean;
}
export declare function completePlans(input: PlanCompletionInput): Promise<PlanCompletion>;
/**
 * True when a file the glob walk would also return lies below one of `host`'s globs: a regular file
 * (not a symlink), no hidden or node_modules segment, not gitignored, matched by the host's globs and
 * mapped to this host. A strict subset of what expandGlobs finds, so a "yes" is always right; a "no"
 * only sends the host to the walk. Only globs with a literal base directory (`hv01/**\/*.xml`) are looked at.
 */
export declare function hostHasPlainFile(config: ResolvedConfig, host: ConfigHost, gitignore: GitignoreFilter, inside: BaseCheck): boolean;
/**
 * Whether a glob's literal base below the config's directory is really inside the repository. The
 * config itself was refused if it lay outside (runner.ts refuseSymlinkOut), so a base that is a plain
 * directory entry of that directory is inside: one listing answers a fleet's `hv0001`…`hv1700`, where
 * a realpath(3) per host cost a syscall per path component. Anything else (a symlink, a deeper base)
 * is resolved.
 */
export declare class BaseCheck {
    private readonly dir;
    private top;
    private readonly resolved;
    private readonly workspace;
    constructor(dir: string);
    staysInside(base: string): boolean;
}
/**
 * Every file below `host`'s globs, as expandGlobs would return it, or undefined when the plain walk
 * cannot promise that. It answers only where the two cannot differ: globs of literal path characters,
 * `*`, `**` and `?` below a literal base (no braces, classes or escapes, no segment naming a dot file),
 * and trees of regular files and directories only. What it skips, the glob walk skips too: entries
 * starting with a dot (globby's `dot: false`, and no glob names one), `node_modules` (its ignore);
 * a symlink, a device or an entry without a type sends the host to globby. Matched with the host's
 * own matcher, as hostForDomain matches every file after either walk.
 */
export declare function plainMembers(config: ResolvedConfig, host: ConfigHost, gitignore: GitignoreFilter, inside?: BaseCheck): string[] | undefined;
