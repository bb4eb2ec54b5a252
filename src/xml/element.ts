import type { Range, XmlAttribute, XmlElement } from './types.ts';

/** The light element tree both parsers build: offsets as numbers, everything else derived from the source on demand. */

export function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

const SELF_CLOSING = 1;
const LAZY = 2;
/** On the root: some start tag of the document declares a default namespace (an `xmlns` attribute). */
const DEFAULT_NAMESPACE = 4;
/** On the root: the document's DOCTYPE declares attribute defaults (`<!ATTLIST>`). */
const ATTRIBUTE_DEFAULTS = 8;
/** On the root of a document fastParse read: it holds no entity or character reference (`&`) at all. */
const NO_REFERENCES = 16;

/**
 * libxml2's nesting limit without XML_PARSE_HUGE (parser.c nodePush: an element is
 * refused when more than 256 are already open), which libvirt does not set
 * (virxml.c virXMLParseHelper passes XML_PARSE_NONET | XML_PARSE_NOWARNING).
 */
export const MAX_ELEMENT_DEPTH = 256;

/**
 * The longest element or attribute name libxml2 reads without XML_PARSE_HUGE, in UTF-8 bytes
 * (parserInternals.h XML_MAX_NAME_LENGTH; parser.c xmlParseNCName: "Name too long").
 */
export const MAX_NAME_BYTES = 50_000;

/**
 * Children of the root that hold most of a real domain's elements, few of which the
 * models read. What lies inside them is checked for well-formedness with the rest of the
 * file and turned into elements only when something asks for it, one level at a time;
 * the models test the text before asking (`<memballoon`, `<memory` in `<devices>`).
 */
export const LAZY_CONTAINERS: ReadonlySet<string> = new Set(['devices', 'metadata', 'sysinfo', 'features', 'clock', 'os', 'seclabel', 'resource']);

/**
 * The tag table fastParse keeps on the root: two numbers for every start tag of the document, in document order:
 * the offset of its `<`, then its depth (the root's is 0; TAG_DEEP stands for itself and anything deeper) and, above
 * TAG_DEPTH_BITS, its name's key (tagNameKey). It lets a check read the tags inside a lazy container (most of a
 * guest's tags are in <devices>) without building their elements or searching the text for them again.
 */
export const TAG_DEPTH_BITS = 4;
export const TAG_DEEP = (1 << TAG_DEPTH_BITS) - 1;

/**
 * A name's length (up to 63), first and last character in one number: equal for equal names, so a tag whose key
 * differs is not the one sought, and one whose key matches is compared in full (keys of ASCII names only).
 */
export function tagNameKey(name: string): number {
  return nameKeyAt(name, 0, name.length);
}

export function nameKeyAt(text: string, start: number, end: number): number {
  const length = end - start;
  return (length < 63 ? length : 63) | ((text.charCodeAt(start) & 0x7f) << 6) | ((text.charCodeAt(end - 1) & 0x7f) << 13);
}

/**
 * Whether the start tag at text[at] is named `name`, given that the table gave it name's key: the key holds the
 * length and the first and last letters, so only the letters between are compared.
 */
