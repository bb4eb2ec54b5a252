/**
 * Which host CPUs each guest's threads can actually run on, grouped by the XML
 * that decides it, and a sorted CPU index for asking "which of these CPUs does
 * that affinity cover" in O(log n + hits) — never by enumerating an affinity,
 * which may be `0-4294967295`. Plan rules (dedicated-cpu-conflict,
 * smt-sibling-sharing) build their CPU → domain indexes from these once per plan.
 */
import type { Range } from '../xml/types.js';
import type { CpuSet } from './cpuset.js';
import type { DomainModel } from './domain.js';
import type { HostModel } from './host.js';
import type { Affinity } from './affinity.js';
import { type ThreadGroup } from './threads.js';
/** One affinity of a domain and every thread group it applies to (a `<vcpu cpuset>` can cover vCPUs, the emulator and IOThreads). */
export interface AffinityUse {
    affinity: Affinity;
    threads: ThreadGroup[];
    /**
     * CPUs the threads can be placed on. An explicit pin (vcpupin, emulatorpin,
     * iothreadpin, `<vcpu cpuset>`) counts whole. A thread with no pin at all gets
     * every online CPU from libvirt, but the scheduler only places and balances
     * such a thread within scheduler domains, so CPUs of the isolcpus domain set
     * are left out (kernel/sched/fair.c select_task_rq_fair walks the domains of a
     * CPU; isolcpus=domain CPUs belong to none, kernel/sched/topology.c).
     */
    reach: CpuSet;
    /** True for vcpupin/emulatorpin/iothreadpin/`<vcpu cpuset>`; false for the all-online default. */
    explicit: boolean;
    /** Where to report: the cpuset attribute value, else the element's start tag; undefined for the all-online default. */
    readonly range: Range | undefined;
}
/**
 * The domain's affinities with statically known CPUs, one per deciding
 * attribute (or one for the all-online default). numad placement (unknown CPUs)
 * is left out.
 */
export declare function affinityUses(d: DomainModel, host: HostModel): readonly AffinityUse[];
/** "vCPU 3", "vCPUs 0-3 and the emulator": the threads of a use, for messages (at most three named). */
export declare function describeUseThreads(use: AffinityUse): string;
/** A sorted set of CPU ids for range queries against CpuSet intervals. */
export declare class SortedCpus {
    private readonly ids;
    constructor(ids: Iterable<number>);
    get size(): number;
    /** Calls `fn` for each id of this index inside `set`, in order: binary search per interval of `set`. */
    forEachIn(set: CpuSet, fn: (cpu: number) => void): void;
}
/** Whether any of a domain's affinities can place a thread on `cpu`. */
export declare function reachesCpu(uses: readonly AffinityUse[], cpu: number): boolean;
/**
 * Which rule owns a guest's use of a CPU whose SMT sibling another guest has
 * dedicated, decided once here: when the same guest can also run on the
 * dedicated CPU itself, dedicated-cpu-conflict reports that affinity and the
 * sibling use follows from it (one cause, one finding); only a guest that
 * reaches the sibling alone is smt-sibling-sharing's.
 */
export declare function siblingUseOwnedBySmtRule(otherGuestUses: readonly AffinityUse[], dedicatedCpu: number): boolean;
