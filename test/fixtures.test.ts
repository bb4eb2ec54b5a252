import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { lintAndFix, MAX_FIX_PASSES } from '../src/engine/fix.ts';
import { lint } from '../src/engine/runner.ts';
import { alignSeverities, expectedFindings, fixedCounterpart, fixtureFolders, fixtureLintOptions, lintFixture, listFixtures, repoRoot, snapshotFinding, snapshotPath } from './support/fixtures.ts';
import { libvirtSchemas } from './support/schemas.ts';

// markdownlint's approach: findings marked inline, compared both ways, so a
// missing finding and an unexpected one both fail.
const ruleDirs = readdirSync(join(repoRoot, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory());
const fixtures = [
  ...ruleDirs.flatMap((d) => listFixtures(join(repoRoot, 'rules', d.name, 'fixtures'))),
  ...listFixtures(join(repoRoot, 'fixtures', 'domains')),
];

const schemas = libvirtSchemas();

/** Each fixtures folder's snapshot (`npm run snapshots` writes them): fixture name → every finding. */
const snapshots = new Map<string, Record<string, unknown[]>>();
function snapshotOf(fixturePath: string): unknown[] | undefined {
  const dir = dirname(fixturePath);
  if (!snapshots.has(dir)) snapshots.set(dir, existsSync(snapshotPath(dir)) ? JSON.parse(readFileSync(snapshotPath(dir), 'utf8')) : {});
  return snapshots.get(dir)![basename(fixturePath)];
}

test('every fixtures folder has a snapshot naming exactly its fixtures', () => {
  for (const dir of fixtureFolders()) {
    const path = snapshotPath(dir);
    assert.ok(existsSync(path), `${relative(repoRoot, path)} is missing: run npm run snapshots`);
    const names = Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).sort();
    assert.deepEqual(names, listFixtures(dir).map((f) => basename(f.name)).sort(), `${relative(repoRoot, path)} is stale: run npm run snapshots`);
  }
});

test('every finding of every fixture: declared by messageId, one line of at most 120 characters, help one line', () => {
  const problems: string[] = [];
  for (const dir of fixtureFolders()) {
    const path = snapshotPath(dir);
    if (!existsSync(path)) continue;
    const snap = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Array<{ ruleId: string; messageId?: string; message: string; help?: string }>>;
    for (const [name, findings] of Object.entries(snap)) {
      for (const d of findings) {
        const at = `${relative(repoRoot, dir)}/${name} ${d.ruleId}`;
        if (d.messageId === undefined) problems.push(`${at}: no messageId`);
        if (d.message.length > 120) problems.push(`${at}: message is ${d.message.length} characters: ${d.message}`);
        if (/[\r\n]/.test(d.message) || /[\r\n]/.test(d.help ?? '')) problems.push(`${at}: message or help spans lines`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

for (const f of fixtures) {
  test(`fixture ${f.name}`, async () => {
    const expected = expectedFindings(f, false);
    const { actual, diagnostics } = await lintFixture(f);
    assert.deepEqual(alignSeverities(expected, actual), expected);
    // The complete findings (messageId, data, positions, related places, fix, suggestions) against the snapshot.
    const found = JSON.parse(JSON.stringify(diagnostics.map(snapshotFinding))) as unknown[];
    assert.deepEqual(found, snapshotOf(join(repoRoot, f.name)), 'the findings differ from the snapshot: run npm run snapshots and review the diff');
    // A fixable finding must have its --fix output pinned (markdownlint and ESLint check the fixed text too).
    if (diagnostics.some((d) => d.fix)) {
      assert.ok(f.files.length === 1 && fixedCounterpart(f), `a finding here is fixable: add ${f.name.replace(/\.xml$/, '.fixed.xml')} with the output of --fix`);
    }
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
      // Fixes that undo each other never converge: every pass would find something to change again.
      assert.ok(first.passes < MAX_FIX_PASSES, `--fix did not converge in ${MAX_FIX_PASSES} passes: fixes undo each other`);
      assert.equal(first.fixed.get(file), expected);
      assert.deepEqual(first.run.diagnostics.filter((d) => d.fix), [], 'no fixable finding remains');
      const relint = await lint(fixtureLintOptions(f, new Map([[file, expected]])));
      assert.deepEqual(relint.diagnostics.filter((d) => d.fix), []);
      const second = await lintAndFix(fixtureLintOptions(f, new Map([[file, expected]])));
      assert.equal(second.fixed.size, 0, 'a second --fix changes nothing');
    });
  }
}
