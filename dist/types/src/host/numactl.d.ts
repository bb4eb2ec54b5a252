import { type HostImport } from './load.js';
/**
 * True when the first non-blank line is numactl's `available: N nodes (…)` (or its "No NUMA
 * available" refusal), after any libnuma warnings.
 */
export declare function looksLikeNumactl(text: string): boolean;
export declare function importNumactl(text: string, path: string): HostImport;
