import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import { parseXml } from '../xml/parse.ts';
import { LineIndex } from '../xml/lines.ts';
import type { XmlDocument, XmlParseError } from '../xml/types.ts';
import type { SourceFile } from './types.ts';

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH;

/** A refusal that is the user's to fix (exit 2), not a finding. */
export class UsageError extends Error {}

/** The refusal for input above the size bound, wherever it came from (a file, text handed in, standard input). */
export function oversizeMessage(what: string, bytes: number, maxBytes: number): string {
  return `${what} ${bytes} bytes, above the ${maxBytes}-byte limit (raise it with --max-file-size)`;
}

/**
 * Reads a file no larger than `maxBytes`. The size is checked on the open
 * descriptor before a single byte is read, so an oversized (or growing) file
 * is refused without loading it.
 */
export function readBounded(path: string, maxBytes: number, scratch?: { buf: Buffer }): Buffer {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) {
      throw new UsageError(oversizeMessage(`${path}: file is`, size, maxBytes));
    }
    // A raised limit still cannot exceed what one JavaScript string holds (~512 MiB on 64-bit V8).
    if (size > MAX_STRING_LENGTH) {
      throw new UsageError(`${path}: file is ${size} bytes, more than the ${MAX_STRING_LENGTH} characters kvmlint can hold as text`);
    }
    // With a scratch buffer the bytes land in memory reused from file to file (the
    // caller decodes them at once): no fresh external ArrayBuffer per file for the GC.
    if (scratch && scratch.buf.length < size) scratch.buf = Buffer.allocUnsafe(Math.max(size, scratch.buf.length * 2));
    const buf = scratch ? scratch.buf : Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file that must be a regular file no larger than `maxBytes` (configs, host snapshots): a
 * path committed as a symlink to /dev/zero, /dev/urandom or /proc/self/fd/0 is refused, not read
 * forever. Opened non-blocking, so a FIFO is refused instead of waiting for a writer.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${path}: not a regular file`);
    if (st.size > maxBytes) throw new UsageError(`${path}: file is ${st.size} bytes, above the ${maxBytes}-byte limit`);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (only called when isUtf8 said no). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    if (!isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return buf.length;
}

/**
 * UTF-16 after its BOM (the BOM itself is not part of the text). Like invalid
 * UTF-8, an unpaired surrogate or an odd trailing byte is an error at the first
 * bad code unit, never silently replaced with U+FFFD.
 */
function decodeUtf16(buf: Buffer, littleEndian: boolean): { text: string; error?: XmlParseError } {
  const encoding = littleEndian ? 'utf-16le' : 'utf-16be';
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(buf) };
  } catch {
    const unit = (i: number): number => (littleEndian ? buf[i]! | (buf[i + 1]! << 8) : (buf[i]! << 8) | buf[i + 1]!);
    let i = 2;
    let problem = 'a stray final byte (odd length)';
    for (; i + 1 < buf.length; i += 2) {
      const u = unit(i);
      if (u >= 0xd800 && u <= 0xdbff) {
        const next = i + 3 < buf.length ? unit(i + 2) : -1;
        if (next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
      } else if (u < 0xdc00 || u > 0xdfff) continue;
      problem = `an unpaired surrogate 0x${u.toString(16)}`;
      break;
    }
    if (i >= buf.length) problem = 'an undecodable sequence';
    const text = new TextDecoder(encoding).decode(buf.subarray(0, i));
    const pos = new LineIndex(text).position(text.length);
    return { text, error: { message: `invalid UTF-16: ${problem} at byte ${i}`, offset: text.length, ...pos } };
  }
}

/**
 * Decodes file bytes: UTF-16 by its BOM, otherwise UTF-8 (BOM kept in the text so
 * offsets stay those of the file's characters). Invalid UTF-8 is a parse error
 * at the first bad byte, never silently replaced.
 */
export function decodeXmlBytes(buf: Buffer): { text: string; error?: XmlParseError } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return decodeUtf16(buf, true);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return decodeUtf16(buf, false);
  if (isUtf8(buf)) return { text: buf.toString('utf8') };
  const bad = firstInvalidUtf8(buf);
  const text = buf.subarray(0, bad).toString('utf8');
  const pos = new LineIndex(text).position(text.length);
  return { text, error: { message: `invalid UTF-8 byte 0x${buf[bad]!.toString(16).padStart(2, '0')}`, offset: text.length, ...pos } };
}

/** A file as read and parsed; its line index is built only if a finding needs it. */
class ParsedSource implements SourceFile {
  private index: LineIndex | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly doc: XmlDocument,
  ) {}

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }
}

/** Parses text already in memory (tests, stdin, fix passes). */
export function sourceFromText(path: string, text: string, decodeError?: XmlParseError): SourceFile {
  return new ParsedSource(path, text, decodeError ? { text, root: undefined, comments: [], error: decodeError } : parseXml(text));
}

const readScratch = { buf: Buffer.allocUnsafe(64 * 1024) };

/** Reads and decodes a bounded file through a buffer reused across calls. */
export function readBoundedText(path: string, maxBytes: number): { text: string; error?: XmlParseError } {
  return decodeXmlBytes(readBounded(path, maxBytes, readScratch));
}

export function readSourceFile(path: string, displayPath: string, maxBytes: number): SourceFile {
  const { text, error } = decodeXmlBytes(readBounded(path, maxBytes));
  return sourceFromText(displayPath, text, error);
}
