import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyFixes, lintAndFix } from '../../src/engine/fix.ts';
import { lint } from '../../src/engine/runner.ts';
import type { Fix } from '../../src/engine/types.ts';
import { parseXml } from '../../src/xml/parse.ts';
import { repoRoot } from '../support/paths.ts';

const host = join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
const bin = join(repoRoot, 'dist', 'kvmlint.mjs');

test('applyFixes: sorted, overlapping fixes deferred, text outside the ranges untouched', () => {
  const text = '0123456789';
  const fixes: Fix[] = [
    { range: [6, 8], text: 'B' },
    { range: [1, 3], text: 'A' },
    { range: [2, 4], text: 'X' }, // overlaps [1,3]: left for the next pass
    { range: [9, 9], text: '+' },
  ];
  const { text: out, applied } = applyFixes(text, fixes);
  assert.equal(out, '0A345B8+9');
  assert.deepEqual(applied.map((f) => f.text), ['A', 'B', '+']);
});

// A generator of pinned domains in every style a repository may hold.
const styleArb = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  unit: fc.constantFrom('  ', '    ', '\t', ' '),
  quote: fc.constantFrom("'", '"'),
  vcpus: fc.integer({ min: 1, max: 6 }),
  node: fc.constantFrom(0, 1),
  emulatorpin: fc.boolean(),
  iothread: fc.boolean(),
  comments: fc.array(fc.constantFrom('', ' pinned 1:1 ', ' kvmlint test '), { minLength: 4, maxLength: 4 }),
  reverseAttrs: fc.boolean(),
  selfClosingSpace: fc.boolean(),
  bom: fc.boolean(),
  decl: fc.boolean(),
});

type Style = typeof styleArb extends fc.Arbitrary<infer T> ? T : never;

function domainText(s: Style): string {
  const q = s.quote;
  const attrs = (pairs: Array<[string, string]>) => (s.reverseAttrs ? [...pairs].reverse() : pairs).map(([k, v]) => ` ${k}=${q}${v}${q}`).join('');
  const close = s.selfClosingSpace ? ' />' : '/>';
  const i1 = s.unit;
  const i2 = s.unit + s.unit;
  const comment = (n: number, indent: string) => (s.comments[n] ? `${indent}<!--${s.comments[n]}-->${s.eol}` : '');
  const first = s.node === 0 ? 4 : 20;
  const lines = [
    `${s.decl ? `<?xml version=${q}1.0${q} encoding=${q}UTF-8${q}?>${s.eol}` : ''}<domain${attrs([['type', 'kvm']])}>`,
    `${i1}<name>gen</name>`,
    `${i1}<memory${attrs([['unit', 'GiB']])}>2</memory>`,
    `${i1}<vcpu${attrs([['placement', 'static']])}>${s.vcpus}</vcpu>`,
    ...(s.iothread ? [`${i1}<iothreads>1</iothreads>`] : []),
    `${comment(0, i1)}${i1}<cputune>`,
    ...Array.from({ length: s.vcpus }, (_, v) => `${comment(v === 0 ? 1 : 3, i2)}${i2}<vcpupin${attrs([['vcpu', String(v)], ['cpuset', String(first + v)]])}${close}`),
    ...(s.emulatorpin ? [`${i2}<emulatorpin${attrs([['cpuset', '0-1']])}${close}`] : []),
    ...(s.iothread ? [`${i2}<iothreadpin${attrs([['iothread', '1'], ['cpuset', '2-3']])}${close}`] : []),
    `${i1}</cputune>`,
    `${comment(2, i1)}${i1}<numatune>`,
    `${i2}<memory${attrs([['mode', 'strict'], ['nodeset', String(s.node)]])}${close}`,
    `${i1}</numatune>`,
    `</domain>`,
  ];
  return `${s.bom ? '\ufeff' : ''}${lines.join(s.eol)}${s.eol}`;
}

