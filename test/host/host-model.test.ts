import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { HostSnapshot } from '../../src/model/host.ts';
import { buildHostModel, memparseKiB } from '../../src/model/host-model.ts';

/** The tuning guide's dual-socket host without any isolation; tests add what they exercise. */
function host(extra: Partial<HostSnapshot> = {}): HostSnapshot {
  return {
    kvmlintHostSnapshot: 1,
    hostname: 'hv01',
    cpus: { possible: '0-31', present: '0-31', online: '0-31' },
    nodes: [
      { id: 0, cpus: '0-15', memTotalKiB: 67108864, memFreeKiB: 43008000, hugepages: [{ sizeKiB: 2048, total: 8192, free: 8192 }] },
      { id: 1, cpus: '16-31', memTotalKiB: 67108864, memFreeKiB: 46080000, hugepages: [{ sizeKiB: 2048, total: 8192, free: 8192 }] },
    ],
    vm: { minFreeKbytes: 524288, watermarkScaleFactor: 10 },
    ...extra,
  };
}

const cmdline = (c: string): Partial<HostSnapshot> => ({ kernel: { cmdline: `BOOT_IMAGE=/vmlinuz ro ${c}` } });
const set = (s: CpuSet | undefined): string | undefined => s?.toString();

describe('buildHostModel isolation and housekeeping (rules.md §0)', () => {
  it('isolcpus without flags means domain', () => {
    const m = buildHostModel(host(cmdline('isolcpus=4-31')));
    assert.equal(set(m.isolation?.isolated), '4-31');
    assert.deepEqual(m.isolation?.sources, ['isolcpus']);
    assert.equal(set(m.housekeeping), '0-3');
  });

  it('isolcpus with nohz/domain/managed_irq flags isolates its CPUs', () => {
    const m = buildHostModel(host(cmdline('isolcpus=nohz,domain,managed_irq,2-31')));
    assert.equal(set(m.isolation?.isolated), '2-31');
    assert.equal(set(m.housekeeping), '0-1');
  });

  it('isolcpus=managed_irq alone does not isolate: no isolation declared', () => {
    const m = buildHostModel(host(cmdline('isolcpus=managed_irq,2-31')));
    assert.equal(m.isolation, undefined);
    assert.equal(m.housekeeping, undefined);
  });

  it('the union of isolcpus and nohz_full', () => {
    const m = buildHostModel(host(cmdline('isolcpus=domain,8-15 nohz_full=16-31 rcu_nocbs=8-31')));
    assert.equal(set(m.isolation?.isolated), '8-31');
    assert.deepEqual(m.isolation?.sources, ['isolcpus', 'nohz_full']);
    assert.equal(set(m.housekeeping), '0-7');
  });

  it('nohz_full alone isolates', () => {
    const m = buildHostModel(host(cmdline('nohz_full=1-15,17-31')));
    assert.equal(set(m.housekeeping), '0,16');
  });

  it('a command-line value naming a CPU beyond the possible range is ignored wholesale, with a note', () => {
    const m = buildHostModel(host(cmdline('isolcpus=4-63 nohz_full=8-31')));
    assert.equal(set(m.isolation?.isolated), '8-31');
    assert.equal(set(m.housekeeping), '0-7');
    assert.ok(m.isolation?.notes.some((n) => n.includes('isolcpus=4-63') && n.includes('beyond the possible CPUs 0-31')));
  });

  it('a rejected value still declares isolation: nothing is isolated, every online CPU is housekeeping', () => {
    const m = buildHostModel(host(cmdline('isolcpus=4-63')));
    assert.equal(m.isolation?.isolated.isEmpty, true);
    assert.equal(set(m.housekeeping), '0-31');
  });

  it('beyond-range is not judged when the possible CPUs are unknown', () => {
    const m = buildHostModel(host({ ...cmdline('isolcpus=4-63'), cpus: { online: '0-31' } }));
    assert.equal(set(m.isolation?.isolated), '4-63');
    assert.equal(set(m.housekeeping), '0-3');
  });

  it('a later parameter setting up the same isolation with other CPUs is ignored whole (housekeeping_setup)', () => {
    const m = buildHostModel(host(cmdline('isolcpus=nohz,domain,4-31 nohz_full=8-31')));
    assert.equal(set(m.isolation?.isolated), '4-31');
    assert.deepEqual(m.isolation?.sources, ['isolcpus']);
    assert.ok(m.isolation?.notes.some((n) => n.startsWith('nohz_full=8-31 is ignored') && n.includes('isolcpus=nohz,domain,4-31')));
    // Different isolation types do not clash: domain from isolcpus, nohz from nohz_full.
    const apart = buildHostModel(host(cmdline('isolcpus=domain,4-31 nohz_full=8-31')));
    assert.equal(set(apart.isolation?.isolated), '4-31');
    assert.equal(apart.isolation?.notes.length, 0);
  });

  it('a value that does not parse isolates nothing and says why; isolcpus notes are passed on', () => {
    const bad = buildHostModel(host(cmdline('nohz_full=4-x')));
    assert.equal(bad.isolation?.isolated.isEmpty, true);
    assert.ok(bad.isolation?.notes.some((n) => n.startsWith('nohz_full=4-x does not parse')));
    const flag = buildHostModel(host(cmdline('isolcpus=weird,4-31')));
    assert.equal(set(flag.isolation?.isolated), '4-31');
    assert.ok(flag.isolation?.notes.some((n) => n.includes("unknown flag 'weird'")));
  });

  it('the running kernel\'s /sys view wins over the command line, and the note says so', () => {
    const m = buildHostModel(host({ ...cmdline('isolcpus=4-31'), isolation: { isolated: '8-31', nohzFull: '' } }));
    assert.equal(set(m.isolation?.isolated), '8-31');
    // An empty nohz_full isolates nothing, so it is not named as a source.
    assert.deepEqual(m.isolation?.sources, ['/sys/devices/system/cpu/isolated']);
    assert.ok(m.isolation?.notes.some((n) => n.includes('4-31') && n.includes("using the running kernel's view")));
    assert.equal(set(m.housekeeping), '0-7');
  });

  it('/sys isolated and nohz_full are united; the {raw, parsed} form is read', () => {
    const m = buildHostModel(host({ isolation: { isolated: { raw: '4-15', parsed: '4-15' }, nohzFull: { raw: '16-31' } } }));
    assert.equal(set(m.isolation?.isolated), '4-31');
    assert.equal(m.isolation?.notes.length, 0);
  });

  it('an empty /sys view and nothing else: no isolation declared', () => {
    const m = buildHostModel(host({ isolation: { isolated: '', nohzFull: '' } }));
    assert.equal(m.isolation, undefined);
    assert.equal(m.housekeeping, undefined);
  });

  it('an empty /sys view overrides a command line that asked for isolation', () => {
    const m = buildHostModel(host({ ...cmdline('isolcpus=4-31'), isolation: { isolated: '' } }));
    assert.equal(m.isolation?.isolated.isEmpty, true);
    assert.equal(set(m.housekeeping), '0-31');
  });

  it('tuned cpu-partitioning isolated_cores, with negations subtracted last', () => {
    const m = buildHostModel(host({ tuned: { activeProfile: 'cpu-partitioning', isolatedCores: '^16,2-31' } }));
    assert.equal(set(m.isolation?.isolated), '2-15,17-31');
    assert.deepEqual(m.isolation?.sources, ['tuned isolated_cores']);
    assert.equal(set(m.housekeeping), '0-1,16');
  });

  it('tuned realtime-virtual-host counts; a profile that does not partition is ignored', () => {
    const rt = buildHostModel(host({ tuned: { activeProfile: 'realtime-virtual-host', isolatedCores: '2-31,!3' } }));
    assert.equal(set(rt.housekeeping), '0-1,3');
    const vh = buildHostModel(host({ tuned: { activeProfile: 'virtual-host', isolatedCores: '2-31' } }));
    assert.equal(vh.isolation, undefined);
  });

  it('tuned disagreeing with the booted command line: the union, with a note naming both', () => {
    const m = buildHostModel(host({ ...cmdline('isolcpus=4-15'), tuned: { activeProfile: 'cpu-partitioning', isolatedCores: '4-31' } }));
    assert.equal(set(m.isolation?.isolated), '4-31');
    assert.deepEqual(m.isolation?.sources, ['isolcpus', 'tuned isolated_cores']);
    const note = m.isolation?.notes.find((n) => n.includes('tuned isolated_cores'));
    assert.ok(note?.includes('4-15') && note.includes('the booted command line') && note.includes('union'), note);
  });

  it('isolating every present CPU leaves the boot CPU to housekeeping', () => {
    const m = buildHostModel(host(cmdline('isolcpus=0-31')));
    assert.equal(set(m.housekeeping), '0');
    assert.ok(m.isolation?.notes.some((n) => n.includes('boot CPU')));
  });

  it('no isolation anywhere: isolation and housekeeping undefined', () => {
    const m = buildHostModel(host(cmdline('quiet')));
    assert.equal(m.isolation, undefined);
    assert.equal(m.housekeeping, undefined);
  });

  it('a configured housekeeping set replaces online − I', () => {
    const none = buildHostModel(host(), { housekeepingOverride: CpuSet.range(0, 1) });
    assert.equal(set(none.housekeeping), '0-1');
    const iso = buildHostModel(host(cmdline('isolcpus=4-31')), { housekeepingOverride: CpuSet.of(0, 16) });
    assert.equal(set(iso.housekeeping), '0,16');
    assert.equal(set(iso.isolation?.isolated), '4-31');
  });
});

