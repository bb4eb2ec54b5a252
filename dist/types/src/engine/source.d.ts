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
 * Decodes file bytes: UTF-16 by its BOM, otherwise UTF-8 (BOM kept in the text so
 * offsets stay those of the file's characters). Invalid UTF-8 is a parse error
 * at the first bad byte, never silently replaced.
 */
export declare function decodeXmlBytes(buf: Buffer): {
    text: string;
    error?: XmlParseError;
};
/** Parses text already in memory (tests, stdin, fix passes). */
export declare function sourceFromText(path: string, text: string, decodeError?: XmlParseError): SourceFile;
/** Reads and decodes a bounded file through a buffer reused across calls. */
export declare function readBoundedText(path: string, maxBytes: number): {
    text: string;
    error?: XmlParseError;
};
export declare function readSourceFile(path: string, displayPath: string, maxBytes: number): SourceFile;
