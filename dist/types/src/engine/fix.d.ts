import { type LintOptions, type LintRun } from './runner.js';
import type { Fix } from './types.js';
export declare const MAX_FIX_PASSES = 10;
/**
 * ESLint's source-code-fixer: sort fixes by range, apply each one that starts
 * after the end of the last applied one, leave overlapping ones for the next
 * pass (when every rule has run again on the new text).
 */
export declare function applyFixes(text: string, fixes: readonly Fix[]): {
    text: string;
    applied: Fix[];
};
export interface FixOutcome {
    /** The lint of the final texts: what remains after fixing. */
    run: LintRun;
    /** Absolute path → fixed text, for every file whose text changed. */
    fixed: Map<string, string>;
    /** Absolute path → text as first read. */
    originals: Map<string, string>;
    /** Absolute path → the encoding the file was read in, for files not in UTF-8 (as first read). */
    encodings: Map<string, string>;
    /** Files whose fixed text would not parse: left untouched (defensive; a correct fix never does this). */
    unparsable: string[];
    /** Files with fixes left unapplied because kvmlint does not read them as libvirt does (value-invalid, unreadable). */
    unreadable: string[];
    /** Absolute path → rule id → how many of its fixes were applied, over all passes (for `--fix` to say what it did). */
    appliedRules: Map<string, Map<string, number>>;
    passes: number;
}
/**
 * Lints, applies every safe fix, and lints again on the new texts, up to 10
 * passes, so fixes that depend on each other (or overlapped) converge.
 * Suggestions are never applied. Writes nothing: see writeFixedFile.
 */
export declare function lintAndFix(options: LintOptions): Promise<FixOutcome>;
