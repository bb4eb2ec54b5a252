/**
 * Issue 14, data loss: --fix never loses a byte of a person's file (SECURITY.md, "Files --fix writes").
 * Each test names the probe it holds; each failed on the replace-by-rename writer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statfsSync, statSync,
  symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixWriteError, writeFixedFile } from '../../src/engine/write.ts';
import { repoRoot } from '../support/paths.ts';
import { copyBundle } from '../support/bundle.ts';

const HOST = join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
const BIN = join(repoRoot, 'dist', 'kvmlint.mjs');
const DOMAIN = readFileSync(join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
const FIXED_LINE = /\n    <emulatorpin cpuset='0-3'\/>\n  <\/cputune>/;
const SUPPORT = join(repoRoot, 'test', 'support');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'kvmlint-fixsafe-'));
}

function kvmlint(args: string[], cwd: string, opts: { preload?: string; prefix?: string[]; bin?: string } = {}) {
  const cmd = [...(opts.prefix ?? []), process.execPath, ...(opts.preload ? ['--import', opts.preload] : []), opts.bin ?? BIN, '--no-config-lookup', ...args];
  return spawnSync(cmd[0]!, cmd.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** Only the files a person put there: no backup or temp file left behind. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(tmp|bak)$/.test(f));
}

test('disk full (64 KiB tmpfs): the file that does not fit is reported by name and left byte-identical; the others are fixed', (t) => {
  const mnt = scratch();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
  if (mounted.status !== 0) {
    rmSync(mnt, { recursive: true, force: true });
    if (process.env.CI) throw new Error(`CI runs as root and must be able to mount a tmpfs: ${mounted.stderr}`);
    t.skip('cannot mount a tmpfs here (not root); the short-write stub test below covers the loop');
    return;
  }
  try {
    // 20,306 bytes as in the report; the padding is a comment before the root element.
    const big = DOMAIN.replace('<domain', `<!-- ${'x'.repeat(20_306 - DOMAIN.length - 10)} -->\n<domain`);
    assert.equal(Buffer.byteLength(big), 20_306);
    writeFileSync(join(mnt, 'big.xml'), big);
    writeFileSync(join(mnt, 'small.xml'), DOMAIN);
    // Leave three pages: enough to fix the small file, not the big one.
    const { bavail, bsize } = statfsSync(mnt);
    writeFileSync(join(mnt, 'filler'), Buffer.alloc(bavail * bsize - 3 * 4096));
    const r = kvmlint(['--fix', '--host', HOST, 'big.xml', 'small.xml'], mnt);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /kvmlint: big\.xml: could not (write a backup beside it|write the fix): ENOSPC/);
    assert.doesNotMatch(r.stderr, /small\.xml: could not|internal error/);
    assert.equal(readFileSync(join(mnt, 'big.xml'), 'utf8'), big, 'byte-identical');
    assert.match(readFileSync(join(mnt, 'small.xml'), 'utf8'), FIXED_LINE, 'the other file is fixed');
    assert.match(r.stdout, /big\.xml/, 'the report is printed');
    assert.deepEqual(leftovers(mnt), []);
  } finally {
    spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
});

test('write(2) returning short counts: every byte is written (the writer loops)', () => {
  const dir = scratch();
  try {
    const big = DOMAIN.replace('<domain', `<!-- ${'y'.repeat(50_000)} -->\n<domain`);
    writeFileSync(join(dir, 'vm.xml'), big);
    const r = kvmlint(['--fix', '--host', HOST, 'vm.xml'], dir, { preload: join(SUPPORT, 'short-writes.mjs') });
    assert.equal(r.status, 0, r.stderr);
    const after = readFileSync(join(dir, 'vm.xml'), 'utf8');
    assert.equal(after, big.replace("<iothreadpin iothread='1' cpuset='0-3'/>\n", "<iothreadpin iothread='1' cpuset='0-3'/>\n    <emulatorpin cpuset='0-3'/>\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('identity kept: inode, owner, group, mode and hard links (so ACLs and xattrs, which live on the inode)', () => {
  const dir = scratch();
  try {
    const file = join(dir, 'vm.xml');
    writeFileSync(file, DOMAIN);
    linkSync(file, join(dir, 'hardlink.xml'));
    chmodSync(file, 0o664);
    chownSync(file, 65534, 65534);
    const before = statSync(file);
    const r = kvmlint(['--fix', '--host', HOST, 'vm.xml'], dir);
    assert.equal(r.status, 0, r.stderr);
    const after = statSync(file);
    assert.match(readFileSync(file, 'utf8'), FIXED_LINE);
    assert.deepEqual([after.ino, after.uid, after.gid, after.mode, after.nlink], [before.ino, 65534, 65534, before.mode, 2]);
    assert.equal(readFileSync(join(dir, 'hardlink.xml'), 'utf8'), readFileSync(file, 'utf8'), 'the other name sees the fix');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a symlink inside the workspace is fixed at its target and stays a symlink; one leading outside is refused', () => {
  const dir = scratch();
  try {
    const ws = join(dir, 'ws');
    mkdirSync(join(ws, 'real'), { recursive: true });
    writeFileSync(join(ws, 'real', 'vm.xml'), DOMAIN);
    symlinkSync('real/vm.xml', join(ws, 'link.xml'));
    writeFixedFile(join(ws, 'link.xml'), DOMAIN, DOMAIN + '<!-- fixed -->\n', ws);
    assert.ok(lstatSync(join(ws, 'link.xml')).isSymbolicLink());
    assert.equal(readlinkSync(join(ws, 'link.xml')), 'real/vm.xml');
    assert.equal(readFileSync(join(ws, 'real', 'vm.xml'), 'utf8'), DOMAIN + '<!-- fixed -->\n');

    writeFileSync(join(dir, 'outside.xml'), DOMAIN);
    symlinkSync('../outside.xml', join(ws, 'out.xml'));
    assert.throws(() => writeFixedFile(join(ws, 'out.xml'), DOMAIN, DOMAIN + 'x', ws), (e: Error) => e instanceof FixWriteError && /outside the workspace; not fixed/.test(e.message));
    assert.equal(readFileSync(join(dir, 'outside.xml'), 'utf8'), DOMAIN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writability is access(2) for the real user: a file that user may not write is not replaced through a writable directory', () => {
  const dir = scratch();
  try {
    chmodSync(dir, 0o777);
    const bin = copyBundle('kvmlint.mjs', join(dir, 'bin', 'kvmlint.mjs'));
    cpSync(HOST, join(dir, 'host.json'));
    writeFileSync(join(dir, 'vm.xml'), DOMAIN, { mode: 0o644 }); // root's, world-readable, in a world-writable directory
    const r = kvmlint(['--fix', '--host', 'host.json', 'vm.xml'], dir, { bin, prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /vm\.xml: not writable \(EACCES\); not fixed/);
    assert.equal(readFileSync(join(dir, 'vm.xml'), 'utf8'), DOMAIN);
    assert.equal(statSync(join(dir, 'vm.xml')).uid, 0, 'still root\'s file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an edit landing after the first re-read (while the backup is written) survives: the last look refuses', () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'vm.xml'), DOMAIN);
    const r = kvmlint(['--fix', '--host', HOST, 'vm.xml'], dir, { preload: join(SUPPORT, 'edit-during-fsync.mjs') });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /vm\.xml: changed on disk since it was read; not overwritten/);
    assert.equal(readFileSync(join(dir, 'vm.xml'), 'utf8'), `${DOMAIN}<!-- edited meanwhile -->\n`);
    assert.deepEqual(leftovers(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an appender holding the file open keeps writing into the file everyone sees (no orphaned inode)', () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'vm.xml'), DOMAIN);
    const r = kvmlint(['--fix', '--host', HOST, 'vm.xml'], dir, { preload: join(SUPPORT, 'append-after-fix.mjs') });
    assert.equal(r.status, 0, r.stderr);
    const after = readFileSync(join(dir, 'vm.xml'), 'utf8');
    assert.match(after, FIXED_LINE);
    assert.ok(after.endsWith('<!-- appended through an fd opened before the fix -->\n'), after.slice(-200));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGINT during --fix leaves no backup or temp file, and the file whole', () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'vm.xml'), DOMAIN);
    const r = kvmlint(['--fix', '--host', HOST, 'vm.xml'], dir, { preload: join(SUPPORT, 'sigint-on-write.mjs') });
    // Not killed mid-write: the handler waits for the write (synchronous) to finish, then cleans up.
    assert.equal(r.signal, null, r.stderr);
    assert.ok(r.status === 130 || r.status === 0, `${r.status} ${r.stderr}`);
    assert.deepEqual(leftovers(dir), []);
    assert.deepEqual(readdirSync(dir), ['vm.xml']);
    const after = readFileSync(join(dir, 'vm.xml'), 'utf8');
    assert.ok(after === DOMAIN || FIXED_LINE.test(after), 'either as it was or fully fixed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 234-byte file name is fixed (no temp name longer than NAME_MAX), beside another file, with the report printed', () => {
  const dir = scratch();
  try {
    const long = `${'a'.repeat(230)}.xml`;
    writeFileSync(join(dir, long), DOMAIN);
    writeFileSync(join(dir, 'vm.xml'), DOMAIN);
    const r = kvmlint(['--fix', '--host', HOST, '--format', 'json', long, 'vm.xml'], dir);
    // Exit 1: the two copies pin the same dedicated CPUs (a finding between them), nothing worse.
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /could not|not fixed|internal error/);
    assert.match(readFileSync(join(dir, long), 'utf8'), FIXED_LINE);
    assert.match(readFileSync(join(dir, 'vm.xml'), 'utf8'), FIXED_LINE);
    assert.ok(JSON.parse(r.stdout).diagnostics.length > 0, 'the report is printed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file in the encoding its XML declaration names is fixed in it: Latin-1 bytes stay Latin-1; one kvmlint cannot write is refused, unchanged", () => {
  const dir = scratch();
  try {
    const declared = (encoding: string) => DOMAIN.replace('<domain', `<?xml version='1.0' encoding='${encoding}'?>\n<!-- caf\u00e9, \u00bd -->\n<domain`);
    const latin1 = Buffer.from(declared('ISO-8859-1'), 'latin1');
    // Another guest: its own <name> and <uuid>.
    const cp1252 = Buffer.from(declared('windows-1252').replace('<name>build-runner</name>', '<name>build-runner-2</name>').replace(/<uuid>[0-9a-f]{8}/, '<uuid>00000002'), 'latin1');
    writeFileSync(join(dir, 'latin1.xml'), latin1);
    writeFileSync(join(dir, 'cp1252.xml'), cp1252);
    const r = kvmlint(['--fix', '--host', HOST, 'latin1.xml', 'cp1252.xml'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /fixed latin1\.xml: missing-emulatorpin/);
    assert.match(r.stderr, /cp1252\.xml: files in windows-1252 are not fixed/);
    // The report shows the refused file as it is: its finding was not fixed.
    assert.match(r.stdout, /^cp1252\.xml\n(?: .*\n)*? .*missing-emulatorpin/m);
    assert.doesNotMatch(r.stdout, /^latin1\.xml\n(?: .*\n)*? .*missing-emulatorpin/m);
    const fixed = readFileSync(join(dir, 'latin1.xml'));
    assert.match(fixed.toString('latin1'), FIXED_LINE);
    // Every byte the fix did not write is the file's own: 0xE9 and 0xBD, not their UTF-8 forms.
    assert.ok(fixed.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x20, 0xbd])), 'Latin-1 bytes kept');
    assert.equal(fixed.toString('latin1').replace(FIXED_LINE, '\n  </cputune>'), latin1.toString('latin1'));
    assert.ok(readFileSync(join(dir, 'cp1252.xml')).equals(cp1252), 'the refused file is byte-identical');
    // In SARIF the run is not a successful one, and says which file was left unfixed.
    const sarif = kvmlint(['--fix', '-f', 'sarif', '--host', HOST, 'cp1252.xml'], dir);
    const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text), ['cp1252.xml: files in windows-1252 are not fixed']);
    assert.deepEqual(leftovers(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix-dry-run prints the patch --fix applies: in a Latin-1 file\'s own bytes (git apply takes it), and none for a file --fix refuses', () => {
  const dir = scratch();
  try {
    // The non-ASCII comment sits in the hunk's context, right above the inserted <emulatorpin>.
    const declared = (encoding: string) =>
      DOMAIN.replace('<domain', `<?xml version='1.0' encoding='${encoding}'?>\n<domain`).replace(/(\n\s*<\/cputune>)/, '\n    <!-- caf\u00e9 \u00bd -->$1');
    const latin1 = Buffer.from(declared('ISO-8859-1'), 'latin1');
    writeFileSync(join(dir, 'latin1.xml'), latin1);
    writeFileSync(join(dir, 'cp1252.xml'), Buffer.from(declared('windows-1252'), 'latin1'));
    const r = spawnSync(process.execPath, [BIN, '--no-config-lookup', '--fix-dry-run', '--host', HOST, 'latin1.xml', 'cp1252.xml'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 2, r.stderr.toString());
    assert.match(r.stderr.toString(), /cp1252\.xml: files in windows-1252 are not fixed/);
    const patch = r.stdout;
    assert.ok(patch.includes(Buffer.from(' <!-- caf\u00e9 \u00bd -->', 'latin1')), 'the context line in Latin-1 bytes');
    assert.doesNotMatch(patch.toString('latin1'), /cp1252\.xml/, 'no patch for the refused file');
    execFileSync('git', ['apply', '-p1', '-'], { cwd: dir, input: patch, stdio: ['pipe', 'pipe', 'pipe'] });
    const applied = readFileSync(join(dir, 'latin1.xml'));
    writeFileSync(join(dir, 'latin1.xml'), latin1);
    kvmlint(['--fix', '--host', HOST, 'latin1.xml'], dir);
    assert.ok(applied.equals(readFileSync(join(dir, 'latin1.xml'))), 'the dry run\'s patch gives what --fix writes');
    assert.ok(!applied.equals(latin1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
