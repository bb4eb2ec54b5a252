/**
 * The default text format, after ESLint's `stylish`: findings grouped by file,
 * one line each (`line:col  severity  message  rule-id`, columns aligned per
 * file), the help line and related places indented beneath, wrapped at word
 * boundaries to the terminal width. Notes about what could not be checked are
 * shown once, as a footer, and are not counted as problems. Each file's block
 * is rendered from that file's findings alone, so output can stream per file.
 */
import type { Diagnostic, FormatOptions, LintResult } from '../engine/types.js';
/** SGR colours, written directly: the format needs six and no dependency. */
export declare function paint(color: boolean): {
    red: (s: string) => string;
    green: (s: string) => string;
    yellow: (s: string) => string;
    cyan: (s: string) => string;
    magenta: (s: string) => string;
    dim: (s: string) => string;
    bold: (s: string) => string;
    underline: (s: string) => string;
};
/** Width text is wrapped to: the option, else the terminal's, else 120 (logs and pipes). */
export declare function outputWidth(opts: FormatOptions): number;
/** Words of `text` in lines of at most `width` characters (a longer word stands alone on its line). */
export declare function wrapWords(text: string, width: number): string[];
/** A finding's "could not be checked" note, shown in the footer rather than among problems. */
export declare function isUncheckedNote(d: Diagnostic): boolean;
export declare function formatStylish(result: LintResult, opts: FormatOptions): string;
/**
 * The report in parts: each file's block, then the summary and the footer. The CLI writes them
 * as they come, so a long report is never one string (nor one buffer of its bytes): 10,000
 * findings made a 3.5 MB string, two bytes a character once the summary's '✖' joined it.
 */
export declare function stylishParts(result: LintResult, opts: FormatOptions): Generator<string, void, undefined>;
export declare function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]>;
export type Paint = ReturnType<typeof paint>;
/** One file: its path, then its findings in position order, errors and warnings together. */
export declare function formatFileBlock(file: string, diagnostics: readonly Diagnostic[], width: number, c: Paint, bodies?: Map<string, string>): string;
/** What could not be checked, once per note, after the problems; never counted as one. */
export declare function notesFooter(notes: readonly Diagnostic[], width: number, c: Paint): string;
