import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintPlan } from '../../src/api.ts';

// qemu_validate.c checks the IOThreads devices name when a QEMU domain is defined (vcpu-id-range):
// <driver iothread> of a disk or virtio-scsi controller, and each <iothread id> of a <driver><iothreads>
// mapping (libvirt 10.x; the schemas the fixtures are validated with predate it, so it is tested here).
function domain(type: string, iothreads: string, devices: string): string {
  return `<domain type='${type}'>
  <name>io-map</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  ${iothreads}
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices>
${devices}
  </devices>
</domain>
`;
}

const mappedDisk = `    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' queues='2'>
        <iothreads>
          <iothread id='1'/>
          <iothread id='5'/>
        </iothreads>
      </driver>
      <source file='/var/lib/libvirt/images/a.raw'/>
      <target dev='vda' bus='virtio'/>
    </disk>`;
const mappedScsi = `    <controller type='scsi' index='1' model='virtio-non-transitional'>
      <driver queues='2'>
        <iothreads>
          <iothread id='2'><queue id='0'/></iothread>
          <iothread id='7'><queue id='1'/></iothread>
        </iothreads>
      </driver>
    </controller>`;

function findings(text: string) {
  return lintPlan({ domains: [{ path: 'vm.xml', text }] }).diagnostics.filter((d) => d.ruleId === 'vcpu-id-range');
}

test('device IOThreads: missing ids of disk and virtio-scsi mappings are one error (one cause), at the first id, the others related', () => {
  const text = domain('kvm', '<iothreads>2</iothreads>', `${mappedDisk}\n${mappedScsi}`);
  const found = findings(text);
  assert.deepEqual(
    found.map((d) => [d.severity, text.slice(d.range.start, d.range.end), text.slice(text.lastIndexOf('<', d.range.start), d.range.end + 1), d.message]),
    [['error', '5', "<iothread id='5'", 'disk vda and scsi controller 1 use IOThreads 5,7 but the domain has IOThreads 1-2: libvirt rejects the domain']],
  );
  assert.match(found[0]!.help!, /iothread '5' not defined in iothreadid/);
  assert.deepEqual(
    found[0]!.related!.map((r) => [text.slice(r.range.start, r.range.end), r.message]),
    [['7', 'scsi controller 1 uses IOThread 7 here']],
  );
  // One device alone keeps the one-device message.
  const one = domain('kvm', '<iothreads>2</iothreads>', mappedDisk);
  assert.deepEqual(findings(one).map((d) => d.message), ['disk vda uses IOThread 5 but the domain has IOThreads 1-2: libvirt rejects the domain']);
});

test('device IOThreads: ids the domain has, <iothreadids> filling, 0, a SCSI controller of no model and other drivers are not reported', () => {
  // <iothreads>3</iothreads> with only id 5 listed gives 1, 2 and 5 (virDomainIOThreadIDDefArrayInit).
  const filled = domain('kvm', "<iothreads>3</iothreads>\n  <iothreadids><iothread id='5'/></iothreadids>", mappedDisk);
  assert.deepEqual(findings(filled), []);
  const zero = domain('kvm', '', "    <disk type='file' device='disk'><driver name='qemu' iothread='0'/><target dev='vda' bus='virtio'/></disk>");
  assert.deepEqual(findings(zero), []);
  // A SCSI controller with no model gets the driver's default model (virtio-scsi or not: unknown here).
  const noModel = domain('kvm', '<iothreads>1</iothreads>', "    <controller type='scsi' index='0'><driver iothread='1'/></controller>");
  assert.deepEqual(findings(noModel), []);
  assert.deepEqual(findings(domain('kvm', '', "    <controller type='virtio-serial' index='0'><driver iothread='0'/></controller>")), []);
  // qemu_validate.c is the QEMU driver's: a Xen or test domain is not checked here.
  assert.deepEqual(findings(domain('xen', '', mappedDisk)), []);
  assert.equal(findings(domain('qemu', '', mappedDisk)).length, 1);
});

test('device IOThreads: the text pre-check never hides a reference written another way (spaces around =, double quotes, other attribute order)', () => {
  for (const driver of ["<driver name='qemu' iothread = '7'/>", '<driver name="qemu" iothread="7"/>', "<driver iothread='7' name='qemu'/>", "<driver\n  iothread='7'/>"]) {
    const text = domain('kvm', '<iothreads>2</iothreads>', `    <disk type='file' device='disk'>${driver}<target dev='vda' bus='virtio'/></disk>`);
    assert.equal(findings(text).length, 1, driver);
  }
  const mapping = (attrs: string) => domain('kvm', '<iothreads>2</iothreads>', `    <disk type='file' device='disk'><driver name='qemu' queues='2'><iothreads><iothread ${attrs}/></iothreads></driver><target dev='vda' bus='virtio'/></disk>`);
  assert.equal(findings(mapping("id='9'")).length, 1);
  assert.equal(findings(mapping("foo='x' id='9'")).length, 1);
  assert.equal(findings(mapping("id='2'")).length, 0);
});

test('device IOThreads: a controller other than virtio-scsi with one is refused for that, once, whether the IOThread exists or not', () => {
  // libvirt's test controller-virtio-serial-iothread: "'iothread' attribute only supported for virtio scsi controllers".
  const serial = (iothreads: string) => domain('kvm', iothreads, "    <controller type='virtio-serial' index='0'><driver iothread='3'/></controller>");
  for (const iothreads of ['', '<iothreads>3</iothreads>']) {
    const text = serial(iothreads);
    assert.deepEqual(
      findings(text).map((d) => [d.messageId, text.slice(d.range.start, d.range.end)]),
      [['controllerIothread', "iothread='3'"]],
      iothreads,
    );
  }
  const mapping = domain(
    'kvm',
    '<iothreads>2</iothreads>',
    "    <controller type='scsi' index='0' model='lsilogic'><driver><iothreads><iothread id='1'/><iothread id='9'/></iothreads></driver></controller>",
  );
  assert.deepEqual(findings(mapping).map((d) => d.messageId), ['controllerIothread']);
  assert.match(findings(mapping)[0]!.message, /^scsi controller 0 has an IOThread/);
});

test('device IOThreads: the text pre-check finds a controller IOThread after a self-closing controller, behind a comment, or past a > in a value', () => {
  const cases = [
    "    <controller type='usb' index='0'/>\n    <controller type='virtio-serial' index='0'><driver iothread='1'/></controller>",
    "    <controller type='virtio-serial' index='0'><!-- <controller type='usb'/> --><driver iothread='1'/></controller>",
    "    <controller type='virtio-serial' index='0' alias='a/>b'><driver iothread='1'/></controller>",
    "    <controller type='virtio-serial' index='0'>\n      <driver iothread='1'/>\n    </controller>\n    <disk type='file' device='disk'><driver name='qemu' iothread='1'/><target dev='vda' bus='virtio'/></disk>",
  ];
  for (const devices of cases) assert.deepEqual(findings(domain('kvm', '<iothreads>1</iothreads>', devices)).map((d) => d.messageId), ['controllerIothread'], devices);
  // A disk after a closed controller keeps the quick path, and is fine.
  const after = "    <controller type='virtio-serial' index='0'><address type='pci'/></controller>\n    <disk type='file' device='disk'><driver name='qemu' iothread='1'/><target dev='vda' bus='virtio'/></disk>";
  assert.deepEqual(findings(domain('kvm', '<iothreads>1</iothreads>', after)), []);
});
