import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { multitoolValidate, schemaValidator } from './formats/sarif-validators.ts';
import { repoRoot } from './support/paths.ts';

// `kvmlint -f sarif` on the shipped examples, as code scanning would receive it.
function sarifOf(args: string[]): Log {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'kvmlint.mjs'), '-f', 'sarif', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, GITHUB_WORKSPACE: '' } });
  assert.equal(r.status, 1, r.stderr);
  return JSON.parse(r.stdout) as Log;
}

const examples = sarifOf(['--host', 'examples/hosts/dual-socket.json', 'examples/production-vm.xml', 'examples/domains']);
const fleet = sarifOf(['examples/fleet']);

test('kvmlint -f sarif passes the OASIS 2.1.0 schema and the SARIF multitool with zero errors', () => {
  const validate = schemaValidator();
  assert.deepEqual(validate(examples), []);
  assert.deepEqual(validate(fleet), []);
  const findings = multitoolValidate({ examples, fleet });
  assert.deepEqual(findings.filter((f) => f.level === 'error'), []);
});

test('every result\'s region is the element or attribute at fault, and URIs are repository-relative', () => {
  const run = examples.runs[0]!;
  const results = run.results ?? [];
  assert.ok(results.length >= 5);
  // One finding per cause: the other places are relatedLocations, each with its own message and region.
  const crosses = results.find((r) => r.ruleId === 'pin-crosses-nodeset')!;
  assert.equal(crosses.relatedLocations?.length, 3);
  for (const rel of crosses.relatedLocations ?? []) assert.ok(rel.message?.text && rel.physicalLocation?.region?.startLine, 'a related location with message and region');
  const ids = new Set(results.map((r) => r.ruleId));
  for (const id of ['missing-emulatorpin', 'housekeeping-overlap', 'pin-crosses-nodeset', 'insufficient-hugepages', 'min-free-kbytes-exceeds-node-free']) assert.ok(ids.has(id), id);
  for (const r of results) {
    const loc = r.locations![0]!.physicalLocation!;
    assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
    const uri = loc.artifactLocation!.uri!;
    assert.match(uri, /^examples\//);
    const text = readFileSync(join(repoRoot, decodeURIComponent(uri)), 'utf8');
    const { charOffset, charLength, startLine, startColumn, endLine, endColumn } = loc.region!;
    const slice = text.slice(charOffset!, charOffset! + charLength!);
    const lines = text.split('\n');
    assert.equal(slice.startsWith(lines[startLine! - 1]!.slice(startColumn! - 1, startColumn! - 1 + Math.min(slice.length, 5))), true);
    assert.ok(endLine! >= startLine! && (endLine! > startLine! || endColumn! > startColumn!), 'a non-empty region');
    if (r.ruleId === 'min-free-kbytes-exceeds-node-free') assert.equal(slice, '524288', 'the vm.min_free_kbytes value');
    else if (r.ruleId === 'housekeeping-overlap') assert.match(slice, /^cpuset='[\d,-]+'$/);
    else if (r.ruleId === 'pin-crosses-nodeset') assert.match(slice, /^<vcpupin [^>]*\/>$/);
    else if (r.ruleId === 'insufficient-hugepages') assert.match(slice, /^<page [^>]*\/>$/);
    else if (r.ruleId === 'missing-emulatorpin') assert.equal(slice, '<cputune>');
  }
});

test('rules[] carries each rule\'s help from its README and the fix as result.fixes', () => {
  const driver = examples.runs[0]!.tool.driver;
  for (const rule of driver.rules ?? []) {
    const readme = readFileSync(join(repoRoot, 'rules', rule.id, 'README.md'), 'utf8');
    assert.equal(rule.help?.markdown, readme, rule.id);
    assert.ok(rule.help?.text && rule.help.text.length > 100, rule.id);
    assert.ok(rule.fullDescription?.text && readme.includes(rule.fullDescription.text.slice(0, 30)), rule.id);
  }
  const fixable = examples.runs[0]!.results!.find((r) => r.ruleId === 'missing-emulatorpin')!;
  const replacement = fixable.fixes![0]!.artifactChanges[0]!.replacements[0]!;
  assert.equal(replacement.deletedRegion.charLength, 0, 'an insertion');
  assert.match(replacement.insertedContent!.text!, /<emulatorpin cpuset='0-3'\/>/);
});
