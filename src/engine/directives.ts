import type { Range, XmlComment, XmlDocument, XmlElement } from '../xml/types.ts';
import type { Diagnostic } from './types.ts';
import { LineIndex } from '../xml/lines.ts';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

/**
 * An inline directive in an XML comment (design.md §4), ESLint's model:
 *   <!-- kvmlint-disable-next-line rule-a rule-b: reason -->  the next element
 *   <x .../> <!-- kvmlint-disable-line rule-a -->            the first element starting on the comment's line
 *   <!-- kvmlint-disable rule-a -->  ...  <!-- kvmlint-enable rule-a -->
 *   <!-- kvmlint-disable-file -->
 * The element a line directive covers is its start tag, and for an element without child elements
 * (`<memory unit='GiB'>16</memory>`) its text and end tag too: a finding on a value is on its line.
 * No rule list means every rule. (No `--` in the reason: it makes the XML malformed.)
 */
export interface Directive {
  kind: DirectiveKind;
  /** undefined: all rules. */
  rules: string[] | undefined;
  reason: string | undefined;
  comment: XmlComment;
  /** disable-next-line and disable-line: the element range it covers (undefined when there is none). */
  target: Range | undefined;
}

/**
 * Findings no directive or `<metadata>` suppression silences: a file kvmlint cannot read as libvirt does
 * (malformed, a copy libvirt merges, an element in another namespace), and the reports that a directive
 * itself is misspelt or names no rule, which exist so that a suppression cannot pass unseen.
 */
export function cannotBeSuppressed(d: Diagnostic): boolean {
  if (d.ruleId === 'xml-malformed') return true;
  if (d.ruleId === 'value-invalid') return d.messageId === 'unreadable';
  if (d.ruleId === 'unused-disable-directive') return d.messageId !== 'unused' && d.messageId !== 'unusedMetadata';
  return false;
}

const DIRECTIVE = /^\s*kvmlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|:|$)([^:]*)(?::([\s\S]*))?$/;
/** A comment that looks like a directive but names none kvmlint has (`kvmlint-disable-nextline`, `kvmlint-ignore`). */
const DIRECTIVE_LIKE = /^\s*kvmlint-([a-z-]+)/;

/** What a line directive covers of `e`: its start tag, or all of it when it has no child elements. */
function coveredBy(e: XmlElement): Range {
  return e.children.length === 0 ? e.range : e.startTag;
}

/** The comments that start like a directive but are none: they silence nothing, which must not pass unseen. */
export function unknownDirectives(doc: XmlDocument): Array<{ comment: XmlComment; word: string }> {
  const out: Array<{ comment: XmlComment; word: string }> = [];
  for (const comment of doc.comments) {
    if (DIRECTIVE.test(comment.text)) continue;
    const m = DIRECTIVE_LIKE.exec(comment.text);
    if (m) out.push({ comment, word: m[1]! });
  }
  return out;
}

export function parseDirectives(doc: XmlDocument): Directive[] {
  const out: Directive[] = [];
  let elements: XmlElement[] | undefined;
  // Line starts, computed once (a scan back per directive was quadratic on one long line of them); a lone CR
  // ends a line as CRLF and LF do, as kvmlint's line numbers and XML's end-of-line handling count it.
  let lineStarts: LineIndex | undefined;
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
    const kind = m[1] as DirectiveKind;
    let target: Range | undefined;
    if (kind === 'disable-next-line' && doc.root) {
      elements ??= elementsInOrder(doc.root);
      const next = firstStartingAtOrAfter(elements, comment.range.end);
      target = next && coveredBy(next);
    } else if (kind === 'disable-line' && doc.root) {
      elements ??= elementsInOrder(doc.root);
      lineStarts ??= new LineIndex(doc.text);
      const lineStart = lineStarts.lineStart(lineStarts.position(comment.range.start).line);
      const first = firstStartingAtOrAfter(elements, lineStart);
      target = first && first.startTag.start < comment.range.start ? coveredBy(first) : undefined;
    }
    out.push({ kind, rules: rules.length > 0 ? rules : undefined, reason: m[3]?.trim() || undefined, comment, target });
  }
  return out;
}

