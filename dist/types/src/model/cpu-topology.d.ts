/**
 * Per-CPU topology from a snapshot's `cpuTopology` (sysfs
 * /sys/devices/system/cpu/cpuN/topology/{physical_package_id,die_id,core_id,
 * thread_siblings_list}, or `virsh capabilities` <cpu socket_id core_id siblings>):
 * which CPUs are SMT siblings of one core, and where a CPU sits.
 */
import { CpuSet } from './cpuset.js';
import type { HostCpuPlace, HostSnapshot, SnapshotCpuList } from './host.js';
export interface CpuPlaces {
    /**
     * True when some core of the host has two or more hardware threads; false when
     * every CPU the topology lists is alone on its core; undefined without a topology.
     */
    smt: boolean | undefined;
    siblingsOf(cpu: number): CpuSet | undefined;
    placeOf(cpu: number): HostCpuPlace | undefined;
}
/**
 * Indexes `snapshot.cpuTopology` once; sibling lists are parsed on first use (a
 * rule asks about a few pinned CPUs, not all of a 1,000-CPU host). `parse` reads a
 * snapshot CPU list with the kernel grammar (undefined when it does not parse).
 */
export declare function buildCpuPlaces(snapshot: HostSnapshot, parse: (list: SnapshotCpuList) => CpuSet | undefined): CpuPlaces;