describe('buildHostModel CPUs and nodes', () => {
  it('looks CPUs and nodes up both ways', () => {
    const m = buildHostModel(host());
    assert.equal(m.nodeOfCpu(0), 0);
    assert.equal(m.nodeOfCpu(17), 1);
    assert.equal(m.nodeOfCpu(32), undefined);
    assert.equal(set(m.nodesOfCpus(CpuSet.of(3, 20))), '0-1');
    assert.equal(set(m.nodesOfCpus(CpuSet.of(20))), '1');
    assert.equal(set(m.nodesOfCpus(CpuSet.of(40))), '');
    assert.equal(set(m.cpusOfNodes(CpuSet.of(1))), '16-31');
    assert.equal(set(m.cpusOfNodes(CpuSet.of(0, 1))), '0-31');
    assert.equal(m.node(1)?.memFreeKiB, 46080000);
    assert.equal(m.node(2), undefined);
    assert.equal(m.name, 'hv01');
    assert.equal(buildHostModel(host(), { name: 'file.json' }).name, 'file.json');
  });

  it('online falls back to the nodes\' CPUs less those the topology marks offline', () => {
    const m = buildHostModel(
      host({ cpus: { possible: '0-31' }, cpuTopology: [{ cpu: 5, node: 0, online: false }, { cpu: 6, node: 0 }] }),
    );
    assert.equal(set(m.online), '0-4,6-31');
    assert.equal(set(m.possible), '0-31');
  });

  it('CPU-less and memory-less nodes are kept; a CPU-less node lists no CPUs', () => {
    const m = buildHostModel(
      host({
        nodes: [
          { id: 1, cpus: '0-7', memTotalKiB: 1 << 20 },
          { id: 0, cpus: '8-15' },
          { id: 2, cpus: '', memTotalKiB: 1 << 24 },
        ],
      }),
    );
    assert.deepEqual(m.nodes.map((n) => n.id), [0, 1, 2]);
    assert.equal(m.node(2)?.cpus.isEmpty, true);
    assert.equal(m.node(0)?.memTotalKiB, undefined);
    assert.equal(m.nodeOfCpu(3), 1);
  });

  it('kernel list grammar: strides in node CPU lists', () => {
    const m = buildHostModel(host({ nodes: [{ id: 0, cpus: '0-15:2/4' }], cpus: { possible: '0-15' } }));
    assert.equal(set(m.node(0)?.cpus), '0-1,4-5,8-9,12-13');
  });
});

