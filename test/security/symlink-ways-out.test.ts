/**
 * Ways out of the workspace that a pull request can commit, found by a hostile review: a named
 * directory or a glob's literal part that is a symlink, config globs with `..`, a symlinked config
 * or --host, a .gitignore linked to /dev/zero, the map and plan writers, -o below a symlinked
 * directory; and a signal during a long --fix. Each is refused (exit 2) or made harmless, and the
 * file outside is never read into a report nor written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localEnv } from '../support/env.ts';
import { repoRoot } from '../support/paths.ts';

const BIN = path.join(repoRoot, 'dist', 'bin.cjs');
const DOMAIN = readFileSync(path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
const HOST_TEXT = readFileSync(path.join(repoRoot, 'examples', 'hosts', 'dual-socket.json'), 'utf8');
/** A fixable domain outside the workspace, with a token a report must never show. */
const SECRET = DOMAIN.replace('<name>build-runner</name>', '<name>TOKEN-ghp-supersecret</name>');

interface Sandbox {
  ws: string;
  outside: string;
  secret: string;
  cleanup(): void;
}

function sandbox(): Sandbox {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-ways-out-'));
  const ws = path.join(dir, 'ws');
  const outside = path.join(dir, 'outside');
  mkdirSync(path.join(ws, '.git'), { recursive: true });
  mkdirSync(path.join(ws, 'd'));
  mkdirSync(path.join(ws, 'hosts'));
  mkdirSync(outside);
  writeFileSync(path.join(ws, 'd', 'vm.xml'), DOMAIN);
  writeFileSync(path.join(ws, 'hosts', 'h.json'), HOST_TEXT);
  const secret = path.join(outside, 'secret.xml');
  writeFileSync(secret, SECRET);
  return { ws, outside, secret, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function kvmlint(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: localEnv({ NO_COLOR: '1' }) });
}

/** Neither read into the output nor written. */
function assertUntouched(s: Sandbox, r: { stdout: string; stderr: string }): void {
  assert.equal(readFileSync(s.secret, 'utf8'), SECRET, 'the file outside the workspace was written');
  assert.doesNotMatch(r.stdout + r.stderr, /ghp-supersecret/, 'the file outside the workspace was read into the output');
}

test('a named directory that is a symlink out of the workspace is refused, under --fix too', () => {
  const s = sandbox();
  try {
    symlinkSync(s.outside, path.join(s.ws, 'domains'));
    for (const extra of [['-f', 'codeframe'], ['--fix']]) {
      const r = kvmlint(['--host', 'hosts/h.json', ...extra, 'domains'], s.ws);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /domains: a symlink to .*outside.*, outside the workspace/);
      assertUntouched(s, r);
    }
  } finally {
    s.cleanup();
  }
});

test("a walked domain link out of the workspace is exit 2 naming it; the config's ignores leave it alone, unread", () => {
  const s = sandbox();
  try {
    symlinkSync(s.secret, path.join(s.ws, 'd', 'linked.xml'));
    const refused = kvmlint(['--host', 'hosts/h.json', '-f', 'codeframe', 'd'], s.ws);
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /d\/linked\.xml: a symlink to .*secret\.xml, outside the workspace .*; not read \(list it in the config's ignores or \.gitignore to leave it alone\)/);
    assertUntouched(s, refused);
    // The Action lints with .gitignore off: the config's ignores must be able to name the link. Walked,
    // globbed on the command line, and matched by a config host's globs, it is then neither followed nor linted.
    writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ ignores: ['d/linked.xml'], hosts: [{ snapshot: 'hosts/h.json', domains: ['d/*.xml'] }] }));
    for (const args of [['d'], ['d/*.xml'], ['d/vm.xml'], ['--no-gitignore', 'd']]) {
      const r = kvmlint(['-f', 'codeframe', ...args], s.ws);
      assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, /d\/vm\.xml:19:3/);
      assert.doesNotMatch(r.stdout + r.stderr, /linked\.xml/);
      assertUntouched(s, r);
    }
  } finally {
    s.cleanup();
  }
});

