/**
 * Issue 14, resource limits: a pull request's file cannot abort the run or make it take minutes
 * or gigabytes (SECURITY.md, "Limits").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import type { Log } from 'sarif';
import { schemaValidator } from '../formats/sarif-validators.ts';
import { repoRoot } from '../support/paths.ts';

const BIN = path.join(repoRoot, 'dist', 'kvmlint.mjs');
const DOMAIN = readFileSync(path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
const HEAD = "<domain type='kvm'>\n  <name>flood</name>\n  <memory unit='GiB'>4</memory>\n  <vcpu placement='static'>2</vcpu>\n  <cputune>\n";
const TAIL = '  </cputune>\n</domain>\n';

/** Runs the built CLI in `dir` (a real process, as CI runs it). */
function cli(dir: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, '--no-config-lookup', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GITHUB_ACTIONS: '', CI: '' } });
}

test('more than 1,000 findings in one file: the first 1,000 by position, then one too-many-findings error counting the rest, in every format', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-flood-'));
  try {
    // 130,000 findings: also past the ~125,000 that once overflowed the stack when spread into a push.
    writeFileSync(path.join(dir, 'flood.xml'), HEAD + "    <vcpupin vcpu='0' cpuset='x'/>\n".repeat(130_000) + TAIL);
    writeFileSync(path.join(dir, 'ok.xml'), DOMAIN);
    const run = await lint({ paths: ['flood.xml', 'ok.xml'], cwd: dir, configFile: false, maxFileBytes: 64 * 1024 * 1024 });
    assert.deepEqual(run.ruleFailures, []);
    const flood = run.diagnostics.filter((d) => d.file === 'flood.xml');
    assert.equal(flood.length, 1001);
    const starts = flood.slice(0, 1000).map((d) => d.range.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'the first 1,000 by position');
    const last = flood.at(-1)!;
    assert.equal(last.ruleId, 'too-many-findings');
    assert.equal(last.severity, 'error');
    const total = (last.data!.omitted as number) + 1000;
    assert.ok(total >= 130_000, `${total} findings in all`);
    assert.equal(last.data!.errors, last.data!.omitted);
    // Placed at the first finding left out: after the last one reported.
    assert.ok(last.line >= flood[999]!.line);
    // Another file's findings are its own: ok.xml is not cut.
    assert.ok(run.diagnostics.some((d) => d.file === 'ok.xml'));

    const json = cli(dir, ['--max-file-size', '67108864', '-f', 'json', 'flood.xml']);
    assert.equal(json.status, 1, json.stderr);
    const report = JSON.parse(json.stdout) as { diagnostics: Array<{ ruleId: string; severity: string; message: string }>; summary: { errors: number } };
    assert.equal(report.diagnostics.length, 1001);
    assert.equal(report.diagnostics.at(-1)!.ruleId, 'too-many-findings');
    assert.match(report.diagnostics.at(-1)!.message, new RegExp(`^${total - 1000} more findings in this file not reported, from here on \\(${total - 1000} errors\\): kvmlint reports 1000 per file$`));
    assert.equal(report.summary.errors, report.diagnostics.filter((d) => d.severity === 'error').length);

    const sarif = cli(dir, ['--max-file-size', '67108864', '-f', 'sarif', 'flood.xml']);
    assert.equal(sarif.status, 1, sarif.stderr);
    const log = JSON.parse(sarif.stdout) as Log;
    assert.deepEqual(schemaValidator()(log), []);
    const results = log.runs[0]!.results!;
    assert.equal(results.length, 1001);
    const cut = results.at(-1)!;
    assert.equal(cut.ruleId, 'too-many-findings');
    assert.equal(cut.level, 'error');
    assert.equal(log.runs[0]!.tool.driver.rules![cut.ruleIndex!]!.id, 'too-many-findings');

    const text = cli(dir, ['--max-file-size', '67108864', 'flood.xml']);
    assert.equal(text.status, 1, text.stderr);
    // One row per finding: the 1,000 reported and the one that counts the rest.
    assert.equal(text.stdout.match(/^ +\d+:\d+ +(error|warning|info) /gm)?.length, 1001);
    assert.match(text.stdout, /✖ 1001 problems/);
    assert.match(text.stdout, /more findings in this file not reported, from here on [^]*too-many-findings/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file cut to 1,000 warnings fails the run (exit 1): too-many-findings is an error, and a config or --rule cannot change that', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-flood-'));
  try {
    // A misspelt directive is always reported, as a warning: 1,500 of them.
    writeFileSync(path.join(dir, 'w.xml'), HEAD + '    <!-- kvmlint-disable-nextline -->\n'.repeat(1500) + "    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='1' cpuset='2'/>\n" + TAIL);
    const r = cli(dir, ['-f', 'json', 'w.xml']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; severity: string; message: string }> };
    assert.equal(report.diagnostics.filter((d) => d.ruleId !== 'too-many-findings').length, 1000);
    assert.ok(report.diagnostics.filter((d) => d.ruleId === 'unused-disable-directive').length >= 990);
    const cut = report.diagnostics.filter((d) => d.ruleId === 'too-many-findings');
    assert.equal(cut.length, 1);
    assert.equal(cut[0]!.severity, 'error');
    assert.match(cut[0]!.message, /^5\d\d more findings in this file not reported, from here on \(0 errors\)/);

    const off = cli(dir, ['--rule', 'too-many-findings=off', 'w.xml']);
    assert.equal(off.status, 2);
    assert.match(off.stderr, /too-many-findings' is kvmlint's own bound on findings per file: it is always an error and cannot be set to off/);
    writeFileSync(path.join(dir, 'kvmlint.config.json'), '{"rules": {"too-many-findings": "warn"}}\n');
    const configured = spawnSync(process.execPath, [BIN, 'w.xml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(configured.status, 2);
    assert.match(configured.stderr, /rules\.too-many-findings.*cannot be set to warning/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('findings a directive silences do not count towards the 1,000', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-flood-'));
  try {
    const file = path.join(dir, 'd.xml');
    writeFileSync(file, HEAD + '    <!-- kvmlint-disable cpuset-syntax, vcpu-id-range -->\n' + "    <vcpupin vcpu='0' cpuset='x'/>\n".repeat(5000) + '    <!-- kvmlint-enable cpuset-syntax, vcpu-id-range -->\n' + "    <vcpupin vcpu='0' cpuset='y'/>\n".repeat(10) + TAIL);
    const run = await lint({ paths: [file], cwd: dir, configFile: false });
    assert.equal(run.diagnostics.filter((d) => d.ruleId === 'too-many-findings').length, 0);
    assert.equal(run.diagnostics.filter((d) => d.ruleId === 'cpuset-syntax').length, 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('75,000 disable/enable pairs with --report-unused-disable-directives: linear (seconds, not minutes)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-directives-'));
  try {
    const file = path.join(dir, 'directives.xml');
    const pairs = '    <!-- kvmlint-disable cpuset-syntax -->\n    <!-- kvmlint-enable cpuset-syntax -->\n'.repeat(75_000);
    writeFileSync(file, HEAD + pairs + "    <vcpupin vcpu='0' cpuset='x'/>\n".repeat(2000) + TAIL);
    const start = performance.now();
    const run = await lint({ paths: [file], cwd: dir, configFile: false, reportUnusedDisableDirectives: true, maxFileBytes: 64 * 1024 * 1024 });
    const ms = performance.now() - start;
    // 77,000 findings: the first 1,000 (all unused directives, which come first), then the count of the rest.
    assert.equal(run.diagnostics.filter((d) => d.ruleId !== 'too-many-findings').length, 1000);
    assert.ok(run.diagnostics.filter((d) => d.ruleId === 'unused-disable-directive').length >= 990);
    const cut = run.diagnostics.filter((d) => d.ruleId === 'too-many-findings');
    assert.equal(cut.length, 1);
    assert.ok((cut[0]!.data!.omitted as number) >= 76_000 && (cut[0]!.data!.errors as number) >= 2000, cut[0]!.message);
    // Quadratic took over two minutes; linear takes a few seconds even on a loaded machine.
    assert.ok(ms < 60_000, `${ms.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('directives: disable-next-line, disable-file and regions suppress as before (one sweep)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-directives-'));
  try {
    const file = path.join(dir, 'd.xml');
    writeFileSync(
      file,
      HEAD +
        "    <!-- kvmlint-disable-next-line cpuset-syntax -->\n    <vcpupin vcpu='0' cpuset='a'/>\n" +
        "    <vcpupin vcpu='0' cpuset='b'/>\n" +
        '    <!-- kvmlint-disable -->\n' + "    <vcpupin vcpu='0' cpuset='c'/>\n" + '    <!-- kvmlint-enable cpuset-syntax -->\n' +
        "    <vcpupin vcpu='0' cpuset='d'/>\n" + '    <!-- kvmlint-enable -->\n' + "    <vcpupin vcpu='0' cpuset='e'/>\n" + TAIL,
    );
    const run = await lint({ paths: [file], cwd: dir, configFile: false, reportUnusedDisableDirectives: true });
    const shown = run.diagnostics.filter((d) => d.ruleId === 'cpuset-syntax').map((d) => run.sources.get(d.file)!.slice(d.range.start, d.range.end));
    assert.deepEqual(shown.map((s) => /[a-e]/.exec(s)?.[0]), ['b', 'd', 'e']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--stdin stops reading past the limit: `yes |` is refused in seconds, not buffered', () => {
  const r = spawnSync('sh', ['-c', `yes | "${process.execPath}" "${BIN}" --no-config-lookup --stdin --max-file-size 1000000`], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /\(standard input\): \d+ bytes, above the 1000000-byte limit .*; reading stopped there/);
});

test('a file named a\\b.xml or with invalid UTF-8 in its name below a linted directory: linted, or reported and the run goes on', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-names-'));
  try {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'a\\b.xml'), DOMAIN);
    writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'sub', 'bad')), Buffer.from([0xff]), Buffer.from('.xml')]), DOMAIN);
    writeFileSync(path.join(dir, 'sub', 'ok.xml'), DOMAIN);
    const r = spawnSync(process.execPath, [BIN, '--no-config-lookup', '--format', 'json', 'sub'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
    // The name that is not UTF-8 comes back from readdir with U+FFFD, which names no file.
    assert.equal(r.stderr.match(/cannot be read: ENOENT/g)?.length, 1, r.stderr);
    const { files } = JSON.parse(r.stdout) as { files: string[] };
    assert.ok(files.includes('sub/ok.xml'), 'the other file was linted');
    assert.ok(files.includes('sub/a\\b.xml'), 'a backslash is part of a name, not a separator');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a config's maxFileSize may lower the bound on what kvmlint reads, never lift it (only --max-file-size does)", () => {
  // The config is the pull request's: `maxFileSize: 10^12` let a committed domain of tens of megabytes be parsed whole.
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-config-limit-'));
  try {
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, 'big.xml'), HEAD + `    <!-- ${'x'.repeat(9 * 1024 * 1024)} -->\n` + TAIL);
    writeFileSync(path.join(dir, 'kvmlint.config.json'), JSON.stringify({ maxFileSize: 1_000_000_000_000 }));
    let r = spawnSync(process.execPath, [BIN, 'big.xml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /kvmlint\.config\.json: maxFileSize: 1000000000000 is above the default 8388608 bytes: a config may lower the limit/);
    assert.doesNotMatch(r.stdout, /vcpu/);
    // The person running kvmlint may raise it.
    r = spawnSync(process.execPath, [BIN, '--max-file-size', '20000000', 'big.xml'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(r.status, 2, r.stderr);
    // And the config may lower it.
    writeFileSync(path.join(dir, 'kvmlint.config.json'), JSON.stringify({ maxFileSize: 1024 }));
    r = spawnSync(process.execPath, [BIN, 'big.xml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /big\.xml.*1024/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
