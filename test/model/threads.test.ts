import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { dedicatedCpuSet, dedicatedVcpuCpus, describeThread, domainThreads, emulatorTargetFor, isRealtimeDomain, realtimeVcpus, threadsOnCpu, vcpupinCpus, vcpusDedicatedWithin } from '../../src/model/threads.ts';
import { CpuSet } from '../../src/model/cpuset.ts';

function domain(body: string) {
  const doc = parseXml(`<domain type='kvm'>${body}</domain>`);
  assert.equal(doc.error, undefined);
  return buildDomainModel(doc.root!);
}

/** vCPUs 0 and 1 share CPU 4, vCPU 2 floats over 5-6, vCPU 3 has CPU 7 to itself. */
const COLLIDING_AND_FLOATING = `<vcpu>4</vcpu><cputune>
      <vcpupin vcpu='0' cpuset='4'/>
      <vcpupin vcpu='1' cpuset='4'/>
      <vcpupin vcpu='2' cpuset='5-6'/>
      <vcpupin vcpu='3' cpuset='7'/>
    </cputune>`;

const host = buildHostModel({ kvmlintHostSnapshot: 1, cpus: { online: '0-7' }, nodes: [{ id: 0, cpus: '0-7' }] });

test('threads: vCPU groups split by vcpusched, the emulator and each IOThread with their own policy', () => {
  const d = domain(`<vcpu placement='static' cpuset='4-7'>4</vcpu><iothreads>2</iothreads>
    <cputune>
      <vcpupin vcpu='0' cpuset='4'/>
      <vcpupin vcpu='1' cpuset='5'/>
      <emulatorpin cpuset='0-1'/>
      <iothreadpin iothread='2' cpuset='2'/>
      <vcpusched vcpus='1-3' scheduler='fifo' priority='10'/>
      <iothreadsched iothreads='2' scheduler='rr' priority='5'/>
      <emulatorsched scheduler='batch'/>
    </cputune>`);
  const got = domainThreads(d, host).map((t) => [describeThread(t), t.affinity.source, t.affinity.cpus?.toString(), t.policy, t.priority]);
  assert.deepEqual(got, [
    ['vCPU 0', 'vcpupin', '4', 'other', undefined],
    ['vCPU 1', 'vcpupin', '5', 'fifo', 10],
    // vCPUs 2-3 share the <vcpu cpuset> and the fifo policy.
    ['vCPUs 2-3', 'vcpu-cpuset', '4-7', 'fifo', 10],
    ['the emulator', 'emulatorpin', '0-1', 'batch', undefined],
    ['IOThread 1', 'vcpu-cpuset', '4-7', 'other', undefined],
    ['IOThread 2', 'iothreadpin', '2', 'rr', 5],
  ]);
});

test('threads: without a host, unpinned threads have unknown CPUs; with one, every online CPU', () => {
  const d = domain(`<vcpu>2</vcpu><cputune><vcpupin vcpu='0' cpuset='3'/></cputune>`);
  assert.equal(domainThreads(d).find((t) => t.kind === 'emulator')!.affinity.cpus, undefined);
  assert.equal(domainThreads(d, host).find((t) => t.kind === 'emulator')!.affinity.cpus?.toString(), '0-7');
});

test('dedicated vCPU CPUs: single-CPU affinities only, with every vCPU on each (collisions kept)', () => {
  const d = domain(COLLIDING_AND_FLOATING);
  assert.deepEqual([...dedicatedVcpuCpus(d, host)].map(([cpu, v]) => [cpu, v.toString()]), [
    [4, '0-1'],
    [7, '3'],
  ]);
  assert.equal(dedicatedCpuSet(d, host).toString(), '4,7');
});

