/**
 * Writes the fixtures of the drift rules: host snapshots with running guests and
 * host definitions (fixtures/hosts/running-*.json, the dual-socket host plus a
 * `running` or `libvirt` section) and the domain files linted against them
 * (rules/<drift rule>/fixtures/*.xml). One domain shape throughout (the
 * kvm-realtime layout: vCPUs 0-3 on CPUs 4-7, emulator on 0-1, 8 GiB of 2 MiB
 * pages strict on node 0, fifo 1), varied one fact at a time.
 *
 *   node --import tsx scripts/gen-running-fixtures.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reduceDefinition } from '../src/model/definition-reduce.ts';
import type { HostSnapshot, SnapshotDefinition, SnapshotGuest, SnapshotGuestCellMemory, SnapshotGuestMemory, SnapshotRunning } from '../src/model/host.ts';
import { parseXml } from '../src/xml/parse.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024;

interface DomainSpec {
  name: string;
  uuid: string;
  about: string;
  host: string;
  /** vCPU 0-3 pins. */
  pins?: string[];
  memoryGiB?: number;
  numatune?: boolean;
  /** <numatune><memory mode>: strict unless given. */
  numaMode?: 'strict' | 'preferred' | 'interleave' | 'restrictive';
  iothread?: boolean;
  /** false: no <emulatorpin> (the emulator takes libvirt's default affinity). */
  emulatorpin?: boolean;
  /**
   * Two guest cells (vCPUs 0-1 and 2-3, 4 GiB each, vCPUs on CPUs 4-5 and 20-21) with a <memnode> each, under
   * <memory nodeset='0-1'>: the memnode modes (default strict) and nodesets, cell 0 first.
   */
  memnodes?: Array<{ mode?: 'strict' | 'preferred' | 'interleave' | 'restrictive'; nodeset: string }>;
  /** Rule ids expected per line key: vcpupinN, emulatorpin, iothreadpin, memory, numatune, nodeset, memnodeN, hugepages, vcpu, vcpusched, name, cputune. */
  expect?: Record<string, string>;
  expectHost?: string[];
}

function domainXml(s: DomainSpec): string {
  const pins = s.pins ?? (s.memnodes ? ['4', '5', '20', '21'] : ['4', '5', '6', '7']);
  const e = (key: string): string => (s.expect?.[key] ? ` <!-- expect: ${s.expect[key]} -->` : '');
  const lines = [
    `<!-- host: ${s.host} -->`,
    ...(s.expectHost ?? []).map((r) => `<!-- expect-host: ${r} -->`),
    `<domain type='kvm'>`,
    `  <name>${s.name}</name>${e('name')}`,
    `  <uuid>${s.uuid}</uuid>`,
    `  <description>${s.about.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</description>`,
    `  <memory unit='GiB'>${s.memoryGiB ?? 8}</memory>${e('memory')}`,
    `  <currentMemory unit='GiB'>${s.memoryGiB ?? 8}</currentMemory>`,
    `  <memtune>`,
    `    <hard_limit unit='GiB'>${(s.memoryGiB ?? 8) + 2}</hard_limit>`,
    `  </memtune>`,
    `  <memoryBacking>`,
    `    <hugepages>${e('hugepages')}`,
    `      <page size='2048' unit='KiB'/>`,
    `    </hugepages>`,
    `    <nosharepages/>`,
    `    <locked/>`,
    `  </memoryBacking>`,
    `  <vcpu placement='static'>4</vcpu>${e('vcpu')}`,
    ...(s.iothread ? [`  <iothreads>1</iothreads>`] : []),
    `  <cputune>${e('cputune')}`,
    ...(s.emulatorpin === false ? [] : [`    <emulatorpin cpuset='0-1'/>${e('emulatorpin')}`]),
    ...pins.map((cpus, v) => `    <vcpupin vcpu='${v}' cpuset='${cpus}'/>${e(`vcpupin${v}`)}`),
    ...(s.iothread ? [`    <iothreadpin iothread='1' cpuset='0-1'/>${e('iothreadpin')}`] : []),
    `    <vcpusched vcpus='0-3' scheduler='fifo' priority='1'/>${e('vcpusched')}`,
    `  </cputune>`,
    ...(s.numatune === false
      ? []
      : [
          `  <numatune>${e('numatune')}`,
          `    <memory mode='${s.numaMode ?? 'strict'}' nodeset='${s.memnodes ? '0-1' : '0'}'/>${e('nodeset')}`,
          ...(s.memnodes ?? []).map((m, cell) => `    <memnode cellid='${cell}' mode='${m.mode ?? 'strict'}' nodeset='${m.nodeset}'/>${e(`memnode${cell}`)}`),
          `  </numatune>`,
        ]),
    `  <os>`,
    `    <type arch='x86_64' machine='pc-q35-rhel9.2.0'>hvm</type>`,
    `    <boot dev='hd'/>`,
    `  </os>`,
    `  <features>`,
    `    <acpi/>`,
    `    <apic/>`,
    `    <pmu state='off'/>`,
    `  </features>`,
    `  <cpu mode='host-passthrough' check='none' migratable='off'>`,
    `    <topology sockets='1' dies='1' cores='4' threads='1'/>`,
    ...(s.memnodes
      ? [`    <numa>`, `      <cell id='0' cpus='0-1' memory='4' unit='GiB'/>`, `      <cell id='1' cpus='2-3' memory='4' unit='GiB'/>`, `    </numa>`]
      : []),
    `  </cpu>`,
    `  <devices>`,
    `    <emulator>/usr/libexec/qemu-kvm</emulator>`,
    `    <memballoon model='none'/>`,
    `  </devices>`,
    `</domain>`,
  ];
  return `${lines.join('\n')}\n`;
}

