/**
 * `virsh capabilities` and `numactl --hardware` imports (fixtures/host-imports/):
 * what each shape yields, what each records as missing, how errors name the place
 * at fault, and that rules needing a missing fact stay silent with one info note.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lint } from '../../src/engine/runner.ts';
import { importCapabilities, looksLikeCapabilities } from '../../src/host/capabilities.ts';
import { HostSnapshotError, importHostText, loadHostFile, loadHostText } from '../../src/host/load.ts';
import { importNumactl, looksLikeNumactl } from '../../src/host/numactl.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import type { HostSnapshot } from '../../src/model/host.ts';
import { repoRoot } from '../support/paths.ts';

const dir = join(repoRoot, 'fixtures/host-imports');
const text = (name: string): string => readFileSync(join(dir, name), 'utf8');
const load = (name: string): HostSnapshot => loadHostFile(join(dir, name)).snapshot;
const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function importError(fn: () => unknown): HostSnapshotError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof HostSnapshotError, `expected HostSnapshotError, got ${String(err)}`);
    return err;
  }
  assert.fail('the input was accepted but should have been refused');
}

const CAPS_MISSING = ['hugepages.defaultSizeKiB', 'hugepages.free', 'isolation', 'kernel.cmdline', 'node.memFree', 'vm.min_free_kbytes', 'vm.watermark_scale_factor', 'zoneinfo'];
const NUMACTL_MISSING = ['cpuTopology', 'hugepages', 'hugepages.free', 'isolation', 'kernel.cmdline', 'vm.min_free_kbytes', 'vm.watermark_scale_factor', 'zoneinfo'];

describe('virsh capabilities import', () => {
  it('is detected by content, after an XML declaration and comments', () => {
    for (const f of ['caps-one-cell.xml', 'caps-dual-socket.xml', 'caps-four-cell.xml', 'caps-no-cpu-topology.xml', 'caps-no-topology.xml']) {
      assert.equal(looksLikeCapabilities(text(f)), true, f);
    }
    assert.equal(looksLikeCapabilities(`<?xml version="1.0"?>\n<!-- virsh capabilities on hv01 -->\n${text('caps-one-cell.xml')}`), true);
    assert.equal(looksLikeCapabilities("<domain type='kvm'/>"), false);
    assert.equal(looksLikeCapabilities(text('numactl-guide.txt')), false);
  });

  it('one cell: memory, pools (not the 4 KiB base pages), CPUs with socket, die, core and adjacent siblings', () => {
    const s = load('caps-one-cell.xml');
    assert.equal(s.source, 'virsh-capabilities');
    assert.deepEqual(s.missing, CAPS_MISSING);
    assert.equal(s.nodes.length, 1);
    assert.deepEqual(s.nodes[0], {
      id: 0,
      cpus: { raw: '0,1,2,3,4,5,6,7,8,9,10,11', parsed: '0-11' },
      memTotalKiB: 32596124,
      distances: [10],
      hugepages: [
        { sizeKiB: 2048, total: 1024 },
        { sizeKiB: 1048576, total: 0 },
      ],
    });
    assert.equal(s.pageSizeKiB, 4);
    assert.deepEqual(s.hugepages, { sizesKiB: [2048, 1048576] });
    assert.deepEqual(s.cpuTopology?.[5], { cpu: 5, node: 0, socket: 0, die: 0, core: 2, siblings: { raw: '4-5', parsed: '4-5' } });
    assert.equal(s.cpuTopology?.length, 12);
  });

  it('several cells with distances and pages: the tuning guide\'s dual-socket host', () => {
    const s = load('caps-dual-socket.xml');
    assert.deepEqual(
      s.nodes.map((n) => [n.id, n.cpus, n.memTotalKiB, n.distances, n.hugepages]),
      [
        [0, { raw: '0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15', parsed: '0-15' }, 67108864, [10, 21], [{ sizeKiB: 2048, total: 8192 }, { sizeKiB: 1048576, total: 0 }]],
        [1, { raw: '16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31', parsed: '16-31' }, 67108864, [21, 10], [{ sizeKiB: 2048, total: 8192 }, { sizeKiB: 1048576, total: 0 }]],
      ],
    );
    assert.deepEqual(s.cpuTopology?.find((c) => c.cpu === 20), { cpu: 20, node: 1, socket: 1, die: 0, core: 4, siblings: { raw: '20,28', parsed: '20,28' } });
    // The same host as the hand-written guide snapshot, as far as capabilities can say.
    const guide = JSON.parse(readFileSync(join(repoRoot, 'fixtures/hosts/dual-socket.json'), 'utf8')) as HostSnapshot;
    const m = buildHostModel(s);
    const g = buildHostModel(guide);
    for (const id of [0, 1]) {
      assert.equal(m.node(id)!.cpus.toString(), g.node(id)!.cpus.toString());
      assert.equal(m.node(id)!.memTotalKiB, g.node(id)!.memTotalKiB);
      assert.deepEqual(
        m.node(id)!.hugepages.filter((p) => p.total > 0).map((p) => [p.sizeKiB, p.total, p.free]),
        [[2048, 8192, undefined]],
        'pool size known, free pages not',
      );
    }
    assert.equal(m.isolation, undefined);
    assert.equal(m.housekeeping, undefined);
    assert.equal(m.minFreeKbytes, undefined);
    for (const f of ['isolation', 'zoneinfo', 'hugepages.free', 'node.memFree', 'vm.min_free_kbytes']) assert.equal(m.missing.has(f), true, f);
  });

  it('four cells with dies, 2 MiB and 1 GiB pools, and a 10/12 distance matrix', () => {
    const s = load('caps-four-cell.xml');
    assert.deepEqual(
      s.nodes.map((n) => (typeof n.cpus === 'string' ? n.cpus : n.cpus.parsed)),
      ['0-3,16-19', '4-7,20-23', '8-11,24-27', '12-15,28-31'],
    );
    assert.deepEqual(
      s.nodes.map((n) => n.distances),
      [
        [10, 12, 12, 12],
        [12, 10, 12, 12],
        [12, 12, 10, 12],
        [12, 12, 12, 10],
      ],
    );
    assert.deepEqual(
      s.nodes.map((n) => n.hugepages!.map((p) => p.total)),
      [
        [2048, 4],
        [1024, 8],
        [0, 16],
        [512, 0],
      ],
    );
    assert.deepEqual(
      [...new Set(s.cpuTopology!.map((c) => `${c.socket}/${c.die}`))],
      ['0/0', '0/1', '0/2', '0/3'],
    );
    assert.equal(buildHostModel(s).nodeOfCpu(29), 3);
  });

  it('no CPU topology (bare <cpu id>, no pages, no distances): nodes and memory only, the rest missing', () => {
    const imp = importCapabilities(text('caps-no-cpu-topology.xml'), 'old.xml');
    const s = imp.snapshot;
    assert.equal(s.cpuTopology, undefined);
    assert.deepEqual(s.missing, [...CAPS_MISSING, 'cpuTopology', 'hugepages', 'node.distances'].sort());
    assert.deepEqual(s.nodes[0]!.cpus, { raw: '0,2,4,6,8,10,12,14,16,18,20,22', parsed: '0,2,4,6,8,10,12,14,16,18,20,22' });
    assert.equal(s.nodes[1]!.memTotalKiB, 24772860);
    assert.equal(s.nodes[1]!.hugepages, undefined);
    assert.equal(s.hugepages, undefined);
    assert.deepEqual(imp.notes, [
      'the cells list CPU ids only (no socket_id, core_id or siblings): the CPU topology is left out',
      'the cells carry no <pages>: hugepage pools are unknown',
    ]);
    assert.equal(buildHostModel(s).nodeOfCpu(7), 1);
  });

  it('no <topology> at all: refused, naming the element and saying why', () => {
    const e = importError(() => loadHostFile(join(dir, 'caps-no-topology.xml')));
    assert.equal(e.field, 'capabilities/host');
    assert.match(e.message, /has no <topology><cells>: this capabilities document says nothing about NUMA nodes/);
    assert.equal(text('caps-no-topology.xml').slice(e.range!.start, e.range!.end), '<host>');
  });

  it('errors name the element (XPath) and point at it', () => {
    const base = text('caps-dual-socket.xml');
    const cases: Array<[string, string, RegExp, string]> = [
      [base.replace("<memory unit='KiB'>67108864</memory>", "<memory unit='KB'>lots</memory>"), 'capabilities/host/topology/cells/cell[1]/memory', /memory "lots"/, 'lots'],
      [base.replace("<cpu id='17' socket_id='1'", "<cpu id='3' socket_id='1'"), 'capabilities/host/topology/cells/cell[2]/cpus/cpu[2]', /CPU 3 is also in cell 0/, "id='3'"],
      [base.replace("<cpu id='1' socket_id='0'", "<cpu id='0' socket_id='0'"), 'capabilities/host/topology/cells/cell[1]/cpus/cpu[2]', /CPU 0 is listed twice in cell 0/, "id='0'"],
      [base.replace("<cell id='1'>", "<cell id='0'>"), 'capabilities/host/topology/cells/cell[2]', /cell id 0 appears twice/, "id='0'"],
      [base.replace("<pages unit='KiB' size='2048'>8192</pages>", "<pages unit='KiB' size='2048'>many</pages>"), 'capabilities/host/topology/cells/cell[1]/pages[2]', /page count "many"/, 'many'],
      [base.replace("<sibling id='1' value='21'/>", "<sibling id='1' value='far'/>"), 'capabilities/host/topology/cells/cell[1]/distances/sibling[2]', /value='far'/, "value='far'"],
    ];
    for (const [input, field, problem, at] of cases) {
      const e = importError(() => loadHostText(input, 'caps.xml'));
      assert.equal(e.field, field);
      assert.match(e.message, problem);
      assert.equal(input.slice(e.range!.start, e.range!.end), at, field);
    }
  });

  it('a page count beyond 2^53 - 1 is refused at the <pages> element, not as a JSON field', () => {
    const caps = text('caps-dual-socket.xml');
    const input = caps.replace(/(<pages unit='KiB' size='2048'>)\d+(<\/pages>)/, `$1${'9'.repeat(400)}$2`);
    assert.notEqual(input, caps);
    const e = importError(() => loadHostText(input, 'caps.xml'));
    assert.match(e.field, /\/pages\[/);
    assert.match(e.message, /page count 9{10}.* is larger than 9007199254740991/);
  });

  it('malformed XML: line and column', () => {
    const e = importError(() => loadHostText("<capabilities>\n  <host>\n    <topology>\n  </host>\n</capabilities>\n", 'caps.xml'));
    assert.match(e.message, /^caps\.xml: not well-formed XML at line 4, column \d+/);
  });

  it('other XML is not taken for a host: a domain given as --host says what it is', () => {
    const e = importError(() => loadHostText("<?xml version='1.0'?>\n<domain type='kvm'><name>x</name></domain>\n", 'vm.xml'));
    assert.match(e.message, /XML whose root is <domain> is not a host description: give `virsh capabilities` XML/);
    // Past any prolog, however long (a repeated group in a regular expression overflowed its stack).
    const long = importError(() => loadHostText(`<?xml version='1.0'?>\n<!DOCTYPE x>${'<!---->'.repeat(3_000_000)}\n<host/>\n`, 'h.xml'));
    assert.match(long.message, /XML whose root is <host> is not a host description/);
    assert.match(importError(() => loadHostText('<!-- never closed', 'h.xml')).message, /^h\.xml: XML is not a host description/);
  });

  it('a distances list lacking a sibling is left out for that cell, with a note', () => {
    const base = text('caps-dual-socket.xml');
    const input = base.replace("            <sibling id='0' value='21'/>\n", '');
    const r = importHostText(input, 'caps.xml');
    assert.equal(r.snapshot.nodes[1]!.distances, undefined);
    assert.deepEqual(r.snapshot.nodes[0]!.distances, [10, 21]);
    assert.ok(r.snapshot.missing!.includes('node.distances'), 'node.distances is missing');
    assert.deepEqual(r.notes, ['capabilities/host/topology/cells/cell[2]/distances gives no distance to cell 0; cell 1\'s distances left out']);
  });

  it('a real POWER8 host (vdsm S822L): cells 0, 1, 16, 17 (SMT off: one CPU per core) with 64 KiB base pages and a 16 MiB pool size', () => {
    // fixtures/host-imports/SOURCES.md: oVirt/vdsm tests/caps_libvirt_ibm_S822L_le.out, byte for byte.
    const s = load('caps-real-power8-s822l.xml');
    assert.deepEqual(s.nodes.map((n) => [n.id, typeof n.cpus === 'string' ? n.cpus : n.cpus.parsed, n.memTotalKiB]), [
      [0, '0,8,16,24,32', 67108864],
      [1, '40,48,56,64,72', 67108864],
      [16, '80,88,96,104,112', 67108864],
      [17, '120,128,136,144,152', 67108864],
    ]);
    assert.equal(s.pageSizeKiB, 64);
    assert.deepEqual(s.hugepages, { sizesKiB: [16384] });
    assert.deepEqual(s.nodes[0]!.hugepages, [{ sizeKiB: 16384, total: 0 }]);
    assert.deepEqual(s.nodes[2]!.distances, [40, 40, 10, 20]);
    assert.deepEqual(s.cpuTopology?.find((c) => c.cpu === 88), { cpu: 88, node: 16, socket: 16, core: 2088, siblings: { raw: '88', parsed: '88' } });
  });

  it('a cut or edited copy of real output: num= counts that disagree, a second distance to one cell', () => {
    // libvirt writes <cells num> and <cpus num> as the count it lists (virCapabilitiesHostNUMAFormat,
    // virCapsHostNUMACellCPUFormat): a CPU line lost in a copy made CPU 88 read as absent, every pin to it "offline".
    const real = text('caps-real-power8-s822l.xml');
    const cases: Array<[string, string, RegExp, string]> = [
      [real.replace("            <cpu id='88' socket_id='16' core_id='2088' siblings='88'/>\n", ''), 'capabilities/host/topology/cells/cell[3]/cpus', /num='5' but 4 <cpu> elements follow/, "num='5'"],
      [real.replace(/        <cell id='17'>[\s\S]*?<\/cell>\n/, ''), 'capabilities/host/topology/cells', /num='4' but 3 <cell> elements follow/, "num='4'"],
      [real.replace("<sibling id='1' value='20'/>", "<sibling id='1' value='20'/><sibling id='1' value='10'/>"), 'capabilities/host/topology/cells/cell[1]/distances/sibling[3]', /a second distance to cell 1/, "id='1'"],
    ];
    for (const [input, field, problem, at] of cases) {
      assert.notEqual(input, real, field);
      const e = importError(() => loadHostText(input, 'caps.xml'));
      assert.equal(e.field, field);
      assert.match(e.message, problem);
      assert.equal(input.slice(e.range!.start, e.range!.end), at, field);
    }
  });
});

describe('numactl --hardware import', () => {
  it('the guide\'s output: node cpus, size and free in MB (MiB), distances', () => {
    assert.equal(looksLikeNumactl(text('numactl-guide.txt')), true);
    const s = load('numactl-guide.txt');
    assert.equal(s.source, 'numactl-hardware');
    assert.deepEqual(s.missing, NUMACTL_MISSING);
    assert.deepEqual(s.nodes, [
      { id: 0, cpus: { raw: '0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15', parsed: '0-15' }, memTotalKiB: 65536 * 1024, memFreeKiB: 42000 * 1024, distances: [10, 21] },
      { id: 1, cpus: { raw: '16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31', parsed: '16-31' }, memTotalKiB: 65536 * 1024, memFreeKiB: 45000 * 1024, distances: [21, 10] },
    ]);
    // The same numbers as the hand-written guide snapshot.
    const guide = JSON.parse(readFileSync(join(repoRoot, 'fixtures/hosts/dual-socket.json'), 'utf8')) as HostSnapshot;
    assert.deepEqual(
      s.nodes.map((n) => [n.memTotalKiB, n.memFreeKiB, n.distances]),
      guide.nodes.map((n) => [n.memTotalKiB, n.memFreeKiB, n.distances]),
    );
    const m = buildHostModel(s);
    assert.equal(m.nodeOfCpu(20), 1);
    assert.equal(m.node(0)!.hugepages.length, 0);
    assert.equal(m.isolation, undefined);
  });

  it('a four-node host with CPUs interleaved across nodes', () => {
    const s = load('numactl-four-node.txt');
    assert.equal(s.nodes.length, 4);
    assert.deepEqual(
      s.nodes.map((n) => [n.id, buildHostModel(s).node(n.id)!.cpus.size, n.memTotalKiB, n.memFreeKiB]),
      [
        [0, 24, 257740 * 1024, 201344 * 1024],
        [1, 24, 258038 * 1024, 187211 * 1024],
        [2, 24, 258038 * 1024, 222980 * 1024],
        [3, 24, 258015 * 1024, 13790 * 1024],
      ],
    );
    assert.deepEqual(s.nodes[2]!.cpus, {
      raw: '2 6 10 14 18 22 26 30 34 38 42 46 50 54 58 62 66 70 74 78 82 86 90 94',
      parsed: '2,6,10,14,18,22,26,30,34,38,42,46,50,54,58,62,66,70,74,78,82,86,90,94',
    });
    assert.deepEqual(s.nodes[3]!.distances, [21, 21, 21, 10]);
  });

  it('sparse node ids, a CPU-less node, and distances matched by the header\'s ids', () => {
    const input = [
      'available: 3 nodes (0,2-3)',
      'node 0 cpus: 0 1 2 3',
      'node 0 size: 15948 MB',
      'node 0 free: 12001 MB',
      'node 2 cpus: 4 5 6 7',
      'node 2 size: 16120 MB',
      'node 2 free: 15002 MB',
      'node 3 cpus:',
      'node 3 size: 65536 MB',
      'node 3 free: 65000 MB',
      'node distances:',
      'node   0   2   3 ',
      '  0:  10  21  24 ',
      '  2:  21  10  24 ',
      '  3:  24  24  10 ',
      '',
    ].join('\n');
    const s = importNumactl(input, 'n.txt').snapshot;
    assert.deepEqual(
      s.nodes.map((n) => [n.id, n.cpus, n.distances]),
      [
        [0, { raw: '0 1 2 3', parsed: '0-3' }, [10, 21, 24]],
        [2, { raw: '4 5 6 7', parsed: '4-7' }, [21, 10, 24]],
        [3, { raw: '', parsed: '' }, [24, 24, 10]],
      ],
    );
    assert.deepEqual(loadHostText(input, 'n.txt').nodes.length, 3, 'and it passes the snapshot checks');
  });

  it('errors name the line', () => {
    const base = text('numactl-guide.txt');
    const cases: Array<[string, string, RegExp]> = [
      [base.replace('node 1 free: 45000 MB', 'node 1 free: 45000 GB'), 'line 7', /expected a size in MB, found "GB"/],
      [base.replace('node 0 cpus: 0 1 2', 'node 0 cpus: 0 x 2'), 'line 2', /is not a list of CPU numbers/],
      [base.replace('  1:  21  10 ', '  1:  21 '), 'line 11', /distance row for node 1 has 1 values for 2 nodes/],
      [base.replace('node 1 cpus: 16 17', 'node 1 cpus: 15 16 17'), 'nodes[1].cpus.raw', /CPU 15 is also in node 0/],
    ];
    for (const [input, field, problem] of cases) {
      const e = importError(() => loadHostText(input, 'numactl.txt'));
      assert.equal(e.field, field);
      assert.match(e.message, problem);
    }
    const noNuma = importError(() => loadHostText('No NUMA available on this system\n', 'numactl.txt'));
    assert.match(noNuma.message, /numactl found no NUMA support on that system/);
    // A distance header of millions of entries is refused by line (its regular expression overflowed the stack).
    const huge = base.replace(/node distances:\nnode[^\n]*\n/, `node distances:\nnode${' 0'.repeat(3_000_000)}\n`);
    const wide = importError(() => loadHostText(huge, 'numactl.txt'));
    assert.equal(wide.field, 'line 9');
    assert.match(wide.message, /the distance table names 3000000 nodes: Linux has at most 1024/);
  });

  it('two real outputs in one file are refused at the first repeated line, not merged', () => {
    // numactl.c hardware() prints each line once. Two hosts' outputs in one file (numactl/numactl#165's
    // Threadripper, memtest86plus#346's Opteron: fixtures/host-imports/SOURCES.md) were read as one host: the
    // Opteron's node 0-3 CPUs, sizes and distances replaced the Threadripper's, silently.
    const tr = text('numactl-real-tr3960x-nps4.txt');
    const opteron = text('numactl-real-opteron6272.txt');
    assert.deepEqual(load('numactl-real-tr3960x-nps4.txt').nodes.map((n) => [n.id, n.memTotalKiB]), [[0, 0], [1, 65850368], [2, 66019328], [3, 0]]);
    const twice = importError(() => loadHostText(tr + opteron, 'numactl.txt'));
    assert.equal(twice.field, 'line 20');
    assert.match(twice.message, /the "available: N nodes" line is given twice \(first on line 1\)/);
    // Without the second "available:" line, each repeated fact is refused where it repeats.
    const cases: Array<[string, string, RegExp]> = [
      [tr + opteron.replace(/^available:.*\n/, ''), 'line 20', /node 0 cpus is given twice \(first on line 2\)/],
      [tr.replace('node 1 free: 19214 MB\n', 'node 1 free: 19214 MB\nnode 1 size: 64307 MB\n'), 'line 8', /node 1 size is given twice \(first on line 6\)/],
      [tr.replace('  3:  12  12  12  10 \n', '  3:  12  12  12  10 \n  0:  10  12  12  12 \n'), 'line 20', /the distance row for node 0 is given twice \(first on line 16\)/],
    ];
    for (const [input, field, problem] of cases) {
      const e = importError(() => loadHostText(input, 'numactl.txt'));
      assert.equal(e.field, field);
      assert.match(e.message, problem);
    }
  });

  it('old and broken outputs: libnuma warnings first, "<not available>" sizes, nodes without a cpus line, no CPU at all', () => {
    const base = text('numactl-guide.txt');
    // libnuma's warnings go to stderr; captured with 2>&1 they come first.
    const warned = `libnuma: Warning: /sys not mounted or invalid. Assuming one node: No such file or directory\n${base}`;
    assert.equal(looksLikeNumactl(warned), true);
    assert.equal(loadHostText(warned, 'numactl.txt').nodes.length, 2);
    // numactl.c fmt_mem prints "<not available>" when numa_node_size64() fails: unknown, not a parse error.
    const unread = importNumactl(base.replace('node 1 size: 65536 MB', 'node 1 size: <not available>'), 'numactl.txt');
    assert.equal(unread.snapshot.nodes[1]!.memTotalKiB, undefined);
    assert.ok(unread.snapshot.missing?.includes('node.memTotal'));
    assert.ok(unread.notes.some((n) => /node 1 size: numactl could not read it/.test(n)));
    // numactl 1.0.x left out the cpus line of a node whose CPUs it could not read: unknown, so refused.
    const noCpuLine = importError(() => loadHostText(base.replace(/node 1 cpus:[^\n]*\n/, ''), 'numactl.txt'));
    assert.equal(noCpuLine.field, 'line 5');
    assert.match(noCpuLine.message, /node 1 has no "node 1 cpus:" line: which CPUs it holds is unknown/);
    // Without /sys, numactl prints empty cpus lines and no sizes: no host to lint against.
    const noSys = ['available: 1 nodes (0-0)', 'node 0 cpus:', 'node 0 size: <not available>', 'node 0 free: <not available>', 'No distance information available.', ''].join('\n');
    const empty = importError(() => loadHostText(noSys, 'numactl.txt'));
    assert.match(empty.message, /no node lists a CPU: numactl could not read the nodes/);
  });
});

describe('rules with an imported host: what the source cannot say stays silent, once', () => {
  const domains = ['housekeeping-overlap.xml', 'insufficient-hugepages.xml', 'min-free-kbytes-exceeds-node-free.xml', 'missing-emulatorpin.xml', 'pin-crosses-nodeset.xml'].map((f) =>
    join(repoRoot, 'examples/domains', f),
  );

  it('virsh capabilities: no isolation, no sysctls, no free memory: one info each; pool sizes still count, with no default page size', async () => {
    const r = await lint({ paths: domains, hostFile: join(dir, 'caps-dual-socket.xml'), cwd: repoRoot });
    const onHost = r.diagnostics.filter((d) => d.file === 'fixtures/host-imports/caps-dual-socket.xml');
    assert.deepEqual(
      onHost.map((d) => [d.ruleId, d.severity, d.line]),
      [
        ['housekeeping-overlap', 'info', 1],
        ['min-free-kbytes-exceeds-node-free', 'info', 1],
        // The cells carry <memory> but no free memory: the strictly bound guest is not checked.
        ['numa-memory-insufficient', 'info', 1],
      ],
    );
    assert.equal(r.diagnostics.filter((d) => d.ruleId === 'housekeeping-overlap' && d.severity !== 'info').length, 0);
    // The source cannot say, which is not the same as a host that isolates nothing.
    assert.match(onHost[0]!.message, /a virsh-capabilities snapshot does not record the host's isolation/);
    assert.doesNotMatch(onHost[0]!.message, /declares no isolation/);

    // Two guests binding 2 × 8192 pages of 2 MiB to node 0, whose <pages> pool holds 8192.
    const t = mkdtempSync(join(tmpdir(), 'kvmlint-caps-'));
    temps.push(t);
    const guest = readFileSync(join(repoRoot, 'examples/domains/insufficient-hugepages.xml'), 'utf8');
    writeFileSync(join(t, 'a.xml'), guest);
    // Each copy its own <name> and <uuid>: libvirt refuses a second definition under a uuid it holds, so
    // a copy with only a new name is not a second guest (duplicate-domain-identity reports it).
    const copy = (name: string, i: number) => guest.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`).replace(/<uuid>[0-9a-f]{8}/, `<uuid>0000000${i}`);
    writeFileSync(join(t, 'b.xml'), copy('second', 1));
    for (const [i, name] of ['c', 'd'].entries()) {
      writeFileSync(join(t, `${name}.xml`), copy(name, i + 2).replace(/<page size='2048' unit='KiB'\/>/, ''));
    }
    const paths = ['a', 'b', 'c', 'd'].map((n) => join(t, `${n}.xml`));
    const over = await lint({ paths, hostFile: join(dir, 'caps-dual-socket.xml'), cwd: t });
    const hp = over.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages');
    assert.ok(hp.some((d) => d.severity === 'error' && /host node 0 has 8192 × 2 MiB hugepages/.test(d.message)), `pools from <pages> are checked: ${JSON.stringify(hp.map((d) => d.message))}`);
    // Capabilities do not say which size is the default: a <hugepages/> without <page size> is not guessed at, once.
    assert.deepEqual(
      hp.filter((d) => d.severity === 'info').map((d) => d.message),
      ['the snapshot has no default hugepage size: hugepages without an explicit <page size> are not checked'],
    );
  });

  it('numactl: no hugepages, no sysctls: silent with an info note, no guessing', async () => {
    const t = mkdtempSync(join(tmpdir(), 'kvmlint-numactl-'));
    temps.push(t);
    writeFileSync(join(t, 'host.txt'), text('numactl-guide.txt'));
    const r = await lint({ paths: domains, hostFile: join(t, 'host.txt'), cwd: t });
    const minFree = r.diagnostics.filter((d) => d.ruleId === 'min-free-kbytes-exceeds-node-free');
    assert.deepEqual(
      minFree.map((d) => [d.severity, d.message]),
      [['info', 'the snapshot has no vm.min_free_kbytes: min-free-kbytes-exceeds-node-free is not checked']],
    );
    // No pools known: not "0 pages on every node", but one note.
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages').map((d) => [d.severity, d.file, d.message]),
      [['info', 'host.txt', 'the snapshot has no hugepage pools (its source cannot provide them): insufficient-hugepages is not checked']],
    );
  });
});