test('isRealtimeDomain: a fifo/rr vcpusched covering a real vCPU; batch, or ids beyond <vcpu>, do not count', () => {
  assert.equal(isRealtimeDomain(domain(`<vcpu>2</vcpu><cputune><vcpusched vcpus='0-1' scheduler='rr' priority='1'/></cputune>`)), true);
  assert.equal(isRealtimeDomain(domain(`<vcpu>2</vcpu><cputune><vcpusched vcpus='0-1' scheduler='batch'/></cputune>`)), false);
  assert.equal(isRealtimeDomain(domain(`<vcpu>2</vcpu><cputune><vcpusched vcpus='4' scheduler='fifo' priority='1'/></cputune>`)), false);
  // A realtime emulator alone does not make a realtime guest (kvm-realtime is about the vCPUs).
  assert.equal(isRealtimeDomain(domain(`<vcpu>2</vcpu><cputune><emulatorsched scheduler='fifo' priority='1'/></cputune>`)), false);
  assert.equal(isRealtimeDomain(domain(`<vcpu>2</vcpu>`)), false);
});

test('vcpupinCpus: the union of valid vcpupin sets, floating ones included, <vcpu cpuset> not', () => {
  const d = domain(`<vcpu cpuset='20-23'>4</vcpu><cputune>
      <vcpupin vcpu='0' cpuset='4'/>
      <vcpupin vcpu='1' cpuset='6-7'/>
      <vcpupin vcpu='9' cpuset='12'/>
    </cputune>`);
  assert.equal(vcpupinCpus(d, host).toString(), '4,6-7');
});

test('threadsOnCpu: known sets that include the CPU, unpinned threads everywhere, numad placement left out', () => {
  const d = domain(`<vcpu>3</vcpu><iothreads>2</iothreads><cputune>
      <vcpupin vcpu='0' cpuset='4'/>
      <vcpupin vcpu='1' cpuset='4-5'/>
      <emulatorpin cpuset='0-1'/>
      <iothreadpin iothread='1' cpuset='4'/>
    </cputune>`);
  const vcpu0 = domainThreads(d).find((t) => t.kind === 'vcpu' && t.ids.has(0))!;
  // vCPU 2 and IOThread 2 have no pin: with or without a host they may run on CPU 4.
  assert.deepEqual(threadsOnCpu(d, 4, undefined, { except: vcpu0 }).map(describeThread), ['vCPU 1', 'vCPU 2', 'IOThread 1', 'IOThread 2']);
  assert.deepEqual(threadsOnCpu(d, 0, host).map(describeThread), ['vCPU 2', 'the emulator', 'IOThread 2']);
  const auto = domain(`<vcpu placement='auto'>2</vcpu><cputune><vcpupin vcpu='0' cpuset='4'/></cputune>`);
  assert.deepEqual(threadsOnCpu(auto, 4, host).map(describeThread), ['vCPU 0']);
});

test('threadsOnCpu: in thread order; explicitOnly leaves out unpinned threads', () => {
  const d = domain(`<vcpu cpuset='0-99'>4</vcpu><iothreads>2</iothreads><cputune>
      <vcpupin vcpu='0' cpuset='4'/>
      <vcpupin vcpu='1' cpuset='4-5'/>
      <vcpupin vcpu='2' cpuset='0-1000'/>
      <emulatorpin cpuset='4'/>
      <iothreadpin iothread='1' cpuset='6'/>
    </cputune>`);
  const names = (ts: ReturnType<typeof threadsOnCpu>) => ts.map(describeThread);
  // vCPU 3 and IOThread 2 follow <vcpu cpuset> (a set written in the XML), so explicitOnly keeps them.
  assert.deepEqual(names(threadsOnCpu(d, 4, host)), ['vCPU 0', 'vCPU 1', 'vCPU 2', 'vCPU 3', 'the emulator', 'IOThread 2']);
  const vcpu0 = domainThreads(d, host)[0]!;
  assert.deepEqual(names(threadsOnCpu(d, 4, host, { except: vcpu0, explicitOnly: true })), ['vCPU 1', 'vCPU 2', 'vCPU 3', 'the emulator', 'IOThread 2']);
  assert.deepEqual(names(threadsOnCpu(d, 500, host)), ['vCPU 2']);
  const floating = domain(`<vcpu>2</vcpu><iothreads>1</iothreads><cputune><vcpupin vcpu='0' cpuset='4'/></cputune>`);
  assert.deepEqual(names(threadsOnCpu(floating, 4)), ['vCPU 0', 'vCPU 1', 'the emulator', 'IOThread 1']);
  assert.deepEqual(names(threadsOnCpu(floating, 4, undefined, { explicitOnly: true })), ['vCPU 0']);
  // Wide sets are scanned rather than indexed: same answer at their edges.
  assert.deepEqual(names(threadsOnCpu(d, 1000, host)), ['vCPU 2']);
  assert.deepEqual(names(threadsOnCpu(d, 1001, host)), []);
});

