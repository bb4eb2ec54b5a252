import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import { parseXml } from '../xml/parse.ts';
import { LineIndex } from '../xml/lines.ts';
import type { XmlDocument, XmlParseError } from '../xml/types.ts';
import type { SourceFile } from './types.ts';
import { SINGLE_BYTE_ALIASES, SINGLE_BYTE_UPPER_HALVES } from '../generated/charsets.ts';

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
 * What an XML declaration's `encoding` names, as libxml2 reads it (parser.c
 * xmlParseEncodingDecl, encoding.c xmlFindCharEncodingHandler): a declaration at the
 * very start of the document, read whole (whitespace between its parts may be any
 * length); the name is matched without regard to case.
 */
const DECLARED_ENCODING =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"[^"<>]*"|'[^'<>]*')[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"([A-Za-z][A-Za-z0-9._:-]*)"|'([A-Za-z][A-Za-z0-9._:-]*)')/;

/**
 * Names libxml2 decodes itself (encoding.c's default handlers); any other name goes through
 * iconv in libvirt's libxml2. The WHATWG decoders behind TextDecoder read the Latin-1 and ASCII
 * labels as windows-1252, which differs in 0x80-0x9F, so those two are decoded here.
 */
const UTF8_NAMES = new Set(['utf-8', 'utf8']);
/**
 * A UTF-16 label on a file without a byte order mark, whose declaration reads as ASCII: libxml2 2.9-2.11
 * (RHEL 8 and 9, Debian 12, Ubuntu 24.04) stops with "Document labelled UTF-16 but has UTF-8 content"
 * (parser.c xmlParseEncodingDecl), and later releases switch to a UTF-16 decoder that cannot read it.
 */
const UTF16_NAMES = new Set(['utf-16', 'utf16', 'utf-16le', 'utf-16be', 'ucs-2', 'ucs2', 'iso-10646-ucs-2']);
const LATIN1_NAMES = new Set(['iso-8859-1', 'iso_8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1:1987', 'latin1', 'latin-1', 'l1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1']);
const ASCII_NAMES = new Set(['ascii', 'us-ascii', 'ansi_x3.4-1968', 'ansi_x3.4-1986', 'iso646-us', 'iso_646.irv:1991', 'cp367', 'ibm367', 'us', 'csascii', 'iso-ir-6']);

/**
 * How a file's bytes become text and back: 'utf-8' (the default, and UTF-16 by BOM, which
 * decodeXmlBytes handles apart), 'latin1', 'ascii', or the canonical name of a single-byte
 * encoding in src/generated/charsets.ts (windows-1252, iso-8859-2, ...), which is read but never written.
 */
export type XmlEncoding = string;

/** The encoding an XML declaration at `from` in these bytes names (lower case) and the name's offset, or undefined. */
export function declaredEncoding(buf: Buffer, from = 0): { name: string; at: number } | undefined {
  if (buf[from] !== 0x3c || buf[from + 1] !== 0x3f) return undefined; // '<?'
  // The whole declaration, as ASCII (it is in every encoding it can be read in without a UTF-16 BOM).
  const end = buf.indexOf('?>', from);
  if (end < 0) return undefined;
  return encodingIn(buf.toString('latin1', from, end + 2), from);
}

/** The encoding the XML declaration opening `text` names, and where the name starts (offset + its index). */
function encodingIn(text: string, offset: number): { name: string; at: number } | undefined {
  const m = DECLARED_ENCODING.exec(text);
  if (!m) return undefined;
  const name = (m[1] ?? m[2])!;
  return { name: name.toLowerCase(), at: offset + m[0].length - name.length - 1 };
}

/**
 * Decodes file bytes as libxml2 does: UTF-16 by its BOM, otherwise the encoding the
 * XML declaration names, otherwise UTF-8 (a UTF-8 BOM is kept in the text so offsets
 * stay those of the file's characters). Bytes the encoding has no character for are a
 * parse error at the first of them, never silently replaced. An encoding neither libxml2
 * nor kvmlint knows is a UsageError: the file cannot be read as libvirt would read it.
 */
