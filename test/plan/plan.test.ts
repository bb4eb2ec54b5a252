import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint } from '../../src/engine/runner.ts';
import type { Diagnostic, LintedDomain, LintHost } from '../../src/engine/types.ts';
import { runPlan } from '../../src/commands/plan.ts';
import { buildPlanProblem, isPlacementFinding, type PlanProblem } from '../../src/plan/problem.ts';
import { evenSplit, solvePlacement } from '../../src/plan/solve.ts';
import { cpuCount, domainXml, guestSpec, hostSnapshot, hostSpec, type GuestSpec, type HostSpec } from '../support/plan-instances.ts';
import { repoRoot } from '../support/fixtures.ts';

interface Instance {
  dir: string;
  hostFile: string;
  files: string[];
}

function writeInstance(h: HostSpec, guests: readonly GuestSpec[]): Instance {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-plan-'));
  const hostFile = join(dir, 'host.json');
  writeFileSync(hostFile, JSON.stringify(hostSnapshot(h)));
  const files = guests.map((g, i) => {
    const f = join(dir, `g${i}.xml`);
    writeFileSync(f, domainXml(g, `g${i}`, cpuCount(h)));
    return f;
  });
  return { dir, hostFile, files };
}

const options = (inst: Instance, overrides?: ReadonlyMap<string, string>) => ({ paths: inst.files, cwd: inst.dir, hostFile: inst.hostFile, configFile: false as const, overrides });

/** The plan as the planner sees it (its problem), from a fresh lint. */
async function problemOf(inst: Instance): Promise<PlanProblem> {
  let plan: { host: LintHost; domains: readonly LintedDomain[]; diagnostics: readonly Diagnostic[] } | undefined;
  await lint({ ...options(inst), onPlan: (p) => (plan = p) });
  return buildPlanProblem(plan!.host.model, plan!.domains, plan!.diagnostics);
}

/**
 * Every assignment of cells to nodes (and, for a guest without cells that no node
 * holds, to the fewest nodes that hold it evenly split) and of each guest to one of
 * its core classes, checked resource by resource. Written without the solver's
 * pruning, symmetry or memo: the slow, obvious answer.
 */
function exhaustiveFeasible(problem: PlanProblem): boolean {
  const nodes = problem.nodes;
  const cells = problem.guests.flatMap((g, gi) => g.cells.map((c) => ({ gi, c, spreadable: g.spreadable })));
  const coresOf = (n: (typeof nodes)[number], cls: number) => n.cores.filter((c) => c.cls === cls).map((c) => c.cpus.length);
  const fitsAlone = (n: (typeof nodes)[number], units: number[], pageSize: number | undefined, pages: number, small: number, classes: readonly number[]) =>
    !n.memoryless && classes.some((k) => hall(coresOf(n, k), units)) && (pages === 0 || (n.pages.get(pageSize!) ?? 0) >= pages) && (small === 0 || n.smallKiB >= small);
  const options = cells.map(({ gi, c, spreadable }) => {
    const units = c.units.map((u) => u.length);
    const classes = problem.guests[gi]!.classes;
    const singles = nodes.map((_, i) => [{ node: i, units, pages: c.pages, small: c.smallKiB }]);
    if (!spreadable || nodes.some((n) => fitsAlone(n, units, c.pageSizeKiB, c.pages, c.smallKiB, classes))) return singles;
    const sorted = [...units].sort((a, b) => b - a);
    for (let k = 2; k <= nodes.length; k++) {
      const sets = subsets(nodes.length, k).map((set) => {
        const us = evenSplit(sorted.length, k);
        const ps = evenSplit(c.pages, k);
        const ss = evenSplit(c.smallKiB, k);
        let at = 0;
        return set.map((node, i) => {
          const part = { node, units: sorted.slice(at, at + us[i]!), pages: ps[i]!, small: ss[i]! };
          at += us[i]!;
          return part;
        });
      });
      const ok = sets.filter((parts) => classes.some((k) => parts.every((p) => fitsAlone(nodes[p.node]!, p.units, c.pageSizeKiB, p.pages, p.small, [k]))));
      if (ok.length > 0) return [...singles, ...ok];
    }
    return singles;
  });
  const choice: number[] = new Array(cells.length).fill(0);
  const guestClass: number[] = problem.guests.map(() => 0);
  const classCount = Math.max(1, ...nodes.flatMap((n) => n.cores.map((c) => c.cls + 1)));
  const check = (): boolean => {
    const perNode = nodes.map(() => ({ units: Array.from({ length: classCount }, () => [] as number[]), pages: new Map<number, number>(), small: 0 }));
    const used = new Map<number, Set<number>>();
    for (let i = 0; i < cells.length; i++) {
      const { gi, c } = cells[i]!;
      for (const p of options[i]![choice[i]!]!) {
        const u = used.get(gi) ?? new Set();
        if (u.has(p.node)) return false;
        u.add(p.node);
        used.set(gi, u);
        perNode[p.node]!.units[guestClass[gi]!]!.push(...p.units);
        if (p.pages > 0) perNode[p.node]!.pages.set(c.pageSizeKiB!, (perNode[p.node]!.pages.get(c.pageSizeKiB!) ?? 0) + p.pages);
        perNode[p.node]!.small += p.small;
      }
    }
    return perNode.every((d, i) => {
      const n = nodes[i]!;
      const any = d.units.some((u) => u.length > 0) || d.small > 0 || d.pages.size > 0;
      if (any && n.memoryless) return false;
      return d.units.every((u, k) => hall(coresOf(n, k), u)) && [...d.pages].every(([s, p]) => (n.pages.get(s) ?? 0) >= p) && (d.small === 0 || n.smallKiB >= d.small);
    });
  };
  const pickClasses = (g: number): boolean => {
    if (g === problem.guests.length) return rec(0);
    for (const k of problem.guests[g]!.classes) {
      guestClass[g] = k;
      if (pickClasses(g + 1)) return true;
    }
    return false;
  };
  const rec = (i: number): boolean => {
    if (i === cells.length) return check();
    for (let k = 0; k < options[i]!.length; k++) {
      choice[i] = k;
      if (rec(i + 1)) return true;
    }
    return false;
  };
  return pickClasses(0);
}

