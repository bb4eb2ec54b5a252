/**
 * npm run bench                      the fleet scale run (1,000 / 3,000 / 10,000 domains over
 *                                    10 / 30 / 100 config-mapped hosts), then the worst case
 *                                    (10,000 domains whose dedicated CPUs all collide)
 * npm run bench -- --domains 2000 --hosts 1 --runs 5     one size only
 * npm run bench -- --layout dense ...                    one size, every guest colliding
 * npm run bench -- --schema /usr/share/libvirt/schemas    also time the lint with libvirt's
 *                                    RelaxNG schema (schema-invalid), per domain
 *
 * Generates realistic pinned domains (~7 KB of `virsh dumpxml`: numatune,
 * hugepages, a full device list) and host snapshots. Layouts:
 *   fleet — what a fleet repository holds: every host has CPUs for the
 *           dedicated vCPUs planned on it (2 nodes, housekeeping CPUs 0-3 of
 *           each node, every guest pinned 1:1 on its own node, emulator and
 *           IOThread on that node's housekeeping CPUs); one guest in twenty
 *           lacks <emulatorpin> and one in fifty pins a vCPU onto a
 *           neighbour's CPU, so findings are a realistic minority;
 *   dense — the earlier generator: 32-CPU hosts on which 100 guests pin into
 *           the same 12 CPUs, so nearly every guest collides with ~16 others
 *           (~4 findings per domain): a worst case for the plan rules and for
 *           reporting, not a fleet anyone runs.
 * Then, in a fresh child
 * process per size, times alternately:
 *   bare — read every file and parse it with saxes (positions on, no tree):
 *          the issue's baseline, a conformant parser doing nothing else;
 *   own  — read every file and parse it with kvmlint's parser (fast path,
 *          light tree), shown so the ratio is not read as "lint is nearly free";
 *   full — kvmlint's whole lint: config, discovery, read, parse with ranges,
 *          models, every domain and plan rule.
 * The child sets V8's heap up as the CLI does (src/engine/heap.ts) before all three;
 * BENCH_V8_DEFAULTS=1 leaves V8's defaults instead, to see what that setting buys.
 * Prints medians, full ÷ bare (the median of the runs' paired ratios, with their
 * min and max: pairing each full lint with the bare parse of the same round keeps
 * the ratio meaningful when the machine's speed drifts), time per domain and the
 * child's peak RSS.
 * Measured, never asserted: speed is not a test.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { globby } from 'globby';
import { pathToFileURL } from 'node:url';
import { engineBuildOptions } from './esbuild-engine.mjs';
import type { lint as LintFn } from '../src/engine/runner.ts';
import type { parseXml as ParseXmlFn } from '../src/xml/parse.ts';

const { values } = parseArgs({
  options: {
    domains: { type: 'string' },
    hosts: { type: 'string' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    engine: { type: 'string' },
    limitHosts: { type: 'string' },
    schema: { type: 'string' },
    layout: { type: 'string', default: 'fleet' },
  },
});
const RUNS = Number(values.runs);
const PER_HOST_SCALE = 100;
type Layout = 'fleet' | 'dense';

/** Host CPUs per NUMA node: 4 housekeeping plus 4 per guest planned on the node (fleet), or 16 (dense). */
function cpusPerNode(layout: Layout, guests: number): number {
  return layout === 'dense' ? 16 : 4 + 4 * Math.ceil(guests / 2);
}

