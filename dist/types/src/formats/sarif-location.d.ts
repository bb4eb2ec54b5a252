import type { Artifact, ArtifactLocation, Region } from 'sarif';
export declare const SRCROOT = "%SRCROOT%";
/** `file:///abs/root/`: SARIF requires a base URI to end with a slash (multitool SARIF1004). */
export declare function rootUri(root: string): string;
/**
 * Where a file lives, as SARIF wants it: relative to the root under `%SRCROOT%` (POSIX separators,
 * each segment percent-encoded, so `a b.xml` or `c:d.xml` stay valid URI references), or an absolute
 * `file:` URI when the file is outside the root (a `..` segment in a file URI is an error, SARIF1002).
 */
export declare function fileLocation(file: string, root: string, cwd: string): {
    uri: string;
    uriBaseId?: string;
};
/** `run.artifacts[]`, built once; results refer to entries by index. */
export declare class ArtifactTable {
    private readonly root;
    private readonly cwd;
    readonly artifacts: Artifact[];
    private readonly indexByFile;
    constructor(root: string, cwd: string);
    /** The file's location with its artifact index, adding the artifact on first sight. */
    location(file: string, roles?: Artifact['roles']): ArtifactLocation;
}
/** Line/column regions for fix replacements, computed from the file text (one LineIndex per file). */
export declare class RegionFinder {
    private readonly sources;
    private readonly indexes;
    constructor(sources: ReadonlyMap<string, string>);
    /** A region for `[start, end)`; zero-width for an insertion point. */
    region(file: string, start: number, end: number): Region;
    private lineIndex;
}