test("a glob whose literal directory is a symlink out of the workspace is refused", () => {
  const s = sandbox();
  try {
    symlinkSync(s.outside, path.join(s.ws, 'linked'));
    const r = kvmlint(['--host', 'hosts/h.json', '--fix', 'linked/*.xml'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /matched by linked\/\*\.xml through a symlink/);
    assertUntouched(s, r);
  } finally {
    s.cleanup();
  }
});

test("the walk of the config's globs reads nothing outside the repository, whatever pattern gets past the config's check", async () => {
  const { expandGlobs } = await import('../../src/engine/discover.ts');
  const s = sandbox();
  try {
    for (const glob of ['../outside/*.xml', `${s.outside}/*.xml`]) {
      await assert.rejects(expandGlobs([glob], s.ws), /matched by the config's hosts globs outside the repository/, glob);
    }
  } finally {
    s.cleanup();
  }
});

test("config hosts[].domains: a glob above the repository is a config error; a symlinked literal part is refused", () => {
  const s = sandbox();
  try {
    writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: 'hosts/h.json', domains: ['../outside/*.xml'] }] }));
    let r = kvmlint(['--fix', 'kvmlint.config.json'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /hosts\[0\]\.domains: glob '\.\.\/outside\/\*\.xml' reaches outside the repository/);
    assertUntouched(s, r);
    // Inside by name, outside once the link is followed; `d/../../outside` climbs out the same way.
    symlinkSync(s.outside, path.join(s.ws, 'hd'));
    writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: 'hosts/h.json', domains: ['hd/**/*.xml'] }] }));
    r = kvmlint(['--fix', 'kvmlint.config.json'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /matched by the config's hosts globs through a symlink/);
    assertUntouched(s, r);
    writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: 'hosts/h.json', domains: ['d/../../outside/*.xml'] }] }));
    r = kvmlint(['kvmlint.config.json'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assertUntouched(s, r);
    // Braces that expand to '..' or an absolute path: `.{.,}` is `..` to globby, which walked out and read the file.
    for (const glob of ['.{.,}/outside/*.xml', '{.,.}{.,.}/outside/*.xml', `{${s.outside},d}/*.xml`, '{d,.{.,}/outside}/*.xml', 'd/{x,.{.,}/.{.,}/outside}/*.xml']) {
      writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: 'hosts/h.json', domains: [glob] }] }));
      r = kvmlint(['kvmlint.config.json'], s.ws);
      assert.equal(r.status, 2, `${glob}: ${r.stderr}`);
      assert.match(r.stderr, /reaches outside the repository/, glob);
      assertUntouched(s, r);
    }
    // A config in a subdirectory may still name its siblings with '..' inside the repository.
    mkdirSync(path.join(s.ws, 'infra'));
    writeFileSync(path.join(s.ws, 'infra', 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: '../hosts/h.json', domains: ['../d/*.xml'] }] }));
    r = kvmlint(['-c', 'infra/kvmlint.config.json', 'd'], s.ws);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /missing-emulatorpin/);
  } finally {
    s.cleanup();
  }
});

test('a config or --host that is a symlink out of the workspace is not read: its content never reaches stderr', () => {
  const s = sandbox();
  try {
    writeFileSync(path.join(s.outside, 'creds.json'), JSON.stringify({ rules: { 'ghp-supersecret': 'error' } }));
    symlinkSync(path.join(s.outside, 'creds.json'), path.join(s.ws, 'kvmlint.config.json'));
    for (const args of [['d'], ['-c', 'kvmlint.config.json', 'd']]) {
      const r = kvmlint(['--host', 'hosts/h.json', ...args], s.ws);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /the config is a symlink to .*creds\.json, outside the workspace/);
      assertUntouched(s, r);
    }
    rmSync(path.join(s.ws, 'kvmlint.config.json'));
    writeFileSync(path.join(s.outside, 'h.json'), HOST_TEXT);
    rmSync(path.join(s.ws, 'hosts', 'h.json'));
    symlinkSync(path.join(s.outside, 'h.json'), path.join(s.ws, 'hosts', 'h.json'));
    const r = kvmlint(['--host', 'hosts/h.json', 'd'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /the host snapshot is a symlink to/);
    // Named outside the workspace, a host snapshot is the user's own choice.
    const own = kvmlint(['--host', path.join(s.outside, 'h.json'), 'd'], s.ws);
    assert.equal(own.status, 0, own.stderr);
    assert.match(own.stdout, /missing-emulatorpin/);
  } finally {
    s.cleanup();
  }
});

