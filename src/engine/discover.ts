import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from './source.ts';
import { GitignoreFilter } from './gitignore.ts';
import { relativePosix } from './paths.ts';
import { repositoryRoot } from './repo.ts';

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
  // Directories and globs are expanded by one globby call (one .gitignore scan), not one per argument.
  const patterns: string[] = [];
  const mustMatch: string[] = [];
  // .gitignore is applied afterwards (GitignoreFilter): globby's own gitignore option
  // walks the tree a second time and costs ten times the walk.
  const walk = async (pattern: string[], base: string) =>
    (await import('globby')).globby(pattern, { cwd: base, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
  const workspace = repositoryRoot(cwd);
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st?.isFile()) {
      // The directory walk never follows a symlink; a named path inside the workspace that a pull
      // request turned into a symlink out of it (a token file, /etc/…) is refused, not printed in a
      // code frame. A path named outside the workspace is the user's own choice and is read.
      const escape = escapesWorkspace(abs, workspace);
      if (escape) throw new UsageError(`${p}: a symlink to ${escape}, outside the workspace ${workspace}; not read`);
      found.set(abs, true);
      continue;
    }
    // globby (with fast-glob, micromatch and their dependencies) is set up only for a directory or
    // a glob: a pre-commit hook names files, and setting it up was a tenth of such a run.
    const { isDynamicPattern } = await import('globby');
    if (st?.isDirectory()) {
      const rel = relativePosix(cwd, abs);
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !isDynamicPattern(rel))) patterns.push(rel ? `${rel}/**/*.xml` : '**/*.xml');
      else for (const m of await walk(['**/*.xml'], abs)) if (!found.has(m)) found.set(m, false);
    } else if (isDynamicPattern(p)) {
      patterns.push(p);
      mustMatch.push(p);
    } else {
      throw new UsageError(`no such file or directory: ${p}`);
    }
  }
  if (patterns.length > 0) {
    const matches = await walk(patterns, cwd);
    for (const m of matches) if (!found.has(m)) found.set(m, false);
    if (matches.length === 0 && mustMatch.length > 0) throw new UsageError(`no files match the pattern: ${mustMatch.join(' ')}`);
  }
  const filter = new GitignoreFilter(repositoryRoot(cwd));
  return [...found]
    .filter(([absPath, explicit]) => explicit || !filter.ignores(absPath))
    .map(([absPath, explicit]) => ({ absPath, explicit }))
    .sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
}

/**
 * Every file the globs match under `base` (relative to it), .gitignore honoured: the members of
 * config-mapped plans that the command line did not name.
 */
export async function expandGlobs(patterns: readonly string[], base: string): Promise<string[]> {
  const { globby } = await import('globby');
  const matches = await globby([...patterns], { cwd: base, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
  const filter = new GitignoreFilter(repositoryRoot(base));
  return matches.filter((m) => !filter.ignores(m)).sort();
}

/** Where `abs` really is, when it lies inside `workspace` by name but outside it once symlinks are resolved. */
function escapesWorkspace(abs: string, workspace: string): string | undefined {
  if (!isInside(workspace, abs)) return undefined;
  let real: string;
  let realWorkspace: string;
  try {
    real = realpathSync(abs);
    realWorkspace = realpathSync(workspace);
  } catch {
    return undefined;
  }
  return isInside(realWorkspace, real) ? undefined : real;
}

function isInside(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** How a file is shown: relative to cwd when inside it, else absolute. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relativePosix(cwd, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? (sep === '/' ? rel : rel.split('/').join(sep)) : absPath;
}
