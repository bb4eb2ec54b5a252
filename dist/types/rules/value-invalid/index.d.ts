/** The text of each finding comes from the domain model (src/model/domain.ts), which meets the bad value while parsing. */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