export function tagIs(text: string, at: number, name: string): boolean {
  for (let i = 1; i < name.length - 1; i++) if (text.charCodeAt(at + 1 + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** A document's tag table: numbers[from, to) of an arena the parser shares between documents. */
export interface TagTable {
  readonly numbers: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** The start tags below one element: table entries [from, to) (two numbers each), and the element's own depth. */
export interface DescendantTags {
  readonly table: Int32Array;
  readonly from: number;
  readonly to: number;
  readonly depth: number;
}

/**
 * The start tags inside `el` (its descendants, not itself), from the document's tag table; undefined when the
 * document has none (saxes parsed it) or `el` is not in it. Comments, CDATA sections and processing instructions are
 * not tags and are not in it.
 */
export function descendantTags(el: XmlElement): DescendantTags | undefined {
  if (!(el instanceof ElementNode) || el.endTagStart < 0) return undefined;
  let root: XmlElement = el;
  while (root.parent) root = root.parent;
  const tags = (root as ElementNode).tagTable;
  if (tags === undefined) return undefined;
  const table = tags.numbers;
  const own = lowerBound(table, tags.from, tags.to, el.startTagStart);
  if (own === tags.to || table[own] !== el.startTagStart) return undefined;
  return { table, from: own + 2, to: lowerBound(table, own, tags.to, el.endTagStart), depth: table[own + 1]! & TAG_DEEP };
}

/**
 * Which of `names` some element inside `el` (at any depth) may be named: bit i for names[i]. Exact from the tag
 * table; without one, whether `<name` is in the text at all (comments included), which may say yes where there is
 * none, never no where there is one.
 */
export function mayContainElements(el: XmlElement, names: readonly string[]): number {
  let found = 0;
  const tags = descendantTags(el);
  if (tags === undefined) {
    for (let i = 0; i < names.length; i++) if (!(el instanceof ElementNode) || el.contentIncludes(`<${names[i]}`)) found |= 1 << i;
    return found;
  }
  const source = (el as ElementNode).sourceText;
  const { table, from, to } = tags;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const key = tagNameKey(name);
    for (let k = from; k < to; k += 2) {
      if (table[k + 1]! >>> TAG_DEPTH_BITS === key && tagIs(source, table[k]!, name)) {
        found |= 1 << i;
        break;
      }
    }
  }
  return found;
}

/**
 * Whether two children of `el` may have one name: exact from the tag table (names compared in place, a name of 63
 * characters or more counted as a maybe), true without one. Lets a check for repeated children leave a lazy
 * container unbuilt when it has none.
 */
export function childNamesMayRepeat(el: XmlElement): boolean {
  const tags = descendantTags(el);
  if (tags === undefined) return true;
  const { table, from, to } = tags;
  const text = (el as ElementNode).sourceText;
  const childDepth = tags.depth + 1;
  for (let i = from; i < to; i += 2) {
    if ((table[i + 1]! & TAG_DEEP) !== childDepth) continue;
    const key = table[i + 1]! >>> TAG_DEPTH_BITS;
    for (let j = from; j < i; j += 2) {
      if ((table[j + 1]! & TAG_DEEP) !== childDepth || table[j + 1]! >>> TAG_DEPTH_BITS !== key) continue;
      const length = key & 63;
      if (length === 63) return true;
      let m = 1;
      while (m < length - 1 && text.charCodeAt(table[i]! + 1 + m) === text.charCodeAt(table[j]! + 1 + m)) m++;
      if (m >= length - 1) return true;
    }
  }
  return false;
}

export function mayContainElement(el: XmlElement, name: string): boolean {
  return mayContainElements(el, [name]) !== 0;
}

/**
 * Whether the text inside `el` may hold an entity or character reference: false only when the parser saw none in
 * the whole document, so a check reading raw text there reads what the parser would.
 */
export function mayHaveReferences(el: XmlElement): boolean {
  let root: XmlElement = el;
  while (root.parent) root = root.parent;
  return !(root instanceof ElementNode) || !root.declaresNoReferences;
}

/** The index of the first entry in table[from, to) whose offset is at least `offset` (to when none is). */
function lowerBound(table: Int32Array, from: number, to: number, offset: number): number {
  let lo = from >>> 1;
  let hi = to >>> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[2 * mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * An element of the light tree. Attribute ranges and text are derived from the
 * source on first access: the domain model reads a few dozen of a domain's
 * hundred-odd elements, so doing it eagerly for all of them would cost more than
 * the parse itself.
 */
export class ElementNode implements XmlElement {
  private kids: XmlElement[] = NO_CHILDREN as XmlElement[];
  /** SELF_CLOSING and LAZY in one number: a plan of 10,000 guests keeps 270,000 elements to its end. */
  private flags: number;
  /** Offsets kept as numbers; Range objects are made only for the few elements a rule looks at. */
  startTagEnd: number;
  /** Where `</name>` starts; -1 until the element closes, and for a self-closing one. Its end is found from it. */
  endTagStart = -1;
  /** On the root of a document fastParse read: its tag table (descendantTags). */
  tagTable: TagTable | undefined = undefined;

  constructor(
    private readonly source: string,
    readonly name: string,
    readonly parent: XmlElement | undefined,
    readonly startTagStart: number,
    startTagEnd: number,
    selfClosing: boolean,
  ) {
    this.flags = selfClosing ? SELF_CLOSING : 0;
    this.startTagEnd = startTagEnd;
  }

  get selfClosing(): boolean {
    return (this.flags & SELF_CLOSING) !== 0;
  }

  /** Children not built yet (a lazy container). */
  get lazy(): boolean {
    return (this.flags & LAZY) !== 0;
  }

  set lazy(value: boolean) {
    this.flags = value ? this.flags | LAZY : this.flags & ~LAZY;
  }

  get declaresDefaultNamespace(): boolean {
    return (this.flags & DEFAULT_NAMESPACE) !== 0;
  }

  set declaresDefaultNamespace(value: boolean) {
    this.flags = value ? this.flags | DEFAULT_NAMESPACE : this.flags & ~DEFAULT_NAMESPACE;
  }

  /** The document's text. */
  get sourceText(): string {
    return this.source;
  }

  get declaresNoReferences(): boolean {
    return (this.flags & NO_REFERENCES) !== 0;
  }

  set declaresNoReferences(value: boolean) {
    this.flags = value ? this.flags | NO_REFERENCES : this.flags & ~NO_REFERENCES;
  }

  get declaresAttributeDefaults(): boolean {
    return (this.flags & ATTRIBUTE_DEFAULTS) !== 0;
  }

  set declaresAttributeDefaults(value: boolean) {
    this.flags = value ? this.flags | ATTRIBUTE_DEFAULTS : this.flags & ~ATTRIBUTE_DEFAULTS;
  }

  /** After the end tag's `>` (a well-formed end tag holds no other `>`); -1 while it has none. */
  get endTagEnd(): number {
    return this.endTagStart < 0 ? -1 : this.source.indexOf('>', this.endTagStart + 2) + 1;
  }

  get children(): readonly XmlElement[] {
    if (this.lazy) this.materialize();
    return this.kids;
  }

  addChild(el: XmlElement): void {
    if (this.kids === NO_CHILDREN) this.kids = [el];
    else this.kids.push(el);
  }

  /**
   * Called when the element closes: an array grown by push keeps room for ~16
   * more entries, which a plan of thousands of domains would carry to the end.
   */
  sealChildren(): void {
    if (this.kids.length > 1) this.kids = this.kids.slice();
  }

  /**
   * Builds the children of a lazy element from its source span, one level: each child that has
   * content is lazy in turn. A rule that asks for `<devices>` to find `<memballoon>` then builds
   * the thirty-odd device elements, not the hundred-odd below them (a 10,000-guest plan held
   * 1.3 million elements, 160 MB, when the whole subtree was built).
   *
   * The span was already found well formed (by fastParse or saxes), so this only has to find
   * the tags: it skips comments, CDATA sections and processing instructions, and steps over
   * quoted attribute values (which may hold `>`).
   */
  private materialize(): void {
    this.lazy = false;
    const text = this.source;
    const end = this.endTagStart;
    /** Elements open below this one; a child is built only at depth 0. */
    let depth = 0;
    let child: ElementNode | undefined;
    let i = text.indexOf('<', this.startTagEnd);
    while (i >= 0 && i < end) {
      const c = text.charCodeAt(i + 1);
      if (c === 47 /* / */) {
        const close = text.indexOf('>', i + 2) + 1;
        if (--depth === 0) child!.endTagStart = i;
        i = text.indexOf('<', close);
      } else if (c === 33 /* ! */) {
        i = text.startsWith('<!--', i) ? text.indexOf('-->', i + 4) + 3 : text.indexOf(']]>', i + 9) + 3;
        i = text.indexOf('<', i);
      } else if (c === 63 /* ? */) {
        i = text.indexOf('<', text.indexOf('?>', i + 2) + 2);
      } else {
        let j = i + 2;
        for (let k = text.charCodeAt(j); k !== 62 && k !== 47 && !isXmlSpace(k); k = text.charCodeAt(++j));
        const nameEnd = j;
        j = startTagEnd(text, j);
        const selfClosing = text.charCodeAt(j - 1) === 47;
        if (depth === 0) {
          const el = new ElementNode(text, nameAt(text, i + 1, nameEnd), this, i, j + 1, selfClosing);
          this.addChild(el);
          if (!selfClosing) {
            el.lazy = true;
            child = el;
          }
        }
        if (!selfClosing) depth++;
        i = text.indexOf('<', j + 1);
      }
    }
    this.sealChildren();
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

  contentIncludes(needle: string): boolean {
    if (this.endTagStart < 0) return false;
    const at = this.source.indexOf(needle, this.startTagEnd);
    return at >= 0 && at + needle.length <= this.endTagStart;
  }

  rangeIncludes(needle: string): boolean {
    const start = this.startTagStart;
    const end = this.endTagStart < 0 ? this.startTagEnd : this.endTagEnd;
    // Bounded: an unbounded indexOf from here would read to the end of the file whenever the answer is no.
    return end - start >= needle.length && this.source.slice(start, end).includes(needle);
  }

  contentSpan(): { text: string; start: number; end: number } {
    return { text: this.source, start: this.startTagEnd, end: this.endTagStart < 0 ? this.startTagEnd : this.endTagStart };
  }

  contentIncludesEach(prefix: string, tails: readonly string[]): number {
    let found = 0;
    if (this.endTagStart < 0) return found;
    const text = this.source;
    for (let at = text.indexOf(prefix, this.startTagEnd); at >= 0 && at + prefix.length <= this.endTagStart; at = text.indexOf(prefix, at + 1)) {
      for (let i = 0; i < tails.length; i++) {
        if (text.startsWith(tails[i]!, at + prefix.length) && at + prefix.length + tails[i]!.length <= this.endTagStart) found |= 1 << i;
      }
    }
    return found;
  }

  /**
   * Built from the start tag on every call and never kept: a plan of 10,000 guests kept
   * 280,000 attribute objects (with their arrays and values, a sixth of what it held), for the
   * few a rule's finding points at. Rules ask for one attribute by name (`attribute`).
   */
  get attributes(): readonly XmlAttribute[] {
    return scanAttributes(this.source, this.attributesFrom(), this.attributesTo());
  }

  /** The attribute `name`, found in the start tag without building the others. */
  attribute(name: string): XmlAttribute | undefined {
    return findAttribute(this.source, this.attributesFrom(), this.attributesTo(), name);
  }

  private attributesFrom(): number {
    return this.startTagStart + 1 + this.name.length;
  }

  private attributesTo(): number {
    return this.selfClosing ? this.startTagEnd - 2 : this.startTagEnd - 1;
  }

  get attributeValues(): Readonly<Record<string, string>> {
    return Object.fromEntries(this.attributes.map((a) => [a.name, a.value]));
  }

  /** Decoded on every call, not kept (the models read each element's text once). */
  get text(): string {
    return this.endTagStart < 0 ? '' : directText(this.source, this.startTagEnd, this.endTagStart, this.children);
  }
}


/**
 * Element and attribute names seen so far, in an open-addressing table keyed by a hash of
 * the name's characters: a plan of thousands of domains repeats a few hundred names millions
 * of times, and a name found here costs neither a new string nor a Map lookup of one.
 */
const NAME_SLOTS = 4096;
const NAME_PROBES = 8;
const names: Array<string | undefined> = new Array(NAME_SLOTS).fill(undefined);
let nameCount = 0;
/** Past this many distinct names (a hostile or generated file), new names are no longer shared. */
const MAX_INTERNED_NAMES = (NAME_SLOTS * 3) / 4;

/** The name `text[start, end)`, one string for each distinct name. */
/**
 * The offset of the `>` that ends a start tag, searched from `from` (after its name): a quoted
 * value, which may hold `>`, is stepped over. -1 when the text ends first.
 */
export function startTagEnd(text: string, from: number): number {
  let j = from;
  for (let k = text.charCodeAt(j); k !== 62 /* > */; k = text.charCodeAt(++j)) {
    if (j >= text.length) return -1;
    if (k === 34 /* " */ || k === 39 /* ' */) {
      j = text.indexOf(k === 34 ? '"' : "'", j + 1);
      if (j < 0) return -1;
    }
  }
  return j;
}

export function nameAt(text: string, start: number, end: number): string {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  let slot = hash & (NAME_SLOTS - 1);
  for (let probe = 0; probe < NAME_PROBES; probe++, slot = (slot + 1) & (NAME_SLOTS - 1)) {
    const known = names[slot];
    if (known === undefined) {
      const name = text.slice(start, end);
      if (nameCount < MAX_INTERNED_NAMES) {
        names[slot] = name;
        nameCount++;
      }
      return name;
    }
    if (known.length === end - start && text.startsWith(known, start)) return known;
  }
  return text.slice(start, end);
}

/** A new element for a start tag ending at `end` (saxes' position after `>`), added to its parent. */
export function openElement(source: string, node: { name: string; isSelfClosing: boolean }, end: number, parent: ElementNode | undefined): ElementNode {
  const el = new ElementNode(source, node.name, parent, source.lastIndexOf('<', end - 1), end, node.isSelfClosing);
  parent?.addChild(el);
  return el;
}


export function closeElement(source: string, el: ElementNode, end: number): void {
  el.endTagStart = source.lastIndexOf('</', end - 1);
  el.sealChildren();
}


/** An attribute with its offsets as numbers; the Range objects are made when asked for. */
class AttributeNode implements XmlAttribute {
  constructor(
    readonly name: string,
    readonly value: string,
    private readonly nameStart: number,
    private readonly valueStart: number,
    private readonly valueEnd: number,
    readonly quote: '"' | "'",
  ) {}

  get range(): Range {
    return { start: this.nameStart, end: this.valueEnd + 1 };
  }

  get nameRange(): Range {
    return { start: this.nameStart, end: this.nameStart + this.name.length };
  }

  get valueRange(): Range {
    return { start: this.valueStart, end: this.valueEnd };
  }
}

/** Offsets of the attribute `nextAttribute` found last: name start, name end, value start, value end. */
const SPAN = new Int32Array(4);

/**
 * Finds the next attribute of a well-formed start tag at or after `i` (before `to`) and puts its
 * offsets in SPAN; returns the offset after its closing quote, or -1 when no attribute is left.
 */
function nextAttribute(text: string, i: number, to: number): number {
  while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
  if (i >= to) return -1;
  SPAN[0] = i;
  while (i < to && text.charCodeAt(i) !== 61 /* = */ && !isXmlSpace(text.charCodeAt(i))) i++;
  SPAN[1] = i;
  while (i < to && text.charCodeAt(i) !== 61) i++;
  i++; // '='
  while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
  const valueEnd = text.indexOf(text.charCodeAt(i) === 34 ? '"' : "'", i + 1);
  SPAN[2] = i + 1;
  SPAN[3] = valueEnd;
  return valueEnd + 1;
}

/** The attribute whose offsets are in SPAN, named `name`. */
function attributeInSpan(text: string, name: string): XmlAttribute {
  const valueStart = SPAN[2]!;
  const valueEnd = SPAN[3]!;
  return new AttributeNode(name, decodeAttributeValue(text.slice(valueStart, valueEnd)), SPAN[0]!, valueStart, valueEnd, text.charCodeAt(valueStart - 1) === 34 ? '"' : "'");
}

/** Every attribute of a well-formed start tag, between `from` and `to`. */
function scanAttributes(text: string, from: number, to: number): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  for (let i = from; (i = nextAttribute(text, i, to)) >= 0; ) attributes.push(attributeInSpan(text, nameAt(text, SPAN[0]!, SPAN[1]!)));
  return attributes;
}

/** The attribute `name` of a well-formed start tag, between `from` and `to` (a name occurs at most once in a well-formed tag). */
function findAttribute(text: string, from: number, to: number, name: string): XmlAttribute | undefined {
  const length = name.length;
  let i = from;
  while (i < to) {
    if (isXmlSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // An attribute's name starts at i: compare it in place, then step over its value (names hold no '=' and no
    // quote). Loops rather than startsWith and indexOf: names and the blanks around '=' are a few characters, where a
    // builtin's call cost more than the comparisons.
    let q = i;
    while (q < length + i && text.charCodeAt(q) === name.charCodeAt(q - i)) q++;
    const named = q === i + length;
    while (q < to && text.charCodeAt(q) !== 61 /* = */) q++;
    const nameEnd = q;
    q++;
    while (q < to && isXmlSpace(text.charCodeAt(q))) q++;
    const quote = text.charCodeAt(q);
    let valueEnd = q + 1;
    while (valueEnd < to && text.charCodeAt(valueEnd) !== quote) valueEnd++;
    // Only a tag that is not well formed (a document with an error) lacks these; never loop back over it.
    if (valueEnd >= to || (quote !== 34 && quote !== 39)) return undefined;
    // The name ends at '=' or a blank before it.
    if (named && (nameEnd === i + length || isXmlSpace(text.charCodeAt(i + length)))) {
      SPAN[0] = i;
      SPAN[2] = q + 1;
      SPAN[3] = valueEnd;
      return attributeInSpan(text, name);
    }
    i = valueEnd + 1;
  }
  return undefined;
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
  // One pass for '&', tab, LF and CR: most values are short, where indexOf and a regular expression cost more.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c === 9 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
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