interface GuestSpec {
  name: string;
  uuid?: string;
  pid: number;
  vcpus?: string[];
  emulator?: string;
  /** call_rcu's allowed CPUs when they differ from the main thread's. */
  helper?: string;
  iothread?: string;
  policy?: 'fifo' | 'other';
  /** Per-vCPU policy and priority, overriding `policy`. */
  policies?: Array<['fifo' | 'rr' | 'other', number]>;
  memory?: SnapshotGuestMemory[];
  cellMemory?: SnapshotGuestCellMemory[];
}

const HUGE_ON_NODE0: SnapshotGuestMemory[] = [
  { node: 0, pageSizeKiB: 4, kib: 180 * MiB },
  { node: 0, pageSizeKiB: 2048, kib: 8192 * MiB },
];

function guest(g: GuestSpec): SnapshotGuest {
  const vcpus = g.vcpus ?? ['4', '5', '6', '7'];
  const emulator = g.emulator ?? '0-1';
  const t = (tid: number, role: 'main' | 'worker' | 'vcpu' | 'iothread', name: string, cpus: string, id?: number) => ({
    tid,
    role,
    ...(id === undefined ? {} : { id }),
    name,
    allowedCpus: { raw: cpus, parsed: cpus },
    lastCpu: Number(cpus.split(/[-,]/)[0]),
    policy: role === 'vcpu' ? (id !== undefined && g.policies?.[id] ? g.policies[id]![0] : (g.policy ?? 'fifo')) : ('other' as const),
    priority: role === 'vcpu' ? (id !== undefined && g.policies?.[id] ? g.policies[id]![1] : (g.policy ?? 'fifo') === 'fifo' ? 1 : 0) : 0,
  });
  return {
    name: g.name,
    ...(g.uuid === undefined ? {} : { uuid: g.uuid }),
    pid: g.pid,
    rolesFrom: 'status-xml',
    threads: [
      t(g.pid, 'main', 'qemu-kvm', emulator),
      t(g.pid + 1, 'worker', 'call_rcu', g.helper ?? emulator),
      ...(g.iothread ? [t(g.pid + 2, 'iothread', 'IO iothread1', g.iothread, 1)] : []),
      ...vcpus.map((cpus, v) => t(g.pid + 10 + v, 'vcpu', `CPU ${v}/KVM`, cpus, v)),
    ],
    memory: g.memory ?? HUGE_ON_NODE0,
    ...(g.cellMemory ? { cellMemory: g.cellMemory } : {}),
  };
}

