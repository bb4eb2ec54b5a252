import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { effectiveMemballoon } from '../../src/model/qemu-defaults.ts';

function domain(type: string, body: string) {
  const doc = parseXml(`<domain type='${type}'>${body}</domain>`);
  assert.equal(doc.error, undefined);
  return buildDomainModel(doc.root!);
}

const os = (arch: string, machine?: string) => `<os><type arch='${arch}'${machine ? ` machine='${machine}'` : ''}>hvm</type></os>`;

test('effectiveMemballoon: a written <memballoon> as it is', () => {
  assert.equal(effectiveMemballoon(domain('kvm', `${os('x86_64', 'q35')}<devices><memballoon model='none'/></devices>`))?.model, 'none');
  const virtio = effectiveMemballoon(domain('kvm', `${os('aarch64', 'virt')}<devices><memballoon model='virtio'/></devices>`));
  assert.equal(virtio?.model, 'virtio');
  assert.ok(virtio?.element);
});

test("effectiveMemballoon: libvirt's implicit virtio balloon for x86 pc/q35, ppc64 and s390x, none for aarch64, microvm or isapc", () => {
  for (const [arch, machine] of [['x86_64', 'pc-q35-rhel9.2.0'], ['i686', 'pc-i440fx-8.2'], ['x86_64', undefined], ['ppc64le', 'pseries'], ['s390x', 's390-ccw-virtio']] as const) {
    const b = effectiveMemballoon(domain('kvm', `${os(arch, machine)}<devices/>`));
    assert.deepEqual(b, { model: 'virtio', element: undefined }, `${arch} ${machine}`);
  }
  for (const [arch, machine] of [['aarch64', 'virt'], ['riscv64', 'virt'], ['x86_64', 'microvm'], ['x86_64', 'isapc']] as const) {
    assert.equal(effectiveMemballoon(domain('kvm', `${os(arch, machine)}<devices/>`)), undefined, `${arch} ${machine}`);
  }
});

test('effectiveMemballoon: unknown without <os><type arch>, or for another driver', () => {
  assert.equal(effectiveMemballoon(domain('kvm', `<os><type>hvm</type></os><devices/>`)), undefined);
  assert.equal(effectiveMemballoon(domain('xen', `${os('x86_64')}<devices/>`)), undefined);
});
