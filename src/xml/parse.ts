import { SaxesParser } from 'saxes';
import { LineIndex } from './lines.ts';
import type { XmlComment, XmlDocument, XmlParseError } from './types.ts';
import { closeElement, ElementNode, isXmlSpace, LAZY_CONTAINERS, MAX_ELEMENT_DEPTH, MAX_NAME_BYTES, openElement } from './element.ts';
import { fastParse } from './fast-parse.ts';

/** Thrown from saxes' error handler so parsing stops at the first fatal error. */
class StopParsing extends Error {}

/**
 * Parses XML into a light element tree in which every element and attribute
 * knows its exact source offsets.
 *
 * Most domain XML is read by `fastParse` (src/xml/fast-parse.ts), a one-pass
 * scanner for the common subset; whatever it does not accept, saxes parses.
 *
 * Safety: neither reads external entities or DTDs or defines entities from the
 * internal subset, so `&name;` for anything but the five predefined entities is
 * a well-formedness error (billion laughs stops at the first reference). The
 * caller bounds the size of `text`.
 *
 * With saxes, offsets come from its `position` (a plain index into the string)
 * at the moment each event fires: `opentag`/`closetag` fire after the tag's
 * `>`, a `comment` before its final `>`.
 */
export function parseXml(text: string): XmlDocument {
  const fast = fastParse(text);
  if (fast) return { text, root: fast.root, comments: fast.comments, error: undefined };
  return parseXmlWithSaxes(text);
}

/**
 * The saxes parse, for any text. `eager` builds every element and tracks every
 * construct: used to word a parse error, and by tests as the reference tree.
 */
