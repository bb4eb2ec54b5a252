import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintAndFix } from '../src/engine/fix.ts';
import { lint } from '../src/engine/runner.ts';
import { alignSeverities, fixedCounterpart, fixtureLintOptions, lintFixture, listFixtures, repoRoot } from './support/fixtures.ts';

// markdownlint's approach: findings marked inline, compared both ways, so a
// missing finding and an unexpected one both fail.
const ruleDirs = readdirSync(join(repoRoot, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory());
const fixtures = [
  ...ruleDirs.flatMap((d) => listFixtures(join(repoRoot, 'rules', d.name, 'fixtures'))),
  ...listFixtures(join(repoRoot, 'fixtures', 'domains')),
];

for (const f of fixtures) {
  test(`fixture ${f.name}`, async () => {
    const { actual } = await lintFixture(f);
    assert.deepEqual(alignSeverities(f.expected, actual), f.expected);
  });

  const fixedPath = fixedCounterpart(f);
  if (fixedPath) {
    // ESLint/markdownlint: --fix output compared byte for byte, re-linted, and idempotent.
    test(`fixture ${f.name}: --fix gives ${fixedPath.slice(repoRoot.length + 1)}`, async () => {
      const file = f.files[0]!;
      const expected = readFileSync(fixedPath, 'utf8');
      const first = await lintAndFix(fixtureLintOptions(f));
      assert.ok(first.fixed.has(file), 'a fix was applied');
      assert.equal(first.fixed.get(file), expected);
      assert.deepEqual(first.run.diagnostics.filter((d) => d.fix), [], 'no fixable finding remains');
      const relint = await lint(fixtureLintOptions(f, new Map([[file, expected]])));
      assert.deepEqual(relint.diagnostics.filter((d) => d.fix), []);
      const second = await lintAndFix(fixtureLintOptions(f, new Map([[file, expected]])));
      assert.equal(second.fixed.size, 0, 'a second --fix changes nothing');
    });
  }
}
