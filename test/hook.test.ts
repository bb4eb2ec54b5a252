import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './support/paths.ts';
import { codeBlocks, readmeSection } from './support/readme.ts';

// The hooks as users run them: Debian's real `pre-commit` (installed by .ci/run) in a temp git
// repository whose .pre-commit-config.yaml points at a clone of this repository at HEAD, tagged
// there as the README's snippet names the release (`rev: v0.1.0`). pre-commit
// installs the hook as a node package (`npm install`, `npm pack`, `npm install -g`) into its own
// environment on the system Node; npm runs with `offline` set, so everything must come from the
// npm cache that .ci/run's `npm ci` filled: no network beyond that.

const BAD = `<domain type='kvm'>
  <name>bad</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='0x30'/>
    <vcpupin vcpu='1' cpuset='5'/>
    <emulatorpin cpuset='0-1'/>
  </cputune>
  <numatune>
    <memory mode='strict' nodeset='0'/>
  </numatune>
  <cpu mode='host-passthrough'/>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
</domain>
`;
const CLEAN = BAD.replace('<name>bad</name>', '<name>clean</name>').replace("'0x30'", "'4'");
// Pinned to isolated CPUs of the dual-socket host, emulator threads left floating: missing-emulatorpin's
// safe fix pins them to the host's housekeeping CPUs (0-3), indented like the sibling <vcpupin>s.
const FIXABLE = `<domain type='kvm'>
  <name>fixable</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='6'/>
    <vcpupin vcpu='1' cpuset='7'/>
  </cputune>
  <numatune>
    <memory mode='strict' nodeset='0'/>
  </numatune>
  <cpu mode='host-passthrough'/>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
</domain>
`;
// (CPUs 6-7, not clean.xml's 4-5: linted as one plan, two guests on the same dedicated CPUs are a dedicated-cpu-conflict.)
const FIXED = FIXABLE.replace("    <vcpupin vcpu='1' cpuset='7'/>\n", "    <vcpupin vcpu='1' cpuset='7'/>\n    <emulatorpin cpuset='0-3'/>\n");

let tmp: string;
let hookRepo: string;
let rev: string;
let preCommitHome: string;
/** The tag the README's pre-commit snippet names, created in the clone at HEAD. */
const README_REV = /^\s*rev: (\S+)$/m.exec(readmeSection('pre-commit'))![1]!;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=kvmlint test', '-c', 'user.email=test@kvmlint.invalid', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

before(() => {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'pre-commit is not installed: `apt-get install pre-commit` (.ci/run does)');
  tmp = mkdtempSync(path.join(tmpdir(), 'kvmlint-hook-'));
  hookRepo = path.join(tmp, 'kvmlint-clone');
  git(tmp, 'clone', '--quiet', repoRoot, hookRepo);
  assert.equal(git(hookRepo, 'rev-parse', 'HEAD'), git(repoRoot, 'rev-parse', 'HEAD'));
  // As a release is installed: by its tag, the name the README's snippet gives.
  git(hookRepo, 'tag', '--force', README_REV);
  rev = README_REV;
  assert.ok(existsSync(path.join(hookRepo, '.pre-commit-hooks.yaml')), 'HEAD has no .pre-commit-hooks.yaml: the hook is tested as committed');
  // One pre-commit store for the file: the hook environment is installed once, by the first test.
  preCommitHome = path.join(tmp, 'pre-commit-home');
});

after(() => rmSync(tmp, { recursive: true, force: true }));

interface HookConfig {
  id: 'kvmlint' | 'kvmlint-fix';
  args?: string[];
}

/** The config header naming the clone at HEAD, then `hookLines` (each indented for `hooks:`). */
function configWith(hookLines: string[]): string {
  return ['repos:', `  - repo: ${hookRepo}`, `    rev: ${rev}`, '    hooks:', ...hookLines, ''].join('\n');
}

/** A git repository with `files` staged and a config using this repository's hooks at HEAD. */
function makeRepo(files: Record<string, string>, hooks: HookConfig[] | string): string {
  const dir = mkdtempSync(path.join(tmp, 'repo-'));
  git(dir, 'init', '--quiet');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const config =
    typeof hooks === 'string' ? hooks : configWith(hooks.flatMap((h) => [`      - id: ${h.id}`, ...(h.args ? [`        args: ${JSON.stringify(h.args)}`] : [])]));
  writeFileSync(path.join(dir, '.pre-commit-config.yaml'), config);
  git(dir, 'add', '--all');
  return dir;
}

