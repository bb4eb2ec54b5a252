import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel, hasValueProblem, libvirtNonNegativeInt, textRange } from '../../src/model/domain.ts';

function domain(body: string) {
  // A <name> and an <os><type> unless the body has its own: without them libvirt refuses any domain.
  const named = body.includes('<name') ? body : `<name>t</name>${body}`;
  const doc = parseXml(`<domain type='kvm'>${named.includes('<os') ? named : `${named}<os><type>hvm</type></os>`}</domain>`);
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
  assert.equal(domain(`<vcpu>1</vcpu><os/>`).devices.osType(), undefined);
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

const valueProblems = (d: ReturnType<typeof domain>) => d.problems.filter((p) => p.ruleId === 'value-invalid').map((p) => p.message);

test('integers are read as virStrToLong_uip reads them: a sign and leading blanks pass, nothing may follow the digits', () => {
  // domain_conf.c virDomainVcpuParse: virStrToLong_ui(text, NULL, 10) on the raw content, so `8 ` is refused.
  for (const text of ['8 ', '\n    8\n  ', '8\t', '\u00a08', '8\u3000']) {
    assert.notDeepEqual(valueProblems(domain(`<vcpu>${text}</vcpu>`)), [], JSON.stringify(text));
  }
  for (const text of [' 8', '\n8', '+8', '08']) {
    const d = domain(`<vcpu>${text}</vcpu>`);
    assert.deepEqual(valueProblems(d), [], JSON.stringify(text));
    assert.equal(d.maxVcpus, 8);
  }
  // virXMLPropUInt (virStrToLong_uip): the same for attributes.
  const pins = domain(`<vcpu>4</vcpu><cputune><vcpupin vcpu='+1' cpuset='2'/><vcpupin vcpu=' 2' cpuset='3'/><vcpupin vcpu='3 ' cpuset='4'/></cputune>`);
  assert.deepEqual(pins.cputune!.vcpupins.map((p) => p.vcpu), [1, 2, undefined]);
  assert.equal(valueProblems(pins).length, 1);
  assert.equal(valueProblems(domain(`<iothreads>1 </iothreads>`)).length, 1);
  assert.equal(valueProblems(domain(`<cpu><topology sockets='1' dies='1' cores='8 ' threads='1'/></cpu>`)).length, 1);
});

test('memory sizes: virStrToLong_ullp on the raw text, so white space after the number is refused', () => {
  assert.equal(valueProblems(domain(`<memory unit='GiB'>16 </memory>`)).length, 1);
  assert.equal(valueProblems(domain(`<memory unit='GiB'>\n  16\n</memory>`)).length, 1);
  assert.equal(valueProblems(domain(`<memtune><hard_limit unit='GiB'>18\n</hard_limit></memtune>`)).length, 1);
  const ok = domain(`<memory unit='GiB'> +16</memory>`);
  assert.deepEqual(valueProblems(ok), []);
  assert.equal(ok.memory!.kib, 16 * 1024 * 1024);
});

test('memory devices: a size or node libvirt refuses is a problem, not a device kvmlint quietly leaves uncounted', () => {
  const devices = (target: string) => domain(`<devices><memory model='dimm'>${target}</memory></devices>`).devices.memoryDevices()[0]!;
  // domain_conf.c virDomainMemoryTargetDefParseXML: virDomainParseMemory("./size", …, required) and virXPathInt("string(./node)").
  for (const bad of [
    `<target><size unit='GiB'>lots</size><node>0</node></target>`,
    `<target><size unit='GiB'>8 </size><node>0</node></target>`,
    `<target><size unit='GiB'></size><node>0</node></target>`,
    `<target><node>0</node></target>`,
    `<target><size unit='GiB'>8</size><node>0 </node></target>`,
    `<target><size unit='GiB'>8</size><node>-1</node></target>`,
    `<target><size unit='GiB'>8</size><node>one</node></target>`,
  ]) {
    assert.equal(devices(bad).invalid?.length, 1, bad);
  }
  const plus = devices(`<target><size unit='GiB'> +8</size><node>+1</node></target>`);
  assert.deepEqual([plus.sizeKiB, plus.targetNode, plus.invalid], [8 * 1024 * 1024, 1, undefined]);
  // An empty <node> is no node, as virXPathInt reads it.
  assert.deepEqual([devices(`<target><size>1024</size><node></node></target>`).targetNode, devices(`<target><size>1024</size><node></node></target>`).invalid], [undefined, undefined]);
});

test('a value element with text inside a child element is unreadable: libvirt reads the string-value, kvmlint its own text', () => {
  const d = domain(`<name>web<x>-01</x></name><memory unit='GiB'>1<y>60</y></memory><cputune><period>1<z/>0000</period></cputune>`);
  assert.deepEqual(d.problems.map((p) => [p.message.slice(0, 18), p.duplicate?.unreadable]), [['<name> holds <x> w', true], ['<memory> holds <y>', true]]);
  const dimm = domain(`<devices><memory model='dimm'><target><size unit='GiB'>1<x>6</x></size><node>0</node></target></memory></devices>`);
  assert.deepEqual(dimm.devices.memoryDevices()[0]!.invalid?.map((p) => p.unreadable), [true]);
});

test('the domain type: libvirt refuses a type it does not know (case counts)', () => {
  const typed = (open: string) => buildDomainModel(parseXml(`${open}<name>t</name><vcpu>1</vcpu><os><type>hvm</type></os></domain>`).root!);
  for (const open of [`<domain type='KVM'>`, `<domain type='kvm '>`, `<domain type='bogus'>`, `<domain type=''>`]) {
    assert.equal(valueProblems(typed(open)).length, 1, open);
  }
  for (const t of ['kvm', 'qemu', 'xen', 'lxc', 'hvf']) assert.deepEqual(valueProblems(typed(`<domain type='${t}'>`)), [], t);
  // No type at all, or an empty one (virXPathString reads '' as none): "missing domain type attribute", without --schema.
  for (const open of ['<domain>', `<domain type=''>`, `<domain xmlns:v='urn:x' v:type='kvm'>`]) {
    assert.deepEqual(valueProblems(typed(open)).filter((m) => !m.includes('xmlGetProp')), [`<domain> has no type: libvirt rejects the domain ("missing domain type attribute")`], open);
  }
});

test('a prefixed attribute below <domain> is unreadable: libxml2\'s xmlGetProp (virXMLPropString) matches its local name', () => {
  const of = (xml: string) => buildDomainModel(parseXml(xml).root!).problems.filter((p) => p.duplicate?.unreadable).map((p) => p.message);
  // libvirt pins vCPU 0 to CPU 0 here (the first attribute named cpuset, any namespace); kvmlint read 4.
  assert.equal(of(`<domain type='kvm' xmlns:x='urn:x'><vcpu>1</vcpu><cputune><vcpupin vcpu='0' x:cpuset='0' cpuset='4'/></cputune></domain>`).length, 1);
  assert.equal(of(`<domain type='kvm' xmlns:x='urn:x'><vcpu>1</vcpu><cputune><vcpupin vcpu='0' x:cpuset='0'/></cputune></domain>`).length, 1);
  // XML names may be non-ASCII: the prefix too.
  assert.equal(of(`<domain type='kvm' xmlns:\u03c0='urn:x'><vcpu>1</vcpu><cputune><vcpupin vcpu='0' \u03c0:cpuset='0' cpuset='4'/></cputune></domain>`).length, 1);
  assert.equal(of(`<domain type='kvm' xmlns:\u03c0='urn:x'><devices><disk><driver><iothreads><\u03c0:iothread id='1'/></iothreads></driver></disk></devices></domain>`).length, 1);
  assert.equal(of(`<domain type='kvm'><vcpu>2</vcpu><vcpus><vcpu xml:id='1' id='0' enabled='yes'/></vcpus></domain>`).length, 1);
  // virXMLNodeGetSubelementList compares local names: a disk's <driver><iothreads><x:iothread> is libvirt's iothread.
  assert.equal(of(`<domain type='kvm' xmlns:x='urn:x'><devices><disk><driver><iothreads><x:iothread id='1'/></iothreads></driver></disk></devices></domain>`).length, 1);
  // <domain>'s own attributes are read by XPath, in no namespace: xsi:schemaLocation there is nothing libvirt reads.
  assert.deepEqual(of(`<domain type='kvm' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:schemaLocation='urn:x x.xsd'><vcpu>1</vcpu></domain>`), []);
  // <qemu:arg value> is read with virXMLPropString too: a prefixed value there is libvirt's -cpu, not kvmlint's.
  const q = 'http://libvirt.org/schemas/domain/qemu/1.0';
  assert.equal(of(`<domain type='kvm' xmlns:qemu='${q}'><qemu:commandline><qemu:arg value='-cpu'/><qemu:arg qemu:value='Penryn' value='host'/></qemu:commandline></domain>`).length, 1);
  assert.deepEqual(of(`<domain type='kvm' xmlns:qemu='${q}'><qemu:commandline><qemu:arg value='-cpu'/><qemu:arg value='host'/></qemu:commandline></domain>`), []);
  // Metadata, foreign elements of other namespaces, namespace declarations and xml:lang are not libvirt's reading.
  assert.deepEqual(of(`<domain type='kvm' xmlns:x='urn:x' xmlns:qemu='urn:q'><metadata><x:a x:b='1'/></metadata><vcpu xml:lang='en'>1</vcpu><qemu:commandline><qemu:arg qemu:value='-s'/></qemu:commandline></domain>`), []);
});

test("<cpu mode>: libvirt refuses a mode it does not know, case counts (cpu_conf.c: \"Invalid mode attribute\")", () => {
  assert.equal(valueProblems(domain(`<cpu mode='Host-Passthrough'/>`)).length, 1);
  assert.equal(valueProblems(domain(`<cpu mode='host-passthrough '/>`)).length, 1);
  for (const mode of ['custom', 'host-model', 'host-passthrough', 'maximum']) assert.deepEqual(valueProblems(domain(`<cpu mode='${mode}'/>`)), [], mode);
});

test('libvirtNonNegativeInt reads as virXMLPropInt with VIR_XML_PROP_NONNEGATIVE: int range, no sign below 0, nothing after', () => {
  assert.equal(libvirtNonNegativeInt('3'), 3);
  assert.equal(libvirtNonNegativeInt(' +3'), 3);
  assert.equal(libvirtNonNegativeInt('-0'), 0);
  assert.equal(libvirtNonNegativeInt('2147483647'), 2147483647);
  assert.equal(libvirtNonNegativeInt('2147483648'), undefined);
  assert.equal(libvirtNonNegativeInt('-1'), undefined);
  assert.equal(libvirtNonNegativeInt('3 '), undefined);
  assert.equal(libvirtNonNegativeInt('0x3'), undefined);
  assert.equal(libvirtNonNegativeInt(''), undefined);
});

test('<name> and <os><type>: absent or empty, libvirt refuses the domain; a <bootloader> stands in for the type', () => {
  const model = (body: string) => valueProblems(buildDomainModel(parseXml(`<domain type='kvm'>${body}</domain>`).root!));
  const osType = '<os><type>hvm</type></os>';
  assert.deepEqual(model(`<name>a</name>${osType}`), []);
  assert.deepEqual(model(`<name> </name>${osType}`), [], 'a blank name is a name to libvirt');
  assert.deepEqual(model(osType), ['<domain> has no <name>: libvirt rejects the domain ("missing name information")']);
  assert.deepEqual(model(`<name></name>${osType}`), ['<name> is empty: libvirt rejects the domain ("missing name information")']);
  assert.deepEqual(model('<name>a</name>'), ['<domain> has no <os><type>: libvirt rejects the domain ("an os <type> must be specified")']);
  assert.deepEqual(model('<name>a</name><os><type arch="x86_64"/></os>'), ['<os><type> is empty: libvirt rejects the domain ("an os <type> must be specified")']);
  // ./os/type[1]: the first <type> of any <os> (a second <os> is its own finding, libvirt merging what kvmlint reads once).
  assert.ok(!model(`<name>a</name><os><boot dev='hd'/></os>${osType}`).some((m) => m.includes('<os><type>')));
  assert.deepEqual(model('<name>a</name><bootloader>/usr/bin/pygrub</bootloader>'), []);
  assert.deepEqual(model('<name>a</name><bootloader></bootloader>').length, 1);
});
