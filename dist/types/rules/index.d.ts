import type { Rule } from '../src/engine/types.js';
export declare const rules: readonly Rule[];
/**
 * Each rule README, keyed by rule id (for SARIF help and `kvmlint rules`). A function, called
 * once by the registry: V8 builds the ~200 KB of text only for a run that shows it.
 */
export declare function readmes(): Readonly<Record<string, string>>;