/** `pre-commit run` as a commit runs it: on the staged files (`--all-files` unless `staged`). */
function preCommitRun(cwd: string, staged = false): { status: number | null; output: string } {
  // npm's own variables from `npm test` (npm_config_*, npm_package_*) must not leak into the
  // hook's npm; `offline` makes npm fail rather than reach the registry.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('pre-commit', ['run', ...(staged ? [] : ['--all-files']), '--color', 'never'], {
    cwd,
    env: { ...env, PRE_COMMIT_HOME: preCommitHome, npm_config_offline: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const log = path.join(preCommitHome, 'pre-commit.log');
  const output = `${r.stdout}${r.stderr}${r.status === 3 && existsSync(log) ? readFileSync(log, 'utf8') : ''}`;
  return { status: r.status, output };
}

test('kvmlint hook: exit 1 with the finding printed for a bad file', () => {
  const repo = makeRepo({ 'domains/bad.xml': BAD, 'domains/clean.xml': CLEAN }, [{ id: 'kvmlint' }]);
  const r = preCommitRun(repo);
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /^kvmlint\.+Failed$/m);
  assert.match(r.output, /- hook id: kvmlint\n- exit code: 1/);
  assert.match(r.output, /cpuset-syntax/);
  assert.match(r.output, /^domains\/bad\.xml\n(?: .*\n)*  6:31 +error +vcpupin cpuset='0x30'/m);
  assert.doesNotMatch(r.output, /domains\/clean\.xml:\d/);
});

test('kvmlint hook: exit 0 for clean files; only *.xml and *.json files are passed, and JSON that is no snapshot or config is left alone', () => {
  // Were notes.txt handed to kvmlint by name, it would be reported as malformed XML.
  const repo = makeRepo(
    { 'domains/clean.xml': CLEAN, 'domains/also-clean.xml': CLEAN.replace('>clean<', '>also-clean<'), 'notes.txt': "cpuset='0x30' <unclosed", 'package.json': '{"name": "fleet"}\n' },
    [{ id: 'kvmlint' }],
  );
  const r = preCommitRun(repo);
  assert.equal(r.status, 0, r.output);
  assert.match(r.output, /^kvmlint\.+Passed$/m);
});

test('kvmlint hook: args pass through (--host) and every domain of a plan is linted in one process', () => {
  // Each guest fits the host's node-0 hugepage pool alone; together they do not. With pre-commit's
  // default parallel partitioning (enough files to split) the pair could land in different processes
  // and the plan finding would vanish: require_serial keeps them together.
  const over = path.join(hookRepo, 'rules', 'insufficient-hugepages', 'fixtures', 'two-guests-over');
  const files: Record<string, string> = {
    'hosts/dual-socket.json': readFileSync(path.join(hookRepo, 'fixtures', 'hosts', 'dual-socket.json'), 'utf8'),
    'domains/erp-app.xml': readFileSync(path.join(over, 'erp-app.xml'), 'utf8'),
    'domains/erp-db.xml': readFileSync(path.join(over, 'erp-db.xml'), 'utf8'),
  };
  for (let i = 1; i <= 14; i++) files[`domains/clean-${String(i).padStart(2, '0')}.xml`] = CLEAN.replace('>clean<', `>clean-${i}<`);
  const repo = makeRepo(files, [{ id: 'kvmlint', args: ['--host', 'hosts/dual-socket.json'] }]);
  const r = preCommitRun(repo);
  assert.equal(r.status, 1, r.output);
  // One finding for node 0's pool, on one of the two guests with the other related: both were planned together.
  assert.match(r.output, /insufficient-hugepages/);
  assert.match(r.output, /also: domains\/erp-(app|db)\.xml:10:7 /);
});

