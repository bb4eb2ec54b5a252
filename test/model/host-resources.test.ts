/**
 * What a host has: CPUs (present, possible, online), nodes (memoryless, with CPUs) and
 * hugepage sizes, as src/model/cpu-availability.ts, host-nodes.ts and hugepage-sizes.ts
 * derive them from snapshots of every source (capture, virsh capabilities, numactl).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CpuSet } from '../../src/model/cpuset.ts';
import { cpuAvailability, hostExistingCpus } from '../../src/model/cpu-availability.ts';
import type { HostSnapshot } from '../../src/model/host.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';
import { hostHasHugepageSize, hostHugepageSizes } from '../../src/model/hugepage-sizes.ts';
import { loadHostText } from '../../src/host/load.ts';

function snapshot(extra: Partial<HostSnapshot> = {}): HostSnapshot {
  return {
    kvmlintHostSnapshot: 1,
    cpus: { possible: '0-63', present: '0-31', online: '0-27,30-31' },
    nodes: [
      { id: 0, cpus: '0-15', memTotalKiB: 67108864, memFreeKiB: 43008000, hugepages: [{ sizeKiB: 2048, total: 8192 }] },
      { id: 1, cpus: '16-27,30-31', memTotalKiB: 67108864, memFreeKiB: 46080000, hugepages: [{ sizeKiB: 2048, total: 8192 }] },
    ],
    hugepages: { defaultSizeKiB: 2048, sizesKiB: [2048] },
    ...extra,
  };
}

const str = (a: Record<string, CpuSet>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.toString()]));

describe('HostModel.present', () => {
  it('is parsed from cpus.present, and undefined when the snapshot lacks it', () => {
    assert.equal(buildHostModel(snapshot()).present?.toString(), '0-31');
    assert.equal(buildHostModel(snapshot({ cpus: { online: '0-31' } })).present, undefined);
  });
});

describe('cpuAvailability', () => {
  const host = buildHostModel(snapshot());

  it('splits a set into online, offline (possible but not online, present or not) and absent (not possible) CPUs', () => {
    assert.deepEqual(str({ ...cpuAvailability(host, CpuSet.range(24, 41)) }), { online: '24-27,30-31', offline: '28-29,32-41', absent: '', unlisted: '' });
  });

  it('a CPU that is possible but not present is offline to a pin (cgroup v2 accepts it); one beyond possible does not exist', () => {
    assert.deepEqual(str({ ...cpuAvailability(host, CpuSet.of(40, 100)) }), { online: '', offline: '40', absent: '100', unlisted: '' });
  });

  it('works on intervals: the widest libvirt cpuset is never enumerated', () => {
    const a = cpuAvailability(host, CpuSet.range(0, 4294967295));
    assert.equal(a.absent.toString(), '64-4294967295');
    assert.equal(a.offline.toString(), '28-29,32-63');
  });

  it('says "unlisted" when the possible CPUs are not recorded, present or not', () => {
    const noPresent = buildHostModel(snapshot({ cpus: { possible: '0-31', online: '0-27,30-31' } }));
    assert.deepEqual(str({ ...cpuAvailability(noPresent, CpuSet.of(29, 40)) }), { online: '', offline: '29', absent: '40', unlisted: '' });
    // A hand-written snapshot with present only: a CPU beyond it may still be possible.
    const noPossible = buildHostModel(snapshot({ cpus: { present: '0-31', online: '0-27,30-31' } }));
    assert.equal(hostExistingCpus(noPossible), undefined);
    assert.deepEqual(str({ ...cpuAvailability(noPossible, CpuSet.of(29, 40)) }), { online: '', offline: '', absent: '', unlisted: '29,40' });
    // virsh capabilities / numactl: only the nodes' (online) CPUs are known.
    const onlyNodes = buildHostModel(snapshot({ cpus: undefined }));
    assert.equal(hostExistingCpus(onlyNodes), undefined);
    assert.deepEqual(str({ ...cpuAvailability(onlyNodes, CpuSet.of(27, 29, 40)) }), { online: '27', offline: '', absent: '', unlisted: '29,40' });
  });

  it('an online CPU exists whatever an inconsistent hand-written present list says', () => {
    const odd = buildHostModel(snapshot({ cpus: { possible: '0-31', present: '0-15', online: '0-31' } }));
    assert.equal(cpuAvailability(odd, CpuSet.of(20)).online.toString(), '20');
    assert.equal(cpuAvailability(odd, CpuSet.of(20)).absent.toString(), '');
  });
});

describe('hostNodeSets', () => {
  it('memoryless means MemTotal 0, not unknown; nodes with CPUs count online CPUs only', () => {
    const host = buildHostModel(
      snapshot({
        cpus: { possible: '0-23', present: '0-23', online: '0-15,16-23' },
        nodes: [
          { id: 0, cpus: '0-7', memTotalKiB: 33009472, memFreeKiB: 20971520 },
          { id: 1, cpus: '8-15', memTotalKiB: undefined },
          { id: 2, cpus: '16-23', memTotalKiB: 0, memFreeKiB: 0 },
          { id: 3, cpus: '', memTotalKiB: 33554432, memFreeKiB: 33030144 },
        ],
      }),
    );
    const sets = hostNodeSets(host);
    assert.equal(sets.all.toString(), '0-3');
    assert.equal(sets.memoryless.toString(), '2');
    assert.equal(sets.withCpus.toString(), '0-2');
    assert.equal(hostNodeSets(host), sets, 'computed once per host');
  });

  it('a node whose CPUs are all offline has no CPUs to run a guest cell on', () => {
    const host = buildHostModel(snapshot({ cpus: { possible: '0-31', present: '0-31', online: '0-15' } }));
    assert.equal(hostNodeSets(host).withCpus.toString(), '0');
  });

  it('numactl --hardware "size: 0 MB" and a virsh capabilities cell without <memory> beside cells with it read as memoryless', () => {
    const numactl = loadHostText(
      [
        'available: 3 nodes (0-2)',
        'node 0 cpus: 0 1 2 3',
        'node 0 size: 32000 MB',
        'node 0 free: 20000 MB',
        'node 1 cpus: 4 5 6 7',
        'node 1 size: 32000 MB',
        'node 1 free: 21000 MB',
        'node 2 cpus: 8 9 10 11',
        'node 2 size: 0 MB',
        'node 2 free: 0 MB',
        'node distances:',
        'node   0   1   2 ',
        '  0:  10  21  21 ',
        '  1:  21  10  21 ',
        '  2:  21  21  10 ',
        '',
      ].join('\n'),
      'numactl.txt',
    );
    assert.equal(hostNodeSets(buildHostModel(numactl)).memoryless.toString(), '2');

    const cell = (id: number, cpus: number[], kib: number) =>
      `<cell id='${id}'><memory unit='KiB'>${kib}</memory><pages unit='KiB' size='4'>0</pages><pages unit='KiB' size='2048'>0</pages>` +
      `<cpus num='${cpus.length}'>${cpus.map((c) => `<cpu id='${c}'/>`).join('')}</cpus></cell>`;
    const caps = loadHostText(
      `<capabilities><host><cpu><arch>x86_64</arch><pages unit='KiB' size='4'/><pages unit='KiB' size='2048'/></cpu>` +
        `<topology><cells num='2'>${cell(0, [0, 1], 16777216)}${cell(1, [2, 3], 0)}</cells></topology></host></capabilities>`,
      'caps.xml',
    );
    const sets = hostNodeSets(buildHostModel(caps));
    assert.equal(sets.memoryless.toString(), '1');
    assert.equal(sets.withCpus.toString(), '0-1');

    // What libvirt really writes: no <memory> at all for a node without memory (capabilities.c
    // virCapabilitiesHostNUMAFormat, `if (cell->mem)`), as on POWER8's CPU-only nodes 1 and 17.
    const noMemory = (id: number, cpus: number[]) => cell(id, cpus, 0).replace("<memory unit='KiB'>0</memory>", '');
    // num= as libvirt writes it: the number of cells listed (the importer refuses a count that disagrees).
    const capsOf = (cells: string) =>
      loadHostText(`<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='${cells.split('<cell ').length - 1}'>${cells}</cells></topology></host></capabilities>`, 'caps.xml');
    const real = capsOf(`${cell(0, [0, 1], 16777216)}${noMemory(1, [2, 3])}${noMemory(17, [4, 5])}`);
    assert.deepEqual(real.nodes.map((n) => n.memTotalKiB), [16777216, 0, 0]);
    assert.equal(hostNodeSets(buildHostModel(real)).memoryless.toString(), '1,17');
    assert.ok(!real.missing?.includes('node.memTotal'));
    // No cell with <memory> (a libvirt built without libnuma writes none): unknown, not memoryless.
    const none = capsOf(`${noMemory(0, [0, 1])}${noMemory(1, [2, 3])}`);
    assert.deepEqual(none.nodes.map((n) => n.memTotalKiB), [undefined, undefined]);
    assert.equal(hostNodeSets(buildHostModel(none)).memoryless.toString(), '');
    assert.ok(none.missing?.includes('node.memTotal'));
  });
});

describe('hostHugepageSizes / hostHasHugepageSize', () => {
  it('the union of hugepages.sizesKiB, every node pool (empty ones too) and the default size', () => {
    const host = buildHostModel(
      snapshot({
        hugepages: { defaultSizeKiB: 2048, sizesKiB: [2048] },
        nodes: [{ id: 0, cpus: '0-31', memTotalKiB: 1, hugepages: [{ sizeKiB: 1048576, total: 0 }] }],
      }),
    );
    assert.deepEqual([...hostHugepageSizes(host)!].sort((a, b) => a - b), [2048, 1048576]);
    assert.equal(hostHasHugepageSize(host, 1048576), true, 'a pool of 0 pages still exists: insufficient-hugepages, not unavailable');
    assert.equal(hostHasHugepageSize(host, 32768), false);
  });

  it('the base page size is ordinary memory to libvirt, hence always available', () => {
    const arm = buildHostModel(snapshot({ pageSizeKiB: 64, hugepages: { defaultSizeKiB: 524288, sizesKiB: [2048, 524288, 16777216] } }));
    assert.equal(hostHasHugepageSize(arm, 64), true);
    assert.equal(hostHasHugepageSize(arm, 1048576), false);
    assert.equal(hostHasHugepageSize(buildHostModel(snapshot()), 4), true);
  });

  it('undefined when the snapshot lists neither sizes nor any node pool (numactl --hardware)', () => {
    const host = buildHostModel(snapshot({ hugepages: undefined, nodes: [{ id: 0, cpus: '0-31', memTotalKiB: 1 }] }));
    assert.equal(hostHugepageSizes(host), undefined);
    assert.equal(hostHasHugepageSize(host, 1048576), undefined);
  });
});