test('.gitignore: read as git does (a regular file, never through a symlink) and bounded', () => {
  const s = sandbox();
  try {
    symlinkSync('/dev/zero', path.join(s.ws, '.gitignore'));
    let r = kvmlint(['--host', 'hosts/h.json', 'd'], s.ws);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /missing-emulatorpin/);
    rmSync(path.join(s.ws, '.gitignore'));
    mkdirSync(path.join(s.ws, '.gitignore'));
    r = kvmlint(['--host', 'hosts/h.json', 'd/*.xml'], s.ws);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /missing-emulatorpin/);
    rmSync(path.join(s.ws, '.gitignore'), { recursive: true });
    writeFileSync(path.join(s.ws, '.gitignore'), `${'#'.repeat(2 * 1024 * 1024)}\n`);
    r = kvmlint(['--host', 'hosts/h.json', 'd'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /\.gitignore: file is \d+ bytes, above the 1048576-byte limit/);
  } finally {
    s.cleanup();
  }
});

test('map -o, plan --map-file and -o never write through a symlink or below a symlinked directory', () => {
  const s = sandbox();
  try {
    writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: 'hosts/h.json', domains: ['d/*.xml'] }] }));
    const precious = path.join(s.outside, 'precious');
    writeFileSync(precious, 'precious\n');
    symlinkSync(precious, path.join(s.ws, 'map.html'));
    let r = kvmlint(['map', '-f', 'html', '-o', 'map.html'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /map\.html: is a symlink \(the link was removed, so no later step reads its target as the report\); report not written/);
    assert.equal(lstatSync(path.join(s.ws, 'map.html'), { throwIfNoEntry: false }), undefined, 'the committed link is removed, as the Action removes it');
    symlinkSync(path.join(s.outside, 'new.html'), path.join(s.ws, 'plan.html'));
    r = kvmlint(['plan', '--map-file', 'plan.html'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(existsSync(path.join(s.outside, 'new.html')), false);
    symlinkSync(s.outside, path.join(s.ws, 'out'));
    r = kvmlint(['-f', 'sarif', '-o', 'out/kvmlint.sarif', 'd'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /out is a symlink \(the link was removed, so no later step reads its target as the report\); report not written/);
    assert.equal(lstatSync(path.join(s.ws, 'out'), { throwIfNoEntry: false }), undefined);
    // A symlinked directory inside the workspace is no way to another file of the workspace either (`out -> .git`, `-o out/config`).
    mkdirSync(path.join(s.ws, 'inner'));
    writeFileSync(path.join(s.ws, 'inner', 'config'), 'keep\n');
    symlinkSync('inner', path.join(s.ws, 'out'));
    r = kvmlint(['-o', 'out/config', 'd'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(readFileSync(path.join(s.ws, 'inner', 'config'), 'utf8'), 'keep\n');
    assert.equal(lstatSync(path.join(s.ws, 'out'), { throwIfNoEntry: false }), undefined);
    symlinkSync(s.outside, path.join(s.ws, 'out'));
    // snapshot -o, the same way; a snapshot it replaces inside the workspace keeps its mode.
    r = kvmlint(['snapshot', '--from', 'hosts/h.json', '-o', 'out/h.json'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot write .*out\/h\.json: its directory leads through a symlink to .*outside, outside the workspace/);
    assert.deepEqual(readdirSync(s.outside).sort(), ['precious', 'secret.xml']);
    assert.equal(readFileSync(precious, 'utf8'), 'precious\n');
    chmodSync(path.join(s.ws, 'hosts', 'h.json'), 0o600);
    r = kvmlint(['snapshot', '--from', 'hosts/h.json', '-o', 'hosts/h.json'], s.ws);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(statSync(path.join(s.ws, 'hosts', 'h.json')).mode & 0o777, 0o600);
  } finally {
    s.cleanup();
  }
});

test('a config schema directory outside the repository must be a libvirt schema directory, and no other path is told apart', () => {
  const s = sandbox();
  try {
    const messages = new Set<string>();
    for (const schema of [s.outside, '/root/.ssh', '/etc/passwd', '/no/such/dir', '../outside']) {
      writeFileSync(path.join(s.ws, 'kvmlint.config.json'), JSON.stringify({ schema }));
      const r = kvmlint(['d'], s.ws);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /schema: .* is outside the repository .* and is not a libvirt schema directory/);
      messages.add(r.stderr.replace(schema, 'X'));
    }
    assert.equal(messages.size, 1, [...messages].join(''));
  } finally {
    s.cleanup();
  }
});

test('snapshot --from reads a regular, bounded file: a committed link to /dev/zero is refused at once', () => {
  const s = sandbox();
  try {
    symlinkSync('/dev/zero', path.join(s.ws, 'zero.json'));
    const r = kvmlint(['snapshot', '--from', 'zero.json'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    // Outside the workspace, so refused before it is opened (as --host refuses it); a device inside would be 'not a regular file'.
    assert.match(r.stderr, /zero\.json: the host input is a symlink to \/dev\/zero, outside the workspace/);
  } finally {
    s.cleanup();
  }
});

test('an error message echoing a huge value from a snapshot is cut (stderr stays small)', () => {
  const s = sandbox();
  try {
    const host = JSON.parse(HOST_TEXT) as Record<string, unknown>;
    host.cpus = { online: Array.from({ length: 500_000 }, (_, i) => String(i * 2)).join(',') };
    writeFileSync(path.join(s.ws, 'hosts', 'big.json'), JSON.stringify(host));
    const r = kvmlint(['--host', 'hosts/big.json', 'd'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.length < 4000, `stderr is ${r.stderr.length} characters`);
    assert.match(r.stderr, /more characters\)/);
  } finally {
    s.cleanup();
  }
});

test('--fix keeps a file with lone CR line breaks (classic Mac OS) on CR', () => {
  const s = sandbox();
  try {
    writeFileSync(path.join(s.ws, 'd', 'vm.xml'), DOMAIN.replace(/\n/g, '\r'));
    const r = kvmlint(['--host', 'hosts/h.json', '--fix', 'd'], s.ws);
    assert.match(r.stderr, /fixed d\/vm\.xml: missing-emulatorpin/);
    const fixed = readFileSync(path.join(s.ws, 'd', 'vm.xml'), 'utf8');
    assert.match(fixed, /<emulatorpin cpuset='[^']+'\/>/);
    assert.equal(fixed.includes('\n'), false, 'a line feed was inserted into a CR-only file');
  } finally {
    s.cleanup();
  }
});

test('SIGTERM during a long --fix: the run stops between files (exit 143), each file whole, no backup left', async () => {
  const s = sandbox();
  try {
    let oneFileMs = 0;
    const fixedText = (() => {
      writeFileSync(path.join(s.ws, 'one.xml'), DOMAIN);
      const t0 = Date.now();
      kvmlint(['--host', 'hosts/h.json', '--fix', 'one.xml'], s.ws);
      oneFileMs = Date.now() - t0;
      const t = readFileSync(path.join(s.ws, 'one.xml'), 'utf8');
      rmSync(path.join(s.ws, 'one.xml'));
      return t;
    })();
    assert.notEqual(fixedText, DOMAIN);
    const files = 3000;
    const texts = (i: number, text: string) => text.replace('build-runner', `vm${i}`).replace('0e6a7d2f1b22', String(i).padStart(12, '0'));
    for (let i = 0; i < files; i++) writeFileSync(path.join(s.ws, 'd', `vm${String(i).padStart(4, '0')}.xml`), texts(i, DOMAIN));
    rmSync(path.join(s.ws, 'd', 'vm.xml'));
    const child = spawn(process.execPath, [BIN, '--host', 'hosts/h.json', '--fix', '--no-plan-suggestions', 'd'], { cwd: s.ws, stdio: 'ignore' });
    // Well inside the run: linting 3,000 files takes seconds here, and the writes come after it. Not before the
    // process has started (its handlers are set as it starts): a whole one-file run here is later than that.
    setTimeout(() => child.kill('SIGTERM'), Math.max(400, oneFileMs + 150));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (c, sig) => done([c, sig])));
    // Before the first write the signal ends the run at once (Node's default); from it on, kvmlint's handler
    // lets the write in progress finish and exits 143. Either way a shell reports 128 + 15.
    assert.ok(code === 143 || signal === 'SIGTERM', `the signal ended the run (code ${code}, signal ${signal})`);
    let fixed = 0;
    for (let i = 0; i < files; i++) {
      const text = readFileSync(path.join(s.ws, 'd', `vm${String(i).padStart(4, '0')}.xml`), 'utf8');
      if (text === texts(i, fixedText)) fixed++;
      else assert.equal(text, texts(i, DOMAIN), `vm${i}: neither the original nor the fixed text`);
    }
    assert.ok(fixed < files, 'the run went on fixing every file after the signal');
    assert.deepEqual(readdirSync(path.join(s.ws, 'd')).filter((f) => !f.endsWith('.xml')), [], 'a backup or temporary file was left');
  } finally {
    s.cleanup();
  }
});

test('SIGTERM during a plain lint ends it at once: nothing waits for the synchronous lint to finish', async () => {
  const s = sandbox();
  try {
    const files = 3000;
    for (let i = 0; i < files; i++) writeFileSync(path.join(s.ws, 'd', `vm${String(i).padStart(4, '0')}.xml`), DOMAIN.replace('build-runner', `vm${i}`));
    const child = spawn(process.execPath, [BIN, '--host', 'hosts/h.json', '--no-plan-suggestions', 'd'], { cwd: s.ws, stdio: 'ignore' });
    // Once the process runs (Node's own start), well before 3,000 files are linted.
    setTimeout(() => child.kill('SIGTERM'), 400);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (c, sig) => done([c, sig])));
    // A handler would have run only after the lint: exit 143, seconds later. With Node's default the kernel ends it.
    assert.equal(signal, 'SIGTERM', `ended by the signal itself, not by a handler after the lint (code ${code})`);
  } finally {
    s.cleanup();
  }
});

test('explain reads a named file as a lint does: not through a symlink out of the workspace, and only a regular file', () => {
  // It printed the <name> and <uuid> of the file a committed link pointed at, and a link to a FIFO (or /dev/stdin) waited forever.
  const s = sandbox();
  try {
    symlinkSync(s.secret, path.join(s.ws, 'd', 'out.xml'));
    let r = kvmlint(['explain', '--no-config-lookup', 'd/out.xml'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /d\/out\.xml: a symlink to .*secret\.xml, outside the workspace .*; not read/);
    assertUntouched(s, r);
    const fifo = path.join(s.ws, 'd', 'fifo.xml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    // A writer that never writes keeps a blocking open(2) waiting: a bounded run proves none is made.
    const writer = spawn('sh', ['-c', `exec 3>'${fifo}'; sleep 30`], { stdio: 'ignore' });
    try {
      r = kvmlint(['explain', '--no-config-lookup', 'd/fifo.xml'], s.ws);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /fifo\.xml: not a regular file/);
    } finally {
      writer.kill();
    }
    r = kvmlint(['explain', '--no-config-lookup', 'd/vm.xml'], s.ws);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /domain build-runner/);
  } finally {
    s.cleanup();
  }
});

test('snapshot --from does not read a committed symlink out of the workspace, as --host does not', () => {
  const s = sandbox();
  try {
    // A valid snapshot outside: converted, it would be printed whole.
    const outsideHost = path.join(s.outside, 'host.json');
    writeFileSync(outsideHost, HOST_TEXT.replace(/"hostname": "[^"]*"/, '"hostname": "ghp-supersecret-host"'));
    symlinkSync(outsideHost, path.join(s.ws, 'hosts', 'linked.json'));
    const r = kvmlint(['snapshot', '--from', 'hosts/linked.json'], s.ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /snapshot: hosts\/linked\.json: the host input is a symlink to .*host\.json, outside the workspace .*; not read/);
    assertUntouched(s, r);
    assert.equal(kvmlint(['snapshot', '--from', 'hosts/h.json'], s.ws).status, 0);
  } finally {
    s.cleanup();
  }
});
