import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintPlan } from '../../src/api.ts';

// The realtime vCPUs left floating are realtime-sched-unsafe's finding; the message still names them, so it
// does not read as if they were pinned (a real VFIO guest: vCPU 0 pinned, 1 and 3 fifo without a pin).
test('vcpu-partially-pinned: floating realtime vCPUs are named as not pinned, and reported by realtime-sched-unsafe', () => {
  const text = `<domain type='kvm'>
  <name>rt-mixed</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>5</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='4'/>
    <emulatorpin cpuset='0-1'/>
    <vcpusched vcpus='1,3' scheduler='fifo' priority='1'/>
  </cputune>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
</domain>
`;
  const found = lintPlan({ domains: [{ path: 'vm.xml', text }] }).diagnostics;
  const partial = found.filter((d) => d.ruleId === 'vcpu-partially-pinned');
  assert.deepEqual(
    partial.map((d) => d.message),
    ['vCPU 0 is pinned to CPU 4 but vCPUs 2,4 are not, nor are realtime vCPUs 1,3: they float over every host CPU, CPU 4 included'],
  );
  assert.ok(found.some((d) => d.ruleId === 'realtime-sched-unsafe'), 'the realtime ones have their own finding');
});
