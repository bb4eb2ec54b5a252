/**
 * What runs on the host, from /proc: every QEMU process (its guest name and uuid,
 * its threads with their roles, allowed CPUs, last CPU and scheduling, its memory
 * per host node and page size), and the tasks and IRQs that touch isolated CPUs.
 *
 * A guest's command line can hold secrets (passwords in -object secret, -vnc,
 * -spice, iSCSI URLs): only `-name guest=` and `-uuid` are taken from it, and the
 * text itself never leaves this module.
 */
import type { CpuSet } from '../../model/cpuset.ts';
import type {
  SnapshotForeignTask,
  SnapshotGuest,
  SnapshotGuestCellMemory,
  SnapshotGuestMemory,
  SnapshotGuestThread,
  SnapshotIrq,
  SnapshotRunning,
  SnapshotSchedPolicy,
} from '../../model/host.ts';
import { readStatusVcpuThreads } from './libvirt.ts';
import { cpuList, numberedEntries, type ReadCpuList, type TreeReader } from './tree.ts';

/** QEMU's process name: comm is qemu-system-<arch> cut to 15 characters, or qemu-kvm (RHEL's /usr/libexec/qemu-kvm). */
export function isQemuComm(comm: string): boolean {
  return comm.startsWith('qemu-system-') || comm === 'qemu-kvm';
}

/**
 * `-name guest=NAME,debug-threads=on` or `-name NAME`, and `-uuid UUID`, from the
 * NUL-separated command line. QemuOpts: the first item without `=` is the implied
 * `guest`, and `,,` is a literal comma.
 */
export function guestIdentity(argv: readonly string[]): { name: string | undefined; uuid: string | undefined } {
  let name: string | undefined;
  let uuid: string | undefined;
  for (let i = 0; i + 1 < argv.length; i++) {
    const opt = argv[i]!.replace(/^--/, '-');
    if (opt === '-uuid') uuid = argv[i + 1]!.toLowerCase();
    if (opt !== '-name') continue;
    const items = qemuOptItems(argv[i + 1]!);
    items.forEach((item, k) => {
      const eq = item.indexOf('=');
      if (eq < 0 && k === 0) name = item;
      else if (item.slice(0, eq) === 'guest') name = item.slice(eq + 1);
    });
  }
  return { name, uuid };
}

/**
 * A QemuOpts string's items, read left to right as QEMU reads it (util/qemu-option.c get_opt_value): `,,` is a
 * literal comma, a single `,` ends the item. libvirt doubles every comma of a guest name, so `db,` is passed
 * as `guest=db,,,debug-threads=on`.
 */
function qemuOptItems(text: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ',') item += text[i];
    else if (text[i + 1] === ',') {
      item += ',';
      i++;
    } else {
      items.push(item);
      item = '';
    }
  }
  items.push(item);
  return items;
}

/** sched policy numbers (include/uapi/linux/sched.h) as libvirt names them. */
const POLICIES: Record<number, SnapshotSchedPolicy> = { 0: 'other', 1: 'fifo', 2: 'rr', 3: 'batch', 5: 'idle', 6: 'deadline' };
/** PF_KTHREAD (include/linux/sched.h): the task is a kernel thread. */
const PF_KTHREAD = 0x00200000;

interface TaskStat {
  /** Field 3: R running or runnable, S sleeping, D disk sleep, … */
  state: string;
  flags: number;
  lastCpu: number;
  priority: number;
  policy: SnapshotSchedPolicy | undefined;
}

/** Fields of /proc/PID/task/TID/stat after `(comm)` (which may hold spaces and parentheses): man 5 proc. */
export function parseTaskStat(text: string): TaskStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // Field 3 (state) is index 0 here; field N is index N - 3.
  const f = text.slice(close + 2).trim().split(/\s+/);
  const at = (field: number): number => Number(f[field - 3]);
  if (f.length < 41 - 2 || ![9, 39, 40, 41].every((n) => Number.isSafeInteger(at(n)))) return undefined;
  return { state: f[0]!, flags: at(9), lastCpu: at(39), priority: at(40), policy: POLICIES[at(41)] };
}

