import type { XmlAttribute, XmlElement } from '../xml/types.js';
import { CpuSet } from './cpuset.js';
import type { DomainModel, GuestCell, HugepageSpec, NumaMode, Placement } from './domain.js';
/**
 * numatune placement (formatdomain §NUMA Node Tuning): as written, else static
 * when a nodeset is given, else the `<vcpu placement>`.
 */
export declare function numatunePlacement(d: DomainModel): Placement;
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
export declare function memoryBinding(d: DomainModel, cellId: number | undefined): MemoryBinding | undefined;
/** The guest cell whose `cpus` contain vCPU `vcpu`; undefined without cells (or when none does). */
export declare function guestCellOfVcpu(d: DomainModel, vcpu: number): GuestCell | undefined;
/** A slice of guest memory with one binding: a guest cell, or the whole guest when it has no cells. */
export interface GuestMemorySlice {
    cell: GuestCell | undefined;
    memoryKiB: number;
    binding: MemoryBinding | undefined;
}
export declare function guestMemorySlices(d: DomainModel): GuestMemorySlice[];
/**
 * The hugepage spec backing guest cell `cellId` (undefined: whole guest):
 * a `<page>` whose nodeset names the cell, else a `<page>` without nodeset,
 * else — `<hugepages/>` with no page — the host's default size
 * (formatdomain §Memory Backing). undefined when the guest does not use hugepages.
 */
export declare function hugepageBacking(d: DomainModel, cellId: number | undefined): {
    spec: HugepageSpec | undefined;
    element: XmlElement;
} | undefined;
/** All guest cells' ids as a set (for nodeset checks). */
export declare function guestCellIds(d: DomainModel): CpuSet;
