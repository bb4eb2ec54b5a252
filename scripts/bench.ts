/**
 * npm run bench                  what a user pays: whole kvmlint processes (node dist/bin.cjs,
 *                                as the npm bin runs it) against `xmllint --noout` over the same
 *                                files, on every corpus shape below; then the warm in-process table
 * npm run bench -- --only fleet,one-file --runs 9     some shapes, more rounds
 * npm run bench -- --baseline /tmp/old/kvmlint.mjs    also time another build of the CLI in the
 *                                same rounds (a change measured before and after, paired)
 * npm run bench -- --schema DIR  libvirt's schemas for the --schema shape (default
 *                                $KVMLINT_LIBVIRT_SCHEMAS, then /usr/share/libvirt/schemas)
 * npm run bench -- --node PATH  run the whole-process shapes with that Node (another version)
 * npm run bench -- --keep-env  keep NODE_EXTRA_CA_CERTS for the timed commands (by default
 *                                they run without it; the header says what it costs)
 * npm run bench -- --warm-only | --no-warm
 * npm run bench -- --dir DIR     generate the corpora under DIR and keep them; a later run with
 *                                the same DIR reuses them (to profile: node --cpu-prof dist/kvmlint.mjs
 *                                in DIR/hypervisors)
 *
 * Needs xmllint and GNU time: `apt-get install -y libxml2-utils time` (Debian). It measures the
 * committed bundle: run `npm run build` first.
 *
 * Whole-process shapes (each generated once under the temp directory):
 *   fleet          100 hosts × 100 guests (~7 KB `virsh dumpxml`-like domains), config-mapped
 *   fleet-nohost   the same files, --no-config-lookup: domain rules only
 *   hypervisors    1,700 hosts × 6 guests (~3 KB), config-mapped; the snapshots are shaped like
 *                  `kvmlint snapshot` output of a 2-socket, 48-thread host ({raw, parsed} CPU lists,
 *                  zones, per-CPU topology)
 *   guide-text     10,000 small guide-style domains (examples/domains/missing-emulatorpin.xml
 *                  renamed), one finding each, default text format
 *   guide-json     the same, -f json
 *   one-host       10,000 guests of the dense layout on one --host (~5 findings each); peak RSS
 *   schema         --schema over 1,000 fleet domains against `xmllint --noout --relaxng domain.rng`
 *   one-file       one domain with --host, as a pre-commit hook runs it (and `node -e 0` beside it)
 *   one-file-fleet one domain of the hypervisors fleet, its host found through the config
 * Each round runs kvmlint, then (with --baseline) the other build, then xmllint, one after the
 * other; a ratio is taken within each round and the median of the rounds is printed with its
 * min and max (the machine's speed drifts between rounds; pairing keeps the ratio meaningful).
 * Wall time is Node's monotonic clock around the child; CPU (user + system) and peak RSS are
 * the kernel's accounting of the finished child, read by GNU time. kvmlint's report goes to a
 * file, as `kvmlint > report.txt` would. One untimed run of each command first (files cached,
 * findings counted from -f json).
 *
 * The warm table: in a fresh child process per size, times alternately
 *   bare — read every file and parse it with saxes (positions on, no tree);
 *   own  — read every file and parse it with kvmlint's parser (fast path, light tree);
 *   full — kvmlint's whole lint() in process, after one warm-up lint of the same files.
 * The child sets V8 up as the CLI does (src/engine/v8-flags.ts); BENCH_V8_DEFAULTS=1
 * leaves V8's defaults instead. BENCH_TRACE=1 prints its peak RSS after each phase.
 * Measured, never asserted: speed is not a test.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    baseline: { type: 'string' },
    keep: { type: 'boolean', default: false },
    dir: { type: 'string' },
    'warm-only': { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
    schema: { type: 'string' },
    node: { type: 'string' },
    'keep-env': { type: 'boolean', default: false },
    // The warm child's arguments.
    child: { type: 'string' },
    engine: { type: 'string' },
    limitHosts: { type: 'string' },
    hosts: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
/** The Node that runs the whole-process shapes (`--node`: another version, as its users pay it). */
const NODE = values.node ? resolve(values.node) : process.execPath;
/**
 * Environment variables that make every Node process pay for something kvmlint never uses, and that
 * a user's machine rarely sets: NODE_EXTRA_CA_CERTS makes Node 20 and 22 read and parse that PEM
 * bundle before any JavaScript runs (node.cc, InitializeOncePerProcess; Node 24 loads it on first
 * TLS use), ~55 ms a process for Debian's 144 certificates on this machine, where a sandbox sets it.
 * kvmlint makes no TLS connection. The timed commands run without them (xmllint never paid them),
 * and the header measures what they cost; `--keep-env` keeps them.
 */
