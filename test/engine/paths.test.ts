import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { isInside, resolveBelow } from '../../src/engine/paths.ts';

// Segments that exercise every shortcut: dots, dot-dots, hidden names, empty segments (a doubled slash).
const segment = fc.constantFrom('a', 'b', 'hv01', '.git', '..', '.', '', 'x.json', '...', '.a.');
const relPath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
const absPath = fc.tuple(relPath, fc.boolean()).map(([p, slash]) => `/${p}${slash ? '/' : ''}`);

/** What isInside answered before its shortcut: path.relative's verdict. */
function insideByRelative(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

test('isInside answers as path.relative does, for normalised and unnormalised paths alike', () => {
  fc.assert(
    fc.property(absPath, relPath, fc.boolean(), (dir, rel, normalise) => {
      const d = normalise ? resolve(dir) : dir;
      for (const abs of [`${d}/${rel}`, resolve(d, rel), `${d}${rel}`, d]) assert.equal(isInside(d, abs), insideByRelative(d, abs), `${d} ${abs}`);
    }),
    { numRuns: 5000 },
  );
  // The shortcut's own cases.
  assert.equal(isInside('/ws', '/ws/hosts/a.json'), true);
  assert.equal(isInside('/ws', '/ws/../etc/passwd'), false);
  assert.equal(isInside('/ws', '/wsx/a'), false);
  assert.equal(isInside('/ws/', '/ws/a'), true);
});

test('resolveBelow is path.resolve', () => {
  fc.assert(
    fc.property(absPath, relPath, (dir, rel) => {
      for (const d of [dir, resolve(dir)]) assert.equal(resolveBelow(d, rel), resolve(d, rel), `${d} + ${rel}`);
    }),
    { numRuns: 5000 },
  );
  assert.equal(resolveBelow('/ws', 'hosts/hv1.json'), '/ws/hosts/hv1.json');
  assert.equal(resolveBelow('/ws', '../etc/passwd'), '/etc/passwd');
  assert.equal(resolveBelow('/ws', '/etc/passwd'), '/etc/passwd');
});
