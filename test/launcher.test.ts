/**
 * The launcher (dist/bin.cjs, package.json's bin, and its ES module twin dist/kvmlint.mjs; src/launcher.ts)
 * starts the CLI bundle from V8's code cache:
 * written beside the bundle by the first lint run, accepted by the next, refused when it is not
 * this build's, and never a reason for a run to fail or change its report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyBundle } from './support/bundle.ts';
import { repoRoot } from './support/paths.ts';
import { LAUNCHER_BIN_FILE } from '../scripts/esbuild-engine.mjs';

const work = mkdtempSync(join(tmpdir(), 'kvmlint-launcher-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

const cacheName = `kvmlint-code-cache-${process.version}-${process.arch}.bin`;
const args = ['-f', 'json', '--host', join(repoRoot, 'examples', 'hosts', 'dual-socket.json'), join(repoRoot, 'examples', 'domains')];

/** A fresh copy of the CLI (launcher, bundle, siblings) in its own directory. */
function install(name: string): { dir: string; bin: string; cache: string } {
  const dir = join(work, name);
  const bin = copyBundle('kvmlint.mjs', join(dir, 'kvmlint.mjs'));
  return { dir, bin, cache: join(dir, cacheName) };
}

function run(bin: string, argv: readonly string[] = args) {
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The report of the committed CLI, run without a cache beside it. */
const reference = (() => {
  const { bin } = install('reference');
  return run(bin);
})();

test('the reference run lints: findings, exit 1', () => {
  assert.equal(reference.code, 1, reference.stderr);
  assert.ok((JSON.parse(reference.stdout) as { diagnostics: unknown[] }).diagnostics.length > 3);
});

test('no cache after --version; the first lint run writes one, headed by the build id; the next accepts it as is', () => {
  const { dir, bin, cache } = install('first');
  assert.equal(run(bin, ['--version']).code, 0);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.bin')), [], 'a run that lints nothing leaves no cache');

  const first = run(bin);
  assert.deepEqual(first, reference);
  const written = readFileSync(cache);
  // The build id is the bundle's sha256 (scripts/build.mjs): a rebuilt bundle never takes an old cache.
  const buildId = createHash('sha256').update(readFileSync(join(dir, 'kvmlint.cjs'))).digest('hex');
  const headerEnd = written.indexOf(0x0a) + 1;
  assert.match(written.subarray(0, headerEnd).toString('latin1'), new RegExp(`^kvmlint code cache ${buildId} ${process.versions.v8.replace(/\./g, '\\.')} *\n$`));
  // Padded: V8 copies cached data that does not start pointer-aligned (a megabyte of fresh memory).
  assert.equal(headerEnd % 8, 0, `the bytecode starts at byte ${headerEnd}`);
  assert.ok(written.length > 100_000, `the cache holds the compiled code (${written.length} bytes)`);
  const before = statSync(cache);

  const second = run(bin);
  assert.deepEqual(second, reference);
  const after = statSync(cache);
  assert.equal(after.ino, before.ino, 'accepted, not rewritten');
  assert.equal(after.mtimeMs, before.mtimeMs);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('a cache of another build, or one cut short, is not used: the report is the same and the cache is rewritten', () => {
  const { bin, cache } = install('foreign');
  run(bin);
  const good = readFileSync(cache);
  const headerEnd = good.indexOf(0x0a) + 1;

  // Another build: the same bytes under another build id. The launcher never hands it to V8.
  const foreign = Buffer.concat([Buffer.from(`kvmlint code cache ${'0'.repeat(64)}\n`), good.subarray(headerEnd)]);
  writeFileSync(cache, foreign);
  assert.deepEqual(run(bin), reference);
  assert.ok(readFileSync(cache).subarray(0, headerEnd).equals(good.subarray(0, headerEnd)), 'rewritten, with this build id');

  // Cut short: this build's header, half the data. V8 refuses it (its length check).
  writeFileSync(cache, good.subarray(0, headerEnd + Math.floor((good.length - headerEnd) / 2)));
  assert.deepEqual(run(bin), reference);
  assert.ok(readFileSync(cache).length > (good.length * 3) / 4, 'rewritten whole');

  // Only the header, or nothing at all.
  for (const bytes of [good.subarray(0, headerEnd), Buffer.alloc(0)]) {
    writeFileSync(cache, bytes);
    assert.deepEqual(run(bin), reference);
  }
});

test('a cache that cannot be written changes nothing: same report, exit code, no temporary file left', () => {
  const { dir, bin, cache } = install('unwritable');
  // Renaming over a directory fails (EISDIR), whoever runs the test: root ignores permission bits.
  mkdirSync(cache);
  const r = run(bin);
  assert.deepEqual(r, reference);
  assert.ok(statSync(cache).isDirectory());
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('the cache is written beside the bundle only, whatever the working directory and the arguments', () => {
  const { dir, bin } = install('placement');
  const elsewhere = join(work, 'elsewhere');
  mkdirSync(elsewhere);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: elsewhere, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(readdirSync(elsewhere), []);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('kvmlint-code-cache-')), [cacheName]);
});

test('a glob and --format codeframe load their modules from beside the bundle under the launcher, cached or not', () => {
  const { bin } = install('siblings');
  const globArgs = ['-f', 'json', '--host', 'examples/hosts/dual-socket.json', 'examples/domains/*.xml'];
  const frameArgs = ['-f', 'codeframe', '--no-color', '--host', 'examples/hosts/dual-socket.json', 'examples/domains'];
  for (let round = 0; round < 2; round++) {
    const glob = spawnSync(process.execPath, [bin, ...globArgs], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(glob.status, 1, glob.stderr);
    assert.ok((JSON.parse(glob.stdout) as { files: string[] }).files.length > 3);
    const frame = spawnSync(process.execPath, [bin, ...frameArgs], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(frame.status, 1, frame.stderr);
    assert.match(frame.stdout, /^ +> \d+ \| /m, 'code frames');
  }
});

test('a launcher without its bundle beside it fails the run (exit 2, one line), never passes it', () => {
  const dir = join(work, 'lonely');
  mkdirSync(dir);
  const bin = join(dir, 'kvmlint.mjs');
  writeFileSync(bin, readFileSync(join(repoRoot, 'dist', 'kvmlint.mjs')));
  const r = run(bin);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^kvmlint: internal error: cannot start .*kvmlint\.cjs: ENOENT[^\n]*\n$/);
});

test('every committed bundle is ASCII: the launcher reads kvmlint.cjs as Latin-1, and V8 keeps ASCII text one byte a character', () => {
  const dist = join(repoRoot, 'dist');
  const bundles = readdirSync(dist).filter((f) => /\.(?:mjs|cjs)$/.test(f));
  assert.ok(bundles.includes('kvmlint.cjs') && bundles.includes('kvmlint.mjs') && bundles.includes(LAUNCHER_BIN_FILE), bundles.join(' '));
  for (const f of bundles) {
    const bytes = readFileSync(join(dist, f));
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `${f}: byte 0x${bytes[at]?.toString(16)} at ${at}`);
  }
});

test('a lint run without --schema, --fix or a glob loads none of the Node modules only those need', () => {
  // package.json's bin, the CommonJS launcher: kvmlint.mjs starts Node's ES module loader, which loads the stream modules itself.
  const bin = copyBundle(LAUNCHER_BIN_FILE, join(work, 'builtins', LAUNCHER_BIN_FILE));
  const probe = join(work, 'builtins-probe.cjs');
  const list = join(work, 'builtins-loaded.txt');
  // Node's own record of the built-in modules this process loaded, written to a file as it exits (printing it
  // through process.stderr would load the stream modules itself).
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join(',')));\n`);
  const r = spawnSync(process.execPath, ['--require', probe, bin, ...args], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  assert.equal(r.status, 1, r.stderr);
  const loaded = new Set(readFileSync(list, 'utf8').split(',').filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)));
  assert.ok(loaded.has('fs') && loaded.has('vm'), 'positive control: the probe sees what the launcher loads');
  // --schema's helper thread, --fix's backups, commander's executable subcommands.
  for (const name of ['worker_threads', 'crypto', 'child_process']) assert.ok(!loaded.has(name), `${name} was loaded`);
  // V8's flags are set through the binding node:v8 wraps where Node has it (src/engine/v8-flags.ts): node:v8 loads
  // Node's stream modules as it loads. The deprecated access prints nothing.
  assert.doesNotMatch(r.stderr, /DeprecationWarning|DEP0111/);
  if (hasV8FlagBinding()) for (const name of ['v8', 'stream']) assert.ok(!loaded.has(name), `${name} was loaded`);
  else assert.ok(loaded.has('v8'), 'without the binding (Node 24), node:v8 sets the flags');
});

/** Whether this Node has `process.binding('v8').setFlagsFromString` (Node 20 and 22), asked without its deprecation warning. */
function hasV8FlagBinding(): boolean {
  const proc = process as unknown as { binding(name: string): { setFlagsFromString?: unknown }; noDeprecation?: boolean };
  const quiet = proc.noDeprecation;
  proc.noDeprecation = true;
  try {
    return typeof proc.binding('v8').setFlagsFromString === 'function';
  } catch {
    return false;
  } finally {
    proc.noDeprecation = quiet;
  }
}

test("package.json's bin is the CommonJS launcher: the same report and code cache as kvmlint.mjs, without Node's ES module loader", () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.equal(manifest.bin.kvmlint, `dist/${LAUNCHER_BIN_FILE}`);
  const dir = join(work, 'bin');
  const bin = copyBundle(LAUNCHER_BIN_FILE, join(dir, LAUNCHER_BIN_FILE));
  const first = run(bin);
  assert.deepEqual(first, reference);
  // One cache for both launchers: they start the same bundle under the same V8 flags.
  const cache = join(dir, cacheName);
  const written = readFileSync(cache);
  const esm = join(dir, 'kvmlint.mjs');
  writeFileSync(esm, readFileSync(join(repoRoot, 'dist', 'kvmlint.mjs')));
  assert.deepEqual(run(esm), reference);
  assert.ok(readFileSync(cache).equals(written), 'kvmlint.mjs took the cache bin.cjs wrote, as it was');

  // A CommonJS preload, so that the probe itself starts no ES module loader.
  const probe = join(work, 'loader-probe.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nloaded: ${process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',')}\\n`));\n");
  const loadedBy = (entry: string): Set<string> => {
    const r = spawnSync(process.execPath, ['--require', probe, entry, ...args], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.equal(r.status, 1, r.stderr);
    return new Set(/loaded: (.*)/.exec(r.stderr)![1]!.split(',').map((m) => m.slice('NativeModule '.length)));
  };
  // What Node loads to run an ES module entry (resolution, module jobs, translators): kvmlint.mjs needs it, bin.cjs must not.
  const esmOnly = ['internal/modules/esm/resolve', 'internal/modules/esm/module_job', 'internal/modules/esm/translators'];
  const viaEsm = loadedBy(esm);
  for (const name of esmOnly) assert.ok(viaEsm.has(name), `positive control: kvmlint.mjs loads ${name}`);
  const viaBin = loadedBy(bin);
  assert.ok(viaBin.has('vm'), 'positive control: the probe sees what the launcher loads');
  for (const name of esmOnly) assert.ok(!viaBin.has(name), `bin.cjs loaded ${name}`);
});

