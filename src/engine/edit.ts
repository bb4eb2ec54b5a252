import type { XmlElement } from '../xml/types.ts';
import type { Fix } from './types.ts';
import { sizeInUnit } from '../model/units.ts';

/**
 * Text edits that respect the file's own style: its line ending, the
 * indentation of neighbouring elements and their attribute quote style
 * (design.md §4 Fixes).
 */

export interface NewElement {
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children?: readonly NewElement[];
}

/** The line break the document uses after `offset`: CRLF, LF, or a lone CR (classic Mac OS files, which XML allows). */
function lineEndingAt(text: string, offset: number): string {
  const nl = text.indexOf('\n', offset);
  if (nl > 0 && text[nl - 1] === '\r') return '\r\n';
  if (nl >= 0) return '\n';
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/** The whitespace before an element on its line (empty when something else precedes it there). */
function indentOf(text: string, el: XmlElement): string {
  const lineStart = Math.max(text.lastIndexOf('\n', el.startTag.start - 1), text.lastIndexOf('\r', el.startTag.start - 1)) + 1;
  const lead = text.slice(lineStart, el.startTag.start);
  return /^[ \t]*$/.test(lead) ? lead : '';
}

/** One indentation step, read from the document: a child's indent minus its parent's. */
function indentUnit(text: string, el: XmlElement): string {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const child = e.children[0];
    if (child) {
      const outer = indentOf(text, e);
      const inner = indentOf(text, child);
      if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
    }
  }
  return '  ';
}

/** The quote the document uses for attributes near `el`. */
/**
 * The quote an inserted element's attributes use: the one most attributes of its neighbours (the
 * parent's children, the parent, its siblings) use; with none there, or a tie, the one most of the
 * document uses (virsh writes `'`, many editors `"`); `'` in a document without attributes.
 */
