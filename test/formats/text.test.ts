import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chalkModule from 'chalk';
import { formatCodeframe } from '../../src/formats/text.ts';
import type { LintResult } from '../../src/engine/types.ts';
import { DB_FILE, OUTSIDE_FILE, ROOT, WEB_FILE, sampleResult } from './lint-result.ts';

const ESC = '\u001B';

test('every finding shows rule, message and file:line:column, with the code frame from the given source', () => {
  const result = sampleResult();
  const out = formatCodeframe(result, { color: false });
  for (const d of result.diagnostics) {
    assert.ok(out.includes(`${path.relative('.', d.file)}:${d.line}:${d.column}`), `${d.file}:${d.line}:${d.column}`);
    assert.ok(out.includes(d.message.replace(/\.$/, '')), d.message);
  }
  assert.match(out, /> +7 \| {5}<vcpupin vcpu='1' cpuset='9'\/>\n +\| {5}\^/, 'code frame of the db01 line');
  assert.ok(!out.includes('eslint.org'), 'no link to ESLint docs');
});

test('infos print as (info); fixable findings and suggestions are marked', () => {
  const out = formatCodeframe(sampleResult(), { color: false });
  assert.match(out, /⚠ {2}missing-emulatorpin\n\n {5}\(info\) The vCPUs are pinned but the emulator threads are not \(fixable\)\n/);
  assert.match(out, / {5}cpuset excludes CPU 8, which it never included \(fixable\)\n/);
  assert.match(
    out,
    / {5}vCPU 0 is pinned to CPU 0, a housekeeping CPU\n {7}suggestion: pin vCPU 0 to CPU 4 instead: set cpuset='4'\n {7}suggestion: remove the pin\n/,
  );
  // Only findings with a safe fix say (fixable); a suggestion is not a fix.
  assert.equal(out.match(/\(fixable\)/g)?.length, 2);
});

test('the summary counts errors, warnings and infos separately, and the fixable ones', () => {
  const out = formatCodeframe(sampleResult(), { color: false });
  assert.ok(out.includes('✘ 5 problems (2 errors, 2 warnings, 1 info)\n'), out);
  assert.ok(out.includes('  2 problems potentially fixable with the `--fix` option.\n'));
  assert.ok(!out.includes('(2 errors, 3 warnings)'), "the formatter's own summary (infos as warnings) is gone");
  assert.match(out, /\nErrors:\n {2}1 {2}cpuset-syntax\n {2}1 {2}pin-crosses-nodeset\n/);
  assert.match(out, /\nWarnings:\n {2}1 {2}housekeeping-overlap\n {2}1 {2}pin-crosses-nodeset\n/);
  assert.match(out, /\nInfos:\n {2}1 {2}missing-emulatorpin\n/);
});

test('singular counts and no fixable trailer when nothing is fixable', () => {
  const full = sampleResult();
  const result: LintResult = { ...full, diagnostics: [full.diagnostics[1]!] };
  const out = formatCodeframe(result, { color: false });
  assert.ok(out.includes('✘ 1 problem (1 error, 0 warnings, 0 infos)\n'), out);
  assert.ok(!out.includes('potentially fixable'));
});

test('a clean result prints nothing', () => {
  assert.equal(formatCodeframe({ ...sampleResult(), diagnostics: [] }, { color: false }), '');
});

test('the text comes from result.sources: files are never read, even an empty one', () => {
  const result = sampleResult();
  for (const file of [DB_FILE, WEB_FILE, OUTSIDE_FILE]) assert.ok(!existsSync(path.resolve(ROOT, file)), file);
  const empty: LintResult = {
    ...result,
    sources: new Map([['no-such-dir/empty.xml', '']]),
    diagnostics: [{ ...result.diagnostics[1]!, file: 'no-such-dir/empty.xml', line: 1, column: 1, endLine: 1, endColumn: 1 }],
  };
  // The formatter reads the file itself when the source is absent or empty; ENOENT would throw here.
  assert.ok(formatCodeframe(result, { color: false }).includes('guests/web01.xml:4:28'));
  assert.ok(formatCodeframe(empty, { color: false }).includes('no-such-dir/empty.xml:1:1'));
});

test("--no-color has no escape codes and the user's EFF_* settings neither apply nor get lost", () => {
  const saved = { ...process.env };
  Object.assign(process.env, {
    EFF_EDITOR_SCHEME: 'editor://open?file={file}&line={line}',
    EFF_FILTER: 'cpuset-syntax',
    EFF_NO_SOURCE: 'true',
    FORCE_ITERM_HINT: 'true',
  });
  delete process.env.EFF_NO_LINK_RULES;
  try {
    const out = formatCodeframe(sampleResult(), { color: false });
    assert.ok(!out.includes(ESC), JSON.stringify(out.slice(0, 200)));
    assert.ok(!out.includes('editor://'));
    assert.ok(!out.includes('eslint.org'));
    assert.ok(out.includes('missing-emulatorpin'), 'EFF_FILTER did not hide other rules');
    assert.ok(out.includes(' | '), 'EFF_NO_SOURCE did not drop code frames');
    assert.equal(process.env.EFF_FILTER, 'cpuset-syntax');
    assert.equal(process.env.EFF_NO_LINK_RULES, undefined);
    assert.equal(process.env.FORCE_ITERM_HINT, 'true');
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});

test('--no-color strips the code-frame highlighting that a colour terminal or CI turns on', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('render-text-child.ts', import.meta.url))], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '1', CI: 'true' },
  });
  assert.equal(child.status, 0, child.stderr);
  const { plain, colored } = JSON.parse(child.stdout) as { plain: string; colored: string };
  // @babel/highlight colours the frame on its own (its `'` string token is green) ...
  assert.ok(colored.includes(`${ESC}[32m'KiB'${ESC}[39m`), 'the frame is highlighted in this environment');
  // ... so the no-colour output must be cleaned after rendering.
  assert.ok(!plain.includes(ESC));
  assert.ok(plain.includes("   3 |   <memory unit='KiB'>4194304</memory>"));
});

