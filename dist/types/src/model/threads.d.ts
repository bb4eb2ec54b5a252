import { CpuSet } from './cpuset.js';
import type { DomainModel, ThreadSched } from './domain.js';
import type { HostModel } from './host.js';
import { type Affinity } from './affinity.js';
/**
 * Every thread group of a domain QEMU starts, with where it may run and how
 * it is scheduled: the vCPUs (grouped by affinity and policy), the emulator,
 * and each IOThread. Rules that ask "what runs on CPU x" or "is this thread
 * realtime" read this instead of walking `<cputune>` themselves.
 */
export type ThreadKind = 'vcpu' | 'emulator' | 'iothread';
export type SchedPolicy = 'fifo' | 'rr' | 'batch' | 'idle' | 'other';
export interface ThreadGroup {
    kind: ThreadKind;
    /** vCPU ids (kind vcpu) or IOThread ids (kind iothread); empty for the emulator. */
    ids: CpuSet;
    affinity: Affinity;
    /** Policy from `vcpusched`/`iothreadsched`/`emulatorsched`; `other` when none applies. */
    policy: SchedPolicy;
    priority: number | undefined;
    /** The scheduling element that set the policy, when one did. */
    sched: ThreadSched | undefined;
}
export declare function isRealtimePolicy(p: SchedPolicy): boolean;
/**
 * Whether thread `a` can keep thread `b` off a CPU they share (sched(7), kernel/sched/rt.c): a
 * SCHED_FIFO or SCHED_RR thread preempts every SCHED_OTHER, BATCH or IDLE one and every realtime
 * one of lower priority, and runs until it blocks or a higher priority wakes. At equal priority
 * FIFO keeps the CPU and RR gives it up for a whole time slice (100 ms), so either side counts. A
 * realtime thread never starves one of higher priority. A priority left out (libvirt requires one
 * for fifo and rr) is taken to be able to.
 */
export declare function canStarve(a: Pick<ThreadGroup, 'policy' | 'priority'>, b: Pick<ThreadGroup, 'policy' | 'priority'>): boolean;
/** The vCPUs among `vcpus` whose scheduling lets them starve `victim` on a shared CPU (canStarve). */
export declare function vcpusThatCanStarve(d: DomainModel, host: HostModel | undefined, vcpus: CpuSet, victim: Pick<ThreadGroup, 'policy' | 'priority'>): CpuSet;
/** Whether `thread` can starve any of `vcpus` on a shared CPU (canStarve). */
export declare function canStarveAnyVcpu(d: DomainModel, host: HostModel | undefined, vcpus: CpuSet, thread: Pick<ThreadGroup, 'policy' | 'priority'>): boolean;
/** All thread groups of a domain, computed once per (domain, host). */
export declare const domainThreads: (d: DomainModel, host?: HostModel) => ThreadGroup[];
/**
 * The host CPUs dedicated to a vCPU (a vCPU whose effective affinity is exactly
 * one CPU, rules.md §0), with the vCPUs on each. Several vCPUs on one CPU is a
 * collision, not two dedications, but both are listed so rules can say so.
 */
export declare const dedicatedVcpuCpus: (d: DomainModel, host?: HostModel) => ReadonlyMap<number, CpuSet>;
/** Union of the CPUs in `dedicatedVcpuCpus`. */
export declare const dedicatedCpuSet: (d: DomainModel, host?: HostModel) => CpuSet;
/** The vCPUs dedicated to any CPU of `cpus` (CPUs no vCPU is dedicated to contribute nothing). */
export declare function vcpusDedicatedWithin(d: DomainModel, cpus: CpuSet, host?: HostModel): CpuSet;
/** Human name of a thread group, for messages: "vCPU 3", "vCPUs 0-3", "the emulator", "IOThread 1". */
export declare function describeThread(t: ThreadGroup): string;
/**
 * True when any vCPU of the domain has a realtime (fifo or rr) `<vcpusched>`:
 * a realtime guest in kvm-realtime's sense. The scan of `<vcpusched>` is cheap
 * and answers most domains before any thread is computed.
 */
export declare function isRealtimeDomain(d: DomainModel): boolean;
/** Union of the CPUs the domain's valid `vcpupin`s name (dedicated or floating). */
export declare const vcpupinCpus: (d: DomainModel, host?: HostModel) => CpuSet;
/**
 * Where a fix may pin the emulator (missing-emulatorpin, emulatorpin-overlaps-vcpus): the housekeeping
 * CPUs of the vCPUs' nodes (housekeepingTargetFor) minus every CPU a vCPU is pinned to (dedicated or
 * floating) and the SMT siblings of the dedicated ones, so that the pin it writes is not the next
 * finding (emulatorpin-overlaps-vcpus, vcpu-floating-pin, smt-sibling-sharing). Undefined when nothing
 * is left, when the host's housekeeping is unknown, or when the emulator is realtime itself: a fifo/rr
 * emulator spread over housekeeping CPUs starves them (realtime-sched-unsafe), and giving it a CPU of
 * its own is a capacity decision.
 */
export declare function emulatorTargetFor(d: DomainModel, host: HostModel | undefined): {
    cpus: CpuSet;
    nodes: CpuSet | undefined;
} | undefined;
/**
 * The thread groups that may run on host CPU `cpu`, in `domainThreads` order:
 * those whose known affinity includes it and, unless `explicitOnly` (only sets written in the XML: a pin or `<vcpu cpuset>`), those left
 * on every online CPU, which may run anywhere with or without a host; numad's
 * advice and cpusets that do not parse are unknown and left out. Indexed once per (domain, host),
 * so asking for every dedicated CPU of a large guest stays linear.
 */
export declare function threadsOnCpu(d: DomainModel, cpu: number, host?: HostModel, opts?: {
    except?: ThreadGroup;
    explicitOnly?: boolean;
}): ThreadGroup[];
/**
 * The thread groups whose affinity overlaps `cpus`, in `domainThreads` order, with threadsOnCpu's
 * options: for a thread allowed several CPUs, which others it may meet on any of them.
 */
export declare function threadsOverlapping(d: DomainModel, cpus: CpuSet, host?: HostModel, opts?: {
    except?: ThreadGroup;
    explicitOnly?: boolean;
}): ThreadGroup[];
/** The vCPUs with realtime (fifo or rr) scheduling; built in one pass, so thousands of vcpusched groups stay linear. */
export declare const realtimeVcpus: (d: DomainModel, host?: HostModel) => CpuSet;