const STARTUP_ONLY_ENV = ['NODE_EXTRA_CA_CERTS'] as const;
const DROPPED_ENV = values['keep-env'] ? [] : STARTUP_ONLY_ENV.filter((k) => process.env[k] !== undefined);
/** The environment every timed command runs in. */
const CHILD_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(DROPPED_ENV as readonly string[]).includes(k)));
const PER_HOST_SCALE = 100;
type Layout = 'fleet' | 'dense' | 'hypervisor';

/**
 * Host CPUs per NUMA node: 4 housekeeping plus 4 per guest planned on the node (fleet), at least
 * 24 (hypervisor: 12 cores with 2 threads each), or 16 (dense).
 */
function cpusPerNode(layout: Layout, guests: number): number {
  if (layout === 'dense') return 16;
  const needed = 4 + 4 * Math.ceil(guests / 2);
  return layout === 'hypervisor' ? Math.max(24, needed + (needed % 2)) : needed;
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
 * ~7 KB (6 disks, 10 PCIe root ports, 4 NICs); on a hypervisor-layout host ~3 KB (2, 3 and 1).
 */
function domainXml(i: number, k: number, perHost: number, layout: Layout): string {
  const node = k % 2;
  const per = cpusPerNode(layout, perHost);
  const first = layout === 'dense' ? node * 16 + 4 + (i % 3) * 4 : node * per + 4 + Math.floor(k / 2) * 4;
  const cpuOf = (v: number) => (layout !== 'dense' && v === 3 && k % 50 === 49 ? first - 8 + v : first + v);
  const pins = Array.from({ length: 4 }, (_, v) => `    <vcpupin vcpu='${v}' cpuset='${cpuOf(v)}'/>`).join('\n');
  const hk = layout === 'dense' ? 0 : node * per;
  const compact = layout === 'hypervisor';
  // Each disk and NIC on a root port of its own (NICs first), as libvirt assigns them: one PCI address per device.
  const nicCount = compact ? 1 : 4;
  const diskCount = compact ? 2 : 6;
  const disks = Array.from(
    { length: diskCount },
    (_, d) => `    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap' iothread='1'/>
      <source file='/var/lib/libvirt/images/vm${i}-disk${d}.qcow2'/>
      <target dev='vd${String.fromCharCode(97 + d)}' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x${(nicCount + d + 1).toString(16).padStart(2, '0')}' slot='0x00' function='0x0'/>
    </disk>`,
  ).join('\n');
  const nics = Array.from(
    { length: nicCount },
    (_, n) => `    <interface type='bridge'>
      <mac address='52:54:00:${((i >> 8) & 0xff).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}:${n}0'/>
      <source bridge='br${n}'/>
      <model type='virtio'/>
      <driver name='vhost' queues='4'/>
      <address type='pci' domain='0x0000' bus='0x0${n + 1}' slot='0x00' function='0x0'/>
    </interface>`,
  ).join('\n');
  const controllers = Array.from(
    { length: nicCount + diskCount },
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
    <topology sockets='1' dies='1' cores='${compact ? 2 : 4}' threads='${compact ? 2 : 1}'/>
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

/**
 * A host as `kvmlint snapshot` writes it on a two-socket hypervisor with SMT: every CPU list as
 * {raw, parsed}, zones with watermarks, per-CPU topology (CPUs 2c and 2c+1 are the two threads of
 * core c), isolation from the command line and tuned's cpu-partitioning. Housekeeping is the first
 * two cores of each node; each guest is pinned on two whole cores of its node.
 */
function capturedHostSnapshot(i: number, guests: number): string {
  const per = cpusPerNode('hypervisor', guests);
  const last = 2 * per - 1;
  const list = (raw: string) => ({ raw, parsed: raw });
  const isolated = `4-${per - 1},${per + 4}-${last}`;
  const pagesPerNode = 8192 + 512 * Math.ceil(guests / 2);
  const zone = (name: string, managedPages: number) => ({ name, managedPages, presentPages: managedPages + 4096, min: 11264, low: 14080, high: 16896 });
  const node = (id: number) => ({
    id,
    cpus: list(`${id * per}-${id * per + per - 1}`),
    memTotalKiB: 263921152,
    memFreeKiB: 201326592 - i * 4096,
    distances: id === 0 ? [10, 21] : [21, 10],
    hugepages: [
      { sizeKiB: 2048, total: pagesPerNode, free: pagesPerNode - 512 * Math.ceil(guests / 2), surplus: 0 },
      { sizeKiB: 1048576, total: 0, free: 0, surplus: 0 },
    ],
    zones: id === 0 ? [zone('DMA', 3840), zone('DMA32', 427636), zone('Normal', 65011712)] : [zone('Normal', 65536000)],
  });
  return JSON.stringify(
    {
      $schema: 'https://raw.githubusercontent.com/kvmlint/kvmlint/main/schemas/host-snapshot.schema.json',
      kvmlintHostSnapshot: 1,
      source: 'capture',
      hostname: `hv${String(i).padStart(4, '0')}.example.net`,
      kernelRelease: '5.14.0-427.13.1.el9_4.x86_64',
      capturedAt: '2026-11-02T09:14:03Z',
      cpus: { possible: list(`0-${last}`), present: list(`0-${last}`), online: list(`0-${last}`) },
      cpuTopology: Array.from({ length: 2 * per }, (_, cpu) => {
        const n = Math.floor(cpu / per);
        return { cpu, node: n, socket: n, die: 0, core: (cpu % per) >> 1, siblings: list(`${cpu & ~1},${cpu | 1}`), online: true };
      }),
      nodes: [node(0), node(1)],
      hugepages: { defaultSizeKiB: 2048, sizesKiB: [2048, 1048576] },
      pageSizeKiB: 4,
      vm: { minFreeKbytes: 90112, watermarkScaleFactor: 10 },
      kernel: {
        cmdline: `BOOT_IMAGE=(hd0,gpt2)/vmlinuz-5.14.0-427.13.1.el9_4.x86_64 root=/dev/mapper/rl-root ro crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M skew_tick=1 tsc=reliable rcupdate.rcu_normal_after_boot=1 isolcpus=managed_irq,domain,${isolated} intel_pstate=disable nosoftlockup nohz=on nohz_full=${isolated} rcu_nocbs=${isolated} irqaffinity=0-3,${per}-${per + 3} default_hugepagesz=2M hugepagesz=2M hugepages=${2 * pagesPerNode}`,
      },
      isolation: { isolated: list(isolated), nohzFull: list(isolated) },
      tuned: { activeProfile: 'cpu-partitioning', isolatedCores: list(isolated) },
    },
    null,
    2,
  );
}

/** The guide's missing-emulatorpin example (one finding, no host needed), renamed for the `i`-th copy. */
function guideDomain(template: string, i: number): string {
  return template
    .replace(/<name>[^<]*<\/name>/, `<name>guide-${i}</name>`)
    .replace(/<uuid>[^<]*<\/uuid>/, `<uuid>9b1e6c2a-3f47-4d0b-8c55-${String(i).padStart(12, '0')}</uuid>`);
}

const hostName = (h: number, hosts: number) => `hv${String(h).padStart(hosts > 1000 ? 4 : 3, '0')}`;

/**
 * The generators' version: a corpus written by an older one is generated again. 2: each device on a PCI address of
 * its own (version 1 put a disk and a NIC on one, which libvirt refuses: device-config-invalid found it).
 */
const CORPUS_VERSION = 2;

/** A corpus generated by an earlier run with the same --dir: its files and their total size. */
function reuse(dir: string): { bytes: number; files: string[] } | undefined {
  const listing = join(dir, '.bench-files.json');
  if (!existsSync(listing)) return undefined;
  const corpus = JSON.parse(readFileSync(listing, 'utf8')) as { version?: number; bytes: number; files: string[] };
  return corpus.version === CORPUS_VERSION ? corpus : undefined;
}

function remember(dir: string, corpus: { bytes: number; files: string[] }): { bytes: number; files: string[] } {
  writeFileSync(join(dir, '.bench-files.json'), JSON.stringify({ version: CORPUS_VERSION, ...corpus }));
  return corpus;
}

/** Writes `hosts` hosts with `perHost` domains each; a config maps them when there is more than one host. */
function generateFleet(dir: string, hosts: number, perHost: number, layout: Layout): { bytes: number; files: string[] } {
  const earlier = reuse(dir);
  if (earlier) return earlier;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'hosts'), { recursive: true });
  mkdirSync(join(dir, '.git')); // the config lookup stops here
  let bytes = 0;
  const files: string[] = [];
  for (let h = 0; h < hosts; h++) {
    const name = hostName(h, hosts);
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, 'hosts', `${name}.json`), layout === 'hypervisor' ? capturedHostSnapshot(h, perHost) : hostSnapshot(h, perHost, layout));
    for (let k = 0; k < perHost; k++) {
      const xml = domainXml(h * perHost + k, k, perHost, layout);
      bytes += Buffer.byteLength(xml);
      const file = `${name}/vm${String(k).padStart(5, '0')}.xml`;
      writeFileSync(join(dir, file), xml);
      files.push(file);
    }
  }
  if (hosts > 1) {
    const config = {
      hosts: Array.from({ length: hosts }, (_, h) => ({ snapshot: `hosts/${hostName(h, hosts)}.json`, domains: [`${hostName(h, hosts)}/**/*.xml`] })),
    };
    writeFileSync(join(dir, 'kvmlint.config.json'), JSON.stringify(config, null, 2));
  }
  return remember(dir, { bytes, files });
}

