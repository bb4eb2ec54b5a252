/**
 * .gitignore semantics for the files a walk found, without a second walk:
 * every .gitignore between the repository root and a file applies, patterns
 * relative to the directory holding it, deeper files overriding shallower ones
 * (and within a file the last matching pattern wins). Each directory's
 * .gitignore is read once, when a file below it is first asked about.
 */
export declare class GitignoreFilter {
    private readonly repoRoot;
    private readonly honoured;
    private readonly byDir;
    private readonly chains;
    /**
     * `honoured` false: nothing is ignored. git ignores patterns only for untracked files, and a CI
     * checkout holds tracked files only, so there a pull request's .gitignore could only hide its own
     * broken domains (the Action passes false).
     */
    constructor(repoRoot: string, honoured?: boolean);
    private load;
    /**
     * What a directory walk already knows: whether `dir` holds a .gitignore (a regular file named so
     * among its entries). Saves a stat per directory; a fleet has one directory per host.
     */
    noteDirectory(dir: string, hasGitignore: boolean): void;
    /** The .gitignore files that apply below `dir`, from the root down: the same for every file in it. */
    private chain;
    /** The chain that applies to the files of `dir`: none outside the repository. Keyed by directory. */
    private readonly filesChains;
    /** True when git would ignore `absPath`. Files outside the repository are never ignored. */
    ignores(absPath: string): boolean;
}