/** Units fit cores (a unit needs a core at least its size): Hall's condition on the nested sizes. */
function hall(cores: number[], units: number[]): boolean {
  const sizes = [...new Set([...cores, ...units])].sort((a, b) => b - a);
  return sizes.every((s) => cores.filter((c) => c >= s).length >= units.filter((u) => u >= s).length);
}

function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = 0; i < n; i++) for (const rest of subsets(n - i - 1, k - 1)) out.push([i, ...rest.map((r) => r + i + 1)]);
  return out;
}

test('plan: a layout the planner returns lints clean of placement findings, and planning it again changes nothing', async () => {
  let planned = 0;
  await fc.assert(
    fc.asyncProperty(hostSpec(8, 6), fc.array(guestSpec, { minLength: 1, maxLength: 6 }), async (h, guests) => {
      const inst = writeInstance(h, guests);
      try {
        const run = await runPlan(options(inst));
        const plan = run.plans[0]!;
        if (plan.status !== 'planned') return;
        planned++;
        assert.deepEqual(run.remaining, [], 'the planner checks its own output');
        const overrides = new Map([...run.changed].map(([abs, c]) => [abs, c.after] as const));
        const after = await lint(options(inst, overrides));
        const left = after.diagnostics.filter((d) => isPlacementFinding(d) && d.file.endsWith('.xml'));
        assert.deepEqual(left.map((d) => `${d.file} ${d.ruleId}: ${d.message}`), []);
        // The planned files, planned again: nothing to change.
        for (const [abs, c] of run.changed) writeFileSync(abs, c.after);
        const again = await runPlan(options(inst));
        assert.equal(again.changed.size, 0, `planning the planned files changed ${[...again.changed.values()].map((c) => c.shown).join(', ')}`);
      } finally {
        rmSync(inst.dir, { recursive: true, force: true });
      }
    }),
    { numRuns: Number(process.env.KVMLINT_PLAN_RUNS ?? 60), seed: process.env.KVMLINT_PLAN_SEED ? Number(process.env.KVMLINT_PLAN_SEED) : undefined },
  );
  assert.ok(planned > 5, `only ${planned} random plans had a layout: the generator no longer exercises the planner`);
});

