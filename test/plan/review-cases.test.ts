import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { runPlan } from '../../src/commands/plan.ts';
import { isPlacementFinding } from '../../src/plan/problem.ts';
import { parseXml } from '../../src/xml/index.ts';
import { repoRoot } from '../support/paths.ts';

// Instances an independent brute force found the planner wrong on (a review of the exact solver
// and the rewriter). Each file is planned as the CLI plans it; the layout must lint clean.
const cases = join(repoRoot, 'test', 'plan', 'cases');
const dualSocket = join(repoRoot, 'examples', 'hosts', 'dual-socket.json');

async function planClean(dir: string, files: readonly string[], hostFile: string) {
  const options = { paths: files.map((f) => join(dir, f)), cwd: dir, hostFile, configFile: false as const };
  const run = await runPlan(options);
  assert.deepEqual(run.plans.map((p) => p.status), ['planned'], `${files.join(', ')}: ${JSON.stringify(run.plans.map((p) => ('shortages' in p ? p.shortages : p.status)))}`);
  assert.deepEqual(run.remaining, []);
  const overrides = new Map([...run.changed].map(([abs, c]) => [abs, c.after] as const));
  const after = await lint({ ...options, overrides, planSuggestions: false });
  assert.deepEqual(after.diagnostics.filter(isPlacementFinding).map((d) => `${d.file} ${d.ruleId}: ${d.message}`), []);
  return run;
}

test('plan: a guest that must be spread over two equal nodes is placed whichever node the other guest is on today', async () => {
  // Two twin nodes: x (4 vCPUs, on node 0 today) must move to node 1 so that y (no cells, 3 vCPUs, 6 GiB of
  // 1 GiB pages, 4 per node) can take 2 + 1 vCPUs and 3 + 3 pages. Symmetry breaking took the nodes for
  // interchangeable although y's larger share goes to the lower node id: "no layout exists".
  const run = await planClean(join(cases, 'spread-twin'), ['x.xml', 'y.xml'], 'host.json');
  assert.equal(run.changed.size, 2);
});

test('plan: a core whose SMT sibling is offline carries a vCPU (the sibling runs nothing)', async () => {
  await planClean(join(cases, 'offline-sibling'), ['vm.xml'], 'host.json');
});

