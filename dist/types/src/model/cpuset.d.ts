export declare class CpuSet {
    /** Flat [start0, end0, start1, end1, ...], inclusive, sorted, merged. */
    private readonly iv;
    private constructor();
    static readonly empty: CpuSet;
    static of(...ids: number[]): CpuSet;
    /**
     * `of(...ids)` for a list of any length. A spread passes each element as an argument on the call
     * stack, and V8 overflows it past ~120,000 (a domain of 150,000 guest NUMA cells, a vcpupin list, a
     * snapshot's CPUs); short lists, nearly all of them, still go through `of`'s fresh rest array.
     */
    static ofList(ids: readonly number[]): CpuSet;
    /**
     * The set of `ids`, from an array: spreading a long list into `of(...)` overflows the call stack
     * (a capabilities cell of 300,000 <cpu> elements did), an array of any length does not. For input
     * lists only: the model's own calls stay with `of(...)`, whose fresh rest arrays keep this code
     * monomorphic (passing the model's arrays here made the no-host fleet 5% slower, farm-bench).
     */
    static fromIds(ids: readonly number[]): CpuSet;
    static range(first: number, last: number): CpuSet;
    /**
     * One id. Most pins name one CPU, and every domain of a fleet asks for the same
     * few: the sets are immutable, so small ones are made once and shared.
     */
    private static single;
    /** Builds a set from possibly overlapping, unsorted inclusive intervals. */
    static fromIntervals(intervals: Iterable<readonly [number, number]>): CpuSet;
    /** The inclusive intervals, in order. */
    intervals(): Array<[number, number]>;
    /** Number of intervals; with intervalLo/intervalHi, a walk over them that allocates nothing. */
    get intervalCount(): number;
    intervalLo(i: number): number;
    intervalHi(i: number): number;
    get isEmpty(): boolean;
    /** Number of ids (may exceed what could ever be enumerated). */
    get size(): number;
    get min(): number | undefined;
    get max(): number | undefined;
    has(id: number): boolean;
    /** Linear merges over the flat interval lists below: these run for every pin of every domain. */
    union(other: CpuSet): CpuSet;
    intersect(other: CpuSet): CpuSet;
    subtract(other: CpuSet): CpuSet;
    intersects(other: CpuSet): boolean;
    isSubsetOf(other: CpuSet): boolean;
    equals(other: CpuSet): boolean;
    /** Ids in ascending order; throws past `limit` so a caller never enumerates a huge set by accident. */
    toArray(limit?: number): number[];
    /** Canonical list form, e.g. `0-3,8,10-11` (valid for libvirt and the kernel alike). */
    toString(): string;
}