export function parseXmlWithSaxes(text: string, eager = false): XmlDocument {
  const parser = new SaxesParser({ position: true });
  const comments: XmlComment[] = [];
  const stack: ElementNode[] = [];
  let root: ElementNode | undefined;
  let error: XmlParseError | undefined;
  // For error messages only: where the last complete construct ended, and the
  // element saxes popped just before reporting a mismatched close tag.
  let lastEventEnd = 0;
  let lastClosed: ElementNode | undefined;

  // Open elements inside a lazy container that were not built (their closing tags are skipped too).
  let skipped = 0;
  let retryEager = false;
  parser.on('opentag', (node) => {
    const end = parser.position;
    lastEventEnd = end;
    const tooLong = nameTooLong(node.name) ? node.name : Object.keys(node.attributes).find(nameTooLong);
    if (tooLong !== undefined) {
      const start = text.lastIndexOf('<', end - 1);
      error = {
        message: `the name '${tooLong.slice(0, 24)}…' is longer than ${MAX_NAME_BYTES} bytes: libvirt's XML parser (libxml2 without XML_PARSE_HUGE) refuses the document ("Name too long")`,
        offset: start,
        ...new LineIndex(text).position(start),
      };
      throw new StopParsing();
    }
    if (stack.length + skipped > MAX_DEPTH) {
      // libvirt would refuse the file here; stopping also keeps a 100,000-deep file cheap.
      const start = text.lastIndexOf('<', end - 1);
      error = {
        message: `<${node.name}> is nested more than ${MAX_DEPTH} elements deep: libvirt's XML parser (libxml2 without XML_PARSE_HUGE) refuses the document ("Excessive depth in document")`,
        offset: start,
        ...new LineIndex(text).position(start),
      };
      throw new StopParsing();
    }
    const parent = stack[stack.length - 1];
    if (!eager && (skipped > 0 || parent?.lazy)) {
      if (!node.isSelfClosing) skipped++;
      return;
    }
    const el = openElement(text, node, end, parent);
    if (!parent) root = el;
    else if (!eager && !node.isSelfClosing && parent === root && LAZY_CONTAINERS.has(el.name)) el.lazy = true;
    if (!node.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (node) => {
    lastEventEnd = parser.position;
    if (node.isSelfClosing) return;
    if (skipped > 0) {
      skipped--;
      return;
    }
    const el = stack.pop();
    if (!el) return;
    lastClosed = el;
    closeElement(text, el, parser.position);
  });
  parser.on('comment', (body) => {
    const end = text.indexOf('>', parser.position - 1) + 1;
    lastEventEnd = end;
    comments.push({ text: body, range: { start: text.lastIndexOf('<!--', end - 3), end } });
  });
  const markEnd = (): void => {
    lastEventEnd = parser.position;
  };
  // Only when wording an error: saxes keeps handlers as properties added after
  // construction, and past six of them V8 turns the parser into a dictionary-mode
  // object, which makes the whole parse about five times slower.
  if (eager) {
    parser.on('cdata', markEnd);
    parser.on('processinginstruction', markEnd);
    parser.on('doctype', markEnd);
    parser.on('xmldecl', markEnd);
  }
  parser.on('error', (err) => {
    if (!eager) {
      // Redo the (failed) parse with every element built and every construct tracked,
      // so the message can name the tags involved and say where the last one ended.
      retryEager = true;
      throw new StopParsing();
    }
    const raw = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    const at = Math.min(parser.position, text.length);
    const explained = explainError(text, raw, at, (parser as unknown as SaxesInternals).state, {
      lastEventEnd,
      lastClosed,
      open: stack[stack.length - 1],
      quote: (parser as unknown as SaxesInternals).q,
      attributeName: (parser as unknown as SaxesInternals).name,
      rootSeen: root !== undefined,
    });
    const lines = new LineIndex(text);
    error = { message: explained.message, offset: explained.offset, ...lines.position(explained.offset) };
    throw new StopParsing();
  });

  try {
    parser.write(text).close();
  } catch (e) {
    if (!(e instanceof StopParsing)) throw e;
  }
  if (!error && !root) {
    const pos = new LineIndex(text).position(text.length);
    error = { message: 'document has no root element', offset: text.length, ...pos };
  }
  if (retryEager) return parseXmlWithSaxes(text, true);
  // The rare document saxes reads: a text test stands in for the fast parser's note (it may say yes for an `xmlns` in text).
  if (root && /xmlns[ \t\r\n]*=/.test(text)) root.declaresDefaultNamespace = true;
  // A DOCTYPE (only saxes reads one) with <!ATTLIST: libxml2 gives elements the declared default xmlns.
  if (root) {
    const prolog = text.slice(0, root.startTagStart);
    const doctype = prolog.indexOf('<!DOCTYPE');
    if (doctype >= 0 && prolog.indexOf('<!ATTLIST', doctype) >= 0) root.declaresAttributeDefaults = true;
  }
  return { text, root, comments, error };
}

const MAX_DEPTH = MAX_ELEMENT_DEPTH;

/** Whether libxml2 refuses `name` as too long (counted in UTF-8 bytes, as it counts). */
function nameTooLong(name: string): boolean {
  if (name.length <= MAX_NAME_BYTES / 3) return false;
  let bytes = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > MAX_NAME_BYTES;
}

/** saxes keeps these on the parser (not in its typings); read only to word error messages. */
interface SaxesInternals {
  state?: number;
  q?: number | null;
  name?: string;
}

// saxes' internal states (saxes.js), for the few errors whose wording depends on them.
const S_ENTITY = 14;
const S_COMMENT_STATES: ReadonlySet<number> = new Set([17, 18, 19]);
const S_CDATA_STATES: ReadonlySet<number> = new Set([20, 21, 22]);
const S_PI_STATES: ReadonlySet<number> = new Set([23, 24, 25, 26]);
const S_DOCTYPE_STATES: ReadonlySet<number> = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const S_ATTRIB_VALUE_QUOTED = 40;
const S_START_TAG_STATES: ReadonlySet<number> = new Set([34, 35, 36, 37, 38, 39, 40, 41, 42]);

interface ErrorContext {
  lastEventEnd: number;
  lastClosed: ElementNode | undefined;
  /** Innermost element still open (saxes reports an unclosed one at the end). */
  open: ElementNode | undefined;
  quote: number | null | undefined;
  attributeName: string | undefined;
  rootSeen: boolean;
}

/**
 * saxes' messages are terse ("unexpected close tag.") and a bare `&` is only
 * noticed at the next `;` or at the end of the file. This names the tags and
 * entities involved and moves entity errors to the `&` that starts them.
 */
function explainError(text: string, raw: string, at: number, state: number | undefined, ctx: ErrorContext): { message: string; offset: number } {
  let lines: LineIndex | undefined;
  const where = (offset: number): string => {
    const p = (lines ??= new LineIndex(text)).position(offset);
    return `line ${p.line}, column ${p.column}`;
  };
  const atEnd = /^unclosed tag: |^unexpected end\.$/.test(raw);

  // A bare `&`: saxes reads an entity name up to the next `;` (or the end of the
  // file). The `&` is the first one after the last complete construct and the
  // last `;` before the error, since the name it began holds no `;`.
  if (raw === 'disallowed character in entity name.' || raw === 'empty entity name.' || (atEnd && state === S_ENTITY)) {
    const semicolon = raw.startsWith('disallowed') || raw.startsWith('empty') ? text.lastIndexOf(';', at - 2) : text.lastIndexOf(';', at - 1);
    const amp = text.indexOf('&', Math.max(ctx.lastEventEnd, semicolon + 1));
    if (amp >= 0 && amp < at) {
      return { message: `'&' does not start an entity reference: write '&amp;' for a literal ampersand`, offset: amp };
    }
  }
  if (raw === 'undefined entity.') {
    const amp = text.lastIndexOf('&', at - 1);
    const name = amp >= 0 ? text.slice(amp + 1, at - 1) : '';
    if (amp >= 0 && /^[^\s&;<>]+$/.test(name)) {
      return {
        // One line of at most 120 characters (xml-malformed's message): a long entity name is cut.
        message: `undefined entity '&${name.length > 32 ? `${name.slice(0, 31)}…` : name};': kvmlint expands no DTD entities, only &amp; &lt; &gt; &quot; &apos; and &#…;`,
        offset: amp,
      };
    }
  }
  if (raw === 'malformed character entity.') {
    const amp = text.lastIndexOf('&', at - 1);
    if (amp >= 0) return { message: `'${text.slice(amp, at)}' is not a character XML allows`, offset: amp };
  }
  if (raw === 'unexpected close tag.' && ctx.lastClosed) {
    const open = ctx.lastClosed;
    const lt = text.lastIndexOf('</', at - 1);
    const close = lt >= 0 ? text.slice(lt + 2, at - 1).trim() : '';
    return { message: `unexpected close tag </${close}>: <${open.name}> at ${where(open.startTagStart)} is still open`, offset: at };
  }
  if (raw === 'malformed comment.') {
    const start = text.lastIndexOf('<!--', at);
    return { message: `'--' is not allowed inside a comment${start >= 0 ? ` (the comment starts at ${where(start)})` : ''}`, offset: at };
  }
  if (raw === 'disallowed character.') {
    if (state === S_ATTRIB_VALUE_QUOTED && text[at - 1] === '<') {
      const q = ctx.quote ? String.fromCharCode(ctx.quote) : undefined;
      const open = q ? text.lastIndexOf(q, at - 2) : -1;
      const name = ctx.attributeName ? ` of '${ctx.attributeName}'` : '';
      return {
        message: `'<' is not allowed in an attribute value: the value${name}${open >= 0 ? ` opened with ${q} at ${where(open)}` : ''} has no closing quote`,
        offset: at - 1,
      };
    }
    // saxes stops just past the character (both halves of a surrogate pair).
    let start = at - 1;
    const low = text.charCodeAt(start);
    if (low >= 0xdc00 && low <= 0xdfff && start >= 1) {
      const high = text.charCodeAt(start - 1);
      if (high >= 0xd800 && high <= 0xdbff) start--;
    }
    const ch = start >= 0 ? text.codePointAt(start) : undefined;
    if (ch !== undefined) {
      // `<\0d\0...`: UTF-16 bytes read as UTF-8 because the byte order mark is missing.
      const utf16 = ch === 0 && /^\uFEFF?<\0/.test(text) ? ' (is this UTF-16 without a byte order mark?)' : '';
      return { message: `character U+${ch.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0${utf16}`, offset: start };
    }
  }
  if (atEnd && state !== undefined) {
    const opened = (token: string, closer: string, what: string): { message: string; offset: number } => {
      const start = text.lastIndexOf(token, at);
      return { message: `unclosed ${what}: ${start >= 0 ? `'${token}' at ${where(start)}` : 'it'} has no '${closer}' before the end of the file`, offset: at };
    };
    if (S_COMMENT_STATES.has(state)) return opened('<!--', '-->', 'comment');
    if (S_CDATA_STATES.has(state)) return opened('<![CDATA[', ']]>', 'CDATA section');
    if (S_PI_STATES.has(state)) return opened('<?', '?>', 'processing instruction');
    if (S_DOCTYPE_STATES.has(state)) return opened('<!DOCTYPE', '>', 'document type declaration');
    if (S_START_TAG_STATES.has(state)) return opened('<', '>', 'start tag');
  }
  if (raw.startsWith('unclosed tag: ') && ctx.open) {
    return { message: `unclosed tag <${ctx.open.name}> opened at ${where(ctx.open.startTagStart)}: the file ends before </${ctx.open.name}>`, offset: at };
  }
  if (raw === 'documents may contain only one root.') {
    // saxes notices inside the second root's start tag; point at its '<'.
    const lt = text.lastIndexOf('<', at - 1);
    const name = lt >= 0 ? /^<([^\s/>]{1,40})/.exec(text.slice(lt, lt + 42))?.[1] : undefined;
    if (lt >= 0 && name) return { message: `a second root element <${name}>: an XML document has only one root`, offset: lt };
  }
  if (raw === 'text data outside of root node.') {
    // saxes notices at the end of the run of text; point at where it starts.
    let start = Math.min(ctx.lastEventEnd, at);
    while (start < at - 1 && (isXmlSpace(text.charCodeAt(start)) || (start === 0 && text.charCodeAt(0) === 0xfeff))) start++;
    return { message: ctx.rootSeen ? 'text after the root element' : 'text before the root element', offset: start };
  }
  return { message: raw.replace(/\.$/, ''), offset: at };
}