describe('buildHostModel hugepages and defaults', () => {
  it('pools sorted by size with free undefined when unknown', () => {
    const m = buildHostModel(
      host({ nodes: [{ id: 0, cpus: '0-3', hugepages: [{ sizeKiB: 1048576, total: 4 }, { sizeKiB: 2048, total: 10, free: 3 }] }] }),
    );
    assert.deepEqual(m.node(0)?.hugepages, [
      { sizeKiB: 2048, total: 10, free: 3 },
      { sizeKiB: 1048576, total: 4, free: undefined },
    ]);
    assert.ok(m.missing.has('hugepages.free'));
  });

  it('default hugepage size: the snapshot\'s, else default_hugepagesz=, else the only size, else unknown', () => {
    assert.equal(buildHostModel(host({ hugepages: { defaultSizeKiB: 1048576 } })).defaultHugepageSizeKiB, 1048576);
    assert.equal(buildHostModel(host(cmdline('default_hugepagesz=1G hugepagesz=1G hugepages=16'))).defaultHugepageSizeKiB, 1048576);
    assert.equal(buildHostModel(host()).defaultHugepageSizeKiB, 2048);
    const two = host({ hugepages: { sizesKiB: [2048, 1048576] } });
    assert.equal(buildHostModel(two).defaultHugepageSizeKiB, undefined);
  });

  it('memparse sizes', () => {
    assert.equal(memparseKiB('2M'), 2048);
    assert.equal(memparseKiB('1g'), 1048576);
    assert.equal(memparseKiB('2048k'), 2048);
    assert.equal(memparseKiB('2097152'), 2048);
    assert.equal(memparseKiB('2MB'), undefined);
  });

  it('page size, sysctls and their defaults', () => {
    const m = buildHostModel(host({ vm: {} }));
    assert.equal(m.pageSizeKiB, 4);
    assert.equal(m.minFreeKbytes, undefined);
    assert.equal(m.watermarkScaleFactor, 10);
    assert.ok(m.missing.has('vm.min_free_kbytes'));
    const p = buildHostModel(host({ pageSizeKiB: 64, vm: { minFreeKbytes: 90112, watermarkScaleFactor: 200 } }));
    assert.deepEqual([p.pageSizeKiB, p.minFreeKbytes, p.watermarkScaleFactor], [64, 90112, 200]);
  });
});