/** 10,000 copies of the guide example in 100 directories, no config, no host. */
function generateGuide(dir: string, count: number): { bytes: number; files: string[] } {
  const earlier = reuse(dir);
  if (earlier) return earlier;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  const template = readFileSync(fileURLToPath(new URL('../examples/domains/missing-emulatorpin.xml', import.meta.url)), 'utf8');
  let bytes = 0;
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = `team${String(Math.floor(i / 100)).padStart(2, '0')}`;
    if (i % 100 === 0) mkdirSync(join(dir, sub));
    const xml = guideDomain(template, i);
    bytes += Buffer.byteLength(xml);
    const file = `${sub}/guide-${String(i).padStart(5, '0')}.xml`;
    writeFileSync(join(dir, file), xml);
    files.push(file);
  }
  return remember(dir, { bytes, files });
}

// ---------------------------------------------------------------------------
// Whole processes

/** package.json's bin, the launcher npm and the pre-commit hook run (dist/bin.cjs). */
const DIST = fileURLToPath(new URL(`../${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: { kvmlint: string } }).bin.kvmlint}`, import.meta.url));
const TIME = '/usr/bin/time';

interface ProcessTimes {
  wallS: number;
  cpuS: number;
  peakMB: number;
  status: number | null;
}

interface Command {
  label: string;
  argv: string[];
  cwd: string;
  /** Default: CHILD_ENV. */
  env?: NodeJS.ProcessEnv;
}

