import type { XmlElement } from '../xml/types.js';
import { CpuSet } from './cpuset.js';
import type { DomainModel } from './domain.js';
import { type MemoryBinding } from './numa.js';
/** Which host nodes a slice of guest memory lands on, as far as the XML says. */
export type NodeTarget = {
    kind: 'node';
    node: number;
}
/** mode interleave over several nodes: pages spread round-robin, i.e. evenly. */
 | {
    kind: 'interleave';
    nodes: CpuSet;
}
/** strict/restrictive/preferred over several nodes: the split is up to the kernel. */
 | {
    kind: 'set';
    nodes: CpuSet;
}
/** No numatune for it, placement auto, or an unparsable nodeset: any node. */
 | {
    kind: 'unbound';
};
export interface MemoryDemand {
    /** Guest cell id, undefined for a guest without cells. */
    cellId: number | undefined;
    kib: number;
    target: NodeTarget;
    /** NUMA mode of the binding (undefined when unbound). */
    mode: string | undefined;
    /** Hugepage backing; undefined means ordinary (small) pages. sizeKiB undefined = the host's default size. */
    hugepages: {
        sizeKiB: number | undefined;
        element: XmlElement;
    } | undefined;
    /** The `<memnode>` or `<memory>` binding it (undefined when `<numatune>` says nothing about it). */
    binding: MemoryBinding | undefined;
    /**
     * The nodes its pages may come from when the nodes it is bound to run short: `target` for a strict or
     * restrictive binding; for preferred and interleave, only the domain's cpuset.mems (a strict or
     * restrictive `<memory>` nodeset), else any node. libvirt confines cpuset.mems for strict and
     * restrictive alone (qemu_process.c qemuProcessSetupPid), and the kernel gives MPOL_PREFERRED and
     * MPOL_INTERLEAVE allocations, hugetlb's included, no nodemask: they fall back to other nodes'
     * free pages (mm/mempolicy.c policy_nodemask, mm/hugetlb.c dequeue_hugetlb_folio_nodemask).
     */
    confinedTo: NodeTarget;
}
/** Every slice of a domain's memory with its node target and page backing (rules.md §1 insufficient-hugepages). */
export declare const memoryDemands: (d: DomainModel) => MemoryDemand[];
/**
 * Splits `amount` over `nodes` as round-robin interleaving does: evenly, the remainder to the lowest nodes.
 * A parsed nodeset holds ids below LIBVIRT_CPUMASK_LEN only, so enumerating up to that bound never throws
 * (a nodeset of 0-16383 is valid syntax, however few nodes the host has).
 */
export declare function spreadEvenly(amount: number, nodes: CpuSet): Map<number, number>;
/** One domain's small-page memory that a strict (or restrictive) binding pins to one host node. */
export interface StrictSmallPageShare {
    node: number;
    kib: number;
    /** True when the share is an even split of a binding over several nodes (the kernel's split is not known offline). */
    spread: boolean;
    demand: MemoryDemand;
}
/**
 * Small-page memory that strict (or restrictive) bindings of one domain pin to
 * each host node: what the guest takes from the node's free memory. Multi-node
 * strict bindings are spread evenly (the kernel's split is not known offline);
 * preferred and interleave allocations may fall back to other nodes, so they
 * are not counted. Computed once per domain.
 */
export declare const strictSmallPageShares: (d: DomainModel) => StrictSmallPageShare[];
/** `strictSmallPageShares` of every domain, summed per host node. */
export declare function strictSmallPageKiBPerNode(domains: readonly DomainModel[]): Map<number, number>;
