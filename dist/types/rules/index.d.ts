import type { Rule } from '../src/engine/types.js';
export declare const rules: readonly Rule[];
/** Each rule README, keyed by rule id (for SARIF help and `kvmlint rules`). */
export declare const readmes: Readonly<Record<string, string>>;