/** Runs one command to its end: wall by Node's monotonic clock, CPU and peak RSS by GNU time (the kernel's rusage). */
function timeProcess(cmd: Command, outFile: string): ProcessTimes {
  const usage = `${outFile}.time`;
  const out = openSync(outFile, 'w');
  const err = openSync(`${outFile}.err`, 'w');
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', '%U %S %M %x', '-o', usage, ...cmd.argv], { cwd: cmd.cwd, stdio: ['ignore', out, err], env: cmd.env ?? CHILD_ENV });
  const wallS = (performance.now() - t0) / 1000;
  closeSync(out);
  closeSync(err);
  if (r.error) throw r.error;
  const line = readFileSync(usage, 'utf8').trim().split('\n').pop()!;
  const [user, sys, maxKiB, status] = line.split(' ').map(Number) as [number, number, number, number];
  return { wallS, cpuS: user + sys, peakMB: maxKiB / 1024, status };
}

interface Shape {
  id: string;
  label: string;
  dir: string;
  /** kvmlint's arguments. */
  args: string[];
  /** The yardstick command (xmllint) over the same files. */
  yardstick: Command;
  /** Another command timed in the same rounds, for reference only (`node -e 0`). */
  reference?: Command;
  runs?: number;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
};
const fmtRatio = (xs: number[]) => {
  // GNU time counts CPU in 10 ms steps: a one-file xmllint often uses none.
  if (xs.some((x) => !Number.isFinite(x))) return 'n/a (under the 10 ms CPU clock)';
  const { min, median, max } = stats(xs);
  return `${median.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)})`;
};
const fmtS = (xs: number[]) => {
  const { min, median, max } = stats(xs);
  const d = median < 1 ? 3 : 2;
  return `${median.toFixed(d)} s (${min.toFixed(d)}–${max.toFixed(d)})`;
};

