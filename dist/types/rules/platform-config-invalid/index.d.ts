declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
