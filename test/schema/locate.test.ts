import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/parse.ts';
import { LineIndex } from '../../src/xml/lines.ts';
import { blamedValueHolds, elementAtPath, faultOutsideBlamed, locateSchemaFailure, narrowFirstFault, narrowSchemaFailure } from '../../src/schema/locate.ts';
import type { SchemaFailure } from '../../src/schema/types.ts';

// libxml2's reports as libxml2-wasm hands them over (messages, node paths, lines), mapped back
// onto kvmlint's tree. The shapes are the ones libvirt's domain.rng produced in
// test/schema/validate.test.ts; here they are fixed so the mapping is tested without schemas.
const TEXT = `<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>db-01</name>
  <memory unit='GiB' dumpCore='no'>16</memory>
  <vcpu placement='statik'>4</vcpu>
  <devices>
    <disk type='file' device='disk'>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file'
          device='cdrum'>
      <target dev='sda' bus='sata'/>
    </disk>
    <interface type='bridge'/>
  </devices>
  <qemu:commandline>
    <qemu:arg value='-s'/>
  </qemu:commandline>
</domain>
`;
const doc = parseXml(TEXT);
const root = doc.root!;
const lines = new LineIndex(TEXT);
const slice = (r: { start: number; end: number }) => TEXT.slice(r.start, r.end);
const invalid = (...details: Array<{ message: string; line?: number; xpath?: string }>): SchemaFailure => ({
  kind: 'invalid',
  details: details.map((d) => ({ level: 2, line: d.line ?? 0, message: d.message, ...(d.xpath ? { xpath: d.xpath } : {}) })),
});

test('node paths: same-name indexes, * for a default-namespace element, prefixes, non-element steps', () => {
  assert.equal(elementAtPath(root, '/domain')?.name, 'domain');
  assert.equal(slice(elementAtPath(root, '/domain/devices/disk[2]')!.startTag), `<disk type='file'\n          device='cdrum'>`);
  assert.equal(elementAtPath(root, '/domain/devices/disk[1]/target')?.attributeValues.dev, 'vda');
  assert.equal(elementAtPath(root, '/domain/devices/*[3]')?.name, 'interface');
  assert.equal(elementAtPath(root, '/domain/qemu:commandline/qemu:arg')?.name, 'qemu:arg');
  // As deep as the path resolves: text(), an attribute step or a missing child stop the walk.
  assert.equal(elementAtPath(root, '/domain/vcpu/text()')?.name, 'vcpu');
  assert.equal(elementAtPath(root, '/domain/devices/disk[7]')?.name, 'devices');
  assert.equal(elementAtPath(root, '/network'), undefined);
});

test('an interleave failure names the child of the node libxml2 gives: reported on that child, not exact', () => {
  const site = locateSchemaFailure(
    root,
    lines,
    invalid({ message: 'Extra element vcpu in interleave' }, { message: 'Invalid sequence in interleave', line: 1, xpath: '/domain' }, { message: 'Element domain failed to validate content', line: 1, xpath: '/domain' }),
  );
  assert.equal(slice(site.range), "<vcpu placement='statik'>");
  assert.equal(site.exact, false);
  assert.equal(site.message, 'Extra element vcpu in interleave');
});

test('when libxml2 gives up at <devices> itself, the finding is on <devices>; several same-named children stay on their parent', () => {
  const atDevices = locateSchemaFailure(root, lines, invalid({ message: 'Extra element devices in interleave' }, { message: 'Element domain failed to validate content', line: 5, xpath: '/domain/devices' }));
  assert.equal(slice(atDevices.range), '<devices>');
  // Two <disk> children: libxml2 does not say which one, so the report stays where it gave up.
  const twoDisks = locateSchemaFailure(root, lines, invalid({ message: 'Extra element disk in interleave' }, { message: 'Element devices failed to validate content', line: 5, xpath: '/domain/devices' }));
  assert.equal(slice(twoDisks.range), '<devices>');
  const oneInterface = locateSchemaFailure(root, lines, invalid({ message: 'Extra element interface in interleave' }, { message: 'Element devices failed to validate content', line: 5, xpath: '/domain/devices' }));
  assert.equal(slice(oneInterface.range), "<interface type='bridge'/>");
});

