import { CpuSet } from './cpuset.ts';
import type { DomainModel, ThreadSched } from './domain.ts';
import type { HostModel } from './host.ts';
import { memoPerDomain } from './memo.ts';
import { describeVcpus } from './describe.ts';
import { appliedEmulatorsched } from './libvirt-version.ts';
import { effectiveEmulatorAffinity, effectiveIothreadAffinity, housekeepingTargetFor, isDedicated, vcpuAffinityGroups, type Affinity } from './affinity.ts';

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

const POLICIES: ReadonlySet<string> = new Set(['fifo', 'rr', 'batch', 'idle', 'other']);

export function isRealtimePolicy(p: SchedPolicy): boolean {
  return p === 'fifo' || p === 'rr';
}

/**
 * Whether thread `a` can keep thread `b` off a CPU they share (sched(7), kernel/sched/rt.c): a
 * SCHED_FIFO or SCHED_RR thread preempts every SCHED_OTHER, BATCH or IDLE one and every realtime
 * one of lower priority, and runs until it blocks or a higher priority wakes. At equal priority
 * FIFO keeps the CPU and RR gives it up for a whole time slice (100 ms), so either side counts. A
 * realtime thread never starves one of higher priority. A priority left out (libvirt requires one
 * for fifo and rr) is taken to be able to.
 */
export function canStarve(a: Pick<ThreadGroup, 'policy' | 'priority'>, b: Pick<ThreadGroup, 'policy' | 'priority'>): boolean {
  if (!isRealtimePolicy(a.policy)) return false;
  if (!isRealtimePolicy(b.policy) || a.priority === undefined || b.priority === undefined) return true;
  return a.priority >= b.priority;
}

/** The vCPUs among `vcpus` whose scheduling lets them starve `victim` on a shared CPU (canStarve). */
export function vcpusThatCanStarve(d: DomainModel, host: HostModel | undefined, vcpus: CpuSet, victim: Pick<ThreadGroup, 'policy' | 'priority'>): CpuSet {
  let out = CpuSet.empty;
  for (const t of domainThreads(d, host)) if (t.kind === 'vcpu' && canStarve(t, victim)) out = out.union(t.ids.intersect(vcpus));
  return out;
}

/** Whether `thread` can starve any of `vcpus` on a shared CPU (canStarve). */
export function canStarveAnyVcpu(d: DomainModel, host: HostModel | undefined, vcpus: CpuSet, thread: Pick<ThreadGroup, 'policy' | 'priority'>): boolean {
  return domainThreads(d, host).some((t) => t.kind === 'vcpu' && t.ids.intersects(vcpus) && canStarve(thread, t));
}

function policyOf(sched: ThreadSched | undefined): SchedPolicy {
  return sched?.scheduler !== undefined && POLICIES.has(sched.scheduler) ? (sched.scheduler as SchedPolicy) : 'other';
}

/**
 * Splits `ids` by the `*sched` elements covering them. libvirt rejects
 * overlapping scheduler sets (virDomainSchedulerParse... "overlapping"), so the
 * first element covering an id decides it.
 */
function splitBySched<S extends ThreadSched>(ids: CpuSet, scheds: readonly S[], idsOf: (s: S) => CpuSet | undefined): Array<{ ids: CpuSet; sched: S | undefined }> {
  const out: Array<{ ids: CpuSet; sched: S | undefined }> = [];
  let rest = ids;
  for (const s of scheds) {
    const covered = idsOf(s);
    if (!covered || rest.isEmpty) continue;
    const part = rest.intersect(covered);
    if (part.isEmpty) continue;
    out.push({ ids: part, sched: s });
    rest = rest.subtract(part);
  }
  if (!rest.isEmpty) out.push({ ids: rest, sched: undefined });
  return out;
}

/** All thread groups of a domain, computed once per (domain, host). */
export const domainThreads: (d: DomainModel, host?: HostModel) => ThreadGroup[] = memoPerDomain(computeThreads);

function computeThreads(d: DomainModel, host: HostModel | undefined): ThreadGroup[] {
  const out: ThreadGroup[] = [];
  const vcpusched = d.cputune?.vcpusched ?? [];
  for (const g of vcpuAffinityGroups(d, host)) {
    for (const part of splitBySched(g.vcpus, vcpusched, (s) => s.vcpus)) {
      out.push({ kind: 'vcpu', ids: part.ids, affinity: g.affinity, policy: policyOf(part.sched), priority: part.sched?.priority, sched: part.sched });
    }
  }
  // libvirt before 5.3.0 drops <emulatorsched> (appliedEmulatorsched): the emulator stays SCHED_OTHER.
  const emulatorsched = appliedEmulatorsched(d, host);
  out.push({ kind: 'emulator', ids: CpuSet.empty, affinity: effectiveEmulatorAffinity(d, host), policy: policyOf(emulatorsched), priority: emulatorsched?.priority, sched: emulatorsched });
  const iothreadsched = d.cputune?.iothreadsched ?? [];
  for (const id of d.iothreadIds) {
    const sched = iothreadsched.find((s) => s.iothreads?.has(id));
    out.push({ kind: 'iothread', ids: CpuSet.of(id), affinity: effectiveIothreadAffinity(d, id, host), policy: policyOf(sched), priority: sched?.priority, sched });
  }
  return out;
}

