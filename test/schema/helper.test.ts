import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lint } from '../../src/engine/runner.ts';
import { setHelperGraceMs, setSourceWorkerStarter, type HelperStart } from '../../src/schema/helper.ts';
import { loadSchemaValidator, setSchemaHelperThreshold } from '../../src/schema/validator.ts';
import { SCHEMA_WORKER_FILE } from '../../scripts/esbuild-engine.mjs';
import { copyBundle } from '../support/bundle.ts';
import { repoRoot } from '../support/paths.ts';
import { useSourceSchemaHelper } from '../support/schema-helper.ts';
import { libvirtSchemas } from '../support/schemas.ts';

// The --schema helper thread (src/schema/helper.ts): the verdicts are the main thread's, whoever
// reaches them; a helper that fails in any way costs time, never a verdict.
const schemas = libvirtSchemas();
const skip = schemas.skip;
const work = mkdtempSync(join(tmpdir(), 'kvmlint-schema-helper-'));
after(() => {
  setSchemaHelperThreshold(64);
  setSourceWorkerStarter(undefined);
  rmSync(work, { recursive: true, force: true });
});

// libvirt's own test inputs, valid and invalid, as one repository of domains.
const oracle = join(repoRoot, 'test', 'libvirt-oracle');
const repo = join(work, 'repo');
mkdirSync(join(repo, '.git'), { recursive: true });
for (const kind of ['accepted', 'rejected']) cpSync(join(oracle, kind), join(repo, kind), { recursive: true });
const domainCount = ['accepted', 'rejected'].reduce((n, kind) => n + readdirSync(join(oracle, kind)).filter((f) => f.endsWith('.xml')).length, 0);

/** Its own copy of the schemas: helpers are kept per schema directory. */
function schemaCopy(): string {
  const dir = mkdtempSync(join(work, 'schemas-'));
  cpSync(schemas.dir!, dir, { recursive: true });
  return dir;
}

async function findings(schemaDir: string) {
  const run = await lint({ paths: ['accepted', 'rejected'], cwd: repo, configFile: false, schema: schemaDir });
  return run.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
}

/** What the main thread alone finds, each text validated where the rule asks. */
let alone: string[] | undefined;
async function mainThreadFindings(): Promise<string[]> {
  if (alone) return alone;
  setSchemaHelperThreshold(Number.MAX_SAFE_INTEGER);
  alone = await findings(schemaCopy());
  assert.ok(alone.some((f) => f.includes('schema-invalid')), 'the rejected inputs are reported');
  return alone;
}

test('with the helper thread, every verdict is the main thread\'s, and the helper did part of the work', { skip }, async () => {
  const expected = await mainThreadFindings();
  useSourceSchemaHelper();
  setSchemaHelperThreshold(1);
  const dir = schemaCopy();
  // The first run starts the helper, which is ready for the second.
  assert.deepEqual(await findings(dir), expected);
  const validator = await loadSchemaValidator(dir);
  const before = validator.helperValidated!();
  for (let i = 0; i < 50 && before === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (validator.helperValidated!() > 0) break;
    assert.deepEqual(await findings(dir), expected);
  }
  assert.deepEqual(await findings(dir), expected);
  assert.ok(validator.helperValidated!() > before, `the helper validated ${validator.helperValidated!()} of ${domainCount} domains`);
});

test('with the helper, a validator that accepts anything (memory exhausted, a permissive schema) still reports every domain as not known to be valid', { skip }, async () => {
  useSourceSchemaHelper();
  setSchemaHelperThreshold(1);
  const any = '<element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element>';
  const dir = mkdtempSync(join(work, 'anything-'));
  writeFileSync(join(dir, 'domain.rng'), `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>${any}</start><define name="any">${any}</define></grammar>`);
  const validator = await loadSchemaValidator(dir);
  for (let round = 0; round < 50 && validator.helperValidated!() === 0; round++) {
    // One plan (a host's), so one batch: a validator this fast would finish a small batch alone.
    const run = await lint({ paths: ['accepted', 'rejected'], cwd: repo, configFile: false, schema: dir, hostFile: join(repoRoot, 'examples', 'hosts', 'dual-socket.json') });
    const flagged = new Set(run.diagnostics.filter((d) => d.ruleId === 'schema-invalid').map((d) => d.file));
    assert.equal(flagged.size, domainCount, 'every domain is schema-invalid');
    const odd = run.diagnostics.filter((d) => d.ruleId === 'schema-invalid' && !/could not validate/.test(`${d.message} ${d.help ?? ''}`));
    assert.deepEqual(odd.map((d) => `${d.file}: ${d.message} / ${d.help}`), []);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(validator.helperValidated!() > 0, 'the helper took part');
});

test('a batch sent ahead (prefetch) is finished by prevalidate with the same verdicts; one never taken up costs none', { skip }, async () => {
  useSourceSchemaHelper();
  setSchemaHelperThreshold(1);
  const dir = schemaCopy();
  const validator = await loadSchemaValidator(dir, dir, 1000);
  const texts = ['accepted', 'rejected'].flatMap((kind) =>
    readdirSync(join(oracle, kind)).filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(oracle, kind, f), 'utf8')),
  );
  // The main thread alone, before any batch: what every path below must give.
  const expected = texts.map((t) => validator.validate(t));
  assert.ok(expected.some((v) => v !== undefined) && expected.some((v) => v === undefined), 'valid and invalid inputs');
  const half = Math.floor(texts.length / 2);
  const [first, second] = [texts.slice(0, half), texts.slice(half)];
  assert.equal(validator.helperAlive!(), true);
  for (let round = 0; round < 50 && validator.helperValidated!() === 0; round++) {
    validator.prefetch!(texts);
    // The helper works alone until this thread comes for the rest.
    await new Promise((r) => setTimeout(r, 20));
    validator.prevalidate!(texts);
    assert.deepEqual(texts.map((t) => validator.validate(t)), expected);
  }
  assert.ok(validator.helperValidated!() > 0, 'the helper validated part of a batch sent ahead');
  // Given time (40 domains are ~0.1 s of its work), the helper validates the whole batch sent ahead before this thread asks.
  const some = texts.slice(0, 40);
  const before = validator.helperValidated!();
  validator.prefetch!(some);
  await new Promise((r) => setTimeout(r, 2000));
  validator.prevalidate!(some);
  assert.equal(validator.helperValidated!() - before, some.length);
  assert.deepEqual(some.map((t) => validator.validate(t)), expected.slice(0, 40));
  // Sent ahead, then another batch comes first: the first waits its turn, both get their verdicts.
  validator.prefetch!(first);
  validator.prevalidate!(second);
  assert.deepEqual(second.map((t) => validator.validate(t)), expected.slice(half));
  validator.prevalidate!(first);
  assert.deepEqual(first.map((t) => validator.validate(t)), expected.slice(0, half));
});

