import type { XmlParseError } from '../xml/types.js';
import type { SourceFile } from './types.js';
export declare const DEFAULT_MAX_FILE_BYTES: number;
/** A refusal that is the user's to fix (exit 2), not a finding. */
export declare class UsageError extends Error {
}
/** The refusal for input above the size bound, wherever it came from (a file, text handed in, standard input). */
export declare function oversizeMessage(what: string, bytes: number, maxBytes: number): string;
/**
 * Reads a file no larger than `maxBytes`. The size is checked on the open
 * descriptor before a single byte is read, so an oversized (or growing) file
 * is refused without loading it.
 */
export declare function readBounded(path: string, maxBytes: number, scratch?: {
    buf: Buffer;
}): Buffer;
/**
 * Reads a file that must be a regular file no larger than `maxBytes` (configs, host snapshots): a
 * path committed as a symlink to /dev/zero, /dev/urandom or /proc/self/fd/0 is refused, not read
 * forever. Opened non-blocking, so a FIFO is refused instead of waiting for a writer.
 */
export declare function readRegularFile(path: string, maxBytes: number): Buffer;
/**
 * How a file's bytes become text and back: 'utf-8' (the default, and UTF-16 by BOM, which
 * decodeXmlBytes handles apart), 'latin1', 'ascii', or the canonical name of a single-byte
 * encoding in src/generated/charsets.ts (windows-1252, iso-8859-2, ...), which is read but never written.
 */
export type XmlEncoding = string;
/** The encoding an XML declaration at `from` in these bytes names (lower case) and the name's offset, or undefined. */
export declare function declaredEncoding(buf: Buffer, from?: number): {
    name: string;
    at: number;
} | undefined;
/**
 * Decodes file bytes as libxml2 does: UTF-16 by its BOM, otherwise the encoding the
 * XML declaration names, otherwise UTF-8 (a UTF-8 BOM is kept in the text so offsets
 * stay those of the file's characters). Bytes the encoding has no character for are a
 * parse error at the first of them, never silently replaced. An encoding neither libxml2
 * nor kvmlint knows is a UsageError: the file cannot be read as libvirt would read it.
 */
export declare function decodeXmlBytes(buf: Buffer): {
    text: string;
    error?: XmlParseError;
    encoding: XmlEncoding;
};
/** Why --fix (and so --fix-dry-run and `kvmlint plan`) leaves a file in this encoding alone, or undefined. */
export declare function fixRefusalForEncoding(encoding: XmlEncoding): string | undefined;
/**
 * Text back to the bytes of a file in `encoding`, or undefined when the text holds a
 * character that encoding cannot write (or kvmlint does not write that encoding).
 */
export declare function encodeXmlText(text: string, encoding: XmlEncoding): Buffer | undefined;
/** Parses text already in memory (tests, stdin, fix passes). */
export declare function sourceFromText(path: string, text: string, decodeError?: XmlParseError): SourceFile;
/** Reads and decodes a bounded file through a buffer reused across calls. */
export declare function readBoundedText(path: string, maxBytes: number): {
    text: string;
    error?: XmlParseError;
    encoding: XmlEncoding;
};
/** readBoundedText for a file that must be a regular file (opened non-blocking: a FIFO or a device is refused, not waited on). */
export declare function readRegularText(path: string, maxBytes: number): {
    text: string;
    error?: XmlParseError;
    encoding: XmlEncoding;
};
export declare function readSourceFile(path: string, displayPath: string, maxBytes: number): SourceFile;
