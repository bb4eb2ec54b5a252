import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isTerminal } from '../src/std-fds.ts';
import { repoRoot } from './support/paths.ts';

const STD_FDS = pathToFileURL(join(repoRoot, 'src', 'std-fds.ts')).href;

test('a descriptor in non-blocking mode whose reader is slow gets every byte: EAGAIN waits and writes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-fds-'));
  try {
    const fifo = join(dir, 'fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const received = join(dir, 'received');
    // The reader opens the FIFO first (so a non-blocking writer may open it), then waits before reading:
    // 4 MiB is far more than a pipe holds, so the writer meets a full pipe many times.
    const reader = spawn('bash', ['-c', `exec 3<"${fifo}"; sleep 0.5; cat <&3 >"${received}"`]);
    const readerDone = new Promise<number | null>((done) => reader.on('exit', done));
    const writer = [
      `import { openSync, constants } from 'node:fs';`,
      `import { writeFd } from ${JSON.stringify(STD_FDS)};`,
      // Retry the open until the reader has the FIFO open (ENXIO before).
      `let fd; for (;;) { try { fd = openSync(${JSON.stringify(fifo)}, constants.O_WRONLY | constants.O_NONBLOCK); break; } catch (e) { if (e.code !== 'ENXIO') throw e; await new Promise((r) => setTimeout(r, 10)); } }`,
      `const bytes = new Uint8Array(4 << 20); for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;`,
      `writeFd(fd, bytes); writeFd(fd, 'end');`,
    ].join('\n');
    const w = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(w.status, 0, w.stderr);
    assert.equal(await readerDone, 0);
    const got = readFileSync(received);
    assert.equal(got.length, (4 << 20) + 3);
    for (let i = 0; i < 4 << 20; i += 4099) assert.equal(got[i], i % 251, `byte ${i}`);
    assert.equal(got.subarray(4 << 20).toString(), 'end');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file and /dev/null are not terminals, nor is a closed descriptor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-fds-'));
  try {
    const file = join(dir, 'f');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    assert.equal(isTerminal(fd), false);
    closeSync(fd);
    const devNull = openSync('/dev/null', constants.O_WRONLY);
    assert.equal(isTerminal(devNull), false);
    closeSync(devNull);
    assert.equal(isTerminal(12345), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lint whose report goes to a pipe, a file or /dev/null builds no stdout or stderr stream: Node loads neither net, tty nor its sync write stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-fds-'));
  try {
    const preload = join(dir, 'modules.cjs');
    const list = join(dir, 'modules.txt');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    const args = ['--require', preload, join(repoRoot, 'dist', 'bin.cjs'), 'examples/domains', '--host', 'examples/hosts/dual-socket.json'];
    // /dev/null is a character device, as a terminal is: only isatty tells them apart, asked of the binding, not of tty.
    for (const stdio of [['ignore', 'pipe', 'pipe'], ['ignore', 'ignore', 'ignore'], ['ignore', openSync(join(dir, 'report.txt'), 'w'), openSync(join(dir, 'err.txt'), 'w')]] as const) {
      const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', stdio: [...stdio] });
      assert.equal(r.status, 1, r.stderr);
      const loaded = readFileSync(list, 'utf8').split('\n');
      assert.ok(loaded.includes('NativeModule fs'), 'the list is real');
      for (const module of ['NativeModule net', 'NativeModule tty', 'NativeModule internal/fs/sync_write_stream']) assert.ok(!loaded.includes(module), `${module} was loaded`);
    }
    assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /problems? \(\d+ errors?, \d+ warnings?\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a terminal is a terminal: the report is coloured when stdout is a pseudo-terminal', { skip: spawnSync('script', ['--version']).error ? 'no script(1)' : false }, () => {
  const cli = [process.execPath, join(repoRoot, 'dist', 'bin.cjs'), 'examples/domains', '--host', 'examples/hosts/dual-socket.json'].map((a) => `'${a}'`).join(' ');
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm' };
  // script(1) runs the command on a new pseudo-terminal and copies what it writes to our pipe.
  const r = spawnSync('script', ['-qec', cli, '/dev/null'], { cwd: repoRoot, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /\u001b\[[0-9;]*m/, 'coloured');
  assert.match(r.stdout, /problems? \(\d+ errors?, \d+ warnings?\)/);
});
