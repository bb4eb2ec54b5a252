import type { Range, XmlElement } from '../xml/types.ts';
import type { Diagnostic } from './types.ts';
import { cannotBeSuppressed } from './directives.ts';

/**
 * kvmlint's XML namespace for suppressions kept in a domain's `<metadata>`. libvirt drops XML
 * comments when it stores a domain (so `<!-- kvmlint-disable -->` directives vanish through
 * `virsh define`/`edit`/`dumpxml`), but keeps `<metadata>` children in a namespace of their own.
 * It keeps only the first child per namespace and drops children without one
 * (virxml.c virXMLNodeSanitizeNamespaces), hence one container element holding every entry:
 *
 *   <metadata>
 *     <kvmlint:suppress xmlns:kvmlint="https://github.com/kvmlint/kvmlint/xmlns/suppress/1">
 *       <kvmlint:disable rules="housekeeping-overlap" element="cputune/vcpupin[@vcpu='0']" reason="vCPU 0 runs the guest's own housekeeping"/>
 *       <kvmlint:disable rules="missing-emulatorpin" reason="pinned at runtime by a libvirt hook"/>
 *     </kvmlint:suppress>
 *   </metadata>
 */
export const SUPPRESS_XMLNS = 'https://github.com/kvmlint/kvmlint/xmlns/suppress/1';

export interface MetadataSuppression {
  /** undefined: every rule. */
  rules: string[] | undefined;
  reason: string | undefined;
  /** The `element` path as written; undefined: the whole domain. */
  element: string | undefined;
  /** The elements the path matched (an empty list when it matched none), sorted by start. */
  targets: Range[] | undefined;
  /** targetReach[i]: the furthest end among targets[0..i] (a finding at p is covered when a target starting at or before p reaches past it). */
  targetReach?: number[];
  /** The `<kvmlint:disable>` element's start tag, where an unused one is reported. */
  range: Range;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');

/** The namespace URI an element's name is in, from the nearest xmlns declaration (the element's own, as libvirt writes it, or an ancestor's). */
function namespaceOf(el: XmlElement): string | undefined {
  const attr = prefixOf(el.name) ? `xmlns:${prefixOf(el.name)}` : 'xmlns';
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const uri = e.attributeValues[attr];
    if (uri !== undefined) return uri;
  }
  return undefined;
}

/** `<kvmlint:disable>` entries read per domain; later ones are ignored (their findings stay reported). */
const MAX_SUPPRESSIONS = 256;

export function parseMetadataSuppressions(root: XmlElement | undefined): MetadataSuppression[] {
  const out: MetadataSuppression[] = [];
  for (const metadata of root?.children ?? []) {
    if (metadata.name !== 'metadata') continue;
    for (const container of metadata.children) {
      if (localName(container.name) !== 'suppress' || namespaceOf(container) !== SUPPRESS_XMLNS) continue;
      for (const entry of container.children) {
        if (localName(entry.name) !== 'disable' || namespaceOf(entry) !== SUPPRESS_XMLNS) continue;
        const v = entry.attributeValues;
        const rules = (v.rules ?? '').split(/[\s,]+/).filter(Boolean);
        const element = v.element?.trim() || undefined;
        // Bounded: a suppression per finding is already unusual; 8,000 of them over every pin took gigabytes.
        if (out.length >= MAX_SUPPRESSIONS) return out;
        const targets = element === undefined ? undefined : selectElements(root!, element).map((e) => e.range).sort((a, b) => a.start - b.start);
        let reach = -1;
        out.push({
          rules: rules.length > 0 ? rules : undefined,
          reason: v.reason?.trim() || undefined,
          element,
          targets,
          targetReach: targets?.map((t) => (reach = Math.max(reach, t.end))),
          range: entry.startTag,
        });
      }
    }
  }
  return out;
}

/**
 * The elements a path names, from the domain root: steps `name`, each with any number of
 * `[@attr='value']` and `[n]` (1-based) predicates applied in turn as in XPath, e.g.
 * `cputune/vcpupin[@vcpu='0']` or `devices/disk[2]`; a leading `/domain/` is allowed.
 * A path that does not parse matches nothing (and is reported unused).
 */
export function selectElements(root: XmlElement, path: string): XmlElement[] {
  const steps = path.trim().replace(/^\/?domain(?=\/|$)/, '').replace(/^\//, '').split('/');
  if (steps.some((step) => step.trim() === '')) return [];
  let current: XmlElement[] = [root];
  for (const step of steps) {
    const m = /^([A-Za-z_][\w.:-]*)((?:\[[^\]]*\])*)$/.exec(step.trim());
    if (!m) return [];
    const predicates = [...m[2]!.matchAll(/\[([^\]]*)\]/g)].map((p) => p[1]!.trim());
    const next: XmlElement[] = [];
    for (const parent of current) {
      // As in XPath, predicates apply in turn: [@type='pci'][1] is the first of the pci ones.
      let list = parent.children.filter((c) => c.name === m[1]);
      for (const p of predicates) {
        if (/^\d+$/.test(p)) {
          const el = list[Number(p) - 1];
          list = el ? [el] : [];
          continue;
        }
        const a = /^@([\w.:-]+)\s*=\s*(['"])(.*)\2$/.exec(p);
        list = a ? list.filter((el) => el.attribute(a[1]!)?.value === a[3]) : [];
      }
      next.push(...list);
    }
    current = next;
  }
  return current;
}

const covers = (s: MetadataSuppression, d: Diagnostic) => (s.rules === undefined || s.rules.includes(d.ruleId)) && (s.targets === undefined || targetsCover(s, d.range.start));

/** Whether a target of `s` holds offset `p`: binary search over the starts, then the furthest end before it. */
function targetsCover(s: MetadataSuppression, p: number): boolean {
  const targets = s.targets!;
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (targets[mid]!.start <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && s.targetReach![lo - 1]! > p;
}

/** Filters one file's findings through its `<metadata>` suppressions; like directives, unused ones are returned. */
export function applyMetadataSuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly MetadataSuppression[],
): { kept: Diagnostic[]; unused: Array<{ suppression: MetadataSuppression; rules: string[] | undefined }> } {
  if (suppressions.length === 0) return { kept: [...diagnostics], unused: [] };
  const used = new Map<MetadataSuppression, Set<string>>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const by = cannotBeSuppressed(d) ? undefined : suppressions.find((s) => covers(s, d));
    if (!by) {
      kept.push(d);
      continue;
    }
    let set = used.get(by);
    if (!set) used.set(by, (set = new Set()));
    set.add(d.ruleId);
  }
  const unused = [];
  for (const s of suppressions) {
    const hit = used.get(s);
    if (!hit) unused.push({ suppression: s, rules: s.rules });
    else if (s.rules) {
      const idle = s.rules.filter((r) => !hit.has(r));
      if (idle.length > 0) unused.push({ suppression: s, rules: idle });
    }
  }
  return { kept, unused };
}
