/**
 * `path.relative(dir, abs)` with forward slashes. Both are absolute and
 * normalised here, so a file inside `dir` is a string slice; path.relative
 * resolves both arguments, which costs more than the rest of a file's
 * bookkeeping when it runs several times per file over a fleet.
 */
export declare function relativePosix(dir: string, abs: string): string;
/** Forward slashes whatever the platform (URIs, annotations, diff headers). */
export declare function toPosixPath(p: string): string;
/**
 * A file as SARIF, GitHub annotations and diff headers name it: relative to the
 * repository root with forward slashes, or undefined when it lies outside the
 * root (or is the root itself).
 */
export declare function repoRelativePath(file: string, root: string, cwd: string): string | undefined;
/** `abs` is `dir` or lies below it (both absolute; compared as written, symlinks not resolved). */
export declare function isInside(dir: string, abs: string): boolean;
/**
 * `p` with symlinks resolved as far as it exists (a report's directory may not exist yet). realpath(3)
 * in one call: Node's JavaScript realpathSync lstats every component.
 */
export declare function realAsFarAsExists(p: string): string;
/**
 * path.resolve(dir, rel) for a normalised absolute `dir` and a plain relative `rel` (no empty, `.` or `..`
 * segment): a concatenation. A config's snapshot and glob bases are resolved once a host.
 */
export declare function resolveBelow(dir: string, rel: string): string;
