import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Nearest directory at or above `dir` holding `.git`, else `dir`. */
export function repositoryRoot(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return resolve(dir);
  }
}

/**
 * The workspace a run may read and write in: GITHUB_WORKSPACE when the working directory is inside it,
 * else the repository root. SARIF URIs are relative to it, and fixes never write outside it.
 */
export function workspaceRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): string {
  const ws = env.GITHUB_WORKSPACE;
  return ws && !relative(resolve(ws), cwd).startsWith('..') ? resolve(ws) : repositoryRoot(cwd);
}
