import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { alignSeverities, lintFixture, listFixtures, repoRoot } from './support/fixtures.ts';

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
}