/** What the dropped variables cost a bare Node start, paired in the same rounds, so the figures below can be read either way. */
function startupEnvCost(scratch: string, say: (s: string) => void): void {
  const without: Command = { label: 'without', argv: [NODE, '-e', '0'], cwd: scratch };
  const withThem: Command = { ...without, label: 'with', env: process.env };
  const a: number[] = [];
  const b: number[] = [];
  timeProcess(without, join(scratch, 'out'));
  timeProcess(withThem, join(scratch, 'out'));
  for (let r = 0; r < 11; r++) {
    a.push(timeProcess(without, join(scratch, 'out')).wallS);
    b.push(timeProcess(withThem, join(scratch, 'out')).wallS);
  }
  say(
    `timed commands run without ${DROPPED_ENV.join(', ')} (set here; --keep-env keeps it): \`node -e 0\` takes ${fmtS(b)} with it, ` +
      `${fmtS(a)} without; add the difference to each kvmlint wall time below for a machine that sets it`,
  );
}

function countFindings(shape: Shape, scratch: string): { findings: number; status: number | null } {
  const args = [...shape.args];
  const f = args.indexOf('-f');
  if (f >= 0) args.splice(f, 2);
  const r = spawnSync(NODE, [DIST, ...args, '-f', 'json', '-o', join(scratch, 'count.json')], { cwd: shape.dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: CHILD_ENV });
  if (r.status !== 0 && r.status !== 1) throw new Error(`kvmlint ${args.join(' ')} in ${shape.dir} exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(readFileSync(join(scratch, 'count.json'), 'utf8')) as unknown;
  const list = Array.isArray(report) ? report : ((report as { diagnostics?: unknown[]; results?: unknown[] }).diagnostics ?? []);
  const findings = (list as Array<{ messages?: unknown[] }>).reduce((n, r) => n + (Array.isArray(r.messages) ? r.messages.length : 1), 0);
  return { findings, status: r.status };
}

function runShape(shape: Shape, scratch: string): void {
  const runs = shape.runs ?? RUNS;
  const kvmlint: Command = { label: 'kvmlint', argv: [NODE, DIST, ...shape.args], cwd: shape.dir };
  const baseline: Command | undefined = values.baseline ? { label: 'baseline', argv: [NODE, resolve(values.baseline), ...shape.args], cwd: shape.dir } : undefined;
  const commands = [kvmlint, ...(baseline ? [baseline] : []), shape.yardstick, ...(shape.reference ? [shape.reference] : [])];
  const { findings } = countFindings(shape, scratch);
  const times = new Map<Command, ProcessTimes[]>(commands.map((c) => [c, []]));
  // Untimed: the page cache and the launcher's code cache (src/launcher.ts) warm, as after a user's first run.
  for (const c of commands) timeProcess(c, join(scratch, 'out'));
  // Each round starts with the next command: on a host that drops page cache between rounds
  // (memory reclaim, a balloon), the first command of a round reads cold files, and a fixed
  // order would always make that kvmlint. The pairs (ratios) are still taken within a round.
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < commands.length; k++) {
      const c = commands[(r + k) % commands.length]!;
      times.get(c)!.push(timeProcess(c, join(scratch, 'out')));
    }
  }
  const kv = times.get(kvmlint)!;
  const y = times.get(shape.yardstick)!;
  if (kv.some((t) => t.status !== 0 && t.status !== 1)) throw new Error(`${shape.id}: kvmlint exited ${kv.map((t) => t.status).join(',')}: ${readFileSync(join(scratch, 'out.err'), 'utf8')}`);
  const paired = (a: ProcessTimes[], b: ProcessTimes[], k: 'wallS' | 'cpuS') => a.map((t, i) => t[k] / b[i]![k]);
  console.log(`\n${shape.id}: ${shape.label}; ${findings} findings; ${runs} rounds`);
  console.log(`  kvmlint      wall ${fmtS(kv.map((t) => t.wallS))}, cpu ${fmtS(kv.map((t) => t.cpuS))}, peak ${stats(kv.map((t) => t.peakMB)).median.toFixed(0)} MB`);
  if (baseline) {
    const b = times.get(baseline)!;
    console.log(`  baseline     wall ${fmtS(b.map((t) => t.wallS))}, cpu ${fmtS(b.map((t) => t.cpuS))}, peak ${stats(b.map((t) => t.peakMB)).median.toFixed(0)} MB`);
  }
  console.log(`  ${shape.yardstick.label.padEnd(12)} wall ${fmtS(y.map((t) => t.wallS))}, cpu ${fmtS(y.map((t) => t.cpuS))}, peak ${stats(y.map((t) => t.peakMB)).median.toFixed(0)} MB`);
  if (shape.reference) {
    const ref = times.get(shape.reference)!;
    console.log(`  ${shape.reference.label.padEnd(12)} wall ${fmtS(ref.map((t) => t.wallS))}, cpu ${fmtS(ref.map((t) => t.cpuS))}`);
  }
  console.log(`  kvmlint ÷ ${shape.yardstick.label}: wall ${fmtRatio(paired(kv, y, 'wallS'))}, cpu ${fmtRatio(paired(kv, y, 'cpuS'))}`);
  if (shape.reference) {
    const ref = times.get(shape.reference)!;
    console.log(`  kvmlint ÷ ${shape.reference.label}: wall ${fmtRatio(paired(kv, ref, 'wallS'))}, cpu ${fmtRatio(paired(kv, ref, 'cpuS'))}`);
  }
  if (baseline) {
    const b = times.get(baseline)!;
    console.log(`  kvmlint ÷ baseline: wall ${fmtRatio(paired(kv, b, 'wallS'))}, cpu ${fmtRatio(paired(kv, b, 'cpuS'))}`);
  }
}

function requireTool(path: string, what: string): void {
  if (spawnSync(path, ['--version'], { stdio: 'ignore' }).error) {
    console.error(`npm run bench needs ${what}: on Debian or Ubuntu, apt-get install -y libxml2-utils time`);
    process.exit(2);
  }
}

function schemaDirOf(): string | undefined {
  const candidates = [values.schema, process.env.KVMLINT_LIBVIRT_SCHEMAS, '/usr/share/libvirt/schemas'];
  return candidates.find((d): d is string => d !== undefined && d !== '' && existsSync(join(d, 'domain.rng')));
}

async function wholeProcessTables(base: string): Promise<void> {
  requireTool('xmllint', "xmllint (Debian's libxml2-utils)");
  requireTool(TIME, 'GNU time (/usr/bin/time)');
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run build`);
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const want = (...ids: string[]) => !only || ids.some((id) => only.has(id));
  const scratch = join(base, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const xmllint = (dir: string, files: string[], extra: string[] = []): Command => ({ label: extra.length > 0 ? 'xmllint-rng' : 'xmllint', argv: ['xmllint', '--noout', ...extra, ...files], cwd: dir });
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const nodeVersion = NODE === process.execPath ? process.version : spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  say(`whole processes: node ${nodeVersion}, ${DIST.slice(DIST.lastIndexOf('dist'))}; median of ${RUNS} paired rounds with min–max (one-file shapes: 21 rounds)`);
  if (DROPPED_ENV.length > 0) startupEnvCost(scratch, say);

  if (want('fleet', 'fleet-nohost', 'schema')) {
    const dir = join(base, 'fleet');
    const { bytes, files } = generateFleet(dir, 100, PER_HOST_SCALE, 'fleet');
    const size = `${(bytes / files.length / 1024).toFixed(1)} KB each`;
    if (want('fleet')) runShape({ id: 'fleet', label: `100 hosts × 100 guests, ${size}, config-mapped`, dir, args: ['.'], yardstick: xmllint(dir, files) }, scratch);
    if (want('fleet-nohost')) runShape({ id: 'fleet-nohost', label: `the same ${files.length} files, no host (--no-config-lookup)`, dir, args: ['--no-config-lookup', '.'], yardstick: xmllint(dir, files) }, scratch);
    if (want('schema')) {
      const schemaDir = schemaDirOf();
      if (!schemaDir) say('\nschema: skipped, no libvirt schemas (--schema DIR or $KVMLINT_LIBVIRT_SCHEMAS: a directory with domain.rng)');
      else {
        const some = files.filter((f) => Number(f.slice(2, 5)) < 10);
        runShape(
          {
            id: 'schema',
            label: `--schema over ${some.length} fleet domains against xmllint --relaxng (one process each)`,
            dir,
            args: ['--no-config-lookup', ...Array.from({ length: 10 }, (_, h) => hostName(h, 100)), '--schema', schemaDir],
            yardstick: xmllint(dir, some, ['--relaxng', join(schemaDir, 'domain.rng')]),
          },
          scratch,
        );
      }
    }
  }
  if (want('hypervisors', 'one-file-fleet')) {
    const dir = join(base, 'hypervisors');
    const { bytes, files } = generateFleet(dir, 1700, 6, 'hypervisor');
    const size = `${(bytes / files.length / 1024).toFixed(1)} KB each`;
    if (want('hypervisors')) runShape({ id: 'hypervisors', label: `1,700 hosts × 6 guests, ${size}, config-mapped, captured-style snapshots`, dir, args: ['.'], yardstick: xmllint(dir, files) }, scratch);
    if (want('one-file-fleet')) {
      runShape(
        { id: 'one-file-fleet', label: `one domain of that fleet, its host found through the config (1,700 hosts)`, dir, args: [files[0]!], yardstick: xmllint(dir, [files[0]!]), reference: { label: 'node -e 0', argv: [NODE, '-e', '0'], cwd: dir }, runs: 21 },
        scratch,
      );
    }
  }
  if (want('guide-text', 'guide-json')) {
    const dir = join(base, 'guide');
    const { bytes, files } = generateGuide(dir, 10_000);
    const size = `${(bytes / files.length / 1024).toFixed(1)} KB each`;
    if (want('guide-text')) runShape({ id: 'guide-text', label: `10,000 guide-style domains, ${size}, one finding each, default text format`, dir, args: ['.'], yardstick: xmllint(dir, files) }, scratch);
    if (want('guide-json')) runShape({ id: 'guide-json', label: 'the same, -f json', dir, args: ['.', '-f', 'json'], yardstick: xmllint(dir, files) }, scratch);
  }
  if (want('one-host')) {
    const dir = join(base, 'one-host');
    const { bytes, files } = generateFleet(dir, 1, 10_000, 'dense');
    runShape(
      { id: 'one-host', label: `10,000 guests (${(bytes / files.length / 1024).toFixed(1)} KB each) on one --host, every guest colliding`, dir, args: ['--host', 'hosts/hv000.json', '.'], yardstick: xmllint(dir, files) },
      scratch,
    );
  }
  if (want('one-file')) {
    const dir = join(base, 'one-file');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'host.json'), capturedHostSnapshot(0, 6));
    writeFileSync(join(dir, 'vm.xml'), domainXml(20, 1, 6, 'hypervisor')); // no <emulatorpin>: one finding
    runShape(
      { id: 'one-file', label: 'one domain with --host (a captured-style snapshot), cold process', dir, args: ['--host', 'host.json', 'vm.xml'], yardstick: xmllint(dir, ['vm.xml']), reference: { label: 'node -e 0', argv: [NODE, '-e', '0'], cwd: dir }, runs: 21 },
      scratch,
    );
  }
}

