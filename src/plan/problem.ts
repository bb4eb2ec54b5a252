/**
 * The placement problem of one host plan, in the terms the placement rules use
 * (src/model/): which host cores may carry a dedicated vCPU, what each node has
 * left of its hugepage pools and of its free memory above the high watermark,
 * and what each planned guest cell needs. The solver (solve.ts) only sees the
 * numbers built here, so the planner's constraints are the rules' constraints:
 *
 * - a dedicated vCPU sits alone on an isolated, online CPU (housekeeping-overlap,
 *   dedicated-cpu-conflict, pin-target-offline), on a core whose SMT siblings are
 *   all isolated and carry no other guest (smt-sibling-sharing);
 * - guest `threads` = t > 1: each t consecutive vCPUs on the siblings of one host
 *   core; t = 1: one vCPU per host core (guest-smt-topology-mismatch);
 * - each guest cell on one host node, different cells on different nodes
 *   (guest-cell-spans-host-nodes, pin-crosses-nodeset; Nova's _numa_fit_instance_cell
 *   asks the same), its memory bound strictly there;
 * - hugepages per node within each pool's nr_hugepages (insufficient-hugepages);
 * - small-page memory within each node's MemFree minus its high watermark share
 *   (numa-memory-insufficient, min-free-kbytes-exceeds-node-free);
 * - a guest without cells too large for any node is interleaved over the fewest
 *   nodes that hold it, vCPUs and memory split evenly (insufficient-hugepages
 *   spreads interleaved pages the same way);
 * - on a hybrid host (src/model/cpu-capacity.ts), all of a guest's vCPUs on cores
 *   of one class (guest-smt-topology-mismatch's mixedCoreTypes), and a guest with
 *   realtime vCPUs on the fastest class (realtime-sched-unsafe's slowCore).
 *
 * Guests that are not pinned (no vcpupin, no `<vcpu cpuset>`) or placed by numad are
 * not planned: they stay as they are, and what they use is taken off the nodes.
 */
import type { LintedDomain, Diagnostic } from '../engine/types.ts';
import { affinityUses } from '../model/plan-cpus.ts';
import { isPinned, isDedicated, vcpuAffinityGroups } from '../model/affinity.ts';
import { isRealtimeDomain } from '../model/threads.ts';
import { CpuSet } from '../model/cpuset.ts';
import type { HostModel } from '../model/host.ts';
import { hostNodeWatermarks } from '../model/node-memory.ts';
import { memoryDemands, spreadEvenly, strictSmallPageShares } from '../model/memory-demand.ts';
import { guestMemorySlices, hugepageBacking } from '../model/numa.ts';
import { excerpt } from '../model/describe.ts';

/** The longest guest name a plan shows. */
const GUEST_LABEL_MAX = 64;

/** A host core whose every SMT sibling is an isolated online CPU no unplanned guest may run on. */
export interface PlanCore {
  node: number;
  /** The core's CPUs, ascending. */
  cpus: number[];
  /**
   * Its class on a hybrid host: the index of the host's CPU class (0 the fastest), or the number of classes
   * for a core the snapshot gives no class; 0 on every host whose CPUs are alike.
   */
  cls: number;
}

export interface PlanNode {
  id: number;
  /** Usable cores, ascending by first CPU. */
  cores: PlanCore[];
  /** Housekeeping CPUs of the node. */
  housekeeping: CpuSet;
  /** Hugepages left per page size (KiB): nr_hugepages minus what unplanned guests bind here. */
  pages: Map<number, number>;
  /** Small-page KiB left above the high watermark (Infinity when MemFree is unknown). */
  smallKiB: number;
  /** MemTotal is 0: no memory may be bound here (numatune-memoryless-node). */
  memoryless: boolean;
  /** The unplanned guests that bind hugepages or small pages here, by label. */
  unplannedBinders: string[];
  /** Small-page KiB those guests bind here strictly (already taken off smallKiB). */
  unplannedSmallKiB: number;
}

export interface PlanCell {
  /** Guest cell id; undefined for a guest without cells. */
  cellId: number | undefined;
  vcpus: number[];
  /** vCPUs that share one host core (a guest core of `threads` vCPUs), each unit needs a core of at least its size. */
  units: number[][];
  /** Hugepage size backing the cell, undefined for small pages. */
  pageSizeKiB: number | undefined;
  /** Hugepages needed (ceil(memory / page size)), 0 for small pages. */
  pages: number;
  /** Small-page KiB needed, 0 for hugepages. */
  smallKiB: number;
  /** The host node all of the cell's vCPUs are pinned to today, if one. */
  currentNode: number | undefined;
}

