import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CpuSet } from '../../src/model/cpuset.ts';

// CpuSet against a naive Set<number> model over small ranges: every operation agrees.
const ids = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 25 });
const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 8 })), { maxLength: 6 });
const setArb = fc.oneof(
  ids.map((xs) => ({ set: CpuSet.of(...xs), model: new Set(xs) })),
  ranges.map((rs) => {
    const model = new Set<number>();
    for (const [a, len] of rs) for (let x = a; x <= a + len; x++) model.add(x);
    return { set: CpuSet.fromIntervals(rs.map(([a, len]) => [a, a + len] as [number, number])), model };
  }),
);
const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

test('property: CpuSet operations agree with a naive Set model', () => {
  fc.assert(
    fc.property(setArb, setArb, fc.integer({ min: -1, max: 42 }), (a, b, probe) => {
      assert.deepEqual(a.set.toArray(), sorted(a.model));
      assert.equal(a.set.size, a.model.size);
      assert.equal(a.set.has(probe), a.model.has(probe));
      assert.deepEqual(a.set.union(b.set).toArray(), sorted(new Set([...a.model, ...b.model])));
      assert.deepEqual(a.set.intersect(b.set).toArray(), sorted(new Set([...a.model].filter((x) => b.model.has(x)))));
      assert.deepEqual(a.set.subtract(b.set).toArray(), sorted(new Set([...a.model].filter((x) => !b.model.has(x)))));
      assert.equal(a.set.intersects(b.set), [...a.model].some((x) => b.model.has(x)));
      assert.equal(a.set.isSubsetOf(b.set), [...a.model].every((x) => b.model.has(x)));
      assert.equal(a.set.equals(b.set), sorted(a.model).join() === sorted(b.model).join());
      assert.equal(a.set.min, sorted(a.model)[0]);
      // Canonical form: merged, so equal sets print the same.
      assert.equal(CpuSet.of(...sorted(a.model)).toString(), a.set.toString());
    }),
    { numRuns: 2000 },
  );
});

test('huge sets cost one interval and refuse enumeration', () => {
  const huge = CpuSet.range(0, 4294967295);
  assert.equal(huge.size, 4294967296);
  assert.equal(huge.intervals().length, 1);
  assert.throws(() => huge.toArray(), /exceeds enumeration limit/);
  assert.equal(huge.subtract(CpuSet.range(1, 4294967294)).toString(), '0,4294967295');
});
