/**
 * Writes fixtures/running/<case>/: what `kvmlint snapshot` reads about running
 * guests, laid out as the kernel and libvirt lay it out — proc/PID/{comm,cmdline,
 * numa_maps,task/TID/{comm,status,stat}}, proc/irq/N, run/libvirt/qemu/NAME.xml
 * (status XML) and etc/libvirt/qemu/NAME.xml (persistent definitions). Tests lay
 * a case over a copy of a fixtures/sysfs tree (the host's /sys and /proc files).
 * Deterministic; test/host/running-capture.test.ts fails when the trees drift.
 *
 *   node --import tsx scripts/gen-running-trees.ts
 *
 * Empty directories (an IRQ's action directory) hold a `.keep` file: git keeps no
 * empty directory. The capture only lists /proc/irq/N, never inside an action.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RUNNING_TREES_DIR = join(root, 'fixtures', 'running');

/** A secret a guest's command line carries: it must never reach a snapshot. */
export const FIXTURE_SECRET = 'S3CRET-hunter2-do-not-keep';

type Policy = 0 | 1 | 2 | 3 | 5;

interface TaskSpec {
  tid: number;
  comm: string;
  allowed: string;
  lastCpu: number;
  /** stat field 3; S (sleeping) unless given. */
  state?: 'R' | 'S' | 'D';
  policy?: Policy;
  rtPriority?: number;
  /** PF_KTHREAD and friends; 0x00400040 (PF_FORKNOEXEC|PF_RANDOMIZE-like) for user tasks. */
  flags?: number;
}

interface ProcessSpec {
  pid: number;
  comm: string;
  argv: string[];
  tasks: TaskSpec[];
  numaMaps?: string;
}

interface IrqSpec {
  irq: number;
  affinity: string;
  effective?: string;
  actions: string[];
}

export interface RunningTreeSpec {
  name: string;
  about: string;
  processes: ProcessSpec[];
  irqs: IrqSpec[];
  /** run/libvirt/qemu/<file>: status XML. */
  status: Record<string, string>;
  /** etc/libvirt/qemu/<file>: persistent definitions. */
  definitions: Record<string, string>;
}

/** 32 CPUs: masks print as one 32-bit word (lib/bitmap-str.c %*pb). */
function mask(list: string): string {
  let v = 0;
  for (const part of list.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a!; i <= (b ?? a!); i++) v = (v | (1 << i)) >>> 0;
  }
  return v.toString(16).padStart(8, '0');
}

function status(pid: number, t: TaskSpec): string {
  return [
    `Name:\t${t.comm}`,
    'Umask:\t0022',
    `State:\t${{ R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)' }[t.state ?? 'S']}`,
    `Tgid:\t${pid}`,
    'Ngid:\t0',
    `Pid:\t${t.tid}`,
    'PPid:\t1',
    'TracerPid:\t0',
    'Uid:\t107\t107\t107\t107',
    'Gid:\t107\t107\t107\t107',
    'Threads:\t1',
    `Cpus_allowed:\t${mask(t.allowed)}`,
    `Cpus_allowed_list:\t${t.allowed}`,
    'Mems_allowed:\t00000000,00000003',
    'Mems_allowed_list:\t0-1',
    'voluntary_ctxt_switches:\t1520',
    'nonvoluntary_ctxt_switches:\t3',
    '',
  ].join('\n');
}