test('realtimeVcpus: every vCPU under a fifo/rr vcpusched, none without one', () => {
  const d = domain(`<vcpu>6</vcpu><cputune>
      <vcpusched vcpus='0,2,4' scheduler='fifo' priority='1'/>
      <vcpusched vcpus='5' scheduler='rr' priority='1'/>
      <vcpusched vcpus='1' scheduler='batch'/>
    </cputune>`);
  assert.equal(realtimeVcpus(d).toString(), '0,2,4-5');
  assert.equal(realtimeVcpus(domain(`<vcpu>2</vcpu>`)).isEmpty, true);
});

test('vcpusDedicatedWithin: the vCPUs dedicated to any CPU of a set, floating pins left out', () => {
  const d = domain(COLLIDING_AND_FLOATING);
  assert.equal(vcpusDedicatedWithin(d, CpuSet.range(0, 7), host).toString(), '0-1,3');
  assert.equal(vcpusDedicatedWithin(d, CpuSet.of(5, 6, 7), host).toString(), '3');
  assert.equal(vcpusDedicatedWithin(d, CpuSet.range(0, 3), host).isEmpty, true);
  // A set as wide as any cpuset can be is not enumerated: only its intersection with the dedicated CPUs is.
  assert.equal(vcpusDedicatedWithin(d, CpuSet.range(0, 4294967295), host).toString(), '0-1,3');
});

test('emulatorTargetFor: housekeeping CPUs of the vCPUs\' node minus every vCPU pin and the SMT siblings of dedicated ones; none for a realtime emulator', () => {
  // 8 CPUs, siblings n and n+4; isolcpus=2-3,6-7 leaves housekeeping 0-1,4-5.
  const smt = buildHostModel({
    kvmlintHostSnapshot: 1,
    cpus: { online: '0-7' },
    nodes: [{ id: 0, cpus: '0-7' }],
    cpuTopology: Array.from({ length: 8 }, (_, cpu) => ({ cpu, node: 0, socket: 0, core: cpu % 4, siblings: `${cpu % 4},${(cpu % 4) + 4}` })),
    kernel: { cmdline: 'isolcpus=2-3,6-7' },
  });
  const pinned = (pins: string, extra = '') => domain(`<vcpu>2</vcpu><cputune>${pins}${extra}</cputune>`);
  // Dedicated vCPUs on isolated 2 and 3: the whole housekeeping set is free.
  assert.equal(emulatorTargetFor(pinned("<vcpupin vcpu='0' cpuset='2'/><vcpupin vcpu='1' cpuset='3'/>"), smt)?.cpus.toString(), '0-1,4-5');
  // A vCPU dedicated to housekeeping CPU 1 takes 1 and its sibling 5 out; a floating pin over 0,4 takes both.
  assert.equal(emulatorTargetFor(pinned("<vcpupin vcpu='0' cpuset='1'/><vcpupin vcpu='1' cpuset='3'/>"), smt)?.cpus.toString(), '0,4');
  assert.equal(emulatorTargetFor(pinned("<vcpupin vcpu='0' cpuset='1'/><vcpupin vcpu='1' cpuset='0,4'/>"), smt), undefined);
  // A fifo emulator gets no target: spread over housekeeping CPUs it would starve them.
  assert.equal(emulatorTargetFor(pinned("<vcpupin vcpu='0' cpuset='2'/><vcpupin vcpu='1' cpuset='3'/>", "<emulatorsched scheduler='fifo' priority='1'/>"), smt), undefined);
  // No housekeeping known: no target.
  assert.equal(emulatorTargetFor(pinned("<vcpupin vcpu='0' cpuset='2'/>"), undefined), undefined);
});