/** Cpus_allowed_list of /proc/…/status. */
function allowedCpusOf(status: string | undefined): string | undefined {
  return status === undefined ? undefined : /^Cpus_allowed_list:\s*(\S*)\s*$/m.exec(status)?.[1];
}

/**
 * The guest cell whose RAM backend a numa_maps mapping is, from its file name: libvirt gives a cell's memory backend
 * the id `ram-node<cell>` (qemuBuildMemoryCellBackendProps), which QEMU puts in the file it maps. memory-backend-file
 * with a directory for mem-path (hugetlbfs) creates `qemu_back_mem.<region name>.XXXXXX`, `/` made `_`
 * (`qemu_back_mem._objects_ram-node0.Xk2fa1` before machine types 4.0, `qemu_back_mem.ram-node0.…` after;
 * system/physmem.c file_ram_open), then unlinks it (` (deleted)`, escaped `\040(deleted)`); with
 * memory_backing_dir libvirt names the file itself (`…/ram/1-web-1/ram-node0`). A memfd shows as `/memfd:<name>`:
 * memory-backend-memfd names every one `memory-backend-memfd` (backends/hostmem-memfd.c), which tells no cell apart;
 * one named after its backend (`/memfd:ram-node0`) does. Only the last path component is read: a directory named
 * after the guest says nothing. Anonymous memory (memory-backend-ram) carries no name: undefined, no guess.
 */
function cellOfMapping(file: string | undefined): number | undefined {
  if (file === undefined) return undefined;
  const base = file.slice(file.lastIndexOf('/') + 1);
  const m = /(?:^|[._:])ram-node(\d+)(?=$|[.\\])/.exec(base);
  return m ? Number(m[1]) : undefined;
}

/**
 * Whether a numa_maps mapping is memory a `<numatune>` nodeset governs: anonymous memory (`anon=`, QEMU's heap and
 * guest RAM from memory-backend-ram), hugetlb (`huge`: hugetlbfs files and hugetlb memfds), and the files QEMU backs
 * guest RAM with (memory-backend-memfd `/memfd:…`, memory-backend-file under /dev/shm, a guest cell's backend file
 * wherever it is, shared anonymous memory shown as `/dev/zero (deleted)`). The binary and shared libraries are page
 * cache shared with other processes (`mapmax=`), placed by whoever read them first: not the guest's
 * (fs/proc/task_mmu.c show_numa_map).
 */
function isGuestMemoryMapping(line: string, file: string | undefined, cell: number | undefined): boolean {
  if (/\sanon=\d/.test(line) || /\shuge(?:\s|$)/.test(line)) return true;
  return file === undefined || cell !== undefined || file.startsWith('/memfd:') || file.startsWith('/dev/shm/') || file.startsWith('/dev/zero');
}

export interface NumaMapsMemory {
  memory: SnapshotGuestMemory[];
  /** The part of `memory` in mappings attributed to a guest cell's backend (cellOfMapping). */
  cellMemory: SnapshotGuestCellMemory[];
}

/**
 * Resident KiB per (host node, page size) from numa_maps: `N<node>=<pages>` × `kernelpagesize_kB=` per mapping that
 * holds guest or QEMU memory (isGuestMemoryMapping), and the same per guest cell for the mappings whose file names
 * the cell's backend.
 */
