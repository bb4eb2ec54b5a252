/**
 * Capture of running guests from the fixture trees under fixtures/running/ laid over
 * a fixtures/sysfs host: roles from libvirt's status XML and from thread names,
 * memory per node and page size, foreign tasks and IRQs on isolated CPUs, reduced
 * definitions; no command-line argument but name and uuid in the snapshot; the
 * round trip; and a capture by a user who cannot read libvirt's files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { lintPlan } from '../../src/api.ts';
import { captureHost } from '../../src/host/capture.ts';
import { guestIdentity, guestMemoryFromNumaMaps, memoryFromNumaMaps, parseTaskStat } from '../../src/host/capture/guests.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import type { HostSnapshot, SnapshotCpuList, SnapshotGuest, SnapshotGuestThread } from '../../src/model/host.ts';
import { emulatorThreads, guestMatches } from '../../src/model/running.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { parseXml } from '../../src/xml/parse.ts';
import { FIXTURE_SECRET, RUNNING_TREES_DIR, writeRunningTrees } from '../../scripts/gen-running-trees.ts';
import { SYSFS_FIXTURES_DIR } from '../../scripts/gen-sysfs-fixtures.ts';
import { copyBundle } from '../support/bundle.ts';

const NOW = new Date('2026-01-02T03:04:05Z');
const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'kvmlint-running-'));
  temps.push(d);
  return d;
}

/** The dual-socket host (isolated 4-31) with a running-guest tree laid over it. */
function hostWithGuests(tree = 'two-guests'): string {
  const dir = join(temp(), 'root');
  cpSync(join(SYSFS_FIXTURES_DIR, 'dual-socket-isolated'), dir, { recursive: true, verbatimSymlinks: true });
  cpSync(join(RUNNING_TREES_DIR, tree), dir, { recursive: true });
  return dir;
}

function raw(list: SnapshotCpuList | undefined): string | undefined {
  return list === undefined ? undefined : typeof list === 'string' ? list : list.raw;
}

function treeOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.set(relative(dir, p), `-> ${readlinkSync(p)}`);
      else if (st.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('fixtures/running trees', () => {
  it('are what scripts/gen-running-trees.ts writes', () => {
    const dir = temp();
    writeRunningTrees(dir);
    assert.deepEqual(treeOf(RUNNING_TREES_DIR), treeOf(dir));
  });
});

describe('capture of running guests', () => {
  const root = hostWithGuests();
  const { snapshot, notes } = captureHost({ root, now: NOW });
  const guests = snapshot.running?.guests ?? [];
  const web = guests.find((g) => g.name === 'web-1')!;
  const db = guests.find((g) => g.name === 'db-2')!;

  it('finds both QEMU processes by comm, with name and uuid from the command line', () => {
    assert.deepEqual(
      guests.map((g) => [g.name, g.uuid, g.pid]),
      [
        ['web-1', '3f9c2a51-7d0e-4b8a-9c61-5e2f0a7b1c44', 4100],
        ['db-2', '8a4e6b1c-2d3f-4e5a-8b7c-9d0e1f2a3b4c', 4300],
      ],
    );
  });

  it("takes web-1's vCPU threads from the status XML, with allowed CPUs, last CPU and fifo 1", () => {
    assert.equal(web.rolesFrom, 'status-xml');
    const vcpus = web.threads.filter((t) => t.role === 'vcpu').map((t) => [t.id, t.tid, raw(t.allowedCpus), t.lastCpu, t.policy, t.priority]);
    assert.deepEqual(vcpus, [
      [0, 4110, '4', 4, 'fifo', 1],
      [1, 4111, '5', 5, 'fifo', 1],
      [2, 4112, '6', 6, 'fifo', 1],
      [3, 4113, '7', 7, 'fifo', 1],
    ]);
    assert.deepEqual(
      web.threads.filter((t) => t.role !== 'vcpu').map((t) => [t.tid, t.role, t.id]),
      [
        [4100, 'main', undefined],
        [4101, 'worker', undefined],
        [4102, 'worker', undefined],
        [4103, 'iothread', 1],
        [4120, 'worker', undefined],
      ],
    );
  });

  it("falls back to thread names for db-2, whose status XML names an earlier pid, and says so in one note", () => {
    assert.equal(db.rolesFrom, 'thread-names');
    assert.deepEqual(db.threads.filter((t) => t.role === 'vcpu').map((t) => [t.id, raw(t.allowedCpus), t.policy]), [
      [0, '16', 'other'],
      [1, '17', 'other'],
    ]);
    const libvirtNotes = notes.filter((n) => n.startsWith('libvirt:'));
    assert.equal(libvirtNotes.length, 1, notes.join('\n'));
    assert.match(libvirtNotes[0]!, /\/run\/libvirt\/qemu\/db-2\.xml: describes pid 4290, not 4300/);
  });

  it('sums numa_maps per node with small pages and hugepages apart', () => {
    assert.deepEqual(web.memory, [
      // The binary's mapping (file=/usr/libexec/qemu-kvm, 2100 pages) is page cache, not guest memory.
      { node: 0, pageSizeKiB: 4, kib: (29000 + 3 + 9) * 4 },
      { node: 0, pageSizeKiB: 2048, kib: 4096 * 2048 },
      { node: 1, pageSizeKiB: 4, kib: 1000 * 4 },
    ]);
    assert.deepEqual(db.memory, [{ node: 1, pageSizeKiB: 4, kib: 524288 * 4 }]);
  });

  it('lists foreign tasks on isolated CPUs, leaving out guest threads, per-CPU and housekeeping kernel threads', () => {
    assert.equal(raw(snapshot.running?.isolatedCpus), '4-31');
    assert.deepEqual(
      snapshot.running?.foreignTasks?.map((t) => [t.pid, t.name, t.kernelThread ?? false, raw(t.allowedCpus), t.lastCpu]),
      [
        [91, 'rcu_preempt', true, '0-31', 2],
        [7001, 'stress-ng', false, '0-31', 9],
      ],
    );
  });

  it('lists IRQs by where they are delivered: effective affinity, not the affinity asked for', () => {
    assert.deepEqual(
      snapshot.running?.irqs?.map((q) => [q.irq, q.name, raw(q.affinity), raw(q.effectiveAffinity)]),
      [[24, 'eth0-TxRx-5', '0-31', '5']],
    );
  });

  it('reduces the persistent definitions (sizes in KiB and written defaults undone) and digests them', () => {
    const defs = snapshot.libvirt?.definitions ?? [];
    assert.deepEqual(defs.map((d) => [d.file, d.name]), [
      ['db-2.xml', 'db-2'],
      ['web-1.xml', 'web-1'],
    ]);
    const web1 = defs.find((d) => d.name === 'web-1')!;
    assert.equal(web1.elements.memory, '<memory>8388608</memory>');
    assert.equal(web1.elements.vcpu, '<vcpu>4</vcpu>');
    assert.equal(web1.elements.cpu, "<cpu mode='host-passthrough'/>");
    assert.match(web1.digest, /^[0-9a-f]{64}$/);
  });

  it('keeps no command-line argument but name and uuid: the secret appears nowhere', () => {
    const text = formatSnapshot(snapshot);
    assert.ok(readFileSync(join(root, 'proc/4100/cmdline'), 'utf8').includes(FIXTURE_SECRET), 'the fixture carries the secret');
    for (const leaked of [FIXTURE_SECRET, 'password=on', 'masterKey0', 'pc-q35', 'guest=', '-uuid']) {
      assert.ok(!text.includes(leaked), `snapshot holds ${leaked}`);
      assert.ok(!notes.some((n) => n.includes(leaked)), `a note holds ${leaked}`);
    }
  });

  it('round-trips: capture → JSON → load gives the same snapshot and the same text', () => {
    const text = formatSnapshot(snapshot);
    const loaded = loadHostSnapshotText(text, 'two-guests.json');
    assert.deepEqual(loaded, JSON.parse(text));
    assert.equal(formatSnapshot(loaded), text);
  });
});

describe('guest kernel threads before Linux 6.4 (fixtures/running/vhost-kthreads)', () => {
  const { snapshot } = captureHost({ root: hostWithGuests('vhost-kthreads'), now: NOW });

  it("leaves out vhost-<QEMU pid> and kvm-nx-lpage-re kernel threads: they are a guest's", () => {
    assert.deepEqual(
      snapshot.running?.foreignTasks?.map((t) => [t.pid, t.name, t.kernelThread ?? false]),
      [
        [4133, 'vhost-9999', true],
        [7002, 'vhost-4100', false],
      ],
    );
  });
});

describe('a stale last CPU (fixtures/running/stale-last-cpu)', () => {
  const { snapshot } = captureHost({ root: hostWithGuests('stale-last-cpu'), now: NOW });

  it('counts a task by its last CPU only when it is running there or still allowed there', () => {
    assert.deepEqual(
      snapshot.running?.foreignTasks?.map((t) => [t.pid, t.name, raw(t.allowedCpus), t.lastCpu]),
      [
        [814, 'backup', '0-3', 11],
        [815, 'chronyd', '0-3,12', 12],
      ],
    );
  });
});

describe('guest cells bound by <memnode> (fixtures/running/memnode-swapped, memnode-bound)', () => {
  const GiB = 1024 * 1024;
  const lintNuma2 = (tree: string) => {
    const root = hostWithGuests(tree);
    const { snapshot } = captureHost({ root, now: NOW });
    const text = readFileSync(join(root, 'etc/libvirt/qemu/numa-2.xml'), 'utf8');
    const result = lintPlan({ domains: [{ path: 'numa-2.xml', text }], host: { snapshot } });
    return { snapshot, drift: result.diagnostics.filter((d) => d.ruleId.startsWith('running-')) };
  };

  it("swapped: each cell's memory is on the other node; per node the guest looks fine, per cell it is reported at each <memnode>", () => {
    const { snapshot, drift } = lintNuma2('memnode-swapped');
    const guest = snapshot.running!.guests!.find((g) => g.name === 'numa-2')!;
    assert.deepEqual(guest.cellMemory, [
      { cell: 0, node: 1, pageSizeKiB: 2048, kib: 4 * GiB },
      { cell: 1, node: 0, pageSizeKiB: 2048, kib: 4 * GiB },
    ]);
    assert.deepEqual(
      drift.map((d) => [d.messageId, d.data, d.line]),
      [
        ['cellOffNodeset', { cell: '0', guest: 'numa-2', nodes: 'node 1', share: '100%', size: '4 GiB', nodeset: '0' }, 21],
        ['cellOffNodeset', { cell: '1', guest: 'numa-2', nodes: 'node 0', share: '100%', size: '4 GiB', nodeset: '1' }, 22],
      ],
    );
  });

  it('bound as the XML says: no finding', () => {
    const { snapshot, drift } = lintNuma2('memnode-bound');
    assert.deepEqual(snapshot.running!.guests![0]!.cellMemory?.map((c) => [c.cell, c.node]), [
      [0, 0],
      [1, 1],
    ]);
    assert.deepEqual(drift, []);
  });
});

describe('a snapshot without runtime data', () => {
  it('a /sys and /proc tree without processes captures exactly as before: no running, no libvirt', () => {
    const { snapshot } = captureHost({ root: join(SYSFS_FIXTURES_DIR, 'dual-socket-isolated'), now: NOW });
    assert.equal(snapshot.running, undefined);
    assert.equal(snapshot.libvirt, undefined);
    assert.ok(!formatSnapshot(snapshot).includes('"running"'));
  });
});

describe('a capture that cannot read libvirt files', () => {
  it('degrades to debug-threads names, leaves definitions out, and says why in one note', () => {
    const root = hostWithGuests();
    for (const f of ['web-1.xml', 'db-2.xml']) chmodSync(join(root, 'run/libvirt/qemu', f), 0o600);
    chmodSync(join(root, 'etc/libvirt/qemu'), 0o700);
    // libvirtd's files are root's; the capture runs as someone else (nobody, when the test runs as root).
    const bundle = copyBundle('kvmlint.mjs', join(temp(), 'bundle', 'kvmlint.mjs'));
    for (let d = root; d !== tmpdir(); d = join(d, '..')) chmodSync(d, 0o755);
    chmodSync(join(bundle, '..'), 0o755);
    chmodSync(join(bundle, '../..'), 0o755);
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const argv = [...asUser, process.execPath, bundle, 'snapshot', '--root', root];
    const run = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
    assert.equal(run.status, 0, run.stderr);
    const { stdout, stderr } = run;
    const snapshot = JSON.parse(stdout) as HostSnapshot;
    assert.deepEqual(snapshot.running?.guests?.map((g) => [g.name, g.rolesFrom]), [
      ['web-1', 'thread-names'],
      ['db-2', 'thread-names'],
    ]);
    const web = snapshot.running!.guests!.find((g) => g.name === 'web-1')!;
    assert.deepEqual(web.threads.filter((t) => t.role === 'vcpu').map((t) => [t.id, t.name, raw(t.allowedCpus)]), [
      [0, 'CPU 0/KVM', '4'],
      [1, 'CPU 1/KVM', '5'],
      [2, 'CPU 2/KVM', '6'],
      [3, 'CPU 3/KVM', '7'],
    ]);
    assert.equal(snapshot.libvirt, undefined);
    assert.ok(snapshot.missing?.includes('libvirt.definitions'));
    const libvirtNotes = stderr.split('\n').filter((l) => l.includes('note: libvirt:'));
    assert.equal(libvirtNotes.length, 1, stderr);
    assert.match(libvirtNotes[0]!, /\/etc\/libvirt\/qemu: EACCES/);
    assert.match(libvirtNotes[0]!, /\/run\/libvirt\/qemu\/web-1\.xml: EACCES/);
    assert.match(libvirtNotes[0]!, /debug-threads names/);
    assert.match(stderr, /kvmlint snapshot: 2 running guests \(web-1, db-2\); on isolated CPUs: 2 foreign tasks, 1 IRQ\n/);
  });
});

describe('command-line, stat and numa_maps parsing', () => {
  it('reads -name in both forms, with QemuOpts comma escapes, and -uuid', () => {
    assert.deepEqual(guestIdentity(['qemu', '-name', 'guest=a,,b,debug-threads=on', '-uuid', 'ABC']), { name: 'a,b', uuid: 'abc' });
    assert.deepEqual(guestIdentity(['qemu', '-name', 'plain', '-m', '1024']), { name: 'plain', uuid: undefined });
    assert.deepEqual(guestIdentity(['qemu', '-m', '1024']), { name: undefined, uuid: undefined });
    // Read left to right as QEMU does: libvirt passes the name `db,` as `db,,`, then the separator.
    assert.deepEqual(guestIdentity(['qemu', '-name', 'guest=db,,,debug-threads=on']), { name: 'db,', uuid: undefined });
    assert.deepEqual(guestIdentity(['qemu', '-name', 'guest=,,a,,,,b,debug-threads=on']), { name: ',a,,b', uuid: undefined });
  });

  it('a domain matches its running guest by uuid as a value: with or without dashes, in either case', () => {
    const domain = (uuid: string) => buildDomainModel(parseXml(`<domain type='kvm'><name>web-7</name><uuid>${uuid}</uuid></domain>`).root!);
    const guest: SnapshotGuest = { name: 'web-7', pid: 1, uuid: '6f1d3c2a-1b2c-4d5e-8f90-123456789abc', threads: [] };
    for (const u of ['6F1D3C2A1B2C4D5E8F90123456789ABC', '6f1d3c2a-1b2c-4d5e-8f90-123456789abc', ' 6F1D3C2A-1B2C-4D5E-8F90-123456789ABC ']) assert.ok(guestMatches(guest, domain(u)), u);
    assert.ok(!guestMatches(guest, domain('6f1d3c2a-1b2c-4d5e-8f90-123456789abd')));
  });

  it('without a uuid, a domain matches its running guest by the name exactly: `web-7 ` is another guest than web-7', () => {
    const named = (name: string) => buildDomainModel(parseXml(`<domain type='kvm'><name>${name}</name></domain>`).root!);
    const guest: SnapshotGuest = { name: 'web-7', pid: 1, threads: [] };
    assert.ok(guestMatches(guest, named('web-7')));
    assert.ok(!guestMatches(guest, named('web-7 ')));
    assert.ok(guestMatches({ ...guest, name: 'web-7 ' }, named('web-7 ')));
  });

  it("emulator threads: the main thread and QEMU's helpers, not kernel tasks or thread-pool workers an IOThread spawned", () => {
    const t = (tid: number, role: SnapshotGuestThread['role'], name: string, allowedCpus: string): SnapshotGuestThread => ({ tid, role, name, allowedCpus, ...(role === 'vcpu' || role === 'iothread' ? { id: 0 } : {}) });
    const guest: SnapshotGuest = {
      name: 'g',
      pid: 10,
      threads: [
        t(10, 'main', 'qemu-system-x86', '0'),
        t(11, 'vcpu', 'CPU 0/KVM', '1'),
        t(12, 'iothread', 'IO iothread1', '2-3'),
        // Kernel tasks (vhost_task) and a thread-pool worker the IOThread spawned take their creator's CPUs.
        t(13, 'worker', 'kvm-nx-lpage-re', '1'),
        t(14, 'worker', 'vhost-10', '0-3'),
        t(15, 'worker', 'worker', '2-3'),
        // QEMU's own helpers, allowed elsewhere: the emulator's.
        t(16, 'worker', 'call_rcu', '0'),
        t(17, 'worker', 'worker', '0-3'),
        // Helpers on a vCPU's CPU: no thread pool starts from a vCPU, so they are the emulator's, astray.
        t(18, 'worker', 'call_rcu', '1'),
        t(19, 'worker', 'worker', '1'),
        // Only thread-pool threads are named `worker`: another helper on the IOThread's CPUs is the emulator's.
        t(20, 'worker', 'vnc_worker', '2-3'),
      ],
    };
    assert.deepEqual(emulatorThreads(guest).map((x) => x.tid), [10, 16, 17, 18, 19, 20]);
  });

  it('reads stat fields after a comm holding spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[9 - 3] = '4194368';
    fields[39 - 3] = '7';
    fields[40 - 3] = '10';
    fields[41 - 3] = '2';
    fields[0] = 'R';
    assert.deepEqual(parseTaskStat(`12 (CPU 0/KVM (x)) ${fields.join(' ')}`), { state: 'R', flags: 4194368, lastCpu: 7, priority: 10, policy: 'rr' });
  });

  it('numa_maps: anonymous, hugetlb and guest-RAM backends count; the binary and shared libraries do not', () => {
    const maps = [
      '55d4a5e2c000 default file=/usr/libexec/qemu-kvm mapped=4600 mapmax=3 N1=4600 kernelpagesize_kB=4',
      '7f1b13000000 default file=/usr/lib64/libc.so.6 mapped=700 mapmax=41 N1=700 kernelpagesize_kB=4',
      // A library's private copy-on-write data holds QEMU's own anonymous pages.
      '7f1b13200000 default file=/usr/lib64/libc.so.6 anon=3 dirty=3 N0=3 kernelpagesize_kB=4',
      '55d4a7000000 default heap anon=9000 dirty=9000 N0=9000 kernelpagesize_kB=4',
      '7f4c00000000 bind:0 file=/memfd:pc.ram\\040(deleted) huge dirty=2 mapmax=2 N0=2 kernelpagesize_kB=1048576',
      '7f4c80000000 default file=/memfd:vga.vram\\040(deleted) dirty=16 N0=16 kernelpagesize_kB=4',
      '7f5000000000 bind:0 file=/dev/shm/web-1-ram dirty=100 N0=100 kernelpagesize_kB=4',
      '7f6000000000 bind:0 file=/dev/hugepages1G/libvirt/qemu/1-web-1/ram-node0 huge dirty=1 N0=1 kernelpagesize_kB=1048576',
      '7f7000000000 default file=/dev/zero\\040(deleted) dirty=8 N1=8 kernelpagesize_kB=4',
      '',
    ].join('\n');
    assert.deepEqual(memoryFromNumaMaps(maps), [
      { node: 0, pageSizeKiB: 4, kib: (3 + 9000 + 16 + 100) * 4 },
      { node: 0, pageSizeKiB: 1048576, kib: 3 * 1048576 },
      { node: 1, pageSizeKiB: 4, kib: 8 * 4 },
    ]);
  });

  it("numa_maps: a mapping whose file names a cell's backend (ram-node<N>) counts for that cell too", () => {
    const maps = [
      // hugetlbfs under mem-path (a directory): qemu_back_mem.<region>.XXXXXX, unlinked; old machine types name the region /objects/ram-node1.
      '7f0a00000000 bind:1 file=/dev/hugepages/libvirt/qemu/1-web-1/qemu_back_mem.ram-node0.Xk2fa1\\040(deleted) huge dirty=2048 N1=2048 kernelpagesize_kB=2048',
      '7f0b00000000 bind:0 file=/dev/hugepages/libvirt/qemu/1-web-1/qemu_back_mem._objects_ram-node1.a9Qz0p\\040(deleted) huge dirty=2000 N0=1990 N1=10 kernelpagesize_kB=2048',
      // memory_backing_dir: libvirt names the file after the backend; counted as guest memory though neither huge nor anonymous.
      '7f0c00000000 bind:0 file=/var/lib/libvirt/qemu/ram/1-web-1/ram-node2 dirty=100 N0=100 kernelpagesize_kB=4',
      '7f0d00000000 bind:1 file=/memfd:ram-node3\\040(deleted) dirty=50 N1=50 kernelpagesize_kB=4',
      // Not a cell: ram-node10 is not ram-node1, a directory named like a backend says nothing, memdimm and pc.ram are no cells.
      '7f0e00000000 bind:1 file=/dev/hugepages/libvirt/qemu/1-x.ram-node4/qemu_back_mem.pc.ram.Zz0000 huge N1=1 kernelpagesize_kB=2048',
      '7f0f00000000 bind:1 file=/dev/hugepages/libvirt/qemu/1-web-1/qemu_back_mem.memdimm0.Zz0001 huge N1=1 kernelpagesize_kB=2048',
      '7f1000000000 bind:1 file=/memfd:memory-backend-memfd\\040(deleted) dirty=7 N1=7 kernelpagesize_kB=4',
      // Anonymous memory-backend-ram: bind:0 says where it should be, nothing says which cell it is.
      '7f1100000000 bind:0 anon=300 dirty=300 N0=300 kernelpagesize_kB=4',
      '',
    ].join('\n');
    const { memory, cellMemory } = guestMemoryFromNumaMaps(maps);
    assert.deepEqual(cellMemory, [
      { cell: 0, node: 1, pageSizeKiB: 2048, kib: 2048 * 2048 },
      { cell: 1, node: 0, pageSizeKiB: 2048, kib: 1990 * 2048 },
      { cell: 1, node: 1, pageSizeKiB: 2048, kib: 10 * 2048 },
      { cell: 2, node: 0, pageSizeKiB: 4, kib: 100 * 4 },
      { cell: 3, node: 1, pageSizeKiB: 4, kib: 50 * 4 },
    ]);
    assert.deepEqual(memory, [
      { node: 0, pageSizeKiB: 4, kib: (100 + 300) * 4 },
      { node: 0, pageSizeKiB: 2048, kib: 1990 * 2048 },
      { node: 1, pageSizeKiB: 4, kib: (50 + 7) * 4 },
      { node: 1, pageSizeKiB: 2048, kib: (2048 + 10 + 1 + 1) * 2048 },
    ]);
  });

  it('numa_maps without a named cell backend: no per-cell memory, nothing guessed', () => {
    assert.deepEqual(guestMemoryFromNumaMaps('7f00 bind:0 anon=2 N0=2 kernelpagesize_kB=4\n7f01 bind:1 anon=3 N1=3 kernelpagesize_kB=4\n').cellMemory, []);
  });

  it('numa_maps lines without kernelpagesize_kB are skipped', () => {
    assert.deepEqual(memoryFromNumaMaps('7f00 default anon=1 N0=1\n7f01 default anon=2 N1=2 kernelpagesize_kB=4\n'), [{ node: 1, pageSizeKiB: 4, kib: 8 }]);
  });
});
