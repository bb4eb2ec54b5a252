import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintPlan } from '../../src/api.ts';

const domain = (arch: string, timers: string) => `<domain type='kvm'>
  <name>t</name>
  <memory unit='GiB'>2</memory>
  <vcpu>2</vcpu>
  <os><type arch='${arch}' machine='${arch === 'aarch64' ? 'virt' : 'q35'}'>hvm</type></os>
  <clock offset='utc'>
${timers}
  </clock>
</domain>
`;

const timerFindings = (arch: string, timers: string) =>
  lintPlan({ domains: [{ path: 'vm.xml', text: domain(arch, timers) }] })
    .diagnostics.filter((d) => d.ruleId === 'platform-config-invalid')
    .map((d) => d.messageId);

// The rule reads a guest's timers only when <clock> holds a word one of its findings needs: each finding is kept,
// also when a character reference spells that word, and virt-manager's usual timers stay clean.
test('platform-config-invalid timers: every finding survives the text test before the timers are read', () => {
  const usual = "    <timer name='rtc' tickpolicy='catchup'/>\n    <timer name='pit' tickpolicy='delay'/>\n    <timer name='hpet' present='no'/>";
  assert.deepEqual(timerFindings('x86_64', usual), []);
  assert.deepEqual(timerFindings('x86_64', "    <timer name='platform'/>"), ['timerPlatform']);
  assert.deepEqual(timerFindings('x86_64', "    <timer name='&#112;latform'/>"), ['timerPlatform']);
  assert.deepEqual(timerFindings('x86_64', "    <timer name='rtc' track='&#98;oot'/>"), ['rtcTrackBoot']);
  assert.deepEqual(timerFindings('x86_64', "    <timer name='pit' tickpolicy='merge'/>"), ['timerTickpolicy']);
  assert.deepEqual(timerFindings('x86_64', "    <timer name='rtc' tickpolicy='discard'/>"), ['timerTickpolicy']);
  assert.deepEqual(timerFindings('x86_64', "    <timer name='kvmclock' present='yes'/>"), []);
  assert.deepEqual(timerFindings('aarch64', "    <timer name='kvmclock' present='yes'/>"), ['timerNotX86']);
  assert.deepEqual(timerFindings('aarch64', "    <timer name='hpet' present='&#121;es'/>"), ['timerNotX86']);
  assert.deepEqual(timerFindings('aarch64', "    <timer name='armvtimer' tickpolicy='catchup'/>"), ['timerTickpolicy']);
});