// ---------------------------------------------------------------------------
// Warm, in process

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
}

/** In a fresh process: time bare parse and full lint of the first `limitHosts` hosts' domains. */
async function child(dir: string, limitHosts: number, totalHosts: number, enginePath: string): Promise<void> {
  // The engine as users run it: bundled by esbuild like dist/, not transpiled on the fly.
  const { lint, parseXml, tuneV8ForLint } = (await import(pathToFileURL(enginePath).href)) as { lint: typeof LintFn; parseXml: typeof ParseXmlFn; tuneV8ForLint: () => void };
  // V8 set up as the CLI sets it (src/engine/v8-flags.ts), for all three measurements alike.
  // BENCH_V8_DEFAULTS=1 leaves V8's defaults, to see what the setting buys.
  if (!process.env.BENCH_V8_DEFAULTS) tuneV8ForLint();
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
  const full = async () => {
    const options = totalHosts > 1 ? { paths: hostDirs } : { paths: hostDirs, hostFile: 'hosts/hv000.json' };
    return (await lint({ ...options, cwd: dir })).diagnostics.length;
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
  };
  process.stdout.write(JSON.stringify(result));
}

/** The child is this script bundled like the engine, run by plain Node: no tsx loader in the measured process. */
function runChild(childPath: string, dir: string, limitHosts: number, totalHosts: number, enginePath: string): ChildResult {
  const r = spawnSync(
    process.execPath,
    [
      childPath, '--child', dir, '--limitHosts', String(limitHosts), '--hosts', String(totalHosts), '--runs', String(RUNS), '--engine', enginePath,
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

async function warmTable(base: string): Promise<void> {
  const enginePath = join(base, 'engine.mjs');
  const { build } = await import('esbuild');
  const childPath = join(base, 'bench-child.mjs');
  const common = await engineBuildOptions();
  await build({ ...common, entryPoints: [fileURLToPath(import.meta.url)], outfile: childPath, external: ['esbuild'] });
  await build({
    ...common,
    stdin: { contents: "export { lint } from './src/engine/runner.ts';\nexport { parseXml } from './src/xml/parse.ts';\nexport { tuneV8ForLint } from './src/engine/v8-flags.ts';", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
    outfile: enginePath,
  });
  console.log(
    `\nwarm, in process: lint() after one warm-up lint of the same files, against saxes; ${RUNS} runs per size (medians), each size in a fresh Node process; ` +
      `heap ${process.env.BENCH_V8_DEFAULTS ? "at V8's defaults (BENCH_V8_DEFAULTS)" : 'set up as the CLI sets it'}`,
  );
  const dir = join(base, 'fleet');
  if (!existsSync(join(dir, 'kvmlint.config.json'))) generateFleet(dir, 100, PER_HOST_SCALE, 'fleet');
  console.log(`fleet: 100 hosts × 100 domains, config-mapped`);
  console.log(HEADER);
  for (const limit of [10, 100]) console.log(row(runChild(childPath, dir, limit, 100, enginePath)));
}

if (values.child) {
  await child(values.child, Number(values.limitHosts), Number(values.hosts), values.engine!);
} else {
  const base = values.dir ? resolve(values.dir) : join(tmpdir(), `kvmlint-bench-${process.pid}`);
  mkdirSync(base, { recursive: true });
  try {
    if (!values['warm-only']) await wholeProcessTables(base);
    if (!values['no-warm'] && !values.only) await warmTable(base);
  } finally {
    if (values.dir) {
      // kept, as asked
    } else if (values.keep) console.log(`\nkept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}
