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

test('property: the diff is minimal (as many changed lines as the two texts share none of)', () => {
  const lcs = (a: string[], b: string[]): number => {
    const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    return t[0]![0]!;
  };
  const line = fc.constantFrom('a', 'b', 'c', 'd');
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (A, B) => {
      const patch = unifiedDiff(A.map((l) => `${l}\n`).join(''), B.map((l) => `${l}\n`).join(''), 'a/f', 'b/f');
      const changed = patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l)).length;
      assert.equal(changed, A.length + B.length - 2 * lcs(A, B));
    }),
    { numRuns: 300 },
  );
});

test('past 4,000 edits the diff keeps the common head and tail and replaces the middle; it still applies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-diff-'));
  try {
    // 9,000 changed lines: a minimal script's trace held 2 GB.
    const head = 'same head\n'.repeat(5);
    const tail = 'same tail\n'.repeat(5);
    const a = head + Array.from({ length: 9000 }, (_, i) => `<vcpupin vcpu='${i}' cpuset='${i}'/>\n`).join('') + tail;
    const b = head + Array.from({ length: 9000 }, (_, i) => `<vcpupin vcpu='${i}' cpuset='${i + 1}'/>\n`).join('') + tail;
    const patch = unifiedDiff(a, b, 'a/f', 'b/f');
    assert.equal(patch.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length, 9000);
    writeFileSync(join(dir, 'f'), a);
    writeFileSync(join(dir, 'p'), patch);
    execFileSync('git', ['apply', '-p1', 'p'], { cwd: dir, stdio: 'pipe' });
    assert.equal(readFileSync(join(dir, 'f'), 'utf8'), b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a name with a space ends its header line in a tab (as git writes it), so GNU patch patches that file, not its prefix', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-diff-space-'));
  try {
    try {
      execFileSync('patch', ['--version'], { stdio: 'pipe' });
    } catch {
      if (process.env.CI) throw new Error('.ci/run installs GNU patch');
      t.skip('GNU patch is not installed');
      return;
    }
    writeFileSync(join(dir, 'vm.xml'), 'a\nb\n');
    writeFileSync(join(dir, 'vm.xml copy.xml'), 'a\nb\n');
    const patch = unifiedDiff('a\nb\n', 'a\nc\n', 'a/vm.xml copy.xml', 'b/vm.xml copy.xml');
    assert.match(patch, /^--- a\/vm\.xml copy\.xml\t\n\+\+\+ b\/vm\.xml copy\.xml\t\n/);
    writeFileSync(join(dir, 'p'), patch);
    execFileSync('patch', ['-p1', '-i', 'p'], { cwd: dir, stdio: 'pipe' });
    assert.equal(readFileSync(join(dir, 'vm.xml copy.xml'), 'utf8'), 'a\nc\n');
    assert.equal(readFileSync(join(dir, 'vm.xml'), 'utf8'), 'a\nb\n', 'the other file is untouched');
    // git apply reads it the same way.
    writeFileSync(join(dir, 'vm.xml copy.xml'), 'a\nb\n');
    execFileSync('git', ['apply', '-p1', 'p'], { cwd: dir, stdio: 'pipe' });
    assert.equal(readFileSync(join(dir, 'vm.xml copy.xml'), 'utf8'), 'a\nc\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
