import './code-frame-window.ts';
import type { FormatOptions, LintResult } from '../engine/types.js';
/**
 * `-f codeframe`: ESLint's "friendly" report, findings with code frames, then counts and the `--fix`
 * trailer; notes about what could not be checked follow as a footer. Empty when clean.
 */
export declare function formatCodeframe(result: LintResult, opts: FormatOptions): string;
/** Characters of one source line a code frame shows; longer lines are cut around the finding. */
export declare const MAX_FRAME_LINE = 160;