test('--color colours even when stdout is not a terminal, and leaves chalk as it was', () => {
  const chalk = chalkModule.default;
  const before = { enabled: chalk.enabled, level: chalk.level };
  const out = formatCodeframe(sampleResult(), { color: true });
  assert.ok(out.includes(`${ESC}[31m✘${ESC}[39m`), 'red error sign');
  assert.ok(out.includes(`${ESC}[33m⚠${ESC}[39m`), 'yellow warning sign');
  assert.ok(out.includes(`${ESC}[1m✘ 5 problems (2 errors, 2 warnings, 1 info)`), 'bold summary');
  assert.deepEqual({ enabled: chalk.enabled, level: chalk.level }, before);
});

test('the iTerm2 cwd escape the formatter adds on a terminal is removed, colour or not', () => {
  const wasTTY = process.stdout.isTTY;
  const ci = process.env.CI;
  process.stdout.isTTY = true;
  delete process.env.CI;
  try {
    for (const color of [true, false]) {
      const out = formatCodeframe(sampleResult(), { color });
      assert.ok(!out.includes(`${ESC}]1337`), `color: ${color}`);
      assert.ok(out.startsWith('\n'), JSON.stringify(out.slice(0, 40)));
    }
  } finally {
    process.stdout.isTTY = wasTTY;
    if (ci !== undefined) process.env.CI = ci;
  }
});

test('the chalk kvmlint sets up is the instance eslint-formatter-friendly uses', () => {
  // If npm ever stopped hoisting friendly's chalk, --color/--no-color would silently do nothing.
  const require = createRequire(import.meta.url);
  const friendlyChalk = createRequire(require.resolve('eslint-formatter-friendly'))('chalk');
  assert.equal(friendlyChalk, chalkModule.default);
});

test('a long line is cut around each finding in its code frame; the location keeps the real column', async () => {
  const { lint } = await import('../../src/engine/runner.ts');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { MAX_FRAME_LINE } = await import('../../src/formats/text.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-longline-'));
  try {
    // A 600 KB cpuset on the same line as the root, ending in the token that is wrong.
    const xml = `<domain type='kvm'><name>x</name><vcpu>2</vcpu><cputune><vcpupin vcpu='0' cpuset='${'1,'.repeat(300_000)}x'/></cputune></domain>\n`;
    writeFileSync(path.join(dir, 'long.xml'), xml);
    const run = await lint({ paths: ['long.xml'], cwd: dir, configFile: false });
    const bad = run.diagnostics.find((d) => d.ruleId === 'cpuset-syntax');
    assert.ok(bad && run.diagnostics.length >= 2, 'a finding at the end of the line and others near its start');
    const out = formatCodeframe({ ...run, cwd: dir }, { color: false });
    // Every finding's frame is bounded: nothing like the 600 KB line, once per finding.
    assert.ok(out.length < run.diagnostics.length * (MAX_FRAME_LINE + 1000), `${out.length} characters`);
    const frames = out.split(/\n(?= {5}\S+:\d+:\d+\n)/).slice(1);
    assert.equal(frames.length, run.diagnostics.length);
    for (const d of run.diagnostics) {
      const frame = frames.find((f) => new RegExp(`[ /]long\\.xml:${d.line}:${d.column}\n`).test(f));
      assert.ok(frame, `${d.ruleId} at ${d.line}:${d.column}`);
      // The caret sits under the character at the finding's real column.
      const [, shown = '', marker = ''] = /\n( *> 1 \| .*)\n( *\| *\^)/.exec(frame) ?? [];
      const gutter = shown.indexOf('| ') + 2;
      assert.equal(shown.charAt(marker.indexOf('^')), xml.charAt(d.column - 1), `${d.ruleId}: ${marker.indexOf('^') - gutter}`);
      assert.ok(shown.length - gutter <= MAX_FRAME_LINE + 2, 'cut line');
    }
    assert.equal(xml.charAt(bad.column - 1), 'x');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cut line never splits a surrogate pair: astral characters around a finding are shown whole, never as U+FFFD', async () => {
  const { lint } = await import('../../src/engine/runner.ts');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-astral-'));
  try {
    // Every cut position lands inside or beside a pair somewhere across these paddings.
    for (const pad of [300, 301]) {
      const e = '😀'.repeat(pad);
      const xml = `<domain type='kvm'><name>x</name><vcpu>2</vcpu><cputune><!--${e}--><vcpupin vcpu='0' cpuset='+2'/><!--${e}--></cputune></domain>\n`;
      writeFileSync(path.join(dir, 'astral.xml'), xml);
      const run = await lint({ paths: ['astral.xml'], cwd: dir, configFile: false });
      assert.ok(run.diagnostics.some((d) => d.ruleId === 'cpuset-syntax'));
      const out = formatCodeframe({ ...run, cwd: dir }, { color: false });
      assert.ok(!out.includes('\uFFFD'), `pad ${pad}: a half pair became U+FFFD`);
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out), `pad ${pad}: a lone surrogate`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