test('plan: when the planner says no layout exists, an exhaustive search over small instances agrees', async () => {
  let none = 0;
  let found = 0;
  await fc.assert(
    fc.asyncProperty(hostSpec(3, 4), fc.array(guestSpec, { minLength: 1, maxLength: 4 }), async (h, guests) => {
      const inst = writeInstance(h, guests);
      try {
        const problem = await problemOf(inst);
        if (problem.refusal) return;
        const cells = problem.guests.flatMap((g) => g.cells.map((c) => ({ guest: problem.guests.indexOf(g), units: c.units.map((u) => u.length), pageSizeKiB: c.pageSizeKiB, pages: c.pages, smallKiB: c.smallKiB, preferredNode: c.currentNode, spreadable: g.spreadable, classes: g.classes })));
        const nodes = problem.nodes.map((n) => ({ id: n.id, coreSizes: n.cores.map((c) => c.cpus.length), coreClasses: n.cores.map((c) => c.cls), pages: n.pages, smallKiB: n.smallKiB, memoryless: n.memoryless }));
        const result = solvePlacement(nodes, cells);
        assert.notEqual(result.status, 'gave-up');
        const exhaustive = exhaustiveFeasible(problem);
        assert.equal(result.status === 'found', exhaustive, `solver ${result.status}, exhaustive ${exhaustive ? 'found one' : 'none'}`);
        if (exhaustive) found++;
        else none++;
      } finally {
        rmSync(inst.dir, { recursive: true, force: true });
      }
    }),
    { numRuns: Number(process.env.KVMLINT_PLAN_RUNS ?? 80) },
  );
  assert.ok(none > 3 && found > 3, `generator balance: ${found} feasible, ${none} infeasible`);
});

test('plan: an over-committed host gets the short resource named, not a layout', async () => {
  const h: HostSpec = { nodes: 2, coresPerNode: 4, smt: false, housekeepingCores: [1, 1], pools: [{ pages2m: 512, pages1g: 0, freeMiB: 8192 }, { pages2m: 512, pages1g: 0, freeMiB: 8192 }], minFreeKbytes: undefined };
  const g = (pins: number[]): GuestSpec => ({ vcpus: 3, threads: 1, cells: false, backing: '2m', memoryUnits: 1, iothreads: 0, pins: [...pins, 0, 0, 0, 0, 0] });
  const inst = writeInstance(h, [g([1, 2, 3]), g([1, 2, 3]), g([5, 6, 7])]);
  try {
    const run = await runPlan(options(inst));
    const plan = run.plans[0]!;
    assert.equal(plan.status, 'infeasible');
    assert.deepEqual(plan.status === 'infeasible' && plan.shortages, ['isolated cores: the guests need 9, the host has 6 free (short by 3)']);
    assert.equal(run.changed.size, 0);
  } finally {
    rmSync(inst.dir, { recursive: true, force: true });
  }
});

test('plan: the whole fleet example is planned to no placement finding, moving one guest per host; a clean host comes back unchanged', async () => {
  const fleet = join(repoRoot, 'examples/fleet');
  const run = await runPlan({ paths: [fleet], cwd: fleet });
  assert.deepEqual(run.plans.map((p) => p.status), ['planned', 'planned']);
  assert.deepEqual(run.remaining, []);
  // hv01: one web guest leaves node 0's short pool for node 1; db-01 and the other web guest stay as they are.
  assert.deepEqual([...run.changed.values()].map((c) => c.shown).sort(), ['hv01/web-02.xml', 'hv02/analytics-01.xml']);
  const clean = await runPlan({ paths: [join(repoRoot, 'examples/production-vm.xml')], cwd: repoRoot, hostFile: 'examples/hosts/dual-socket.json', configFile: false });
  assert.equal(clean.plans[0]!.status, 'unchanged');
  assert.equal(clean.changed.size, 0);
  assert.equal(readFileSync(join(fleet, 'hv02/cache-01.xml'), 'utf8').includes("cpuset='8'"), false);
});