describe('buildHostModel missing facts', () => {
  it('merges the snapshot\'s own list with absent fields, by stable name', () => {
    const m = buildHostModel(host({ missing: ['hugepages.free', 'custom'] }));
    for (const name of ['custom', 'hugepages.free', 'zoneinfo', 'cpuTopology', 'isolation']) assert.ok(m.missing.has(name), name);
    for (const name of ['hugepages', 'vm.min_free_kbytes', 'node.memFree']) assert.ok(!m.missing.has(name), name);
  });

  it('flags a node without MemFree and a snapshot without pools', () => {
    const m = buildHostModel(host({ nodes: [{ id: 0, cpus: '0-3', memTotalKiB: 1024 }] }));
    assert.ok(m.missing.has('node.memFree'));
    assert.ok(m.missing.has('hugepages'));
    const z = buildHostModel(host({ ...cmdline('quiet'), nodes: [{ id: 0, cpus: '0-3', zones: [{ name: 'Normal', managedPages: 10 }] }] }));
    assert.ok(!z.missing.has('zoneinfo'));
    assert.ok(!z.missing.has('isolation'));
  });
});

describe('buildHostModel isolation facts (structured, beside the notes)', () => {
  it('a value beyond the possible CPUs is a beyond-possible fact naming the parameter and CPU', () => {
    const m = buildHostModel(host(cmdline('isolcpus=4-63 nohz_full=8-31')));
    const f = m.isolation?.facts.find((x) => x.kind === 'beyond-possible');
    assert.deepEqual(f && f.kind === 'beyond-possible' ? [f.param, f.value, f.cpu, f.possible.toString()] : undefined, ['isolcpus', '4-63', 63, '0-31']);
  });

  it('nohz_full ignored for not matching isolcpus=nohz: ignored-mismatch with both values', () => {
    const m = buildHostModel(host(cmdline('isolcpus=nohz,domain,4-31 nohz_full=8-31')));
    const f = m.isolation?.facts.find((x) => x.kind === 'ignored-mismatch');
    assert.ok(f && f.kind === 'ignored-mismatch');
    assert.equal(f.value, '8-31');
    assert.deepEqual(f.earlier, { param: 'isolcpus', value: 'nohz,domain,4-31' });
    assert.equal(f.earlierCpus.toString(), '4-31');
  });

  it('a syntax error, a bare parameter, managed_irq alone, the kept boot CPU', () => {
    const kinds = (c: string) => buildHostModel(host(cmdline(c))).isolation?.facts.map((f) => f.kind) ?? [];
    assert.deepEqual(kinds('nohz_full=4-x'), ['unparseable']);
    assert.deepEqual(kinds('nohz_full isolcpus=4-31'), ['missing-value']);
    assert.deepEqual(kinds('isolcpus=0-31'), ['boot-cpu-kept']);
    // managed_irq alone declares no isolation (so no HostIsolation to carry the fact); the layers still show it.
    const managed = buildHostModel(host(cmdline('isolcpus=managed_irq,2-31')));
    assert.equal(managed.isolation, undefined);
    assert.deepEqual(managed.isolationLayers.isolcpusFlags, ['managed_irq']);
    assert.equal(set(managed.isolationLayers.managedIrq?.cpus), '2-31');
    assert.equal(set(managed.isolationLayers.domain?.cpus), '');
  });

  it('tuned isolated_cores differing from the booted kernel: tuned-vs-booted', () => {
    const m = buildHostModel(host({ ...cmdline('isolcpus=4-15'), tuned: { activeProfile: 'cpu-partitioning', isolatedCores: '4-31' } }));
    const f = m.isolation?.facts.find((x) => x.kind === 'tuned-vs-booted');
    assert.ok(f && f.kind === 'tuned-vs-booted');
    assert.deepEqual([f.tuned.toString(), f.booted.toString(), f.bootedBy], ['4-31', '4-15', 'command line']);
  });
});

