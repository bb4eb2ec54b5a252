import { GitignoreFilter } from './gitignore.js';
export interface DiscoveredFile {
    absPath: string;
    /** Named on the command line (not found by walking a directory or a glob). */
    explicit: boolean;
}
/**
 * Expands the command line's paths as ESLint does: a file is linted as named,
 * a directory means its `**\/*.xml` (honouring .gitignore), a glob is expanded.
 * A path that matches nothing is a usage error.
 */
export declare function discoverFiles(paths: readonly string[], cwd: string, namedDirs?: string[], gitignore?: boolean, isIgnored?: (absPath: string) => boolean): Promise<DiscoveredFile[]>;
/**
 * What a named directory means, `**\/*.xml` below it, as the glob walk reads it (fast-glob's
 * defaults, `followSymbolicLinks: false`, `node_modules` left out) at the cost of a plain
 * directory walk: regular files named `*.xml` (case-sensitive), no entry whose name starts with a
 * dot, no `node_modules`. No symlinked directory is entered (a pull request cannot point the walk
 * out of the workspace); symlinks named `*.xml` go to `links`, for linkedDomainFiles to decide on.
 * A directory that cannot be read is a usage error, not a silent gap in the report.
 */
export declare function walkXmlFiles(root: string, gitignore?: GitignoreFilter, links?: string[]): string[];
/**
 * Every file the globs match under `base` (relative to it), .gitignore honoured: the members of
 * config-mapped plans that the command line did not name.
 */
export declare function expandGlobs(patterns: readonly string[], base: string, gitignore?: boolean, isIgnored?: (absPath: string) => boolean): Promise<string[]>;
/**
 * Where `abs` really is, when it lies inside `workspace` by name but outside it once symlinks are
 * resolved; undefined when it stays inside, or was named outside the workspace (the user's own choice).
 */
export declare function escapesWorkspace(abs: string, workspace: string): string | undefined;
/** How a file is shown: relative to cwd when inside it, else absolute. */
export declare function displayPath(absPath: string, cwd: string): string;
