/**
 * A guest's placement written into its domain XML as kvmlint fixes (text edits on
 * the original, src/engine/edit.ts): vcpupin per vCPU, emulatorpin and iothreadpin
 * on the housekeeping CPUs of the guest's nodes, `<numatune>` strict on them.
 * Values already right are left alone, so a guest that moves changes only the
 * attributes that must change.
 */
import { applyFixes } from '../engine/fix.ts';
import { insertAfter, insertChild, insertLastChildren, replaceAttributeValue, type NewElement } from '../engine/edit.ts';
import type { Fix } from '../engine/types.ts';
import { CpuSet } from '../model/cpuset.ts';
import type { DomainModel } from '../model/domain.ts';
import { CPUTUNE_CHILD_ORDER, DOMAIN_CHILD_ORDER, formatterPredecessor } from '../model/libvirt-order.ts';
import type { XmlElement } from '../xml/types.ts';

export interface GuestLayout {
  /** vCPU → host CPU. */
  pins: Map<number, number>;
  /** Where the emulator and IOThreads go. */
  housekeeping: CpuSet;
  /** Guest cell id (undefined: whole guest) → host nodes (one, or several when interleaved). */
  cellNodes: Array<{ cellId: number | undefined; nodes: CpuSet }>;
  interleave: boolean;
}

function quoteOf(el: XmlElement): string {
  return el.attributes[0]?.quote ?? "'";
}

/** Rewrites a start tag of an element without children to the given attributes (keeping unrelated ones). */
function setAttributes(text: string, el: XmlElement, set: ReadonlyArray<readonly [string, string]>, drop: readonly string[] = []): Fix | undefined {
  const q = quoteOf(el);
  const wanted = new Map(set);
  const kept = el.attributes.filter((a) => !wanted.has(a.name) && !drop.includes(a.name)).map((a) => text.slice(a.range.start, a.range.end));
  const same = set.every(([k, v]) => el.attributeValues[k] === v) && !drop.some((k) => k in el.attributeValues);
  if (same) return undefined;
  const attrs = [...set.map(([k, v]) => `${k}=${q}${v}${q}`), ...kept].join(' ');
  const close = el.selfClosing ? '/>' : '>';
  return { range: [el.startTag.start, el.startTag.end], text: `<${el.name} ${attrs}${close}` };
}

/** The fixes that give domain `d` (text `text`) the layout; empty when it already has it. */
export function layoutFixes(text: string, d: DomainModel, layout: GuestLayout): Fix[] {
  const fixes: Fix[] = [];
  const hk = layout.housekeeping.toString();
  const cputune = d.cputune;
  const pinEls: NewElement[] = [];
  // The first <vcpupin> of each vCPU, indexed: a find per vCPU was quadratic for thousands of vCPUs.
  const pinOf = new Map<number, NonNullable<typeof cputune>['vcpupins'][number]>();
  for (const p of cputune?.vcpupins ?? []) if (p.vcpu !== undefined && !pinOf.has(p.vcpu)) pinOf.set(p.vcpu, p);
  for (const [vcpu, cpu] of [...layout.pins].sort((a, b) => a[0] - b[0])) {
    const pin = pinOf.get(vcpu);
    if (pin?.cpuset?.attr) {
      if (!(pin.cpuset.set?.size === 1 && pin.cpuset.set.has(cpu))) fixes.push(replaceAttributeValue(pin.cpuset.attr, String(cpu)));
    } else if (pin) {
      // A pin without a cpuset: its start tag rewritten as it is written (self-closing or with an end
      // tag, other attributes kept). Replacing it with `<vcpupin …/>` left a stray </vcpupin>.
      const f = setAttributes(text, pin.element, [['vcpu', String(vcpu)], ['cpuset', String(cpu)]]);
      if (f) fixes.push(f);
    }
    else pinEls.push({ name: 'vcpupin', attributes: [['vcpu', String(vcpu)], ['cpuset', String(cpu)]] });
  }
  // The emulator and IOThreads: kept where they are when that is already housekeeping of the guest's nodes.
  const within = (set: CpuSet | undefined) => set !== undefined && !set.isEmpty && set.isSubsetOf(layout.housekeeping);
  const emulator = cputune?.emulatorpin;
  const afterPins: NewElement[] = [];
  if (emulator?.cpuset?.attr) {
    if (!within(emulator.cpuset.set)) fixes.push(replaceAttributeValue(emulator.cpuset.attr, hk));
  } else if (!emulator) afterPins.push({ name: 'emulatorpin', attributes: [['cpuset', hk]] });
  for (const id of d.iothreadIds) {
    const pin = cputune?.iothreadpins.find((p) => p.iothread === id);
    if (pin?.cpuset?.attr) {
      if (!within(pin.cpuset.set)) fixes.push(replaceAttributeValue(pin.cpuset.attr, hk));
    } else if (!pin) afterPins.push({ name: 'iothreadpin', attributes: [['iothread', String(id)], ['cpuset', hk]] });
  }

  if (!cputune) {
    const anchor = formatterPredecessor(d.element, 'cputune', DOMAIN_CHILD_ORDER);
    fixes.push(insertChild(text, d.element, { name: 'cputune', attributes: [], children: [...pinEls, ...afterPins] }, anchor));
  } else {
    // New elements at one point become one fix: zero-width fixes at the same offset would overlap.
    const groups = new Map<XmlElement | undefined, NewElement[]>();
    const add = (after: XmlElement | undefined, el: NewElement) => {
      const list = groups.get(after);
      if (list) list.push(el);
      else groups.set(after, [el]);
    };
    const lastPin = cputune.vcpupins[cputune.vcpupins.length - 1]?.element;
    for (const el of pinEls) add(lastPin ?? formatterPredecessor(cputune.element, 'vcpupin', CPUTUNE_CHILD_ORDER), el);
    for (const el of afterPins) {
      const anchor = formatterPredecessor(cputune.element, el.name, CPUTUNE_CHILD_ORDER);
      add(anchor?.name === 'vcpupin' || anchor === undefined ? (lastPin ?? anchor) : anchor, el);
    }
    for (const [after, els] of groups) {
      if (!after && cputune.element.children.length === 0) {
        fixes.push(insertLastChildren(text, cputune.element, els));
      } else if (!after) {
        fixes.push(concatInsert(els, (el) => insertChild(text, cputune.element, el, undefined)));
      } else fixes.push(concatInsert(els, (el) => insertAfter(text, after, el)));
    }
  }

  for (const f of numatuneFixes(text, d, layout)) fixes.push(f);
  return fixes;
}

