import { SaxesParser } from 'saxes';
import { LineIndex } from './lines.ts';
import type { Range, XmlAttribute, XmlComment, XmlDocument, XmlElement, XmlParseError } from './types.ts';

/** Thrown from saxes' error handler so parsing stops at the first fatal error. */
class StopParsing extends Error {}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * An element of the light tree. Attribute ranges and text are derived from the
 * source on first access: the domain model reads a few dozen of a domain's
 * hundred-odd elements, so doing it eagerly for all of them would cost more than
 * the parse itself.
 */
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

class ElementNode implements XmlElement {
  children: XmlElement[] = NO_CHILDREN as XmlElement[];
  /** Offsets kept as numbers; Range objects are made only for the few elements a rule looks at. */
  startTagEnd: number;
  endTagStart = -1;
  endTagEnd = -1;
  private attrs: XmlAttribute[] | undefined;
  private decodedText: string | undefined;

  constructor(
    private readonly source: string,
    readonly name: string,
    readonly parent: XmlElement | undefined,
    readonly startTagStart: number,
    startTagEnd: number,
    readonly selfClosing: boolean,
  ) {
    this.startTagEnd = startTagEnd;
  }

  addChild(el: XmlElement): void {
    if (this.children === NO_CHILDREN) this.children = [el];
    else this.children.push(el);
  }

  get startTag(): Range {
    return { start: this.startTagStart, end: this.startTagEnd };
  }

  get endTag(): Range | undefined {
    return this.endTagStart < 0 ? undefined : { start: this.endTagStart, end: this.endTagEnd };
  }

  get range(): Range {
    return { start: this.startTagStart, end: this.endTagStart < 0 ? this.startTagEnd : this.endTagEnd };
  }

  get contentRange(): Range {
    if (this.endTagStart < 0) return { start: this.startTagEnd, end: this.startTagEnd };
    const text = this.source;
    let a = this.startTagEnd;
    let b = this.endTagStart;
    while (a < b && isXmlSpace(text.charCodeAt(a))) a++;
    while (b > a && isXmlSpace(text.charCodeAt(b - 1))) b--;
    return { start: a, end: b };
  }

  get attributes(): readonly XmlAttribute[] {
    if (!this.attrs) {
      const end = this.startTagEnd;
      this.attrs = scanAttributes(this.source, this.startTagStart + 1 + this.name.length, this.selfClosing ? end - 2 : end - 1);
    }
    return this.attrs;
  }

  get attributeValues(): Readonly<Record<string, string>> {
    return Object.fromEntries(this.attributes.map((a) => [a.name, a.value]));
  }

  get text(): string {
    if (this.decodedText === undefined) {
      this.decodedText = this.endTagStart < 0 ? '' : directText(this.source, this.startTagEnd, this.endTagStart, this.children);
    }
    return this.decodedText;
  }
}

/**
 * Parses XML into a light element tree in which every element and attribute
 * knows its exact source offsets.
 *
 * Safety: saxes never reads external entities or DTDs and does not define
 * entities from the internal subset, so `&name;` for anything but the five
 * predefined entities is a well-formedness error (billion laughs stops at the
 * first reference). The caller bounds the size of `text`.
 *
 * Offsets come from saxes' `position` (a plain index into the string) at the
 * moment each event fires: `opentag`/`closetag` fire after the tag's `>`, a
 * `comment` before its final `>`.
 */
export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ position: true });
  const comments: XmlComment[] = [];
  const stack: ElementNode[] = [];
  let root: ElementNode | undefined;
  let error: XmlParseError | undefined;

  parser.on('opentag', (node) => {
    const end = parser.position;
    const start = text.lastIndexOf('<', end - 1);
    const parent = stack[stack.length - 1];
    // saxes' own attribute dictionary is not kept: values are decoded from the source on demand.
    const el = new ElementNode(text, node.name, parent, start, end, node.isSelfClosing);
    if (parent) parent.addChild(el);
    else root = el;
    if (!node.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (node) => {
    if (node.isSelfClosing) return;
    const el = stack.pop();
    if (!el) return;
    el.endTagEnd = parser.position;
    el.endTagStart = text.lastIndexOf('</', el.endTagEnd - 1);
  });
  parser.on('comment', (body) => {
    const end = text.indexOf('>', parser.position - 1) + 1;
    comments.push({ text: body, range: { start: text.lastIndexOf('<!--', end - 3), end } });
  });
  parser.on('error', (err) => {
    error = {
      message: err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''),
      offset: Math.min(parser.position, text.length),
      line: parser.line,
      column: parser.columnIndex + 1,
    };
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
  return { text, root, comments, error };
}

/** Finds each attribute's name and value offsets inside a well-formed start tag, between `from` and `to`. */
function scanAttributes(text: string, from: number, to: number): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const nameStart = i;
    while (i < to && text.charCodeAt(i) !== 61 /* = */ && !isXmlSpace(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < to && text.charCodeAt(i) !== 61) i++;
    i++; // '='
    while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
    const quote = text[i] === '"' ? '"' : "'";
    const valueStart = i + 1;
    const valueEnd = text.indexOf(quote, valueStart);
    i = valueEnd + 1;
    const name = text.slice(nameStart, nameEnd);
    out.push({
      name,
      value: decodeAttributeValue(text.slice(valueStart, valueEnd)),
      range: { start: nameStart, end: i },
      nameRange: { start: nameStart, end: nameEnd },
      valueRange: { start: valueStart, end: valueEnd },
      quote,
    });
  }
  return out;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data of a well-formed span (no child elements): CDATA unwrapped, comments and PIs dropped, references decoded, line ends normalised. */
function decodeCharData(raw: string): string {
  if (raw.indexOf('<') < 0 && raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith('<![CDATA[', i)) {
      const end = raw.indexOf(']]>', i + 9);
      out += raw.slice(i + 9, end);
      i = end + 3;
    } else if (raw.startsWith('<!--', i)) {
      i = raw.indexOf('-->', i + 4) + 3;
    } else if (raw.startsWith('<?', i)) {
      i = raw.indexOf('?>', i + 2) + 2;
    } else if (raw[i] === '&') {
      const end = raw.indexOf(';', i);
      const ref = raw.slice(i + 1, end);
      out += ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : (PREDEFINED[ref] ?? '');
      i = end + 1;
    } else if (raw[i] === '\r') {
      out += '\n';
      i += raw[i + 1] === '\n' ? 2 : 1;
    } else {
      out += raw[i];
      i++;
    }
  }
  return out;
}

/**
 * Attribute-value normalisation (XML 1.0 §3.3.3) for a well-formed value:
 * references decoded, each literal tab, line feed or carriage return (a CRLF
 * pair counts once) becomes a space. Identical to what saxes hands out.
 */
function decodeAttributeValue(raw: string): string {
  if (raw.indexOf('&') < 0 && !/[\t\n\r]/.test(raw)) return raw;
  return decodeCharData(raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '));
}

/** Text directly inside an element: the spans between its children. */
function directText(source: string, from: number, to: number, children: readonly XmlElement[]): string {
  let out = '';
  let at = from;
  for (const c of children) {
    out += decodeCharData(source.slice(at, c.range.start));
    at = c.range.end;
  }
  return out + decodeCharData(source.slice(at, to));
}
