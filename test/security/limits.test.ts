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
import { repoRoot } from '../support/paths.ts';

const BIN = path.join(repoRoot, 'dist', 'kvmlint.mjs');
const DOMAIN = readFileSync(path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
const HEAD = "<domain type='kvm'>\n  <name>flood</name>\n  <memory unit='GiB'>4</memory>\n  <vcpu placement='static'>2</vcpu>\n  <cputune>\n";
const TAIL = '  </cputune>\n</domain>\n';

test('more than 125,000 findings in one file: reported, not a stack overflow', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-flood-'));
  try {
    const file = path.join(dir, 'flood.xml');
    writeFileSync(file, HEAD + "    <vcpupin vcpu='0' cpuset='x'/>\n".repeat(130_000) + TAIL);
    const run = await lint({ paths: [file], cwd: dir, configFile: false, maxFileBytes: 64 * 1024 * 1024 });
    assert.ok(run.diagnostics.length > 125_000, `${run.diagnostics.length} findings`);
    assert.deepEqual(run.ruleFailures, []);
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
    assert.equal(run.diagnostics.filter((d) => d.ruleId === 'unused-disable-directive').length, 75_000);
    assert.ok(run.diagnostics.filter((d) => d.ruleId === 'cpuset-syntax').length >= 2000);
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