export function guestMemoryFromNumaMaps(text: string): NumaMapsMemory {
  const kib = new Map<string, SnapshotGuestMemory>();
  const cellKib = new Map<string, SnapshotGuestCellMemory>();
  for (const line of text.split('\n')) {
    const size = /\bkernelpagesize_kB=(\d+)/.exec(line);
    if (!size) continue;
    const file = /\sfile=(\S+)/.exec(line)?.[1];
    const cell = cellOfMapping(file);
    if (!isGuestMemoryMapping(line, file, cell)) continue;
    const pageSizeKiB = Number(size[1]);
    for (const m of line.matchAll(/\bN(\d+)=(\d+)/g)) {
      const node = Number(m[1]);
      const pages = Number(m[2]);
      const key = `${node}/${pageSizeKiB}`;
      const e = kib.get(key) ?? { node, pageSizeKiB, kib: 0 };
      e.kib += pages * pageSizeKiB;
      kib.set(key, e);
      if (cell === undefined) continue;
      const c = cellKib.get(`${cell}/${key}`) ?? { cell, node, pageSizeKiB, kib: 0 };
      c.kib += pages * pageSizeKiB;
      cellKib.set(`${cell}/${key}`, c);
    }
  }
  return {
    memory: [...kib.values()].sort((a, b) => a.node - b.node || a.pageSizeKiB - b.pageSizeKiB),
    cellMemory: [...cellKib.values()].sort((a, b) => a.cell - b.cell || a.node - b.node || a.pageSizeKiB - b.pageSizeKiB),
  };
}

/** Resident KiB per (host node, page size) from numa_maps (guestMemoryFromNumaMaps without the per-cell part). */
export function memoryFromNumaMaps(text: string): SnapshotGuestMemory[] {
  return guestMemoryFromNumaMaps(text).memory;
}

/** A thread's role from the name QEMU gives it with debug-threads=on (qemu_thread_create: `CPU n/KVM`, `IO <object id>`). */
function roleFromName(name: string): Pick<SnapshotGuestThread, 'role' | 'id'> | undefined {
  const vcpu = /^CPU (\d+)\//.exec(name);
  if (vcpu) return { role: 'vcpu', id: Number(vcpu[1]) };
  // libvirt names its IOThread objects iothread<id> (qemuBuildIOThreadCommandLine).
  const io = /^IO iothread(\d+)$/.exec(name);
  if (io) return { role: 'iothread', id: Number(io[1]) };
  return undefined;
}

interface Task {
  pid: number;
  tid: number;
  comm: string;
  allowed: ReadCpuList;
  stat: TaskStat | undefined;
}

function readTask(reader: TreeReader, pid: number, tid: number, nrCpuIds: number | undefined): Task | undefined {
  const dir = `proc/${pid}/task/${tid}`;
  const comm = reader.line(`${dir}/comm`);
  const allowedRaw = allowedCpusOf(reader.text(`${dir}/status`));
  // A task that exited while we read it leaves nothing: skip it.
  if (comm === undefined || allowedRaw === undefined) return undefined;
  const allowed = cpuList(reader, `/${dir}/status Cpus_allowed_list`, allowedRaw, 'kernel', nrCpuIds);
  if (!allowed) return undefined;
  const statText = reader.text(`${dir}/stat`);
  return { pid, tid, comm, allowed, stat: statText === undefined ? undefined : parseTaskStat(statText) };
}

function tasksOf(reader: TreeReader, pid: number, nrCpuIds: number | undefined): Task[] {
  return numberedEntries(reader.entries(`proc/${pid}/task`), '')
    .map((tid) => readTask(reader, pid, tid, nrCpuIds))
    .filter((t): t is Task => t !== undefined);
}

function threadOf(t: Task, role: Pick<SnapshotGuestThread, 'role' | 'id'>): SnapshotGuestThread {
  const thread: SnapshotGuestThread = { tid: t.tid, ...role, name: t.comm, allowedCpus: t.allowed.list };
  if (t.stat) {
    thread.lastCpu = t.stat.lastCpu;
    if (t.stat.policy) thread.policy = t.stat.policy;
    thread.priority = t.stat.priority;
  }
  return thread;
}

