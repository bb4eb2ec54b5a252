import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unifiedDiff } from '../../src/engine/diff.ts';

test('property: the unified diff applies with git apply and reproduces the new text byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-diff-'));
  try {
    const line = fc.constantFrom('a\n', 'b\n', 'c\r\n', 'd\n', '  <x/>\n', 'e');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.array(line, { maxLength: 25 }), (A, B) => {
        const a = A.join('');
        const b = B.join('');
        if (a === b) {
          assert.equal(unifiedDiff(a, b, 'a/f', 'b/f'), '');
          return;
        }
        writeFileSync(join(dir, 'f'), a);
        writeFileSync(join(dir, 'p'), unifiedDiff(a, b, 'a/f', 'b/f'));
        execFileSync('git', ['apply', '-p1', 'p'], { cwd: dir, stdio: 'pipe' });
        assert.equal(readFileSync(join(dir, 'f'), 'utf8'), b);
      }),
      { numRuns: 200 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hunks carry three lines of context and correct counts', () => {
  const a = Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join('');
  const b = a.replace('line 10\n', 'line 10\n  <inserted/>\n');
  // "line 10" is the file's line 11; three lines of context either side.
  assert.equal(
    unifiedDiff(a, b, 'a/x.xml', 'b/x.xml'),
    '--- a/x.xml\n+++ b/x.xml\n@@ -9,6 +9,7 @@\n line 8\n line 9\n line 10\n+  <inserted/>\n line 11\n line 12\n line 13\n',
  );
});
