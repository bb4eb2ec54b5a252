import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintPlan } from '../../src/api.ts';
import { applyFixes } from '../../src/engine/fix.ts';
import { repoRoot } from '../support/paths.ts';

// What the fixtures cannot show: the passt back end (libvirt 11.1; the schemas the fixtures are
// validated with predate it), the verdict for each libvirt version, and that the suggestions make
// the definition one libvirt accepts.
const snapshot = JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'hosts', 'dual-socket-libvirt-10.5.json'), 'utf8'));

function guest(memoryBacking: string, devices: string, numa = '', type = 'kvm'): string {
  return `<domain type='${type}'>
  <name>vu</name>
  <memory unit='GiB'>4</memory>
${memoryBacking}
  <vcpu placement='static'>4</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <cpu mode='host-passthrough'>${numa}</cpu>
  <devices>
${devices}
  </devices>
</domain>
`;
}

const vhostNet = `    <interface type='vhostuser'>
      <source type='unix' path='/run/vhu0' mode='client'/>
      <model type='virtio'/>
    </interface>`;
const passt = `    <interface type='vhostuser'>
      <backend type='passt'/>
      <model type='virtio'/>
    </interface>`;
const vhostNetDriver = `    <interface type='bridge'>
      <source bridge='br0'/>
      <model type='virtio'/>
      <driver name='vhost' queues='4'/>
    </interface>`;
const vdpaDisk = `    <disk type='vhostvdpa' device='disk'>
      <driver name='qemu' type='raw' cache='none'/>
      <source dev='/dev/vhost-vdpa-0'/>
      <target dev='vda' bus='virtio'/>
    </disk>`;

function findings(text: string, libvirtVersion?: string) {
  const host = libvirtVersion === undefined ? undefined : { snapshot: { ...snapshot, libvirtVersion } };
  return lintPlan({ domains: [{ path: 'vu.xml', text }], ...(host ? { host } : {}) }).diagnostics.filter((d) => d.ruleId === 'vhost-user-shared-memory');
}

test('a plain vhost-user interface: the verdict follows the host libvirt version (refused from 11.2.0)', () => {
  const text = guest('', vhostNet);
  assert.match(findings(text)[0]!.help!, /^add <access mode='shared'\/>.*: libvirt 11\.2\.0 and later reject the definition without it; older libvirt starts the guest/);
  assert.match(findings(text, '11.2.0')[0]!.help!, /: libvirt 11\.2\.0 rejects the definition without it$/);
  assert.match(findings(text, '10.5.0')[0]!.help!, /: libvirt 10\.5\.0 starts the guest, but the back end cannot map guest memory/);
  for (const v of [undefined, '10.5.0', '12.0.0']) assert.equal(findings(text, v)[0]!.severity, 'error');
});

test('passt, vhost-vdpa and virtiofs were refused from the start: no version caveat', () => {
  for (const devices of [passt, vdpaDisk, `${vhostNet}\n${passt}`]) {
    const [d] = findings(guest('', devices));
    assert.match(d!.help!, /: libvirt rejects the definition without it$/);
  }
});

test('shared memory, by <access> or by every cell, satisfies it; hugepages or memfd alone do not', () => {
  const shared = "  <memoryBacking><access mode='shared'/></memoryBacking>";
  assert.deepEqual(findings(guest(shared, vhostNet)), []);
  const cells = "<numa><cell id='0' cpus='0-1' memory='2' unit='GiB' memAccess='shared'/><cell id='1' cpus='2-3' memory='2' unit='GiB' memAccess='shared'/></numa>";
  assert.deepEqual(findings(guest('', vhostNet, cells)), []);
  assert.equal(findings(guest("  <memoryBacking><hugepages/><source type='memfd'/></memoryBacking>", vhostNet)).length, 1);
  // A shared <access> with one cell written private: the private cell decides.
  const onePrivate = cells.replace("memAccess='shared'/></numa>", "memAccess='private'/></numa>");
  assert.match(findings(guest(shared, vhostNet, onePrivate))[0]!.message, /guest NUMA cell 1 has memAccess='private'$/);
});

test('vhost-net (<driver name=vhost>) is not vhost-user, and drivers other than QEMU are not checked', () => {
  assert.deepEqual(findings(guest('', vhostNetDriver)), []);
  assert.deepEqual(findings(guest('', vhostNet, '', 'xen')), []);
});

test('one finding for several devices, the others and the cause related', () => {
  const cells = "<numa><cell id='0' cpus='0-1' memory='2' unit='GiB' memAccess='private'/><cell id='1' cpus='2-3' memory='2' unit='GiB'/></numa>";
  const list = findings(guest('', `${vhostNet}\n${vdpaDisk}`, cells));
  assert.equal(list.length, 1);
  assert.equal(list[0]!.message, "2 vhost-user devices need shared memory, but guest NUMA cell 0 has memAccess='private'");
  assert.deepEqual(list[0]!.related!.map((r) => r.message), ['this vhost-vdpa disk needs shared memory too', 'guest NUMA cell 0 is private here']);
  assert.match(list[0]!.help!, /set memAccess='shared' on those cells, and add <access mode='shared'\/>/);
});

test('each suggestion gives a definition the rule (libvirt\'s check) accepts', () => {
  const cases = [
    guest('', vhostNet),
    guest("  <memoryBacking>\n    <hugepages/>\n  </memoryBacking>", vhostNet),
    guest("  <memoryBacking>\n    <access mode='private'/>\n  </memoryBacking>", passt),
    guest('', vhostNet, "<numa><cell id='0' cpus='0-1' memory='2' unit='GiB' memAccess='private'/><cell id='1' cpus='2-3' memory='2' unit='GiB'/></numa>"),
  ];
  for (const text of cases) {
    const [d] = findings(text);
    assert.equal(d!.suggestions!.length, 1, text);
    const fix = d!.suggestions![0]!.fix;
    const fixed = applyFixes(text, [fix]).text;
    // Only the suggested range changes.
    assert.ok(fixed.startsWith(text.slice(0, fix.range[0])) && fixed.endsWith(text.slice(fix.range[1])));
    assert.deepEqual(findings(fixed), [], fixed);
    assert.deepEqual(lintPlan({ domains: [{ path: 'vu.xml', text: fixed }] }).diagnostics.filter((x) => x.ruleId === 'xml-malformed'), []);
  }
});

test('a guest with 150,000 private cells gets its one finding (no spread of the ids onto the stack)', () => {
  let cells = '<numa>';
  for (let i = 0; i < 150_000; i++) cells += `<cell id='${i}' cpus='0' memory='1' memAccess='private'/>`;
  // guest-numa-coverage's finding per cell would fill the 1,000 findings a file reports before this rule's one.
  const all = lintPlan({ domains: [{ path: 'vu.xml', text: guest('', vhostNet, `${cells}</numa>`) }], rules: { 'guest-numa-coverage': 'off' } }).diagnostics;
  assert.equal(all.filter((x) => x.ruleId === 'too-many-findings').length, 0);
  const [d, ...rest] = all.filter((x) => x.ruleId === 'vhost-user-shared-memory');
  assert.equal(rest.length, 0);
  assert.match(d!.message, /guest NUMA cells 0-149999 have memAccess='private'$/);
  assert.equal(d!.related!.length, 20);
});
