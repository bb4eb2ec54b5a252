import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
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
  // Globs are expanded by one globby call, not one per argument; directories by a plain walk.
  const patterns: string[] = [];
  const mustMatch: string[] = [];
  // .gitignore is applied afterwards (GitignoreFilter): globby's own gitignore option
  // walks the tree a second time and costs ten times the walk.
  const walk = async (pattern: string[], base: string) =>
    (await import('globby')).globby(pattern, { cwd: base, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
  const workspace = repositoryRoot(cwd);
  const filter = new GitignoreFilter(workspace);
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
    if (st?.isDirectory()) {
      for (const m of walkXmlFiles(abs, filter)) if (!found.has(m)) found.set(m, false);
      continue;
    }
    // globby (with fast-glob, micromatch and their dependencies) is set up only for a glob: a
    // pre-commit hook names files, and setting it up was a tenth of such a run.
    const { isDynamicPattern } = await import('globby');
    if (isDynamicPattern(p)) {
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
  // One pass, no intermediate arrays: a walk of 10,000 files runs this before anything is compiled.
  const out: DiscoveredFile[] = [];
  for (const [absPath, explicit] of found) if (explicit || !filter.ignores(absPath)) out.push({ absPath, explicit });
  return out.sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
}

/**
 * What a named directory means, `**\/*.xml` below it, as the glob walk reads it (fast-glob's
 * defaults, `followSymbolicLinks: false`, `node_modules` left out) at the cost of a plain
 * directory walk: regular files named `*.xml` (case-sensitive), no entry whose name starts with a
 * dot, no `node_modules`, and no symlink (neither a linked file nor a linked directory is
 * entered: a pull request cannot point the walk out of the workspace). A directory that cannot be
 * read is a usage error, not a silent gap in the report.
 */
export function walkXmlFiles(root: string, gitignore?: GitignoreFilter): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Removed while walking: there is nothing left to lint there.
      if (code === 'ENOENT' && dir !== root) continue;
      throw new UsageError(`${dir}: directory cannot be read (${code ?? (e as Error).message})`);
    }
    let hasGitignore = false;
    for (const e of entries) {
      const name = e.name;
      if (name.charCodeAt(0) === 46 /* . */) {
        if (name === '.gitignore' && !e.isDirectory()) hasGitignore = true;
        continue;
      }
      const path = dir.endsWith(sep) ? dir + name : dir + sep + name;
      // A file system without d_type (some network and FUSE mounts) says nothing about the entry: ask it.
      const kind = e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice() ? e : lstatSync(path, { throwIfNoEntry: false });
      if (!kind) continue;
      if (kind.isDirectory()) {
        if (name !== 'node_modules') stack.push(path);
      } else if (kind.isFile() && name.endsWith('.xml')) out.push(path);
    }
    gitignore?.noteDirectory(dir, hasGitignore);
  }
  return out;
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
