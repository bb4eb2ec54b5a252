import type { LineIndex } from '../xml/lines.ts';
import type { Range, XmlAttribute, XmlElement } from '../xml/types.ts';
import type { SchemaDetail, SchemaFailure } from './types.ts';

/** Where a schema failure is reported, and what libxml2 said there. */
export interface SchemaFailureSite {
  /** The element libxml2 stopped at. */
  element: XmlElement;
  /** The attribute libxml2 named, when it named one of this element's (`Invalid attribute unit for element memory`). */
  attribute?: XmlAttribute;
  range: Range;
  /** libxml2's first message: where validation stopped. */
  message: string;
  /**
   * True when libxml2 named the node at fault itself (an attribute, a value); false when it
   * only said where it gave up (the nearest <interleave> around the fault: the element or
   * something inside it).
   */
  exact: boolean;
}

/**
 * libxml2's node path (tree.c xmlGetNodePath): `/domain/devices/disk[2]`; `name[n]` counts
 * same-named element siblings from 1, `*` stands for an element in a default namespace
 * and counts all element siblings. Resolves as deep as it can; steps that are not
 * elements (`text()`, `@attr`, `comment()`) end the walk.
 */
export function elementAtPath(root: XmlElement, xpath: string): XmlElement | undefined {
  const steps = xpath.split('/').filter(Boolean);
  const first = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(steps[0] ?? '');
  if (!first || (first[1] !== root.name && first[1] !== '*')) return undefined;
  let cur = root;
  for (const step of steps.slice(1)) {
    const m = /^([^[\]()@]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) break;
    const [, name, index] = m as unknown as [string, string, string | undefined];
    const candidates = name === '*' ? cur.children : cur.children.filter((c) => c.name === name);
    const next = candidates[(index ? Number(index) : 1) - 1];
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** The element whose start tag spans `line`, else the first one starting after it (libxml2 gives a node's line only). */
function elementAtLine(root: XmlElement, lines: LineIndex, line: number): XmlElement | undefined {
  let after: XmlElement | undefined;
  const visit = (el: XmlElement): XmlElement | undefined => {
    const start = lines.position(el.startTag.start).line;
    const end = lines.position(el.startTag.end).line;
    if (start <= line && line <= end) return el;
    if (start > line) {
      after ??= el;
      return undefined;
    }
    for (const c of el.children) {
      const hit = visit(c);
      if (hit || after) return hit;
    }
    return undefined;
  };
  return visit(root) ?? after;
}

/** `Extra element X in interleave`, `Expecting element X, got Y`, `Did not expect element X there`: the element it names. */
function namedElement(message: string): string | undefined {
  return (
    /^Extra element (\S+) in interleave/.exec(message)?.[1] ??
    /^Did not expect element (\S+) there/.exec(message)?.[1] ??
    /^Expecting element \S+, got (\S+)/.exec(message)?.[1] ??
    /^Element \S+ has extra content: (\S+)/.exec(message)?.[1]
  );
}

/** libxml2 messages about a node's own attribute or value (relaxng.c xmlRelaxNGShowValidError). */
const EXACT = /^(?:Invalid attribute |Type \S+ doesn't allow value|Error validating (?:datatype|value|list)|Datatype element |Value element |List element )/;

function siteOf(element: XmlElement, message: string, exact: boolean): SchemaFailureSite {
  const attrName = /^Invalid attribute (\S+) for element (\S+)/.exec(message);
  const attribute = attrName && attrName[2] === element.name ? element.attributes.find((a) => a.name === attrName[1]) : undefined;
  return { element, ...(attribute ? { attribute } : {}), range: attribute ? attribute.range : element.startTag, message, exact };
}

/**
 * Maps libxml2's RelaxNG report to the element at fault in kvmlint's tree. libxml2
 * reports the first failure only, and inside an <interleave> (libvirt's <domain> and
 * <devices> are interleaves) only as "Extra element X in interleave" with no node,
 * followed by the node where the interleave failed. So: a first detail with a node is
 * exact (an attribute or value of that element); otherwise the element the first
 * message names, found under the next node libxml2 gives; else the line; else the root.
 */
export function locateSchemaFailure(root: XmlElement, lines: LineIndex, failure: SchemaFailure): SchemaFailureSite {
  const details: readonly SchemaDetail[] = failure.details;
  const first = details[0];
  const message = first?.message ?? 'the document does not match the schema';
  if (failure.kind === 'unparsable') {
    const at = first && first.line > 0 ? elementAtLine(root, lines, first.line) : undefined;
    return siteOf(at ?? root, message, false);
  }
  if (first?.xpath) {
    const el = elementAtPath(root, first.xpath);
    if (el) return siteOf(el, message, EXACT.test(message));
  }
  const named = first ? namedElement(first.message) : undefined;
  const located = details.find((d) => d.xpath);
  const parent = located?.xpath ? elementAtPath(root, located.xpath) : undefined;
  if (parent) {
    if (!named || parent.name === named) return siteOf(parent, message, false);
    const matches = parent.children.filter((c) => c.name === named);
    // One such child: that is the one. Several: libxml2 does not say which; report where it gave up.
    return siteOf(matches.length === 1 ? matches[0]! : parent, message, false);
  }
  const line = details.find((d) => d.line > 0)?.line;
  const at = line !== undefined ? elementAtLine(root, lines, line) : undefined;
  return siteOf(at ?? root, message, false);
}

/** The text with `[start, end)` blanked out: every character but line breaks becomes a space, so offsets and lines stay. */
function blanked(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/**
 * Whether the element libxml2 blamed for a bad value is at fault. Inside a <choice> of
 * whole-element alternatives (libvirt's <os> variants), libxml2 names the first child it could
 * not fit, whichever child broke the match. So the siblings are blanked out (one validation):
 * when the document then validates, or first fails past the element (a second, unrelated fault
 * further on), the element was fine. Failing at it again, or before it (a required sibling now
 * missing), keeps libxml2's word.
 */
export function blamedValueHolds(text: string, lines: LineIndex, element: XmlElement, validate: (text: string) => SchemaFailure | undefined): boolean {
  const parent = element.parent;
  if (!parent) return true;
  const siblings = parent.children.filter((c) => c !== element);
  if (siblings.length === 0) return true;
  let without = text;
  for (const s of siblings) without = blanked(without, s.range.start, s.range.end);
  const again = validate(without);
  if (!again) return false;
  const line = again.details.find((d) => d.line > 0)?.line;
  return line === undefined || line <= lines.position(element.range.end).line;
}

/**
 * The fault, when it lies outside the element libxml2 blamed for a bad value. A fault elsewhere in
 * the domain (an attribute libvirt's schema does not know on <clock>) makes libxml2 give up on a
 * <choice> it was matching (libvirt's <os> variants) and name that choice's first child, whose
 * value is fine, even with the blamed element's siblings blanked out (blamedValueHolds). So each
 * element beside the blamed one or beside one of its ancestors, from the root down, is blanked out
 * in turn (one validation each): when the document then validates, the fault is in that element
 * (narrowed with narrowSchemaFailure), and the blamed value is not at fault, since it is still
 * there. Undefined when no such single removal validates; at most `budget` validations.
 */
export function faultOutsideBlamed(text: string, element: XmlElement, validate: (text: string) => SchemaFailure | undefined, budget = 48): XmlElement | undefined {
  const chain: XmlElement[] = [];
  for (let el: XmlElement | undefined = element; el?.parent; el = el.parent) chain.push(el);
  let left = budget;
  for (let i = chain.length - 1; i >= 0; i--) {
    const onChain = chain[i]!;
    for (const other of onChain.parent!.children) {
      if (other === onChain) continue;
      if (left-- <= 0) return undefined;
      if (!validate(blanked(text, other.range.start, other.range.end))) return narrowSchemaFailure(text, other, validate) ?? other;
    }
  }
  return undefined;
}

/** Children lists up to this size are also tried one by one when halving finds nothing. */
const LINEAR_SCAN_MAX = 8;

/**
 * libxml2 names only where it gave up, often a container such as <devices>. This finds, below
 * `from`, the smallest element without which the whole document validates. Children are blanked
 * out (offsets and lines kept) and the text validated again: halves first (a <devices> of 60
 * children costs about 12 validations, and two faults in different halves stop the search after
 * two), then one by one for a short list; when one child's removal makes the document valid, the
 * search goes on inside that child. Undefined when no single removal helps (two faults, or a
 * required element that is itself wrong): the report then stays where libxml2 gave up. At most
 * `budget` validations.
 */
export function narrowSchemaFailure(text: string, from: XmlElement, validate: (text: string) => SchemaFailure | undefined, budget = 64): XmlElement | undefined {
  let left = budget;
  const validWithout = (start: number, end: number): boolean | undefined => (left-- <= 0 ? undefined : !validate(blanked(text, start, end)));
  /** The one child of `kids` whose removal validates, found by halving; null: none; undefined: out of budget. */
  const halve = (kids: readonly XmlElement[]): XmlElement | null | undefined => {
    if (kids.length === 1) {
      const ok = validWithout(kids[0]!.range.start, kids[0]!.range.end);
      return ok === undefined ? undefined : ok ? kids[0]! : null;
    }
    const mid = kids.length >> 1;
    for (const part of [kids.slice(0, mid), kids.slice(mid)]) {
      const ok = validWithout(part[0]!.range.start, part[part.length - 1]!.range.end);
      if (ok === undefined) return undefined;
      // Removing this half validates: the fault is inside it (or needs two of its children together).
      if (ok) return halve(part);
    }
    return null;
  };
  let found: XmlElement | undefined;
  for (let el = from; ; ) {
    const kids = el.children;
    if (kids.length === 0) return found;
    let next = halve(kids);
    if (next === null && kids.length <= LINEAR_SCAN_MAX) {
      // A required child sharing a half with the fault hides it from halving.
      for (const kid of kids) {
        const ok = validWithout(kid.range.start, kid.range.end);
        if (ok === undefined) break;
        if (ok) {
          next = kid;
          break;
        }
      }
    }
    if (!next) return found;
    found = next;
    el = next;
  }
}

/** The first fault found below `from`, with the text it was found in: later faults blanked out, offsets kept. */
export interface NarrowedFault {
  element: XmlElement;
  /** The attribute whose removal alone validates `text`, when there is one such attribute. */
  attribute?: XmlAttribute;
  /** The document with the siblings after each culprit blanked out: `element` is its only fault. */
  text: string;
}

/**
 * libxml2 reports only its first failure, and narrowSchemaFailure finds nothing when a container holds two
 * faults (removing either leaves the other). This finds the first fault in document order, as a reader fixes
 * them: at a level where no single removal validates, the children after the k-th are blanked out, and the
 * smallest k whose document still fails is found by halving (`<devices>`' children are each optional, so a
 * prefix of them is valid up to the first bad one). The search goes on inside that child with the later ones
 * blanked, then in the element found, the one attribute without which the document validates (`discard='unmapx'`
 * on a disk's `<driver>`) is named. Undefined when even no children validate (a required child, or the fault is
 * outside them) or the budget of validations runs out.
 */
export function narrowFirstFault(text: string, from: XmlElement, validate: (text: string) => SchemaFailure | undefined, budget = 64): NarrowedFault | undefined {
  let left = budget;
  const counted = (t: string): SchemaFailure | undefined => (left--, validate(t));
  const fails = (t: string): boolean | undefined => (left <= 0 ? undefined : counted(t) !== undefined);
  let current = text;
  let found: XmlElement | undefined;
  for (let el = from; ; ) {
    const single = left > 0 ? narrowSchemaFailure(current, el, counted, left) : undefined;
    if (single) {
      found = single;
      break;
    }
    const kids = el.children;
    if (kids.length < 2 || left <= 0) break;
    const keep = (k: number): string => (k >= kids.length ? current : blanked(current, kids[k]!.range.start, kids[kids.length - 1]!.range.end));
    const noneFails = fails(keep(0));
    if (noneFails !== false) break;
    // The smallest prefix of the children that fails: keep(lo - 1) validates, keep(hi) fails.
    let lo = 1;
    let hi = kids.length;
    let spent = false;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const f = fails(keep(mid));
      if (f === undefined) {
        spent = true;
        break;
      }
      if (f) hi = mid;
      else lo = mid + 1;
    }
    if (spent) break;
    current = keep(lo);
    found = kids[lo - 1]!;
    el = found;
  }
  // Where nothing below `from` is at fault (an element without children, or a fault in its own start tag), its own
  // attributes are tried: `<vcpu placement='statik'>`.
  const target = found ?? from;
  const candidates: XmlAttribute[] = [];
  for (const attr of target.attributes) {
    const f = fails(blanked(current, attr.range.start, attr.range.end));
    if (f === undefined) break;
    if (!f) candidates.push(attr);
  }
  if (candidates.length === 1) return { element: target, attribute: candidates[0]!, text: current };
  return found ? { element: found, text: current } : undefined;
}
