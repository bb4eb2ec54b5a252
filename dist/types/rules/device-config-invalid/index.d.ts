/**
 * util/virutil.c virDiskNameParse: a target name as a disk index and partition number; undefined when libvirt
 * cannot parse it. With `strict` false it is virDiskNameToIndex (no partition pointer: the digits are not checked).
 */
export declare function parseDiskName(name: string, strict?: boolean): {
    index: number;
    partition: number;
    disk: string;
} | undefined;
/** virXMLPropUInt with base 0 (virStrToLong_uip): blanks and '+' first, then 0x… hex, 0… octal or decimal, at most UINT_MAX. */
export declare function libvirtUintBase0(text: string): number | undefined;
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
