import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './source.ts';
import { GitignoreFilter } from './gitignore.ts';
import { isInside, relativePosix } from './paths.ts';
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
export async function discoverFiles(paths: readonly string[], cwd: string, namedDirs?: string[], gitignore = true, isIgnored?: (absPath: string) => boolean): Promise<DiscoveredFile[]> {
  const found = new Map<string, boolean>();
  // Globs are expanded by one globby call, not one per argument; directories by a plain walk.
  const patterns: string[] = [];
  const mustMatch: string[] = [];
  // .gitignore is applied afterwards (GitignoreFilter): globby's own gitignore option
  // walks the tree a second time and costs ten times the walk.
  const workspace = repositoryRoot(cwd);
  const filter = new GitignoreFilter(workspace, gitignore);
  // A symlink the config ignores is left alone before it is followed, so `ignores` can name one (the Action has no .gitignore).
  const skipLink = isIgnored ? (link: string) => filter.ignores(link) || isIgnored(link) : (link: string) => filter.ignores(link);
  const escapes = new NamedPathEscapes(workspace);
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    const link = lstatSync(abs, { throwIfNoEntry: false });
    const st = link?.isSymbolicLink() ? statSync(abs, { throwIfNoEntry: false }) : link;
    if (st?.isFile()) {
      // A named path inside the workspace that a pull request turned into a symlink out of it (a token
      // file, /etc/…) is refused, not printed in a code frame, as a walked one is (linkedDomainFiles).
      // A path named outside the workspace is the user's own choice and is read.
      const escape = escapes.of(abs, link!.isSymbolicLink());
      if (escape) throw new UsageError(`${p}: a symlink to ${escape}, outside the workspace ${workspace}; not read`);
      found.set(abs, true);
      continue;
    }
    if (st?.isDirectory()) {
      // The same for a directory: the walk enters no symlink below it, but the named path itself
      // may be one (a pull request that replaced `domains/` with a link to the runner's home).
      const escape = escapesWorkspace(abs, workspace);
      if (escape) throw new UsageError(`${p}: a symlink to ${escape}, outside the workspace ${workspace}; not read`);
      namedDirs?.push(abs);
      const links: string[] = [];
      const walked = walkXmlFiles(abs, filter, links);
      for (const m of walked) if (!found.has(m)) found.set(m, false);
      const show = (link: string) => relativePosix(cwd, link);
      for (const m of linkedDomainFiles(links, workspace, skipLink, show)) if (!found.has(m)) found.set(m, false);
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
    const { files: matches, links } = await globFilesAndLinks(patterns, cwd, false);
    refuseEscapes(matches, workspace, (m, escape) => `${relativePosix(cwd, m)}: matched by ${patterns.join(' ')} through a symlink to ${escape}, outside the workspace ${workspace}; not read`);
    for (const m of matches) if (!found.has(m)) found.set(m, false);
    for (const m of linkedDomainFiles(links, workspace, skipLink, (link) => relativePosix(cwd, link))) if (!found.has(m)) found.set(m, false);
    if (matches.length === 0 && links.length === 0 && mustMatch.length > 0) throw new UsageError(`no files match the pattern: ${mustMatch.join(' ')}`);
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
 * dot, no `node_modules`. No symlinked directory is entered (a pull request cannot point the walk
 * out of the workspace); symlinks named `*.xml` go to `links`, for linkedDomainFiles to decide on.
 * A directory that cannot be read is a usage error, not a silent gap in the report.
 */
export function walkXmlFiles(root: string, gitignore?: GitignoreFilter, links?: string[]): string[] {
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
      else if (links && kind.isSymbolicLink() && name.endsWith('.xml')) links.push(path);
    }
    gitignore?.noteDirectory(dir, hasGitignore);
  }
  return out;
}

/**
 * Every file the globs match under `base` (relative to it), .gitignore honoured: the members of
 * config-mapped plans that the command line did not name.
 */
export async function expandGlobs(patterns: readonly string[], base: string, gitignore = true, isIgnored?: (absPath: string) => boolean): Promise<string[]> {
  // expandDirectories: off, or globby stats every pattern to see whether it names a directory (one
  // per host of a fleet); a config glob naming a directory maps no file to its host either way (picomatch).
  const { files: matches, links } = await globFilesAndLinks(patterns, base, true);
  const workspace = repositoryRoot(base);
  // config.ts refuses globs that climb out; should one still (a brace or escape it misread), nothing it matched is read.
  const out = [...matches, ...links].find((m) => !isInside(workspace, m));
  if (out !== undefined) throw new UsageError(`${out}: matched by the config's hosts globs outside the repository ${workspace}; not read`);
  // The config's globs are the pull request's: a literal part that is a symlink out of the repository
  // (config.ts refuses `..` and absolute globs) must not bring outside files into the report, or --fix.
  refuseEscapes(matches, workspace, (m, escape) => `${m}: matched by the config's hosts globs through a symlink to ${escape}, outside the repository ${workspace}; not read`);
  const filter = new GitignoreFilter(workspace, gitignore);
  const skipLink = isIgnored ? (link: string) => filter.ignores(link) || isIgnored(link) : (link: string) => filter.ignores(link);
  const linked = linkedDomainFiles(links, workspace, skipLink, (link) => relativePosix(base, link));
  return [...matches, ...linked].filter((m) => !filter.ignores(m)).sort();
}

