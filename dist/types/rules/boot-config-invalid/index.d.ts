/** util/viruuid.c virUUIDParse: 32 hex digits, '-' or ' ' allowed between pairs, blanks around; the digits lowercased, or undefined. */
export declare function parseUuid(text: string): string | undefined;
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
