/** Reported by the runner with --report-unused-disable-directives (or the config's reportUnusedDisableDirectives). */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