/** A dual-socket host sized for `guests` 1 GiB hugepage-backed guests; housekeeping CPUs are the first 4 of each node. */
function hostSnapshot(i: number, guests: number, layout: Layout): string {
  const pagesPerNode = Math.max(8192, Math.ceil((guests * 512) / 2) + 4096);
  const per = cpusPerNode(layout, guests);
  const last = 2 * per - 1;
  const isolated = `4-${per - 1},${per + 4}-${last}`;
  const node = (id: number) => ({
    id,
    cpus: `${id * per}-${id * per + per - 1}`,
    memTotalKiB: pagesPerNode * 2048 + 67108864,
    memFreeKiB: 43008000 + i * 1024,
    distances: id === 0 ? [10, 21] : [21, 10],
    hugepages: [{ sizeKiB: 2048, total: pagesPerNode, free: pagesPerNode }],
  });
  return JSON.stringify(
    {
      kvmlintHostSnapshot: 1,
      source: 'manual',
      hostname: `hv${String(i).padStart(3, '0')}`,
      cpus: { online: `0-${last}`, possible: `0-${last}` },
      nodes: [node(0), node(1)],
      hugepages: { defaultSizeKiB: 2048, sizesKiB: [2048] },
      vm: { minFreeKbytes: 524288, watermarkScaleFactor: 10 },
      kernel: { cmdline: `BOOT_IMAGE=/vmlinuz root=/dev/mapper/rl-root ro isolcpus=${isolated} nohz_full=${isolated} rcu_nocbs=${isolated}` },
      // SMT off: every CPU is its own core.
      cpuTopology: Array.from({ length: 2 * per }, (_, cpu) => ({ cpu, node: Math.floor(cpu / per), socket: Math.floor(cpu / per), core: cpu % per, siblings: String(cpu) })),
    },
    null,
    2,
  );
}

/**
 * A domain like `virsh dumpxml` prints for a pinned production guest, the `k`-th of `perHost` on its
 * host; one in twenty lacks <emulatorpin>, and (fleet) one in fifty pins vCPU 3 onto a neighbour's CPU.
 */
function domainXml(i: number, k: number, perHost: number, layout: Layout): string {
  const node = k % 2;
  const per = cpusPerNode(layout, perHost);
  const first = layout === 'dense' ? node * 16 + 4 + (i % 3) * 4 : node * per + 4 + Math.floor(k / 2) * 4;
  const cpuOf = (v: number) => (layout === 'fleet' && v === 3 && k % 50 === 49 ? first - 8 + v : first + v);
  const pins = Array.from({ length: 4 }, (_, v) => `    <vcpupin vcpu='${v}' cpuset='${cpuOf(v)}'/>`).join('\n');
  const hk = layout === 'dense' ? 0 : node * per;
  const disks = Array.from(
    { length: 6 },
    (_, d) => `    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap' iothread='1'/>
      <source file='/var/lib/libvirt/images/vm${i}-disk${d}.qcow2'/>
      <target dev='vd${String.fromCharCode(97 + d)}' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x0${d + 4}' slot='0x00' function='0x0'/>
    </disk>`,
  ).join('\n');
  const nics = Array.from(
    { length: 4 },
    (_, n) => `    <interface type='bridge'>
      <mac address='52:54:00:${((i >> 8) & 0xff).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}:${n}0'/>
      <source bridge='br${n}'/>
      <model type='virtio'/>
      <driver name='vhost' queues='4'/>
      <address type='pci' domain='0x0000' bus='0x0${n + 1}' slot='0x00' function='0x0'/>
    </interface>`,
  ).join('\n');
  const controllers = Array.from(
    { length: 10 },
    (_, c) => `    <controller type='pci' index='${c + 1}' model='pcie-root-port'>
      <model name='pcie-root-port'/>
      <target chassis='${c + 1}' port='0x${(c + 16).toString(16)}'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x0${2 + (c >> 3)}' function='0x${c & 7}'/>
    </controller>`,
  ).join('\n');
  return `<domain type='kvm'>
  <name>vm${i}</name>
  <uuid>00000000-0000-4000-8000-${String(i).padStart(12, '0')}</uuid>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <memoryBacking>
    <hugepages>
      <page size='2048' unit='KiB'/>
    </hugepages>
  </memoryBacking>
  <vcpu placement='static'>4</vcpu>
  <iothreads>1</iothreads>
  <cputune>
${pins}
${i % 20 === 0 ? '' : `    <emulatorpin cpuset='${hk}-${hk + 1}'/>\n`}    <iothreadpin iothread='1' cpuset='${hk + 2}-${hk + 3}'/>
  </cputune>
  <numatune>
    <memory mode='strict' nodeset='${node}'/>
  </numatune>
  <os>
    <type arch='x86_64' machine='pc-q35-rhel9.2.0'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <cpu mode='host-passthrough' check='none' migratable='off'>
    <topology sockets='1' dies='1' cores='4' threads='1'/>
  </cpu>
  <clock offset='utc'>
    <timer name='rtc' tickpolicy='catchup'/>
    <timer name='pit' tickpolicy='delay'/>
    <timer name='hpet' present='no'/>
  </clock>
  <devices>
    <emulator>/usr/libexec/qemu-kvm</emulator>
${disks}
${controllers}
${nics}
    <serial type='pty'>
      <target type='isa-serial' port='0'>
        <model name='isa-serial'/>
      </target>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <channel type='unix'>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
      <address type='virtio-serial' controller='0' bus='0' port='1'/>
    </channel>
    <memballoon model='none'/>
    <rng model='virtio'>
      <backend model='random'>/dev/urandom</backend>
    </rng>
  </devices>
</domain>
`;
}

