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

test('offlineVcpus: <vcpus enabled=no> when given, else ids from current up; unpinned offline vCPUs float nowhere', async () => {
  const { vcpuAffinityGroups, offlineUnpinnedVcpus } = await import('../../src/model/affinity.ts');
  const states = domain(
    `<vcpu current='3'>4</vcpu><vcpus><vcpu id='0' enabled='yes'/><vcpu id='1' enabled='no'/><vcpu id='2' enabled='yes'/><vcpu id='3' enabled='no'/></vcpus>` +
      `<cputune><vcpupin vcpu='0' cpuset='2'/><vcpupin vcpu='3' cpuset='5'/></cputune>`,
  );
  assert.equal(states.offlineVcpus.toString(), '1,3');
  assert.equal(offlineUnpinnedVcpus(states).toString(), '1');
  // vCPU 1 runs nowhere; vCPU 3 keeps its pin for when it is plugged; vCPU 2 floats.
  assert.deepEqual(vcpuAffinityGroups(states).map((g) => [g.vcpus.toString(), g.affinity.source]), [['0', 'vcpupin'], ['3', 'vcpupin'], ['2', 'all-online']]);
  assert.equal(domain(`<vcpu current='2'>4</vcpu>`).offlineVcpus.toString(), '2-3');
  assert.equal(domain(`<vcpu>4</vcpu>`).offlineVcpus.isEmpty, true);
});
