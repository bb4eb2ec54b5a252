/**
 * The glob's brace lists expanded (`{a,b}/x` → `a/x`, `b/x`), nested lists included; undefined
 * when it has a brace that is not a list of two or more alternatives (picomatch reads `{a}` and
 * unbalanced braces in ways of its own) or expands to more than MAX_EXPANSION globs.
 */
export declare function expandBraces(glob: string): string[] | undefined;
/**
 * A matcher of one glob, as picomatch with `{ dot: true }` matches it on kvmlint's paths, in
 * time linear in the path for each segment pair; undefined for a glob outside the subset.
 */
export declare function linearGlobMatcher(glob: string): ((relPath: string) => boolean) | undefined;
/**
 * One matcher for a config's globs: the linear one for each glob in the subset, picomatch (as
 * before, extglobs off) for the rest, which config.ts has bounded (checkGlobs).
 */
export declare function compileConfigGlobs(globs: readonly string[]): (relPath: string) => boolean;
/** `*` runs in the busiest path segment of `glob` (a whole-segment `**` counts as none): 3 or more backtrack cubically in picomatch. */
export declare function starsPerSegment(glob: string): number;
