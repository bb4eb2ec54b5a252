import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintAndFix } from '../src/engine/fix.ts';
import { lint } from '../src/engine/runner.ts';
import { alignSeverities, expectedFindings, fixedCounterpart, fixtureLintOptions, lintFixture, listFixtures, repoRoot } from './support/fixtures.ts';
import { libvirtSchemas } from './support/schemas.ts';

// markdownlint's approach: findings marked inline, compared both ways, so a
// missing finding and an unexpected one both fail.
const ruleDirs = readdirSync(join(repoRoot, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory());
const fixtures = [
  ...ruleDirs.flatMap((d) => listFixtures(join(repoRoot, 'rules', d.name, 'fixtures'))),
  ...listFixtures(join(repoRoot, 'fixtures', 'domains')),
];

const schemas = libvirtSchemas();

for (const f of fixtures) {
  test(`fixture ${f.name}`, async () => {
    const expected = expectedFindings(f, false);
    const { actual } = await lintFixture(f);
    assert.deepEqual(alignSeverities(expected, actual), expected);
  });

  // The same fixture validated against libvirt's own schemas: it must be real libvirt XML,
  // or carry schema-invalid markers where the schema rejects it.
  test(`fixture ${f.name} with libvirt's schema`, { skip: schemas.skip }, async () => {
    const { actual } = await lintFixture(f, schemas.dir);
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
