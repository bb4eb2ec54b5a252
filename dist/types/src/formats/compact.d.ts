import type { LintResult } from '../engine/types.js';
/**
 * `file:line:col: severity: message [rule-id]`, one line per finding, for
 * editors' error parsers and grep. Notes about what could not be checked are
 * left out (they are not problems).
 */
export declare function formatCompact(result: LintResult): string;