/**
 * What globs match below `base`, as the walk reads a directory: regular files, plus (apart) the
 * symlinks they match, which linkedDomainFiles decides on. No symlinked directory is entered.
 * `config`: a config's globs (no extglobs, and a glob naming a directory is not stat-ed for one).
 */
async function globFilesAndLinks(patterns: readonly string[], base: string, config: boolean): Promise<{ files: string[]; links: string[] }> {
  const { globby } = await import('globby');
  // objectMode: the entries' own types from the directory listing, so a symlinked file is seen without a stat.
  const entries = await globby([...patterns], {
    cwd: base,
    absolute: true,
    followSymbolicLinks: false,
    onlyFiles: false,
    objectMode: true,
    ignore: ['**/node_modules/**'],
    ...(config ? { extglob: false, expandDirectories: false } : {}),
  });
  const files: string[] = [];
  const links: string[] = [];
  for (const e of entries) {
    if (e.dirent.isFile()) files.push(e.path);
    else if (e.dirent.isSymbolicLink()) links.push(e.path);
  }
  return { files, links };
}

/**
 * The symlinked domain files a walk or a glob met, read as `virsh define` reads them: through the link,
 * each under its own name (in a fleet a link is a guest of the host its path maps to, whatever it
 * points at). A link whose target is a regular file inside the workspace is linted; any other is exit
 * 2, naming it: one out of the workspace is not read (a pull request's link to a token file), and a
 * link to nothing or to a directory holds no domain. Skipping them silently let a link to a broken
 * domain pass. A link .gitignore or the config's `ignores` ignores (`skip`) is left alone, as git leaves it.
 */
function linkedDomainFiles(links: readonly string[], workspace: string, skip: (link: string) => boolean, show: (link: string) => string): string[] {
  if (links.length === 0) return [];
  let realWorkspace: string;
  try {
    realWorkspace = realpathSync.native(workspace);
  } catch {
    realWorkspace = workspace;
  }
  const out: string[] = [];
  for (const link of links) {
    if (skip(link)) continue;
    let real: string;
    try {
      real = realpathSync.native(link);
    } catch {
      throw new UsageError(`${show(link)}: a symlink to a file that does not exist; not a domain kvmlint can read (remove it, or list it in the config's ignores or .gitignore)`);
    }
    if (!isInside(realWorkspace, real)) throw new UsageError(`${show(link)}: a symlink to ${real}, outside the workspace ${workspace}; not read (list it in the config's ignores or .gitignore to leave it alone)`);
    if (!statSync(real, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${show(link)}: a symlink to ${real}, which is not a regular file; not a domain kvmlint can read`);
    out.push(link);
  }
  return out;
}

/**
 * Refuses glob matches that lie inside the workspace by name but outside it once symlinks are
 * resolved. A glob walk follows no symlink (followSymbolicLinks: false, and a linked file is not a
 * file to it), so only a literal directory of the pattern can lead out: one realpath per directory.
 */
function refuseEscapes(matches: readonly string[], workspace: string, message: (match: string, escape: string) => string): void {
  const checked = new Set<string>();
  for (const m of matches) {
    const dir = dirname(m);
    if (checked.has(dir)) continue;
    checked.add(dir);
    const escape = escapesWorkspace(dir, workspace);
    if (escape) throw new UsageError(message(m, escape));
  }
}

/**
 * escapesWorkspace for the files a command line names, one realpath(3) per directory: a file that is
 * not itself a symlink is where its directory really is. A pre-commit run over a repository names
 * thousands of files in a few hundred directories, and a realpath per file was a sixth of such a run.
 */
class NamedPathEscapes {
  private readonly dirs = new Map<string, string | undefined>();

  constructor(private readonly workspace: string) {}

  /** Where the named file `abs` really is when that is outside the workspace; `isSymlink` from lstat(2). */
  of(abs: string, isSymlink: boolean): string | undefined {
    if (isSymlink) return escapesWorkspace(abs, this.workspace);
    const dir = dirname(abs);
    if (!this.dirs.has(dir)) this.dirs.set(dir, escapesWorkspace(dir, this.workspace));
    const escape = this.dirs.get(dir);
    return escape === undefined ? undefined : join(escape, basename(abs));
  }
}

const realWorkspaces = new Map<string, string>();

/**
 * Where `abs` really is, when it lies inside `workspace` by name but outside it once symlinks are
 * resolved; undefined when it stays inside, or was named outside the workspace (the user's own choice).
 */
export function escapesWorkspace(abs: string, workspace: string): string | undefined {
  if (!isInside(workspace, abs)) return undefined;
  let real: string;
  let realWorkspace: string;
  try {
    real = realpathSync.native(abs);
    realWorkspace = realWorkspaces.get(workspace) ?? realpathSync.native(workspace);
    realWorkspaces.set(workspace, realWorkspace);
  } catch {
    return undefined;
  }
  return isInside(realWorkspace, real) ? undefined : real;
}


/** How a file is shown: relative to cwd when inside it, else absolute. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relativePosix(cwd, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? (sep === '/' ? rel : rel.split('/').join(sep)) : absPath;
}
