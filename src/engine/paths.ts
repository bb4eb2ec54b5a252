import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * `path.relative(dir, abs)` with forward slashes. Both are absolute and
 * normalised here, so a file inside `dir` is a string slice; path.relative
 * resolves both arguments, which costs more than the rest of a file's
 * bookkeeping when it runs several times per file over a fleet.
 */
export function relativePosix(dir: string, abs: string): string {
  if (abs.length > dir.length && abs.startsWith(dir) && (abs[dir.length] === sep || dir.endsWith(sep))) {
    return toPosixPath(abs.slice(dir.endsWith(sep) ? dir.length : dir.length + 1));
  }
  return toPosixPath(relative(dir, abs));
}

/** Forward slashes whatever the platform (URIs, annotations, diff headers). */
export function toPosixPath(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * A file as SARIF, GitHub annotations and diff headers name it: relative to the
 * repository root with forward slashes, or undefined when it lies outside the
 * root (or is the root itself).
 */
export function repoRelativePath(file: string, root: string, cwd: string): string | undefined {
  const rel = relative(resolve(root), resolve(cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return toPosixPath(rel);
}

/** `abs` is `dir` or lies below it (both absolute; compared as written, symlinks not resolved). */
export function isInside(dir: string, abs: string): boolean {
  // Both already normalised (what resolve and realpath return): a prefix test. path.relative resolves both,
  // ~2 µs a call, and a 1,700-host config asks several times a host.
  if (isNormalAbsolute(dir) && isNormalAbsolute(abs) && abs.length > dir.length && abs.startsWith(dir) && abs[dir.length] === '/') return true;
  const rel = relative(dir, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * `p` with symlinks resolved as far as it exists (a report's directory may not exist yet). realpath(3)
 * in one call: Node's JavaScript realpathSync lstats every component.
 */
export function realAsFarAsExists(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    const parent = dirname(p);
    return parent === p ? p : join(realAsFarAsExists(parent), basename(p));
  }
}

/** An absolute POSIX path with no empty, `.` or `..` segment and no trailing slash: what path.resolve returns (but `/`). */
function isNormalAbsolute(p: string): boolean {
  return sep === '/' && p.length > 1 && p.charCodeAt(0) === 47 && !p.endsWith('/') && !p.includes('//') && !DOT_SEGMENT.test(p);
}
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * path.resolve(dir, rel) for a normalised absolute `dir` and a plain relative `rel` (no empty, `.` or `..`
 * segment): a concatenation. A config's snapshot and glob bases are resolved once a host.
 */
export function resolveBelow(dir: string, rel: string): string {
  return isNormalAbsolute(dir) && rel !== '' && !rel.startsWith('/') && isNormalAbsolute(`/${rel}`) ? `${dir}/${rel}` : resolve(dir, rel);
}
