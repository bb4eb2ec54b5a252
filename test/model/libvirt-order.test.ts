import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { firstChild } from '../../src/xml/query.ts';
import { CPUTUNE_CHILD_ORDER, FEATURES_CHILD_ORDER, MEMORY_BACKING_CHILD_ORDER, formatterPredecessor } from '../../src/model/libvirt-order.ts';
import { insertChild } from '../../src/engine/edit.ts';
import type { Fix } from '../../src/engine/types.ts';

function apply(text: string, fix: Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function root(text: string) {
  const doc = parseXml(text);
  assert.equal(doc.error, undefined);
  return doc.root!;
}

test('formatterPredecessor: after the last element libvirt writes earlier; undefined means first', () => {
  const cputune = root(`<cputune><vcpupin vcpu='0' cpuset='4'/><iothreadpin iothread='3' cpuset='0'/><vcpusched vcpus='0' scheduler='fifo' priority='1'/><iothreadpin iothread='1' cpuset='0'/></cputune>`);
  // An <emulatorpin> goes after the vcpupins, before any iothreadpin.
  assert.equal(formatterPredecessor(cputune, 'emulatorpin', CPUTUNE_CHILD_ORDER)?.attributeValues['vcpu'], '0');
  // iothreadpin 2 goes after iothreadpin 1 (by id), wherever that one was written.
  const after = formatterPredecessor(cputune, 'iothreadpin', CPUTUNE_CHILD_ORDER, (s) => Number(s.attributeValues['iothread']) < 2);
  assert.equal(after?.attributeValues['iothread'], '1');
  const mb = root(`<memoryBacking><locked/><source type='memfd'/></memoryBacking>`);
  assert.equal(formatterPredecessor(mb, 'nosharepages', MEMORY_BACKING_CHILD_ORDER), undefined);
  const features = root(`<features><acpi/><apic/><vmport state='off'/></features>`);
  assert.equal(formatterPredecessor(features, 'pmu', FEATURES_CHILD_ORDER)?.name, 'apic');
});

test('insertChild: after a sibling, or before the first child, keeping indentation, quotes and line endings', () => {
  const text = `<domain>\r\n\t<memoryBacking>\r\n\t\t<locked/>\r\n\t</memoryBacking>\r\n\t<features>\r\n\t\t<acpi/>\r\n\t</features>\r\n</domain>\r\n`;
  const domain = root(text);
  const mb = firstChild(domain, 'memoryBacking')!;
  assert.equal(
    apply(text, insertChild(text, mb, { name: 'nosharepages', attributes: [] }, undefined)),
    text.replace('\t\t<locked/>', '\t\t<nosharepages/>\r\n\t\t<locked/>'),
  );
  const features = firstChild(domain, 'features')!;
  assert.equal(
    apply(text, insertChild(text, features, { name: 'pmu', attributes: [['state', 'off']] }, features.children[0])),
    text.replace('\t\t<acpi/>', `\t\t<acpi/>\r\n\t\t<pmu state='off'/>`),
  );
  const dq = `<domain>\n  <vcpu placement="static">2</vcpu>\n</domain>\n`;
  const d2 = root(dq);
  assert.equal(
    apply(dq, insertChild(dq, d2, { name: 'memoryBacking', attributes: [], children: [{ name: 'nosharepages', attributes: [] }] }, undefined)),
    `<domain>\n  <memoryBacking>\n    <nosharepages/>\n  </memoryBacking>\n  <vcpu placement="static">2</vcpu>\n</domain>\n`,
  );
  // An empty parent gets the element as its only child.
  const empty = `<features/>`;
  assert.equal(apply(empty, insertChild(empty, root(empty), { name: 'pmu', attributes: [['state', 'off']] }, undefined)), `<features>\n  <pmu state='off'/>\n</features>`);
});
