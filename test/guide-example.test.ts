import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../src/engine/runner.ts';
import { repoRoot } from './support/paths.ts';

// Issue 3's acceptance: the tuning guide's complete example is clean against the
// guide's host, and each of the guide's warnings introduced alone yields exactly
// the matching rule at the element at fault.
const host = join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
const original = readFileSync(join(repoRoot, 'examples', 'production-vm.xml'), 'utf8');

async function lintTexts(texts: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-guide-'));
  try {
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    const run = await lint({ paths: Object.keys(texts), cwd: dir, hostFile: host });
    return run.diagnostics.map((d) => ({
      rule: d.ruleId,
      file: d.file,
      line: d.line,
      text: run.sources.get(d.file)!.slice(d.range.start, d.range.end),
      ...(d.related ? { related: d.related.map((r) => `${r.file}:${r.line}`) } : {}),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture text lacks ${needle}`);
  return text.slice(0, i).split('\n').length;
}

function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `edit ${from} changed nothing`);
  return out;
}

test('the complete example yields no finding against the dual-socket host', async () => {
  assert.deepEqual(await lintTexts({ 'vm.xml': original }), []);
});

test('emulatorpin removed: missing-emulatorpin on <cputune>', async () => {
  const xml = edit(original, /\n\s*<emulatorpin [^>]*\/>/, '');
  assert.deepEqual(await lintTexts({ 'vm.xml': xml }), [{ rule: 'missing-emulatorpin', file: 'vm.xml', line: lineOf(xml, '<cputune>'), text: '<cputune>' }]);
});

test('a vcpupin on housekeeping CPU 2: housekeeping-overlap on that pin', async () => {
  const xml = edit(original, "<vcpupin vcpu='3' cpuset='7'/>", "<vcpupin vcpu='3' cpuset='2'/>");
  assert.deepEqual(await lintTexts({ 'vm.xml': xml }), [
    { rule: 'housekeeping-overlap', file: 'vm.xml', line: lineOf(xml, "vcpu='3'"), text: "cpuset='2'" },
  ]);
});

test('pins on node-1 CPUs with nodeset 0: one pin-crosses-nodeset at the first moved vcpupin, every other one related', async () => {
  let xml = original;
  for (let v = 0; v < 8; v++) xml = edit(xml, `<vcpupin vcpu='${v}' cpuset='${v + 4}'/>`, `<vcpupin vcpu='${v}' cpuset='${v + 20}'/>`);
  const found = await lintTexts({ 'vm.xml': xml });
  assert.deepEqual(found, [
    {
      rule: 'pin-crosses-nodeset',
      file: 'vm.xml',
      line: lineOf(xml, "vcpu='0'"),
      text: "<vcpupin vcpu='0' cpuset='20'/>",
      related: Array.from({ length: 7 }, (_, i) => `vm.xml:${lineOf(xml, `vcpu='${i + 1}'`)}`),
    },
  ]);
});

test('<numatune> removed: pin-crosses-nodeset says memory placement is left to the kernel', async () => {
  const xml = edit(original, /\n\s*<numatune>[\s\S]*?<\/numatune>/, '');
  const found = await lintTexts({ 'vm.xml': xml });
  assert.deepEqual(found, [{ rule: 'pin-crosses-nodeset', file: 'vm.xml', line: lineOf(xml, '<cputune>'), text: '<cputune>' }]);
});

test('a second 16 GiB guest on node 0: one insufficient-hugepages for the pool, the other guest\'s <page> related', async () => {
  let second = edit(original, '<name>production-vm</name>', '<name>second-vm</name>');
  second = edit(second, '4d3f0b6e-8a51-4c2e-9f1a-2b7c5d9e0a11', '4d3f0b6e-8a51-4c2e-9f1a-2b7c5d9e0a12');
  // Node 0 has isolated CPUs 4-15 and production-vm holds 4-11: the second guest gets 4 vCPUs on 12-15.
  second = edit(second, "<vcpu placement='static'>8</vcpu>", "<vcpu placement='static'>4</vcpu>");
  second = edit(second, "cores='8'", "cores='4'");
  for (let v = 0; v < 8; v++) {
    second = edit(second, new RegExp(`\\n\\s*<vcpupin vcpu='${v}' cpuset='${v + 4}'/>`), v < 4 ? `\n    <vcpupin vcpu='${v}' cpuset='${v + 12}'/>` : '');
  }
  const found = await lintTexts({ 'a.xml': original, 'b.xml': second });
  const page = "<page size='2048' unit='KiB'/>";
  // Equal demands: reported on the later guest, the one `kvmlint plan` would move.
  assert.deepEqual(found, [{ rule: 'insufficient-hugepages', file: 'b.xml', line: lineOf(second, page), text: page, related: [`a.xml:${lineOf(original, page)}`] }]);
});