test("plan: each of the README's example domains, and production-vm with the guest that shares its pool, plans to no placement finding", async () => {
  const host = 'examples/hosts/dual-socket.json';
  const sets = [
    ['examples/domains/housekeeping-overlap.xml'],
    ['examples/domains/missing-emulatorpin.xml'],
    ['examples/domains/pin-crosses-nodeset.xml'],
    ['examples/domains/min-free-kbytes-exceeds-node-free.xml'],
    ['examples/production-vm.xml', 'examples/domains/insufficient-hugepages.xml'],
    // The README's quick start: every example on one host at once.
    ['examples/production-vm.xml', 'examples/domains'],
  ];
  for (const paths of sets) {
    const run = await runPlan({ paths, cwd: repoRoot, hostFile: host, configFile: false });
    assert.equal(run.plans[0]!.status, 'planned', paths.join(' '));
    assert.ok(run.changed.size > 0, paths.join(' '));
    assert.deepEqual(run.remaining, [], paths.join(' '));
    // The guide's clean example is never the one that moves.
    assert.ok(![...run.changed.values()].some((c) => c.shown.endsWith('production-vm.xml')));
    // Linted again with the planned texts, every file of the set (host snapshot included): no placement finding at all.
    const overrides = new Map([...run.changed].map(([abs, c]) => [abs, c.after] as const));
    const after = await lint({ paths, cwd: repoRoot, hostFile: host, configFile: false, overrides });
    assert.deepEqual(after.diagnostics.filter(isPlacementFinding).map((d) => `${d.file}:${d.line} ${d.ruleId}`), [], paths.join(' '));
  }
});