/** A helper whose worker runs `script` (with the protocol's workerData) instead of src/schema/worker.ts. */
function fakeHelper(script: string): void {
  setSourceWorkerStarter((start: HelperStart) => new Worker(script, { eval: true, workerData: start, transferList: [start.port] }));
}
const READY = `const { workerData } = require('node:worker_threads'); const counter = new Int32Array(workerData.signal);
const post = (m) => { workerData.port.postMessage(m); Atomics.add(counter, 0, 1); Atomics.notify(counter, 0); };`;

for (const [what, script] of [
  ['cannot be started', undefined],
  ['fails to compile the schema', `${READY} post({ failed: 'no schema' });`],
  ['throws on every request', `${READY} post({ ready: true }); workerData.port.on('message', ({ id }) => post({ id, error: 'broken' }));`],
  ['dies after starting', `${READY} post({ ready: true }); workerData.port.on('message', () => process.exit(3));`],
  ['goes quiet', `${READY} post({ ready: true }); workerData.port.on('message', () => {});`],
  ['answers the wrong request', `${READY} post({ ready: true }); workerData.port.on('message', ({ id, texts }) => post({ id: id + 1000, verdicts: texts.map((_, i) => [i, null]) }));`],
  ['claims texts and dies', `${READY} post({ ready: true }); workerData.port.on('message', ({ claim }) => { Atomics.add(new Int32Array(claim), 0, 5); process.exit(3); });`],
  ['claims texts and goes quiet', `${READY} post({ ready: true }); workerData.port.on('message', ({ claim }) => { Atomics.add(new Int32Array(claim), 0, 5); });`],
] as const) {
  test(`a helper that ${what}: the same findings, from the main thread`, { skip }, async () => {
    const expected = await mainThreadFindings();
    if (script === undefined) {
      setSourceWorkerStarter(() => {
        throw new Error('no threads here');
      });
    } else fakeHelper(script);
    setSchemaHelperThreshold(1);
    setHelperGraceMs(300);
    try {
      const dir = schemaCopy();
      for (let round = 0; round < 3; round++) {
        assert.deepEqual(await findings(dir), expected);
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal((await loadSchemaValidator(dir)).helperValidated!(), 0);
    } finally {
      setHelperGraceMs(10_000);
    }
  });
}

test('the CLI bundle starts its helper from beside itself for many domains, and reports what it reports without one', { skip }, () => {
  const cli = copyBundle('kvmlint.mjs', join(work, 'bin', 'kvmlint.mjs'));
  // 70 domains (the helper starts from 64), and the same in two runs of 35 (without one).
  const many = join(work, 'many');
  mkdirSync(join(many, '.git'), { recursive: true });
  const names: string[] = [];
  for (let i = 0; names.length < 70; i++) {
    for (const kind of ['accepted', 'rejected']) {
      for (const f of readdirSync(join(oracle, kind)).filter((n) => n.endsWith('.xml'))) {
        if (names.length === 70) break;
        const name = `${String(names.length).padStart(2, '0')}-${kind}-${f}`;
        writeFileSync(join(many, name), readFileSync(join(oracle, kind, f)));
        names.push(name);
      }
    }
  }
  const run = (files: string[], trace = false) => {
    const args = [cli, '-f', 'json', '--no-config-lookup', '--schema', schemas.dir!, ...files];
    const log = join(work, `strace-${files.length}.log`);
    const r = trace ? spawnSync('strace', ['-f', '-e', 'trace=openat', '-o', log, process.execPath, ...args], { cwd: many, encoding: 'utf8' }) : spawnSync(process.execPath, args, { cwd: many, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const report = JSON.parse(r.stdout) as { diagnostics: unknown[] };
    return { diagnostics: report.diagnostics, opened: trace ? readFileSync(log, 'utf8') : '' };
  };
  const straceWorks = spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status === 0;
  const all = run(names, straceWorks);
  const halves = [...run(names.slice(0, 35)).diagnostics, ...run(names.slice(35)).diagnostics];
  assert.deepEqual(all.diagnostics, halves);
  assert.ok(all.diagnostics.length > 0);
  if (straceWorks) assert.ok(all.opened.includes(`/${SCHEMA_WORKER_FILE}"`), 'the helper was started from beside the bundle');
});
