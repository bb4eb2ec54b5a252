/**
 * `kvmlint plan` for one host: the placement problem (problem.ts), solved exactly
 * (solve.ts), turned into CPUs per vCPU and into edits of each domain file
 * (rewrite.ts). Guests that are fine keep their pins when the rest of the plan
 * allows it; when it does not, every guest may move (preferring its current node),
 * and only when that fails too is the plan infeasible, with the short resource named.
 */
import type { Diagnostic, LintedDomain, LintHost } from '../engine/types.js';
import { CpuSet } from '../model/cpuset.js';
import { type PlanProblem } from './problem.js';
export interface GuestChange {
    linted: LintedDomain;
    label: string;
    /** Host nodes before (of its pinned vCPUs) and after. */
    from: CpuSet;
    to: CpuSet;
    /** The new text, when it changed. */
    text: string | undefined;
}
export type HostPlan = {
    host: LintHost;
    status: 'unchanged';
    guests: number;
    reason: string;
} | {
    host: LintHost;
    status: 'planned';
    changes: GuestChange[];
    kept: string[];
    unplanned: Array<{
        label: string;
        why: string;
    }>;
    steps: number;
    ms: number;
} | {
    host: LintHost;
    status: 'infeasible';
    shortages: string[];
    steps: number;
    ms: number;
}
/** The step limit ran out: no layout was found, and none was ruled out either. */
 | {
    host: LintHost;
    status: 'gave-up';
    steps: number;
    ms: number;
} | {
    host: LintHost;
    status: 'refused';
    reason: string;
};
export interface PlanHostOptions {
    maxSteps?: number;
    /**
     * Files of this host's plan that are not well-formed XML. Their guests' placements are unknown,
     * so no layout is computed: one could put another guest on their CPUs, nodes or hugepages.
     */
    unparsed?: readonly string[];
}
/** Plans one host: the domains planned on it and the findings the lint kept for them. */
export declare function planHost(host: LintHost, files: readonly LintedDomain[], diagnostics: readonly Diagnostic[], options?: PlanHostOptions): HostPlan;
/**
 * Why no layout exists, resource by resource: a guest cell no node can hold even
 * alone, or a resource the guests need more of in total than the host has left;
 * else the cells do not pack onto the nodes (each fits somewhere, not all at once).
 */
export declare function explainShortage(problem: PlanProblem): string[];