export function decodeXmlBytes(buf: Buffer): { text: string; error?: XmlParseError; encoding: XmlEncoding } {
  const utf16 = buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    const decoded = decodeUtf16(buf, utf16 === 'utf-16le');
    // A declaration naming an 8-bit encoding in a UTF-16 file: libxml2 2.9 switches decoders mid-stream.
    const named = decoded.error ? undefined : encodingIn(decoded.text, 0);
    if (named && !UTF16_NAMES.has(named.name)) return { ...decodeError(decoded.text.slice(0, named.at), `a UTF-16 byte order mark, but the XML declaration names ${excerptName(named.name)}`), encoding: utf16 };
    return { ...decoded, encoding: utf16 };
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    // libxml2 2.9-2.11 follow a declaration after a UTF-8 BOM, later releases the BOM: what libvirt reads depends on
    // the host, and a decoder such as UTF-7 would read markup the UTF-8 text hides in a comment.
    const named = declaredEncoding(buf, 3);
    if (named && !UTF8_NAMES.has(named.name)) {
      return { ...decodeError(buf.toString('utf8', 0, named.at), `a UTF-8 byte order mark, but the XML declaration names ${excerptName(named.name)} (libxml2 2.9-2.11 read it so)`), encoding: 'utf-8' };
    }
    return decodeUtf8(buf);
  }
  const bomless = bomlessUtf16(buf);
  if (bomless) {
    // libxml2 guesses UTF-16 from `<?` alone (xmlDetectCharEncoding), and what it then does with the declaration
    // differs between releases; kvmlint reads UTF-16 only by its byte order mark. Read as UTF-8 this was a NUL at
    // 1:2 (little-endian) or 1:1: said here for what it is, at the start of the file, and not linted further.
    const head = new TextDecoder(bomless).decode(buf.subarray(0, Math.min(buf.length, 1024) & ~1));
    const label = encodingIn(head, 0)?.name;
    const what = label === undefined ? 'no XML declaration naming an encoding' : `an XML declaration naming ${excerptName(label).toUpperCase()}`;
    return { ...decodeError('', `UTF-16 (${bomless === 'utf-16le' ? 'little' : 'big'}-endian) without a byte order mark, and ${what}: kvmlint reads UTF-16 only after a byte order mark; add one or convert the file to UTF-8`), encoding: bomless };
  }
  const named = declaredEncoding(buf);
  const declared = named?.name;
  if (declared === undefined || UTF8_NAMES.has(declared)) return decodeUtf8(buf);
  if (UTF16_NAMES.has(declared)) {
    return { ...decodeError(buf.toString('latin1', 0, named!.at), `declared ${declared.toUpperCase()} without a byte order mark: libxml2 rejects it ("labelled UTF-16 but has UTF-8 content")`), encoding: 'utf-8' };
  }
  if (LATIN1_NAMES.has(declared)) return { text: buf.toString('latin1'), encoding: 'latin1' };
  if (ASCII_NAMES.has(declared)) {
    const bad = buf.findIndex((b) => b >= 0x80);
    if (bad < 0) return { text: buf.toString('latin1'), encoding: 'ascii' };
    return { ...decodeError(buf.toString('latin1', 0, bad), `byte 0x${buf[bad]!.toString(16)} is not ASCII, which the XML declaration names`), encoding: 'ascii' };
  }
  // Every other name goes to glibc's iconv in libvirt's libxml2. kvmlint decodes the single-byte encodings iconv
  // decodes by a table, with iconv's own tables (src/generated/charsets.ts). A browser's TextDecoder is no stand-in:
  // it reads windows-1252's 0x81 as a control character where iconv fails, its GBK is GB18030, and its ISO-2022-JP
  // falls back to ASCII at a line feed where iconv stays in kanji, so markup one reads is text to the other.
  const canonical = SINGLE_BYTE_ALIASES[declared];
  if (canonical === undefined) {
    throw new UsageError(`the XML declaration names encoding '${excerptName(declared)}', which kvmlint cannot decode as libvirt does (it reads UTF-8, UTF-16, US-ASCII, ISO-8859-n, windows-1250 to 1257 but 1255, windows-874, KOI8-R/U, IBM866, Macintosh and TIS-620; convert the file to UTF-8); not linted`);
  }
  return { ...decodeSingleByte(buf, SINGLE_BYTE_UPPER_HALVES[canonical]!, canonical), encoding: canonical };
}

