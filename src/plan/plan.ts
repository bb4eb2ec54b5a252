/**
 * `kvmlint plan` for one host: the placement problem (problem.ts), solved exactly
 * (solve.ts), turned into CPUs per vCPU and into edits of each domain file
 * (rewrite.ts). Guests that are fine keep their pins when the rest of the plan
 * allows it; when it does not, every guest may move (preferring its current node),
 * and only when that fails too is the plan infeasible, with the short resource named.
 */
import type { Diagnostic, LintedDomain, LintHost } from '../engine/types.ts';
import { housekeepingTargetFor } from '../model/affinity.ts';
import { CpuSet } from '../model/cpuset.ts';
import { formatKiB } from '../model/units.ts';
import { buildPlanProblem, guestLabel, isPlacementFinding, type PlanCell, type PlanCore, type PlanGuest, type PlanNode, type PlanProblem } from './problem.ts';
import { applyLayout, layoutFixes, type GuestLayout } from './rewrite.ts';
import { evenSplit, solvePlacement, type SolverCell, type SolverNode, type SolveResult } from './solve.ts';
import { definedGuests } from '../model/domain-identity.ts';

export interface GuestChange {
  linted: LintedDomain;
  label: string;
  /** Host nodes before (of its pinned vCPUs) and after. */
  from: CpuSet;
  to: CpuSet;
  /** The new text, when it changed. */
  text: string | undefined;
}

export type HostPlan =
  | { host: LintHost; status: 'unchanged'; guests: number; reason: string }
  | { host: LintHost; status: 'planned'; changes: GuestChange[]; kept: string[]; unplanned: Array<{ label: string; why: string }>; steps: number; ms: number }
  | { host: LintHost; status: 'infeasible'; shortages: string[]; steps: number; ms: number }
  /** The step limit ran out: no layout was found, and none was ruled out either. */
  | { host: LintHost; status: 'gave-up'; steps: number; ms: number }
  | { host: LintHost; status: 'refused'; reason: string };

export interface PlanHostOptions {
  maxSteps?: number;
  /**
   * Files of this host's plan that are not well-formed XML. Their guests' placements are unknown,
   * so no layout is computed: one could put another guest on their CPUs, nodes or hugepages.
   */
  unparsed?: readonly string[];
}

