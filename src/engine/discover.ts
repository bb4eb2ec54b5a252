import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { globby, isDynamicPattern } from 'globby';
import { UsageError } from './source.ts';

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
export async function discoverFiles(paths: readonly string[], cwd: string): Promise<DiscoveredFile[]> {
  const found = new Map<string, boolean>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    const st = statSync(abs, { throwIfNoEntry: false });
    let matches: string[];
    if (st?.isFile()) {
      found.set(abs, true);
      continue;
    } else if (st?.isDirectory()) {
      matches = await globby('**/*.xml', { cwd: abs, absolute: true, gitignore: true, followSymbolicLinks: false });
    } else if (isDynamicPattern(p)) {
      matches = await globby(p, { cwd, absolute: true, gitignore: true, followSymbolicLinks: false });
    } else {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (matches.length === 0 && !st) throw new UsageError(`no files match the pattern: ${p}`);
    for (const m of matches) if (!found.has(m)) found.set(m, false);
  }
  return [...found].map(([absPath, explicit]) => ({ absPath, explicit })).sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
}

/** How a file is shown: relative to cwd when inside it, else absolute. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absPath;
}
