/**
 * Which host CPUs each guest's threads can actually run on, grouped by the XML
 * that decides it, and a sorted CPU index for asking "which of these CPUs does
 * that affinity cover" in O(log n + hits) — never by enumerating an affinity,
 * which may be `0-4294967295`. Plan rules (dedicated-cpu-conflict,
 * smt-sibling-sharing) build their CPU → domain indexes from these once per plan.
 */
import type { Range } from '../xml/types.ts';
import type { CpuSet } from './cpuset.ts';
import type { DomainModel } from './domain.ts';
import type { HostModel } from './host.ts';
import type { Affinity } from './affinity.ts';
import { describeThread, domainThreads, type ThreadGroup } from './threads.ts';
import { listNames } from './describe.ts';
import { memoPerDomain } from './memo.ts';

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

/** An AffinityUse whose range is made when a finding asks for it: a 10,000-guest plan keeps 60,000 uses to its end. */
class PlanAffinityUse implements AffinityUse {
  constructor(
    readonly affinity: Affinity,
    readonly threads: ThreadGroup[],
    readonly reach: CpuSet,
    readonly explicit: boolean,
  ) {}

  get range(): Range | undefined {
    return this.affinity.attr?.valueRange ?? this.affinity.element?.startTag;
  }
}

/**
 * The domain's affinities with statically known CPUs, one per deciding
 * attribute (or one for the all-online default). numad placement (unknown CPUs)
 * is left out.
 */
export function affinityUses(d: DomainModel, host: HostModel): readonly AffinityUse[] {
  return affinityUsesMemo(d, host);
}

// Two plan rules walk every domain's uses: computed once per (domain, host).
const affinityUsesMemo = memoPerDomain((d, host) => computeAffinityUses(d, host!));

function computeAffinityUses(d: DomainModel, host: HostModel): AffinityUse[] {
  const byKey = new Map<object | string, AffinityUse>();
  const domainSet = host.isolationLayers.domain?.cpus;
  for (const t of domainThreads(d, host)) {
    const a = t.affinity;
    if (a.cpus === undefined) continue;
    const explicit = a.source !== 'all-online' && a.source !== 'placement-auto';
    const key = a.attr ?? a.element ?? a.source;
    let use = byKey.get(key);
    if (!use) {
      const reach = explicit || domainSet === undefined ? a.cpus : a.cpus.subtract(domainSet);
      // Most affinities hold one thread group: a one-element literal, not an empty array grown by push.
      byKey.set(key, new PlanAffinityUse(a, [t], reach, explicit));
    } else use.threads.push(t);
  }
  return [...byKey.values()];
}

/** "vCPU 3", "vCPUs 0-3 and the emulator": the threads of a use, for messages (at most three named). */
export function describeUseThreads(use: AffinityUse): string {
  const names = use.threads.slice(0, 3).map(describeThread);
  if (use.threads.length > 3) names.push(`${use.threads.length - 3} more thread groups`);
  return listNames(names);
}

/** A sorted set of CPU ids for range queries against CpuSet intervals. */
export class SortedCpus {
  private readonly ids: number[];

  constructor(ids: Iterable<number>) {
    this.ids = [...new Set(ids)].sort((a, b) => a - b);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Calls `fn` for each id of this index inside `set`, in order: binary search per interval of `set`. */
  forEachIn(set: CpuSet, fn: (cpu: number) => void): void {
    const ids = this.ids;
    if (ids.length === 0) return;
    for (let k = 0; k < set.intervalCount; k++) {
      const lo = set.intervalLo(k);
      const hi = set.intervalHi(k);
      if (hi < ids[0]!) continue;
      if (lo > ids[ids.length - 1]!) break;
      let a = 0;
      let b = ids.length;
      while (a < b) {
        const m = (a + b) >> 1;
        if (ids[m]! < lo) a = m + 1;
        else b = m;
      }
      for (let i = a; i < ids.length && ids[i]! <= hi; i++) fn(ids[i]!);
    }
  }
}

/** Whether any of a domain's affinities can place a thread on `cpu`. */
export function reachesCpu(uses: readonly AffinityUse[], cpu: number): boolean {
  return uses.some((u) => u.reach.has(cpu));
}

/**
 * Which rule owns a guest's use of a CPU whose SMT sibling another guest has
 * dedicated, decided once here: when the same guest can also run on the
 * dedicated CPU itself, dedicated-cpu-conflict reports that affinity and the
 * sibling use follows from it (one cause, one finding); only a guest that
 * reaches the sibling alone is smt-sibling-sharing's.
 */
export function siblingUseOwnedBySmtRule(otherGuestUses: readonly AffinityUse[], dedicatedCpu: number): boolean {
  return !reachesCpu(otherGuestUses, dedicatedCpu);
}