/**
 * The host CPUs dedicated to a vCPU (a vCPU whose effective affinity is exactly
 * one CPU, rules.md §0), with the vCPUs on each. Several vCPUs on one CPU is a
 * collision, not two dedications, but both are listed so rules can say so.
 */
export const dedicatedVcpuCpus: (d: DomainModel, host?: HostModel) => ReadonlyMap<number, CpuSet> = memoPerDomain((d, host) => {
  const out = new Map<number, CpuSet>();
  for (const g of vcpuAffinityGroups(d, host)) {
    if (!isDedicated(g.affinity)) continue;
    const cpu = g.affinity.cpus!.min!;
    out.set(cpu, (out.get(cpu) ?? CpuSet.empty).union(g.vcpus));
  }
  return out;
});

/** Union of the CPUs in `dedicatedVcpuCpus`. */
export const dedicatedCpuSet: (d: DomainModel, host?: HostModel) => CpuSet = memoPerDomain((d, host) => CpuSet.of(...dedicatedVcpuCpus(d, host).keys()));

/** The vCPUs dedicated to any CPU of `cpus` (CPUs no vCPU is dedicated to contribute nothing). */
export function vcpusDedicatedWithin(d: DomainModel, cpus: CpuSet, host?: HostModel): CpuSet {
  const dedicated = dedicatedVcpuCpus(d, host);
  const hit = cpus.intersect(dedicatedCpuSet(d, host));
  let out = CpuSet.empty;
  for (let k = 0; k < hit.intervalCount; k++) {
    for (let cpu = hit.intervalLo(k), hi = hit.intervalHi(k); cpu <= hi; cpu++) out = out.union(dedicated.get(cpu)!);
  }
  return out;
}

/** Human name of a thread group, for messages: "vCPU 3", "vCPUs 0-3", "the emulator", "IOThread 1". */
export function describeThread(t: ThreadGroup): string {
  if (t.kind === 'emulator') return 'the emulator';
  if (t.kind === 'iothread') return `${t.ids.size === 1 ? 'IOThread' : 'IOThreads'} ${t.ids.toString()}`;
  return describeVcpus(t.ids);
}

/**
 * True when any vCPU of the domain has a realtime (fifo or rr) `<vcpusched>`:
 * a realtime guest in kvm-realtime's sense. The scan of `<vcpusched>` is cheap
 * and answers most domains before any thread is computed.
 */
export function isRealtimeDomain(d: DomainModel): boolean {
  const scheds = d.cputune?.vcpusched;
  if (!scheds || !scheds.some((s) => s.scheduler === 'fifo' || s.scheduler === 'rr')) return false;
  return domainThreads(d).some((t) => t.kind === 'vcpu' && isRealtimePolicy(t.policy));
}

/** Union of the CPUs the domain's valid `vcpupin`s name (dedicated or floating). */
export const vcpupinCpus: (d: DomainModel, host?: HostModel) => CpuSet = memoPerDomain((d, host) =>
  CpuSet.fromIntervals(vcpuAffinityGroups(d, host).flatMap((g) => (g.affinity.source === 'vcpupin' && g.affinity.cpus ? g.affinity.cpus.intervals() : []))),
);

/**
 * Where a fix may pin the emulator (missing-emulatorpin, emulatorpin-overlaps-vcpus): the housekeeping
 * CPUs of the vCPUs' nodes (housekeepingTargetFor) minus every CPU a vCPU is pinned to (dedicated or
 * floating) and the SMT siblings of the dedicated ones, so that the pin it writes is not the next
 * finding (emulatorpin-overlaps-vcpus, vcpu-floating-pin, smt-sibling-sharing). Undefined when nothing
 * is left, when the host's housekeeping is unknown, or when the emulator is realtime itself: a fifo/rr
 * emulator spread over housekeeping CPUs starves them (realtime-sched-unsafe), and giving it a CPU of
 * its own is a capacity decision.
 */
