import type { LintResult } from '../engine/types.js';
/**
 * Machine-readable report. Objects are rebuilt key by key so the order is stable and nothing
 * beyond the documented fields (Maps, engine internals) leaks into the output.
 */
export declare function formatJson(result: LintResult): string;
