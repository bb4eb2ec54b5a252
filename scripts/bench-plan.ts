/**
 * npm run bench:plan    the planner's bench (also run at the end of `npm run bench`):
 *
 *   host  — one 512-CPU host (8 nodes × 32 cores × 2 threads, 2 housekeeping cores
 *           per node) with 100 guests (threads 1 and 2, one in five with two guest
 *           cells, 2 MiB, 1 GiB and small pages, IOThreads), every guest pinned onto
 *           the same few CPUs so the whole host must be planned: `kvmlint plan` (the
 *           bundle, wall time), and the solve alone (problem built, search run);
 *   fleet — 10,000 domains on 100 config-mapped hosts (64 CPUs, 2 nodes each), one
 *           guest in ten pinned onto a neighbour's CPUs: `kvmlint plan` wall time;
 *   HiGHS — the same node assignment of the host run as an integer program solved by
 *           HiGHS (WebAssembly, `npm i --no-save highs`), when it is installed: load
 *           time and solve time beside the exact search's.
 *
 * Prints medians with min–max over --runs rounds. Measured, never asserted.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/engine/runner.ts';
import type { Diagnostic, LintedDomain, LintHost } from '../src/engine/types.ts';
import { buildPlanProblem } from '../src/plan/problem.ts';
import { planHost } from '../src/plan/plan.ts';
import { solvePlacement, type SolverCell, type SolverNode } from '../src/plan/solve.ts';
import { runPlan } from '../src/commands/plan.ts';
import { cpuCount, domainXml, hostSnapshot, type GuestSpec, type HostSpec } from '../test/support/plan-instances.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const repo = resolve(fileURLToPath(import.meta.url), '../..');
const bundle = join(repo, 'dist/kvmlint.mjs');

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const med = s[Math.floor(s.length / 2)]!;
  return `${med.toFixed(0)} ms (min ${s[0]!.toFixed(0)}, max ${s[s.length - 1]!.toFixed(0)})`;
}

/** Deterministic pseudo-random numbers (a fixed seed: every run plans the same instance). */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

function bigHost(dir: string): { hostFile: string; files: string[] } {
  const h: HostSpec = {
    nodes: 8,
    coresPerNode: 32,
    smt: true,
    housekeepingCores: Array(8).fill(2),
    pools: Array.from({ length: 8 }, () => ({ pages2m: 16384, pages1g: 32, freeMiB: 96 * 1024 })),
    minFreeKbytes: 1048576,
  };
  const hostFile = join(dir, 'host.json');
  writeFileSync(hostFile, JSON.stringify(hostSnapshot(h, 'big')));
  const r = rng(17);
  const files: string[] = [];
  for (let i = 0; i < 100; i++) {
    const threads = i % 2 === 0 ? 2 : 1;
    const g: GuestSpec = {
      vcpus: threads === 2 ? 4 : 2,
      threads,
      cells: i % 5 === 0,
      backing: i % 3 === 0 ? 'small' : i % 3 === 1 ? '2m' : '1g',
      memoryUnits: 1 + Math.floor(r() * 4),
      iothreads: i % 4 === 0 ? 1 : 0,
      // Everyone on the same CPUs of node 0: nothing can stay.
      pins: Array.from({ length: 8 }, (_, v) => 8 + v),
    };
    const f = join(dir, `guest-${i}.xml`);
    writeFileSync(f, domainXml(g, `guest-${i}`, cpuCount(h)));
    files.push(f);
  }
  return { hostFile, files };
}

