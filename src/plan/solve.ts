/**
 * Exact search for a node assignment of guest cells (a multi-dimensional bin
 * packing: cores by size, hugepages per page size, small-page memory per node).
 * Depth-first over the cells, largest first, with:
 *
 * - symmetry breaking: two nodes with the same remaining resources (and the same
 *   use by the guest being placed) are interchangeable, so only one is tried; not
 *   while a spreadable cell is still to come, whose shares depend on node ids;
 * - bounds: what the remaining cells need, summed, must fit in what all nodes
 *   have left, per resource (cores of each size and up, each page size, memory);
 * - a memo of failed states (remaining resources as a multiset of nodes), so a
 *   dead end reached again by another order is not searched again.
 *
 * It is complete: every assignment is reachable, and the pruning only cuts
 * branches that cannot succeed, so "no layout" means none exists. Cores inside a
 * node are matched best-fit (each unit takes the smallest free core that holds
 * it), which is optimal because the cores that can hold a unit of size s are a
 * superset of those that hold any larger unit.
 *
 * On a hybrid host (P- and E-cores, big.LITTLE: src/model/cpu-capacity.ts) every core also has a
 * class, and a guest's cells all take cores of one class (guest-smt-topology-mismatch's mixedCoreTypes),
 * chosen among the classes the cell allows (a realtime guest: the fastest only, realtime-sched-unsafe's
 * slowCore). The class is part of the guest's branch: each allowed class is tried at its first cell.
 *
 * HiGHS (an ILP solver, 2.4 MB of WebAssembly) was measured on the same model:
 * see the README's plan section and scripts/bench-plan.mjs for the figures.
 */

export interface SolverNode {
  id: number;
  /** Sizes (hardware threads) of the free cores. */
  coreSizes: number[];
  /** Class of each free core (index into the host's CPU classes, 0 the fastest); all 0 when absent. */
  coreClasses?: number[];
  pages: ReadonlyMap<number, number>;
  smallKiB: number;
  memoryless: boolean;
}

export interface SolverCell {
  /** Cells of one guest share this and go to different nodes. */
  guest: number;
  /** Size of each unit (vCPUs that share one host core). */
  units: number[];
  pageSizeKiB: number | undefined;
  pages: number;
  smallKiB: number;
  /** Tried first (the node the cell is on today). */
  preferredNode: number | undefined;
  /** May be interleaved over several nodes when no single node holds it. */
  spreadable: boolean;
  /** Core classes the cell may take, in the order to try (the same for every cell of a guest); default [0]. */
  classes?: readonly number[];
}

export interface SolverOptions {
  /** Give up after this many search steps (reported, never silently wrong). Default 5 million. */
  maxSteps?: number;
}

export type SolveResult =
  | { status: 'found'; nodesOf: number[][]; classOf: number[]; steps: number }
  | { status: 'none'; steps: number }
  | { status: 'gave-up'; steps: number };

/** Splits `amount` over `k` parts evenly, the remainder to the first parts (as spreadEvenly does by node id). */
export function evenSplit(amount: number, k: number): number[] {
  const base = Math.floor(amount / k);
  const extra = amount - base * k;
  return Array.from({ length: k }, (_, i) => base + (i < extra ? 1 : 0));
}

interface State {
  /** cores[n][c·S + k]: free cores of class c and size sizes[k] on node n (S sizes). */
  cores: number[][];
  pages: number[][];
  small: number[];
}

