/** Ids below this get one shared single-id set each (see CpuSet.single). */
const SHARED_SINGLES = 8192;
const singles: CpuSet[] = [];

/**
 * A set of CPU (or NUMA node) ids held as sorted, disjoint, non-adjacent
 * inclusive intervals, so `0-4294967295` costs one interval, not 4 billion bits.
 * Immutable; every operation returns a new set.
 */
/** The longest list `CpuSet.ofList` spreads into `of(...)`: far below where V8's stack overflows. */
const SPREAD_SAFE_LENGTH = 8192;

export class CpuSet {
  /** Flat [start0, end0, start1, end1, ...], inclusive, sorted, merged. */
  private readonly iv: readonly number[];

  private constructor(iv: readonly number[]) {
    this.iv = iv;
  }

  static readonly empty = new CpuSet([]);

  static of(...ids: number[]): CpuSet {
    // Most calls name one id or a few: answered here, without a second call while the code is cold.
    if (ids.length === 0) return CpuSet.empty;
    if (ids.length === 1) return CpuSet.single(ids[0]!);
    return CpuSet.fromIds(ids);
  }

  /**
   * `of(...ids)` for a list of any length. A spread passes each element as an argument on the call
   * stack, and V8 overflows it past ~120,000 (a domain of 150,000 guest NUMA cells, a vcpupin list, a
   * snapshot's CPUs); short lists, nearly all of them, still go through `of`'s fresh rest array.
   */
  static ofList(ids: readonly number[]): CpuSet {
    return ids.length <= SPREAD_SAFE_LENGTH ? CpuSet.of(...ids) : CpuSet.fromIds(ids);
  }

  /**
   * The set of `ids`, from an array: spreading a long list into `of(...)` overflows the call stack
   * (a capabilities cell of 300,000 <cpu> elements did), an array of any length does not. For input
   * lists only: the model's own calls stay with `of(...)`, whose fresh rest arrays keep this code
   * monomorphic (passing the model's arrays here made the no-host fleet 5% slower, farm-bench).
   */
  static fromIds(ids: readonly number[]): CpuSet {
    if (ids.length === 0) return CpuSet.empty;
    if (ids.length === 1) return CpuSet.single(ids[0]!);
    let ascending = true;
    for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! <= ids[i]!;
    // Ids usually come in order (vCPUs pinned 0, 1, 2...): no copy and sort then.
    const sorted = ascending ? ids : ids.slice().sort((a, b) => a - b);
    const out: number[] = [];
    for (const id of sorted) {
      const n = out.length;
      if (n > 0 && id <= out[n - 1]! + 1) {
        if (id > out[n - 1]!) out[n - 1] = id;
      } else out.push(id, id);
    }
    return new CpuSet(out);
  }

  static range(first: number, last: number): CpuSet {
    if (last < first) return CpuSet.empty;
    return first === last ? CpuSet.single(first) : new CpuSet([first, last]);
  }

  /**
   * One id. Most pins name one CPU, and every domain of a fleet asks for the same
   * few: the sets are immutable, so small ones are made once and shared.
   */
  private static single(id: number): CpuSet {
    if (!(id >= 0 && id < SHARED_SINGLES)) return new CpuSet([id, id]);
    return (singles[id] ??= new CpuSet([id, id]));
  }

  /** Builds a set from possibly overlapping, unsorted inclusive intervals. */
  static fromIntervals(intervals: Iterable<readonly [number, number]>): CpuSet {
    const list = [...intervals].filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
    const out: number[] = [];
    for (const [a, b] of list) {
      const n = out.length;
      if (n > 0 && a <= out[n - 1]! + 1) {
        if (b > out[n - 1]!) out[n - 1] = b;
      } else out.push(a, b);
    }
    return new CpuSet(out);
  }

