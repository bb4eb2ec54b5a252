import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../support/paths.ts';
import { nodeBinaries } from '../support/node-binaries.ts';
import { copyBundle, launcherFiles } from '../support/bundle.ts';
import { LIBXML2_FILE } from '../../scripts/esbuild-engine.mjs';
import { libvirtSchemas } from '../support/schemas.ts';
import { CASES } from '../../fixtures/hostile/cases.ts';

// The bundles as users run them, copied away from node_modules (libxml2-wasm and its wasm must
// be inside), with libvirt's real schemas: exit codes, positions, config and Action inputs,
// and which files a --schema run touches.
const schemas = libvirtSchemas();
const skip = schemas.skip;
const work = mkdtempSync(join(tmpdir(), 'kvmlint-schema-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const cli = join(work, 'bin', 'kvmlint.mjs');
const action = join(work, 'action', 'action.mjs');
copyBundle('kvmlint.mjs', cli);
const libxml2File = join(dirname(cli), LIBXML2_FILE);
copyBundle('action.mjs', action);

const production = readFileSync(join(repoRoot, 'examples', 'production-vm.xml'), 'utf8');
// A value only the schema checks (no rule reads <clock>), so the finding is schema-invalid's alone.
const BAD = production.replace("<clock offset='utc'>", "<clock offset='sideways'>").replace('<name>production-vm</name>', '<name>bad</name>');
const badLine = BAD.slice(0, BAD.indexOf("offset='sideways'")).split('\n').length;
const guests = join(work, 'repo', 'guests');
mkdirSync(guests, { recursive: true });
writeFileSync(join(guests, 'good.xml'), production);
writeFileSync(join(guests, 'bad.xml'), BAD);
mkdirSync(join(work, 'repo', '.git'));
const repo = join(work, 'repo');

/** A clean environment: no KVMLINT_LIBVIRT_SCHEMAS unless given, no CI variables. */
function run(args: readonly string[], opts: { node?: string; env?: Record<string, string>; cwd?: string; preload?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(opts.node ?? process.execPath, [...(opts.preload ? ['--import', opts.preload] : []), cli, '--no-color', ...args], {
    cwd: opts.cwd ?? repo,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', ...opts.env },
  });
}

const noStackTrace = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+\)?\n/, 'printed a stack trace');

for (const node of nodeBinaries()) {
  test(`${node.label}: the CLI bundle, away from node_modules, validates with --schema DIR: exit 1, finding at the element`, { skip: skip || node.skip }, () => {
    const r = run(['-f', 'json', '--schema', schemas.dir!, 'guests'], { node: node.path });
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; file: string; line: number; column: number }> };
    assert.deepEqual(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`), [`guests/bad.xml:${badLine}:3 schema-invalid`]);
    const good = run(['--schema', schemas.dir!, 'guests/good.xml'], { node: node.path });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.equal(good.stderr, '');
  });
}

test('--schema alone searches $KVMLINT_LIBVIRT_SCHEMAS; placed before the paths it would take the path as its directory', { skip }, () => {
  const viaEnv = run(['guests', '--schema'], { env: { KVMLINT_LIBVIRT_SCHEMAS: schemas.dir! } });
  assert.equal(viaEnv.status, 1, viaEnv.stderr);
  assert.match(viaEnv.stdout, new RegExp(`^guests/bad\\.xml\\n  ${badLine}:3 +error `, 'm'));
  const swallowed = run(['--schema', 'guests'], { env: { KVMLINT_LIBVIRT_SCHEMAS: schemas.dir! } });
  assert.equal(swallowed.status, 2);
  assert.equal(swallowed.stderr, 'kvmlint: schema directory guests holds no domain.rng (libvirt\'s RelaxNG schemas, installed as /usr/share/libvirt/schemas); to search the installed locations instead, put --schema after the paths to lint\n');
  if (!existsSync('/usr/share/libvirt/schemas/domain.rng') && !existsSync('/usr/local/share/libvirt/schemas/domain.rng')) {
    const none = run(['guests', '--schema']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^kvmlint: libvirt's schemas were not found \(looked for domain\.rng in \/usr\/share\/libvirt\/schemas, \/usr\/local\/share\/libvirt\/schemas\): .*--schema DIR\n$/);
  }
  const missing = run(['--schema', 'no/such/dir', 'guests']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'kvmlint: schema directory no/such/dir does not exist\n');
  for (const r of [viaEnv, swallowed, missing]) noStackTrace(r.stderr);
});

test('config key schema: a directory relative to the config, errors naming the key, --schema and --rule override it', { skip }, () => {
  const dir = mkdtempSync(join(work, 'config-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'vms'));
  writeFileSync(join(dir, 'vms', 'bad.xml'), BAD);
  const write = (schema: unknown) => writeFileSync(join(dir, 'kvmlint.config.json'), JSON.stringify({ schema }));
  write(resolve(schemas.dir!));
  const abs = run(['vms'], { cwd: dir });
  assert.equal(abs.status, 1, abs.stderr);
  assert.match(abs.stdout, /schema-invalid/);
  // A relative directory is resolved against the config file's directory, not the working directory.
  mkdirSync(join(dir, 'sub'));
  cpSync(schemas.dir!, join(dir, 'libvirt-schemas'), { recursive: true });
  write('libvirt-schemas');
  const rel = run(['../vms'], { cwd: join(dir, 'sub') });
  assert.equal(rel.status, 1, rel.stderr);
  assert.match(rel.stdout, /schema-invalid/);
  assert.equal(run(['vms', '--rule', 'schema-invalid=off'], { cwd: dir }).status, 0);
  write(true);
  const auto = run(['vms'], { cwd: dir, env: { KVMLINT_LIBVIRT_SCHEMAS: schemas.dir! } });
  assert.equal(auto.status, 1, auto.stderr);
  write('no-such-dir');
  const missing = run(['vms'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'kvmlint: kvmlint.config.json: schema: directory no-such-dir does not exist\n');
  write(5);
  const wrongType = run(['vms'], { cwd: dir });
  assert.equal(wrongType.status, 2);
  assert.match(wrongType.stderr, /^kvmlint: kvmlint\.config\.json: schema: /);
  write(false);
  assert.equal(run(['vms'], { cwd: dir }).status, 0, 'schema: false');
  assert.equal(run(['vms', '--schema', schemas.dir!], { cwd: dir }).status, 1, '--schema overrides the config');
});

test('libxml2 is loaded only with --schema: a plain lint never instantiates WebAssembly', { skip }, () => {
  const probe = join(work, 'wasm-probe.mjs');
  writeFileSync(
    probe,
    `let n = 0;
for (const k of ['instantiate', 'compile', 'instantiateStreaming', 'compileStreaming']) {
  const orig = WebAssembly[k];
  if (orig) WebAssembly[k] = function (...a) { n++; return orig.apply(this, a); };
}
process.on('exit', () => process.stderr.write('wasm:' + n + '\\n'));
`,
  );
  const plain = run(['guests'], { preload: probe });
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(plain.stderr, 'wasm:0\n');
  const withSchema = run(['guests', '--schema', schemas.dir!], { preload: probe });
  assert.equal(withSchema.status, 1);
  assert.match(withSchema.stderr, /^wasm:[1-9]\d*\n$/, 'positive control: the probe sees libxml2 load');
});

const SPY = join(repoRoot, 'fixtures', 'hostile', 'fs-spy.mjs');

test('fs spy: a --schema run touches only the schema directory, the linted files, the bundle (with its libxml2-wasm.mjs) and the config lookup', { skip }, () => {
  const out = join(work, 'spy.json');
  const r = run(['-f', 'json', '--schema', schemas.dir!, 'guests'], { preload: SPY, env: { KVMLINT_FS_SPY_OUT: out } });
  assert.equal(r.status, 1, r.stderr);
  const spy = JSON.parse(readFileSync(out, 'utf8')) as { touched: string[]; opens: Array<{ path: string }> };
  const schemaDir = resolve(schemas.dir!);
  const touched = spy.touched.map((p) => resolve(repo, p));
  assert.ok(touched.some((p) => p.startsWith(`${schemaDir}/`) && p.endsWith('domaincommon.rng')), 'the spy saw the includes being read');
  const own = launcherFiles(cli);
  const allowed = (p: string) =>
    own.includes(p) ||
    p.includes('*') || // globby hands its ignore patterns to fs calls
    p === cli || p === libxml2File || p === schemaDir || p.startsWith(`${schemaDir}/`) || p === guests || p.startsWith(`${guests}/`) || /(?:^|\/)(?:\.git|\.gitignore|kvmlint\.config\.json)$/.test(p) || p === repo;
  assert.deepEqual(touched.filter((p) => !allowed(p)), []);
  // Only .rng files are opened from the schema directory, and only the 8 domain.rng needs.
  const opened = [...new Set(spy.opens.map((o) => resolve(repo, o.path)).filter((p) => p.startsWith(`${schemaDir}/`)).map((p) => p.slice(schemaDir.length + 1)))].sort();
  assert.deepEqual(opened, ['basictypes.rng', 'cputypes.rng', 'domain.rng', 'domaincommon.rng', 'domainoverrides.rng', 'networkcommon.rng', 'nwfilter_params.rng', 'privatedata.rng', 'storagecommon.rng']);
});

test('fs spy: with --schema, hostile files never make kvmlint or libxml2 touch what they point at', { skip }, () => {
  const dir = mkdtempSync(join(work, 'hostile-'));
  const materialized = CASES.filter((c) => !c.knownBug).map((c) => (c.file ? { path: join(repoRoot, 'fixtures', 'hostile', c.file), forbidden: c.forbidden ?? [], secrets: [] as string[] } : { ...c.generate!(dir), secrets: [] as string[] }));
  const pointing = materialized.filter((m) => (m.forbidden ?? []).length > 0);
  // Well-formed for kvmlint's parser, so it reaches libxml2: an external DTD that is an existing file.
  const secret = join(dir, 'secret.dtd');
  writeFileSync(secret, '<!ENTITY leak "TOP-SECRET-DTD">\n');
  const dtd = join(dir, 'external-dtd-no-reference.xml');
  writeFileSync(dtd, `<!DOCTYPE domain SYSTEM "${secret}">\n${production}`);
  const dtdBad = join(dir, 'external-dtd-invalid.xml');
  writeFileSync(dtdBad, `<!DOCTYPE domain SYSTEM "${secret}">\n${BAD}`);
  const files = [...pointing.map((m) => m.path), dtd, dtdBad];
  const out = join(work, 'spy-hostile.json');
  const r = spawnSync(process.execPath, ['--import', SPY, cli, '-f', 'json', '--no-config-lookup', '--schema', schemas.dir!, ...files], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', KVMLINT_FS_SPY_OUT: out },
  });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; ruleId: string }> };
  assert.ok(!report.diagnostics.some((d) => d.file.endsWith('external-dtd-no-reference.xml')), 'the DTD-bearing domain is valid');
  assert.ok(report.diagnostics.some((d) => d.file.endsWith('external-dtd-invalid.xml') && d.ruleId === 'schema-invalid'), 'and validated: its invalid twin is reported');
  const spy = JSON.parse(readFileSync(out, 'utf8')) as { touched: string[] };
  const touched = new Set(spy.touched.map((p) => resolve(dir, p)));
  assert.ok(touched.has(resolve(schemas.dir!, 'domaincommon.rng')), 'the schema was compiled in this run');
  for (const f of [...pointing.flatMap((m) => m.forbidden ?? []), secret]) assert.ok(!touched.has(f), `${f} was touched`);
  assert.ok(!r.stdout.includes('TOP-SECRET-DTD'));
});

const straceProbe = spawnSync('strace', ['-f', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
const straceSkip = straceProbe.status === 0 ? false : `strace cannot run here (${straceProbe.error?.message ?? straceProbe.stderr.trim()}); the fs-spy test covers file access`;

function straceOpened(args: readonly string[]): { r: SpawnSyncReturns<string>; opened: Set<string> } {
  const log = join(work, `strace-${process.hrtime.bigint()}.log`);
  const r = spawnSync('strace', ['-f', '-e', 'trace=open,openat,openat2,creat', '-o', log, process.execPath, cli, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  const opened = new Set<string>();
  for (const m of readFileSync(log, 'utf8').matchAll(/(?:open|openat|openat2|creat)\((?:[^"]*?)"((?:[^"\\]|\\.)*)".*\)\s+=\s+(\d+)/g)) opened.add(resolve(repo, m[1]!));
  rmSync(log, { force: true });
  return { r, opened };
}

test('strace: beyond a plain lint, a --schema run opens only the bundle\'s libxml2-wasm.mjs and files inside the schema directory', { skip: skip || straceSkip }, () => {
  // Untraced first: the launcher writes its code cache after a run that found none, and reads it in the next.
  run(['guests']);
  const plain = straceOpened(['guests']);
  assert.equal(plain.r.status, 0, plain.r.stderr);
  assert.ok(!plain.opened.has(libxml2File), 'a plain lint never loads libxml2');
  const withSchema = straceOpened(['--schema', schemas.dir!, 'guests']);
  assert.equal(withSchema.r.status, 1, withSchema.r.stderr);
  const schemaDir = resolve(schemas.dir!);
  // Node's own binary is opened by V8 itself when it remaps its embedded builtins into the code range
  // (CodeRange::RemapEmbeddedBuiltins, at isolate start, not in every run): not a file kvmlint reads.
  const nodeBinary = realpathSync(process.execPath);
  const extra = [...withSchema.opened].filter((p) => !plain.opened.has(p) && !/^\/(?:proc|sys|dev)\//.test(p) && p !== nodeBinary);
  assert.ok(extra.some((p) => p.endsWith('/domaincommon.rng')), 'strace saw the schema files opened');
  assert.ok(extra.includes(libxml2File), 'libxml2 is loaded from beside the bundle');
  assert.deepEqual(extra.filter((p) => !p.startsWith(`${schemaDir}/`) && p !== schemaDir && p !== libxml2File), []);
});

test('Action: the schema input validates (a directory, or true with KVMLINT_LIBVIRT_SCHEMAS); a missing one fails the step', { skip }, () => {
  const runAction = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
    const step = mkdtempSync(join(work, 'step-'));
    const output = join(step, 'output');
    writeFileSync(output, '');
    const r = spawnSync(process.execPath, [action], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: repo,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: join(step, 'summary'),
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        ...env,
      },
    });
    return { code: r.status, stdout: r.stdout, output: readFileSync(output, 'utf8') };
  };
  const annotation = `::error file=guests/bad.xml,line=${badLine},col=3,`;
  const dir = runAction({ paths: 'guests', schema: schemas.dir!, 'sarif-file': 'a.sarif' });
  assert.equal(dir.code, 1, dir.stdout);
  assert.ok(dir.stdout.includes(annotation) && dir.stdout.includes('title=schema-invalid::'), dir.stdout);
  const auto = runAction({ paths: 'guests', schema: 'true', 'sarif-file': 'b.sarif' }, { KVMLINT_LIBVIRT_SCHEMAS: schemas.dir! });
  assert.equal(auto.code, 1, auto.stdout);
  assert.ok(auto.stdout.includes(annotation));
  const off = runAction({ paths: 'guests', schema: '', 'sarif-file': 'c.sarif' }, { KVMLINT_LIBVIRT_SCHEMAS: schemas.dir! });
  assert.equal(off.code, 0, 'no schema input: no validation');
  const missing = runAction({ paths: 'guests', schema: 'no-such-dir', 'sarif-file': 'd.sarif' });
  assert.equal(missing.code, 2);
  assert.ok(missing.stdout.startsWith('::error::kvmlint: schema directory no-such-dir does not exist'), missing.stdout);
  assert.equal(missing.output, '', 'no outputs when kvmlint could not run');
});
