import type { FormatOptions, LintResult } from '../engine/types.js';
export type FormatName = 'text' | 'codeframe' | 'compact' | 'json' | 'sarif' | 'github';
/** The formats that read LintResult.sources (code frames, SARIF regions); the others need no file text. */
export declare function formatReadsSources(format: FormatName): boolean;
/** Every output format, in the order `--format` lists them. */
export declare const FORMATS: readonly FormatName[];
export declare function formatResult(name: FormatName, result: LintResult, opts: FormatOptions): string;