describe('buildHostModel isolation layers', () => {
  const layers = (extra: Partial<HostSnapshot>) => buildHostModel(host(extra)).isolationLayers;

  it('isolcpus without flags is the domain set only; nohz_full the tick-less set; each names its source', () => {
    const l = layers(cmdline('isolcpus=4-31 nohz_full=8-31'));
    assert.equal(set(l.domain?.cpus), '4-31');
    assert.equal(l.domain?.source, 'isolcpus=4-31');
    assert.equal(l.domain?.param, 'isolcpus=4-31');
    assert.deepEqual(l.isolcpusFlags, ['domain']);
    assert.equal(set(l.nohz?.cpus), '8-31');
    assert.equal(l.nohz?.source, 'nohz_full=8-31');
    assert.ok(l.cmdlineKnown);
  });

  it('the isolcpus nohz flag is nohz_full; domain and nohz flags split into their layers', () => {
    const nohzOnly = layers(cmdline('isolcpus=nohz,4-31'));
    assert.equal(set(nohzOnly.domain?.cpus), '');
    assert.equal(set(nohzOnly.nohz?.cpus), '4-31');
    const both = layers(cmdline('isolcpus=nohz,domain,managed_irq,2-31'));
    assert.equal(set(both.domain?.cpus), '2-31');
    assert.equal(set(both.nohz?.cpus), '2-31');
    assert.equal(set(both.managedIrq?.cpus), '2-31');
  });

  it('nohz_full implies RCU callback offload (rcu_init_nohz): rcuOffload = rcu_nocbs ∪ nohz', () => {
    const l = layers(cmdline('isolcpus=4-31 nohz_full=8-31 rcu_nocbs=6-7'));
    assert.equal(set(l.rcuNocbs?.cpus), '6-7');
    assert.equal(set(l.rcuOffload), '6-31');
    const none = layers(cmdline('isolcpus=4-31'));
    assert.equal(set(none.rcuNocbs?.cpus), '');
    assert.equal(none.rcuNocbs?.source, 'the kernel command line (no rcu_nocbs)');
    assert.equal(set(none.rcuOffload), '');
  });

  it('rcu_nocbs: the last occurrence wins; bare offloads nothing; a bad list offloads every CPU', () => {
    assert.equal(set(layers(cmdline('rcu_nocbs=1-3 rcu-nocbs=4-7')).rcuNocbs?.cpus), '4-7');
    assert.equal(set(layers(cmdline('rcu_nocbs')).rcuNocbs?.cpus), '');
    const bad = layers(cmdline('rcu_nocbs=4-x'));
    assert.equal(set(bad.rcuNocbs?.cpus), '0-31');
    assert.deepEqual(bad.facts.map((f) => f.kind), ['unparseable']);
    const wide = layers(cmdline('rcu_nocbs=4-63'));
    assert.deepEqual(wide.facts.map((f) => f.kind), ['beyond-possible']);
  });

  it('irqaffinity: the last occurrence as written; a bad value is a fact and no layer', () => {
    const l = layers(cmdline('irqaffinity=0-1 irqaffinity=0-3'));
    assert.equal(set(l.irqAffinity?.cpus), '0-3');
    assert.equal(l.irqAffinity?.param, 'irqaffinity=0-3');
    const bad = layers(cmdline('irqaffinity=0-40'));
    assert.equal(bad.irqAffinity, undefined);
    assert.deepEqual(bad.facts.map((f) => f.kind), ['beyond-possible']);
  });

  it('the running kernel\'s /sys view wins per layer, with a cmdline-vs-running fact per disagreeing layer', () => {
    const l = layers({ ...cmdline('isolcpus=4-31 nohz_full=4-31'), isolation: { isolated: '4-31', nohzFull: { raw: '8-31' } } });
    assert.equal(set(l.domain?.cpus), '4-31');
    assert.equal(l.domain?.source, '/sys/devices/system/cpu/isolated');
    assert.equal(set(l.nohz?.cpus), '8-31');
    assert.equal(l.nohz?.path, 'isolation.nohzFull.raw');
    assert.deepEqual(
      l.facts.map((f) => (f.kind === 'cmdline-vs-running' ? [f.layer, f.commandLine.toString(), f.running.toString()] : f.kind)),
      [['nohz', '4-31', '8-31']],
    );
    assert.equal(set(l.commandLine?.nohz), '4-31');
  });

  it('without a command line: layers from /sys only, rcu offload unknown', () => {
    const l = layers({ isolation: { isolated: '4-31', nohzFull: '4-31' } });
    assert.equal(l.cmdlineKnown, false);
    assert.equal(set(l.nohz?.cpus), '4-31');
    assert.equal(l.rcuNocbs, undefined);
    assert.equal(l.rcuOffload, undefined);
    assert.equal(l.commandLine, undefined);
    const nothing = layers({});
    assert.equal(nothing.domain, undefined);
    assert.equal(nothing.nohz, undefined);
  });

  it('tuned isolated_cores under an isolating profile; no_balance_cores only for cpu-partitioning', () => {
    const cp = layers({ tuned: { activeProfile: 'cpu-partitioning', isolatedCores: '2-31', noBalanceCores: '8-15' } });
    assert.equal(set(cp.tunedIsolated?.cpus), '2-31');
    assert.equal(set(cp.tunedNoBalance?.cpus), '8-15');
    const rt = layers({ tuned: { activeProfile: 'realtime-virtual-host', isolatedCores: '2-31', noBalanceCores: '8-15' } });
    assert.equal(set(rt.tunedIsolated?.cpus), '2-31');
    assert.equal(rt.tunedNoBalance, undefined);
    const vh = layers({ tuned: { activeProfile: 'virtual-host', isolatedCores: '2-31' } });
    assert.equal(vh.tunedIsolated, undefined);
  });
});

