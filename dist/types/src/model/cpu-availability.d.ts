import { CpuSet } from './cpuset.js';
import type { HostModel } from './host.js';
/**
 * How the host stands towards each CPU of a set (an affinity written in the
 * domain XML). The four parts are disjoint and their union is the set.
 */
export interface CpuAvailability {
    /** CPUs the host runs now. */
    online: CpuSet;
    /** CPUs the host has (present, or possible when present is unknown) but that are offline. */
    offline: CpuSet;
    /** CPUs the host does not have: not possible, or not present when the snapshot records present. */
    absent: CpuSet;
    /**
     * Not online, and the snapshot records neither possible nor present CPUs
     * (`virsh capabilities`, `numactl --hardware`): offline or absent, unknown which.
     */
    unlisted: CpuSet;
}
/**
 * The CPUs a host has: /sys/devices/system/cpu/present (the kernel's cpu_present_mask)
 * when recorded, else `possible`; undefined when the snapshot has neither.
 * present ⊆ possible, but a hand-written snapshot may say otherwise: both bound it.
 */
export declare function hostExistingCpus(host: Pick<HostModel, 'possible' | 'present' | 'online'>): CpuSet | undefined;
/** Splits `cpus` by what the host can do with them (never enumerates: interval arithmetic only). */
export declare function cpuAvailability(host: Pick<HostModel, 'possible' | 'present' | 'online'>, cpus: CpuSet): CpuAvailability;
