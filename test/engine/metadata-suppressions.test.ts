import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { SUPPRESS_XMLNS, parseMetadataSuppressions, selectElements } from '../../src/engine/metadata-suppressions.ts';
import { parseXml } from '../../src/xml/parse.ts';
import { repoRoot } from '../support/paths.ts';

// libvirt's own qemuxml2xml pair (fixtures/libvirt/README.md): a definition as written, and what
// libvirt formats back after parsing it.
const written = readFileSync(join(repoRoot, 'fixtures', 'libvirt', 'metadata.input.xml'), 'utf8');
const dumped = readFileSync(join(repoRoot, 'fixtures', 'libvirt', 'metadata.dumped.xml'), 'utf8');
const host = join(repoRoot, 'fixtures', 'hosts', 'dual-socket.json');

/** A kvmlint container as libvirt formats a namespaced metadata child: its own xmlns declaration, double quotes, re-indented. */
function suppressElement(entries: string[]): string {
  return [`    <kvmlint:suppress xmlns:kvmlint="${SUPPRESS_XMLNS}">`, ...entries.map((e) => `      ${e}`), '    </kvmlint:suppress>'].join('\n');
}

/** libvirt's dumped domain with a kvmlint container added to its <metadata>, as a later dumpxml would show it. */
function dumpedWith(entries: string[]): string {
  return dumped.replace('  </metadata>', `${suppressElement(entries)}\n  </metadata>`);
}

async function lintText(text: string, reportUnused = true) {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-metadata-'));
  try {
    writeFileSync(join(dir, 'guest.xml'), text);
    const run = await lint({ paths: ['guest.xml'], cwd: dir, hostFile: host, configFile: false, reportUnusedDisableDirectives: reportUnused });
    // Where the container goes moves the lines below it: findings by rule, unused entries by line and message.
    return run.diagnostics.map((d) => (d.ruleId === 'unused-disable-directive' ? `${d.line}:${d.column} ${d.ruleId} ${d.message}` : d.ruleId));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("libvirt's round trip drops XML comments but keeps each namespaced <metadata> child (its own test pair)", () => {
  const input = parseXml(written);
  const output = parseXml(dumped);
  assert.equal(input.comments.length, 1, 'the definition as written has a comment');
  assert.equal(output.comments.length, 0, 'libvirt formats it back without');
  const children = (doc: typeof output) => doc.root!.children.find((c) => c.name === 'metadata')!.children.map((c) => [c.name, c.text, c.attributeValues]);
  assert.deepEqual(children(output), children(input));
  // Each child declares its namespace itself, which is how a kvmlint container is read back.
  assert.equal(output.root!.children.find((c) => c.name === 'metadata')!.children[0]!.attributeValues['xmlns:app1'], 'http://foo.org/');
});

test('suppressions in <metadata>, written as libvirt formats them, silence findings by rule and by element', async () => {
  const before = await lintText(dumped);
  // Its <vcpu cpuset> reaches both host nodes: no node is left for pin-crosses-nodeset to warn about.
  assert.deepEqual(before, ['housekeeping-overlap', 'isolcpus-floating-affinity', 'pin-target-offline']);

  const all = await lintText(dumpedWith([`<kvmlint:disable rules="housekeeping-overlap isolcpus-floating-affinity" reason="the test guest floats on purpose"/>`]));
  assert.deepEqual(all, ['pin-target-offline']);

  // `element` limits an entry to one element (and what is inside it).
  const onVcpu = await lintText(dumpedWith([`<kvmlint:disable rules="pin-target-offline" element="vcpu" reason="CPU 525 is a test value"/>`]));
  assert.deepEqual(onVcpu, ['housekeeping-overlap', 'isolcpus-floating-affinity']);
  const elsewhere = await lintText(dumpedWith([`<kvmlint:disable rules="pin-target-offline" element="devices/disk[1]"/>`]));
  assert.ok(elsewhere.includes('pin-target-offline'));

  // No rule list: every rule. A prefix other than kvmlint, or a default namespace, works too; another namespace does not.
  assert.deepEqual(await lintText(dumped.replace('  </metadata>', `    <k:suppress xmlns:k="${SUPPRESS_XMLNS}"><k:disable element="/domain/vcpu"/></k:suppress>\n  </metadata>`)), []);
  assert.deepEqual(await lintText(dumped.replace('  </metadata>', `    <suppress xmlns="${SUPPRESS_XMLNS}"><disable/></suppress>\n  </metadata>`)), []);
  assert.equal((await lintText(dumped.replace('  </metadata>', '    <k:suppress xmlns:k="http://example.com/other"><k:disable/></k:suppress>\n  </metadata>'))).length, 3);
});

test('unused suppressions in <metadata> are reported like unused directives (with --report-unused-disable-directives)', async () => {
  const text = dumpedWith([
    `<kvmlint:disable rules="pin-target-offline missing-emulatorpin" reason="one is stale"/>`,
    `<kvmlint:disable rules="housekeeping-overlap" element="cputune/vcpupin[@vcpu='0']"/>`,
  ]);
  const lines = text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  assert.deepEqual(await lintText(text), [
    `${lineOf('one is stale')}:7 unused-disable-directive unused kvmlint suppression in <metadata> (no problem was reported from 'missing-emulatorpin')`,
    `${lineOf('vcpupin')}:7 unused-disable-directive unused kvmlint suppression in <metadata> (no problem was reported from 'housekeeping-overlap'; element 'cputune/vcpupin[@vcpu='0']' matches no element)`,
    'housekeeping-overlap',
    'isolcpus-floating-affinity',
  ]);
  assert.equal((await lintText(text, false)).length, 2);
});

test('element paths: steps from the domain, [@attr=value] and [n] predicates; a bad path matches nothing', () => {
  const doc = parseXml(dumped);
  const names = (path: string) => selectElements(doc.root!, path).map((e) => `${e.name}:${e.range.start}`);
  assert.equal(names('devices/controller').length, 3);
  assert.deepEqual(names("devices/controller[@type='usb']"), names('devices/controller[2]'));
  assert.deepEqual(names('/domain/vcpu'), names('vcpu'));
  assert.deepEqual(names('devices/controller[@type="pci"][1]').length, 1);
  for (const bad of ['', 'devices//', 'devices/controller[@type=usb]', 'devices/con troller', 'nothing']) assert.deepEqual(names(bad), [], bad);
  assert.deepEqual(parseMetadataSuppressions(doc.root), []);
});
