import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { repoRoot } from '../support/paths.ts';

// A path the runner maps to the texts below (overrides), never read.
const file = join(repoRoot, 'examples', 'production-vm.xml');
/** `text` with an <os><type> on its closing tag's line, unless it has one: libvirt refuses a domain without (value-invalid). */
const withOsType = (text: string) => (text.includes('<os') ? text : text.replace(/<\/domain>(?![^]*<\/domain>)/, '<os><type>hvm</type></os></domain>'));
const run = async (text: string) => (await lint({ paths: [file], cwd: repoRoot, configFile: false, overrides: new Map([[file, withOsType(text)]]) })).diagnostics.map((d) => `${d.line} ${d.ruleId}`);

test('kvmlint-disable-line silences its own line only: a lone CR ends a line, as kvmlint numbers lines', async () => {
  const body = (eol: string) => `<domain type='kvm'>${eol}  <name>cr</name>${eol}  <vcpu placement='static'>four</vcpu>${eol}  <memory unit='GiB'>4</memory> <!-- kvmlint-disable-line -->${eol}</domain>${eol}`;
  for (const eol of ['\n', '\r\n', '\r']) {
    assert.deepEqual(await run(body(eol)), ['3 value-invalid'], JSON.stringify(eol));
  }
  // A lone CR between LF lines: the <vcpu> line before it is not the directive's.
  assert.deepEqual(await run("<domain type='kvm'>\n  <name>cr</name>\n  <vcpu placement='static'>four</vcpu>\r  <memory unit='GiB'>4</memory> <!-- kvmlint-disable-line -->\n</domain>\n"), ['3 value-invalid']);
  // On the <vcpu> line it does silence that finding.
  assert.deepEqual(await run("<domain type='kvm'>\r  <name>cr</name>\r  <memory unit='GiB'>4</memory>\r  <vcpu placement='static'>four</vcpu> <!-- kvmlint-disable-line value-invalid -->\r</domain>\r"), []);
});

/** The findings of the rules these tests are about, as `line rule`. */
const runDirectives = async (text: string) => (await run(text)).filter((f) => / (value-invalid|unused-disable-directive)$/.test(f));

test("a file kvmlint cannot read as libvirt does stays reported: no directive or <metadata> suppression silences it", async () => {
  const domain = (extra: string, before = '') =>
    `<domain type='kvm'>\n  <name>merge</name>\n  <memory unit='GiB'>4</memory>\n  <vcpu placement='static'>2</vcpu>\n${before}  <cputune><vcpupin vcpu='0' cpuset='2'/></cputune>\n${extra}</domain>\n`;
  // libvirt reads the pins of both <cputune>s; kvmlint reads the first.
  const second = "  <!-- kvmlint-disable-next-line value-invalid: split for readability -->\n  <cputune><vcpupin vcpu='1' cpuset='3'/></cputune>\n";
  assert.deepEqual(await runDirectives(domain(second)), ['7 value-invalid']);
  assert.deepEqual(await runDirectives(domain(second, '  <!-- kvmlint-disable-file -->\n')), ['8 value-invalid']);
  const metadata = "  <metadata><kvmlint:suppress xmlns:kvmlint='https://github.com/kvmlint/kvmlint/xmlns/suppress/1'><kvmlint:disable rules='value-invalid'/></kvmlint:suppress></metadata>\n";
  assert.deepEqual(await runDirectives(domain(second + metadata)), ['7 value-invalid']);
  // An element in another namespace, which libvirt's XPath does not match.
  assert.deepEqual(await runDirectives(domain("  <numatune xmlns='urn:x'><memory mode='strict' nodeset='9'/></numatune>\n", '  <!-- kvmlint-disable-file value-invalid -->\n')), ['7 value-invalid']);
  // A namespace the root declares reaches every child that does not reset it; one a DOCTYPE defaults reaches
  // elements without a declaration in sight (libxml2 applies <!ATTLIST … xmlns> defaults).
  const rooted = domain('').replace("<domain type='kvm'>", "<domain type='kvm' xmlns='urn:x'>");
  // One finding, at the declaration; the <name>, <cputune>… it hides are related places.
  assert.deepEqual(await runDirectives(rooted), ['1 value-invalid']);
  const doctype = `<!DOCTYPE domain [<!ATTLIST vcpupin xmlns CDATA 'urn:x'>]>\n${domain('', '  <!-- kvmlint-disable-file -->\n')}`;
  assert.deepEqual(await runDirectives(doctype), ['2 value-invalid']);
  // A feature named twice: libvirt takes the last, kvmlint the first.
  assert.deepEqual(await runDirectives(domain("  <features><pmu state='off'/><pmu state='on'/></features>\n")), ['6 value-invalid']);
  // A driver's own namespace outside the elements kvmlint models is libvirt's to read (virtlet writes this one).
  assert.deepEqual(await runDirectives(domain("  <commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'><arg value='-s'/></commandline>\n")), []);
  // A repeat libvirt ignores (it reads the first) is an ordinary finding: a directive silences it.
  assert.deepEqual(await runDirectives(domain("  <!-- kvmlint-disable-next-line value-invalid -->\n  <vcpu placement='static'>4</vcpu>\n")), []);
});