export function solvePlacement(nodes: readonly SolverNode[], cells: readonly SolverCell[], options: SolverOptions = {}): SolveResult {
  const maxSteps = options.maxSteps ?? 5_000_000;
  const sizes = [...new Set([...nodes.flatMap((n) => n.coreSizes), ...cells.flatMap((c) => c.units)])].sort((a, b) => a - b);
  const pageSizes = [...new Set([...nodes.flatMap((n) => [...n.pages.keys()]), ...cells.flatMap((c) => (c.pageSizeKiB === undefined ? [] : [c.pageSizeKiB]))])].sort((a, b) => a - b);
  const N = nodes.length;
  const S = sizes.length;
  const C = Math.max(1, ...nodes.flatMap((n) => (n.coreClasses ?? []).map((c) => c + 1)), ...cells.flatMap((c) => (c.classes ?? []).map((k) => k + 1)));
  const coreClass = (n: SolverNode, i: number): number => n.coreClasses?.[i] ?? 0;
  const state: State = {
    cores: nodes.map((n) => {
      const counts = new Array<number>(C * S).fill(0);
      n.coreSizes.forEach((size, i) => counts[coreClass(n, i) * S + sizes.indexOf(size)]!++);
      return counts;
    }),
    pages: nodes.map((n) => pageSizes.map((p) => Math.max(0, n.pages.get(p) ?? 0))),
    small: nodes.map((n) => n.smallKiB),
  };
  // A unit of size u takes the smallest core class k with sizes[k] ≥ u.
  const unitsByClass = (units: readonly number[]): number[] => {
    const counts = sizes.map(() => 0);
    for (const u of units) counts[sizes.indexOf(u)]!++;
    return counts;
  };
  interface Demand {
    cell: number;
    guest: number;
    units: number[];
    unitCount: number;
    pageIdx: number;
    pages: number;
    small: number;
    /** Node indexes in the order to try. */
    order: number[];
    /** Core classes allowed, in the order to try. */
    classes: readonly number[];
    /** Spread options: node index sets, each with the per-node demands. */
    spreads: Array<Array<{ node: number; units: number[]; pages: number; small: number }>>;
  }
  /** Whether the cell fits on node n with cores of class c. */
  const fitsOn = (n: number, units: readonly number[], pageIdx: number, pages: number, small: number, s: State, c: number): boolean => {
    if (nodes[n]!.memoryless) return false;
    if (pages > 0 && s.pages[n]![pageIdx]! < pages) return false;
    if (small > 0 && s.small[n]! < small) return false;
    // Best fit from the largest unit size down.
    const avail = s.cores[n]!;
    let carry = 0;
    for (let k = S - 1; k >= 0; k--) {
      carry += avail[c * S + k]!;
      carry -= units[k]!;
      if (carry < 0) return false;
    }
    return true;
  };
  const initial: State = { cores: state.cores.map((r) => [...r]), pages: state.pages.map((r) => [...r]), small: [...state.small] };

  // Search steps, counted from the spread options on (each set of nodes tried is a step): one oversized guest
  // on a 24-node host had 2^24 sets to try before the search began, under no limit.
  let steps = 0;
  let gaveUp = false;
  const demands: Demand[] = cells.map((c, i) => {
    const units = unitsByClass(c.units);
    const pageIdx = c.pageSizeKiB === undefined ? -1 : pageSizes.indexOf(c.pageSizeKiB);
    const order = [...Array(N).keys()];
    const pref = c.preferredNode === undefined ? -1 : nodes.findIndex((n) => n.id === c.preferredNode);
    order.sort((a, b) => (a === pref ? -1 : b === pref ? 1 : a - b));
    const classes = c.classes ?? [0];
    const d: Demand = { cell: i, guest: c.guest, units, unitCount: c.units.length, pageIdx, pages: c.pages, small: c.smallKiB, order, classes, spreads: [] };
    if (c.spreadable && !order.some((n) => classes.some((k) => fitsOn(n, units, pageIdx, c.pages, c.smallKiB, initial, k)))) d.spreads = spreadOptions(c, d);
    return d;
  });

  /** The fewest nodes (k ≥ 2) over which an even split of the cell fits on the empty plan; every such set. */
  function spreadOptions(c: SolverCell, d: Demand): Demand['spreads'] {
    const sortedUnits = [...c.units].sort((a, b) => b - a);
    // More than every node together holds: no set of them does.
    const all = [...Array(N).keys()].filter((n) => !nodes[n]!.memoryless);
    const cores = all.reduce((a, n) => a + initial.cores[n]!.reduce((x, y) => x + y, 0), 0);
    // (Per class, the same bound is checked by the fit of each set below.)
    if (cores < c.units.length || (c.pages > 0 && all.reduce((a, n) => a + initial.pages[n]![d.pageIdx]!, 0) < c.pages) || all.reduce((a, n) => a + initial.small[n]!, 0) < c.smallKiB) return [];
    for (let k = 2; k <= N; k++) {
      const found: Demand['spreads'] = [];
      for (const set of combinations(N, k)) {
        // A step past the limit is not taken (nor counted): `--max-steps 1` gives up after 1 step.
        if (steps >= maxSteps) {
          gaveUp = true;
          return found;
        }
        steps++;
        // Nodes in id order take the larger shares (spreadEvenly's remainder goes to the lowest ids).
        const byId = [...set].sort((a, b) => nodes[a]!.id - nodes[b]!.id);
        const unitSplit = evenSplit(sortedUnits.length, k);
        const pageSplit = evenSplit(c.pages, k);
        const smallSplit = evenSplit(c.smallKiB, k);
        let at = 0;
        const parts = byId.map((node, i) => {
          const mine = sortedUnits.slice(at, at + unitSplit[i]!);
          at += unitSplit[i]!;
          return { node, units: unitsByClass(mine), pages: pageSplit[i]!, small: smallSplit[i]! };
        });
        if (d.classes.some((k) => parts.every((p) => fitsOn(p.node, p.units, d.pageIdx, p.pages, p.small, initial, k)))) found.push(parts);
      }
      if (found.length > 0) return found;
    }
    return [];
  }

  // Largest first: units, then memory; a guest's cells stay together.
  const guestSize = new Map<number, number>();
  for (const d of demands) guestSize.set(d.guest, (guestSize.get(d.guest) ?? 0) + d.unitCount * 1e6 + d.pages + d.small / 1e6);
  const order = [...demands].sort(
    (a, b) => guestSize.get(b.guest)! - guestSize.get(a.guest)! || a.guest - b.guest || b.unitCount - a.unitCount || b.pages + b.small - (a.pages + a.small),
  );

  // Suffix sums of what the remaining cells need, for the bounds.
  const M = order.length;
  const needUnits = Array.from({ length: M + 1 }, () => sizes.map(() => 0));
  const needPages = Array.from({ length: M + 1 }, () => pageSizes.map(() => 0));
  const needSmall = new Array<number>(M + 1).fill(0);
  for (let i = M - 1; i >= 0; i--) {
    const d = order[i]!;
    needUnits[i] = needUnits[i + 1]!.map((x, k) => x + d.units[k]!);
    needPages[i] = needPages[i + 1]!.map((x, k) => x + (k === d.pageIdx ? d.pages : 0));
    needSmall[i] = needSmall[i + 1]! + d.small;
  }
  // Cores of every class together: a relaxation (a guest takes one class), so it only cuts dead branches.
  const boundsHold = (i: number): boolean => {
    let carry = 0;
    for (let k = S - 1; k >= 0; k--) {
      for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) carry += state.cores[n]![c * S + k]!;
      carry -= needUnits[i]![k]!;
      if (carry < 0) return false;
    }
    for (let k = 0; k < pageSizes.length; k++) {
      let have = 0;
      for (let n = 0; n < N; n++) if (!nodes[n]!.memoryless) have += state.pages[n]![k]!;
      if (have < needPages[i]![k]!) return false;
    }
    if (needSmall[i]! > 0) {
      let have = 0;
      for (let n = 0; n < N; n++) if (!nodes[n]!.memoryless && state.small[n]! > 0) have += state.small[n]!;
      if (have < needSmall[i]!) return false;
    }
    return true;
  };
  // A later cell that may be spread takes the larger share on the lower node id (evenSplit by id), so from
  // there on two nodes with equal resources are not interchangeable: symmetry and the memo keep node ids.
  const spreadAhead = new Array<boolean>(M + 1).fill(false);
  for (let i = M - 1; i >= 0; i--) spreadAhead[i] = spreadAhead[i + 1]! || order[i]!.spreads.length > 0;
  const nodeKey = (n: number): string => `${state.cores[n]!.join(',')}|${state.pages[n]!.join(',')}|${state.small[n]}|${nodes[n]!.memoryless ? 1 : 0}`;

  const take = (n: number, units: readonly number[], pageIdx: number, pages: number, small: number, sign: 1 | -1, c: number): void => {
    if (pages > 0) state.pages[n]![pageIdx]! -= sign * pages;
    state.small[n]! -= sign * small;
    const avail = state.cores[n]!;
    const base = c * S;
    if (sign === 1) {
      // Best fit: each unit size takes the smallest core size of the class that holds it, largest units first.
      const taken = sizes.map(() => 0);
      const need = [...units];
      for (let k = S - 1; k >= 0; k--) {
        for (let j = k; j < S && need[k]! > 0; j++) {
          const t = Math.min(need[k]!, avail[base + j]! - taken[j]!);
          taken[j]! += t;
          need[k]! -= t;
        }
      }
      for (let j = 0; j < S; j++) avail[base + j]! -= taken[j]!;
      takenStack.push(taken);
    } else {
      const taken = takenStack.pop()!;
      for (let j = 0; j < S; j++) avail[base + j]! += taken[j]!;
    }
  };
  const takenStack: number[][] = [];

  const assignment: number[][] = cells.map(() => []);
  const classOf: number[] = cells.map(() => 0);
  const guestNodes = new Map<number, Set<number>>();
  /** The class a guest's cells placed so far took. */
  const guestClass = new Map<number, number>();
  const failed = new Set<string>();

  const dfs = (i: number): boolean => {
    if (i === M) return true;
    if (steps >= maxSteps) {
      gaveUp = true;
      return false;
    }
    steps++;
    if (!boundsHold(i)) return false;
    const d = order[i]!;
    let used = guestNodes.get(d.guest);
    if (!used) guestNodes.set(d.guest, (used = new Set()));
    const keys: string[] = [];
    const byId = spreadAhead[i]!;
    for (let n = 0; n < N; n++) keys.push(`${byId ? `${n}@` : ''}${nodeKey(n)}#${used.has(n) ? 1 : 0}`);
    // The guest's class, once its first cell chose one, is part of the state.
    const fixed = guestClass.get(d.guest);
    const memoKey = `${i}:${fixed ?? ''}:${byId ? keys.join(';') : [...keys].sort().join(';')}`;
    if (failed.has(memoKey)) return false;

    const classes = fixed === undefined ? d.classes : [fixed];
    const choose = (c: number): void => {
      if (fixed === undefined) guestClass.set(d.guest, c);
      classOf[d.cell] = c;
    };
    const unchoose = (): void => {
      if (fixed === undefined) guestClass.delete(d.guest);
    };
    const tried = new Set<string>();
    for (const n of d.order) {
      for (const c of classes) {
        const key = `${c}/${keys[n]!}`;
        if (used.has(n) || tried.has(key)) continue;
        tried.add(key);
        if (!fitsOn(n, d.units, d.pageIdx, d.pages, d.small, state, c)) continue;
        take(n, d.units, d.pageIdx, d.pages, d.small, 1, c);
        used.add(n);
        choose(c);
        assignment[d.cell] = [n];
        if (dfs(i + 1)) return true;
        unchoose();
        used.delete(n);
        take(n, d.units, d.pageIdx, d.pages, d.small, -1, c);
        if (gaveUp) return false;
      }
    }
    for (const parts of d.spreads) {
      for (const c of classes) {
        if (parts.some((p) => used.has(p.node) || !fitsOn(p.node, p.units, d.pageIdx, p.pages, p.small, state, c))) continue;
        for (const p of parts) take(p.node, p.units, d.pageIdx, p.pages, p.small, 1, c);
        for (const p of parts) used.add(p.node);
        choose(c);
        assignment[d.cell] = parts.map((p) => p.node);
        if (dfs(i + 1)) return true;
        unchoose();
        for (const p of parts) used.delete(p.node);
        for (const p of [...parts].reverse()) take(p.node, p.units, d.pageIdx, p.pages, p.small, -1, c);
        if (gaveUp) return false;
      }
    }
    // Bounded: each key is a few hundred bytes, and 2 million of them held 1 GB at the default step limit.
    if (failed.size < 500_000) failed.add(memoKey);
    return false;
  };

  if (gaveUp) return { status: 'gave-up', steps };
  const ok = dfs(0);
  if (ok) return { status: 'found', nodesOf: assignment.map((a) => a.map((n) => nodes[n]!.id)), classOf, steps };
  return gaveUp ? { status: 'gave-up', steps } : { status: 'none', steps };
}

function* combinations(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i <= n - (k - prefix.length); i++) yield* combinations(n, k, i + 1, [...prefix, i]);
}
