import type { XmlAttribute, XmlElement } from '../xml/types.js';
import { CpuSet } from './cpuset.js';
import type { DomainModel } from './domain.js';
import type { HostModel } from './host.js';
/**
 * Where a thread's CPU affinity comes from, in the order libvirt applies them
 * (formatdomain §CPU Tuning; qemu_process.c qemuProcessSetupVcpu /
 * qemuProcessSetupEmulator / qemuProcessSetupIOThread): the thread's own pin,
 * else `<vcpu cpuset>`, else numad's advice (placement auto), else every
 * online host CPU: isolated ones included before libvirt 10.4.0, left out
 * from then on (`defaultThreadAffinity`, src/model/libvirt-version.ts).
 */
export type AffinitySource = 'vcpupin' | 'emulatorpin' | 'iothreadpin' | 'vcpu-cpuset' | 'placement-auto' | 'all-online';
export interface Affinity {
    source: AffinitySource;
    /** undefined when not known statically: numad's advice, an invalid cpuset, or all online CPUs without a host. */
    cpus: CpuSet | undefined;
    /** The element whose attribute decided the affinity (vcpupin, emulatorpin, iothreadpin or vcpu). */
    element: XmlElement | undefined;
    attr: XmlAttribute | undefined;
}
/** A domain is pinned when it has any `vcpupin` or a `<vcpu cpuset>` (rules.md §0). */
export declare function isPinned(d: DomainModel): boolean;
/** libvirt rejects a second vcpupin for one vCPU; the first is the one that counts here. */
export declare function vcpupinFor(d: DomainModel, vcpu: number): import("./domain.js").VcpuPin | undefined;
export declare function effectiveVcpuAffinity(d: DomainModel, vcpu: number, host?: HostModel): Affinity;
export declare function effectiveEmulatorAffinity(d: DomainModel, host?: HostModel): Affinity;
export declare function effectiveIothreadAffinity(d: DomainModel, iothread: number, host?: HostModel): Affinity;
export interface VcpuAffinityGroup {
    /** The vCPUs (0..max-1) sharing this affinity. */
    vcpus: CpuSet;
    affinity: Affinity;
}
/**
 * Effective affinity of every vCPU 0..max-1, grouped: one group per valid
 * vcpupin, plus one for the unpinned vCPUs that start online. An unpinned vCPU
 * that starts offline (`DomainModel.offlineVcpus`) runs nowhere until it is
 * hot-plugged, so it is in no group (rules.md §0); a pinned one keeps its pin,
 * which is where it will run once plugged. Never enumerates vCPUs one by one,
 * so a huge `<vcpu>` costs nothing.
 */
export declare const vcpuAffinityGroups: (d: DomainModel, host?: HostModel) => VcpuAffinityGroup[];
/** The vCPUs with no vcpupin that start offline: they take the inherited affinity once hot-plugged. */
export declare function offlineUnpinnedVcpus(d: DomainModel): CpuSet;
/** A thread pinned to exactly one CPU is dedicated; more is floating (rules.md §0). */
export declare function isDedicated(a: Affinity): boolean;
/**
 * Where the emulator (and IOThreads) of a pinned guest belong (rules.md §1
 * missing-emulatorpin): the housekeeping CPUs on the host nodes of the vCPU
 * pins, or all of them when those nodes have none. undefined when housekeeping
 * is unknown or empty: then the choice is a person's.
 */
export declare function housekeepingTargetFor(vcpuCpus: CpuSet, host: HostModel | undefined): {
    cpus: CpuSet;
    nodes: CpuSet | undefined;
} | undefined;
