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
// repository whose .pre-commit-config.yaml points at a clone of this repository at HEAD. pre-commit
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
  <cpu mode='host-passthrough'/>
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
</domain>
`;
// (CPUs 6-7, not clean.xml's 4-5: linted as one plan, two guests on the same dedicated CPUs are a dedicated-cpu-conflict.)
const FIXED = FIXABLE.replace("    <vcpupin vcpu='1' cpuset='7'/>\n", "    <vcpupin vcpu='1' cpuset='7'/>\n    <emulatorpin cpuset='0-3'/>\n");

let tmp: string;
let hookRepo: string;
let rev: string;
let preCommitHome: string;

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
  rev = git(repoRoot, 'rev-parse', 'HEAD');
  assert.equal(git(hookRepo, 'rev-parse', 'HEAD'), rev);
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

function preCommitRun(cwd: string): { status: number | null; output: string } {
  // npm's own variables from `npm test` (npm_config_*, npm_package_*) must not leak into the
  // hook's npm; `offline` makes npm fail rather than reach the registry.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], {
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
  assert.match(r.output, /domains\/bad\.xml:6:31/);
  assert.doesNotMatch(r.output, /domains\/clean\.xml:\d/);
});

test('kvmlint hook: exit 0 for clean files; only *.xml files are passed to it', () => {
  // Were notes.txt handed to kvmlint by name, it would be reported as malformed XML.
  const repo = makeRepo({ 'domains/clean.xml': CLEAN, 'domains/also-clean.xml': CLEAN.replace('>clean<', '>also-clean<'), 'notes.txt': "cpuset='0x30' <unclosed" }, [{ id: 'kvmlint' }]);
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
  assert.match(r.output, /domains\/erp-app\.xml:10:7/);
  assert.match(r.output, /domains\/erp-db\.xml:10:7/);
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
      ['kvmlint', 'kvmlint --', 'node', '\\.xml$', true, true],
      ['kvmlint-fix', 'kvmlint --fix --', 'node', '\\.xml$', true, true],
    ],
  );
  // `entry: kvmlint` is the package's bin, the committed bundle; pre-commit's `npm install` and
  // `npm pack` would run lifecycle scripts, so there must be none that builds.
  const pkg = JSON.parse(readFileSync(path.join(hookRepo, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts?: Record<string, string> };
  assert.equal(pkg.bin.kvmlint, 'dist/kvmlint.mjs');
  assert.ok(existsSync(path.join(hookRepo, 'dist', 'kvmlint.mjs')));
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack']) assert.equal(pkg.scripts?.[script], undefined, `package.json has a ${script} script`);
});

test("README's .pre-commit-config.yaml works as pasted (repo and rev pointed at the clone)", () => {
  const [config, wholePlan] = codeBlocks(readmeSection('pre-commit'), 'yaml');
  assert.ok(config && wholePlan, 'the pre-commit section shows a config and the whole-plan variant');
  const pasted = config.replace(/^(\s*- repo:) .*$/m, `$1 ${hookRepo}`).replace(/^(\s*rev:) .*$/m, `$1 ${rev}`);
  assert.notEqual(pasted, config);
  const host = readFileSync(path.join(hookRepo, 'fixtures', 'hosts', 'dual-socket.json'), 'utf8');
  // The README's `files:` keeps kvmlint to domains/: the template outside it is never linted.
  const files = { 'hosts/hv01.json': host, 'domains/bad.xml': BAD, 'domains/fixable.xml': FIXED, 'templates/broken.xml': '<domain' };
  const r = preCommitRun(makeRepo(files, pasted));
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /domains\/bad\.xml:6:31/);
  assert.doesNotMatch(r.output, /templates\/broken\.xml/);

  const plan = preCommitRun(makeRepo(files, configWith(wholePlan.trimEnd().split('\n'))));
  assert.equal(plan.status, 1, plan.output);
  assert.match(plan.output, /domains\/bad\.xml:6:31/);
});
