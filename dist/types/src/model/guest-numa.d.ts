import { CpuSet } from './cpuset.js';
import type { DomainModel, GuestCell } from './domain.js';
/**
 * Guest NUMA cells (`<cpu><numa><cell>`) as libvirt reads them
 * (numa_conf.c virDomainNumaDefParseXML): a cell's id is its `id`, else its
 * position; ids must be 0..n-1, each once; `cpus` is optional (a CPU-less
 * cell); two cells may not share a vCPU; no cell may name a vCPU at or above
 * the `<vcpu>` maximum (domain_conf.c virDomainDefParseXML). vCPUs no cell
 * names go to cell 0: the QEMU driver's post-parse
 * (qemu_domain.c qemuDomainDefNumaCPUsRectify → numa_conf.c
 * virDomainNumaFillCPUsInNode) sets cell 0's cpus to every vCPU the other
 * cells do not name.
 */
export interface GuestNumaLayout {
    cells: readonly GuestCell[];
    /** Cells whose id is at or beyond the cell count, or repeats an earlier cell's id. */
    badIds: Array<{
        cell: GuestCell;
        id: number;
        kind: 'beyond' | 'duplicate';
    }>;
    /** vCPUs a cell shares with an earlier cell. */
    overlaps: Array<{
        cell: GuestCell;
        other: GuestCell;
        vcpus: CpuSet;
    }>;
    /** vCPUs a cell names at or beyond the maximum. */
    beyondMax: Array<{
        cell: GuestCell;
        vcpus: CpuSet;
    }>;
    /** Union of the cells' cpus. */
    named: CpuSet;
    /** vCPUs 0..max-1 that no cell names (libvirt adds them to cell 0). */
    unnamed: CpuSet;
    /** False when an id or a cpus value did not parse: the checks above are then partial. */
    complete: boolean;
}
/** The layout of the guest's cells; undefined when it has none. Computed once per domain. */
export declare function guestNumaLayout(d: DomainModel): GuestNumaLayout | undefined;
/** The cell libvirt calls `id`, or undefined. */
export declare function guestCellById(d: DomainModel, id: number): GuestCell | undefined;
/**
 * What `<memory>` becomes when a domain with guest NUMA cells is defined: the
 * cells' memory plus every memory device's size (domain_postparse.c
 * virDomainDefPostParseMemory, which overwrites the total when parsing with
 * ABI update, as `virsh define` does; the guest's initial memory is the cells'
 * sum in any case). undefined without cells, or when a size is unknown.
 * Memory devices are read only here, and only for domains with cells.
 */
export declare function numaMemoryTotal(d: DomainModel): {
    kib: number;
    cellsKiB: number;
    devicesKiB: number;
    deviceCount: number;
} | undefined;
/**
 * Σ of `<memory model=…>` device sizes; undefined when one has no readable size. With
 * `asDefined`, each size is the one `virsh define` stores: on ppc64 libvirt aligns memory
 * devices when parsing with ABI update (qemu_domain.c qemuDomainMemoryDefPostParse): an
 * NVDIMM's guest area (its size less its label) down to 256 MiB, keeping the label
 * (qemuDomainNVDimmAlignSizePseries), any other model up to 256 MiB.
 */
export declare function memoryDevicesKiB(d: DomainModel, asDefined?: boolean): {
    kib: number;
    count: number;
} | undefined;