test('a rule named after the colon is no directive for every rule: it silences nothing and is reported, whatever <metadata> says', async () => {
  const text = (directive: string, metadata = '') =>
    `<domain type='kvm'>\n  ${directive}\n  <name>colon</name>\n  <vcpu placement='static'>four</vcpu>\n${metadata}</domain>\n`;
  assert.deepEqual(await runDirectives(text('<!-- kvmlint-disable-file: locked-memory-risk -->')), ['2 unused-disable-directive', '4 value-invalid']);
  assert.deepEqual(await runDirectives(text('<!-- kvmlint-disable-file locked-memory-risk: the reason -->')), ['4 value-invalid']);
  assert.deepEqual(await runDirectives(text('<!-- kvmlint-disable-file: not a rule, a reason -->')), []);
  // As a reviewer reads it: behind a zero-width space, quoted, capitalised, with a full stop.
  for (const reason of ['\u200blocked-memory-risk', '"locked-memory-risk"', 'Locked-Memory-Risk.', ', locked-memory-risk']) {
    assert.deepEqual(await runDirectives(text(`<!-- kvmlint-disable-file:${reason} -->`)), ['2 unused-disable-directive', '4 value-invalid'], reason);
  }
  const metadata = "  <metadata><kvmlint:suppress xmlns:kvmlint='https://github.com/kvmlint/kvmlint/xmlns/suppress/1'><kvmlint:disable rules='unused-disable-directive'/></kvmlint:suppress></metadata>\n";
  assert.deepEqual(await runDirectives(text('<!-- kvmlint-disablenextline value-invalid -->', metadata)), ['2 unused-disable-directive', '4 value-invalid']);
});

test('a value element holding an element with text: libvirt reads both texts as one value, so it is reported and no directive silences it', async () => {
  const text = (memory: string, vcpu = '2') =>
    `<domain type='kvm'>\n  <!-- kvmlint-disable-file -->\n  <name>nested</name>\n  ${memory}\n  <vcpu placement='static'>${vcpu}</vcpu>\n</domain>\n`;
  // libvirt's string(./memory[1]) is '160' (GiB); kvmlint's own text of <memory> is '1'.
  assert.deepEqual(await runDirectives(text("<memory unit='GiB'>1<x>60</x></memory>")), ['4 value-invalid']);
  assert.deepEqual(await runDirectives(text("<memory unit='GiB'>4</memory>", '1<x><y>6</y></x>')), ['5 value-invalid']);
  // An element without text between the digits changes nothing: both read 16.
  assert.deepEqual(await runDirectives(text("<memory unit='GiB'>1<x/>6</memory>")), []);
});
