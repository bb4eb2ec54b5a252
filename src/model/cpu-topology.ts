/**
 * Per-CPU topology from a snapshot's `cpuTopology` (sysfs
 * /sys/devices/system/cpu/cpuN/topology/{physical_package_id,die_id,core_id,
 * thread_siblings_list}, or `virsh capabilities` <cpu socket_id core_id siblings>):
 * which CPUs are SMT siblings of one core, and where a CPU sits.
 */
import { CpuSet } from './cpuset.ts';
import type { HostCpuPlace, HostSnapshot, SnapshotCpu, SnapshotCpuList } from './host.ts';

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
export function buildCpuPlaces(snapshot: HostSnapshot, parse: (list: SnapshotCpuList) => CpuSet | undefined): CpuPlaces {
  const entries = snapshot.cpuTopology;
  if (entries === undefined || entries.length === 0) return { smt: undefined, siblingsOf: () => undefined, placeOf: () => undefined };
  const byCpu = new Map<number, SnapshotCpu>();
  for (const e of entries) if (!byCpu.has(e.cpu)) byCpu.set(e.cpu, e);

  const siblings = new Map<number, CpuSet | undefined>();
  let smt: boolean | undefined;
  let byCore: Map<string, number[]> | undefined;
  const coreKey = (e: SnapshotCpu): string | undefined =>
    e.socket === undefined || e.core === undefined ? undefined : `${e.socket}/${e.die ?? 0}/${e.core}`;

  return {
    get smt() {
      // Answered from the lists as written: a sibling list is one id exactly when its core has one thread.
      return (smt ??= entries.some((e) => (e.siblings !== undefined ? parse(e.siblings) : this.siblingsOf(e.cpu))?.size !== 1));
    },
    siblingsOf(cpu) {
      if (siblings.has(cpu)) return siblings.get(cpu);
      const e = byCpu.get(cpu);
      let set: CpuSet | undefined;
      if (e?.siblings !== undefined) {
        // thread_siblings_list always holds the CPU itself; make sure of it for hand-written snapshots.
        set = parse(e.siblings)?.union(CpuSet.of(cpu));
      } else if (e !== undefined && coreKey(e) !== undefined) {
        // No sibling list (older captures): the CPUs with the same socket, die and core id are one core's threads.
        if (!byCore) {
          byCore = new Map();
          for (const x of byCpu.values()) {
            const k = coreKey(x);
            if (k === undefined) continue;
            const list = byCore.get(k);
            if (list) list.push(x.cpu);
            else byCore.set(k, [x.cpu]);
          }
        }
        set = CpuSet.ofList(byCore.get(coreKey(e)!)!);
      }
      siblings.set(cpu, set);
      return set;
    },
    placeOf(cpu) {
      const e = byCpu.get(cpu);
      return e ? { socket: e.socket, die: e.die, core: e.core, node: e.node } : undefined;
    },
  };
}
