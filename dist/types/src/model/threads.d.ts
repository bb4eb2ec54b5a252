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
/** The vCPUs with realtime (fifo or rr) scheduling; built in one pass, so thousands of vcpusched groups stay linear. */
export declare const realtimeVcpus: (d: DomainModel, host?: HostModel) => CpuSet;