/** Plans one host: the domains planned on it and the findings the lint kept for them. */
export function planHost(host: LintHost, files: readonly LintedDomain[], diagnostics: readonly Diagnostic[], options: PlanHostOptions = {}): HostPlan {
  const t0 = performance.now();
  // A copied or symlinked file is one guest (the plan rules count it once too): it is planned once.
  const domains = definedGuests(files);
  // Before "no placement finding": a guest that does not parse has none because it cannot be read, and
  // the host was reported unchanged (exit 0) with its CPUs and memory unknown.
  const unparsed = options.unparsed ?? [];
  if (unparsed.length > 0) {
    const named = unparsed.length === 1 ? unparsed[0]! : `${unparsed[0]} and ${unparsed.length - 1} more`;
    return { host, status: 'refused', reason: `${named} ${unparsed.length === 1 ? 'is' : 'are'} not well-formed XML (xml-malformed): the placement of ${unparsed.length === 1 ? 'its guest' : 'their guests'} is unknown` };
  }
  // So is a guest kvmlint does not read as libvirt does (a second <cputune>, a value split by an element, an element in
  // another namespace): its pins and memory as libvirt applies them are unknown, and a layout could land on them.
  const unreadable = [...new Set(diagnostics.filter((d) => d.ruleId === 'value-invalid' && d.messageId === 'unreadable').map((d) => d.file))];
  if (unreadable.length > 0) {
    const named = unreadable.length === 1 ? unreadable[0]! : `${unreadable[0]} and ${unreadable.length - 1} more`;
    return { host, status: 'refused', reason: `${named} ${unreadable.length === 1 ? 'is' : 'are'} not read as libvirt reads ${unreadable.length === 1 ? 'it' : 'them'} (value-invalid): the placement of ${unreadable.length === 1 ? 'its guest' : 'their guests'} is unknown` };
  }
  // And so is a guest libvirt refuses to define (`cpuset='4-2'`, `<vcpu>0</vcpu>`, a memnode for a missing cell): the
  // model drops or misreads the value libvirt refuses (a vcpupin whose cpuset does not parse pins nothing here), so
  // "unchanged" (exit 0) or a layout around it would vouch for a placement libvirt never applies. The model's own
  // problems are read too: a directive or a config in the pull request can silence the finding, not the refusal.
  const refusedBy = new Map<string, string>();
  for (const d of diagnostics) if (isDefineRefusal(d) && !refusedBy.has(d.file)) refusedBy.set(d.file, d.ruleId);
  for (const ld of domains) {
    const p = ld.domain.problems.find((p) => p.cpuset?.kind === 'invalid' || (p.ruleId === 'value-invalid' && (p.severity ?? 'error') === 'error' && p.since === undefined));
    if (p && !refusedBy.has(ld.source.path)) refusedBy.set(ld.source.path, p.ruleId);
  }
  if (refusedBy.size > 0) {
    const [file, ruleId] = [...refusedBy][0]!;
    const named = refusedBy.size === 1 ? file : `${file} and ${refusedBy.size - 1} more`;
    return { host, status: 'refused', reason: `${named} ${refusedBy.size === 1 ? 'has' : 'have'} a value libvirt refuses (${ruleId}): the placement of ${refusedBy.size === 1 ? 'its guest' : 'their guests'} is unknown` };
  }
  if (!diagnostics.some(isPlacementFinding)) return { host, status: 'unchanged', guests: domains.length, reason: 'no placement finding' };
  const problem = buildPlanProblem(host.model, domains, diagnostics);
  if (problem.refusal) return { host, status: 'refused', reason: problem.refusal };
  // Guests the plan does not move may already bind more than a node has: no layout of the others fixes that.
  const overdrawn = unplannedOverdraw(problem);
  if (overdrawn.length > 0) return { host, status: 'infeasible', shortages: overdrawn, steps: 0, ms: performance.now() - t0 };

  // First: keep every fine guest that does not collide with an earlier one; then let every guest move.
  const kept = keepFineGuests(problem);
  let attempt = solveWith(problem, kept, options);
  let keptSet = kept;
  if (attempt.result.status !== 'found' && kept.size > 0) {
    keptSet = new Map();
    attempt = solveWith(problem, keptSet, options);
  }
  const { result } = attempt;
  const ms = performance.now() - t0;
  if (result.status === 'gave-up') {
    return { host, status: 'gave-up', steps: result.steps, ms };
  }
  if (result.status === 'none') return { host, status: 'infeasible', shortages: explainShortage(problem), steps: result.steps, ms };

  const changes: GuestChange[] = [];
  const layouts = concreteLayouts(problem, keptSet, attempt.cells, result.nodesOf, result.classOf);
  for (const [g, layout] of layouts) {
    const d = g.linted.domain;
    const text = applyLayout(g.linted.source.text, layoutFixes(g.linted.source.text, d, layout));
    const from = host.model.nodesOfCpus(CpuSet.ofList([...g.currentPins.values()]));
    const to = layout.cellNodes.reduce((a, c) => a.union(c.nodes), CpuSet.empty);
    changes.push({ linted: g.linted, label: g.label, from, to, text: text === g.linted.source.text ? undefined : text });
  }
  return {
    host,
    status: 'planned',
    changes,
    // Kept whole, or placed by the search exactly where they were.
    kept: [...[...keptSet.keys()].map((g) => g.label), ...changes.filter((c) => c.text === undefined).map((c) => c.label)],
    unplanned: problem.unplanned.map((u) => ({ label: guestLabel(u.linted), why: u.why })),
    steps: result.steps,
    ms: performance.now() - t0,
  };
}

/**
 * Rules whose errors are values libvirt refuses when it defines the guest (virDomainDefParseXML and the
 * validators it runs): the guest as libvirt would run it is not what kvmlint's model holds.
 */
