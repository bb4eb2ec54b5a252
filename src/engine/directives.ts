import type { Range, XmlComment, XmlDocument, XmlElement } from '../xml/types.ts';
import type { Diagnostic } from './types.ts';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

/**
 * An inline directive in an XML comment (design.md §4), ESLint's model:
 *   <!-- kvmlint-disable-next-line rule-a rule-b: reason -->  the next element's start tag
 *   <!-- kvmlint-disable rule-a -->  ...  <!-- kvmlint-enable rule-a -->
 *   <!-- kvmlint-disable-file -->
 * No rule list means every rule. (No `--` in the reason: it makes the XML malformed.)
 */
export interface Directive {
  kind: DirectiveKind;
  /** undefined: all rules. */
  rules: string[] | undefined;
  reason: string | undefined;
  comment: XmlComment;
  /** disable-next-line: the start tag it covers (undefined when no element follows). */
  target: Range | undefined;
}

const DIRECTIVE = /^\s*kvmlint-(disable-next-line|disable-file|disable|enable)(?=\s|:|$)([^:]*)(?::([\s\S]*))?$/;

export function parseDirectives(doc: XmlDocument): Directive[] {
  const out: Directive[] = [];
  let elements: XmlElement[] | undefined;
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
    const kind = m[1] as DirectiveKind;
    let target: Range | undefined;
    if (kind === 'disable-next-line' && doc.root) {
      elements ??= elementsInOrder(doc.root);
      target = elements.find((e) => e.startTag.start >= comment.range.end)?.startTag;
    }
    out.push({ kind, rules: rules.length > 0 ? rules : undefined, reason: m[3]?.trim() || undefined, comment, target });
  }
  return out;
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

const names = (d: Directive, rule: string) => d.rules === undefined || d.rules.includes(rule);

/** Which directive (if any) suppresses a finding of `rule` at `offset`. */
function suppressor(directives: readonly Directive[], rule: string, at: Range): Directive | undefined {
  for (const d of directives) {
    if (d.kind === 'disable-file' && names(d, rule)) return d;
    if (d.kind === 'disable-next-line' && d.target && at.start >= d.target.start && at.start < d.target.end && names(d, rule)) return d;
  }
  // disable/enable regions, applied in document order up to the finding.
  let current: Directive | undefined;
  for (const d of directives) {
    if (d.comment.range.end > at.start) break;
    if ((d.kind === 'disable' || d.kind === 'enable') && names(d, rule)) current = d.kind === 'disable' ? d : undefined;
  }
  return current;
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
  for (const diag of diagnostics) {
    // A malformed file has no trustworthy comments; its one finding always shows.
    const by = diag.ruleId === 'xml-malformed' ? undefined : suppressor(directives, diag.ruleId, diag.range);
    if (!by) {
      kept.push(diag);
      continue;
    }
    let set = used.get(by);
    if (!set) used.set(by, (set = new Set()));
    set.add(diag.ruleId);
  }
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
