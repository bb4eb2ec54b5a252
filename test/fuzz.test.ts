/**
 * The fuzzer in CI (issue 7 "Done when" 3): a fixed seed, a bounded count, 0
 * crashes. `npm run fuzz` runs the same code longer (100,000 by default).
 * The other tests make sure the fuzzer would notice a crash at all.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDiagnostics, loadSeeds, makeCase, makeWorkspace, runCase, runFuzz } from '../scripts/fuzz.ts';

const CI_SEED = 20250607;
const CI_COUNT = 10_000;
const CI_SUBPROCESS = 30;

const work = mkdtempSync(join(tmpdir(), 'kvmlint-fuzz-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

test(`fuzz: ${CI_COUNT.toLocaleString('en')} mutations of the fixtures (seed ${CI_SEED}), ${CI_SUBPROCESS} of them through the CLI bundle: 0 crashes`, async (t) => {
  const crashDir = join(work, 'crashes');
  const lines: string[] = [];
  const report = await runFuzz({ seed: CI_SEED, count: CI_COUNT, subprocess: CI_SUBPROCESS, crashDir, log: (s) => lines.push(s) });
  for (const l of lines) t.diagnostic(l);
  assert.ok(report.seeds >= 100, `${report.seeds} seed files`);
  assert.equal(report.subprocessRuns, CI_SUBPROCESS);
  assert.deepEqual(
    report.crashes.map((c) => `${c.kind} at case ${c.index} (${c.seedFile}: ${c.notes.join('; ')}): ${c.detail.split('\n')[0]}`),
    [],
    `reproduce with: npm run fuzz -- --seed ${CI_SEED} --case <n>`,
  );
  // The mutants reach past the parser: well-formed ones exercise the models and every kind of rule.
  const reached = Object.keys(report.ruleHits);
  for (const id of ['xml-malformed', 'value-invalid', 'cpuset-syntax', 'pin-crosses-nodeset', 'insufficient-hugepages', 'housekeeping-overlap']) {
    assert.ok(reached.includes(id), `no mutant reached ${id} (reached: ${reached.join(', ')})`);
  }
  assert.ok(report.ruleHits['xml-malformed']! < CI_COUNT * 0.8, 'most mutants must stay well formed enough to reach the rules');
});

test('fuzz cases are a pure function of (seed, index)', () => {
  const { seeds, hosts } = loadSeeds();
  const a = makeCase(seeds, hosts, 99, 1234);
  const b = makeCase(seeds, hosts, 99, 1234);
  assert.deepEqual({ ...a, companions: a.companions.map((s) => s.path) }, { ...b, companions: b.companions.map((s) => s.path) });
  const texts = new Set(Array.from({ length: 20 }, (_, i) => makeCase(seeds, hosts, 99, i)).map((c) => c.text + (c.bytes?.toString('hex') ?? '')));
  assert.ok(texts.size >= 18, 'different indices give different inputs');
});

test('the fuzzer counts a diagnostic outside the file, or with line:column off its range, as a crash', () => {
  const text = 'ab\r\ncd\nef';
  const d = { ruleId: 'r', message: 'm', file: 'f.xml', range: { start: 4, end: 6 }, line: 2, column: 1, endLine: 2, endColumn: 3 };
  assert.deepEqual(checkDiagnostics([d], new Map([['f.xml', text]])), []);
  assert.match(checkDiagnostics([{ ...d, range: { start: 4, end: 11 } }], new Map([['f.xml', text]]))[0] ?? '', /outside 0\.\.9/);
  assert.match(checkDiagnostics([{ ...d, range: { start: -1, end: 2 } }], new Map([['f.xml', text]]))[0] ?? '', /outside/);
  assert.match(checkDiagnostics([{ ...d, column: 2 }], new Map([['f.xml', text]]))[0] ?? '', /but its range/);
  assert.match(checkDiagnostics([{ ...d, fix: { range: [0, 99], text: '' } }], new Map([['f.xml', text]]))[0] ?? '', /fix range/);
  assert.match(checkDiagnostics([{ ...d, message: 'x'.repeat(5000) }], new Map([['f.xml', text]]))[0] ?? '', /message of 5000/);
  assert.match(checkDiagnostics([d, { ...d, ruleId: 'xml-malformed' }, { ...d, ruleId: 'xml-malformed' }], new Map([['f.xml', text]]))[0] ?? '', /2 xml-malformed/);
});

test('the fuzzer records an exception as a crash, in-process', async () => {
  const { seeds, hosts } = loadSeeds();
  const ws = makeWorkspace(mkdtempSync(join(work, 'ws-')));
  const r = await runCase(
    {
      lint: async () => {
        throw new TypeError('boom');
      },
    },
    ws,
    makeCase(seeds, hosts, 1, 0),
  );
  assert.equal(r.crash?.kind, 'exception');
  assert.match(r.crash?.detail ?? '', /TypeError: boom/);
});

test('the fuzzer stops a hung case with its watchdog, records exceptions and bad ranges, saves each input and carries on', async () => {
  // A stand-in engine: the 2nd call throws, the 3rd never returns, the 5th reports past the end of the file.
  const counter = join(work, 'calls');
  writeFileSync(counter, '0');
  const engine = join(work, 'fake-engine.mjs');
  writeFileSync(
    engine,
    `import { readFileSync, writeFileSync } from 'node:fs';
export async function lint(o) {
  const n = Number(readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1;
  writeFileSync(${JSON.stringify(counter)}, String(n));
  const path = o.paths[0];
  const text = o.overrides?.get(path) ?? readFileSync(path, 'utf8');
  if (n === 2) throw new Error('boom');
  if (n === 3) for (;;) {}
  const diagnostics = n === 5 ? [{ ruleId: 'x', severity: 'error', message: 'm', file: path, range: { start: 0, end: text.length + 1 }, line: 1, column: 1, endLine: 1, endColumn: 1 }] : [];
  return { diagnostics, sources: new Map([[path, text]]), executionSuccessful: true };
}
`,
  );
  const crashDir = join(work, 'fake-crashes');
  const report = await runFuzz({ seed: 3, count: 6, subprocess: 0, crashDir, engine, hangMs: 1500, log: () => {} });
  assert.deepEqual(report.crashes.map((c) => `${c.kind}@${c.index}`).sort(), ['exception@1', 'hang@2', 'range@4']);
  const saved = readdirSync(crashDir).sort();
  assert.deepEqual(saved, ['seed3-case1-exception.json', 'seed3-case1-exception.xml', 'seed3-case2-hang.json', 'seed3-case2-hang.xml', 'seed3-case4-range.json', 'seed3-case4-range.xml']);
  const info = JSON.parse(readFileSync(join(crashDir, 'seed3-case2-hang.json'), 'utf8')) as { reproduce: string };
  assert.equal(info.reproduce, 'npm run fuzz -- --seed 3 --case 2');
});