function fleet(dir: string): void {
  const hosts = [];
  for (let k = 0; k < 100; k++) {
    const h: HostSpec = { nodes: 2, coresPerNode: 56, smt: false, housekeepingCores: [2, 2], pools: [{ pages2m: 16384, pages1g: 0, freeMiB: 96 * 1024 }, { pages2m: 16384, pages1g: 0, freeMiB: 96 * 1024 }], minFreeKbytes: 262144 };
    mkdirSync(join(dir, `hv${k}`), { recursive: true });
    writeFileSync(join(dir, `hv${k}.json`), JSON.stringify(hostSnapshot(h, `hv${k}`)));
    hosts.push({ snapshot: `hv${k}.json`, domains: [`hv${k}/**/*.xml`] });
    // 100 one-vCPU guests per host on 108 isolated CPUs, half on 2 MiB pages: one in ten is pinned onto a neighbour's CPU.
    for (let i = 0; i < 100; i++) {
      const node = i % 2;
      const cpu = node * 56 + 2 + Math.floor(i / 2);
      const g: GuestSpec = { vcpus: 1, threads: 1, cells: false, backing: i % 2 === 0 ? '2m' : 'small', memoryUnits: 1, iothreads: 0, pins: Array(8).fill(i % 10 === 9 ? cpu - 1 : cpu) };
      writeFileSync(join(dir, `hv${k}`, `g${i}.xml`), domainXml(g, `hv${k}-g${i}`, 112));
    }
  }
  writeFileSync(join(dir, 'kvmlint.config.json'), JSON.stringify({ hosts }));
}