/** Everything captured about running guests and isolated-CPU noise, and the guests' task ids. */
export function captureRunning(reader: TreeReader, isolated: CpuSet | undefined, nrCpuIds: number | undefined): SnapshotRunning | undefined {
  const pids = numberedEntries(reader.entries('proc'), '');
  // A copied tree with /proc's host files but no processes: nothing ran there.
  if (pids.length === 0) return undefined;

  const running: SnapshotRunning = { guests: [] };
  const guestTids = new Set<string>();
  const statusUnread: string[] = [];
  const noNames: string[] = [];
  const noNumaMaps: string[] = [];

  for (const pid of pids) {
    const comm = reader.line(`proc/${pid}/comm`);
    if (comm === undefined || !isQemuComm(comm)) continue;
    const cmdline = reader.textOrError(`proc/${pid}/cmdline`);
    if ('code' in cmdline) continue;
    const { name, uuid } = guestIdentity(cmdline.text.split('\0'));
    if (name === undefined) {
      reader.notes.push(`QEMU process ${pid} has no -name: not a libvirt guest; left out`);
      continue;
    }
    const tasks = tasksOf(reader, pid, nrCpuIds);
    for (const t of tasks) guestTids.add(`${pid}/${t.tid}`);

    const status = readStatusVcpuThreads(reader, name, pid);
    const threads = tasks.map((t): SnapshotGuestThread => {
      const fromName = roleFromName(t.comm);
      if ('vcpuOfTid' in status) {
        const vcpu = status.vcpuOfTid.get(t.tid);
        if (vcpu !== undefined) return threadOf(t, { role: 'vcpu', id: vcpu });
        if (fromName?.role === 'iothread') return threadOf(t, fromName);
      } else if (fromName) return threadOf(t, fromName);
      return threadOf(t, { role: t.tid === pid ? 'main' : 'worker' });
    });
    if (!('vcpuOfTid' in status)) {
      statusUnread.push(status.why);
      if (!threads.some((t) => t.role === 'vcpu')) noNames.push(name);
    }

    const guest: SnapshotGuest = { name, pid, rolesFrom: 'vcpuOfTid' in status ? 'status-xml' : 'thread-names', threads };
    if (uuid !== undefined) guest.uuid = uuid;
    const numaMaps = reader.textOrError(`proc/${pid}/numa_maps`);
    if ('text' in numaMaps) {
      const { memory, cellMemory } = guestMemoryFromNumaMaps(numaMaps.text);
      guest.memory = memory;
      if (cellMemory.length > 0) guest.cellMemory = cellMemory;
    } else noNumaMaps.push(`${name} (${numaMaps.code})`);
    running.guests!.push(guest);
  }

  for (const why of statusUnread) reader.cannotRead('libvirt', `${why} (vCPU threads known by their debug-threads names, \`CPU n/KVM\`)`);
  if (noNames.length > 0) {
    reader.notes.push(`no vCPU thread found for ${noNames.join(', ')}: without libvirt's status XML, QEMU must run with -name debug-threads=on`);
  }
  if (noNumaMaps.length > 0) reader.notes.push(`/proc/PID/numa_maps unreadable for ${noNumaMaps.join(', ')}: memory per node left out`);

  // Nothing isolated: no CPU must be quiet. Isolation unknown: which ones cannot be said.
  if (isolated === undefined) reader.miss('running.isolation');
  if (isolated === undefined || isolated.isEmpty) return running;
  running.isolatedCpus = { raw: isolated.toString(), parsed: isolated.toString() };
  const guestPids = new Set(running.guests!.map((g) => g.pid));
  running.foreignTasks = foreignTasks(reader, pids, guestTids, guestPids, isolated, nrCpuIds);
  running.irqs = irqsOnIsolated(reader, isolated, nrCpuIds);
  return running;
}

/**
 * Kernel threads that work for one guest outside its QEMU process. Before Linux 6.4 a vhost worker is a kthread
 * named `vhost-<QEMU pid>` (drivers/vhost/vhost.c vhost_worker_create, attached to its owner's cgroups); from 6.4
 * it is a vhost_task inside the QEMU process. Before 6.13 KVM's NX hugepage recovery thread is a kthread per VM,
 * `kvm-nx-lpage-recovery` cut to `kvm-nx-lpage-re` (arch/x86/kvm/mmu/mmu.c kvm_mmu_post_init_vm), whose name
 * carries no pid: it is some guest's, never noise.
 */
