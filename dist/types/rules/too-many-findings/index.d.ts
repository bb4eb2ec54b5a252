/**
 * Reported by the engine itself (src/engine/core.ts, capFindingsPerFile) when one file has more findings than it
 * reports: the rule exists for its metadata and docs. It is always on and always an error.
 */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