test('a message about an attribute of the named node points at that attribute, exactly', () => {
  const site = locateSchemaFailure(root, lines, invalid({ message: 'Invalid attribute dumpCore for element memory', line: 3, xpath: '/domain/memory' }, { message: 'Extra element memory in interleave' }));
  assert.equal(slice(site.range), "dumpCore='no'");
  assert.equal(site.attribute?.name, 'dumpCore');
  assert.equal(site.exact, true);
  const value = locateSchemaFailure(root, lines, invalid({ message: "Type unsignedLong doesn't allow value '16 GiB'", line: 3, xpath: '/domain/memory' }));
  assert.equal(slice(value.range), "<memory unit='GiB' dumpCore='no'>");
  assert.equal(value.exact, true);
});

test('without a node path: the element whose start tag spans the line, else the next one, else the root', () => {
  // libxml2 gives an element the line where its start tag ends; a start tag over two lines matches either.
  const spanning = locateSchemaFailure(root, lines, invalid({ message: 'Element disk failed to validate attributes', line: 10 }));
  assert.equal(spanning.element.attributeValues.device, 'cdrum');
  const blank = locateSchemaFailure(root, lines, invalid({ message: 'Element devices failed to validate content', line: 12 }));
  assert.equal(blank.element.name, 'interface', 'line 12 is a closing tag: the next start tag');
  assert.equal(locateSchemaFailure(root, lines, invalid({ message: 'something' })).element, root);
  assert.equal(locateSchemaFailure(root, lines, { kind: 'invalid', details: [] }).element, root);
});

test('a parse error from libxml2 is placed at its line', () => {
  const site = locateSchemaFailure(root, lines, { kind: 'unparsable', details: [{ level: 2, line: 15, message: 'Namespace prefix qemu on commandline is not defined' }] });
  assert.equal(slice(site.range), '<qemu:commandline>');
  assert.equal(site.exact, false);
});

test('narrowing: the smallest element whose removal validates, offsets kept; none when no single removal helps', () => {
  const validated: string[] = [];
  // A stand-in for libxml2: the document is invalid while it holds 'cdrum' or 'bogus'.
  const validate = (text: string): SchemaFailure | undefined => {
    validated.push(text);
    assert.equal(text.length, TEXT.length, 'blanking keeps offsets');
    assert.equal(text.split('\n').length, TEXT.split('\n').length, 'and lines');
    return /cdrum|bogus/.test(text) ? invalid({ message: 'Extra element devices in interleave' }) : undefined;
  };
  const devices = elementAtPath(root, '/domain/devices')!;
  const found = narrowSchemaFailure(TEXT, devices, validate);
  assert.equal(found, elementAtPath(root, '/domain/devices/disk[2]'), 'the second disk, and not deeper: its <target> is not the fault');
  // Halves of <devices> (two disks | the interface), then of those, then the second disk's only child.
  assert.ok(validated.length <= 6, `${validated.length} validations`);
  // From the root it descends through <devices>.
  assert.equal(narrowSchemaFailure(TEXT, root, validate), found);
  // Two faults: removing either alone does not validate.
  const two = TEXT.replace("<interface type='bridge'/>", "<interface type='bogus'/>");
  const twoRoot = parseXml(two).root!;
  const twoValidate = (text: string) => (/cdrum|bogus/.test(text) ? invalid({ message: 'x' }) : undefined);
  assert.equal(narrowSchemaFailure(two, elementAtPath(twoRoot, '/domain/devices')!, twoValidate), undefined);
  // The budget bounds the validations.
  let calls = 0;
  assert.equal(narrowSchemaFailure(TEXT, devices, () => (calls++, invalid({ message: 'x' })), 2), undefined);
  assert.equal(calls, 2);
});