test('kvmlint-fix hook rewrites a fixable file and fails the run because files changed', () => {
  const host = readFileSync(path.join(hookRepo, 'fixtures', 'hosts', 'dual-socket.json'), 'utf8');
  const repo = makeRepo({ 'hosts/dual-socket.json': host, 'domains/fixable.xml': FIXABLE, 'domains/clean.xml': CLEAN }, [
    { id: 'kvmlint-fix', args: ['--host', 'hosts/dual-socket.json'] },
  ]);
  const r = preCommitRun(repo);
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /^kvmlint --fix\.+Failed$/m);
  assert.match(r.output, /- files were modified by this hook/);
  assert.equal(readFileSync(path.join(repo, 'domains', 'fixable.xml'), 'utf8'), FIXED);
  assert.equal(readFileSync(path.join(repo, 'domains', 'clean.xml'), 'utf8'), CLEAN);

  // As after `git add`: the fixed file passes and is left alone.
  git(repo, 'add', '--all');
  const again = preCommitRun(repo);
  assert.equal(again.status, 0, again.output);
  assert.match(again.output, /^kvmlint --fix\.+Passed$/m);
  assert.equal(readFileSync(path.join(repo, 'domains', 'fixable.xml'), 'utf8'), FIXED);
});

test('.pre-commit-hooks.yaml passes pre-commit validate-manifest and declares both hooks as designed', () => {
  const manifest = path.join(hookRepo, '.pre-commit-hooks.yaml');
  const check = spawnSync('pre-commit', ['validate-manifest', manifest], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  const hooks = YAML.parse(readFileSync(manifest, 'utf8')) as Array<Record<string, unknown>>;
  assert.deepEqual(
    hooks.map((h) => [h.id, h.entry, h.language, h.files, h.require_serial, h.pass_filenames ?? true]),
    [
      ['kvmlint', 'kvmlint --max-warnings 0 --', 'node', '\\.(xml|json)$', true, true],
      ['kvmlint-fix', 'kvmlint --fix --max-warnings 0 --', 'node', '\\.(xml|json)$', true, true],
    ],
  );
  // `entry: kvmlint` is the package's bin, the committed bundle; pre-commit's `npm install` and
  // `npm pack` would run lifecycle scripts, so there must be none that builds.
  const pkg = JSON.parse(readFileSync(path.join(hookRepo, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts?: Record<string, string> };
  assert.equal(pkg.bin.kvmlint, 'dist/bin.cjs');
  assert.ok(existsSync(path.join(hookRepo, 'dist', 'bin.cjs')));
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack']) assert.equal(pkg.scripts?.[script], undefined, `package.json has a ${script} script`);
});

/** A fleet repository as the README's pre-commit section sets one up: a config mapping domains/ to one host. */
const FLEET_CONFIG = `${JSON.stringify({ hosts: [{ snapshot: 'hosts/hv01.json', domains: ['domains/**/*.xml'] }] }, null, 2)}\n`;

function dualSocketHost(): string {
  return readFileSync(path.join(hookRepo, 'fixtures', 'hosts', 'dual-socket.json'), 'utf8');
}

/** erp-app or erp-db of insufficient-hugepages' two-guests-over fixture, without its <locked/> (a warning of its own). */
function erpGuest(name: 'erp-app' | 'erp-db'): string {
  const text = readFileSync(path.join(hookRepo, 'rules', 'insufficient-hugepages', 'fixtures', 'two-guests-over', `${name}.xml`), 'utf8');
  const unlocked = text.replace(/^\s*<locked\/>.*\n/m, '');
  assert.notEqual(unlocked, text);
  return unlocked;
}

test("README's .pre-commit-config.yaml works as pasted (repo pointed at the clone, rev the tag it names)", () => {
  const [config, advisory, wholePlan] = codeBlocks(readmeSection('pre-commit'), 'yaml');
  assert.ok(config && advisory && wholePlan, 'the pre-commit section shows a config, the advisory variant and the whole-plan variant');
  assert.match(config, new RegExp(`^\\s*rev: ${rev}$`, 'm'));
  const pasted = config.replace(/^(\s*- repo:) .*$/m, `$1 ${hookRepo}`);
  assert.notEqual(pasted, config);
  // The README's `files:` keeps kvmlint to domains/, hosts/ and the config: the template outside is never linted.
  const files = { 'kvmlint.config.json': FLEET_CONFIG, 'hosts/hv01.json': dualSocketHost(), 'domains/bad.xml': BAD, 'domains/fixable.xml': FIXED, 'templates/broken.xml': '<domain' };
  const r = preCommitRun(makeRepo(files, pasted));
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /^domains\/bad\.xml\n(?: .*\n)*  6:31 +error +vcpupin cpuset='0x30'/m);
  assert.doesNotMatch(r.output, /templates\/broken\.xml/);

  const plan = preCommitRun(makeRepo({ ...files, 'kvmlint.config.json': '{}\n' }, configWith(wholePlan.trimEnd().split('\n'))));
  assert.equal(plan.status, 1, plan.output);
  assert.match(plan.output, /^domains\/bad\.xml\n(?: .*\n)*  6:31 +error +vcpupin cpuset='0x30'/m);
});

test('kvmlint hook: a commit adding one guest that overruns a hugepage pool shared with a committed guest fails', () => {
  // erp-app and erp-db each fit node 0's 2 MiB pool of the dual-socket host; together they do not.
  const repo = makeRepo({ 'kvmlint.config.json': FLEET_CONFIG, 'hosts/hv01.json': dualSocketHost(), 'domains/erp-app.xml': erpGuest('erp-app') }, [{ id: 'kvmlint' }]);
  const first = preCommitRun(repo, true);
  assert.equal(first.status, 0, `the first guest alone fits: ${first.output}`);
  git(repo, 'commit', '--quiet', '-m', 'erp-app');

  writeFileSync(path.join(repo, 'domains', 'erp-db.xml'), erpGuest('erp-db'));
  git(repo, 'add', 'domains/erp-db.xml');
  const r = preCommitRun(repo, true);
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /^kvmlint\.+Failed$/m);
  assert.match(r.output, /insufficient-hugepages/);
  assert.match(r.output, /domains\/erp-(app|db)\.xml(\n|:10:7)/);
});

test('kvmlint hook: a commit changing only the host snapshot fails when that breaks a committed guest', () => {
  const host = dualSocketHost();
  const repo = makeRepo({ 'kvmlint.config.json': FLEET_CONFIG, 'hosts/hv01.json': host, 'domains/erp-app.xml': erpGuest('erp-app') }, [{ id: 'kvmlint' }]);
  assert.equal(preCommitRun(repo, true).status, 0);
  git(repo, 'commit', '--quiet', '-m', 'erp-app on hv01');

  // Re-captured after node 0's pool was shrunk to 512 pages: erp-app no longer fits.
  const snapshot = JSON.parse(host) as { nodes: Array<{ id: number; hugepages?: Array<{ sizeKiB: number; total: number; free?: number }> }> };
  for (const pool of snapshot.nodes.find((n) => n.id === 0)!.hugepages!) if (pool.sizeKiB === 2048) Object.assign(pool, { total: 512, free: 512 });
  writeFileSync(path.join(repo, 'hosts', 'hv01.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
  git(repo, 'add', 'hosts/hv01.json');
  assert.deepEqual(git(repo, 'diff', '--cached', '--name-only').split('\n'), ['hosts/hv01.json']);
  const r = preCommitRun(repo, true);
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /insufficient-hugepages/);
  assert.match(r.output, /domains\/erp-(app|db)\.xml(\n|:10:7)/);
});

test('kvmlint hook: the person committing sees a warning (missing-emulatorpin) because it fails the hook; advisory as the README shows', () => {
  // FIXABLE without a host: pinned vCPUs, no <emulatorpin>: missing-emulatorpin, a warning, and nothing else.
  const repo = makeRepo({ 'domains/fixable.xml': FIXABLE }, [{ id: 'kvmlint' }]);
  const r = preCommitRun(repo, true);
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /^kvmlint\.+Failed$/m);
  assert.match(r.output, /missing-emulatorpin/);
  assert.match(r.output, /0 errors, 1 warning/);

  const [, advisory] = codeBlocks(readmeSection('pre-commit'), 'yaml');
  const relaxed = preCommitRun(makeRepo({ 'domains/fixable.xml': FIXABLE }, configWith(advisory!.trimEnd().split('\n'))), true);
  assert.equal(relaxed.status, 0, relaxed.output);
  assert.match(relaxed.output, /^kvmlint\.+Passed$/m);
  assert.match(relaxed.output, /missing-emulatorpin/, 'verbose: true still prints the warning');
});
