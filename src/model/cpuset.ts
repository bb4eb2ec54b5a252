/**
 * A set of CPU (or NUMA node) ids held as sorted, disjoint, non-adjacent
 * inclusive intervals, so `0-4294967295` costs one interval, not 4 billion bits.
 * Immutable; every operation returns a new set.
 */
export class CpuSet {
  /** Flat [start0, end0, start1, end1, ...], inclusive, sorted, merged. */
  private readonly iv: readonly number[];

  private constructor(iv: readonly number[]) {
    this.iv = iv;
  }

  static readonly empty = new CpuSet([]);

  static of(...ids: number[]): CpuSet {
    return CpuSet.fromIntervals(ids.map((id) => [id, id] as [number, number]));
  }

  static range(first: number, last: number): CpuSet {
    return last < first ? CpuSet.empty : new CpuSet([first, last]);
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

  union(other: CpuSet): CpuSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return CpuSet.fromIntervals([...this.intervals(), ...other.intervals()]);
  }

  intersect(other: CpuSet): CpuSet {
    const out: Array<[number, number]> = [];
    const a = this.iv;
    const b = other.iv;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = Math.max(a[i]!, b[j]!);
      const hi = Math.min(a[i + 1]!, b[j + 1]!);
      if (lo <= hi) out.push([lo, hi]);
      if (a[i + 1]! < b[j + 1]!) i += 2;
      else j += 2;
    }
    return CpuSet.fromIntervals(out);
  }

  subtract(other: CpuSet): CpuSet {
    if (other.isEmpty || this.isEmpty) return this;
    const out: Array<[number, number]> = [];
    for (const [a0, b0] of this.intervals()) {
      let a = a0;
      for (const [c, d] of other.intervals()) {
        if (d < a) continue;
        if (c > b0) break;
        if (c > a) out.push([a, c - 1]);
        a = Math.max(a, d + 1);
        if (a > b0) break;
      }
      if (a <= b0) out.push([a, b0]);
    }
    return CpuSet.fromIntervals(out);
  }

  intersects(other: CpuSet): boolean {
    return !this.intersect(other).isEmpty;
  }

  isSubsetOf(other: CpuSet): boolean {
    return this.subtract(other).isEmpty;
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
    return this.intervals()
      .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
      .join(',');
  }
}