const DEFINE_REFUSAL_RULES: ReadonlySet<string> = new Set([
  'cpuset-syntax',
  'value-invalid',
  'vcpu-id-range',
  'numatune-invalid',
  'guest-numa-cell-invalid',
  'memory-config-invalid',
  'hugepages-config-invalid',
]);

function isDefineRefusal(d: Diagnostic): boolean {
  // A pin without cpuset is refused too, but it is a pin the plan writes (rewrite.ts gives it a cpuset).
  return d.severity === 'error' && DEFINE_REFUSAL_RULES.has(d.ruleId) && d.messageId !== 'pinNoCpuset';
}

/** Each node resource the unplanned guests alone bind beyond what the node has (their own findings say which guest). */
function unplannedOverdraw(problem: PlanProblem): string[] {
  const out: string[] = [];
  for (const n of problem.nodes) {
    if (n.unplannedBinders.length === 0) continue;
    const who = `${n.unplannedBinders.join(', ')}, which the plan does not move`;
    for (const [size, left] of n.pages) if (left < 0) out.push(`${formatKiB(size)} pages on node ${n.id}: ${who}, bind ${-left} more than the pool holds`);
    // A node already below its watermark without them is the host's finding, not theirs.
    if (n.smallKiB < 0 && n.smallKiB + n.unplannedSmallKiB >= 0) out.push(`memory on node ${n.id}: ${who}, bind ${formatKiB(-n.smallKiB)} more than it has above the high watermark`);
  }
  return out;
}

/** A kept guest's cores and node per cell. */
type Keep = Map<PlanGuest, { cores: PlanCore[] }>;

/** The fine guests that fit together as they are, in file order; their cores and memory leave the pool. */
function keepFineGuests(problem: PlanProblem): Keep {
  const kept: Keep = new Map();
  const coreOf = new Map<number, PlanCore>();
  for (const n of problem.nodes) for (const c of n.cores) for (const cpu of c.cpus) coreOf.set(cpu, c);
  const claimed = new Set<PlanCore>();
  const pages = new Map(problem.nodes.map((n) => [n.id, new Map(n.pages)] as const));
  const small = new Map(problem.nodes.map((n) => [n.id, n.smallKiB] as const));
  for (const g of problem.guests) {
    if (!g.fine) continue;
    const cores: PlanCore[] = [];
    let ok = true;
    for (const cell of g.cells) {
      for (const unit of cell.units) {
        const core = coreOf.get(g.currentPins.get(unit[0]!)!);
        // The whole unit on one free core (guest threads on siblings), one unit per core.
        if (!core || claimed.has(core) || cores.includes(core) || !unit.every((v) => core.cpus.includes(g.currentPins.get(v)!))) ok = false;
        else cores.push(core);
      }
      const n = cell.currentNode!;
      if (cell.pages > 0 && (pages.get(n)?.get(cell.pageSizeKiB!) ?? 0) < cell.pages) ok = false;
      if (cell.smallKiB > 0 && (small.get(n) ?? 0) < cell.smallKiB) ok = false;
    }
    if (!ok) continue;
    for (const c of cores) claimed.add(c);
    for (const cell of g.cells) {
      const n = cell.currentNode!;
      if (cell.pages > 0) pages.get(n)!.set(cell.pageSizeKiB!, pages.get(n)!.get(cell.pageSizeKiB!)! - cell.pages);
      small.set(n, small.get(n)! - cell.smallKiB);
    }
    kept.set(g, { cores });
  }
  return kept;
}

interface CellRef {
  guest: PlanGuest;
  cell: PlanCell;
}

function solverNodes(problem: PlanProblem, kept: Keep): SolverNode[] {
  const claimed = new Set<PlanCore>();
  for (const { cores } of kept.values()) for (const c of cores) claimed.add(c);
  return problem.nodes.map((n) => {
    const pages = new Map(n.pages);
    let smallKiB = n.smallKiB;
    for (const g of kept.keys()) {
      for (const cell of g.cells) {
        if (cell.currentNode !== n.id) continue;
        if (cell.pages > 0) pages.set(cell.pageSizeKiB!, (pages.get(cell.pageSizeKiB!) ?? 0) - cell.pages);
        smallKiB -= cell.smallKiB;
      }
    }
    const free = n.cores.filter((c) => !claimed.has(c));
    return { id: n.id, coreSizes: free.map((c) => c.cpus.length), coreClasses: free.map((c) => c.cls), pages, smallKiB, memoryless: n.memoryless };
  });
}