function isGuestKernelThread(comm: string, guestPids: ReadonlySet<number>): boolean {
  const vhost = /^vhost-(\d+)$/.exec(comm);
  if (vhost) return guestPids.has(Number(vhost[1]));
  return comm.startsWith('kvm-nx-lpage-re');
}

/** Tasks other than guest threads and per-CPU kernel threads that may run, or are running, on an isolated CPU. */
function foreignTasks(
  reader: TreeReader,
  pids: number[],
  guestTids: Set<string>,
  guestPids: ReadonlySet<number>,
  isolated: CpuSet,
  nrCpuIds: number | undefined,
): SnapshotForeignTask[] {
  const out: SnapshotForeignTask[] = [];
  for (const pid of pids) {
    for (const t of tasksOf(reader, pid, nrCpuIds)) {
      if (guestTids.has(`${pid}/${t.tid}`)) continue;
      const kernelThread = t.stat !== undefined && (t.stat.flags & PF_KTHREAD) !== 0;
      // ksoftirqd/N, migration/N, kworker/N:M: bound to their CPU by design.
      if (kernelThread && t.allowed.set.size === 1) continue;
      if (kernelThread && isGuestKernelThread(t.comm, guestPids)) continue;
      // A sleeping task's last CPU (task_cpu) is where it ran before its affinity last changed until it wakes: it counts
      // only when it is running or runnable there now (state R), or still allowed there (then the mask says so already).
      const lastOnIsolated = t.stat !== undefined && isolated.has(t.stat.lastCpu) && (t.stat.state === 'R' || t.allowed.set.has(t.stat.lastCpu));
      if (!t.allowed.set.intersects(isolated) && !lastOnIsolated) continue;
      const task: SnapshotForeignTask = { pid, tid: t.tid, name: t.comm, allowedCpus: t.allowed.list };
      if (kernelThread) task.kernelThread = true;
      if (t.stat) task.lastCpu = t.stat.lastCpu;
      out.push(task);
    }
  }
  return out;
}

const IRQ_FILES: ReadonlySet<string> = new Set(['smp_affinity', 'smp_affinity_list', 'effective_affinity', 'effective_affinity_list', 'affinity_hint', 'node', 'spurious']);

/** IRQs delivered to isolated CPUs: effective affinity where the kernel has it (kernel/irq/proc.c), else the affinity asked for. */
function irqsOnIsolated(reader: TreeReader, isolated: CpuSet, nrCpuIds: number | undefined): SnapshotIrq[] {
  const out: SnapshotIrq[] = [];
  for (const irq of numberedEntries(reader.entries('proc/irq'), '')) {
    const dir = `proc/irq/${irq}`;
    const raw = reader.line(`${dir}/smp_affinity_list`);
    if (raw === undefined) continue;
    const affinity = cpuList(reader, `/${dir}/smp_affinity_list`, raw.trim(), 'kernel', nrCpuIds);
    if (!affinity) continue;
    const effRaw = reader.line(`${dir}/effective_affinity_list`);
    const effective = effRaw === undefined ? undefined : cpuList(reader, `/${dir}/effective_affinity_list`, effRaw.trim(), 'kernel', nrCpuIds);
    // An IRQ no driver requested has no action directory: it fires nowhere.
    const actions = (reader.entries(dir) ?? []).filter((e) => !IRQ_FILES.has(e)).sort();
    if (actions.length === 0) continue;
    const delivered = effective && !effective.set.isEmpty ? effective.set : affinity.set;
    if (!delivered.intersects(isolated)) continue;
    const entry: SnapshotIrq = { irq, affinity: affinity.list };
    entry.name = actions.join(',');
    if (effective) entry.effectiveAffinity = effective.list;
    out.push(entry);
  }
  return out;
}
