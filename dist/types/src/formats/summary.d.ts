import type { Diagnostic } from '../engine/types.js';
export interface FindingCounts {
    errors: number;
    warnings: number;
    infos: number;
    /** Findings with a safe fix that `--fix` would apply (suggestions do not count). */
    fixable: number;
}
export declare function countFindings(diagnostics: readonly Diagnostic[]): FindingCounts;
export declare function pluralize(count: number, word: string): string;
