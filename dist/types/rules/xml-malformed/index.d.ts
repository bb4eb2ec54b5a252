/** Reported by the runner itself when the parser stops; the rule exists for its metadata and docs. */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