  /** The inclusive intervals, in order. */
  intervals(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.iv.length; i += 2) out.push([this.iv[i]!, this.iv[i + 1]!]);
    return out;
  }

  /** Number of intervals; with intervalLo/intervalHi, a walk over them that allocates nothing. */
  get intervalCount(): number {
    return this.iv.length >> 1;
  }

  intervalLo(i: number): number {
    return this.iv[2 * i]!;
  }

  intervalHi(i: number): number {
    return this.iv[2 * i + 1]!;
  }

  get isEmpty(): boolean {
    return this.iv.length === 0;
  }

  /** Number of ids (may exceed what could ever be enumerated). */
  get size(): number {
    let n = 0;
    for (let i = 0; i < this.iv.length; i += 2) n += this.iv[i + 1]! - this.iv[i]! + 1;
    return n;
  }

  get min(): number | undefined {
    return this.iv[0];
  }

  get max(): number | undefined {
    return this.iv[this.iv.length - 1];
  }

  has(id: number): boolean {
    for (let i = 0; i < this.iv.length; i += 2) {
      if (id < this.iv[i]!) return false;
      if (id <= this.iv[i + 1]!) return true;
    }
    return false;
  }

  /** Linear merges over the flat interval lists below: these run for every pin of every domain. */
  union(other: CpuSet): CpuSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const a = this.iv;
    const b = other.iv;
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      let lo: number;
      let hi: number;
      if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
        lo = a[i]!;
        hi = a[i + 1]!;
        i += 2;
      } else {
        lo = b[j]!;
        hi = b[j + 1]!;
        j += 2;
      }
      const n = out.length;
      if (n > 0 && lo <= out[n - 1]! + 1) {
        if (hi > out[n - 1]!) out[n - 1] = hi;
      } else out.push(lo, hi);
    }
    return new CpuSet(out);
  }

  intersect(other: CpuSet): CpuSet {
    const a = this.iv;
    const b = other.iv;
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = Math.max(a[i]!, b[j]!);
      const hi = Math.min(a[i + 1]!, b[j + 1]!);
      // Pieces of disjoint, non-adjacent inputs come out sorted, disjoint and non-adjacent.
      if (lo <= hi) out.push(lo, hi);
      if (a[i + 1]! < b[j + 1]!) i += 2;
      else j += 2;
    }
    return out.length === 0 ? CpuSet.empty : new CpuSet(out);
  }

  subtract(other: CpuSet): CpuSet {
    if (other.isEmpty || this.isEmpty) return this;
    const a = this.iv;
    const b = other.iv;
    const out: number[] = [];
    let j = 0;
    for (let i = 0; i < a.length; i += 2) {
      let lo = a[i]!;
      const hi = a[i + 1]!;
      while (j < b.length && b[j + 1]! < lo) j += 2;
      let k = j;
      while (k < b.length && b[k]! <= hi && lo <= hi) {
        if (b[k]! > lo) out.push(lo, b[k]! - 1);
        lo = Math.max(lo, b[k + 1]! + 1);
        k += 2;
      }
      if (lo <= hi) out.push(lo, hi);
    }
    return out.length === 0 ? CpuSet.empty : new CpuSet(out);
  }

  intersects(other: CpuSet): boolean {
    const a = this.iv;
    const b = other.iv;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (Math.max(a[i]!, b[j]!) <= Math.min(a[i + 1]!, b[j + 1]!)) return true;
      if (a[i + 1]! < b[j + 1]!) i += 2;
      else j += 2;
    }
    return false;
  }

  isSubsetOf(other: CpuSet): boolean {
    const b = other.iv;
    let j = 0;
    for (let i = 0; i < this.iv.length; i += 2) {
      const lo = this.iv[i]!;
      const hi = this.iv[i + 1]!;
      while (j < b.length && b[j + 1]! < lo) j += 2;
      if (j >= b.length || b[j]! > lo || b[j + 1]! < hi) return false;
    }
    return true;
  }

  equals(other: CpuSet): boolean {
    return this.iv.length === other.iv.length && this.iv.every((v, i) => v === other.iv[i]);
  }

  /** Ids in ascending order; throws past `limit` so a caller never enumerates a huge set by accident. */
  toArray(limit = 1 << 20): number[] {
    if (this.size > limit) throw new RangeError(`CpuSet of ${this.size} ids exceeds enumeration limit ${limit}`);
    const out: number[] = [];
    for (const [a, b] of this.intervals()) for (let x = a; x <= b; x++) out.push(x);
    return out;
  }

  /** Canonical list form, e.g. `0-3,8,10-11` (valid for libvirt and the kernel alike). */
  toString(): string {
    let out = '';
    for (let i = 0; i < this.iv.length; i += 2) {
      const a = this.iv[i]!;
      const b = this.iv[i + 1]!;
      out += `${i === 0 ? '' : ','}${a === b ? a : `${a}-${b}`}`;
    }
    return out;
  }
}
