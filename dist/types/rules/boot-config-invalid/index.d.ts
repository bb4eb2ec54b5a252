/** util/viruuid.c virUUIDParse: 32 hex digits, '-' or ' ' allowed between pairs, blanks around; the digits lowercased, or undefined. */
export declare function parseUuid(text: string): string | undefined;
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
/**
 * domain_conf.c virSysinfoBIOSParseXML: the date is mm/dd/yy or mm/dd/yyyy, read with virStrToLong_i: month
 * 1-12, day 1-31, year 0-99 or from 1900 ("Invalid BIOS 'date' format").
 */
export declare function smbiosDateValid(text: string): boolean;
