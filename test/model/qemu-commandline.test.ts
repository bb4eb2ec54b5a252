import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from '../../src/xml/parse.ts';
import { commandlineCpu, enablesFeature } from '../../src/model/qemu-commandline.ts';

const NS = 'http://libvirt.org/schemas/domain/qemu/1.0';

function cpuOf(xml: string) {
  const doc = parseXml(xml);
  assert.equal(doc.error, undefined);
  return commandlineCpu(doc.root!);
}

test('the last -cpu (or --cpu) of every QEMU-namespace <commandline> wins, as QEMU keeps the last one', () => {
  const cpu = cpuOf(`<domain type='kvm' xmlns:qemu='${NS}'><name>a</name>
    <qemu:commandline><qemu:arg value='-cpu'/><qemu:arg value='Penryn'/></qemu:commandline>
    <qemu:commandline><qemu:arg value='-device'/><qemu:arg value='usb-kbd'/><qemu:arg value='--cpu'/><qemu:arg value='Haswell,+invtsc,vendor=GenuineIntel'/></qemu:commandline>
  </domain>`);
  assert.equal(cpu?.model, 'Haswell');
  assert.deepEqual(cpu?.properties, ['+invtsc', 'vendor=GenuineIntel']);
  assert.equal(cpu?.attr.value, 'Haswell,+invtsc,vendor=GenuineIntel');
});

test('any prefix bound to the namespace, on the element or the root, or a default namespace; nothing else', () => {
  assert.equal(cpuOf(`<domain><q:commandline xmlns:q='${NS}'><q:arg value='-cpu'/><q:arg value='max'/></q:commandline></domain>`)?.model, 'max');
  assert.equal(cpuOf(`<domain><commandline xmlns='${NS}'><arg value='-cpu'/><arg value='host'/></commandline></domain>`)?.model, 'host');
  // Bound to another URI, or rebound on the element: not libvirt's pass-through.
  assert.equal(cpuOf(`<domain xmlns:qemu='http://example.com/'><qemu:commandline><qemu:arg value='-cpu'/><qemu:arg value='host'/></qemu:commandline></domain>`), undefined);
  assert.equal(cpuOf(`<domain xmlns:qemu='${NS}'><qemu:commandline xmlns:qemu='urn:other'><qemu:arg value='-cpu'/><qemu:arg value='host'/></qemu:commandline></domain>`), undefined);
  // A plain <commandline> in no namespace, or a pass-through below <domain>'s children, is not read by libvirt either.
  assert.equal(cpuOf(`<domain><commandline><arg value='-cpu'/><arg value='host'/></commandline></domain>`), undefined);
  assert.equal(cpuOf(`<domain xmlns:qemu='${NS}'><metadata><qemu:commandline><qemu:arg value='-cpu'/><qemu:arg value='host'/></qemu:commandline></metadata></domain>`), undefined);
  // -cpu as the last argument has no value: nothing to judge.
  assert.equal(cpuOf(`<domain xmlns:qemu='${NS}'><qemu:commandline><qemu:arg value='-cpu'/></qemu:commandline></domain>`), undefined);
});

test('a feature is on with +feature or feature=on|yes|true|y, the last mention deciding', () => {
  const cpu = (value: string) => cpuOf(`<domain xmlns:qemu='${NS}'><qemu:commandline><qemu:arg value='-cpu'/><qemu:arg value='${value}'/></qemu:commandline></domain>`)!;
  assert.equal(enablesFeature(cpu('Skylake-Server,+invtsc'), 'invtsc'), true);
  assert.equal(enablesFeature(cpu('Skylake-Server,invtsc=on'), 'invtsc'), true);
  assert.equal(enablesFeature(cpu('Skylake-Server,invtsc=y'), 'invtsc'), true);
  assert.equal(enablesFeature(cpu('Skylake-Server,+invtsc,-invtsc'), 'invtsc'), false);
  assert.equal(enablesFeature(cpu('Skylake-Server,invtsc=off'), 'invtsc'), false);
  assert.equal(enablesFeature(cpu('Skylake-Server,+invtscx'), 'invtsc'), false);
  assert.equal(enablesFeature(cpu('Penryn'), 'invtsc'), false);
});