/** Writes `hosts` hosts with `perHost` domains each; a config maps them when there is more than one host. */
function generateFleet(dir: string, hosts: number, perHost: number, layout: Layout): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'hosts'), { recursive: true });
  mkdirSync(join(dir, '.git')); // the config lookup stops here
  let bytes = 0;
  for (let h = 0; h < hosts; h++) {
    const hostDir = join(dir, `hv${String(h).padStart(3, '0')}`);
    mkdirSync(hostDir);
    writeFileSync(join(dir, 'hosts', `hv${String(h).padStart(3, '0')}.json`), hostSnapshot(h, perHost, layout));
    for (let k = 0; k < perHost; k++) {
      const xml = domainXml(h * perHost + k, k, perHost, layout);
      bytes += Buffer.byteLength(xml);
      writeFileSync(join(hostDir, `vm${String(k).padStart(5, '0')}.xml`), xml);
    }
  }
  if (hosts > 1) {
    const config = {
      hosts: Array.from({ length: hosts }, (_, h) => ({ snapshot: `hosts/hv${String(h).padStart(3, '0')}.json`, domains: [`hv${String(h).padStart(3, '0')}/**/*.xml`] })),
    };
    writeFileSync(join(dir, 'kvmlint.config.json'), JSON.stringify(config, null, 2));
  }
  return bytes;
}

interface ChildResult {
  domains: number;
  hosts: number;
  bareMs: number;
  ownMs: number;
  fullMs: number;
  /** full ÷ bare run by run (each full lint against the bare parse just before it): min, median, max. */
  ratio: { min: number; median: number; max: number };
  findings: number;
  maxRssMB: number;
  /** Full lint with --schema (libvirt's RelaxNG validation of every domain), when asked. */
  schemaMs?: number;
}