export function emulatorTargetFor(d: DomainModel, host: HostModel | undefined): { cpus: CpuSet; nodes: CpuSet | undefined } | undefined {
  // Without a known housekeeping set there is no target: decided before the vCPU pins are gathered.
  if (!host?.housekeeping || host.housekeeping.isEmpty) return undefined;
  const target = housekeepingTargetFor(vcpupinCpus(d, host), host);
  if (!target) return undefined;
  // The emulator's policy is <emulatorsched>'s (read directly: the thread groups need not be built for this).
  const emulatorScheduler = appliedEmulatorsched(d, host)?.scheduler;
  if (emulatorScheduler === 'fifo' || emulatorScheduler === 'rr') return undefined;
  let avoid = CpuSet.empty;
  for (const g of vcpuAffinityGroups(d, host)) {
    const cpus = g.affinity.cpus;
    if (!cpus || (g.affinity.source !== 'vcpupin' && g.affinity.source !== 'vcpu-cpuset')) continue;
    avoid = avoid.union(cpus);
    if (isDedicated(g.affinity)) avoid = avoid.union(host.siblingsOf(cpus.min!) ?? CpuSet.empty);
  }
  const cpus = target.cpus.subtract(avoid);
  return cpus.isEmpty ? undefined : { cpus, nodes: target.nodes };
}

/** Thread groups whose affinity has at most this many CPUs are indexed per CPU; wider ones are scanned. */
const INDEXED_WIDTH = 64;

interface CpuThreadIndex {
  narrow: Map<number, ThreadGroup[]>;
  wide: ThreadGroup[];
  everywhere: ThreadGroup[];
  position: Map<ThreadGroup, number>;
}

const cpuThreadIndex = memoPerDomain((d, host): CpuThreadIndex => {
  const index: CpuThreadIndex = { narrow: new Map(), wide: [], everywhere: [], position: new Map() };
  for (const t of domainThreads(d, host)) {
    index.position.set(t, index.position.size);
    const cpus = t.affinity.cpus;
    // The default affinity is every online CPU, unless the host's libvirt leaves the isolated ones out (then it is indexed as a set).
    if (t.affinity.source === 'all-online' && (!host || !cpus || cpus.equals(host.online))) index.everywhere.push(t);
    else if (!cpus) continue;
    else if (cpus.size > INDEXED_WIDTH) index.wide.push(t);
    else {
      for (let k = 0; k < cpus.intervalCount; k++) {
        for (let c = cpus.intervalLo(k), b = cpus.intervalHi(k); c <= b; c++) {
          const list = index.narrow.get(c);
          if (list) list.push(t);
          else index.narrow.set(c, [t]);
        }
      }
    }
  }
  return index;
});

/**
 * The thread groups that may run on host CPU `cpu`, in `domainThreads` order:
 * those whose known affinity includes it and, unless `explicitOnly` (only sets written in the XML: a pin or `<vcpu cpuset>`), those left
 * on every online CPU, which may run anywhere with or without a host; numad's
 * advice and cpusets that do not parse are unknown and left out. Indexed once per (domain, host),
 * so asking for every dedicated CPU of a large guest stays linear.
 */
export function threadsOnCpu(d: DomainModel, cpu: number, host?: HostModel, opts: { except?: ThreadGroup; explicitOnly?: boolean } = {}): ThreadGroup[] {
  const index = cpuThreadIndex(d, host);
  const hits = new Set<ThreadGroup>(index.narrow.get(cpu) ?? []);
  for (const t of index.wide) if (t.affinity.cpus!.has(cpu)) hits.add(t);
  if (!opts.explicitOnly) for (const t of index.everywhere) hits.add(t);
  if (opts.except) hits.delete(opts.except);
  return [...hits].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

/**
 * The thread groups whose affinity overlaps `cpus`, in `domainThreads` order, with threadsOnCpu's
 * options: for a thread allowed several CPUs, which others it may meet on any of them.
 */
export function threadsOverlapping(d: DomainModel, cpus: CpuSet, host?: HostModel, opts: { except?: ThreadGroup; explicitOnly?: boolean } = {}): ThreadGroup[] {
  const index = cpuThreadIndex(d, host);
  return domainThreads(d, host).filter((t) => {
    if (t === opts.except) return false;
    if (index.everywhere.includes(t)) return !opts.explicitOnly;
    return t.affinity.cpus !== undefined && t.affinity.cpus.intersects(cpus);
  });
}

/** The vCPUs with realtime (fifo or rr) scheduling; built in one pass, so thousands of vcpusched groups stay linear. */
export const realtimeVcpus: (d: DomainModel, host?: HostModel) => CpuSet = memoPerDomain((d, host) => {
  if (!d.cputune?.vcpusched.some((s) => s.scheduler === 'fifo' || s.scheduler === 'rr')) return CpuSet.empty;
  return CpuSet.fromIntervals(domainThreads(d, host).flatMap((t) => (t.kind === 'vcpu' && isRealtimePolicy(t.policy) ? t.ids.intervals() : [])));
});
