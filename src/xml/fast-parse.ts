import { ElementNode, LAZY_CONTAINERS, MAX_ELEMENT_DEPTH, MAX_NAME_BYTES, nameAt, nameKeyAt, TAG_DEEP, TAG_DEPTH_BITS } from './element.ts';
import type { XmlComment } from './types.ts';

/**
 * The fast path of `parseXml`: one pass over the common shape of domain XML
 * (ASCII names, quoted attributes, text with the predefined entities and
 * character references, comments, an optional XML declaration) that checks
 * well-formedness and builds the light tree in the same pass.
 *
 * It decides only what it fully understands. Anything else (a DOCTYPE, CDATA,
 * a processing instruction, a non-ASCII name, an error of any kind, nesting
 * past libxml2's limit) returns `undefined`, and saxes parses the text from
 * the start: saxes stays the judge of every file this path does not accept,
 * and every error message comes from it. A test and the fuzzer check that
 * whatever this path accepts, saxes accepts with the identical tree.
 *
 * Why: saxes spends most of its time building an attribute object for every
 * tag, including the hundreds inside <devices> that no rule reads; this scan
 * only checks them.
 */
export function fastParse(text: string): { root: ElementNode; comments: XmlComment[] } | undefined {
  return new FastScanner(text).parse();
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOT = 34;
const HASH = 35;
const AMP = 38;
const APOS = 39;
const MINUS = 45;
const SLASH = 47;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const RSQB = 93;

const IN_CONTENT = 0;
const IN_ATTRIBUTE_VALUE = 1;
const IN_COMMENT = 2;
type CharContext = typeof IN_CONTENT | typeof IN_ATTRIBUTE_VALUE | typeof IN_COMMENT;

/** Refuse a start tag with more attributes than this (the duplicate check is quadratic); saxes takes it. */
const MAX_ATTRIBUTES = 64;

/**
 * ASCII characters that end no scan and need no check in any context (chars()): printable, and not
 * one of the stops (`<` `"` `'` `-`) or the characters checked on their own (`&` `>`). Most of a
 * domain's attribute values and text are made of them: one table load instead of six comparisons.
 */
const PLAIN_CHAR = new Uint8Array(0x80);
for (let c = SPACE; c < 0x7f; c++) PLAIN_CHAR[c] = 1;
for (const c of [LT, QUOT, APOS, MINUS, AMP, GT]) PLAIN_CHAR[c] = 0;

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

/** XML NameStartChar, ASCII part. */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

/** XML NameChar, ASCII part. */
function isNameChar(c: number): boolean {
  return c < 0x80 && NAME_CHAR[c] === 1;
}

/** isNameChar's ASCII subset as a table: names are scanned a character at a time. */
const NAME_CHAR = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) NAME_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 58 ? 1 : 0;