test('narrowing a long list halves it; two faults far apart stop it after two validations', () => {
  const disks = Array.from({ length: 64 }, (_, i) => `    <disk type='file' device='${i === 41 ? 'cdrum' : 'disk'}'><target dev='vd${i}'/></disk>`).join('\n');
  const text = `<domain type='kvm'>\n  <devices>\n${disks}\n  </devices>\n</domain>\n`;
  const r = parseXml(text).root!;
  let calls = 0;
  const validate = (t: string) => (calls++, /cdrum|bogus/.test(t) ? invalid({ message: 'x' }) : undefined);
  const found = narrowSchemaFailure(text, elementAtPath(r, '/domain/devices')!, validate);
  assert.equal(found?.attributeValues.device, 'cdrum');
  assert.ok(calls <= 2 * Math.log2(64) + 2, `${calls} validations for 64 children`);
  const two = text.replace("device='disk'><target dev='vd3'/>", "device='bogus'><target dev='vd3'/>");
  calls = 0;
  assert.equal(narrowSchemaFailure(two, elementAtPath(parseXml(two).root!, '/domain/devices')!, validate), undefined);
  assert.equal(calls, 2);
});

test('narrowing a short list falls back to one by one when a required child shares a half with the fault', () => {
  // <b> is bad; without <a> (required) the document is invalid too, and <a> shares the first half with <b>.
  const text = `<domain type='kvm'>\n  <x>\n    <b/>\n    <a/>\n    <c/>\n    <d/>\n  </x>\n</domain>\n`;
  const r = parseXml(text).root!;
  const validate = (t: string) => (/<b\/>/.test(t) || !/<a\/>/.test(t) ? invalid({ message: 'x' }) : undefined);
  assert.equal(narrowSchemaFailure(text, elementAtPath(r, '/domain/x')!, validate)?.name, 'b');
});

test("a blamed value is checked with its siblings blanked out: libxml2 names the first child of a failed choice, whichever broke it", () => {
  const os = `<domain type='kvm'>
  <name>mac-01</name>
  <os>
    <type arch='x86_64' machine='pc-q35-3.1'>hvm</type>
    <loader readonly='yes' type='pflash'>OVMF_CODE.fd</loader>
    <nvram>OVMF_VARS.fd</nvram>
  </os>
  <devices>
    <bogus/>
  </devices>
</domain>
`;
  const osRoot = parseXml(os).root!;
  const osLines = new LineIndex(os);
  const type = elementAtPath(osRoot, '/domain/os/type')!;
  const seen: string[] = [];
  // A stand-in for libxml2 on libvirt's <os> choice: relative <loader>/<nvram> paths fail the whole
  // <os> and the report lands on <type> (line 4); <bogus/> is a second fault further on (line 9).
  const validate = (text: string): SchemaFailure | undefined => {
    seen.push(text);
    assert.equal(text.length, os.length, 'blanking keeps offsets');
    if (/>OVMF_/.test(text)) return invalid({ message: 'Error validating value', line: 4, xpath: '/domain/os/type' });
    if (text.includes('<bogus/>')) return invalid({ message: 'Extra element devices in interleave', line: 9 });
    return undefined;
  };
  // Without <loader> and <nvram> the first failure moves past <type>: <type> was not the fault.
  assert.equal(blamedValueHolds(os, osLines, type, validate), false);
  assert.equal(seen.length, 1, 'one validation');
  assert.ok(!seen[0]!.includes('<loader') && !seen[0]!.includes('<nvram') && seen[0]!.includes('<type'), 'only the siblings are blanked');
  // A value that still fails on its own, or a failure before it (a required sibling now missing), keeps libxml2's word.
  assert.equal(blamedValueHolds(os, osLines, type, () => invalid({ message: 'Error validating value', line: 4, xpath: '/domain/os/type' })), true);
  assert.equal(blamedValueHolds(os, osLines, type, () => invalid({ message: 'Expecting an element type', line: 3 })), true);
  // Valid once the siblings are gone: the fault was among them.
  assert.equal(blamedValueHolds(os, osLines, type, () => undefined), false);
  // No siblings: nothing to compare, libxml2's word stands (and no validation is spent).
  let calls = 0;
  const lone = parseXml('<domain><memory>x</memory></domain>').root!;
  assert.equal(blamedValueHolds('<domain><memory>x</memory></domain>', new LineIndex('<domain><memory>x</memory></domain>'), lone.children[0]!, () => (calls++, undefined)), true);
  assert.equal(calls, 0);
});