describe('buildHostModel CPU topology', () => {
  const topo = [
    { cpu: 0, node: 0, socket: 0, core: 0, siblings: '0,16' },
    { cpu: 16, node: 0, socket: 0, core: 0, siblings: { raw: '0,16', parsed: '0,16' } },
    { cpu: 1, node: 0, socket: 0, core: 1 },
    { cpu: 17, node: 0, socket: 0, core: 1 },
    { cpu: 8, node: 1, socket: 1, core: 1 },
  ];

  it('siblings from thread_siblings_list, else from CPUs sharing socket, die and core', () => {
    const m = buildHostModel(host({ cpuTopology: topo }));
    assert.equal(set(m.siblingsOf(0)), '0,16');
    assert.equal(set(m.siblingsOf(16)), '0,16');
    assert.equal(set(m.siblingsOf(1)), '1,17');
    // core id 1 on another socket is another core.
    assert.equal(set(m.siblingsOf(8)), '8');
    assert.equal(m.siblingsOf(5), undefined);
    assert.deepEqual(m.placeOf(17), { socket: 0, die: undefined, core: 1, node: 0 });
    assert.equal(m.placeOf(5), undefined);
  });

  it('a sibling list always holds the CPU itself; no topology at all answers undefined', () => {
    const m = buildHostModel(host({ cpuTopology: [{ cpu: 3, siblings: '7' }] }));
    assert.equal(set(m.siblingsOf(3)), '3,7');
    const none = buildHostModel(host());
    assert.equal(none.siblingsOf(0), undefined);
    assert.equal(none.placeOf(0), undefined);
  });
});