/** XML 1.0 Char for a code point (character references). */
function isXmlChar(cp: number): boolean {
  return cp === TAB || cp === LF || cp === CR || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const XML_DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y;

const PREDEFINED_ENTITIES = ['amp', 'lt', 'gt', 'quot', 'apos'];

// Scratch for every parse, allocated once: four typed arrays per document were a tenth of the parse.
/** Names up to this many UTF-16 units are within MAX_NAME_BYTES whatever they hold (3 UTF-8 bytes a unit at most). */
const MAX_FAST_NAME = Math.floor(MAX_NAME_BYTES / 3);
const OPEN_NAME_START = new Int32Array(MAX_ELEMENT_DEPTH + 1);
const OPEN_NAME_END = new Int32Array(MAX_ELEMENT_DEPTH + 1);
const ATTRIBUTE_START = new Int32Array(MAX_ATTRIBUTES);
/**
 * Tag tables (element.ts TAG_DEPTH_BITS) are written into a shared arena, each document's after the last, and the
 * root gets a view of its part: a table of its own for every document (a kilobyte for a 7 KB guest) was an array
 * buffer allocated outside V8's heap, and freed by its collector, for each file of a fleet.
 */
const TAG_ARENA_LENGTH = 1 << 16;
let tagArena = new Int32Array(TAG_ARENA_LENGTH);
/** Numbers of tagArena that documents' tables hold. */
let tagArenaUsed = 0;
const ATTRIBUTE_LENGTH = new Int32Array(MAX_ATTRIBUTES);

class FastScanner {
  private readonly n: number;
  private readonly comments: XmlComment[] = [];
  /** Open elements: name offsets (shared scratch: a parse runs to its end before the next begins), and the node when it was built. */
  private readonly nameStart = OPEN_NAME_START;
  private readonly nameEnd = OPEN_NAME_END;
  private readonly nodes: Array<ElementNode | null> = [];
  private depth = 0;
  private root: ElementNode | undefined;
  /** Some start tag has an `xmlns` attribute (noted on the root when the parse ends). */
  private defaultNamespace = false;
  /** Name offsets of the current start tag's attributes, for the duplicate check (shared scratch). */
  private readonly attrStart = ATTRIBUTE_START;
  private readonly attrLength = ATTRIBUTE_LENGTH;
  /** Some text or attribute value holds an entity or character reference. */
  private references = false;
  /** The arena this document's table is written to, where the table starts, and where its next tag goes. */
  private arena = tagArena;
  private tagBase = tagArenaUsed;
  private tagEnd = tagArenaUsed;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  parse(): { root: ElementNode; comments: XmlComment[] } | undefined {
    const { text } = this;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (text.startsWith('<?xml', i)) {
      XML_DECLARATION.lastIndex = i;
      if (!XML_DECLARATION.test(text)) return undefined;
      i = XML_DECLARATION.lastIndex;
    }
    i = this.misc(i);
    if (i < 0 || text.charCodeAt(i) !== LT) return undefined;
    // Elements and the text between them, until the root closes.
    for (;;) {
      const c = text.charCodeAt(i + 1);
      if (isNameStart(c)) i = this.startTag(i);
      else if (c === SLASH) i = this.endTag(i);
      else return undefined;
      if (i < 0) return undefined;
      if (this.depth === 0) break;
      i = this.charData(i);
      if (i < 0) return undefined;
    }
    i = this.misc(i);
    if (i !== this.n) return undefined;
    if (this.defaultNamespace) this.root!.declaresDefaultNamespace = true;
    if (!this.references) this.root!.declaresNoReferences = true;
    // A plain object, not a subarray: a typed array view is built through its species constructor, a microsecond.
    this.root!.tagTable = { numbers: this.arena, from: this.tagBase, to: this.tagEnd };
    tagArenaUsed = this.tagEnd;
    return { root: this.root!, comments: this.comments };
  }

  /** Whitespace and comments (before and after the root); returns the offset of anything else, -1 on a bad comment. */
  private misc(i: number): number {
    const { text, n } = this;
    for (;;) {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n || !text.startsWith('<!--', i)) return i;
      i = this.comment(i);
      if (i < 0) return -1;
    }
  }

  /** `<!--` at `i`; returns the offset after `-->`. */
  private comment(i: number): number {
    const { text } = this;
    const bodyStart = i + 4;
    let j = bodyStart;
    for (;;) {
      j = this.chars(j, MINUS, IN_COMMENT);
      if (j < 0) return -1;
      if (text.charCodeAt(j + 1) === MINUS) break;
      j++;
    }
    // '--' may only end the comment.
    if (text.charCodeAt(j + 2) !== GT) return -1;
    let body = text.slice(bodyStart, j);
    if (body.indexOf('\r') >= 0) body = body.replace(/\r\n?/g, '\n');
    this.comments.push({ text: body, range: { start: i, end: j + 3 } });
    return j + 3;
  }

  /** A start tag at `i`; returns the offset after its `>`. */
  private startTag(i: number): number {
    const { text } = this;
    if (this.depth > MAX_ELEMENT_DEPTH) return -1;
    const nameStart = i + 1;
    let j = nameStart + 1;
    while (isNameChar(text.charCodeAt(j))) j++;
    const nameEnd = j;
    // A name that may pass libxml2's limit in UTF-8 bytes: saxes reads it and parse.ts words the refusal.
    if (nameEnd - nameStart > MAX_FAST_NAME) return -1;
    let attributes = 0;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (isSpace(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (text.charCodeAt(j + 1) !== GT) return -1;
        selfClosing = true;
        j += 2;
        break;
      }
      // An attribute must follow whitespace.
      if (j === before || !isNameStart(c)) return -1;
      const attrStart = j;
      j++;
      while (isNameChar(text.charCodeAt(j))) j++;
      const length = j - attrStart;
      if (length > MAX_FAST_NAME) return -1;
      if (attributes === MAX_ATTRIBUTES || this.isDuplicateAttribute(attributes, attrStart, length)) return -1;
      this.attrStart[attributes] = attrStart;
      this.attrLength[attributes] = length;
      if (length === 5 && text.startsWith('xmlns', attrStart)) this.defaultNamespace = true;
      attributes++;
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) return -1;
      j++;
      while (isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== QUOT && quote !== APOS) return -1;
      j = this.chars(j + 1, quote, IN_ATTRIBUTE_VALUE);
      if (j < 0) return -1;
      j++;
    }
    // The tag table's entry (element.ts TAG_DEPTH_BITS), written here to keep openElement small enough to inline.
    if (this.tagEnd === this.arena.length) this.nextArena();
    const at = this.tagEnd;
    this.arena[at] = i;
    this.arena[at + 1] = (this.depth < TAG_DEEP ? this.depth : TAG_DEEP) | (nameKeyAt(text, nameStart, nameEnd) << TAG_DEPTH_BITS);
    this.tagEnd = at + 2;
    this.openElement(i, nameStart, nameEnd, j, selfClosing);
    return j;
  }

  /** A new arena, with this document's table so far moved to its start; the old one stays with the tables in it. */
  private nextArena(): void {
    const at = this.tagEnd;
    const next = new Int32Array(Math.max(TAG_ARENA_LENGTH, 2 * (at - this.tagBase)));
    next.set(this.arena.subarray(this.tagBase, at));
    tagArena = this.arena = next;
    this.tagEnd = at - this.tagBase;
    this.tagBase = 0;
    tagArenaUsed = 0;
  }

  private isDuplicateAttribute(count: number, start: number, length: number): boolean {
    const { text } = this;
    for (let k = 0; k < count; k++) {
      if (this.attrLength[k] !== length) continue;
      const other = this.attrStart[k]!;
      let m = 0;
      while (m < length && text.charCodeAt(other + m) === text.charCodeAt(start + m)) m++;
      if (m === length) return true;
    }
    return false;
  }

  private openElement(tagStart: number, nameStart: number, nameEnd: number, tagEnd: number, selfClosing: boolean): void {
    const { depth } = this;
    const parent = depth > 0 ? this.nodes[depth - 1]! : undefined;

    let node: ElementNode | null = null;
    // Below a lazy element nothing is built: it builds its children when asked.
    if (depth === 0 || (parent && !parent.lazy)) {
      const name = nameAt(this.text, nameStart, nameEnd);
      node = new ElementNode(this.text, name, parent ?? undefined, tagStart, tagEnd, selfClosing);
      if (!parent) this.root = node;
      else {
        parent.addChild(node);
        // A container (<devices>, <os>, ...) builds its children when first asked, one level at a time:
        // most runs never look inside <devices> (its ~28 elements were half of a guest's tree).
        if (!selfClosing && parent === this.root && LAZY_CONTAINERS.has(name)) node.lazy = true;
      }
    }
    if (selfClosing) return;
    this.nameStart[depth] = nameStart;
    this.nameEnd[depth] = nameEnd;
    this.nodes[depth] = node;
    this.depth = depth + 1;
  }

  /** `</` at `i`: must close the innermost open element; returns the offset after `>`. */
  private endTag(i: number): number {
    const { text } = this;
    if (this.depth === 0) return -1;
    const top = this.depth - 1;
    const start = this.nameStart[top]!;
    const length = this.nameEnd[top]! - start;
    let j = i + 2;
    for (let m = 0; m < length; m++, j++) if (text.charCodeAt(j) !== text.charCodeAt(start + m)) return -1;
    if (isNameChar(text.charCodeAt(j))) return -1;
    while (isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== GT) return -1;
    j++;
    const node = this.nodes[top];
    if (node) {
      node.endTagStart = i;
      node.sealChildren();
    }
    this.nodes[top] = null;
    this.depth = top;
    return j;
  }

  /** Character data from `i` to the next `<` (returned); -1 on anything outside the subset. */
  private charData(i: number): number {
    const { text, n } = this;
    for (;;) {
      i = this.chars(i, LT, IN_CONTENT);
      if (i < 0) return -1;
      if (text.charCodeAt(i) !== LT) return -1;
      // Comments in content are read here, so the loop in parse() only sees tags.
      if (text.charCodeAt(i + 1) === 33 && text.startsWith('<!--', i)) {
        i = this.comment(i);
        if (i < 0 || i >= n) return -1;
        continue;
      }
      return i;
    }
  }

  /**
   * Scans characters from `i` up to the first `stop` (its offset is returned).
   * Every character must be an XML Char; outside comments `&` must start a
   * predefined entity or a character reference; in an attribute value `<` is an
   * error, in content `]]>` is. -1 when something else is found or the text
   * ends first.
   */
  private chars(i: number, stop: number, context: CharContext): number {
    const { text, n } = this;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 && PLAIN_CHAR[c] === 1) continue;
      if (c === stop) return i;
      if (c >= SPACE && c < 0x7f) {
        if (c === AMP) {
          if (context !== IN_COMMENT) {
            i = this.reference(i);
            if (i < 0) return -1;
          }
        } else if (c === LT) {
          // Only reached inside attribute values and comments ('<' is the stop in content).
          if (context === IN_ATTRIBUTE_VALUE) return -1;
        } else if (c === GT && context === IN_CONTENT && text.charCodeAt(i - 1) === RSQB && text.charCodeAt(i - 2) === RSQB) {
          return -1;
        }
        continue;
      }
      if (c === LF || c === TAB || c === CR) continue;
      if (c < SPACE) return -1;
      if (c < 0xd800) continue;
      if (c <= 0xdbff) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          i++;
          continue;
        }
        return -1;
      }
      if (c <= 0xdfff || c >= 0xfffe) return -1;
    }
    return -1;
  }

  /** `&` at `i` (outside comments): returns the offset of its `;`, -1 unless predefined or a valid character reference. */
  private reference(i: number): number {
    const { text } = this;
    this.references = true;
    if (text.charCodeAt(i + 1) === HASH) {
      const hex = text.charCodeAt(i + 2) === 120; // x
      let j = hex ? i + 3 : i + 2;
      const digitsStart = j;
      let cp = 0;
      for (; j - digitsStart < 8; j++) {
        const c = text.charCodeAt(j);
        const d = c >= 48 && c <= 57 ? c - 48 : hex && c >= 97 && c <= 102 ? c - 87 : hex && c >= 65 && c <= 70 ? c - 55 : -1;
        if (d < 0) break;
        cp = cp * (hex ? 16 : 10) + d;
      }
      if (j === digitsStart || text.charCodeAt(j) !== SEMI || !isXmlChar(cp)) return -1;
      return j;
    }
    for (const name of PREDEFINED_ENTITIES) {
      if (text.startsWith(name, i + 1) && text.charCodeAt(i + 1 + name.length) === SEMI) return i + 1 + name.length;
    }
    return -1;
  }
}
