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
import type { LintedDomain, Diagnostic } from '../engine/types.js';
import { CpuSet } from '../model/cpuset.js';
import type { HostModel } from '../model/host.js';
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
    unplanned: Array<{
        linted: LintedDomain;
        why: string;
    }>;
    /** Why the host cannot be planned at all (no housekeeping set, …). */
    refusal: string | undefined;
}
/** Rules whose findings a placement changes: the planner's output must leave none of them (warning or error). */
export declare const PLACEMENT_RULES: ReadonlySet<string>;
export declare function isPlacementFinding(d: Pick<Diagnostic, 'ruleId' | 'severity'>): boolean;
/** A guest as a plan names it, cut as messages cut names (a <name> can be megabytes). */
export declare function guestLabel(ld: LintedDomain): string;
export declare function buildPlanProblem(host: HostModel, domains: readonly LintedDomain[], diagnostics: readonly Diagnostic[]): PlanProblem;
