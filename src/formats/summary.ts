import type { Diagnostic } from '../engine/types.ts';

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