export interface PlanGuest {
  linted: LintedDomain;
  /** The domain's name, else its file. */
  label: string;
  cells: PlanCell[];
  threads: number;
  /** A guest without cells may be interleaved over several nodes when no node holds it. */
  spreadable: boolean;
  /** vCPU → the one CPU it is dedicated to today. */
  currentPins: Map<number, number>;
  /** No placement finding on it and a consistent layout today: kept as it is when the rest allows. */
  fine: boolean;
  /** Core classes its vCPUs may take (all on one), in the order to try: [0] on a host whose CPUs are alike. */
  classes: number[];
}

export interface PlanProblem {
  host: HostModel;
  nodes: PlanNode[];
  guests: PlanGuest[];
  /** Guests left as they are (unpinned, numad), with why. */
  unplanned: Array<{ linted: LintedDomain; why: string }>;
  /** Why the host cannot be planned at all (no housekeeping set, …). */
  refusal: string | undefined;
}

/** Rules whose findings a placement changes: the planner's output must leave none of them (warning or error). */
export const PLACEMENT_RULES: ReadonlySet<string> = new Set([
  'pin-crosses-nodeset',
  'housekeeping-overlap',
  'dedicated-cpu-conflict',
  'vcpu-pin-collision',
  'smt-sibling-sharing',
  'guest-smt-topology-mismatch',
  'guest-cell-spans-host-nodes',
  'emulatorpin-overlaps-vcpus',
  'missing-emulatorpin',
  'iothread-placement',
  'insufficient-hugepages',
  'numa-memory-insufficient',
  'min-free-kbytes-exceeds-node-free',
  'vcpu-floating-pin',
  'vcpu-partially-pinned',
  'isolcpus-floating-affinity',
  'realtime-sched-unsafe',
  'pin-target-offline',
  'numatune-memoryless-node',
]);

export function isPlacementFinding(d: Pick<Diagnostic, 'ruleId' | 'severity'>): boolean {
  return d.severity !== 'info' && PLACEMENT_RULES.has(d.ruleId);
}

/** A guest as a plan names it, cut as messages cut names (a <name> can be megabytes). */
export function guestLabel(ld: LintedDomain): string {
  return excerpt(ld.domain.name ?? ld.source.path, GUEST_LABEL_MAX);
}

/**
 * Small-page KiB node `id` can take before it drops below its high watermark (numa-memory-insufficient's
 * verdict, src/model/node-memory.ts): free memory and the page cache and slab the kernel reclaims.
 */
function smallPageRoom(host: HostModel, id: number): number {
  const node = host.node(id)!;
  if (node.memFreeKiB === undefined) return Number.POSITIVE_INFINITY;
  const share = hostNodeWatermarks(host)?.shares.get(id);
  return node.memFreeKiB + (node.reclaimableKiB ?? 0) - (share?.highKiB ?? 0);
}

