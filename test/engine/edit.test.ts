import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { characterDataRange, combineEdits, insertAttribute, insertLastChildren, setSize } from '../../src/engine/edit.ts';
import type { Fix } from '../../src/engine/types.ts';
import { attribute } from '../../src/xml/query.ts';

const apply = (text: string, f: Fix) => text.slice(0, f.range[0]) + f.text + text.slice(f.range[1]);

test('combineEdits folds disjoint edits into one fix and keeps the text between them', () => {
  const text = 'abcdefghij';
  const f = combineEdits(text, [{ range: [6, 8], text: 'XY' }, { range: [1, 2], text: 'B' }]);
  assert.deepEqual(f.range, [1, 8]);
  assert.equal(apply(text, f), 'aBcdefXYij');
  assert.throws(() => combineEdits(text, [{ range: [1, 4], text: '' }, { range: [3, 5], text: '' }]), /overlap/);
});

test('insertAttribute adds an attribute after another one, or after the name, in the quote style', () => {
  const text = '<numa>\n  <cell id="0" memory="4"/>\n</numa>';
  const cell = parseXml(text).root!.children[0]!;
  assert.equal(apply(text, insertAttribute(text, cell, 'cpus', '0-3', attribute(cell, 'id'))), '<numa>\n  <cell id="0" cpus="0-3" memory="4"/>\n</numa>');
  assert.equal(apply(text, insertAttribute(text, cell, 'cpus', '0-3')), '<numa>\n  <cell cpus="0-3" id="0" memory="4"/>\n</numa>');
});

test('setSize keeps the written unit when exact, else writes KiB and the unit in one edit', () => {
  const run = (xml: string, kib: number) => {
    const el = parseXml(xml).root!;
    return apply(xml, setSize(xml, el.contentRange, attribute(el, 'unit'), kib));
  };
  assert.equal(run("<memory unit='GiB'>16</memory>", 12 * 1024 * 1024), "<memory unit='GiB'>12</memory>");
  assert.equal(run("<memory unit='GiB'>16</memory>", 16252928), "<memory unit='KiB'>16252928</memory>");
  assert.equal(run('<memory dumpCore="off" unit="G">16</memory>', 1536 * 1024), '<memory dumpCore="off" unit="KiB">1572864</memory>');
  assert.equal(run('<memory>8388608</memory>', 12582912), '<memory>12582912</memory>');
  // An attribute value as the size: a guest cell.
  const cellXml = "<cell id='0' memory='4608' unit='MiB' cpus='0-1'/>";
  const cell = parseXml(cellXml).root!;
  assert.equal(apply(cellXml, setSize(cellXml, attribute(cell, 'memory')!.valueRange, attribute(cell, 'unit'), 5 * 1024 * 1024)), "<cell id='0' memory='5120' unit='MiB' cpus='0-1'/>");
});

test('characterDataRange: the value alone, beside comments, PIs and CDATA; nothing when it is split or has a child', () => {
  const range = (xml: string) => {
    const r = characterDataRange(parseXml(xml).root!);
    return r && xml.slice(r.start, r.end);
  };
  assert.equal(range('<memory> 4194304\n</memory>'), '4194304');
  assert.equal(range("<memory unit='KiB'><!-- owner: team-db -->4194304</memory>"), '4194304');
  assert.equal(range('<memory>4194304<?pi x?> <!-- a --> </memory>'), '4194304');
  assert.equal(range('<memory><![CDATA[ 4194304 ]]><!-- b --></memory>'), '4194304');
  assert.equal(range('<memory>4194<!-- split -->304</memory>'), undefined);
  assert.equal(range('<memory>42<![CDATA[1]]></memory>'), undefined);
  assert.equal(range('<memory>42<b/></memory>'), undefined);
  assert.equal(range('<memory><!-- none --></memory>'), undefined);
});