test("a long run's cache is taken by a short run as it is, and a short run's by a long run: one cache, whatever the first run was", () => {
  const oneFile = ['-f', 'json', '--host', join(repoRoot, 'examples', 'hosts', 'dual-socket.json'), join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml')];
  for (const [name, first, second] of [
    ['long-first', args, oneFile],
    ['short-first', oneFile, args],
  ] as const) {
    const { bin, cache } = install(name);
    const one = run(bin, first);
    assert.ok(one.code === 0 || one.code === 1, one.stderr);
    const before = statSync(cache);
    const written = readFileSync(cache);
    // A long run turns Sparkplug on (src/engine/v8-flags.ts) and takes its cache under the flags it started with.
    const two = run(bin, second);
    assert.ok(two.code === 0 || two.code === 1, two.stderr);
    const after = statSync(cache);
    assert.equal(after.mtimeMs, before.mtimeMs, `${name}: accepted, not rewritten`);
    assert.ok(readFileSync(cache).equals(written), name);
  }
});

test('Sparkplug compiles none of the bundle in a short run and the hot part of it in a long one', () => {
  const { dir, bin } = install('sparkplug');
  const fleet = join(dir, 'fleet');
  mkdirSync(fleet);
  const domain = readFileSync(join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
  for (let i = 0; i < 40; i++) writeFileSync(join(fleet, `vm${i}.xml`), domain.replace(/<name>[^<]*<\/name>/, `<name>vm${i}</name>`));
  const host = join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
  /** Functions of kvmlint.cjs that V8 compiled with Sparkplug, from its own function events. */
  const baselineCompiled = (paths: readonly string[]): number => {
    const log = join(dir, 'v8.log');
    rmSync(log, { force: true });
    const r = spawnSync(process.execPath, ['--log-function-events', '--no-logfile-per-isolate', `--logfile=${log}`, bin, '-f', 'json', '--host', host, ...paths], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const lines = readFileSync(log, 'latin1').split('\n');
    const bundle = lines.find((l) => l.startsWith('script-details,') && l.includes('kvmlint.cjs'));
    assert.ok(bundle, 'positive control: the log names the bundle');
    const id = bundle.split(',')[1];
    return lines.filter((l) => l.startsWith(`function,baseline,${id},`)).length;
  };
  const fleetFiles = readdirSync(fleet).slice(0, 8).map((f) => join(fleet, f));
  assert.equal(baselineCompiled(fleetFiles), 0, 'eight named files: a short run');
  assert.ok(baselineCompiled([fleet]) > 5, 'a directory of 40 domains: a long run');
  assert.ok(baselineCompiled([...fleetFiles, join(fleet, 'vm39.xml')]) > 0, 'nine named files: a long run');
});
