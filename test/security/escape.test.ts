/**
 * Issue 14, escape from the workspace: nothing a pull request commits makes kvmlint write through
 * a symlink, read outside the workspace, read a non-regular or unbounded file, match globs for
 * minutes, report an unvalidated domain as valid, or take a config from above the repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/paths.ts';
import { copyBundle } from '../support/bundle.ts';
import { loadConfigFile, findConfigFile } from '../../src/engine/config.ts';
import { loadSchemaValidator } from '../../src/schema/validator.ts';

const BIN = path.join(repoRoot, 'dist', 'kvmlint.mjs');
const DOMAIN = readFileSync(path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
const HOST = path.join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
const VICTIM = 'ssh-rsa AAAA the runner user\'s key\n';

function sandbox(): { dir: string; ws: string; victim: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-escape-'));
  const ws = path.join(dir, 'ws');
  mkdirSync(path.join(ws, '.git'), { recursive: true });
  writeFileSync(path.join(ws, 'vm.xml'), DOMAIN);
  const victim = path.join(dir, 'authorized_keys');
  writeFileSync(victim, VICTIM);
  return { dir, ws, victim };
}

function kvmlint(args: string[], cwd: string, timeout = 30_000) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
}

test('-o never writes through a symlink: refused by name, exit 2, the target untouched', () => {
  const { dir, ws, victim } = sandbox();
  try {
    symlinkSync(victim, path.join(ws, 'report.txt'));
    const r = kvmlint(['--no-config-lookup', '--host', HOST, '-o', 'report.txt', 'vm.xml'], ws);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /kvmlint: report\.txt: is a symlink \(the link was removed, so no later step reads its target as the report\); report not written/);
    assert.equal(readFileSync(victim, 'utf8'), VICTIM);
    // As the Action does: the committed link is gone (a later upload step with `if: always()` would follow it), its target stays.
    assert.equal(lstatSync(path.join(ws, 'report.txt'), { throwIfNoEntry: false }), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Action: the report is never written through a committed symlink or a symlinked directory', () => {
  const { dir, ws, victim } = sandbox();
  try {
    const bundle = copyBundle('action.mjs', path.join(dir, 'action', 'action.mjs'));
    symlinkSync(victim, path.join(ws, 'kvmlint.sarif'));
    mkdirSync(path.join(dir, 'outside'));
    symlinkSync(path.join(dir, 'outside'), path.join(ws, 'reports'));
    for (const [file, leaked] of [['', victim], ['reports/k.sarif', path.join(dir, 'outside', 'k.sarif')]] as const) {
      const env = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: ws, INPUT_PATHS: 'vm.xml', ...(file ? { 'INPUT_SARIF-FILE': file } : {}) };
      const r = spawnSync(process.execPath, [bundle], { cwd: ws, env, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stdout, /^::error::kvmlint: .*: a symlink where (a|the) report .*goes \(the link was removed/m);
      if (leaked === victim) assert.equal(readFileSync(victim, 'utf8'), VICTIM);
      else assert.throws(() => readFileSync(leaked), /ENOENT/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Action: a committed symlink where a report or the map goes is removed (the link, not its target) for the upload steps after it', () => {
  // README's workflow uploads kvmlint-map.html and kvmlint.sarif with `if: always()`, and upload-artifact follows a
  // symlink: a pull request's `kvmlint-map.html -> .git/config` (the checkout's token) would be uploaded as the artifact.
  const { dir, ws, victim } = sandbox();
  try {
    const bundle = copyBundle('action.mjs', path.join(dir, 'action', 'action.mjs'));
    mkdirSync(path.join(dir, 'outside'));
    writeFileSync(path.join(dir, 'outside', 'k.sarif'), VICTIM);
    for (const [input, file, link, target] of [
      ['INPUT_SARIF-FILE', 'kvmlint.sarif', 'kvmlint.sarif', victim],
      ['INPUT_MAP-FILE', 'kvmlint-map.html', 'kvmlint-map.html', victim],
      ['INPUT_SARIF-FILE', 'reports/k.sarif', 'reports', path.join(dir, 'outside')],
    ] as const) {
      symlinkSync(target, path.join(ws, link));
      const env = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: ws, INPUT_PATHS: 'vm.xml', [input]: file };
      const r = spawnSync(process.execPath, [bundle], { cwd: ws, env, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stdout, /^::error::kvmlint: .*symlink.*removed/m);
      assert.ok(!lstatSync(path.join(ws, link), { throwIfNoEntry: false })?.isSymbolicLink(), `${link} is still a link`);
      assert.equal(readFileSync(victim, 'utf8'), VICTIM);
      assert.equal(readFileSync(path.join(dir, 'outside', 'k.sarif'), 'utf8'), VICTIM);
      for (const made of ['kvmlint.sarif', 'kvmlint-map.html', 'reports']) rmSync(path.join(ws, made), { recursive: true, force: true });
    }
    // Removed before anything can fail: a config that does not load ended the run before the report was written.
    writeFileSync(path.join(ws, 'kvmlint.config.json'), '{"rules": {"no-such-rule": "off"}}');
    symlinkSync(victim, path.join(ws, 'kvmlint-map.html'));
    symlinkSync(victim, path.join(ws, 'kvmlint.sarif'));
    const env = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: ws, INPUT_PATHS: 'vm.xml', 'INPUT_MAP-FILE': 'kvmlint-map.html' };
    const r = spawnSync(process.execPath, [bundle], { cwd: ws, env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stdout, /unknown rule 'no-such-rule'/);
    for (const link of ['kvmlint-map.html', 'kvmlint.sarif']) assert.ok(!lstatSync(path.join(ws, link), { throwIfNoEntry: false })?.isSymbolicLink(), `${link} is still a link`);
    assert.equal(readFileSync(victim, 'utf8'), VICTIM);
    // Nor is a committed file there uploaded as this run's map or report: a page with a script, a SARIF with no results.
    writeFileSync(path.join(ws, 'kvmlint-map.html'), '<script>alert(document.cookie)</script>');
    writeFileSync(path.join(ws, 'kvmlint.sarif'), '{"version": "2.1.0", "runs": []}');
    const again = spawnSync(process.execPath, [bundle], { cwd: ws, env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(again.status, 2, again.stdout);
    for (const file of ['kvmlint-map.html', 'kvmlint.sarif']) assert.equal(lstatSync(path.join(ws, file), { throwIfNoEntry: false }), undefined, `the committed ${file} is still there`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a named path inside the workspace that is a symlink out of it is refused and its content never printed', () => {
  const { dir, ws, victim } = sandbox();
  try {
    writeFileSync(victim, `<domain>\n//registry.npmjs.org/:_authToken=npm_SECRET\n</domain>\n`);
    symlinkSync(victim, path.join(ws, 'token.xml'));
    const r = kvmlint(['--no-config-lookup', 'token.xml'], ws);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /token\.xml: a symlink to .*authorized_keys, outside the workspace .*; not read/);
    assert.doesNotMatch(r.stdout + r.stderr, /npm_SECRET/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('config and host snapshots: regular files only, bounded; config snapshot paths confined to the repository', () => {
  const { dir, ws } = sandbox();
  try {
    symlinkSync('/dev/zero', path.join(ws, 'kvmlint.config.json'));
    let r = kvmlint(['vm.xml'], ws, 10_000);
    assert.equal(r.status, 2, `${r.signal} ${r.stderr}`);
    // Refused before it is opened: a symlink out of the workspace (symlink-ways-out.test.ts).
    assert.match(r.stderr, /kvmlint\.config\.json.*(not a regular file|symlink to \/dev\/zero)/);
    rmSync(path.join(ws, 'kvmlint.config.json'));
    // A config that is /dev/zero itself (named outside the workspace) is refused as not a regular file.
    r = kvmlint(['-c', '/dev/zero', 'vm.xml'], ws, 10_000);
    assert.equal(r.status, 2, `${r.signal} ${r.stderr}`);
    assert.match(r.stderr, /not a regular file/);

    r = kvmlint(['--no-config-lookup', '--host', '/dev/urandom', 'vm.xml'], ws, 10_000);
    assert.equal(r.status, 2, `${r.signal} ${r.stderr}`);
    assert.match(r.stderr, /not a regular file/);

    for (const snapshot of ['/etc/shadow', '../authorized_keys', 'zero.json']) {
      symlinkSync('/dev/zero', path.join(ws, 'zero.json'), 'file');
      writeFileSync(path.join(ws, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot, domains: ['*.xml'] }] }));
      r = kvmlint(['vm.xml'], ws, 10_000);
      assert.equal(r.status, 2, `${snapshot}: ${r.signal} ${r.stderr}`);
      assert.match(r.stderr, snapshot === 'zero.json' ? /outside the repository|not a regular file/ : /is outside the repository/, r.stderr);
      assert.doesNotMatch(r.stderr, /does not exist|no such file/, 'existence is not revealed');
      rmSync(path.join(ws, 'zero.json'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a config\'s snapshots in a symlinked directory: inside the repository they load, outside they are refused', () => {
  const { dir, ws } = sandbox();
  try {
    mkdirSync(path.join(dir, 'outside'));
    mkdirSync(path.join(ws, 'hosts'));
    for (const d of [path.join(dir, 'outside'), path.join(ws, 'hosts')]) cpSync(HOST, path.join(d, 'h.json'));
    // One file a host: a snapshot named by two entries is a config error of its own.
    for (let i = 0; i < 36; i++) cpSync(HOST, path.join(ws, 'hosts', `h${i}.json`));
    symlinkSync(path.join(dir, 'outside'), path.join(ws, 'out'));
    symlinkSync('hosts', path.join(ws, 'in'));
    symlinkSync(path.join(dir, 'outside', 'h.json'), path.join(ws, 'hosts', 'link.json'));
    // Many snapshots per directory, as a fleet has: the directory's real path is worked out once for all.
    const config = (snapshots: string[]) => ({ hosts: snapshots.map((snapshot, i) => ({ snapshot, domains: [`d${i}/*.xml`] })) });
    // 2 snapshots a directory are each looked at with lstat; 18 (a fleet) are read from one listing of it.
    for (const copies of [1, 9]) {
      const accepted = Array.from({ length: copies }, (_, c) => [0, 1, 2, 3].map((k) => `${k % 2 === 0 ? 'hosts' : 'in'}/h${4 * c + k}.json`)).flat();
      const n = accepted.length;
      assert.equal(loadConfigFile(writeConfig(ws, config(accepted))).hosts.length, n);
      for (const refused of ['out/h.json', 'hosts/link.json', 'in/link.json']) {
        assert.throws(() => loadConfigFile(writeConfig(ws, config([...accepted, refused]))), (e: Error) => {
          assert.match(e.message, new RegExp(`hosts\\[${n}\\]\\.snapshot: ${refused.replace('.', '\\.')} is outside the repository`));
          return true;
        });
      }
      assert.throws(() => loadConfigFile(writeConfig(ws, config([...accepted, 'hosts/gone.json']))), new RegExp(`hosts\\[${n}\\]\\.snapshot: file hosts/gone\\.json does not exist`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function writeConfig(ws: string, config: object): string {
  const file = path.join(ws, 'kvmlint.config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

test('config globs that picomatch would backtrack on for minutes are rejected at once, naming the glob', () => {
  const { dir, ws } = sandbox();
  try {
    cpSync(HOST, path.join(ws, 'h.json'));
    writeFileSync(path.join(ws, `${'a'.repeat(40)}.xml`), DOMAIN);
    for (const config of [
      { ignores: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b.xml'] },
      { hosts: [{ snapshot: 'h.json', domains: ['**/*a*a/**/*a*a.xml'] }] },
    ]) {
      writeFileSync(path.join(ws, 'kvmlint.config.json'), JSON.stringify(config));
      const start = Date.now();
      const r = kvmlint(['.'], ws, 20_000);
      assert.ok(Date.now() - start < 15_000);
      assert.equal(r.status, 2, `${r.signal} ${r.stderr}`);
      assert.match(r.stderr, /glob '.*' has more than 3 '\*' or '\*\*' wildcards/);
    }
    // Ordinary globs still load.
    writeFileSync(path.join(ws, 'kvmlint.config.json'), JSON.stringify({ ignores: ['**/*.bak.xml', 'legacy/**/vm-*.xml'] }));
    assert.ok(loadConfigFile(path.join(ws, 'kvmlint.config.json')).isIgnoredFile(path.join(ws, 'legacy', 'x', 'vm-1.xml')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outside a git repository, config lookup stops at the working directory (a writable /tmp does not steer the run)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-lookup-'));
  try {
    const cwd = path.join(dir, 'project');
    mkdirSync(cwd);
    writeFileSync(path.join(dir, 'kvmlint.config.json'), JSON.stringify({ rules: { 'missing-emulatorpin': 'off' } }));
    assert.equal(findConfigFile(cwd, cwd), undefined);
    writeFileSync(path.join(cwd, 'kvmlint.config.json'), '{}');
    assert.equal(findConfigFile(path.join(cwd), cwd), path.join(cwd, 'kvmlint.config.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const ANY = '<element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element>';
const rng = (start: string) => `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>${start}</start><define name="any">${ANY}</define></grammar>`;

test('schema validation fails closed: no verdict from libxml2 (internal error, out of memory, a validator that accepts anything) is schema-invalid, never valid', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-rng-'));
  try {
    mkdirSync(path.join(dir, 'anything'));
    writeFileSync(path.join(dir, 'anything', 'domain.rng'), rng(ANY));
    const permissive = await loadSchemaValidator(path.join(dir, 'anything'));
    assert.equal(permissive.validate(DOMAIN)?.kind, 'invalid');
    assert.match(permissive.validate(DOMAIN)!.details[0]!.message, /not known to be valid/);

    mkdirSync(path.join(dir, 'domain'));
    writeFileSync(path.join(dir, 'domain', 'domain.rng'), rng(`<element name="domain"><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element>`));
    const strict = await loadSchemaValidator(path.join(dir, 'domain'));
    assert.equal(strict.validate(DOMAIN), undefined, 'a real verdict of valid stands');
    const { RelaxNGValidator } = await import('libxml2-wasm');
    const real = RelaxNGValidator.prototype.validate;
    try {
      // libxml2 after memory ran out: returns without an error.
      RelaxNGValidator.prototype.validate = function () {};
      assert.equal(strict.validate(DOMAIN)?.kind, 'invalid');
      // xmlRelaxNGValidateDoc < 0, or a WebAssembly trap.
      RelaxNGValidator.prototype.validate = function () {
        throw new RangeError('Out of memory');
      };
      assert.match(strict.validate(DOMAIN)!.details[0]!.message, /could not validate this domain: Out of memory/);
    } finally {
      RelaxNGValidator.prototype.validate = real;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
