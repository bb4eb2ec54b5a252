import type { LintResult } from '../engine/types.js';
/** For multi-line text (a source shown in a code frame, a report): keeps TAB, LF and CR, neutralises every other control. */
export declare function neutralise(s: string): string;
/** For one line (a file name, a message, a stderr line): line breaks and TAB become pictures too, so nothing forges a line. */
export declare function neutraliseLine(s: string): string;
/**
 * JSON text (a -f json or SARIF report, a snapshot) with those characters written as `\uXXXX`
 * escapes. Lossless: outside strings JSON allows none of them, so each one found is inside a
 * string, where the escape parses back to the same character.
 */
export declare function escapeJsonControls(json: string): string;
/**
 * A patch (`--fix-dry-run`, `kvmlint plan`) as it goes to standard output. Its lines are the file's
 * own, so piped to `git apply` or a file it must be exact; on a terminal, where a person reads it, a
 * bidi override or a C1 control (CSI, OSC) from the file would act on the screen instead, so it is
 * neutralised there. `note`: what the caller says on stderr when the patch holds such characters.
 */
export declare function patchForOutput(patch: string, file: string, terminal: boolean): {
    text: string;
    note?: string;
};
/**
 * A lint result with every PR-controlled string a text report prints neutralised: file names and
 * messages as lines, sources with their line breaks kept (so line and column stay those of the file);
 * without `withSources`, the result carries no sources.
 */
export declare function neutraliseResult<R extends LintResult>(result: R, { withSources }?: {
    withSources?: boolean | undefined;
}): R;
/** The most of one error message kvmlint echoes: a value from a pull request (an 11 MB CPU list) is cut, not repeated. */
export declare const MAX_ECHOED_MESSAGE = 2000;
/** `s` cut to MAX_ECHOED_MESSAGE characters (never inside a surrogate pair), saying how much was left out. */
export declare function boundedMessage(s: string, max?: number): string;