test('plan: a guest pinned only by <vcpu cpuset> gets a <cputune> and a <numatune> where libvirt writes them, in the file\'s style', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-plan-'));
  try {
    const h: HostSpec = { nodes: 2, coresPerNode: 4, smt: false, housekeepingCores: [1, 1], pools: [{ pages2m: 0, pages1g: 0, freeMiB: 8192 }, { pages2m: 0, pages1g: 0, freeMiB: 8192 }], minFreeKbytes: undefined };
    writeFileSync(join(dir, 'host.json'), JSON.stringify(hostSnapshot(h)));
    const xml = '<domain type="kvm">\r\n\t<name>v</name>\r\n\t<memory unit="MiB">1024</memory>\r\n\t<vcpu placement="static" cpuset="1-2,5">2</vcpu>\r\n\t<os>\r\n\t\t<type arch="x86_64">hvm</type>\r\n\t</os>\r\n</domain>\r\n';
    writeFileSync(join(dir, 'v.xml'), xml);
    const run = await runPlan({ paths: [join(dir, 'v.xml')], cwd: dir, hostFile: 'host.json', configFile: false });
    assert.deepEqual(run.remaining, []);
    const after = [...run.changed.values()][0]!.after;
    assert.equal(
      after,
      '<domain type="kvm">\r\n\t<name>v</name>\r\n\t<memory unit="MiB">1024</memory>\r\n\t<vcpu placement="static" cpuset="1-2,5">2</vcpu>\r\n' +
        '\t<cputune>\r\n\t\t<vcpupin vcpu="0" cpuset="1"/>\r\n\t\t<vcpupin vcpu="1" cpuset="2"/>\r\n\t\t<emulatorpin cpuset="0"/>\r\n\t</cputune>\r\n' +
        '\t<numatune>\r\n\t\t<memory mode="strict" nodeset="0"/>\r\n\t</numatune>\r\n' +
        '\t<os>\r\n\t\t<type arch="x86_64">hvm</type>\r\n\t</os>\r\n</domain>\r\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plan: a <vcpupin> without cpuset written with an end tag keeps it, its comment and its other attributes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-plan-'));
  try {
    const h: HostSpec = { nodes: 2, coresPerNode: 4, smt: false, housekeepingCores: [1, 1], pools: [{ pages2m: 0, pages1g: 0, freeMiB: 8192 }, { pages2m: 0, pages1g: 0, freeMiB: 8192 }], minFreeKbytes: undefined };
    writeFileSync(join(dir, 'host.json'), JSON.stringify(hostSnapshot(h)));
    const xml =
      "<domain type='kvm'>\n  <name>v</name>\n  <memory unit='MiB'>1024</memory>\n  <vcpu placement='static'>2</vcpu>\n  <cputune>\n" +
      "    <vcpupin vcpu='0' xml:lang='en'><!-- pinned by ops --></vcpupin>\n    <vcpupin vcpu='1' cpuset='7'/>\n  </cputune>\n" +
      "  <os>\n    <type arch='x86_64'>hvm</type>\n  </os>\n</domain>\n";
    writeFileSync(join(dir, 'v.xml'), xml);
    const run = await runPlan({ paths: [join(dir, 'v.xml')], cwd: dir, hostFile: 'host.json', configFile: false });
    assert.deepEqual(run.remaining, []);
    const after = [...run.changed.values()][0]!.after;
    assert.match(after, /<vcpupin vcpu='0' cpuset='\d' xml:lang='en'><!-- pinned by ops --><\/vcpupin>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("plan-backed suggestions: a placement finding carries the plan's change of its guest; applying it gives the planned text", async () => {
  const fleet = join(repoRoot, 'examples/fleet');
  const linted = await lint({ paths: [fleet], cwd: fleet });
  const run = await runPlan({ paths: [fleet], cwd: fleet });
  const withPlan = linted.diagnostics.filter((d) => d.suggestions?.some((s) => s.message.includes('kvmlint plan')));
  // One per file the plan changes, on that file's first placement finding.
  assert.deepEqual(withPlan.map((d) => d.file).sort(), [...run.changed.values()].map((c) => c.shown).sort());
  for (const d of withPlan) {
    assert.ok(isPlacementFinding(d));
    const changed = [...run.changed.values()].find((c) => c.shown === d.file)!;
    const { range, text } = d.suggestions!.find((s) => s.message.includes('kvmlint plan'))!.fix;
    assert.equal(changed.before.slice(0, range[0]) + text + changed.before.slice(range[1]), changed.after);
  }
  // `kvmlint plan`'s own lints do not plan again.
  assert.ok(run.plans.every((p) => p.status === 'planned'));
});

test('plan-backed suggestions: on by default for a small run, off with planSuggestions: false', async () => {
  const fleet = join(repoRoot, 'examples/fleet');
  const count = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.suggestions?.some((s) => s.message.includes('kvmlint plan'))).length;
  assert.equal(count(await lint({ paths: [fleet], cwd: fleet })), 2);
  assert.equal(count(await lint({ paths: [fleet], cwd: fleet, planSuggestions: false })), 0);
  assert.equal(count(await lint({ paths: [fleet], cwd: fleet, planSuggestions: true })), 2);
});

test('plan: on a hybrid host (i9-12900K: P-cores with SMT, E-cores without) a realtime guest gets P-cores, and no guest is split across core types', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-plan-hybrid-'));
  const source = readFileSync(join(repoRoot, 'rules/guest-smt-topology-mismatch/fixtures/intel-hybrid-p-and-e-cores.xml'), 'utf8');
  // A realtime guest with one vCPU on a housekeeping P-core thread (CPU 2) and one on an E-core (CPU 17).
  const realtime = source
    .replace("<emulatorpin cpuset='0-1'/>", "<emulatorpin cpuset='0-1'/>\n    <vcpusched vcpus='0-3' scheduler='fifo' priority='1'/>")
    .replace("cpuset='16'", "cpuset='2'");
  // An ordinary guest split across P-cores (CPUs 8, 10) and E-cores (CPUs 18, 19).
  const split = source
    .replace('<name>adl-build-01</name>', '<name>adl-build-02</name>')
    .replace('6a1f3c85-d2e4-4b97-8c05-1e9a7d3b2f60', '6a1f3c85-d2e4-4b97-8c05-1e9a7d3b2f61')
    .replace("cpuset='4'", "cpuset='8'")
    .replace("cpuset='6'", "cpuset='10'")
    .replace("cpuset='16'", "cpuset='18'")
    .replace("cpuset='17'", "cpuset='19'");
  writeFileSync(join(dir, 'rt.xml'), realtime);
  writeFileSync(join(dir, 'split.xml'), split);
  try {
    const run = await runPlan({ paths: [join(dir, 'rt.xml'), join(dir, 'split.xml')], cwd: dir, hostFile: join(repoRoot, 'fixtures/hosts/intel-hybrid-adl.json'), configFile: false });
    assert.equal(run.plans[0]!.status, 'planned');
    assert.deepEqual(run.remaining, []);
    const pinsOf = (text: string) => [...text.matchAll(/<vcpupin vcpu='\d+' cpuset='(\d+)'/g)].map((m) => Number(m[1]));
    const after = (file: string) => run.changed.get(join(dir, file))?.after ?? readFileSync(join(dir, file), 'utf8');
    const pCore = (cpu: number) => cpu <= 15;
    assert.ok(pinsOf(after('rt.xml')).every(pCore), `realtime guest on ${pinsOf(after('rt.xml'))}`);
    const splitPins = pinsOf(after('split.xml'));
    assert.ok(splitPins.every(pCore) || splitPins.every((c) => !pCore(c)), `ordinary guest on ${splitPins}`);
    assert.equal(new Set([...pinsOf(after('rt.xml')), ...splitPins]).size, 8, 'no CPU given twice');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