/**
 * A two-cell guest's memory, 2 MiB pages: `cells[c]` lists [host node, MiB] of cell c's backend; `named` false leaves
 * out the per-cell view, as for anonymous backends numa_maps cannot attribute. QEMU's own small pages sit on node 0.
 */
function twoCells(cells: Array<Array<[number, number]>>, named = true): Pick<GuestSpec, 'memory' | 'cellMemory'> {
  const perNode = new Map<number, number>();
  for (const cell of cells) for (const [node, mib] of cell) perNode.set(node, (perNode.get(node) ?? 0) + mib);
  const memory: SnapshotGuestMemory[] = [{ node: 0, pageSizeKiB: 4, kib: 180 * MiB }];
  for (const [node, mib] of [...perNode].sort((a, b) => a[0] - b[0])) memory.push({ node, pageSizeKiB: 2048, kib: mib * MiB });
  memory.sort((a, b) => a.node - b.node || a.pageSizeKiB - b.pageSizeKiB);
  const cellMemory = cells.flatMap((cell, c) => cell.map(([node, mib]) => ({ cell: c, node, pageSizeKiB: 2048, kib: mib * MiB })));
  return named ? { memory, cellMemory } : { memory };
}

function memorySplit(node0: number, node1: number): SnapshotGuestMemory[] {
  return [
    { node: 0, pageSizeKiB: 2048, kib: node0 * MiB },
    { node: 1, pageSizeKiB: 2048, kib: node1 * MiB },
  ];
}

function hugeShare(small: number, huge: number): SnapshotGuestMemory[] {
  return [
    { node: 0, pageSizeKiB: 4, kib: small * MiB },
    { node: 0, pageSizeKiB: 2048, kib: huge * MiB },
  ];
}

interface HostSpec {
  name: string;
  libvirtVersion?: string;
  running?: SnapshotRunning;
  definitions?: Array<{ file: string; xml: string }>;
}

