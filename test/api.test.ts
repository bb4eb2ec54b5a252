/**
 * The library's contract (src/api.ts) as an embedder meets it: levels as the config takes them,
 * results that survive JSON, clear errors for input of the wrong shape, the CLI's findings for the
 * same files, and rule metadata no caller can change under later calls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, formats, HostSnapshotError, lintPlan, rules, type LintPlanInput } from '../src/api.ts';
import { repoRoot } from './support/paths.ts';

const examples = join(repoRoot, 'examples/domains');
const domains = readdirSync(examples)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => ({ path: `examples/domains/${f}`, text: readFileSync(join(examples, f), 'utf8') }));
const host = { path: 'examples/hosts/dual-socket.json', text: readFileSync(join(repoRoot, 'examples/hosts/dual-socket.json'), 'utf8') };

test('rule levels are read as kvmlint.config.json reads them: warn is warning, anything else is refused', () => {
  const warned = lintPlan({ domains, host, rules: { 'pin-crosses-nodeset': 'warn' } });
  const pin = warned.diagnostics.filter((d) => d.ruleId === 'pin-crosses-nodeset');
  assert.ok(pin.length > 0);
  assert.deepEqual([...new Set(pin.map((d) => d.severity))], ['warning']);
  assert.match(format(warned, 'compact'), /pin-crosses-nodeset\.xml:\d+:\d+: warning: /);
  for (const level of ['bogus', 2, 0, 'Warn', 'toString']) {
    assert.throws(
      () => lintPlan({ domains, rules: { 'pin-crosses-nodeset': level } } as unknown as LintPlanInput),
      (e: Error) => /rule 'pin-crosses-nodeset': unknown level .*: use off, info, warn or error/.test(e.message),
      String(level),
    );
  }
  assert.equal(lintPlan({ domains, host, rules: { 'pin-crosses-nodeset': ['off', {}] } }).diagnostics.filter((d) => d.ruleId === 'pin-crosses-nodeset').length, 0);
});

test('a result survives JSON: every format renders the revived result as the original, without the rules\' READMEs', () => {
  const result = lintPlan({ domains, host });
  const json = JSON.stringify(result);
  assert.ok(!json.includes('## Why this matters'), 'rule documentation left out of JSON');
  assert.ok(json.length < 200_000, `${json.length} characters`);
  const revived = JSON.parse(json) as typeof result;
  assert.equal(typeof revived.sources, 'object');
  for (const name of formats) assert.equal(format(revived, name), format(result, name), name);
});

test('the same files give the CLI\'s findings, planner suggestions included', () => {
  const cli = spawnSync(process.execPath, [join(repoRoot, 'dist/bin.cjs'), '--no-config-lookup', '-f', 'json', '--host', host.path, 'examples/domains'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(cli.status, 1, cli.stderr);
  const fromCli = JSON.parse(cli.stdout) as { diagnostics: Array<{ file: string; ruleId: string; line: number; column: number; message: string; suggestions?: unknown[] }> };
  const ours = lintPlan({ domains, host }).diagnostics;
  const key = (d: { file: string; ruleId: string; line: number; column: number; message: string; suggestions?: unknown[] }) =>
    `${d.file} ${d.ruleId} ${d.line}:${d.column} ${d.message} suggestions=${d.suggestions?.length ?? 0}`;
  assert.deepEqual(ours.map(key).sort(), fromCli.diagnostics.map(key).sort());
  assert.ok(ours.some((d) => d.ruleId === 'housekeeping-overlap' && (d.suggestions?.length ?? 0) > 0), 'a planned layout is offered');
  assert.ok(lintPlan({ domains, host, planSuggestions: false }).diagnostics.every((d) => d.ruleId === 'pin-crosses-nodeset' || !d.suggestions), 'planSuggestions: false leaves the planner out');
});

test('input of the wrong shape is a TypeError saying what was expected; a bad host a HostSnapshotError', () => {
  const cases: Array<[unknown, RegExp]> = [
    [undefined, /expected an object/],
    [{}, /domains must be an array/],
    [{ domains: domains[0] }, /domains must be an array/],
    [{ domains: [{ path: 'a.xml' }] }, /domains\[0\] must be \{ path: string, text: string \}/],
    [{ domains: [domains[0], { ...domains[1], path: domains[0]!.path }] }, /domains\[1\]\.path '.*' is given twice/],
    [{ domains, host: { path: 'h.json' } }, /host must be/],
    [{ domains, rules: ['x'] }, /rules must be an object/],
    [{ domains, housekeeping: '0-1' }, /housekeeping needs a host/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => lintPlan(input as LintPlanInput), (e: Error) => e instanceof TypeError && message.test(e.message), JSON.stringify(input)?.slice(0, 60));
  }
  assert.throws(() => lintPlan({ domains, host: { path: 'h.json', text: '{}' } }), (e: Error) => e instanceof HostSnapshotError && e.message.startsWith('h.json: '));
  assert.throws(() => format(lintPlan({ domains }), 'stylish' as never), /unknown format "stylish": use text, codeframe, compact, json, sarif, github/);
});

test('format neutralises every string of a result it is handed, the rule id too', () => {
  const result = lintPlan({ domains });
  const hostile = { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, ruleId: 'x\u001b[31m\u202e' })) };
  for (const name of ['text', 'compact', 'codeframe'] as const) {
    const out = format(hostile, name);
    assert.ok(!/[\u001b\u202e]/.test(out), `${name}: a raw control or bidi character`);
  }
});

test('format refuses a revived result whose positions are not numbers (they are printed as they are)', () => {
  const result = JSON.parse(JSON.stringify(lintPlan({ domains })));
  assert.ok(result.diagnostics.length > 0);
  const evil = '1\u001b]0;T\u0007\n::error::FORGED\u202e';
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    const hostile = { ...result, diagnostics: result.diagnostics.map((d: Record<string, unknown>) => ({ ...d, [key]: evil })) };
    for (const name of ['text', 'compact', 'codeframe', 'github', 'json', 'sarif'] as const) {
      let out = '';
      try {
        out = format(hostile, name);
      } catch (e) {
        assert.ok(e instanceof TypeError && new RegExp(`diagnostics\\[0\\]\\.${key} must be`).test(e.message), `${key} ${name}: ${e}`);
        continue;
      }
      assert.ok(!/[\u001b\u0007\u202e]/.test(out) && !/^::error::FORGED/m.test(out), `${key} ${name}: a raw control or a forged line`);
    }
  }
});

test('rule metadata is frozen: a caller cannot change what later calls report', () => {
  const meta = rules.find((r) => r.id === 'missing-emulatorpin')!;
  assert.throws(() => {
    (meta as { severity: string }).severity = 'error';
  }, TypeError);
  assert.throws(() => {
    (meta.messages as Record<string, unknown>).x = 1;
  }, TypeError);
  assert.ok(Object.isFrozen(rules));
});
