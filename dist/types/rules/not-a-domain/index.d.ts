/** Reported by the runner for explicitly named files; files found by a directory walk are skipped silently. */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