/** Wall and CPU (user + system) milliseconds of `fn` in this process: on a shared machine the CPU time is the figure that holds still. */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function cli(args: string[], cwd: string): { ms: number; status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: performance.now() - t0, status: r.status, stderr: r.stderr };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-bench-plan-'));
  try {
    const { hostFile, files } = bigHost(join(dir));
    // In process: the plan of the host alone (problem, search, CPUs, edits), after one warm-up.
    let plan: { host: LintHost; domains: readonly LintedDomain[]; diagnostics: readonly Diagnostic[] } | undefined;
    await lint({ paths: files, cwd: dir, hostFile, configFile: false, onPlan: (p) => (plan = p) });
    const planTimes: number[] = [];
    let summary = '';
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const r = planHost(plan!.host, plan!.domains, plan!.diagnostics);
      if (i > 0) planTimes.push(performance.now() - t0);
      summary = r.status === 'planned' ? `planned, ${r.changes.filter((c) => c.text).length} guests changed, ${r.steps} search steps` : r.status;
    }
    const inWall: number[] = [];
    const inCpu: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = await timed(() => runPlan({ paths: files, cwd: dir, hostFile, configFile: false }));
      if (i > 0) {
        inWall.push(t.wall);
        inCpu.push(t.cpu);
      }
    }
    const cliTimes: number[] = [];
    let status: number | null = null;
    for (let i = 0; i < runs; i++) {
      const r = cli(['plan', '--host', hostFile, '--no-config-lookup', dir], dir);
      cliTimes.push(r.ms);
      status = r.status;
    }
    console.log(`host: 512 CPUs, 8 nodes, 100 guests: ${summary}`);
    console.log(`  planHost (problem, search, CPUs, edits): ${stats(planTimes)}`);
    console.log(`  runPlan in process (lint + plan + re-lint): wall ${stats(inWall)}; CPU ${stats(inCpu)}`);
    console.log(`  kvmlint plan (bundle, new process, wall): ${stats(cliTimes)}, exit ${status}`);

    // The search alone against HiGHS on the same numbers.
    const problem = buildPlanProblem(plan!.host.model, plan!.domains, plan!.diagnostics);
    const nodes: SolverNode[] = problem.nodes.map((n) => ({ id: n.id, coreSizes: n.cores.map((c) => c.cpus.length), pages: n.pages, smallKiB: n.smallKiB, memoryless: n.memoryless }));
    const cells: SolverCell[] = problem.guests.flatMap((g, gi) => g.cells.map((c) => ({ guest: gi, units: c.units.map((u) => u.length), pageSizeKiB: c.pageSizeKiB, pages: c.pages, smallKiB: c.smallKiB, preferredNode: c.currentNode, spreadable: g.spreadable })));
    const searchTimes: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      solvePlacement(nodes, cells);
      if (i > 0) searchTimes.push(performance.now() - t0);
    }
    console.log(`  exact search alone (${cells.length} cells on ${nodes.length} nodes): ${stats(searchTimes)}`);
    await highsComparison(nodes, cells);

    const fleetDir = join(dir, 'fleet');
    fleet(fleetDir);
    const fleetTimes: number[] = [];
    let fleetOut = '';
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const r = cli(['plan', '.'], fleetDir);
      fleetTimes.push(r.ms);
      fleetOut = `exit ${r.status}, ${r.stderr.split('\n').filter((l) => l.includes('layout found')).length} hosts planned`;
    }
    const fw: number[] = [];
    const fc: number[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const t = await timed(() => runPlan({ paths: ['.'], cwd: fleetDir }));
      fw.push(t.wall);
      fc.push(t.cpu);
    }
    console.log(`fleet: 10,000 domains on 100 hosts (112 CPUs, 2 nodes each): kvmlint plan (bundle, wall) ${stats(fleetTimes)}, ${fleetOut}`);
    console.log(`  runPlan in process: wall ${stats(fw)}; CPU ${stats(fc)}`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

/** The node assignment as a 0-1 program: each cell on one node, a guest's cells apart, every resource per node. */
async function highsComparison(nodes: SolverNode[], cells: SolverCell[]): Promise<void> {
  let loader: ((opts?: object) => Promise<{ solve(lp: string): { Status: string } }>) | undefined;
  const t0 = performance.now();
  try {
    // Optional: not a dependency of kvmlint (see the README's plan section for why).
    const name = 'highs';
    loader = ((await import(name)) as { default: typeof loader }).default;
  } catch {
    console.log('  HiGHS: not installed (npm i --no-save highs) — skipped');
    return;
  }
  const highs = await loader!();
  const loadMs = performance.now() - t0;
  const x = (c: number, n: number) => `x${c}_${n}`;
  const rows: string[] = [];
  cells.forEach((_, c) => rows.push(`a${c}: ${nodes.map((__, n) => x(c, n)).join(' + ')} = 1`));
  const guests = [...new Set(cells.map((c) => c.guest))];
  for (const g of guests) {
    const mine = cells.map((c, i) => [c, i] as const).filter(([c]) => c.guest === g);
    if (mine.length > 1) nodes.forEach((_, n) => rows.push(`g${g}_${n}: ${mine.map(([, i]) => x(i, n)).join(' + ')} <= 1`));
  }
  nodes.forEach((node, n) => {
    rows.push(`c${n}: ${cells.map((c, i) => `${c.units.length} ${x(i, n)}`).join(' + ')} <= ${node.coreSizes.length}`);
    for (const size of new Set(cells.filter((c) => c.pages > 0).map((c) => c.pageSizeKiB!))) {
      rows.push(`p${n}_${size}: ${cells.map((c, i) => [c, i] as const).filter(([c]) => c.pageSizeKiB === size && c.pages > 0).map(([c, i]) => `${c.pages} ${x(i, n)}`).join(' + ')} <= ${node.pages.get(size) ?? 0}`);
    }
    const small = cells.map((c, i) => [c, i] as const).filter(([c]) => c.smallKiB > 0);
    if (small.length > 0 && Number.isFinite(node.smallKiB)) rows.push(`m${n}: ${small.map(([c, i]) => `${c.smallKiB} ${x(i, n)}`).join(' + ')} <= ${Math.floor(node.smallKiB)}`);
  });
  const pref = cells.map((c, i) => [c, i] as const).filter(([c]) => c.preferredNode !== undefined);
  const lp = `Maximize\n obj: ${pref.length > 0 ? pref.map(([c, i]) => x(i, nodes.findIndex((n) => n.id === c.preferredNode))).join(' + ') : '0 x0_0'}\nSubject To\n${rows.map((r) => ` ${r}`).join('\n')}\nBinary\n ${cells.flatMap((_, c) => nodes.map((__, n) => x(c, n))).join(' ')}\nEnd\n`;
  const times: number[] = [];
  let status = '';
  for (let i = 0; i <= runs; i++) {
    const t1 = performance.now();
    status = highs.solve(lp).Status;
    if (i > 0) times.push(performance.now() - t1);
  }
  console.log(`  HiGHS: load ${loadMs.toFixed(0)} ms, solve ${stats(times)} (${status}, ${cells.length * nodes.length} binaries, ${rows.length} rows)`);
}

await main();