test('insertLastChildren into a parent without child elements keeps its comments: only the whitespace before the end tag goes', () => {
  const xml = "<domain>\n  <features>\n    <!-- kvmlint-disable-next-line pmu -->\n    <![CDATA[ x ]]>\n  </features>\n</domain>";
  const features = parseXml(xml).root!.children[0]!;
  assert.equal(
    apply(xml, insertLastChildren(xml, features, [{ name: 'acpi', attributes: [] }])),
    "<domain>\n  <features>\n    <!-- kvmlint-disable-next-line pmu -->\n    <![CDATA[ x ]]>\n    <acpi/>\n  </features>\n</domain>",
  );
  // Nothing but whitespace: the content is rewritten as before.
  const empty = '<domain>\n  <features>  </features>\n</domain>';
  const el = parseXml(empty).root!.children[0]!;
  assert.equal(apply(empty, insertLastChildren(empty, el, [{ name: 'acpi', attributes: [] }])), '<domain>\n  <features>\n    <acpi/>\n  </features>\n</domain>');
});

test('an element inserted after the last child starts past that child\'s line: its trailing comment and its line ending stay', () => {
  const el = { name: 'emulatorpin', attributes: [['cpuset', '0-3']] as Array<[string, string]> };
  // A trailing comment stays on the vcpupin's line.
  const commented = "<domain>\n  <cputune>\n    <vcpupin vcpu='0' cpuset='4'/> <!-- last pin -->\n  </cputune>\n</domain>\n";
  const cputune = parseXml(commented).root!.children[0]!;
  assert.equal(
    apply(commented, insertLastChildren(commented, cputune, [el])),
    "<domain>\n  <cputune>\n    <vcpupin vcpu='0' cpuset='4'/> <!-- last pin -->\n    <emulatorpin cpuset='0-3'/>\n  </cputune>\n</domain>\n",
  );
  // Mixed line endings: the vcpupin's LF line keeps its LF, and the new line takes that same ending.
  const mixed = "<domain>\r\n  <cputune>\r\n    <vcpupin vcpu='0' cpuset='4'/>\n  </cputune>\r\n</domain>\r\n";
  const fixed = apply(mixed, insertLastChildren(mixed, parseXml(mixed).root!.children[0]!, [el]));
  assert.equal(fixed, "<domain>\r\n  <cputune>\r\n    <vcpupin vcpu='0' cpuset='4'/>\n    <emulatorpin cpuset='0-3'/>\n  </cputune>\r\n</domain>\r\n");
  // Inline children stay inline.
  const inline = "<domain><cputune><vcpupin vcpu='0' cpuset='4'/></cputune></domain>";
  assert.equal(apply(inline, insertLastChildren(inline, parseXml(inline).root!.children[0]!, [el])), "<domain><cputune><vcpupin vcpu='0' cpuset='4'/>\n<emulatorpin cpuset='0-3'/></cputune></domain>");
});

test('an inserted element quotes as its neighbours do, else as most of the document does', () => {
  const el = { name: 'pmu', attributes: [['state', 'off']] as Array<[string, string]> };
  // <acpi/> and <apic/> have no attributes: the file's double quotes win over the default '.
  const xml = '<domain type="kvm">\n  <name>x</name>\n  <memory unit="GiB">4</memory>\n  <features>\n    <acpi/>\n    <apic/>\n  </features>\n</domain>\n';
  const features = parseXml(xml).root!.children[2]!;
  assert.match(apply(xml, insertLastChildren(xml, features, [el])), /<pmu state="off"\/>/);
  // Neighbours decide by majority, not by the first attribute met.
  const mixed = "<domain>\n  <cputune>\n    <vcpupin vcpu=\"0\" cpuset=\"4\"/>\n    <vcpupin vcpu='1' cpuset='5'/>\n    <vcpupin vcpu='2' cpuset='6'/>\n  </cputune>\n</domain>\n";
  assert.match(apply(mixed, insertLastChildren(mixed, parseXml(mixed).root!.children[0]!, [{ name: 'emulatorpin', attributes: [['cpuset', '0-1']] }])), /<emulatorpin cpuset='0-1'\/>/);
});