function hostJson(h: HostSpec): string {
  const base = JSON.parse(readFileSync(join(root, 'fixtures/hosts/dual-socket.json'), 'utf8')) as HostSnapshot & { $schema: string };
  const doc: Record<string, unknown> = { ...base, hostname: h.name, ...(h.libvirtVersion ? { libvirtVersion: h.libvirtVersion } : {}) };
  if (h.definitions) {
    doc.libvirt = {
      definitions: h.definitions.map(({ file, xml }): SnapshotDefinition => {
        const parsed = parseXml(xml).root!;
        const { elements, digest } = reduceDefinition(parsed);
        const name = parsed.children.find((c) => c.name === 'name')?.text;
        const uuid = parsed.children.find((c) => c.name === 'uuid')?.text;
        return { file, ...(name ? { name } : {}), ...(uuid ? { uuid } : {}), digest, elements };
      }),
    };
  }
  if (h.running) doc.running = h.running;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const U = (n: number): string => `5d1f0e3a-0c4b-4f7e-9a51-${String(n).padStart(12, '0')}`;

/** Every host and domain fixture, by rule. */
export function runningFixtures(): { hosts: HostSpec[]; domains: Array<{ rule: string; file: string; spec: DomainSpec | DomainSpec[] }> } {
  const hosts: HostSpec[] = [];
  const domains: Array<{ rule: string; file: string; spec: DomainSpec | DomainSpec[] }> = [];
  const runningHost = (name: string, guests: SnapshotGuest[], extra: Partial<SnapshotRunning> = {}, libvirtVersion?: string): string => {
    hosts.push({ name: `running-${name}`, running: { guests, ...extra }, ...(libvirtVersion ? { libvirtVersion } : {}) });
    return `running-${name}`;
  };
  const quiet = { isolatedCpus: { raw: '4-31', parsed: '4-31' }, foreignTasks: [], irqs: [] };

  // running-affinity-drift
  const aff = (file: string, about: string, g: Omit<GuestSpec, 'pid'>, d: Partial<DomainSpec>, libvirtVersion?: string) =>
    domains.push({
      rule: 'running-affinity-drift',
      file,
      spec: { name: g.name, uuid: g.uuid ?? U(0), about, host: runningHost(`affinity-${file}`, [guest({ pid: 4100, ...g })], quiet, libvirtVersion), ...d },
    });
  aff('matching', 'Every running thread is allowed exactly where the XML pins it.', { name: 'rt-match', uuid: U(1) }, {});
  aff('vcpu-repinned-live', 'virsh vcpupin --live moved vCPU 3 to CPU 8 and the XML was never changed.', { name: 'rt-live', uuid: U(2), vcpus: ['4', '5', '6', '8'] }, {
    expect: { vcpupin3: 'running-affinity-drift' },
  });
  aff('emulator-floating', 'The emulator threads run on every CPU: the guest started before <emulatorpin> was added.', { name: 'rt-emu', uuid: U(3), emulator: '0-31' }, {
    expect: { emulatorpin: 'running-affinity-drift' },
  });
  aff('iothread-moved', 'IOThread 1 was moved onto CPUs 2-3 live.', { name: 'rt-io', uuid: U(4), iothread: '2-3' }, { iothread: true, expect: { iothreadpin: 'running-affinity-drift' } });
  aff('renamed-same-uuid', 'The guest runs under its old name; the uuid matches, and so do its threads.', { name: 'rt-old-name', uuid: U(5) }, { name: 'rt-new-name' });
  aff('helper-on-vcpu-cpu', "call_rcu was moved onto vCPU 0's CPU 4: only an IOThread's thread-pool workers may take another thread's CPUs.", { name: 'rt-rcu', uuid: U(9), helper: '4' }, {
    expect: { emulatorpin: 'running-affinity-drift' },
  });
  // qemuProcessInitCpuAffinity's first affinity (the strict nodeset's CPUs) is reset by qemuProcessSetupEmulator before
  // QEMU execs (both run before the start handshake): no QEMU thread starts from it.
  aff('unpinned-emulator-default', 'No <emulatorpin>: main thread and helpers on the non-isolated CPUs libvirt 11.3 gives them.', { name: 'rt-dflt', uuid: U(7), emulator: '0-3' }, {
    emulatorpin: false,
    expect: { cputune: 'missing-emulatorpin' },
  }, '11.3.0');
  aff('unpinned-helper-on-nodeset', "No <emulatorpin>, strict nodeset 0: call_rcu on node 0's CPUs 0-15 is not where libvirt starts QEMU.", { name: 'rt-node', uuid: U(8), emulator: '0-3', helper: '0-15' }, {
    emulatorpin: false,
    expect: { vcpu: 'running-affinity-drift', cputune: 'missing-emulatorpin' },
  }, '11.3.0');
  domains.push({
    rule: 'running-affinity-drift',
    file: 'same-name-other-uuid',
    spec: {
      name: 'rt-twin',
      uuid: U(6),
      about: 'A guest of the same name but another uuid runs with other pins: a different guest, not drift (and one no file describes).',
      expectHost: ['running-guest-unmatched'],
      host: runningHost('affinity-twin', [guest({ name: 'rt-twin', uuid: U(60), pid: 4200, vcpus: ['8', '9', '10', '11'] }), guest({ name: 'rt-twin-b', uuid: U(6), pid: 4300 })], quiet),
    },
  });

  // running-memory-drift
  const mem = (file: string, about: string, g: Omit<GuestSpec, 'pid' | 'name' | 'uuid'>, d: Partial<DomainSpec>, n: number) =>
    domains.push({
      rule: 'running-memory-drift',
      file,
      spec: { name: `mem-${n}`, uuid: U(100 + n), about, host: runningHost(`memory-${file}`, [guest({ name: `mem-${n}`, uuid: U(100 + n), pid: 5100, ...g })], quiet), ...d },
    });
  mem('off-nodeset-6pct', '6% of the memory sits on node 1, outside nodeset 0 (threshold 5%).', { memory: memorySplit(7520, 480) }, { expect: { nodeset: 'running-memory-drift' } }, 1);
  mem('off-nodeset-5pct', 'Exactly 5% on node 1: at the threshold, not over it.', { memory: memorySplit(7600, 400) }, {}, 2);
  mem('off-nodeset-4pct', '4% on node 1.', { memory: memorySplit(7680, 320) }, {}, 3);
  mem('preferred-off-nodeset', "A third on node 1 with mode='preferred': the kernel may allocate there when node 0 runs short.", { memory: memorySplit(5464, 2728) }, { numaMode: 'preferred' }, 7);
  mem('interleave-off-nodeset', "A third on node 1 with mode='interleave': libvirt does not confine it (no cpuset.mems).", { memory: memorySplit(5464, 2728) }, { numaMode: 'interleave' }, 8);
  mem('restrictive-off-nodeset', "A third on node 1 with mode='restrictive': cpuset.mems confines it, so it moved there after the start.", { memory: memorySplit(5464, 2728) }, {
    numaMode: 'restrictive',
    expect: { nodeset: 'running-memory-drift' },
  }, 9);
  mem('hugepages-40pct', '<hugepages> is set but only 40% of the resident memory is in 2 MiB pages.', { memory: hugeShare(6000, 4000) }, { expect: { hugepages: 'running-memory-drift' } }, 4);
  mem('hugepages-60pct', '60% in 2 MiB pages (threshold 50%).', { memory: hugeShare(4000, 6000) }, {}, 5);
  mem('realtime-not-applied', 'vCPUs run SCHED_OTHER though <vcpusched> asks for fifo 1.', { policy: 'other' }, { expect: { vcpusched: 'running-memory-drift' } }, 6);
  mem('realtime-mixed-policies', 'vCPUs 0-1 run SCHED_OTHER and 2-3 rr 1, not fifo 1 as <vcpusched> asks: each policy is named with its vCPUs.', {
    policies: [['other', 0], ['other', 0], ['rr', 1], ['rr', 1]],
  }, { expect: { vcpusched: 'running-memory-drift' } }, 10);
  // Per guest cell (<memnode>), from the cells' named backends.
  const memnodes = (a: string, b: string, mode?: 'strict' | 'preferred' | 'restrictive') => [
    { mode, nodeset: a },
    { mode, nodeset: b },
  ];
  const both = { numaMode: 'strict' as const, memnodes: memnodes('0', '1') };
  mem('memnode-swapped', "Cell 0 is bound to node 0 and cell 1 to node 1, but each cell's memory sits on the other node: inside 0-1 as a whole.", {
    vcpus: ['4', '5', '20', '21'],
    ...twoCells([[[1, 4096]], [[0, 4096]]]),
  }, { ...both, expect: { memnode0: 'running-memory-drift', memnode1: 'running-memory-drift' } }, 12);
  mem('memnode-bound', 'Each cell on its own node, as the <memnode> elements say.', { vcpus: ['4', '5', '20', '21'], ...twoCells([[[0, 4096]], [[1, 4096]]]) }, both, 13);
  mem('memnode-cell-6pct', "6% of cell 0's memory on node 1, 4% of cell 1's on node 0: only cell 0 is over the threshold.", {
    vcpus: ['4', '5', '20', '21'],
    ...twoCells([[[0, 3850], [1, 246]], [[0, 164], [1, 3932]]]),
  }, { ...both, expect: { memnode0: 'running-memory-drift' } }, 14);
  mem('memnode-anonymous', 'Swapped, but the backends are anonymous (memory-backend-ram): nothing tells the cells apart, and the guest is inside 0-1.', {
    vcpus: ['4', '5', '20', '21'],
    ...twoCells([[[1, 4096]], [[0, 4096]]], false),
  }, both, 15);
  mem('memnode-preferred', "Swapped with mode='preferred' memnodes: the kernel may place a cell's memory elsewhere.", {
    vcpus: ['4', '5', '20', '21'],
    ...twoCells([[[1, 4096]], [[0, 4096]]]),
  }, { numaMode: 'strict', memnodes: memnodes('0', '1', 'preferred') }, 16);
  mem('memnode-restrictive-swapped', "Swapped with mode='restrictive': libvirt confines each cell's vCPUs to its memnode's nodes (cpuset.mems).", {
    vcpus: ['4', '5', '20', '21'],
    ...twoCells([[[1, 4096]], [[0, 4096]]]),
  }, { numaMode: 'restrictive', memnodes: memnodes('0', '1', 'restrictive'), expect: { memnode0: 'running-memory-drift', memnode1: 'running-memory-drift' } }, 17);
  mem('realtime-one-vcpu-off', 'Only vCPU 2 runs SCHED_OTHER.', { policies: [['fifo', 1], ['fifo', 1], ['other', 0], ['fifo', 1]] }, { expect: { vcpusched: 'running-memory-drift' } }, 11);

  // isolated-cpu-noise
  const noise = (file: string, about: string, extra: Partial<SnapshotRunning>, expectHost: string[], n: number) =>
    domains.push({
      rule: 'isolated-cpu-noise',
      file,
      spec: { name: `iso-${n}`, uuid: U(200 + n), about, host: runningHost(`noise-${file}`, [guest({ name: `iso-${n}`, uuid: U(200 + n), pid: 6100 })], extra), expectHost },
    });
  const task = { pid: 7001, tid: 7001, name: 'stress-ng', allowedCpus: { raw: '0-31', parsed: '0-31' }, lastCpu: 9 };
  const irq = { irq: 42, name: 'eth0-TxRx-3', affinity: { raw: '0-31', parsed: '0-31' }, effectiveAffinity: { raw: '9', parsed: '9' } };
  noise('quiet', 'Nothing but guest threads on the isolated CPUs.', quiet, [], 1);
  noise('foreign-task', 'A stress test was left running on the isolated CPUs.', { ...quiet, foreignTasks: [task] }, ['isolated-cpu-noise'], 2);
  noise('irq-on-isolated', "A NIC queue's interrupt is delivered to isolated CPU 9.", { ...quiet, irqs: [irq] }, ['isolated-cpu-noise'], 3);
  noise('task-and-irq', 'Both: one finding each.', { ...quiet, foreignTasks: [task], irqs: [irq] }, ['isolated-cpu-noise', 'isolated-cpu-noise'], 4);
  noise('no-isolation-captured', 'The capture could not tell the isolated CPUs: nothing to check.', { foreignTasks: [], irqs: [] }, [], 5);
  noise('irqs-not-captured', 'A capture that could not read /proc/irq: no IRQ list, no task on the isolated CPUs.', { isolatedCpus: quiet.isolatedCpus, foreignTasks: [] }, [], 6);

  // host-definition-drift
  const base = (n: number, d: Partial<DomainSpec> = {}): DomainSpec => ({ name: `def-${n}`, uuid: U(300 + n), about: '', host: '', ...d });
  const def = (file: string, about: string, n: number, hostSide: DomainSpec, expect: Record<string, string> = {}, storedXml?: string) => {
    const host = `running-definition-${file}`;
    hosts.push({ name: host, definitions: [{ file: `${hostSide.name}.xml`, xml: storedXml ?? domainXml(hostSide) }] });
    domains.push({ rule: 'host-definition-drift', file, spec: base(n, { about, host, expect }) });
  };
  const stored = (n: number): string =>
    domainXml(base(n))
      .replace("<memory unit='GiB'>8</memory>", "<memory unit='KiB'>8388608</memory>")
      .replace("<vcpupin vcpu='0' cpuset='4'/>", "<vcpupin vcpu='0' cpuset='4-4'/>")
      .replace("<cpu mode='host-passthrough' check='none' migratable='off'>", "<cpu migratable='off' mode='host-passthrough' check='partial'>");
  def('same-as-stored', "The host's copy as libvirt stores it (KiB, its own cpuset spelling, check='partial'): the same definition.", 1, base(1), {}, stored(1));
  def('matched-by-name', 'The host copy has no uuid; matched by name, identical.', 2, base(2), {}, domainXml(base(2)).replace(/ *<uuid>.*<\/uuid>\n/, ''));
  def('other-domain-only', "The host has only another domain's definition.", 3, base(33));
  def('vcpupin-edited-on-host', "virsh edit on the host moved vCPU 3 to CPU 8.", 4, base(4, { pins: ['4', '5', '6', '8'] }), { cputune: 'host-definition-drift' });
  def('memory-grown-on-host', 'The host copy was given 16 GiB.', 5, base(5, { memoryGiB: 16 }), { memory: 'host-definition-drift' });
  def('numatune-removed-on-host', 'The host copy lost its <numatune>.', 6, base(6, { numatune: false }), { numatune: 'host-definition-drift' });

  // running-guest-unmatched
  const um = (file: string, about: string, guests: SnapshotGuest[], d: DomainSpec | DomainSpec[]) => {
    const host = runningHost(`unmatched-${file}`, guests, quiet);
    const withHost = (x: DomainSpec): DomainSpec => ({ ...x, host, about: x.about || about });
    domains.push({ rule: 'running-guest-unmatched', file, spec: Array.isArray(d) ? d.map(withHost) : withHost(d) });
  };
  um('matched-by-uuid', 'The only running guest is this one.', [guest({ name: 'um-1', uuid: U(401), pid: 8100 })], base(0, { name: 'um-1', uuid: U(401) }));
  um('matched-by-name', 'QEMU was started without -uuid: matched by name.', [guest({ name: 'um-2', pid: 8200 })], base(0, { name: 'um-2', uuid: U(402) }));
  um(
    'not-running',
    'Mapped to the host, not running there; nothing else runs either: a capture before deployment. One note on the snapshot says the check was not made, rather than one per domain.',
    [],
    base(0, { name: 'um-3', uuid: U(403), expectHost: ['running-guest-unmatched'] }),
  );
  um('unknown-guest', 'This guest runs, and so does one no file describes.', [guest({ name: 'um-4', uuid: U(404), pid: 8400 }), guest({ name: 'stray', uuid: U(499), pid: 8500 })], base(0, { name: 'um-4', uuid: U(404), expectHost: ['running-guest-unmatched'] }));
  um('moved-elsewhere', 'Another guest runs where this one was planned.', [guest({ name: 'um-6', uuid: U(406), pid: 8600 })], base(0, { name: 'um-5', uuid: U(405), expect: { name: 'running-guest-unmatched' }, expectHost: ['running-guest-unmatched'] }));
  um('two-planned-both-running', 'A plan of two guests, both running.', [guest({ name: 'um-7', uuid: U(407), pid: 8700 }), guest({ name: 'um-8', uuid: U(408), pid: 8800, vcpus: ['8', '9', '10', '11'] })], [
    base(0, { name: 'um-7', uuid: U(407) }),
    base(0, { name: 'um-8', uuid: U(408), pins: ['8', '9', '10', '11'] }),
  ]);
  return { hosts, domains };
}

export function writeRunningFixtures(): void {
  const { hosts, domains } = runningFixtures();
  for (const h of hosts) writeFileSync(join(root, 'fixtures/hosts', `${h.name}.json`), hostJson(h));
  for (const d of domains) {
    const dir = join(root, 'rules', d.rule, 'fixtures');
    if (Array.isArray(d.spec)) {
      mkdirSync(join(dir, d.file), { recursive: true });
      for (const s of d.spec) writeFileSync(join(dir, d.file, `${s.name}.xml`), domainXml(s));
    } else {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${d.file}.xml`), domainXml(d.spec));
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeRunningFixtures();
