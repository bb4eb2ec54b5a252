/** Nearest directory at or above `dir` holding `.git`, else `dir`. */
export declare function repositoryRoot(dir: string): string;
/**
 * The workspace a run may read and write in: GITHUB_WORKSPACE when the working directory is inside it,
 * else the repository root. SARIF URIs are relative to it, and fixes never write outside it.
 */
export declare function workspaceRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): string;