test('property (1,000 generated domains): fixed text parses, bytes outside the fix ranges are unchanged, fixing is idempotent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-fixprop-'));
  const file = join(dir, 'vm.xml');
  writeFileSync(file, '<domain/>');
  let fixedCount = 0;
  try {
    await fc.assert(
      fc.asyncProperty(styleArb, async (style) => {
        const text = domainText(style);
        const overrides = new Map([[file, text]]);
        const options = { paths: [file], cwd: dir, hostFile: host, configFile: false as const };
        const first = await lint({ ...options, overrides });
        const fixes = first.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
        const outcome = await lintAndFix({ ...options, overrides });
        const fixed = outcome.fixed.get(file) ?? text;
        assert.equal(parseXml(fixed).error, undefined, 'fixed text parses');
        // Every byte outside the applied ranges is the original's: rebuild from the pieces.
        const { applied } = applyFixes(text, fixes);
        let rebuilt = '';
        let at = 0;
        for (const f of applied) {
          rebuilt += text.slice(at, f.range[0]) + f.text;
          at = f.range[1];
        }
        assert.equal(fixed, rebuilt + text.slice(at));
        assert.equal(applied.length > 0, !style.emulatorpin, 'the emulatorpin fix applies exactly when it is missing');
        if (applied.length > 0) {
          fixedCount++;
          // The inserted line copies the siblings' indentation, quotes and line ending, and starts after
          // the last sibling's line, whose own bytes stay as they were.
          const inserted = applied[0]!.text;
          assert.equal(inserted, `${style.unit}${style.unit}<emulatorpin cpuset=${style.quote}0-3${style.quote}/>${style.eol}`);
        }
        const again = await lintAndFix({ ...options, overrides: new Map([[file, fixed]]) });
        assert.equal(again.fixed.size, 0, 'a second pass changes nothing');
        assert.ok(!again.run.diagnostics.some((d) => d.fix), 'no fixable finding remains');
      }),
      { numRuns: 1000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(fixedCount > 300, `only ${fixedCount} cases exercised a fix`);
});

function fixture(): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-fixwrite-'));
  const text = readFileSync(join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
  const file = join(dir, 'vm.xml');
  writeFileSync(file, text);
  cpSync(host, join(dir, 'host.json'));
  return { dir, file, text };
}

function runCli(args: string[], cwd: string, extraNodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...extraNodeArgs, bin, '--no-config-lookup', ...args], { cwd, encoding: 'utf8' });
}