export function buildPlanProblem(host: HostModel, domains: readonly LintedDomain[], diagnostics: readonly Diagnostic[]): PlanProblem {
  const hk = host.housekeeping;
  const problem: PlanProblem = { host, nodes: [], guests: [], unplanned: [], refusal: undefined };
  if (!hk || hk.isEmpty) {
    problem.refusal = `${host.name} declares no isolated CPUs (no isolcpus, nohz_full or tuned isolated_cores, and no housekeeping in the config): dedicated vCPUs have nowhere to go`;
    return problem;
  }
  const isolated = host.online.subtract(hk);
  const classes = host.cpuClasses;
  // A CPU of no known class is a class of its own (after the known ones): the plan never mixes it in.
  const classOfCpu = (cpu: number): number => (classes ? (classes.classOf(cpu) ?? classes.classes.length) : 0);
  // Every guest a placement finding involves may move, not only the one it is reported on: a pool shortage or a
  // shared CPU is reported once, on one guest, with the others related; which of them moves is the planner's choice.
  const placementFindings = new Set(diagnostics.filter(isPlacementFinding).flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));

  // Unplanned guests first: what they may run on and what they bind is not the planner's to move.
  let taken = CpuSet.empty;
  const pagesUsed = new Map<string, number>();
  const smallUsed = new Map<number, number>();
  const planned: LintedDomain[] = [];
  const bindersOf = new Map<number, Set<string>>();
  const binds = (node: number, ld: LintedDomain) => {
    const set = bindersOf.get(node) ?? new Set<string>();
    set.add(guestLabel(ld));
    bindersOf.set(node, set);
  };
  for (const ld of domains) {
    const d = ld.domain;
    const why = !isPinned(d) ? 'not pinned' : d.vcpu?.placement === 'auto' ? 'placed by numad' : undefined;
    if (why === undefined) {
      planned.push(ld);
      continue;
    }
    problem.unplanned.push({ linted: ld, why });
    for (const use of affinityUses(d, host)) taken = taken.union(use.reach);
    for (const s of strictSmallPageShares(d)) {
      smallUsed.set(s.node, (smallUsed.get(s.node) ?? 0) + s.kib);
      binds(s.node, ld);
    }
    for (const m of memoryDemands(d)) {
      if (!m.hugepages) continue;
      const size = m.hugepages.sizeKiB ?? host.defaultHugepageSizeKiB;
      if (size === undefined) continue;
      const pages = Math.ceil(m.kib / size);
      const add = (n: number, p: number) => {
        pagesUsed.set(`${n}:${size}`, (pagesUsed.get(`${n}:${size}`) ?? 0) + p);
        binds(n, ld);
      };
      if (m.target.kind === 'node') add(m.target.node, pages);
      else if (m.target.kind === 'interleave') for (const [n, p] of spreadEvenly(pages, m.target.nodes)) add(n, p);
    }
  }

  for (const node of host.nodes) {
    const cores: PlanCore[] = [];
    const seen = new Set<number>();
    for (const cpu of node.cpus.intersect(isolated).toArray()) {
      if (seen.has(cpu)) continue;
      // An offline sibling runs nothing: the kernel drops it from the core's sibling mask on unplug
      // (x86 remove_siblinginfo); a snapshot imported or written by hand may still list it.
      const siblings = (host.siblingsOf(cpu) ?? CpuSet.of(cpu)).intersect(host.online);
      for (const s of siblings.toArray(4096)) seen.add(s);
      // Every sibling isolated, online and out of every unplanned guest's reach (smt-sibling-sharing).
      if (!siblings.isSubsetOf(isolated) || siblings.intersects(taken)) continue;
      const cpus = siblings.toArray(4096);
      cores.push({ node: node.id, cpus, cls: Math.max(...cpus.map(classOfCpu)) });
    }
    const pages = new Map<number, number>();
    for (const pool of node.hugepages) pages.set(pool.sizeKiB, pool.total - (pagesUsed.get(`${node.id}:${pool.sizeKiB}`) ?? 0));
    problem.nodes.push({
      id: node.id,
      cores,
      housekeeping: hk.intersect(node.cpus),
      pages,
      smallKiB: smallPageRoom(host, node.id) - (smallUsed.get(node.id) ?? 0),
      memoryless: node.memTotalKiB === 0,
      unplannedBinders: [...(bindersOf.get(node.id) ?? [])],
      unplannedSmallKiB: smallUsed.get(node.id) ?? 0,
    });
  }

  for (const ld of planned) {
    const guest = buildGuest(host, ld, isolated, classOfCpu);
    if (typeof guest === 'string') {
      problem.unplanned.push({ linted: ld, why: guest });
      continue;
    }
    guest.fine = guest.fine && !placementFindings.has(ld.source.path);
    problem.guests.push(guest);
  }
  return problem;
}