test('plan: empty or self-closing <cputune> and <numatune>, and cells under a lone <numatune><memory>, are rewritten whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-plan-shapes-'));
  try {
    cpSync(join(cases, 'rewrite-shapes'), dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      // Each shape crashed ("plan edits overlap"), nested a <cputune> in <cputune/>, or dropped all pins but one.
      const run = await planClean(dir, [file], dualSocket);
      const after = [...run.changed.values()][0]!.after;
      const doc = parseXml(after);
      assert.equal(doc.error, undefined, file);
      const cputune = doc.root!.children.filter((c) => c.name === 'cputune');
      assert.equal(cputune.length, 1, file);
      assert.deepEqual(cputune[0]!.children.filter((c) => c.name === 'cputune'), [], `${file}: nested <cputune>`);
      assert.equal(cputune[0]!.children.filter((c) => c.name === 'vcpupin').length, 4, `${file}: a vcpupin per vCPU`);
      assert.equal(cputune[0]!.children.filter((c) => c.name === 'emulatorpin').length, 1, file);
      const numatune = doc.root!.children.find((c) => c.name === 'numatune')!;
      const cells = doc.root!.children.find((c) => c.name === 'cpu')?.children.find((c) => c.name === 'numa')?.children.length ?? 0;
      assert.equal(numatune.children.filter((c) => c.name === 'memnode').length, cells, `${file}: a memnode per cell`);
      assert.equal(numatune.children.filter((c) => c.name === 'memory').length, 1, file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kvmlint plan --max-steps takes a positive integer only, and a search that runs out says it found nothing, not that nothing exists', () => {
  const bin = join(repoRoot, 'dist', 'bin.cjs');
  const dir = join(cases, 'spread-twin');
  for (const bad of ['abc', '0', '-5', '1.5']) {
    const r = spawnSync(process.execPath, [bin, 'plan', '--no-config-lookup', '--host', 'host.json', '--max-steps', bad, 'x.xml', 'y.xml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, `--max-steps ${bad}: ${r.stderr}`);
    assert.match(r.stderr, /--max-steps .*expected a positive integer/);
  }
  const r = spawnSync(process.execPath, [bin, 'plan', '--no-config-lookup', '--host', 'host.json', '--max-steps', '1', 'x.xml', 'y.xml'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /: the search gave up after 1 step \(\d+ ms\): no layout found, none ruled out \(raise --max-steps\)\n/);
  assert.doesNotMatch(r.stderr, /no layout exists/);
});

test('plan: a Latin-1 guest (encoding declared) is planned around; a guest file that does not parse makes the plan refuse, never place over it', async () => {
  // web-01 declares ISO-8859-1 and holds a Latin-1 'é'; it is pinned to CPUs 4-7. x-01 collides with it.
  const dir = join(cases, 'unparsed-member');
  const run = await planClean(dir, ['web-01.xml', 'x-01.xml'], 'host.json');
  const x01 = [...run.changed.values()].find((c) => c.shown.endsWith('x-01.xml'))!;
  assert.doesNotMatch(x01.after, /cpuset='[4-7]'/, 'x-01 kept off web-01\'s CPUs');
  assert.equal(run.changed.size, 1, 'web-01 kept');

  // The same guest with a mistyped end tag: its CPUs are unknown, so nothing is planned.
  const work = mkdtempSync(join(tmpdir(), 'kvmlint-plan-unparsed-'));
  try {
    cpSync(dir, work, { recursive: true });
    const broken = readFileSync(join(work, 'web-01.xml'), 'latin1').replace('</name>', '</nam>');
    writeFileSync(join(work, 'web-01.xml'), broken, 'latin1');
    const refused = await runPlan({ paths: ['web-01.xml', 'x-01.xml'].map((f) => join(work, f)), cwd: work, hostFile: 'host.json', configFile: false });
    assert.deepEqual(refused.plans.map((p) => p.status), ['refused']);
    assert.match(refused.plans[0]!.status === 'refused' ? refused.plans[0]!.reason : '', /web-01\.xml is not well-formed XML/);
    assert.equal(refused.changed.size, 0);
    // Nor does the lint suggest a plan's change for x-01.
    const linted = await lint({ paths: ['web-01.xml', 'x-01.xml'].map((f) => join(work, f)), cwd: work, hostFile: 'host.json', configFile: false, planSuggestions: true });
    assert.ok(linted.diagnostics.some(isPlacementFinding));
    assert.deepEqual(linted.diagnostics.flatMap((d) => (d.suggestions ?? []).filter((s) => /kvmlint plan/.test(s.message)).map((s) => s.message)), [], 'no plan suggestion');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('plan: a guest file that does not parse on a host without a placement finding is refused (exit 1), not "unchanged"', () => {
  // The broken guest's CPUs and memory are unknown: whether the host needs a layout is unknown too.
  const work = mkdtempSync(join(tmpdir(), 'kvmlint-plan-unparsed-alone-'));
  try {
    cpSync(join(cases, 'unparsed-member'), work, { recursive: true });
    const broken = readFileSync(join(work, 'web-01.xml'), 'latin1').replace('</name>', '</nam>');
    writeFileSync(join(work, 'web-01.xml'), broken, 'latin1');
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bin.cjs'), 'plan', '--no-config-lookup', '--host', 'host.json', 'web-01.xml'], { cwd: work, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /not planned: web-01\.xml is not well-formed XML/);
    assert.doesNotMatch(r.stderr, /unchanged/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('plan: a guest kvmlint does not read as libvirt does (a second <cputune>) makes the plan refuse, never place over it', () => {
  // libvirt reads both <cputune> elements as one; kvmlint reads the first: the guest's pins are unknown.
  const work = mkdtempSync(join(tmpdir(), 'kvmlint-plan-unreadable-'));
  try {
    cpSync(join(cases, 'unparsed-member'), work, { recursive: true });
    const text = readFileSync(join(work, 'web-01.xml'), 'latin1').replace('</cputune>', "</cputune>\n  <cputune><emulatorpin cpuset='8-15'/></cputune>");
    writeFileSync(join(work, 'web-01.xml'), text, 'latin1');
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bin.cjs'), 'plan', '--no-config-lookup', '--host', 'host.json', 'web-01.xml', 'x-01.xml'], { cwd: work, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /not planned: web-01\.xml is not read as libvirt reads it \(value-invalid\)/);
    assert.equal(r.stdout, '', 'no patch');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("plan: a guest libvirt refuses to define (cpuset='4-2') is refused, not \"unchanged\", even with the finding silenced", () => {
  // The model reads no pin from '4-2': vCPU 0 would look unpinned, and the host was reported unchanged (exit 0).
  const work = mkdtempSync(join(tmpdir(), 'kvmlint-plan-refused-value-'));
  try {
    cpSync(join(cases, 'unparsed-member'), work, { recursive: true });
    const text = readFileSync(join(work, 'web-01.xml'), 'latin1').replace("<vcpupin vcpu='0' cpuset='4'/>", "<vcpupin vcpu='0' cpuset='4-2'/>");
    for (const [variant, body] of [
      ['plain', text],
      ['silenced', text.replace('<cputune>', '<cputune>\n    <!-- kvmlint-disable-next-line cpuset-syntax -->')],
    ] as const) {
      writeFileSync(join(work, 'web-01.xml'), body, 'latin1');
      const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bin.cjs'), 'plan', '--no-config-lookup', '--host', 'host.json', 'web-01.xml'], { cwd: work, encoding: 'utf8' });
      assert.equal(r.status, 1, `${variant}: ${r.stderr}`);
      assert.match(r.stderr, /not planned: web-01\.xml has a value libvirt refuses \(cpuset-syntax\)/, variant);
      assert.doesNotMatch(r.stderr, /unchanged/, variant);
      assert.equal(r.stdout, '', 'no patch');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('plan: a guest the plan does not move (not pinned) that alone overdraws a node makes the host infeasible, naming it; not "layout found"', async () => {
  // batch-01 is not pinned and binds 6144 × 2 MiB pages strictly to node 0, whose pool holds 4096.
  const dir = join(cases, 'unplanned-overdraw');
  const run = await runPlan({ paths: ['batch-01.xml', 'db-01.xml', 'web-01.xml'].map((f) => join(dir, f)), cwd: dir, hostFile: 'host.json', configFile: false });
  assert.deepEqual(run.plans.map((p) => p.status), ['infeasible']);
  assert.deepEqual(run.plans[0]!.status === 'infeasible' && run.plans[0]!.shortages, ['2 MiB pages on node 0: batch-01, which the plan does not move, bind 2048 more than the pool holds']);
  assert.equal(run.changed.size, 0);
});
