import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel, hasValueProblem, textRange } from '../../src/model/domain.ts';

function domain(body: string) {
  const doc = parseXml(`<domain type='kvm'>${body}</domain>`);
  assert.equal(doc.error, undefined);
  return buildDomainModel(doc.root!);
}

test('hasValueProblem: a value-invalid problem inside the range, not one elsewhere', () => {
  const d = domain(`<vcpu current='x'>100000</vcpu><iothreads>2</iothreads>`);
  assert.equal(hasValueProblem(d, textRange(d.vcpu!.element)), true);
  assert.equal(hasValueProblem(d, d.iothreadsElement!.range), false);
  const ok = domain(`<vcpu current='x'>4</vcpu>`);
  // The bad `current` attribute is outside the count's text.
  assert.equal(hasValueProblem(ok, textRange(ok.vcpu!.element)), false);
  assert.equal(hasValueProblem(ok, ok.vcpu!.element.range), true);
});

test('devices.osType: arch and machine of <os><type>, read on demand', () => {
  const d = domain(`<os><type arch='aarch64' machine='virt-9.0'>hvm</type></os>`);
  assert.deepEqual({ arch: d.devices.osType()?.arch, machine: d.devices.osType()?.machine }, { arch: 'aarch64', machine: 'virt-9.0' });
  assert.equal(domain(`<vcpu>1</vcpu>`).devices.osType(), undefined);
});
