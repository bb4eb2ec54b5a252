import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definedGuests, uuidKey } from '../../src/model/domain-identity.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { parseXml } from '../../src/xml/index.ts';
import { lint } from '../../src/engine/runner.ts';
import { repoRoot } from '../support/paths.ts';

const U1 = '626d209b-d6e8-55e5-ae8c-326a8b67fcde';
const U2 = '11111111-2222-4333-8444-555555555555';
const file = (label: string, name?: string, uuid?: string) => {
  const doc = parseXml(`<domain type='kvm'>${name === undefined ? '' : `<name>${name}</name>`}${uuid === undefined ? '' : `<uuid>${uuid}</uuid>`}</domain>`);
  return { label, domain: buildDomainModel(doc.root!) };
};
const kept = (files: ReturnType<typeof file>[]) => definedGuests(files).map((f) => f.label);

test('definedGuests: the files defined in path order, as virDomainObjListAddLocked keeps them', () => {
  // No clash: the same array back.
  const distinct = [file('a', 'web-01', U1), file('b', 'web-02', U2)];
  assert.equal(definedGuests(distinct), distinct);
  // The same name and uuid (a copy, a symlinked second name): the later define replaces the earlier.
  assert.deepEqual(kept([file('a', 'web-01', U1), file('b', 'web-01', U1.toUpperCase().replace(/-/g, ''))]), ['b']);
  // The same name under another uuid, or the same uuid under another name: the second is refused.
  assert.deepEqual(kept([file('a', 'web-01', U1), file('b', 'web-01', U2)]), ['a']);
  assert.deepEqual(kept([file('a', 'web-01', U1), file('b', 'web-02', U1)]), ['a']);
  // A refused file claims nothing: c, which shares only the refused b's uuid, is defined.
  assert.deepEqual(kept([file('a', 'web-01', U1), file('b', 'web-01', U2), file('c', 'web-03', U2)]), ['a', 'c']);
  // Names compare as written: a trailing space makes another domain (libvirt trims nothing).
  assert.deepEqual(kept([file('a', 'web-01', U1), file('b', 'web-01 ', U1)]), ['a']);
  assert.deepEqual(kept([file('a', 'web-01', U1), file('b', 'web-01 ', U2)]), ['a', 'b']);
  // Without <uuid> libvirt generates one: only the name can clash, and then the second is refused.
  assert.deepEqual(kept([file('a', 'web-01'), file('b', 'web-01'), file('c', undefined, U1), file('d', undefined, U1)]), ['a', 'c']);
  assert.equal(uuidKey(` ${U1.toUpperCase()} `), U1);
  assert.equal(uuidKey(U1.replace(/-/g, '')), U1);
  assert.equal(uuidKey(`\t${U1.replace(/-/g, ' ')}\n`), U1);
  // What virUUIDParse refuses stays its own key: a non-breaking space is not white space to it, nor a split hex pair.
  assert.equal(uuidKey('not-a-uuid'), 'not-a-uuid');
  assert.equal(uuidKey(`\u00a0${U1}`), `\u00a0${U1}`);
  assert.equal(uuidKey(`${U1.slice(0, 1)}-${U1.slice(1)}`), `${U1.slice(0, 1)}-${U1.slice(1)}`);
  assert.equal(uuidKey(`${U1}-`), `${U1}-`);
  assert.equal(uuidKey('  '), undefined);
});

test('a copied or symlinked domain file is one guest to the plan rules: no CPU conflict with itself, its pages counted once', async () => {
  const copied = join(repoRoot, 'rules', 'duplicate-domain-identity', 'fixtures', 'copied');
  const host = join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
  const run = await lint({ paths: [copied], cwd: repoRoot, hostFile: host, configFile: false });
  assert.deepEqual(run.diagnostics.filter((d) => d.ruleId !== 'duplicate-domain-identity' && d.ruleId !== 'locked-memory-risk').map((d) => `${d.ruleId}: ${d.message}`), []);
  assert.equal(run.diagnostics.filter((d) => d.ruleId === 'duplicate-domain-identity').length, 1);

  // A symlinked second name for a guest whose pages fill half the pool: no shortage.
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-alias-'));
  try {
    cpSync(join(repoRoot, 'test', 'plan', 'cases', 'unplanned-overdraw', 'web-01.xml'), join(dir, 'web-01.xml'));
    cpSync(join(repoRoot, 'test', 'plan', 'cases', 'unplanned-overdraw', 'host.json'), join(dir, 'host.json'));
    symlinkSync('web-01.xml', join(dir, 'web-01-alias.xml'));
    const aliased = await lint({ paths: [dir], cwd: dir, hostFile: join(dir, 'host.json'), configFile: false });
    const rules = aliased.diagnostics.map((d) => d.ruleId);
    assert.ok(rules.includes('duplicate-domain-identity'), rules.join(', '));
    assert.deepEqual(rules.filter((r) => r === 'insufficient-hugepages' || r === 'dedicated-cpu-conflict' || r === 'smt-sibling-sharing'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