/** /proc/PID/task/TID/stat, 52 fields (man 5 proc); priority is -1 - rt_priority for fifo/rr, else 20 + nice. */
function stat(pid: number, t: TaskSpec): string {
  const policy = t.policy ?? 0;
  const rt = t.rtPriority ?? 0;
  const prio = policy === 1 || policy === 2 ? -1 - rt : 20;
  const f: Array<string | number> = [t.tid, `(${t.comm})`, t.state ?? 'S', 1, pid, pid, 0, -1, t.flags ?? 0x00400040];
  f.push(5021, 0, 12, 0, 9120, 2210, 0, 0, prio, 0, 1, 0, 81234, 4294967296, 51200, '18446744073709551615');
  f.push(1, 1, 0, 0, 0, 0, 0, 4096, 0, 0, 0, 0, 17, t.lastCpu, rt, policy, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  return `${f.join(' ')}\n`;
}

const qemuArgv = (name: string, uuid: string, extra: string[] = []): string[] => [
  '/usr/libexec/qemu-kvm',
  '-name',
  `guest=${name},debug-threads=on`,
  '-S',
  '-object',
  `{"qom-type":"secret","id":"masterKey0","format":"raw","file":"/var/lib/libvirt/qemu/domain-1-${name}/master-key.aes"}`,
  '-machine',
  'pc-q35-rhel9.2.0,usb=off,dump-guest-core=off,memory-backend=pc.ram',
  '-uuid',
  uuid,
  '-object',
  `secret,id=sec0,data=${FIXTURE_SECRET},format=base64`,
  '-vnc',
  '0.0.0.0:0,password=on',
  ...extra,
];

function vcpus(base: number, cpus: string[], policy: Policy = 1, rt = 1): TaskSpec[] {
  return cpus.map((c, i) => ({ tid: base + i, comm: `CPU ${i}/KVM`, allowed: c, lastCpu: Number(c), policy, rtPriority: rt }));
}

function statusXml(pid: number, vcpuTids: number[], name: string, uuid: string): string {
  return [
    `<domstatus state='running' reason='booted' pid='${pid}'>`,
    `  <taint flag='high-privileges'/>`,
    `  <monitor path='/var/lib/libvirt/qemu/domain-1-${name}/monitor.sock' type='unix'/>`,
    `  <vcpus>`,
    ...vcpuTids.map((tid, i) => `    <vcpu id='${i}' pid='${tid}'/>`),
    `  </vcpus>`,
    `  <qemuCaps>`,
    `    <flag name='kvm'/>`,
    `  </qemuCaps>`,
    `  <domain type='kvm' id='1'>`,
    `    <name>${name}</name>`,
    `    <uuid>${uuid}</uuid>`,
    `  </domain>`,
    `</domstatus>`,
    '',
  ].join('\n');
}

/** A definition as libvirt stores it: sizes in KiB, defaults written out. */
function storedDefinition(name: string, uuid: string, pins: string[]): string {
  return [
    '<!--',
    'WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE',
    'OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:',
    `  virsh edit ${name}`,
    '-->',
    '',
    `<domain type='kvm'>`,
    `  <name>${name}</name>`,
    `  <uuid>${uuid}</uuid>`,
    `  <memory unit='KiB'>8388608</memory>`,
    `  <currentMemory unit='KiB'>8388608</currentMemory>`,
    `  <memoryBacking>`,
    `    <hugepages>`,
    `      <page size='2048' unit='KiB'/>`,
    `    </hugepages>`,
    `  </memoryBacking>`,
    `  <vcpu placement='static'>${pins.length}</vcpu>`,
    `  <iothreads>1</iothreads>`,
    `  <cputune>`,
    ...pins.map((c, i) => `    <vcpupin vcpu='${i}' cpuset='${c}'/>`),
    `    <emulatorpin cpuset='0-1'/>`,
    `    <iothreadpin iothread='1' cpuset='0-1'/>`,
    `    <vcpusched vcpus='0-${pins.length - 1}' scheduler='fifo' priority='1'/>`,
    `  </cputune>`,
    `  <numatune>`,
    `    <memory mode='strict' nodeset='0'/>`,
    `  </numatune>`,
    `  <cpu mode='host-passthrough' check='none' migratable='on'/>`,
    `</domain>`,
    '',
  ].join('\n');
}

/** numa-2 as libvirt stores it: two guest cells, each bound by a <memnode> to its own host node, 2 MiB pages. */
function storedTwoCellDefinition(name: string, uuid: string): string {
  return [
    `<domain type='kvm'>`,
    `  <name>${name}</name>`,
    `  <uuid>${uuid}</uuid>`,
    `  <memory unit='KiB'>8388608</memory>`,
    `  <currentMemory unit='KiB'>8388608</currentMemory>`,
    `  <memoryBacking>`,
    `    <hugepages>`,
    `      <page size='2048' unit='KiB'/>`,
    `    </hugepages>`,
    `  </memoryBacking>`,
    `  <vcpu placement='static'>4</vcpu>`,
    `  <cputune>`,
    `    <vcpupin vcpu='0' cpuset='4'/>`,
    `    <vcpupin vcpu='1' cpuset='5'/>`,
    `    <vcpupin vcpu='2' cpuset='20'/>`,
    `    <vcpupin vcpu='3' cpuset='21'/>`,
    `    <emulatorpin cpuset='0-1'/>`,
    `  </cputune>`,
    `  <numatune>`,
    `    <memory mode='strict' nodeset='0-1'/>`,
    `    <memnode cellid='0' mode='strict' nodeset='0'/>`,
    `    <memnode cellid='1' mode='strict' nodeset='1'/>`,
    `  </numatune>`,
    `  <os>`,
    `    <type arch='x86_64' machine='pc-q35-rhel9.2.0'>hvm</type>`,
    `  </os>`,
    `  <cpu mode='host-passthrough' check='none' migratable='off'>`,
    `    <topology sockets='1' dies='1' cores='4' threads='1'/>`,
    `    <numa>`,
    `      <cell id='0' cpus='0-1' memory='4194304' unit='KiB'/>`,
    `      <cell id='1' cpus='2-3' memory='4194304' unit='KiB'/>`,
    `    </numa>`,
    `  </cpu>`,
    `</domain>`,
    '',
  ].join('\n');
}

const NUMA2_UUID = '6b2d4f80-1a3c-4e5f-9071-8293a4b5c6d7';

/**
 * numa-2 (pid 4500) with its cells' hugetlbfs backends where `cells` says: QEMU names each file after the backend,
 * `qemu_back_mem.ram-node<cell>.XXXXXX`, and unlinks it.
 */
function twoCellGuest(name: string, about: string, cells: [number, number]): RunningTreeSpec {
  const backend = (cell: number, node: number, addr: string, tmp: string): string =>
    `${addr} bind:${node} file=/dev/hugepages/libvirt/qemu/1-numa-2/qemu_back_mem.ram-node${cell}.${tmp}\\040(deleted) huge dirty=2048 N${node}=2048 kernelpagesize_kB=2048`;
  return {
    name,
    about,
    processes: [
      {
        pid: 4500,
        comm: 'qemu-kvm',
        argv: qemuArgv('numa-2', NUMA2_UUID),
        tasks: [
          { tid: 4500, comm: 'qemu-kvm', allowed: '0-1', lastCpu: 0 },
          { tid: 4501, comm: 'call_rcu', allowed: '0-1', lastCpu: 1 },
          ...vcpus(4510, ['4', '5', '20', '21'], 0, 0),
        ],
        numaMaps: [
          '55d4a5e2c000 default file=/usr/libexec/qemu-kvm mapped=2100 mapmax=2 N0=2100 kernelpagesize_kB=4',
          '55d4a7000000 default heap anon=30000 dirty=30000 N0=30000 kernelpagesize_kB=4',
          backend(0, cells[0], '7f0a00000000', 'Xk2fa1'),
          backend(1, cells[1], '7f0b00000000', 'p0Lq7e'),
          '7ffd5a9e2000 default stack anon=9 dirty=9 N0=9 kernelpagesize_kB=4',
          '',
        ].join('\n'),
      },
    ],
    irqs: [],
    status: { 'numa-2.xml': statusXml(4500, [4510, 4511, 4512, 4513], 'numa-2', NUMA2_UUID) },
    definitions: { 'numa-2.xml': storedTwoCellDefinition('numa-2', NUMA2_UUID) },
  };
}

const WEB_UUID = '3f9c2a51-7d0e-4b8a-9c61-5e2f0a7b1c44';
const DB_UUID = '8a4e6b1c-2d3f-4e5a-8b7c-9d0e1f2a3b4c';

export const RUNNING_TREES: RunningTreeSpec[] = [
  {
    name: 'two-guests',
    about:
      'The dual-socket host (isolated 4-31) running web-1 (libvirt status XML readable, 4 vCPUs on 4-7, 2 MiB pages on node 0 with some small pages on node 1) and db-2 ' +
      '(its status XML is stale, from an earlier pid: roles from thread names), a stress test and an unbound kernel thread on isolated CPUs, a NIC IRQ delivered to CPU 5. ' +
      `Both command lines carry ${FIXTURE_SECRET}.`,
    processes: [
      { pid: 1, comm: 'systemd', argv: ['/usr/lib/systemd/systemd', '--switched-root', '--system'], tasks: [{ tid: 1, comm: 'systemd', allowed: '0-3', lastCpu: 1 }] },
      { pid: 15, comm: 'ksoftirqd/5', argv: [], tasks: [{ tid: 15, comm: 'ksoftirqd/5', allowed: '5', lastCpu: 5, flags: 0x04208040 }] },
      { pid: 90, comm: 'kworker/u64:2', argv: [], tasks: [{ tid: 90, comm: 'kworker/u64:2', allowed: '0-3', lastCpu: 2, flags: 0x04208060 }] },
      { pid: 91, comm: 'rcu_preempt', argv: [], tasks: [{ tid: 91, comm: 'rcu_preempt', allowed: '0-31', lastCpu: 2, flags: 0x00208040 }] },
      {
        pid: 4100,
        comm: 'qemu-kvm',
        argv: qemuArgv('web-1', WEB_UUID),
        tasks: [
          { tid: 4100, comm: 'qemu-kvm', allowed: '0-1', lastCpu: 0 },
          { tid: 4101, comm: 'call_rcu', allowed: '0-1', lastCpu: 1 },
          { tid: 4102, comm: 'IO mon_iothread', allowed: '0-1', lastCpu: 0 },
          { tid: 4103, comm: 'IO iothread1', allowed: '0-1', lastCpu: 1 },
          ...vcpus(4110, ['4', '5', '6', '7']),
          { tid: 4120, comm: 'vnc_worker', allowed: '0-1', lastCpu: 0 },
        ],
        numaMaps: [
          '55d4a5e2c000 default file=/usr/libexec/qemu-kvm mapped=2100 active=0 N0=2100 kernelpagesize_kB=4',
          '55d4a7000000 default heap anon=30000 dirty=30000 active=0 N0=29000 N1=1000 kernelpagesize_kB=4',
          '7f0a00000000 bind:0 file=/dev/hugepages/libvirt/qemu/1-web-1/qemu_back_mem.pc.ram.Xk2fa1 huge dirty=4096 N0=4096 kernelpagesize_kB=2048',
          '7f0c00000000 default stack:4110 anon=3 dirty=3 N0=3 kernelpagesize_kB=4',
          '7ffd5a9e2000 default stack anon=9 dirty=9 N0=9 kernelpagesize_kB=4',
          '',
        ].join('\n'),
      },
      {
        pid: 4300,
        comm: 'qemu-system-x86',
        argv: qemuArgv('db-2', DB_UUID, ['-accel', 'kvm']),
        tasks: [
          { tid: 4300, comm: 'qemu-system-x86', allowed: '2-3', lastCpu: 2 },
          { tid: 4301, comm: 'call_rcu', allowed: '2-3', lastCpu: 3 },
          ...vcpus(4310, ['16', '17'], 0, 0),
        ],
        numaMaps: ['5600aa000000 default heap anon=524288 dirty=524288 N1=524288 kernelpagesize_kB=4', ''].join('\n'),
      },
      { pid: 7001, comm: 'stress-ng', argv: ['stress-ng', '--cpu', '32'], tasks: [{ tid: 7001, comm: 'stress-ng', allowed: '0-31', lastCpu: 9 }] },
    ],
    irqs: [
      { irq: 0, affinity: '0-31', effective: '0', actions: ['timer'] },
      { irq: 24, affinity: '0-31', effective: '5', actions: ['eth0-TxRx-5'] },
      { irq: 25, affinity: '0-3', effective: '1', actions: ['eth0-TxRx-0'] },
      { irq: 26, affinity: '0-31', actions: [] },
    ],
    status: {
      'web-1.xml': statusXml(4100, [4110, 4111, 4112, 4113], 'web-1', WEB_UUID),
      // Left from an earlier run (pid 4290): libvirt rewrites it when the guest starts.
      'db-2.xml': statusXml(4290, [4291, 4292], 'db-2', DB_UUID),
    },
    definitions: {
      'web-1.xml': storedDefinition('web-1', WEB_UUID, ['4', '5', '6', '7']),
      'db-2.xml': storedDefinition('db-2', DB_UUID, ['16', '17']),
    },
  },
  {
    name: 'vhost-kthreads',
    about:
      'A kernel before 6.4 (and 6.13): web-1 (pid 4100) has two vhost workers as kernel threads named vhost-4100 and a kvm-nx-lpage-recovery kernel thread, all allowed on 0-31 ' +
      '(the guest\'s, not noise); a vhost-9999 kernel thread no running QEMU owns and a user process named vhost-4100 are foreign.',
    processes: [
      {
        pid: 4100,
        comm: 'qemu-kvm',
        argv: qemuArgv('web-1', WEB_UUID),
        tasks: [{ tid: 4100, comm: 'qemu-kvm', allowed: '0-31', lastCpu: 9 }, { tid: 4101, comm: 'call_rcu', allowed: '0-31', lastCpu: 1 }, ...vcpus(4110, ['4', '5', '6', '7'])],
        numaMaps: '7f0a00000000 bind:0 file=/dev/hugepages/libvirt/qemu/1-web-1/qemu_back_mem.pc.ram.Xk2fa1 huge dirty=4096 N0=4096 kernelpagesize_kB=2048\n',
      },
      { pid: 4130, comm: 'vhost-4100', argv: [], tasks: [{ tid: 4130, comm: 'vhost-4100', allowed: '0-31', lastCpu: 12, flags: 0x00208040 }] },
      { pid: 4131, comm: 'vhost-4100', argv: [], tasks: [{ tid: 4131, comm: 'vhost-4100', allowed: '0-31', lastCpu: 13, flags: 0x00208040 }] },
      { pid: 4132, comm: 'kvm-nx-lpage-re', argv: [], tasks: [{ tid: 4132, comm: 'kvm-nx-lpage-re', allowed: '0-31', lastCpu: 2, flags: 0x00208040 }] },
      { pid: 4133, comm: 'vhost-9999', argv: [], tasks: [{ tid: 4133, comm: 'vhost-9999', allowed: '0-31', lastCpu: 14, flags: 0x00208040 }] },
      { pid: 7002, comm: 'vhost-4100', argv: ['./vhost-4100'], tasks: [{ tid: 7002, comm: 'vhost-4100', allowed: '0-31', lastCpu: 15 }] },
    ],
    irqs: [],
    status: { 'web-1.xml': statusXml(4100, [4110, 4111, 4112, 4113], 'web-1', WEB_UUID) },
    definitions: {},
  },
  {
    name: 'stale-last-cpu',
    about:
      'No guest; tuned moved every task to housekeeping CPUs 0-3: agetty and sshd sleep with a last CPU of 9 and 10 from before (stale, not noise), ' +
      'a runnable kworker-like task allowed on 0-3 is still on CPU 11 (state R, counted), and chronyd sleeps on 12, where it is still allowed (counted).',
    processes: [
      { pid: 812, comm: 'agetty', argv: ['/sbin/agetty', 'tty1'], tasks: [{ tid: 812, comm: 'agetty', allowed: '0-3', lastCpu: 9 }] },
      { pid: 813, comm: 'sshd', argv: ['/usr/sbin/sshd', '-D'], tasks: [{ tid: 813, comm: 'sshd', allowed: '0-3', lastCpu: 10, state: 'D' }] },
      { pid: 814, comm: 'backup', argv: ['backup'], tasks: [{ tid: 814, comm: 'backup', allowed: '0-3', lastCpu: 11, state: 'R' }] },
      { pid: 815, comm: 'chronyd', argv: ['/usr/sbin/chronyd'], tasks: [{ tid: 815, comm: 'chronyd', allowed: '0-3,12', lastCpu: 12 }] },
    ],
    irqs: [],
    status: {},
    definitions: {},
  },
  twoCellGuest(
    'memnode-swapped',
    "numa-2 binds guest cell 0 to host node 0 and cell 1 to node 1 (<memnode>), but its cells' memory is swapped: ram-node0's hugepages on node 1, " +
      "ram-node1's on node 0. Summed per node the guest is inside nodeset 0-1; only the per-cell view shows it.",
    [1, 0],
  ),
  twoCellGuest('memnode-bound', "numa-2 as its <memnode> elements say: ram-node0's hugepages on node 0, ram-node1's on node 1.", [0, 1]),
];

export function writeRunningTrees(dir = RUNNING_TREES_DIR): void {
  for (const spec of RUNNING_TREES) {
    const base = join(dir, spec.name);
    rmSync(base, { recursive: true, force: true });
    const write = (rel: string, text: string): void => {
      mkdirSync(dirname(join(base, rel)), { recursive: true });
      writeFileSync(join(base, rel), text);
    };
    for (const p of spec.processes) {
      write(`proc/${p.pid}/comm`, `${p.comm}\n`);
      // Kernel threads have an empty command line; a process's is its argv, each ended by NUL.
      write(`proc/${p.pid}/cmdline`, p.argv.map((a) => `${a}\0`).join(''));
      write(`proc/${p.pid}/status`, status(p.pid, p.tasks[0]!));
      write(`proc/${p.pid}/stat`, stat(p.pid, p.tasks[0]!));
      if (p.numaMaps !== undefined) write(`proc/${p.pid}/numa_maps`, p.numaMaps);
      for (const t of p.tasks) {
        write(`proc/${p.pid}/task/${t.tid}/comm`, `${t.comm}\n`);
        write(`proc/${p.pid}/task/${t.tid}/status`, status(p.pid, t));
        write(`proc/${p.pid}/task/${t.tid}/stat`, stat(p.pid, t));
      }
    }
    for (const q of spec.irqs) {
      write(`proc/irq/${q.irq}/smp_affinity_list`, `${q.affinity}\n`);
      write(`proc/irq/${q.irq}/smp_affinity`, `${mask(q.affinity)}\n`);
      write(`proc/irq/${q.irq}/effective_affinity_list`, `${q.effective ?? ''}\n`);
      write(`proc/irq/${q.irq}/node`, '0\n');
      for (const a of q.actions) write(`proc/irq/${q.irq}/${a}/.keep`, '');
    }
    for (const [file, text] of Object.entries(spec.status)) write(`run/libvirt/qemu/${file}`, text);
    for (const [file, text] of Object.entries(spec.definitions)) write(`etc/libvirt/qemu/${file}`, text);
    write('etc/libvirt/qemu/networks/default.xml', "<network>\n  <name>default</name>\n</network>\n");
  }
  const list = RUNNING_TREES.map((s) => `- \`${s.name}/\`: ${s.about}`).join('\n');
  writeFileSync(
    join(dir, 'README.md'),
    `# Running-guest fixture trees\n\nEach directory holds what \`kvmlint snapshot\` reads about running guests: \`proc/PID/\` (comm, cmdline, numa_maps, task/TID/{comm,status,stat}), ` +
      `\`proc/irq/N/\`, \`run/libvirt/qemu/\` (status XML) and \`etc/libvirt/qemu/\` (persistent definitions), laid out as the kernel and libvirt lay them out. ` +
      `Tests lay a tree over a copy of a \`fixtures/sysfs\` host. Generated by \`node --import tsx scripts/gen-running-trees.ts\`; edit the script, not the trees. ` +
      `IRQ action directories hold a \`.keep\` file because git keeps no empty directory.\n\n${list}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeRunningTrees();