function solveWith(problem: PlanProblem, kept: Keep, options: PlanHostOptions): { result: SolveResult; cells: CellRef[] } {
  const cells: CellRef[] = [];
  const solverCells: SolverCell[] = [];
  problem.guests.forEach((g, gi) => {
    if (kept.has(g)) return;
    for (const cell of g.cells) {
      cells.push({ guest: g, cell });
      solverCells.push({
        guest: gi,
        units: cell.units.map((u) => u.length),
        pageSizeKiB: cell.pageSizeKiB,
        pages: cell.pages,
        smallKiB: cell.smallKiB,
        preferredNode: cell.currentNode,
        spreadable: g.spreadable,
        classes: g.classes,
      });
    }
  });
  return { result: solvePlacement(solverNodes(problem, kept), solverCells, { maxSteps: options.maxSteps }), cells };
}

/** Chooses the CPUs: on each node, each unit takes a best-fit free core, its own current core when that is one. */
function concreteLayouts(problem: PlanProblem, kept: Keep, cells: readonly CellRef[], nodesOf: readonly number[][], classOf: readonly number[]): Map<PlanGuest, GuestLayout> {
  const claimed = new Set<PlanCore>();
  for (const { cores } of kept.values()) for (const c of cores) claimed.add(c);
  const nodeById = new Map(problem.nodes.map((n) => [n.id, n] as const));
  const pins = new Map<PlanGuest, Map<number, number>>();
  const cellNodes = new Map<PlanGuest, GuestLayout['cellNodes']>();
  const interleaved = new Set<PlanGuest>();

  /** Places the unit; with `ownOnly`, only on its own current core (when that is a best fit), else not at all. */
  const place = (g: PlanGuest, node: PlanNode, unit: number[], cls: number, ownOnly = false): boolean => {
    const free = node.cores.filter((c) => !claimed.has(c) && c.cls === cls && c.cpus.length >= unit.length);
    const best = free.reduce((min, c) => Math.min(min, c.cpus.length), Infinity);
    const fitting = free.filter((c) => c.cpus.length === best);
    const own = fitting.find((c) => c.cpus.includes(g.currentPins.get(unit[0]!) ?? -1));
    if (ownOnly && !own) return false;
    const core = own ?? fitting[0];
    if (!core) throw new Error(`plan: no free core left on node ${node.id} for ${g.label} (a solver bug)`);
    claimed.add(core);
    let map = pins.get(g);
    if (!map) pins.set(g, (map = new Map()));
    // A unit's vCPUs take the core's siblings in order; a guest core the same size as the host core fills it.
    const start = own && unit.length < core.cpus.length ? Math.max(0, core.cpus.indexOf(g.currentPins.get(unit[0]!)!)) : 0;
    unit.forEach((v, i) => map!.set(v, core.cpus[(start + i) % core.cpus.length]!));
    return true;
  };

  // Larger units first everywhere, as the solver's best fit counted them.
  const work: Array<{ g: PlanGuest; node: PlanNode; unit: number[]; cls: number }> = [];
  cells.forEach(({ guest, cell }, i) => {
    const nodes = nodesOf[i]!;
    const cls = classOf[i]!;
    let list = cellNodes.get(guest);
    if (!list) cellNodes.set(guest, (list = []));
    list.push({ cellId: cell.cellId, nodes: CpuSet.ofList(nodes) });
    if (nodes.length === 1) {
      for (const unit of cell.units) work.push({ g: guest, node: nodeById.get(nodes[0]!)!, unit, cls });
      return;
    }
    interleaved.add(guest);
    const units = [...cell.units].sort((a, b) => b.length - a.length);
    const byId = [...nodes].sort((a, b) => a - b);
    const split = evenSplit(units.length, byId.length);
    let at = 0;
    byId.forEach((n, k) => {
      for (const unit of units.slice(at, at + split[k]!)) work.push({ g: guest, node: nodeById.get(n)!, unit, cls });
      at += split[k]!;
    });
  });
  work.sort((a, b) => b.unit.length - a.unit.length);
  // Units whose own core is still free keep it first, so that a moving guest does not take a staying guest's
  // core only because it came earlier; each claim is still a best fit, so the solver's counts hold.
  const rest = work.filter((w) => !place(w.g, w.node, w.unit, w.cls, true));
  for (const w of rest) place(w.g, w.node, w.unit, w.cls);

  const out = new Map<PlanGuest, GuestLayout>();
  for (const [g, list] of cellNodes) {
    const map = pins.get(g) ?? new Map<number, number>();
    const nodes = list.reduce((a, c) => a.union(c.nodes), CpuSet.empty);
    // missing-emulatorpin's target: the housekeeping CPUs of the vCPUs' nodes, else all of them.
    let hk = map.size > 0 ? housekeepingTargetFor(CpuSet.ofList([...map.values()]), problem.host)?.cpus : problem.host.housekeeping!.intersect(problem.host.cpusOfNodes(nodes));
    if (!hk || hk.isEmpty) hk = problem.host.housekeeping!;
    out.set(g, { pins: map, housekeeping: hk, cellNodes: list, interleave: interleaved.has(g) });
  }
  return out;
}

