import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../src/engine/registry.ts';
import { configSchemaPath, readmePath, renderConfigSchema, renderReadmeRulesTable, renderRulesIndex, ruleFolders, rulesDir, withRulesTable } from '../scripts/gen-rules-index.ts';
import { listFixtures } from './support/fixtures.ts';

const REQUIRED_SECTIONS = ['## Why this matters', '## Incorrect', '## Correct', '## Fix', '## Sources'];

test('every rule folder is registered, and every registered rule has a folder', () => {
  assert.deepEqual(rules.map((r) => r.meta.id).sort(), ruleFolders());
});

test('generated files are current (rules/index.ts and the README rules table)', async () => {
  assert.equal(readFileSync(join(rulesDir, 'index.ts'), 'utf8'), renderRulesIndex(), 'run npm run gen');
  const readme = readFileSync(readmePath, 'utf8');
  assert.equal(readme, withRulesTable(readme, await renderReadmeRulesTable()), 'run npm run gen');
  const schema = readFileSync(configSchemaPath, 'utf8');
  assert.equal(schema, await renderConfigSchema(schema), 'run npm run gen (the config schema carries each rule\'s options)');
});

for (const rule of rules) {
  const { meta } = rule;
  const dir = join(rulesDir, meta.id);

  test(`${meta.id}: metadata is complete and consistent`, () => {
    assert.match(meta.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.equal(meta.name, meta.id.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''), 'name is the PascalCase id');
    assert.ok(['error', 'warning', 'info'].includes(meta.severity));
    assert.ok(['problem', 'suggestion'].includes(meta.type));
    assert.ok(['domain', 'host', 'plan'].includes(meta.needs));
    assert.ok(meta.summary.length > 20 && meta.summary.length < 200, 'summary is one sentence');
    assert.ok(meta.tags.length > 0);
    // A rule that checks nothing itself must be one the runner reports for it.
    assert.ok(rule.checkDomain || rule.checkPlan || ['xml-malformed', 'not-a-domain', 'unused-disable-directive', 'too-many-findings'].includes(meta.id), 'rule has a check');
  });

  test(`${meta.id}: README has the standard sections and matches fixability`, () => {
    const path = join(dir, 'README.md');
    assert.ok(existsSync(path), 'README.md exists');
    const md = readFileSync(path, 'utf8');
    assert.ok(md.startsWith(`# ${meta.id}\n`), 'README title is the rule id');
    for (const s of REQUIRED_SECTIONS) assert.ok(md.includes(`\n${s}`), `README has ${s}`);
    assert.match(md, /```xml\n/, 'README shows XML');
    const fixSection = md.slice(md.indexOf('## Fix'));
    if (meta.fixable) assert.match(fixSection, /--fix/, 'a fixable rule says what --fix does');
  });

  test(`${meta.id}: at least 3 fixtures trigger it and 3 do not`, (t) => {
    // A file over 1,000 findings is no fixture to keep in the tree: the engine's bound is tested with
    // generated files (test/security/limits.test.ts).
    if (meta.id === 'too-many-findings') return t.skip('generated inputs in test/security/limits.test.ts');
    const fixtures = listFixtures(join(dir, 'fixtures'));
    const triggering = fixtures.filter((f) => f.rulesExpected.has(meta.id));
    const clean = fixtures.filter((f) => !f.rulesExpected.has(meta.id));
    assert.ok(triggering.length >= 3, `${triggering.length} triggering fixtures`);
    assert.ok(clean.length >= 3, `${clean.length} clean fixtures`);
  });
}

test('fixture folders hold only XML fixtures and directories', () => {
  for (const id of ruleFolders()) {
    const dir = join(rulesDir, id, 'fixtures');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) assert.ok(f.endsWith('.xml') || !f.includes('.'), `${id}/fixtures/${f}`);
    // The snapshot of the folder's findings sits beside it (rules/<id>/fixtures.snap.json).
  }
});
