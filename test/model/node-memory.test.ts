/**
 * src/model/node-memory.ts: which rule answers for a node's memory after the plan
 * (min-free-kbytes-exceeds-node-free or numa-memory-insufficient), and
 * src/model/memory-demand.ts strictSmallPageShares, the demand both read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { strictSmallPageKiBPerNode, strictSmallPageShares } from '../../src/model/memory-demand.ts';
import { hostNodeWatermarks, nodeMemoryVerdict } from '../../src/model/node-memory.ts';
import { nodeWatermarkShares } from '../../src/model/watermarks.ts';

function domain(body: string) {
  const doc = parseXml(`<domain type='kvm'><name>g</name>${body}</domain>`);
  assert.equal(doc.error, undefined);
  return buildDomainModel(doc.root!);
}

describe('nodeMemoryVerdict', () => {
  const min = 262144;
  const high = 396360;
  const v = (freeKiB: number, plannedKiB: number, w = true) => {
    const r = nodeMemoryVerdict({ freeKiB, plannedKiB, minKiB: w ? min : undefined, highKiB: w ? high : undefined });
    return r ? `${r.rule} ${r.level}` : 'fine';
  };

  it('planned guests that do not fit are numa-memory-insufficient\'s, whatever the watermarks', () => {
    assert.equal(v(46080000, 46080001), 'numa-memory-insufficient exceeds-free');
    assert.equal(v(100000, 200000), 'numa-memory-insufficient exceeds-free', 'even on a node already below min');
    assert.equal(v(46080000, 46080001, false), 'numa-memory-insufficient exceeds-free', 'without vm.min_free_kbytes too');
  });

  it('below min after the plan is min-free-kbytes-exceeds-node-free\'s, plan-made or not', () => {
    assert.equal(v(46080000, 46080000 - min + 1), 'min-free-kbytes-exceeds-node-free below-min');
    assert.equal(v(min - 1, 0), 'min-free-kbytes-exceeds-node-free below-min');
  });

  it('between min and high: the plan\'s when the node was above high before it, else the host\'s', () => {
    assert.equal(v(high, 1), 'numa-memory-insufficient below-high');
    assert.equal(v(46080000, 46080000 - high + 1), 'numa-memory-insufficient below-high');
    assert.equal(v(high - 1, 1), 'min-free-kbytes-exceeds-node-free below-high');
    assert.equal(v(high - 1, 0), 'min-free-kbytes-exceeds-node-free below-high');
  });

  it('at the watermarks exactly, or with no planned memory on a healthy node, nothing', () => {
    assert.equal(v(46080000, 46080000 - high), 'fine');
    assert.equal(v(high, 0), 'fine');
    assert.equal(v(1000, 1000, false), 'fine', 'without watermarks only "does not fit" is known');
  });
});

describe('hostNodeWatermarks', () => {
  const snapshot = {
    kvmlintHostSnapshot: 1 as const,
    nodes: [
      { id: 0, cpus: '0-7', memTotalKiB: 33554432, memFreeKiB: 25165824, zones: [{ name: 'DMA32', managedPages: 765000 }, { name: 'Normal', managedPages: 7340032 }, { name: 'Movable', managedPages: 0 }] },
      { id: 1, cpus: '8-15', memTotalKiB: 33554432, memFreeKiB: 25165824 },
      { id: 2, cpus: '', memTotalKiB: 0, memFreeKiB: 0 },
    ],
    vm: { minFreeKbytes: 262144, watermarkScaleFactor: 10 },
  };

  it('the kernel formula over zones with managed pages; MemTotal stands in where zoneinfo is missing; memoryless nodes hold no share', () => {
    const w = hostNodeWatermarks(buildHostModel(snapshot))!;
    assert.deepEqual(w.approximatedNodes, [1]);
    assert.deepEqual([...w.shares.keys()], [0, 1]);
    const expected = nodeWatermarkShares(
      [
        { node: 0, name: 'DMA32', managedPages: 765000 },
        { node: 0, name: 'Normal', managedPages: 7340032 },
        { node: 1, name: 'Normal', managedPages: 8388608 },
      ],
      262144,
      10,
    );
    assert.deepEqual([...w.shares.values()], expected);
  });

  it('undefined without vm.min_free_kbytes', () => {
    assert.equal(hostNodeWatermarks(buildHostModel({ ...snapshot, vm: undefined })), undefined);
  });
});

describe('strictSmallPageShares', () => {
  it('one share per strictly bound small-page slice, multi-node sets split evenly and marked as estimates', () => {
    const d = domain(`<memory unit='GiB'>12</memory><vcpu>4</vcpu>
      <numatune><memory mode='strict' nodeset='0-1'/><memnode cellid='0' mode='strict' nodeset='1'/><memnode cellid='2' mode='preferred' nodeset='0'/></numatune>
      <cpu><numa><cell id='0' cpus='0' memory='2' unit='GiB'/><cell id='1' cpus='1-2' memory='9' unit='GiB'/><cell id='2' cpus='3' memory='1' unit='GiB'/></numa></cpu>`);
    const shares = strictSmallPageShares(d).map((s) => [s.node, s.kib, s.spread, s.demand.cellId, s.demand.binding?.element.name]);
    assert.deepEqual(shares, [
      [1, 2097152, false, 0, 'memnode'],
      // Cell 1 follows <memory nodeset='0-1'>: 9 GiB spread over two nodes.
      [0, 4718592, true, 1, 'memory'],
      [1, 4718592, true, 1, 'memory'],
      // Cell 2 is preferred: it may fall back, so it is not counted.
    ]);
    assert.equal(strictSmallPageShares(d), strictSmallPageShares(d), 'computed once per domain');
    assert.deepEqual([...strictSmallPageKiBPerNode([d, d])], [
      [1, 2 * (2097152 + 4718592)],
      [0, 2 * 4718592],
    ]);
  });

  it('hugepage-backed and interleaved memory take nothing from MemFree here', () => {
    const hp = domain(`<memory unit='GiB'>4</memory><memoryBacking><hugepages/></memoryBacking><numatune><memory mode='strict' nodeset='0'/></numatune>`);
    const il = domain(`<memory unit='GiB'>4</memory><numatune><memory mode='interleave' nodeset='0-1'/></numatune>`);
    assert.deepEqual(strictSmallPageShares(hp), []);
    assert.deepEqual(strictSmallPageShares(il), []);
  });
});