describe('snapshots alike in CPUs share their CPU facts', () => {
  it('a second host with the same CPUs and command line gets the same sets; a housekeeping override note stays with its own host', () => {
    const overridden = buildHostModel(host(cmdline('isolcpus=4-31')), { housekeepingOverride: CpuSet.of(0, 1) });
    const plain = buildHostModel({ ...host(cmdline('isolcpus=4-31')), hostname: 'hv02' });
    assert.equal(plain.online, overridden.online);
    assert.equal(plain.isolation?.isolated, overridden.isolation?.isolated);
    assert.equal(set(plain.housekeeping), '0-3');
    assert.equal(set(overridden.housekeeping), '0-1');
    assert.ok(overridden.isolation?.notes.some((n) => n.startsWith('housekeeping set by configuration')));
    assert.ok(!plain.isolation?.notes.some((n) => n.startsWith('housekeeping set by configuration')));
  });

  it('one different sibling list is a different host', () => {
    const topology = (siblingsOf5: string): Partial<HostSnapshot> => ({
      cpuTopology: Array.from({ length: 32 }, (_, cpu) => ({ cpu, node: cpu < 16 ? 0 : 1, socket: cpu < 16 ? 0 : 1, core: cpu, siblings: { raw: cpu === 5 ? siblingsOf5 : String(cpu) } })),
    });
    const alone = buildHostModel(host(topology('5')));
    const paired = buildHostModel(host(topology('4-5')));
    assert.equal(alone.smt, false);
    assert.equal(paired.smt, true);
    assert.equal(set(paired.siblingsOf(5)), '4-5');
  });
});
