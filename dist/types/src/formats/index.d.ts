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
/**
 * Characters in one write of a report: at least this many, so a report of thousands of small
 * file blocks is not a syscall per block; no more than about twice as many, because a string
 * made of many parts is flattened (copied) to be encoded, and a flat copy of 64 Ki characters
 * (128 KiB once a '…' makes it two-byte) is allocated outside the young generation, in memory new
 * to the process: encoding a 3.5 MB report took 47 ms in 64 Ki parts and 6 ms in 16 Ki ones.
 */
export declare const REPORT_WRITE_CHARS: number;
/**
 * A report's parts regrouped into writes: small parts joined up to `size` characters, a long part
 * (a whole JSON or SARIF report) cut into slices of `size`, never between the two halves of a
 * surrogate pair. The writes join to exactly the parts.
 */
export declare function reportWrites(parts: Iterable<string>, size?: number): Generator<string, void, undefined>;
