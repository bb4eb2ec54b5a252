/**
 * Single-byte encodings as glibc's iconv decodes them: for each, the characters of bytes 0x80-0xFF
 * (the lower half is ASCII), U+FFFF where iconv has no character for the byte.
 */
export declare const SINGLE_BYTE_UPPER_HALVES: Readonly<Record<string, string>>;
/** Names (lower case) iconv takes for them, each to its canonical name above. */
export declare const SINGLE_BYTE_ALIASES: Readonly<Record<string, string>>;