test('faultOutsideBlamed: a fault beside the blamed element or an ancestor clears the blamed value', () => {
  // libvirt/libvirt tests/libxlxml2domconfigdata/vnuma-hvm.xml: <clock sync='utc'/> (no attribute of
  // libvirt's schema) makes libxml2 give up on the <os> alternatives and blame <type>hvm</type>.
  const text = `<domain type='xen'>
  <name>test-hvm</name>
  <clock sync='utc'/>
  <os>
    <type>hvm</type>
    <loader>/usr/lib/xen/boot/hvmloader</loader>
  </os>
</domain>
`;
  const root = parseXml(text).root!;
  const type = elementAtPath(root, '/domain/os/type')!;
  const seen: string[] = [];
  const validate = (t: string): SchemaFailure | undefined => {
    seen.push(t);
    assert.equal(t.length, text.length, 'blanking keeps offsets');
    return t.includes("sync='utc'") ? invalid({ message: 'Error validating value', line: 5, xpath: '/domain/os/type' }) : undefined;
  };
  assert.equal(faultOutsideBlamed(text, type, validate)?.name, 'clock');
  assert.ok(seen.every((t) => t.includes('<type>hvm</type>')), 'the blamed element itself is never blanked');
  // A value that fails whatever else is removed keeps libxml2's word.
  assert.equal(faultOutsideBlamed(text, type, () => invalid({ message: 'Error validating value', line: 5, xpath: '/domain/os/type' })), undefined);
  // The budget bounds the validations.
  let calls = 0;
  assert.equal(faultOutsideBlamed(text, type, () => (calls++, invalid({ message: 'Error validating value', line: 5 })), 2), undefined);
  assert.equal(calls, 2);
});

test('the first fault: with two, the children after it are blanked and the search goes on; then its one bad attribute', () => {
  // A stand-in for libxml2: 'cdrum' and 'bogus' are faults wherever they are; without device= a disk is still valid.
  const two = TEXT.replace("<interface type='bridge'/>", "<interface type='bogus'/>");
  const r = parseXml(two).root!;
  const seen: string[] = [];
  const validate = (t: string) => (seen.push(t), /cdrum|bogus/.test(t) ? invalid({ message: 'Extra element devices in interleave' }) : undefined);
  const found = narrowFirstFault(two, elementAtPath(r, '/domain/devices')!, validate);
  assert.equal(found?.element, elementAtPath(r, '/domain/devices/disk[2]'), 'the second disk, before the interface');
  assert.equal(found?.attribute?.name, 'device', 'and of its attributes, device= alone: the text validates without it');
  assert.equal(found!.text.length, two.length, 'offsets kept');
  assert.ok(!found!.text.includes('bogus') && found!.text.includes('cdrum'), 'the interface after it is blanked, the disk kept');
  assert.ok(seen.every((t) => t.length === two.length));
  // One fault: the same answer as narrowSchemaFailure, and the text is the document's own.
  const one = narrowFirstFault(TEXT, elementAtPath(root, '/domain/devices')!, (t) => (/cdrum/.test(t) ? invalid({ message: 'x' }) : undefined));
  assert.equal(one?.element, elementAtPath(root, '/domain/devices/disk[2]'));
  assert.equal(one?.text, TEXT);
  // The fault in the element's own attribute (no child at fault): that attribute, on that element.
  const own = narrowFirstFault(TEXT, elementAtPath(root, '/domain/vcpu')!, (t) => (/statik/.test(t) ? invalid({ message: 'x' }) : undefined));
  assert.deepEqual([own?.element.name, own?.attribute?.name], ['vcpu', 'placement']);
  // Nothing found when even blanking every child fails (the fault is elsewhere, or a required child): undefined.
  assert.equal(narrowFirstFault(TEXT, elementAtPath(root, '/domain/devices')!, () => invalid({ message: 'x' })), undefined);
  // The budget bounds the validations, including those narrowSchemaFailure makes.
  let calls = 0;
  narrowFirstFault(two, elementAtPath(r, '/domain/devices')!, () => (calls++, invalid({ message: 'x' })), 5);
  assert.ok(calls <= 5, `${calls} validations`);
});