test('--fix writes the fix and keeps the file mode', () => {
  const { dir, file, text } = fixture();
  try {
    chmodSync(file, 0o640);
    const r = runCli(['--fix', '--host', 'host.json', 'vm.xml'], dir);
    assert.equal(r.status, 0, r.stderr);
    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, text);
    assert.match(after, /\n    <emulatorpin cpuset='0-3'\/>\n  <\/cputune>/);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).sort(), ['host.json', 'vm.xml'], 'no temp file left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the original bytes survive in the backup when the process dies halfway through the in-place write', () => {
  const { dir, file, text } = fixture();
  try {
    const preload = join(repoRoot, 'test', 'support', 'die-mid-write.mjs');
    const r = runCli(['--fix', '--host', 'host.json', 'vm.xml'], dir, ['--import', preload]);
    assert.equal(r.signal, 'SIGKILL', 'the process was killed mid-write');
    assert.notEqual(readFileSync(file, 'utf8'), text, 'the file was half-written');
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    assert.equal(backups.length, 1, 'the backup is beside it');
    assert.equal(readFileSync(join(dir, backups[0]!), 'utf8'), text, 'and holds the original');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a read-only file is an error and is not changed', () => {
  const { dir, file, text } = fixture();
  try {
    chmodSync(file, 0o444);
    const r = runCli(['--fix', '--host', 'host.json', 'vm.xml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /vm\.xml: file is read-only; not fixed/);
    assert.equal(readFileSync(file, 'utf8'), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file edited after it was read is not overwritten', () => {
  const { dir, file } = fixture();
  try {
    // The preload appends to the file just before kvmlint writes its fix, as an editor saving meanwhile would.
    const preload = join(repoRoot, 'test', 'support', 'edit-before-write.mjs');
    const r = runCli(['--fix', '--host', 'host.json', 'vm.xml'], dir, ['--import', preload]);
    assert.equal(r.status, 2, `${r.stderr}\n${r.stdout}`);
    assert.match(r.stderr, /changed on disk since it was read; not overwritten/);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.endsWith('<!-- edited meanwhile -->\n'), 'the concurrent edit survives');
    assert.doesNotMatch(after, /<emulatorpin/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix-dry-run prints a patch that git apply takes, giving the same bytes as --fix, and writes nothing', () => {
  const a = fixture();
  const b = fixture();
  try {
    const crlf = a.text.replace(/\n/g, '\r\n');
    writeFileSync(a.file, crlf);
    writeFileSync(b.file, crlf);
    const dry = runCli(['--fix-dry-run', '--host', 'host.json', 'vm.xml'], a.dir);
    assert.equal(readFileSync(a.file, 'utf8'), crlf, 'dry run wrote nothing');
    assert.match(dry.stdout, /^--- a\/vm\.xml\n\+\+\+ b\/vm\.xml\n@@ /);
    writeFileSync(join(a.dir, 'fix.patch'), dry.stdout);
    execFileSync('git', ['apply', 'fix.patch'], { cwd: a.dir });
    const fix = runCli(['--fix', '--host', 'host.json', 'vm.xml'], b.dir);
    assert.equal(fix.status, 0, fix.stderr);
    assert.deepEqual(readFileSync(a.file), readFileSync(b.file));
    assert.match(readFileSync(b.file, 'utf8'), /\r\n    <emulatorpin cpuset='0-3'\/>\r\n/);
  } finally {
    rmSync(a.dir, { recursive: true, force: true });
    rmSync(b.dir, { recursive: true, force: true });
  }
});

test('a patch holding bidi or C1 characters from the file: exact when redirected (it must apply), neutralised on a terminal, said on stderr', async () => {
  const a = fixture();
  try {
    const hostile = a.text.replace('<iothreadpin', '<!-- owner \u202etxt.exe\u202c \u009b2J \u009d0;x\u009c -->\n    <iothreadpin');
    writeFileSync(a.file, hostile);
    const dry = runCli(['--fix-dry-run', '--host', 'host.json', 'vm.xml'], a.dir);
    assert.match(dry.stdout, /\u202e/, 'piped: the bytes as they are');
    assert.match(dry.stderr, /the patch for vm\.xml holds 5 control or bidi characters from the file, written as they are/);
    writeFileSync(join(a.dir, 'fix.patch'), dry.stdout);
    execFileSync('git', ['apply', 'fix.patch'], { cwd: a.dir });
    assert.match(readFileSync(a.file, 'utf8'), /\u202etxt\.exe[\s\S]*<emulatorpin/);
    const { patchForOutput } = await import('../../src/formats/neutralise.ts');
    const shown = patchForOutput(dry.stdout, 'vm.xml', true);
    assert.doesNotMatch(shown.text, /[\u0080-\u009f\u202a-\u202e]/, 'on a terminal: nothing acts on the screen');
    assert.equal(shown.text.length, dry.stdout.length, 'one character for one');
    assert.match(shown.note!, /shown neutralised here/);
    assert.equal(patchForOutput('--- a/x\n+++ b/x\n', 'x', true).note, undefined);
  } finally {
    rmSync(a.dir, { recursive: true, force: true });
  }
});

test('suggestions are never applied by --fix', async () => {
  const text = readFileSync(join(repoRoot, 'examples', 'domains', 'pin-crosses-nodeset.xml'), 'utf8');
  const file = join(repoRoot, 'examples', 'domains', 'pin-crosses-nodeset.xml');
  const outcome = await lintAndFix({ paths: [file], cwd: repoRoot, hostFile: host, configFile: false, overrides: new Map([[file, text]]) });
  assert.ok(outcome.run.diagnostics.some((d) => d.suggestions && d.suggestions.length > 0), 'the rule offers suggestions');
  assert.equal(outcome.fixed.size, 0);
});

test('--fix applies no fix to a file kvmlint does not read as libvirt does (value-invalid, unreadable)', async () => {
  // libvirt reads x:cpuset as vCPU 1's cpuset (xmlGetProp ignores the prefix): CPU 0. emulatorpin-overlaps-vcpus' fix,
  // computed from kvmlint's reading (vCPU 1 on 5), moved the emulator to 0-3, onto that vCPU.
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-fix-unreadable-'));
  try {
    const cases = join(repoRoot, 'test', 'plan', 'cases', 'unparsed-member');
    const text = readFileSync(join(cases, 'web-01.xml'), 'latin1')
      .replace("<domain type='kvm'>", "<domain type='kvm' xmlns:x='urn:x'>")
      .replace("<vcpupin vcpu='1' cpuset='5'/>", "<vcpupin vcpu='1' x:cpuset='0' cpuset='5'/>")
      .replace("<emulatorpin cpuset='0-1'/>", "<emulatorpin cpuset='4-5'/>");
    const file = join(dir, 'web-01.xml');
    writeFileSync(file, text, 'latin1');
    const options = { paths: [file], cwd: dir, hostFile: join(cases, 'host.json'), configFile: false as const };
    const outcome = await lintAndFix(options);
    assert.ok(outcome.run.diagnostics.some((d) => d.ruleId === 'emulatorpin-overlaps-vcpus' && d.fix), 'a fix is on offer');
    assert.deepEqual([...outcome.fixed.keys()], []);
    assert.deepEqual(outcome.unreadable, [file]);
    const r = spawnSync(process.execPath, [bin, '--no-config-lookup', '--host', join(cases, 'host.json'), '--fix', 'web-01.xml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /web-01\.xml: not read as libvirt reads it \(value-invalid\): its fixes are not applied/);
    assert.equal(readFileSync(file, 'latin1'), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
