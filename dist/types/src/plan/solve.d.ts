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
export type SolveResult = {
    status: 'found';
    nodesOf: number[][];
    classOf: number[];
    steps: number;
} | {
    status: 'none';
    steps: number;
} | {
    status: 'gave-up';
    steps: number;
};
/** Splits `amount` over `k` parts evenly, the remainder to the first parts (as spreadEvenly does by node id). */
export declare function evenSplit(amount: number, k: number): number[];
export declare function solvePlacement(nodes: readonly SolverNode[], cells: readonly SolverCell[], options?: SolverOptions): SolveResult;
