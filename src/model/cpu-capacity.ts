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
import { CpuSet } from './cpuset.ts';
import type { SnapshotCoreType, SnapshotCpu } from './host.ts';

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

/** A capacity this much below its class's largest starts a new class. */
const SAME_CLASS_RATIO = 0.8;

const CORE_TYPES: ReadonlyArray<{ type: SnapshotCoreType; label: string }> = [
  { type: 'core', label: 'P-cores' },
  { type: 'atom', label: 'E-cores' },
  { type: 'lowpower', label: 'LP E-cores' },
];

export function buildCpuClasses(entries: readonly SnapshotCpu[] | undefined): HostCpuClasses | undefined {
  if (entries === undefined || entries.length === 0) return undefined;
  let typed = false;
  let capacities = false;
  for (const e of entries) {
    if (e.coreType !== undefined) typed = true;
    if (e.capacity !== undefined) capacities = true;
  }
  if (typed) {
    const byType = new Map<SnapshotCoreType, number[]>();
    for (const e of entries) if (e.coreType !== undefined) (byType.get(e.coreType) ?? byType.set(e.coreType, []).get(e.coreType)!).push(e.cpu);
    const classes = CORE_TYPES.filter((t) => byType.has(t.type)).map((t) => ({ label: t.label, cpus: CpuSet.ofList(byType.get(t.type)!) }));
    return classes.length < 2 ? undefined : indexed(classes, 'coreType');
  }
  if (!capacities) return undefined;
  const values = [...new Set(entries.flatMap((e) => (e.capacity !== undefined ? [e.capacity] : [])))].sort((a, b) => b - a);
  // Runs of capacities, each within SAME_CLASS_RATIO of its largest.
  const runs: Array<{ hi: number; lo: number }> = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && v >= last.hi * SAME_CLASS_RATIO) last.lo = v;
    else runs.push({ hi: v, lo: v });
  }
  if (runs.length < 2) return undefined;
  const members = runs.map(() => [] as number[]);
  for (const e of entries) {
    if (e.capacity === undefined) continue;
    members[runs.findIndex((r) => e.capacity! >= r.lo)]!.push(e.cpu);
  }
  const classes = runs.map((r, i) => ({ label: r.hi === r.lo ? `cores of capacity ${r.hi}` : `cores of capacity ${r.lo}-${r.hi}`, cpus: CpuSet.ofList(members[i]!) }));
  return indexed(classes, 'capacity');
}

function indexed(classes: CpuClass[], source: HostCpuClasses['source']): HostCpuClasses {
  const byCpu = new Map<number, number>();
  classes.forEach((c, i) => {
    for (const cpu of c.cpus.toArray()) byCpu.set(cpu, i);
  });
  return { classes, classOf: (cpu) => byCpu.get(cpu), source };
}
