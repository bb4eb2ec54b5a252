import type { Diagnostic } from '../engine/types.js';
/**
 * A file as the human-readable reports show it: relative to the working directory. The CLI's
 * paths are relative already (normalize is then all path.relative would do); only an absolute
 * one, from an API caller, goes through path.relative, which resolves against process.cwd() on
 * every call: a cost per finding in a 10,000-finding report.
 */
export declare function shownPath(file: string): string;
export interface FindingCounts {
    errors: number;
    warnings: number;
    infos: number;
    /** Findings with a safe fix that `--fix` would apply (suggestions do not count). */
    fixable: number;
}
export declare function countFindings(diagnostics: readonly Diagnostic[]): FindingCounts;
export declare function pluralize(count: number, word: string): string;
