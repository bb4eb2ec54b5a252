import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHostModel } from '../../src/model/host-model.ts';
import { defaultThreadAffinity, libvirtAtLeast, DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE } from '../../src/model/libvirt-version.ts';
import { effectiveEmulatorAffinity } from '../../src/model/affinity.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { parseXml } from '../../src/xml/index.ts';
import type { HostSnapshot } from '../../src/model/host.ts';

// qemuProcessGetAllCpuAffinity (src/qemu/qemu_process.c) leaves /sys/devices/system/cpu/isolated out
// of an unpinned thread's affinity from libvirt 10.4.0 on (commit da95bcb6, NEWS v10.4.0).
function host(opts: { isolated?: string; cmdline?: string; libvirtVersion?: string }): HostSnapshot {
  return {
    kvmlintHostSnapshot: 1,
    cpus: { online: '0-15' },
    nodes: [{ id: 0, cpus: '0-15', memTotalKiB: 33554432 }],
    ...(opts.cmdline !== undefined ? { kernel: { cmdline: opts.cmdline } } : {}),
    ...(opts.isolated !== undefined ? { isolation: { isolated: opts.isolated } } : {}),
    ...(opts.libvirtVersion !== undefined ? { libvirtVersion: opts.libvirtVersion } : {}),
  };
}

const pinnedGuest = () => {
  const doc = parseXml(`<domain type='kvm'><vcpu>2</vcpu><cputune><vcpupin vcpu='0' cpuset='4'/><vcpupin vcpu='1' cpuset='5'/></cputune></domain>`);
  return buildDomainModel(doc.root!);
};

test('the release that changed the default is 10.4.0; comparisons by number, not text', () => {
  assert.equal(DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE, '10.4.0');
  assert.equal(libvirtAtLeast('10.3.0', '10.4.0'), false);
  assert.equal(libvirtAtLeast('10.4.0', '10.4.0'), true);
  assert.equal(libvirtAtLeast('10.10.0', '10.4.0'), true);
  assert.equal(libvirtAtLeast('9.0', '10.4.0'), false);
  assert.equal(libvirtAtLeast(undefined, '10.4.0'), undefined);
});

for (const [version, excludes] of [['10.3.0', false], ['10.4.0', true], ['11.0.0', true]] as const) {
  test(`libvirt ${version}, isolated CPUs 4-15 (running kernel): default affinity ${excludes ? 'leaves them out' : 'is every online CPU'}`, () => {
    const m = buildHostModel(host({ isolated: '4-15', libvirtVersion: version }));
    const d = defaultThreadAffinity(m);
    assert.equal(d.cpus.toString(), excludes ? '0-3' : '0-15');
    assert.equal(d.excludesIsolated, excludes);
    assert.equal(d.assumed, false);
    assert.equal(effectiveEmulatorAffinity(pinnedGuest(), m).cpus!.toString(), excludes ? '0-3' : '0-15');
  });

  test(`libvirt ${version}, no isolated CPUs: every online CPU on either side`, () => {
    const m = buildHostModel(host({ cmdline: 'ro quiet', libvirtVersion: version }));
    const d = defaultThreadAffinity(m);
    assert.equal(d.cpus.toString(), '0-15');
    assert.equal(d.excludesIsolated, false);
    assert.equal(d.assumed, false);
  });
}

test('isolcpus= on the command line (no /sys view) counts as the isolated set; nohz_full alone does not', () => {
  assert.equal(defaultThreadAffinity(buildHostModel(host({ cmdline: 'isolcpus=8-15', libvirtVersion: '10.5.0' }))).cpus.toString(), '0-7');
  assert.equal(defaultThreadAffinity(buildHostModel(host({ cmdline: 'nohz_full=8-15', libvirtVersion: '10.5.0' }))).cpus.toString(), '0-15');
});

test('unknown version: the older behaviour, marked as assumed only where the versions would differ', () => {
  const isolating = defaultThreadAffinity(buildHostModel(host({ isolated: '4-15' })));
  assert.equal(isolating.cpus.toString(), '0-15');
  assert.equal(isolating.assumed, true);
  const plain = defaultThreadAffinity(buildHostModel(host({ cmdline: 'ro' })));
  assert.equal(plain.assumed, false);
});

test("the config's libvirtVersion replaces the snapshot's", () => {
  const m = buildHostModel(host({ isolated: '4-15', libvirtVersion: '9.0.0' }), { libvirtVersion: '10.6.0' });
  assert.equal(m.libvirtVersion, '10.6.0');
  assert.equal(defaultThreadAffinity(m).cpus.toString(), '0-3');
});