function quoteNear(el: XmlElement): '"' | "'" {
  let single = 0;
  let double = 0;
  for (const c of [...el.children, el, ...(el.parent?.children ?? [])]) {
    for (const a of c.attributes) {
      if (a.quote === '"') double++;
      else single++;
    }
  }
  if (single === double) {
    const { text } = el.contentSpan();
    single = countMatches(text, /=[ \t\r\n]*'/g);
    double = countMatches(text, /=[ \t\r\n]*"/g);
  }
  return double > single ? '"' : "'";
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * Where a line inserted after `end` (an element's end) starts, and the terminator it ends with: past
 * the end of that element's line when only whitespace and complete comments follow it there, so a
 * trailing `<!-- comment -->` stays on its element's line and that line's terminator is untouched
 * (a file may mix LF and CRLF). Undefined when something else follows on the line, or no line break.
 */
function afterLineOf(text: string, end: number): { at: number; eol: string } | undefined {
  let i = end;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (!text.startsWith('<!--', i)) break;
    const close = text.indexOf('-->', i + 4);
    if (close < 0 || /[\r\n]/.test(text.slice(i, close))) return undefined;
    i = close + 3;
  }
  if (text.startsWith('\r\n', i)) return { at: i + 2, eol: '\r\n' };
  if (text[i] === '\n' || text[i] === '\r') return { at: i + 1, eol: text[i]! };
  return undefined;
}

function escapeAttribute(value: string, quote: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;');
}

function render(el: NewElement, quote: string, indent: string, unit: string, eol: string): string {
  const attrs = el.attributes.map(([k, v]) => ` ${k}=${quote}${escapeAttribute(v, quote)}${quote}`).join('');
  if (!el.children || el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => `${eol}${indent}${unit}${render(c, quote, indent + unit, unit, eol)}`).join('');
  return `<${el.name}${attrs}>${inner}${eol}${indent}</${el.name}>`;
}

/** Inserts `el` as the last child of `parent`, on its own line, indented like its siblings. */
export function insertLastChild(text: string, parent: XmlElement, el: NewElement): Fix {
  return insertLastChildren(text, parent, [el]);
}

/**
 * Inserts `els`, in order, as the last children of `parent`, each on its own line: one fix, so an
 * empty parent (`<cputune/>`, `<cputune>\n</cputune>`) is rewritten once with all of them.
 */
export function insertLastChildren(text: string, parent: XmlElement, els: readonly NewElement[]): Fix {
  const quote = quoteNear(parent);
  const eol = lineEndingAt(text, parent.startTag.start);
  const unit = indentUnit(text, parent);
  const last = parent.children[parent.children.length - 1];
  if (last) {
    const indent = indentOf(text, last);
    const line = indent === '' ? undefined : afterLineOf(text, last.range.end);
    if (line) return { range: [line.at, line.at], text: els.map((el) => `${indent}${render(el, quote, indent, unit, line.eol)}${line.eol}`).join('') };
    return { range: [last.range.end, last.range.end], text: els.map((el) => `${eol}${indent}${render(el, quote, indent, unit, eol)}`).join('') };
  }
  const outer = indentOf(text, parent);
  const inner = `${els.map((el) => `${eol}${outer}${unit}${render(el, quote, outer + unit, unit, eol)}`).join('')}${eol}${outer}`;
  if (parent.selfClosing) {
    // <cputune/> → <cputune>…</cputune>: rewrite the tag without touching its attributes.
    const tag = text.slice(parent.startTag.start, parent.startTag.end).replace(/\s*\/>$/, '>');
    return { range: [parent.startTag.start, parent.startTag.end], text: `${tag}${inner}</${parent.name}>` };
  }
  // Only the whitespace before the end tag is replaced: comments (a kvmlint-disable directive among
  // them), CDATA and processing instructions inside the parent stay as they are.
  let keep = parent.endTag!.start;
  while (keep > parent.startTag.end && /\s/.test(text[keep - 1]!)) keep--;
  return { range: [keep, parent.endTag!.start], text: inner };
}

/** Inserts `el` right after `sibling`, on its own line, at the sibling's indentation. */
export function insertAfter(text: string, sibling: XmlElement, el: NewElement): Fix {
  const indent = indentOf(text, sibling);
  const line = indent === '' ? undefined : afterLineOf(text, sibling.range.end);
  if (line) return { range: [line.at, line.at], text: `${indent}${render(el, quoteNear(sibling), indent, indentUnit(text, sibling), line.eol)}${line.eol}` };
  const eol = lineEndingAt(text, sibling.startTag.start);
  return { range: [sibling.range.end, sibling.range.end], text: `${eol}${indent}${render(el, quoteNear(sibling), indent, indentUnit(text, sibling), eol)}` };
}

/**
 * Inserts `el` as a child of `parent`: right after `after`, or, when `after`
 * is undefined, before the first child (or as the only child). Pair it with
 * `formatterPredecessor` to put the element where libvirt's formatter would.
 */
export function insertChild(text: string, parent: XmlElement, el: NewElement, after: XmlElement | undefined): Fix {
  if (after) return insertAfter(text, after, el);
  const first = parent.children[0];
  if (!first) return insertLastChild(text, parent, el);
  const indent = indentOf(text, first);
  const eol = lineEndingAt(text, first.startTag.start);
  const rendered = render(el, quoteNear(parent), indent, indentUnit(text, parent), eol);
  // On its own line before the first child; when the child shares its line with something else, stay inline.
  const sep = indent === '' ? '' : `${eol}${indent}`;
  return { range: [first.startTag.start, first.startTag.start], text: `${rendered}${sep}` };
}

/** Replaces an attribute's value (between its quotes), escaping for its quote. */
export function replaceAttributeValue(attr: { valueRange: { start: number; end: number }; quote: string }, value: string): Fix {
  return { range: [attr.valueRange.start, attr.valueRange.end], text: escapeAttribute(value, attr.quote) };
}

/**
 * Several disjoint edits folded into one Fix that spans them all, keeping the
 * text between them: a finding carries one fix, but changing a size may touch
 * both a value and its `unit` attribute.
 */
export function combineEdits(text: string, edits: ReadonlyArray<{ range: [number, number]; text: string }>): Fix {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    const next = sorted[i + 1];
    if (next && next.range[0] < e.range[1]) throw new RangeError('combineEdits: edits overlap');
    out += e.text + (next ? text.slice(e.range[1], next.range[0]) : '');
  }
  return { range: [sorted[0]!.range[0], sorted[sorted.length - 1]!.range[1]], text: out };
}

/**
 * Inserts ` name='value'` into an element's start tag, after `after` (an
 * attribute of that element) or else right after the element name, in the
 * document's quote style.
 */
export function insertAttribute(text: string, el: XmlElement, name: string, value: string, after?: { range: { end: number } }): Fix {
  const quote = quoteNear(el);
  const at = after ? after.range.end : el.startTag.start + 1 + el.name.length;
  return { range: [at, at], text: ` ${name}=${quote}${escapeAttribute(value, quote)}${quote}` };
}

/**
 * Where an element's character data is, when it is one run: `<memory unit='KiB'><!-- owner -->4194304</memory>`
 * gives the range of `4194304`, so a fix replaces the value and keeps the comment. Undefined when the value is
 * split (`4194<!-- x -->304`), or the element holds a child element: no fix can be sure what to replace.
 */
export function characterDataRange(el: XmlElement): { start: number; end: number } | undefined {
  const { text, start, end } = el.contentSpan();
  let run: { start: number; end: number } | undefined;
  let split = false;
  const take = (from: number, to: number): void => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (from === to) return;
    if (run) split = true;
    run = { start: from, end: to };
  };
  const skip = (open: string, close: string, at: number): number => {
    const c = text.indexOf(close, at + open.length);
    return c < 0 || c + close.length > end ? -1 : c;
  };
  let i = start;
  while (i < end && !split) {
    const lt = text.indexOf('<', i);
    const stop = lt < 0 || lt >= end ? end : lt;
    take(i, stop);
    if (stop === end) break;
    if (text.startsWith('<!--', stop)) {
      const c = skip('<!--', '-->', stop);
      if (c < 0) return undefined;
      i = c + 3;
    } else if (text.startsWith('<![CDATA[', stop)) {
      const c = skip('<![CDATA[', ']]>', stop);
      if (c < 0) return undefined;
      take(stop + 9, c);
      i = c + 3;
    } else if (text.startsWith('<?', stop)) {
      const c = skip('<?', '?>', stop);
      if (c < 0) return undefined;
      i = c + 2;
    } else return undefined;
  }
  return split ? undefined : run;
}

/**
 * Sets a memory size written as a number (`valueRange`: element text or an
 * attribute value) with an optional `unit` attribute (default KiB) to `kib`:
 * in the unit already written when that is exact, else in KiB with
 * `unit='KiB'`, so the value stays exact and the file stays valid.
 */
export function setSize(text: string, valueRange: { start: number; end: number }, unitAttr: (XmlAttributeLike & { value: string }) | undefined, kib: number): Fix {
  if (!unitAttr) return { range: [valueRange.start, valueRange.end], text: String(kib) };
  const inUnit = sizeInUnit(kib, unitAttr.value);
  if (inUnit !== undefined) return { range: [valueRange.start, valueRange.end], text: inUnit };
  return combineEdits(text, [
    { range: [unitAttr.valueRange.start, unitAttr.valueRange.end], text: 'KiB' },
    { range: [valueRange.start, valueRange.end], text: String(kib) },
  ]);
}

type XmlAttributeLike = { valueRange: { start: number; end: number }; quote: string };