/**
 * Why no layout exists, resource by resource: a guest cell no node can hold even
 * alone, or a resource the guests need more of in total than the host has left;
 * else the cells do not pack onto the nodes (each fits somewhere, not all at once).
 */
export function explainShortage(problem: PlanProblem): string[] {
  const out: string[] = [];
  const nodes = problem.nodes;
  const coresOf = (n: PlanNode, size: number) => n.cores.filter((c) => c.cpus.length >= size).length;
  const unitWord = (size: number) => (size === 1 ? 'isolated cores' : `isolated cores with ${size} threads`);
  const memoryNodes = nodes.filter((n) => !n.memoryless);
  const fitsSpread = (cell: PlanProblem['guests'][number]['cells'][number]): boolean => {
    const maxUnit = Math.max(1, ...cell.units.map((u) => u.length));
    const sum = (f: (n: PlanNode) => number) => memoryNodes.reduce((a, n) => a + Math.max(0, f(n)), 0);
    return (
      sum((n) => coresOf(n, maxUnit)) >= cell.units.length &&
      (cell.pages === 0 || sum((n) => n.pages.get(cell.pageSizeKiB!) ?? 0) >= cell.pages) &&
      (cell.smallKiB === 0 || sum((n) => n.smallKiB) >= cell.smallKiB)
    );
  };
  for (const g of problem.guests) {
    for (const cell of g.cells) {
      const maxUnit = Math.max(1, ...cell.units.map((u) => u.length));
      const fitsSomewhere = nodes.some(
        (n) =>
          !n.memoryless &&
          coresOf(n, maxUnit) >= cell.units.length &&
          (cell.pages === 0 || (n.pages.get(cell.pageSizeKiB!) ?? 0) >= cell.pages) &&
          (cell.smallKiB === 0 || n.smallKiB >= cell.smallKiB),
      );
      if (fitsSomewhere) continue;
      // A guest without cells may be interleaved: it is short only if all nodes together cannot hold it.
      if (g.spreadable && fitsSpread(cell)) continue;
      const what = cell.cellId === undefined ? g.label : `${g.label} cell ${cell.cellId}`;
      // The node closest to holding it: name each resource it lacks there.
      const lacks = nodes
        .filter((n) => !n.memoryless)
        .map((n) => {
          const l: string[] = [];
          const cores = coresOf(n, maxUnit);
          if (cores < cell.units.length) l.push(`${unitWord(maxUnit)} on node ${n.id}: needs ${cell.units.length}, has ${cores} free (short by ${cell.units.length - cores})`);
          const pages = n.pages.get(cell.pageSizeKiB ?? -1) ?? 0;
          if (cell.pages > 0 && pages < cell.pages) l.push(`${formatKiB(cell.pageSizeKiB!)} pages on node ${n.id}: needs ${cell.pages}, has ${pages} (short by ${cell.pages - pages})`);
          if (cell.smallKiB > 0 && n.smallKiB < cell.smallKiB) l.push(`memory on node ${n.id}: needs ${formatKiB(cell.smallKiB)}, has ${formatKiB(Math.max(0, n.smallKiB))} above the high watermark (short by ${formatKiB(cell.smallKiB - Math.max(0, n.smallKiB))})`);
          return l;
        })
        .sort((a, b) => a.length - b.length)[0];
      const spread = g.spreadable ? ', not even interleaved over several nodes' : '';
      out.push(`${what} fits on no node${spread}: ${lacks && lacks.length > 0 ? lacks.join('; ') : 'the host has no node with memory'}`);
    }
  }
  if (out.length > 0) return out;

  // Totals per resource.
  const sizes = [...new Set(problem.guests.flatMap((g) => g.cells.flatMap((c) => c.units.map((u) => u.length))))].sort((a, b) => b - a);
  for (const size of sizes) {
    const need = problem.guests.reduce((a, g) => a + g.cells.reduce((b, c) => b + c.units.filter((u) => u.length >= size).length, 0), 0);
    const have = nodes.reduce((a, n) => a + coresOf(n, size), 0);
    if (need > have) out.push(`${unitWord(size)}: the guests need ${need}, the host has ${have} free (short by ${need - have})`);
  }
  const pageSizes = [...new Set(problem.guests.flatMap((g) => g.cells.filter((c) => c.pages > 0).map((c) => c.pageSizeKiB!)))];
  for (const size of pageSizes) {
    const need = problem.guests.reduce((a, g) => a + g.cells.reduce((b, c) => b + (c.pageSizeKiB === size ? c.pages : 0), 0), 0);
    const have = nodes.reduce((a, n) => a + Math.max(0, n.pages.get(size) ?? 0), 0);
    if (need > have) out.push(`${formatKiB(size)} pages: the guests need ${need}, the host's pools have ${have} (short by ${need - have})`);
  }
  const needSmall = problem.guests.reduce((a, g) => a + g.cells.reduce((b, c) => b + c.smallKiB, 0), 0);
  const haveSmall = nodes.reduce((a, n) => a + Math.max(0, n.smallKiB), 0);
  if (needSmall > haveSmall) out.push(`memory: the guests need ${formatKiB(needSmall)} of small pages, the nodes have ${formatKiB(haveSmall)} above their high watermarks (short by ${formatKiB(needSmall - haveSmall)})`);
  // On a hybrid host a guest with realtime vCPUs takes only the fastest cores (realtime-sched-unsafe's slowCore).
  const classes = problem.host.cpuClasses;
  if (classes) {
    const need = problem.guests.filter((g) => g.classes.length === 1).reduce((a, g) => a + g.cells.reduce((b, c) => b + c.units.length, 0), 0);
    const have = nodes.reduce((a, n) => a + n.cores.filter((c) => c.cls === 0).length, 0);
    if (need > have) out.push(`${classes.classes[0]!.label} (guests with realtime vCPUs take no other): the guests need ${need}, the host has ${have} free (short by ${need - have})`);
  }
  if (out.length > 0) return out;

  const perNode = nodes
    .map((n) => `node ${n.id}: ${n.cores.length} cores, ${[...n.pages].map(([s, p]) => `${p} × ${formatKiB(s)}`).join(', ') || 'no hugepages'}, ${Number.isFinite(n.smallKiB) ? formatKiB(Math.max(0, n.smallKiB)) : 'unknown'} memory`)
    .join('; ');
  const oneClass = classes ? ', all of a guest\'s vCPUs on one kind of core' : '';
  return [`every guest cell fits on some node and the totals suffice, but the cells do not pack onto the nodes together (each cell on one node, a guest's cells on different nodes${oneClass}); free: ${perNode}`];
}
