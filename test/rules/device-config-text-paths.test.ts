import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintPlan } from '../../src/api.ts';

// device-config-invalid reads the devices' text first and builds their elements only when that text may hold
// something to find. These cases are written the ways the text test does not read plainly (quotes, hex case,
// attribute order, comments, entities): each must still be found, by the element walk.
function domain(devices: string): string {
  return `<domain type='kvm'>
  <name>text-paths</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices>
${devices}
  </devices>
</domain>
`;
}

const ids = (devices: string) =>
  lintPlan({ domains: [{ path: 'vm.xml', text: domain(devices) }], rules: {} })
    .diagnostics.filter((d) => d.ruleId === 'device-config-invalid')
    .map((d) => d.messageId);

const nic = (address: string) => `    <interface type='bridge'><source bridge='br0'/><model type='virtio'/>${address}</interface>`;
const disk = (target: string, extra = '') => `    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/x.qcow2'/>${target}${extra}</disk>`;

test('device-config-invalid: a PCI address given twice is found however it is written', () => {
  const canonical = "<address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>";
  assert.deepEqual(ids(`${nic(canonical)}\n${nic(canonical)}`), ['pciAddressTwice']);
  assert.deepEqual(ids(`${nic(canonical)}\n${nic("<address type='pci' domain='0x0000' bus='0x4' slot='0x00' function='0x0'/>")}`), ['pciAddressTwice']);
  assert.deepEqual(ids(`${nic(canonical)}\n${nic('<address type="pci" domain="0x0000" bus="0x04" slot="0x00" function="0x0"/>')}`), ['pciAddressTwice']);
  assert.deepEqual(ids(`${nic(canonical)}\n${nic("<address bus='0x04' type='pci' domain='0x0000' slot='0x00' function='0x0'/>")}`), ['pciAddressTwice']);
  assert.deepEqual(ids(`${nic(canonical)}\n${nic("<address type='pci' domain='0x0000' bus='0X04' slot='0x00' function='0x0'/>")}\n    <!-- a comment -->`), ['pciAddressTwice']);
  assert.deepEqual(ids(`${nic(canonical)}\n${nic("<address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/>")}`), []);
});

test('device-config-invalid: disk targets and controller indexes given twice are found however they are written', () => {
  assert.deepEqual(ids(`${disk("<target dev='vda' bus='virtio'/>")}\n${disk("<target dev='vda' bus='virtio'/>")}`), ['duplicateTarget']);
  assert.deepEqual(ids(`${disk("<target dev='vda' bus='virtio'/>")}\n${disk('<target bus="virtio" dev="vda"/>')}`), ['duplicateTarget']);
  assert.deepEqual(ids(`${disk("<target dev='vda' bus='virtio'/>")}\n${disk("<target dev='vda1' bus='virtio'/>")}`), ['partitionTarget']);
  assert.deepEqual(ids(`${disk("<target dev='vda' bus='virtio'/>", '<vendor>TOOLONGVENDOR</vendor>')}`).sort(), ['vendorBus', 'vendorLength'].sort());
  assert.deepEqual(ids(`${disk("<target dev='vda' bus='virtio'/>")}\n${disk("<target dev='vdb' bus='virtio'/>")}`), []);
  const pci = (index: string) => `    <controller type='pci' index='${index}' model='pcie-root-port'/>`;
  assert.deepEqual(ids(`${pci('1')}\n${pci('1')}`), ['duplicateController']);
  assert.deepEqual(ids(`${pci('1')}\n${pci('01')}`), ['duplicateController']);
  assert.deepEqual(ids(`${pci('1')}\n    <controller index='1' type='pci' model='pcie-root-port'/>`), ['duplicateController']);
  assert.deepEqual(ids(`${pci('1')}\n${pci('2')}`), []);
});