/** The first element (document order, so sorted by start) whose start tag begins at or after `offset`: binary search. */
function firstStartingAtOrAfter(elements: readonly XmlElement[], offset: number): XmlElement | undefined {
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (elements[mid]!.startTag.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return elements[lo];
}

/** Document order, iteratively: nesting depth must never be able to overflow the stack. */
function elementsInOrder(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}

/**
 * Which directive (if any) suppresses each finding, in one sweep: findings in position order,
 * directives applied in document order as the sweep passes them. Linear (plus sorting), where
 * asking each finding to walk every directive took minutes for 75,000 disable/enable pairs.
 * Per finding the answer is the one the rules give: the first disable-file naming its rule or
 * disable-next-line covering it (in document order), else the last disable/enable region
 * directive naming its rule that ends before it, if that is a disable.
 */
function suppressors(diagnostics: readonly Diagnostic[], directives: readonly Directive[]): Array<Directive | undefined> {
  const out = new Array<Directive | undefined>(diagnostics.length);
  const fileWide: Array<{ d: Directive; index: number }> = [];
  const nextLine: Array<{ d: Directive; index: number }> = [];
  directives.forEach((d, index) => {
    if (d.kind === 'disable-file') fileWide.push({ d, index });
    else if ((d.kind === 'disable-next-line' || d.kind === 'disable-line') && d.target) nextLine.push({ d, index });
  });
  // The first disable-file for every rule, and for each rule named.
  const fileWideAll = fileWide.find((f) => f.d.rules === undefined);
  const fileWideByRule = new Map<string, { d: Directive; index: number }>();
  for (const f of fileWide) for (const r of f.d.rules ?? []) if (!fileWideByRule.has(r)) fileWideByRule.set(r, f);
  // Start tags never overlap: a finding's start lies in at most one target. The directives aimed at one tag
  // are folded into its earliest for every rule and for each rule named, so a finding looks at one tag only
  // (walking every directive of the tag per finding was O(directives × findings) for one crowded tag).
  type Aimed = { d: Directive; index: number };
  const tags = new Map<number, { end: number; all?: Aimed; byRule: Map<string, Aimed> }>();
  for (const n of nextLine) {
    const t = n.d.target!;
    let tag = tags.get(t.start);
    if (!tag) tags.set(t.start, (tag = { end: t.end, byRule: new Map() }));
    if (n.d.rules === undefined) {
      if (!tag.all || n.index < tag.all.index) tag.all = n;
    } else {
      for (const r of n.d.rules) {
        const had = tag.byRule.get(r);
        if (!had || n.index < had.index) tag.byRule.set(r, n);
      }
    }
  }
  const tagStarts = [...tags.keys()].sort((a, b) => a - b);
  const regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const order = diagnostics.map((_, i) => i).sort((a, b) => diagnostics[a]!.range.start - diagnostics[b]!.range.start);
  // Region state: the last rule-less directive and the last one naming each rule, with their sequence numbers.
  let lastAll: { d: Directive; seq: number } | undefined;
  const lastByRule = new Map<string, { d: Directive; seq: number }>();
  let applied = 0;
  for (const i of order) {
    const diag = diagnostics[i]!;
    const at = diag.range.start;
    const rule = diag.ruleId;
    while (applied < regions.length && regions[applied]!.comment.range.end <= at) {
      const d = regions[applied]!;
      const entry = { d, seq: applied++ };
      if (d.rules === undefined) lastAll = entry;
      else for (const r of d.rules) lastByRule.set(r, entry);
    }
    const fileAll = fileWideAll;
    const fileRule = fileWideByRule.get(rule);
    let best: { d: Directive; index: number } | undefined = !fileAll ? fileRule : !fileRule ? fileAll : fileRule.index < fileAll.index ? fileRule : fileAll;
    let lo = 0;
    let hi = tagStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tagStarts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    // The directives aimed at the tag holding `at`, earliest in the document first.
    const tag = lo > 0 ? tags.get(tagStarts[lo - 1]!) : undefined;
    if (tag && at < tag.end) {
      for (const n of [tag.all, tag.byRule.get(rule)]) if (n && (!best || n.index < best.index)) best = n;
    }
    if (best) {
      out[i] = best.d;
      continue;
    }
    const byRule = lastByRule.get(rule);
    const current = !lastAll ? byRule : !byRule ? lastAll : byRule.seq > lastAll.seq ? byRule : lastAll;
    out[i] = current?.d.kind === 'disable' ? current.d : undefined;
  }
  return out;
}

export interface DirectiveOutcome {
  kept: Diagnostic[];
  /** Directives (and rule names in them) that suppressed nothing. */
  unused: Array<{ directive: Directive; rules: string[] | undefined }>;
}

/** Filters one file's findings through its directives. */
export function applyDirectives(diagnostics: readonly Diagnostic[], directives: readonly Directive[]): DirectiveOutcome {
  if (directives.length === 0) return { kept: [...diagnostics], unused: [] };
  const used = new Map<Directive, Set<string>>();
  const kept: Diagnostic[] = [];
  const by = suppressors(diagnostics, directives);
  diagnostics.forEach((diag, i) => {
    // A malformed file has no trustworthy comments; its one finding always shows.
    const suppressedBy = cannotBeSuppressed(diag) ? undefined : by[i];
    if (!suppressedBy) {
      kept.push(diag);
      return;
    }
    let set = used.get(suppressedBy);
    if (!set) used.set(suppressedBy, (set = new Set()));
    set.add(diag.ruleId);
  });
  const unused: DirectiveOutcome['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const hit = used.get(d);
    if (!hit) unused.push({ directive: d, rules: d.rules });
    else if (d.rules) {
      const idle = d.rules.filter((r) => !hit.has(r));
      if (idle.length > 0) unused.push({ directive: d, rules: idle });
    }
  }
  return { kept, unused };
}
