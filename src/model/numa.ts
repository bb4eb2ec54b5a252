import type { XmlAttribute, XmlElement } from '../xml/types.ts';
import { CpuSet } from './cpuset.ts';
import type { DomainModel, GuestCell, HugepageSpec, NumaMode, Placement } from './domain.ts';

/**
 * numatune placement (formatdomain §NUMA Node Tuning): as written, else static
 * when a nodeset is given, else the `<vcpu placement>`.
 */
export function numatunePlacement(d: DomainModel): Placement {
  const mem = d.numatune?.memory;
  if (mem?.placement) return mem.placement;
  if (mem?.nodeset) return 'static';
  return d.vcpu?.placement ?? 'static';
}

/** How the memory of one guest cell (or the whole guest) is bound to host nodes. */
export interface MemoryBinding {
  mode: NumaMode;
  placement: Placement;
  /** Host nodes; undefined when not known statically (placement auto, invalid nodeset, or none given). */
  nodes: CpuSet | undefined;
  /** The `<memnode>` or `<memory>` element that decides it. */
  element: XmlElement;
  nodesetAttr: XmlAttribute | undefined;
}

/**
 * The binding of guest cell `cellId` (undefined: the whole guest, or a guest
 * without cells): `memnode[cellid]` if present, else `<numatune><memory>`.
 * undefined when `<numatune>` says nothing about it (the kernel places memory).
 */
export function memoryBinding(d: DomainModel, cellId: number | undefined): MemoryBinding | undefined {
  const nt = d.numatune;
  if (!nt) return undefined;
  const placement = numatunePlacement(d);
  const memnode = cellId === undefined ? undefined : nt.memnodes.find((m) => m.cellid === cellId);
  if (memnode) {
    return { mode: memnode.mode, placement, nodes: memnode.nodeset?.set, element: memnode.element, nodesetAttr: memnode.nodeset?.attr };
  }
  const mem = nt.memory;
  if (!mem) return undefined;
  return {
    mode: mem.mode,
    placement,
    nodes: placement === 'auto' ? undefined : mem.nodeset?.set,
    element: mem.element,
    nodesetAttr: mem.nodeset?.attr,
  };
}

/** The guest cell whose `cpus` contain vCPU `vcpu`; undefined without cells (or when none does). */
export function guestCellOfVcpu(d: DomainModel, vcpu: number): GuestCell | undefined {
  return d.cpu?.cells.find((c) => c.cpus?.set?.has(vcpu));
}

/** A slice of guest memory with one binding: a guest cell, or the whole guest when it has no cells. */
export interface GuestMemorySlice {
  cell: GuestCell | undefined;
  memoryKiB: number;
  binding: MemoryBinding | undefined;
}

export function guestMemorySlices(d: DomainModel): GuestMemorySlice[] {
  const cells = d.cpu?.cells ?? [];
  if (cells.length === 0) {
    return d.memory ? [{ cell: undefined, memoryKiB: d.memory.kib, binding: memoryBinding(d, undefined) }] : [];
  }
  return cells
    .filter((c) => c.memoryKiB !== undefined)
    .map((c) => ({ cell: c, memoryKiB: c.memoryKiB!, binding: memoryBinding(d, c.id) }));
}

/**
 * The hugepage spec backing guest cell `cellId` (undefined: whole guest):
 * a `<page>` whose nodeset names the cell, else a `<page>` without nodeset,
 * else — `<hugepages/>` with no page — the host's default size
 * (formatdomain §Memory Backing). undefined when the guest does not use hugepages.
 */
export function hugepageBacking(d: DomainModel, cellId: number | undefined): { spec: HugepageSpec | undefined; element: XmlElement } | undefined {
  const hp = d.memoryBacking?.hugepages;
  if (!hp) return undefined;
  if (hp.pages.length === 0) return { spec: undefined, element: hp.element };
  const forCell = cellId === undefined ? undefined : hp.pages.find((p) => p.nodeset?.set?.has(cellId));
  const general = hp.pages.find((p) => p.nodeset === undefined);
  const spec = forCell ?? general ?? (cellId === undefined ? hp.pages[0] : undefined);
  return spec ? { spec, element: spec.element } : undefined;
}

/** All guest cells' ids as a set (for nodeset checks). */
export function guestCellIds(d: DomainModel): CpuSet {
  return CpuSet.ofList((d.cpu?.cells ?? []).map((c) => c.id).filter((n): n is number => n !== undefined));
}
