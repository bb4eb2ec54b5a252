declare const _default: import("../../src/engine/types.ts").Rule;
export default _default;
