import type { FormatOptions, LintResult } from '../engine/types.js';
import type * as CodeframeFormat from './text.js';
export type FormatName = 'text' | 'codeframe' | 'compact' | 'json' | 'sarif' | 'github';
/** The formats that read LintResult.sources (code frames, SARIF regions); the others need no file text. */
export declare function formatReadsSources(format: FormatName): boolean;
/** Every output format, in the order `--format` lists them. */
export declare const FORMATS: readonly FormatName[];
/** Sets up what `name` needs before formatResult renders it. */
export declare function prepareFormat(name: FormatName): Promise<void>;
/** The codeframe format's module, for a caller that imports it statically and formats synchronously. */
export declare function provideCodeframeFormat(module: typeof CodeframeFormat): void;
export declare function formatResult(name: FormatName, result: LintResult, opts: FormatOptions): string;
/** formatResult's text in parts whose concatenation is that text: the default format's file by file, the others' whole. */
export declare function formatResultParts(name: FormatName, result: LintResult, opts: FormatOptions): Iterable<string>;