/** Several new elements at one point (zero-width insertions) as one fix: zero-width fixes at one offset would overlap. */
function concatInsert(els: readonly NewElement[], one: (el: NewElement) => Fix): Fix {
  const parts = els.map(one);
  const first = parts[0]!;
  if (!parts.every((p) => p.range[0] === first.range[0] && p.range[1] === first.range[0])) throw new Error('plan insertions are not at one point');
  return { range: first.range, text: parts.map((p) => p.text).join('') };
}

function numatuneFixes(text: string, d: DomainModel, layout: GuestLayout): Fix[] {
  const all = layout.cellNodes.reduce((a, c) => a.union(c.nodes), CpuSet.empty);
  const mode = layout.interleave ? 'interleave' : 'strict';
  const withCells = layout.cellNodes.some((c) => c.cellId !== undefined);
  const nt = d.numatune;
  const memnodes: NewElement[] = withCells
    ? layout.cellNodes.map((c) => ({ name: 'memnode', attributes: [['cellid', String(c.cellId)], ['mode', 'strict'], ['nodeset', c.nodes.toString()]] as const }))
    : [];
  if (!nt) {
    const anchor = formatterPredecessor(d.element, 'numatune', DOMAIN_CHILD_ORDER);
    const el: NewElement = { name: 'numatune', attributes: [], children: [{ name: 'memory', attributes: [['mode', mode], ['nodeset', all.toString()]] }, ...memnodes] };
    // After a <cputune> that this plan inserts too (same anchor): the two insertions must be one text.
    return [insertChild(text, d.element, el, anchor)];
  }
  const fixes: Fix[] = [];
  const memory = nt.memory;
  // An empty <numatune/> gets all its children in one rewrite (two would both replace the tag).
  const missing: NewElement[] = [];
  if (memory) {
    const f = setAttributes(text, memory.element, [['mode', mode], ['nodeset', all.toString()]], ['placement']);
    if (f) fixes.push(f);
  } else if (nt.element.children.length === 0) {
    missing.push({ name: 'memory', attributes: [['mode', mode], ['nodeset', all.toString()]] });
  } else {
    fixes.push(insertChild(text, nt.element, { name: 'memory', attributes: [['mode', mode], ['nodeset', all.toString()]] }, undefined));
  }
  for (const c of layout.cellNodes) {
    if (c.cellId === undefined) continue;
    const mn = nt.memnodes.find((m) => m.cellid === c.cellId);
    if (mn) {
      const f = setAttributes(text, mn.element, [['cellid', String(c.cellId)], ['mode', 'strict'], ['nodeset', c.nodes.toString()]]);
      if (f) fixes.push(f);
    } else missing.push({ name: 'memnode', attributes: [['cellid', String(c.cellId)], ['mode', 'strict'], ['nodeset', c.nodes.toString()]] });
  }
  if (missing.length > 0) {
    fixes.push(insertLastChildren(text, nt.element, missing));
  }
  return fixes;
}


/** Applies a guest's fixes: all of them at once (they never overlap), or throws. */
export function applyLayout(text: string, fixes: readonly Fix[]): string {
  if (fixes.length === 0) return text;
  // Edits that touch are merged in order: insertions at one offset (a new <cputune> and a new <numatune>
  // after <vcpu>), or a rewritten <memory/> tag and the <memnode>s inserted right after it.
  const merged: Fix[] = [];
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const prev = merged[merged.length - 1];
    if (prev && f.range[0] === prev.range[1]) {
      prev.range[1] = f.range[1];
      prev.text += f.text;
    } else merged.push({ range: [...f.range], text: f.text });
  }
  const { text: out, applied } = applyFixes(text, merged);
  if (applied.length !== merged.length) throw new Error('plan edits overlap');
  return out;
}