/** In a fresh process: time bare parse and full lint of the first `limitHosts` hosts' domains. */
async function child(dir: string, limitHosts: number, totalHosts: number, enginePath: string): Promise<void> {
  // The engine as users run it: bundled by esbuild like dist/, not transpiled on the fly.
  const { lint, parseXml, tuneHeapForLint } = (await import(pathToFileURL(enginePath).href)) as { lint: typeof LintFn; parseXml: typeof ParseXmlFn; tuneHeapForLint: () => void };
  // The heap set up as the CLI sets it (src/engine/heap.ts), for all three measurements alike.
  // BENCH_V8_DEFAULTS=1 leaves V8's defaults, to see what the setting buys.
  if (!process.env.BENCH_V8_DEFAULTS) tuneHeapForLint();
  const hostDirs = Array.from({ length: limitHosts }, (_, h) => `hv${String(h).padStart(3, '0')}`);
  const files = (await globby(hostDirs.map((d) => `${d}/**/*.xml`), { cwd: dir, absolute: true })).sort();
  const bare = () => {
    let elements = 0;
    for (const f of files) {
      const parser = new SaxesParser({ position: true });
      parser.on('opentag', () => void elements++);
      parser.write(readFileSync(f, 'utf8')).close();
    }
    return elements;
  };
  const own = () => {
    let parsed = 0;
    for (const f of files) if (parseXml(readFileSync(f, 'utf8')).root) parsed++;
    return parsed;
  };
  const full = async (schema?: string) => {
    const options = totalHosts > 1 ? { paths: hostDirs } : { paths: hostDirs, hostFile: 'hosts/hv000.json' };
    return (await lint({ ...options, cwd: dir, ...(schema ? { schema } : {}) })).diagnostics.length;
  };
  bare();
  own();
  await full();
  const bareTimes: number[] = [];
  const ownTimes: number[] = [];
  const fullTimes: number[] = [];
  let findings = 0;
  // BENCH_TRACE=1: peak RSS after each phase, to see which one sets it.
  const trace = (phase: string) => {
    if (process.env.BENCH_TRACE) process.stderr.write(`${phase}: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  };
  trace('warm-up');
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    bare();
    bareTimes.push(performance.now() - t);
    trace('bare');
    t = performance.now();
    own();
    ownTimes.push(performance.now() - t);
    trace('own');
    t = performance.now();
    findings = await full();
    fullTimes.push(performance.now() - t);
    trace('full');
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // The schema is compiled once per process: the first run pays for it, the median does not.
  const schemaTimes: number[] = [];
  if (values.schema) {
    await full(values.schema);
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      await full(values.schema);
      schemaTimes.push(performance.now() - t);
    }
  }
  const result: ChildResult = {
    domains: files.length,
    hosts: limitHosts,
    bareMs: median(bareTimes),
    ownMs: median(ownTimes),
    fullMs: median(fullTimes),
    ratio: (() => {
      // Paired, as the machine's speed drifts: each full lint against the bare parse of the same round.
      const paired = fullTimes.map((f, i) => f / bareTimes[i]!).sort((a, b) => a - b);
      return { min: paired[0]!, median: median(paired), max: paired[paired.length - 1]! };
    })(),
    findings,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    ...(schemaTimes.length > 0 ? { schemaMs: median(schemaTimes) } : {}),
  };
  process.stdout.write(JSON.stringify(result));
}

/** The child is this script bundled like the engine, run by plain Node: no tsx loader in the measured process. */
function runChild(childPath: string, dir: string, limitHosts: number, totalHosts: number, enginePath: string): ChildResult {
  const r = spawnSync(
    process.execPath,
    [
      childPath, '--child', dir, '--limitHosts', String(limitHosts), '--hosts', String(totalHosts), '--runs', String(RUNS), '--engine', enginePath,
      ...(values.schema ? ['--schema', resolve(values.schema)] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', process.env.BENCH_TRACE ? 'inherit' : 'pipe'] },
  );
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

function row(r: ChildResult): string {
  return [
    String(r.domains).padStart(7),
    String(r.hosts).padStart(5),
    r.bareMs.toFixed(0).padStart(8),
    r.ownMs.toFixed(0).padStart(8),
    r.fullMs.toFixed(0).padStart(8),
    `${r.ratio.median.toFixed(2)}×`.padStart(10),
    `${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}`.padStart(11),
    `${(r.fullMs / r.ownMs).toFixed(2)}×`.padStart(9),
    ((r.fullMs / r.domains) * 1000).toFixed(0).padStart(12),
    r.maxRssMB.toFixed(0).padStart(12),
    String(r.findings).padStart(9),
  ].join('');
}
const HEADER = `${'domains'.padStart(7)}${'hosts'.padStart(5)}${'bare ms'.padStart(8)}${'own ms'.padStart(8)}${'full ms'.padStart(8)}${'full/bare'.padStart(10)}${'(min–max)'.padStart(11)}${'full/own'.padStart(9)}${'µs/domain'.padStart(12)}${'peak RSS MB'.padStart(12)}${'findings'.padStart(9)}`;

if (values.child) {
  await child(values.child, Number(values.limitHosts), Number(values.hosts), values.engine!);
} else {
  const base = join(tmpdir(), `kvmlint-bench-${process.pid}`);
  const layout = values.layout as Layout;
  if (layout !== 'fleet' && layout !== 'dense') throw new Error(`--layout: fleet or dense, not ${values.layout}`);
  const plans: Array<{ label: string; hosts: number; perHost: number; sizes: number[]; layout: Layout }> = values.domains
    ? [{ label: `custom (${layout})`, hosts: Number(values.hosts ?? 1), perHost: Math.ceil(Number(values.domains) / Number(values.hosts ?? 1)), sizes: [Number(values.hosts ?? 1)], layout }]
    : [
        { label: 'fleet: 100 hosts × 100 domains, config-mapped', hosts: 100, perHost: PER_HOST_SCALE, sizes: [10, 30, 100], layout: 'fleet' },
        { label: 'worst case (dense): 100 hosts × 100 domains, every guest colliding with ~16 others', hosts: 100, perHost: PER_HOST_SCALE, sizes: [100], layout: 'dense' },
      ];
  for (const plan of plans) {
    // A fleet host has CPUs for every guest pinned on it; the kernel's cpumask stops at 8192 (and kvmlint says so).
    const cpus = 2 * cpusPerNode(plan.layout, plan.perHost);
    if (cpus > 8192) throw new Error(`--layout ${plan.layout}: ${plan.perHost} guests per host need a ${cpus}-CPU host, beyond the kernel's 8192: give more --hosts (or --layout dense)`);
  }
  mkdirSync(base, { recursive: true });
  const enginePath = join(base, 'engine.mjs');
  const { build } = await import('esbuild');
  const childPath = join(base, 'bench-child.mjs');
  const common = await engineBuildOptions();
  await build({ ...common, entryPoints: [fileURLToPath(import.meta.url)], outfile: childPath, external: ['esbuild'] });
  await build({
    ...common,
    stdin: { contents: "export { lint } from './src/engine/runner.ts';\nexport { parseXml } from './src/xml/parse.ts';\nexport { tuneHeapForLint } from './src/engine/heap.ts';", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
    outfile: enginePath,
  });
  console.log(
    `runs per size: ${RUNS} (medians); each size in a fresh Node process (no tsx); engine bundled with esbuild as in dist/; ` +
      `heap ${process.env.BENCH_V8_DEFAULTS ? "at V8's defaults (BENCH_V8_DEFAULTS)" : 'set up as the CLI sets it'}`,
  );
  for (const plan of plans) {
    const dir = join(base, `${plan.layout}-${plan.hosts}x${plan.perHost}`);
    const bytes = generateFleet(dir, plan.hosts, plan.perHost, plan.layout);
    console.log(`\n${plan.label} (${(bytes / (plan.hosts * plan.perHost) / 1024).toFixed(1)} KB per domain)`);
    console.log(HEADER);
    const results = plan.sizes.map((limit) => runChild(childPath, dir, limit, plan.hosts, enginePath));
    for (const r of results) {
      console.log(row(r));
      if (r.schemaMs !== undefined) {
        console.log(`${''.padStart(12)}with --schema: ${r.schemaMs.toFixed(0)} ms, ${((r.schemaMs / r.domains) * 1000).toFixed(0)} µs/domain (+${(((r.schemaMs - r.fullMs) / r.domains) * 1000).toFixed(0)} µs for libvirt's RelaxNG validation)`);
      }
    }
    if (results.length > 1) {
      const first = results[0]!;
      const last = results[results.length - 1]!;
      console.log(`time per domain at ${last.domains} ÷ at ${first.domains}: ${(last.fullMs / last.domains / (first.fullMs / first.domains)).toFixed(2)} (1.00 = linear)`);
    }
  }
  if (values.keep) console.log(`\nkept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}
