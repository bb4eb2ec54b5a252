import { CpuSet } from './cpuset.js';
import type { HostModel } from './host.js';
/**
 * How the host stands towards each CPU of a set (an affinity written in the
 * domain XML). The four parts are disjoint and their union is the set.
 *
 * "Has" means possible (/sys/devices/system/cpu/possible, the kernel's cpu_possible_mask), not present:
 * the cgroup v2 cpuset controller accepts any possible CPU in `cpuset.cpus` (kernel/cgroup/cpuset.c:
 * `update_cpumask` checks the set against top_cpuset.cpus_allowed, which cpuset_bind sets to
 * cpu_possible_mask in v2 mode), and sched_setaffinity() keeps the active part of the mask. A CPU
 * that is possible but not present (a hotplug slot: servers and VMs often list more possible CPUs
 * than they have) is to the guest what an offline one is; the kernel's own `offline` file lists both.
 */
export interface CpuAvailability {
    /** CPUs the host runs now. */
    online: CpuSet;
    /** CPUs the host could run (possible) but does not now: offline, or not present. */
    offline: CpuSet;
    /** CPUs the host can never run: not possible. */
    absent: CpuSet;
    /**
     * Not online, and the snapshot does not record the possible CPUs (`virsh capabilities`,
     * `numactl --hardware`, a hand-written snapshot): offline or absent, unknown which.
     */
    unlisted: CpuSet;
}
/**
 * The CPUs a host could ever run: `possible` when recorded (an online CPU is possible whatever the
 * list says); undefined when the snapshot does not record it. `present` does not bound it: see above.
 */
export declare function hostExistingCpus(host: Pick<HostModel, 'possible' | 'online'>): CpuSet | undefined;
/** Splits `cpus` by what the host can do with them (never enumerates: interval arithmetic only). */
export declare function cpuAvailability(host: Pick<HostModel, 'possible' | 'online'>, cpus: CpuSet): CpuAvailability;
