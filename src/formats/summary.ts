import { isAbsolute, normalize, relative } from 'node:path';
import type { Diagnostic } from '../engine/types.ts';

/**
 * A file as the human-readable reports show it: relative to the working directory. The CLI's
 * paths are relative already (normalize is then all path.relative would do); only an absolute
 * one, from an API caller, goes through path.relative, which resolves against process.cwd() on
 * every call: a cost per finding in a 10,000-finding report.
 */
export function shownPath(file: string): string {
  if (file === '') return file;
  return isAbsolute(file) ? relative('.', file) || file : normalize(file);
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with a safe fix that `--fix` would apply (suggestions do not count). */
  fixable: number;
}

export function countFindings(diagnostics: readonly Diagnostic[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (d.fix) counts.fixable++;
  }
  return counts;
}

export function pluralize(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
