import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { affinityUses, describeUseThreads, SortedCpus } from '../../src/model/plan-cpus.ts';

function domain(body: string) {
  const doc = parseXml(`<domain type='kvm'>${body}</domain>`);
  assert.equal(doc.error, undefined);
  return buildDomainModel(doc.root!);
}

const host = (cmdline: string) =>
  buildHostModel({ kvmlintHostSnapshot: 1, cpus: { possible: '0-7', online: '0-7' }, nodes: [{ id: 0, cpus: '0-7' }], kernel: { cmdline } });

test('SortedCpus: ids inside a set, by interval, never enumerating the set', () => {
  const index = new SortedCpus([9, 2, 5, 2, 4294967295]);
  const inside = (s: CpuSet) => {
    const out: number[] = [];
    index.forEachIn(s, (c) => out.push(c));
    return out;
  };
  assert.deepEqual(inside(CpuSet.range(0, 4294967295)), [2, 5, 9, 4294967295]);
  assert.deepEqual(inside(CpuSet.fromIntervals([[3, 5], [8, 100]])), [5, 9]);
  assert.deepEqual(inside(CpuSet.of(3, 4)), []);
  assert.deepEqual(inside(CpuSet.empty), []);
  assert.equal(index.size, 4);
  assert.deepEqual((() => { const o: number[] = []; new SortedCpus([]).forEachIn(CpuSet.range(0, 9), (c) => o.push(c)); return o; })(), []);
});

test('affinityUses: one use per deciding attribute, with every thread it covers', () => {
  const d = domain(`<vcpu placement='static' cpuset='4-7'>4</vcpu><iothreads>1</iothreads>
    <cputune><vcpupin vcpu='0' cpuset='4'/><emulatorpin cpuset='0-1'/></cputune>`);
  const uses = affinityUses(d, host('isolcpus=4-7'));
  assert.deepEqual(
    uses.map((u) => [describeUseThreads(u), u.affinity.source, u.reach.toString(), u.explicit]),
    [
      ['vCPU 0', 'vcpupin', '4', true],
      // vCPUs 1-3 and IOThread 1 inherit <vcpu cpuset>: one use, one place to report.
      ['vCPUs 1-3 and IOThread 1', 'vcpu-cpuset', '4-7', true],
      ['the emulator', 'emulatorpin', '0-1', true],
    ],
  );
  assert.ok(uses.every((u) => u.range !== undefined));
});

test('affinityUses: an unpinned thread reaches every online CPU except the isolcpus domain set', () => {
  const d = domain(`<vcpu placement='static'>2</vcpu>`);
  const [withDomains] = affinityUses(d, host('isolcpus=4-7'));
  assert.deepEqual([withDomains!.affinity.source, withDomains!.reach.toString(), withDomains!.explicit, withDomains!.range], ['all-online', '0-3', false, undefined]);
  // nohz_full alone keeps the CPUs in the scheduler domains: the scheduler can place the thread there.
  const [nohzOnly] = affinityUses(d, host('nohz_full=4-7'));
  assert.equal(nohzOnly!.reach.toString(), '0-7');
  // numad placement: CPUs unknown, no use.
  assert.deepEqual(affinityUses(domain(`<vcpu placement='auto'>2</vcpu>`), host('isolcpus=4-7')), []);
});
