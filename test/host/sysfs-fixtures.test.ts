/**
 * Captures of the kernel-shaped trees under fixtures/sysfs/: each host shape issue 4
 * lists (dual-socket with isolcpus flags, nohz_full and tuned; memory-less node;
 * CPU-less node; offline CPUs; 2 MiB + 1 GiB pools; no /etc/tuned; isolcpus beyond
 * the possible CPUs), files going missing, and the trees staying what the generator
 * script writes.
 */
import assert from 'node:assert/strict';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { lint } from '../../src/engine/runner.ts';
import type { HostSnapshot, SnapshotCpu, SnapshotCpuList, SnapshotZone } from '../../src/model/host.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { computeZoneWatermarks, hostWatermarkZones } from '../../src/model/watermarks.ts';
import { SYSFS_CASES, SYSFS_FIXTURES_DIR, writeSysfsFixtures, type CaseSpec } from '../../scripts/gen-sysfs-fixtures.ts';
import { repoRoot } from '../support/paths.ts';

const NOW = new Date('2026-01-02T03:04:05Z');
const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'kvmlint-sysfs-'));
  temps.push(d);
  return d;
}

/** A writable copy of a fixture tree (symlinks kept as links). */
function copyOf(name: string): string {
  const dir = join(temp(), name);
  cpSync(join(SYSFS_FIXTURES_DIR, name), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

function capture(root: string): { snapshot: HostSnapshot; notes: string[] } {
  const r = captureHost({ root, now: NOW });
  // Whatever is captured must load: schema plus the loader's consistency checks.
  const loaded = loadHostSnapshotText(formatSnapshot(r.snapshot), `${root}.json`);
  return { snapshot: loaded, notes: r.notes };
}

function fixture(name: string): { snapshot: HostSnapshot; notes: string[] } {
  return capture(join(SYSFS_FIXTURES_DIR, name));
}

function raw(list: SnapshotCpuList | undefined): string | undefined {
  return list === undefined ? undefined : typeof list === 'string' ? list : list.raw;
}

function parsed(list: SnapshotCpuList | undefined): string | undefined {
  return list === undefined || typeof list === 'string' ? undefined : list.parsed;
}

function spec(name: string): CaseSpec {
  return SYSFS_CASES.find((c) => c.name === name)!;
}

/** Every file and link of a tree: relative path → contents or `-> target`. */
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

describe('fixtures/sysfs trees', () => {
  it('are exactly what scripts/gen-sysfs-fixtures.ts writes (no hand edits, no drift)', () => {
    const fresh = temp();
    writeSysfsFixtures(fresh);
    const want = treeOf(fresh);
    const got = treeOf(SYSFS_FIXTURES_DIR);
    assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
    for (const [path, text] of want) assert.equal(got.get(path), text, path);
  });

  it('every case is a kernel-shaped tree: sys/devices/system/{cpu,node}, sys/kernel/mm/hugepages, proc/..., with cpuN/nodeM links', () => {
    for (const c of SYSFS_CASES) {
      const t = treeOf(join(SYSFS_FIXTURES_DIR, c.name));
      for (const f of ['sys/devices/system/cpu/possible', 'sys/devices/system/cpu/online', 'sys/devices/system/node/online', 'proc/zoneinfo', 'proc/cmdline', 'proc/meminfo', 'proc/sys/vm/min_free_kbytes', 'proc/sys/vm/watermark_scale_factor', 'proc/sys/kernel/hostname', 'proc/sys/kernel/osrelease']) {
        assert.ok(t.has(f), `${c.name}: ${f}`);
      }
      assert.equal(t.get('sys/devices/system/cpu/cpu1/node0'), '-> ../../node/node0', `${c.name}: cpu1 links to its node`);
      assert.match(t.get('sys/devices/system/node/node0/meminfo')!, /^Node 0 MemTotal: +\d+ kB\nNode 0 MemFree: +\d+ kB\n/);
    }
  });

  for (const c of SYSFS_CASES) {
    it(`${c.name}: the capture equals the spec the tree was written from`, () => {
      const { snapshot: s } = fixture(c.name);
      assert.equal(s.source, 'capture');
      assert.equal(s.hostname, c.hostname);
      assert.equal(s.kernelRelease, c.osrelease);
      assert.equal(s.capturedAt, NOW.toISOString());
      assert.equal(s.kernel?.cmdline, c.cmdline);
      assert.equal(raw(s.cpus?.possible), c.possible);
      assert.equal(s.vm?.minFreeKbytes, c.minFreeKbytes);
      assert.equal(s.vm?.watermarkScaleFactor, c.watermarkScaleFactor);
      assert.equal(s.pageSizeKiB, 4);
      assert.deepEqual(s.hugepages, { defaultSizeKiB: c.defaultHugepageKiB, sizesKiB: c.hugepageSizesKiB, ...(c.overcommit ? { overcommit: c.overcommit } : {}) });
      assert.deepEqual(
        s.nodes.map((n) => n.id),
        c.nodes.map((n) => n.id),
      );
      for (const n of c.nodes) {
        const got = s.nodes.find((x) => x.id === n.id)!;
        const onlineCpus = c.cpus.filter((x) => x.node === n.id && x.online).map((x) => x.cpu);
        assert.equal(parsed(got.cpus), buildHostModel({ kvmlintHostSnapshot: 1, nodes: [{ id: 0, cpus: onlineCpus.join(',') }] }).nodes[0]!.cpus.toString());
        assert.equal(got.memTotalKiB, n.zones.reduce((a, z) => a + z.managed, 0) * 4, `node ${n.id} MemTotal`);
        assert.equal(got.memFreeKiB, n.zones.reduce((a, z) => a + z.freePages, 0) * 4, `node ${n.id} MemFree`);
        assert.deepEqual(got.distances, n.distances);
        assert.deepEqual(
          got.hugepages ?? [],
          n.pools.map((p) => ({ sizeKiB: p.sizeKiB, total: p.nr, free: p.free, surplus: p.surplus })),
        );
        // zoneinfo prints all five zones of every node, populated or not.
        assert.deepEqual(
          got.zones?.map((z) => z.name),
          ['DMA', 'DMA32', 'Normal', 'Movable', 'Device'],
        );
        for (const z of n.zones) {
          const gz: SnapshotZone = got.zones!.find((x) => x.name === z.name)!;
          assert.equal(gz.managedPages, z.managed);
          assert.equal(gz.presentPages, z.present);
        }
      }
      assert.equal(s.cpuTopology?.length, c.cpus.length, 'one entry per present CPU');
      for (const cpu of c.cpus) {
        const got: SnapshotCpu = s.cpuTopology!.find((x) => x.cpu === cpu.cpu)!;
        assert.equal(got.node, cpu.node, `cpu${cpu.cpu} node`);
        if (cpu.online) {
          assert.deepEqual([got.socket, got.die, got.core, got.online], [cpu.socket, cpu.die, cpu.core, undefined], `cpu${cpu.cpu}`);
        } else {
          assert.deepEqual([got.socket, got.core, got.siblings, got.online], [undefined, undefined, undefined, false], `offline cpu${cpu.cpu}`);
        }
      }
      assert.equal(raw(s.isolation?.isolated), c.isolated);
      assert.equal(raw(s.isolation?.nohzFull), c.nohzFull === '(null)' ? '' : c.nohzFull);
      assert.equal(s.tuned?.activeProfile, c.tuned?.profile);
    });

    it(`${c.name}: the watermark model reproduces the captured zoneinfo watermarks`, () => {
      const { snapshot: s } = fixture(c.name);
      const m = buildHostModel(s);
      const computed = computeZoneWatermarks(hostWatermarkZones(m).zones, m.minFreeKbytes!, m.watermarkScaleFactor, m.pageSizeKiB);
      for (const n of s.nodes) {
        for (const z of n.zones ?? []) {
          const w = computed.find((x) => x.node === n.id && x.name === z.name)!;
          assert.deepEqual([w.min, w.low, w.high], [z.min, z.low, z.high], `node ${n.id} ${z.name}`);
        }
      }
    });
  }
});

describe('capture of each host shape', () => {
  it('dual-socket: isolcpus=managed_irq,domain,4-31 + nohz_full + tuned cpu-partitioning: housekeeping 0-3, the running kernel\'s view used', () => {
    const { snapshot: s, notes } = fixture('dual-socket-isolated');
    assert.deepEqual(notes, []);
    assert.equal(s.missing, undefined, 'nothing is missing from a full tree');
    assert.deepEqual(s.isolation, { isolated: { raw: '4-31', parsed: '4-31' }, nohzFull: { raw: '4-31', parsed: '4-31' } });
    assert.deepEqual(s.tuned, { activeProfile: 'cpu-partitioning', isolatedCores: { raw: '4-31', parsed: '4-31' } });
    assert.match(s.kernel!.cmdline!, / isolcpus=managed_irq,domain,4-31 .* nohz_full=4-31 /);
    const m = buildHostModel(s);
    assert.equal(m.housekeeping?.toString(), '0-3');
    assert.deepEqual(m.isolation?.sources, ['/sys/devices/system/cpu/isolated', '/sys/devices/system/cpu/nohz_full', 'tuned isolated_cores']);
    assert.deepEqual(m.isolation?.notes, []);
    // SMT siblings n and n+8 within a socket.
    assert.deepEqual(s.cpuTopology!.find((x) => x.cpu === 3)!.siblings, { raw: '3,11', parsed: '3,11' });
    assert.deepEqual(s.cpuTopology!.find((x) => x.cpu === 27)!, { cpu: 27, node: 1, socket: 1, die: 0, core: 3, siblings: { raw: '19,27', parsed: '19,27' } });
  });

  it('dual-socket: zoneinfo prints watermarks with the boost added; the snapshot stores them without it', () => {
    const tree = join(SYSFS_FIXTURES_DIR, 'dual-socket-isolated');
    const text = readFileSync(join(tree, 'proc/zoneinfo'), 'utf8');
    const block = text.slice(text.indexOf('Node 0, zone   Normal'), text.indexOf('Node 0, zone  Movable'));
    const printed = (k: string): number => Number(new RegExp(`^\\s+${k}\\s+(\\d+)$`, 'm').exec(block)![1]);
    assert.equal(printed('boost'), 2048);
    const z = fixture('dual-socket-isolated').snapshot.nodes[0]!.zones!.find((x) => x.name === 'Normal')!;
    assert.deepEqual([z.min, z.low, z.high], [printed('min') - 2048, printed('low') - 2048, printed('high') - 2048]);
  });

  it('dual-socket: tuned isolated_cores disagreeing with the booted kernel (profile changed without reboot): the note says which is used', () => {
    const dir = copyOf('dual-socket-isolated');
    const vars = join(dir, 'etc/tuned/cpu-partitioning-variables.conf');
    writeFileSync(vars, readFileSync(vars, 'utf8').replace('isolated_cores=4-31', 'isolated_cores=4-31,^16-19'));
    const { snapshot: s } = capture(dir);
    assert.deepEqual(s.tuned?.isolatedCores, { raw: '4-31,^16-19', parsed: '4-15,20-31' }, 'tuned grammar: ^ subtracts');
    const m = buildHostModel(s);
    assert.equal(m.housekeeping?.toString(), '0-3');
    assert.equal(m.isolation?.notes.length, 1);
    assert.match(m.isolation!.notes[0]!, /tuned isolated_cores 4-15,20-31 differs from the running kernel \(4-31\).*using their union/);
  });

  it('dual-socket: without the /sys isolation files, the command line and tuned are used, and the sources say so', () => {
    const dir = copyOf('dual-socket-isolated');
    rmSync(join(dir, 'sys/devices/system/cpu/isolated'));
    rmSync(join(dir, 'sys/devices/system/cpu/nohz_full'));
    const { snapshot: s } = capture(dir);
    assert.equal(s.isolation, undefined);
    assert.deepEqual(s.missing, ['isolation.isolated', 'isolation.nohzFull']);
    const m = buildHostModel(s);
    assert.deepEqual(m.isolation?.sources, ['isolcpus', 'nohz_full', 'tuned isolated_cores']);
    assert.equal(m.housekeeping?.toString(), '0-3');
  });

  it('memory-less node: MemTotal 0, no hugepages directory, empty zones, and no false min-free finding for it', async () => {
    const { snapshot: s, notes } = fixture('memoryless-node');
    const n2 = s.nodes.find((n) => n.id === 2)!;
    assert.deepEqual(n2.cpus, { raw: '16-23', parsed: '16-23' });
    assert.equal(n2.memTotalKiB, 0);
    assert.equal(n2.memFreeKiB, 0);
    assert.equal(n2.hugepages, undefined);
    assert.ok(n2.zones!.every((z) => z.managedPages === 0 && z.presentPages === 0), 'node 2 has only empty zones');
    // CONFIG_CPUMASK_OFFSTACK kernels print an unallocated nohz_full mask as "(null)".
    assert.deepEqual(s.isolation?.nohzFull, { raw: '', parsed: '' });
    assert.ok(notes.some((n) => /nohz_full reads "\(null\)"/.test(n)), 'a note says nohz_full read (null)');
    const m = buildHostModel(s);
    assert.equal(m.isolation, undefined, 'no isolation declared');
    assert.equal(m.nodeOfCpu(20), 2);

    const dir = temp();
    writeFileSync(join(dir, 'host.json'), formatSnapshot(s));
    const r = await lint({ paths: [join(repoRoot, 'examples/domains/pin-crosses-nodeset.xml')], hostFile: join(dir, 'host.json'), cwd: dir });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId === 'min-free-kbytes-exceeds-node-free'),
      [],
      'a node without memory has no watermark share (its empty Movable zone\'s min 32 is not one)',
    );
  });

  it('CPU-less node: an empty CPU list, its memory in ZONE_MOVABLE with the clamped minimum', () => {
    const { snapshot: s } = fixture('cpuless-node');
    const n2 = s.nodes.find((n) => n.id === 2)!;
    assert.deepEqual(n2.cpus, { raw: '', parsed: '' });
    assert.equal(n2.memTotalKiB, 32 * 1024 * 1024);
    const movable = n2.zones!.find((z) => z.name === 'Movable')!;
    assert.equal(movable.managedPages, 8388608);
    assert.equal(movable.min, 128, 'HighMem/Movable min is clamped to 128 pages');
    assert.deepEqual(n2.distances, [24, 24, 10]);
    const m = buildHostModel(s);
    assert.equal(m.housekeeping?.toString(), '0-1,8-9');
    assert.equal(m.cpusOfNodes(m.nodesOfCpus(m.online)).toString(), '0-15');
    assert.equal(m.node(2)?.cpus.isEmpty, true);
    // Adjacent SMT siblings.
    assert.deepEqual(s.cpuTopology!.find((x) => x.cpu === 5)!.siblings, { raw: '4-5', parsed: '4-5' });
  });

  it('offline CPUs: online less than present less than possible; offline CPUs keep their node (cpuN/nodeM link) but lose topology', () => {
    const { snapshot: s } = fixture('offline-cpus');
    assert.deepEqual(s.cpus, {
      possible: { raw: '0-31', parsed: '0-31' },
      present: { raw: '0-15', parsed: '0-15' },
      online: { raw: '0-5,8-15', parsed: '0-5,8-15' },
    });
    assert.deepEqual(s.nodes[0]!.cpus, { raw: '0-5', parsed: '0-5' });
    assert.deepEqual(
      s.cpuTopology!.filter((c) => c.online === false),
      [
        { cpu: 6, node: 0, online: false },
        { cpu: 7, node: 0, online: false },
      ],
    );
    assert.deepEqual(s.cpuTopology!.find((c) => c.cpu === 2)!.siblings, { raw: '2', parsed: '2' }, 'its sibling 6 is offline');
    assert.deepEqual(s.missing, ['isolation.nohzFull']);
    const m = buildHostModel(s);
    assert.equal(m.online.toString(), '0-5,8-15');
    assert.equal(m.nodeOfCpu(6), 0);
    assert.equal(m.isolation?.isolated.toString(), '2-7,10-15');
    assert.equal(m.housekeeping?.toString(), '0-1,8-9');
  });

  it('2 MiB and 1 GiB pools per node, 1 GiB the default size', () => {
    const { snapshot: s } = fixture('hugepages-2m-1g');
    assert.deepEqual(
      s.nodes.map((n) => n.hugepages),
      [
        [
          { sizeKiB: 2048, total: 4096, free: 3072, surplus: 0 },
          { sizeKiB: 1048576, total: 32, free: 16, surplus: 0 },
        ],
        [
          { sizeKiB: 2048, total: 2048, free: 2048, surplus: 0 },
          { sizeKiB: 1048576, total: 48, free: 40, surplus: 0 },
        ],
      ],
    );
    const m = buildHostModel(s);
    assert.equal(m.defaultHugepageSizeKiB, 1048576);
    assert.deepEqual(
      m.node(1)!.hugepages.map((p) => [p.sizeKiB, p.total, p.free]),
      [
        [2048, 2048, 2048],
        [1048576, 48, 40],
      ],
    );
  });

  it('no /etc/tuned: the tuned field is absent and named missing; isolation comes from the kernel', () => {
    const { snapshot: s } = fixture('no-tuned');
    assert.equal(s.tuned, undefined);
    assert.deepEqual(s.missing, ['tuned']);
    const m = buildHostModel(s);
    assert.equal(m.housekeeping?.toString(), '0-1,4-5');
    assert.ok(!m.isolation!.sources.includes('tuned isolated_cores'), 'tuned is not a source');
  });

  it('isolcpus naming CPUs beyond the possible range: the kernel rejected it, and the snapshot isolates nothing', () => {
    const { snapshot: s } = fixture('isolcpus-beyond-possible');
    assert.match(s.kernel!.cmdline!, /isolcpus=domain,managed_irq,2-15 nohz_full=2-15/);
    assert.deepEqual(s.isolation, { isolated: { raw: '', parsed: '' }, nohzFull: { raw: '', parsed: '' } });
    const m = buildHostModel(s);
    assert.equal(m.isolation?.isolated.toString(), '');
    assert.equal(m.housekeeping?.toString(), '0-7');
    assert.deepEqual(m.isolation?.sources, ['/sys/devices/system/cpu/isolated', '/sys/devices/system/cpu/nohz_full']);
    assert.equal(m.isolation?.notes.filter((n) => /^(isolcpus=domain,managed_irq,2-15|nohz_full=2-15) names CPU 15, beyond the possible CPUs 0-7/.test(n)).length, 2);
  });

  it('isolcpus beyond the possible range with no /sys view (command line alone): still nothing isolated', () => {
    const dir = copyOf('isolcpus-beyond-possible');
    rmSync(join(dir, 'sys/devices/system/cpu/isolated'));
    rmSync(join(dir, 'sys/devices/system/cpu/nohz_full'));
    const m = buildHostModel(capture(dir).snapshot);
    assert.equal(m.isolation?.isolated.toString(), '');
    assert.equal(m.housekeeping?.toString(), '0-7');
    assert.deepEqual(m.isolation?.sources, []);
    assert.equal(m.isolation?.notes.filter((n) => /beyond the possible CPUs 0-7/.test(n)).length, 2);
  });
});

