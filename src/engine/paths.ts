import { relative, sep } from 'node:path';

/**
 * `path.relative(dir, abs)` with forward slashes. Both are absolute and
 * normalised here, so a file inside `dir` is a string slice; path.relative
 * resolves both arguments, which costs more than the rest of a file's
 * bookkeeping when it runs several times per file over a fleet.
 */
export function relativePosix(dir: string, abs: string): string {
  if (abs.length > dir.length && abs.startsWith(dir) && (abs[dir.length] === sep || dir.endsWith(sep))) {
    const rest = abs.slice(dir.endsWith(sep) ? dir.length : dir.length + 1);
    return sep === '/' ? rest : rest.split(sep).join('/');
  }
  const rel = relative(dir, abs);
  return sep === '/' ? rel : rel.split(sep).join('/');
}
