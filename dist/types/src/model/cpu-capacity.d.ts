/**
 * Hybrid hosts: CPUs of one host that are not equally fast, from the snapshot's per-CPU
 * `capacity` and `coreType` (host-snapshot.md).
 *
 * - arm64 and RISC-V big.LITTLE (RK3588's Cortex-A76 and A55 cores, phone SoCs): cpuN/cpu_capacity,
 *   which drivers/base/arch_topology.c derives from the device tree's capacity-dmips-mhz times each
 *   CPU's highest frequency, or from ACPI CPPC highest_perf, normalised so the largest CPU is 1024
 *   (topology_normalize_cpu_scale, SCHED_CAPACITY_SCALE). The scheduler then balances by capacity
 *   (SD_ASYM_CPUCAPACITY, kernel/sched/topology.c asym_cpu_capacity_scan).
 * - Intel hybrid (Alder Lake and later): the PMU devices arch/x86/events/intel/core.c registers per
 *   core type, cpu_core (P-cores), cpu_atom (E-cores) and cpu_lowpower (LP E-cores), each with a
 *   `cpus` list. x86 has no cpu_capacity file.
 *
 * CPPC firmware may give cores of one kind slightly different highest_perf (binning, preferred
 * cores), so capacities within 20% of a class's largest are one class: a guest across them is not
 * reported. A host with one class has no classes at all (undefined), and costs rules nothing.
 */
import { CpuSet } from './cpuset.js';
import type { SnapshotCpu } from './host.js';
export interface CpuClass {
    /** For messages: "P-cores", "E-cores", "cores of capacity 1024", "cores of capacity 380-414". */
    label: string;
    cpus: CpuSet;
}
export interface HostCpuClasses {
    /** Fastest first. At least two. */
    classes: readonly CpuClass[];
    /** Index into `classes` of a CPU (0: the fastest); undefined for a CPU the snapshot gives no capacity or type. */
    classOf(cpu: number): number | undefined;
    /** Which fact the classes come from. */
    source: 'capacity' | 'coreType';
}
export declare function buildCpuClasses(entries: readonly SnapshotCpu[] | undefined): HostCpuClasses | undefined;