describe('capture with files missing', () => {
  it('a missing file leaves its field out and names it in `missing`; the snapshot still loads', () => {
    const dir = copyOf('dual-socket-isolated');
    for (const f of ['proc/zoneinfo', 'proc/sys/vm/min_free_kbytes', 'sys/devices/system/node/node1/meminfo', 'sys/devices/system/node/node0/distance', 'etc/tuned/active_profile', 'proc/sys/kernel/hostname']) {
      rmSync(join(dir, f));
    }
    const { snapshot: s } = capture(dir);
    assert.deepEqual(s.missing, ['hostname', 'node.distances', 'node.memFree', 'node.memTotal', 'pageSizeKiB', 'tuned.activeProfile', 'vm.min_free_kbytes', 'zoneinfo']);
    assert.equal(s.hostname, undefined);
    assert.ok(s.nodes.every((n) => n.zones === undefined), 'no node has zones');
    assert.equal(s.nodes[1]!.memTotalKiB, undefined);
    assert.equal(s.nodes[1]!.memFreeKiB, undefined);
    assert.equal(s.nodes[0]!.distances, undefined);
    assert.deepEqual(s.nodes[1]!.distances, [21, 10]);
    assert.deepEqual(s.vm, { watermarkScaleFactor: 10 });
    assert.equal(s.pageSizeKiB, undefined, 'without zoneinfo the page size cannot be derived');
    // The variables file is still read with no profile known: the model assumes it applies and says so.
    assert.deepEqual(s.tuned, { isolatedCores: { raw: '4-31', parsed: '4-31' } });
  });

  it('the rules needing a missing fact stay silent and say so once', async () => {
    const dir = copyOf('min-free-node-tight');
    rmSync(join(dir, 'proc/sys/vm/min_free_kbytes'));
    const out = temp();
    writeFileSync(join(out, 'host.json'), formatSnapshot(capture(dir).snapshot));
    const paths = ['examples/domains/pin-crosses-nodeset.xml', 'examples/domains/missing-emulatorpin.xml'].map((p) => join(repoRoot, p));
    const r = await lint({ paths, hostFile: join(out, 'host.json'), cwd: out });
    const minFree = r.diagnostics.filter((d) => d.ruleId === 'min-free-kbytes-exceeds-node-free');
    assert.deepEqual(
      minFree.map((d) => [d.severity, d.message]),
      [['info', 'the snapshot has no vm.min_free_kbytes: min-free-kbytes-exceeds-node-free is not checked']],
    );
    assert.equal(r.diagnostics.filter((d) => d.ruleId === 'min-free-kbytes-guideline' && d.severity !== 'info').length, 0);
  });

  it('the page size comes from KernelPageSize in /proc/self/smaps (smallest mapping) over MemTotal / managed pages', () => {
    const dir = copyOf('hugepages-2m-1g');
    // A 64 KiB-page kernel (arm64) with a hugetlb mapping: the smallest size is the base page.
    mkdirSync(join(dir, 'proc/self'), { recursive: true });
    writeFileSync(join(dir, 'proc/self/smaps'), 'KernelPageSize:     1048576 kB\nKernelPageSize:       64 kB\nMMUPageSize:       64 kB\n');
    assert.equal(capture(dir).snapshot.pageSizeKiB, 64);
    // Without smaps, MemTotal not a whole number of managed pages (as on hosts with memory added after boot): unknown, named missing.
    rmSync(join(dir, 'proc/self'), { recursive: true });
    const meminfo = join(dir, 'sys/devices/system/node/node0/meminfo');
    writeFileSync(meminfo, readFileSync(meminfo, 'utf8').replace(/(MemTotal:\s+)(\d+)/, (_, a: string, v: string) => `${a}${Number(v) + 4}`));
    const { snapshot: s } = capture(dir);
    assert.equal(s.pageSizeKiB, undefined);
    assert.ok(s.missing?.includes('pageSizeKiB'));
  });

  it('a node without a cpulist gets its CPUs from the cpuN/nodeM links, with a note', () => {
    const dir = copyOf('offline-cpus');
    rmSync(join(dir, 'sys/devices/system/node/node0/cpulist'));
    const { snapshot: s, notes } = capture(dir);
    assert.deepEqual(s.nodes[0]!.cpus, { raw: '0-5', parsed: '0-5' }, 'online CPUs linked to node0');
    assert.deepEqual(s.missing, ['isolation.nohzFull', 'node.cpus']);
    assert.ok(notes.some((n) => /no \/sys\/devices\/system\/node\/node0\/cpulist/.test(n)), 'a note names the missing cpulist');
  });

  it('either direction of the kernel\'s node links gives a node without a cpulist its CPUs (libvirt\'s test trees keep only nodeM/cpuN)', () => {
    for (const keep of ['node0/cpuN', 'cpuN/node0'] as const) {
      const dir = copyOf('offline-cpus');
      const sys = join(dir, 'sys/devices/system');
      rmSync(join(sys, 'node/node0/cpulist'));
      for (let cpu = 0; cpu < 8; cpu++) {
        if (keep === 'node0/cpuN') rmSync(join(sys, `cpu/cpu${cpu}/node0`), { force: true });
        else rmSync(join(sys, `node/node0/cpu${cpu}`), { force: true });
      }
      const { snapshot: s, notes } = capture(dir);
      assert.deepEqual(s.nodes[0]!.cpus, { raw: '0-5', parsed: '0-5' }, `online CPUs linked by ${keep}`);
      assert.deepEqual(s.cpuTopology?.filter((c) => c.cpu < 6).map((c) => c.node), [0, 0, 0, 0, 0, 0], keep);
      assert.ok(notes.some((n) => /node0\/cpuN and cpuN\/node0 links/.test(n)), keep);
    }
  });

  it('a copied tree naming more nodes than Linux has: nodes from 1024 up left out with a note, and each CPU\'s links read once', () => {
    const dir = copyOf('offline-cpus');
    const sys = join(dir, 'sys/devices/system');
    writeFileSync(join(sys, 'node/online'), '0-4095\n');
    rmSync(join(sys, 'node/node0/cpulist'));
    const r = captureHost({ root: dir, now: NOW });
    assert.equal(r.snapshot.nodes.length, 1024);
    assert.deepEqual(r.snapshot.nodes[0]!.cpus, { raw: '0-5', parsed: '0-5' }, 'node0 still gets its linked CPUs');
    assert.ok(r.notes.some((n) => /node ids from 1024 up left out: Linux has at most 1024 NUMA nodes/.test(n)), r.notes.join('\n'));
  });

  it('tuned isolated_cores left as the shipped ${f:calc_isolated_cores:1} function: left out with a note, not a broken snapshot', () => {
    const dir = copyOf('dual-socket-isolated');
    writeFileSync(join(dir, 'etc/tuned/cpu-partitioning-variables.conf'), 'isolated_cores=${f:calc_isolated_cores:1}\n');
    const { snapshot: s, notes } = capture(dir);
    assert.deepEqual(s.tuned, { activeProfile: 'cpu-partitioning' });
    assert.deepEqual(s.missing, ['tuned.isolatedCores']);
    assert.ok(notes.some((n) => /only tuned can evaluate/.test(n)), 'a note explains the tuned function');
  });

  it('tuned lists keep tuned\'s grammar: a hex mask and ! negation, raw as written and parsed', () => {
    const dir = copyOf('dual-socket-isolated');
    writeFileSync(join(dir, 'etc/tuned/cpu-partitioning-variables.conf'), '# a hex mask glues on the items after it, so the negation comes first\nisolated_cores=!31,0xfffffff0\nno_balance_cores=5-10\n');
    const { snapshot: s } = capture(dir);
    assert.deepEqual(s.tuned, {
      activeProfile: 'cpu-partitioning',
      isolatedCores: { raw: '!31,0xfffffff0', parsed: '4-30' },
      noBalanceCores: { raw: '5-10', parsed: '5-10' },
    });
  });

  it('a kernel without NUMA (no /sys/devices/system/node): one node 0 with /proc/meminfo\'s memory', () => {
    const dir = copyOf('no-tuned');
    rmSync(join(dir, 'sys/devices/system/node'), { recursive: true });
    const { snapshot: s, notes } = capture(dir);
    const meminfo = readFileSync(join(dir, 'proc/meminfo'), 'utf8');
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+) kB$`, 'm').exec(meminfo)![1]);
    assert.equal(s.nodes.length, 1);
    assert.deepEqual([s.nodes[0]!.id, s.nodes[0]!.cpus, s.nodes[0]!.memTotalKiB, s.nodes[0]!.memFreeKiB], [0, { raw: '0-7', parsed: '0-7' }, kb('MemTotal'), kb('MemFree')]);
    assert.deepEqual(s.nodes[0]!.hugepages, [{ sizeKiB: 2048, total: 0, free: 0, surplus: 0 }]);
    assert.equal(s.nodes[0]!.zones?.length, 5);
    assert.ok(notes.some((n) => /a kernel without NUMA/.test(n)), 'a note says so');
  });

  it('a NUMA host whose node directory is missing is refused naming a node the tree still shows, not captured as one node 0', () => {
    const dir = copyOf('dual-socket-isolated');
    rmSync(join(dir, 'sys/devices/system/node'), { recursive: true });
    // cpuN/node1 links and /proc/zoneinfo's "Node 1" say the host has a node 1: one node 0 would refuse every guest bound to it.
    assert.throws(() => capture(dir), /no \/sys\/devices\/system\/node, but the tree names node 1 \(cpuN\/node1 links or \/proc\/zoneinfo\)/);
  });

  it('an online mask that leaves out CPUs whose cpuN/online reads 1 (lxcfs in a container) is kept, with a note', () => {
    const dir = copyOf('no-tuned');
    writeFileSync(join(dir, 'sys/devices/system/cpu/online'), '0-3\n');
    const { snapshot: s, notes } = capture(dir);
    assert.equal(buildHostModel(s).online.toString(), '0-3');
    assert.ok(notes.some((n) => /cpu\/online leaves out CPUs 4-7, whose cpuN\/online reads 1: a virtualised \/sys/.test(n)), notes.join('\n'));
  });

  it('CPUs in cgroup v2 isolated partitions are named in a note (not read as isolation); an empty cpuset.cpus.isolated says nothing', () => {
    const dir = copyOf('no-tuned');
    mkdirSync(join(dir, 'sys/fs/cgroup'), { recursive: true });
    writeFileSync(join(dir, 'sys/fs/cgroup/cpuset.cpus.isolated'), '\n');
    assert.ok(!capture(dir).notes.some((n) => /cpuset\.cpus\.isolated/.test(n)));
    writeFileSync(join(dir, 'sys/fs/cgroup/cpuset.cpus.isolated'), '4-5\n');
    const { snapshot: s, notes } = capture(dir);
    assert.ok(notes.some((n) => /cpuset\.cpus\.isolated lists CPUs 4-5, isolated by cgroup v2 cpuset partitions: not read as isolation/.test(n)), notes.join('\n'));
    assert.equal(s.isolation?.isolated !== undefined, true, 'the kernel\'s own isolated mask is still what the snapshot records');
  });

  it('a directory that is not a /sys and /proc tree is a usage error', () => {
    assert.throws(() => captureHost({ root: temp() }), /has neither sys\/devices\/system\/cpu nor proc/);
  });
});