/** The guest's cells and what each needs, or why it cannot be planned. */
function buildGuest(host: HostModel, ld: LintedDomain, isolated: CpuSet, classOfCpu: (cpu: number) => number): PlanGuest | string {
  const d = ld.domain;
  const threads = d.cpu?.topology?.threads ?? 1;
  if (!d.vcpu?.maxKnown && d.vcpu !== undefined) return 'its <vcpu> count does not parse';
  const max = d.maxVcpus;
  const currentPins = new Map<number, number>();
  for (const g of vcpuAffinityGroups(d, host)) {
    if (g.affinity.source === 'vcpupin' && isDedicated(g.affinity)) currentPins.set(g.vcpus.min!, g.affinity.cpus!.min!);
  }

  const slices = guestMemorySlices(d);
  const cells = d.cpu?.cells ?? [];
  const guestCells: Array<{ cellId: number | undefined; vcpus: number[]; kib: number }> = [];
  if (cells.length === 0) {
    guestCells.push({ cellId: undefined, vcpus: range(max), kib: slices[0]?.memoryKiB ?? 0 });
  } else {
    const ids = cells.map((c) => c.id);
    if (ids.some((id) => id === undefined) || new Set(ids).size !== ids.length) return 'its guest NUMA cells have bad ids';
    let rest = CpuSet.range(0, max - 1);
    for (const c of cells) {
      const set = c.cpus?.set ?? CpuSet.empty;
      if (!set.isSubsetOf(rest)) return 'its guest NUMA cells share vCPUs or name missing ones';
      rest = rest.subtract(set);
      guestCells.push({ cellId: c.id, vcpus: set.toArray(), kib: c.memoryKiB ?? 0 });
    }
    // libvirt adds vCPUs of no cell to cell 0 (guest-numa-coverage); so does the plan.
    const lowest = guestCells.reduce((a, b) => (b.cellId! < a.cellId! ? b : a));
    lowest.vcpus = [...lowest.vcpus, ...rest.toArray()].sort((a, b) => a - b);
  }

  const out: PlanCell[] = [];
  for (const gc of guestCells) {
    const units = new Map<number, number[]>();
    for (const v of gc.vcpus) {
      const k = Math.floor(v / threads);
      const u = units.get(k);
      if (u) u.push(v);
      else units.set(k, [v]);
    }
    const backing = hugepageBacking(d, gc.cellId);
    const pageSizeKiB = backing ? (backing.spec?.sizeKiB ?? host.defaultHugepageSizeKiB) : undefined;
    if (backing && pageSizeKiB === undefined) return 'its hugepage size is the host default, which the snapshot does not record';
    const nodes = new Set(gc.vcpus.map((v) => currentPins.get(v)).map((c) => (c === undefined ? undefined : host.nodeOfCpu(c))));
    out.push({
      cellId: gc.cellId,
      vcpus: gc.vcpus,
      units: [...units.values()],
      pageSizeKiB,
      pages: pageSizeKiB === undefined ? 0 : Math.ceil(gc.kib / pageSizeKiB),
      smallKiB: pageSizeKiB === undefined ? gc.kib : 0,
      currentNode: nodes.size === 1 ? [...nodes][0] : undefined,
    });
  }
  // A guest core must not straddle two guest cells: its vCPUs share one host core, so one node.
  const cellOf = new Map<number, number>();
  out.forEach((c, i) => c.vcpus.forEach((v) => cellOf.set(v, i)));
  for (const c of out) for (const u of c.units) if (u.some((v) => cellOf.get(v) !== cellOf.get(u[0]!))) return `a guest core (threads='${threads}') straddles two guest cells`;

  const allPinned = range(max).every((v) => currentPins.has(v));
  const cpus = [...currentPins.values()];
  const fine =
    allPinned &&
    new Set(cpus).size === cpus.length &&
    cpus.every((c) => isolated.has(c)) &&
    out.every((c) => c.currentNode !== undefined) &&
    new Set(out.map((c) => c.currentNode)).size === out.length;
  return { linted: ld, label: guestLabel(ld), cells: out, threads, spreadable: cells.length === 0, currentPins, fine, classes: guestClasses(host, d, cpus, classOfCpu) };
}

/**
 * The core classes a guest may take, in the order the search tries them: only the fastest for a guest with
 * realtime vCPUs (realtime-sched-unsafe's slowCore); else the class its pins are all on today first (a guest
 * moves no further than it must), then the others fastest first. A CPU of no known class is never chosen.
 */
function guestClasses(host: HostModel, d: LintedDomain['domain'], pinnedCpus: readonly number[], classOfCpu: (cpu: number) => number): number[] {
  const classes = host.cpuClasses;
  if (!classes) return [0];
  if (isRealtimeDomain(d)) return [0];
  const all = classes.classes.map((_, i) => i);
  const today = new Set(pinnedCpus.map(classOfCpu));
  const current = today.size === 1 ? [...today][0]! : undefined;
  return current === undefined || current >= all.length ? all : [current, ...all.filter((k) => k !== current)];
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