/** Bytes in a single-byte encoding: ASCII below 0x80, the table above; U+FFFF in the table is a byte iconv rejects. */
function decodeSingleByte(buf: Buffer, upperHalf: string, name: string): { text: string; error?: XmlParseError } {
  let text = '';
  let from = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const c = upperHalf.charCodeAt(b - 0x80);
    text += buf.toString('latin1', from, i);
    if (c === 0xffff) return decodeError(text, `byte 0x${b.toString(16)}, which ${excerptName(name)} (the XML declaration's encoding) has no character for`);
    text += String.fromCharCode(c);
    from = i + 1;
  }
  return { text: text + buf.toString('latin1', from) };
}

/**
 * 'utf-16le' or 'utf-16be' when a file without a byte order mark opens with two ASCII characters in UTF-16 (`<\0?\0`,
 * `\0<\0d`): its first byte or its second is NUL, which no XML text in UTF-8 or a single-byte encoding holds.
 */
function bomlessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length < 4) return undefined;
  const ascii = (b: number) => b !== 0 && b < 0x80;
  if (ascii(buf[0]!) && buf[1] === 0 && ascii(buf[2]!) && buf[3] === 0) return 'utf-16le';
  if (buf[0] === 0 && ascii(buf[1]!) && buf[2] === 0 && ascii(buf[3]!)) return 'utf-16be';
  return undefined;
}

/** An encoding name as a message quotes it: the declaration allows any length. */
function excerptName(name: string): string {
  return name.length <= 40 ? name : `${name.slice(0, 39)}…`;
}

function decodeUtf8(buf: Buffer): { text: string; error?: XmlParseError; encoding: XmlEncoding } {
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };
  const bad = firstInvalidUtf8(buf);
  return { ...decodeError(buf.subarray(0, bad).toString('utf8'), `invalid UTF-8 byte 0x${buf[bad]!.toString(16).padStart(2, '0')}`), encoding: 'utf-8' };
}

/** The text up to the first undecodable byte, and the parse error there. */
function decodeError(text: string, message: string): { text: string; error: XmlParseError } {
  const pos = new LineIndex(text).position(text.length);
  return { text, error: { message, offset: text.length, ...pos } };
}

/** Why --fix (and so --fix-dry-run and `kvmlint plan`) leaves a file in this encoding alone, or undefined. */
export function fixRefusalForEncoding(encoding: XmlEncoding): string | undefined {
  if (encoding === 'utf-8' || encoding === 'latin1' || encoding === 'ascii') return undefined;
  return encoding.startsWith('utf-16') ? 'UTF-16 files are not fixed' : `files in ${encoding} are not fixed`;
}

/**
 * Text back to the bytes of a file in `encoding`, or undefined when the text holds a
 * character that encoding cannot write (or kvmlint does not write that encoding).
 */
export function encodeXmlText(text: string, encoding: XmlEncoding): Buffer | undefined {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const limit = encoding === 'latin1' ? 0xff : encoding === 'ascii' ? 0x7f : -1;
  if (limit < 0) return undefined;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > limit) return undefined;
  return Buffer.from(text, 'latin1');
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
export function readBoundedText(path: string, maxBytes: number): { text: string; error?: XmlParseError; encoding: XmlEncoding } {
  const bytes = readBounded(path, maxBytes, readScratch);
  try {
    return decodeXmlBytes(bytes);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
}

/** readBoundedText for a file that must be a regular file (opened non-blocking: a FIFO or a device is refused, not waited on). */
export function readRegularText(path: string, maxBytes: number): { text: string; error?: XmlParseError; encoding: XmlEncoding } {
  const bytes = readRegularFile(path, maxBytes);
  try {
    return decodeXmlBytes(bytes);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
}

export function readSourceFile(path: string, displayPath: string, maxBytes: number): SourceFile {
  const { text, error } = decodeXmlBytes(readBounded(path, maxBytes));
  return sourceFromText(displayPath, text, error);
}
