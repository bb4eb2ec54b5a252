import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mapPacked } from '../../src/packed-arrays.ts';
import { repoRoot } from '../support/paths.ts';

test('mapPacked gives what Array#map gives', () => {
  const list = [3, 1, 4, 1, 5, 9, 2, 6];
  assert.deepEqual(
    mapPacked(list, (n, i) => n * 10 + i),
    list.map((n, i) => n * 10 + i),
  );
  assert.deepEqual(mapPacked([], () => 1), []);
  const frozen = Object.freeze([1, 2]);
  assert.deepEqual(mapPacked(frozen, (n) => n + 1), [2, 3]);
});

// Why the helpers exist: V8's optimized Array#map returns a HOLEY array where the builtin returns a
// PACKED one, and code optimized on the PACKED arrays deoptimizes on the first HOLEY one. If a V8
// changes that, this says so (and the helpers may go).
test("in optimized code Array#map's result is HOLEY and mapPacked's is PACKED", () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-packed-'));
  try {
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `import { mapPacked } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src', 'packed-arrays.ts')).href)};
const input = [{ x: 1 }, { x: 2 }, { x: 3 }];
function viaMap(a) { return a.map((o) => o.x); }
function viaMapPacked(a) { return mapPacked(a, (o) => o.x); }
const out = {};
for (const [name, f] of Object.entries({ viaMap, viaMapPacked })) {
  %PrepareFunctionForOptimization(f); f(input); f(input); %OptimizeFunctionOnNextCall(f);
  const r = f(input);
  out[name] = { optimized: %ActiveTierIsTurbofan(f), holey: %HasHoleyElements(r) };
}
console.log(JSON.stringify(out));
`,
    );
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', probe], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const kinds = JSON.parse(r.stdout) as Record<string, { optimized: boolean; holey: boolean }>;
    for (const [name, k] of Object.entries(kinds)) assert.ok(k.optimized, `${name} was not optimized`);
    assert.equal(kinds.viaMap!.holey, true, 'optimized Array#map gave a PACKED array: the helpers may no longer be needed');
    assert.equal(kinds.viaMapPacked!.holey, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
