/**
 * A second hostile review: a copied /sys and /proc tree given to `kvmlint snapshot --root`, host
 * imports sized far beyond any host, and pull-request text in the outputs the first review did not
 * cover (`explain`, the text map, `plan`'s summary, the job summary's links).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/paths.ts';
import { MAX_SUMMARY_BYTES, summaryMarkdown } from '../../src/action/summary.ts';

const BIN = path.join(repoRoot, 'dist', 'bin.cjs');
const TREE = path.join(repoRoot, 'fixtures', 'sysfs', 'no-tuned');
const HOST = path.join(repoRoot, 'examples', 'hosts', 'dual-socket.json');
const DOMAIN = readFileSync(path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');

function kvmlint(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

test('snapshot --root: a file linked out of the tree, to /dev/zero, or a FIFO is left out with a note; nothing outside is read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-tree-'));
  try {
    const tree = path.join(dir, 'tree');
    cpSync(TREE, tree, { recursive: true });
    const secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, 'SECRET-OUTSIDE-THE-TREE\n');
    for (const [rel, target] of [['proc/cmdline', secret], ['proc/sys/kernel/osrelease', secret], ['proc/sys/vm/min_free_kbytes', '/dev/zero']] as const) {
      rmSync(path.join(tree, rel), { force: true });
      symlinkSync(target, path.join(tree, rel));
    }
    rmSync(path.join(tree, 'proc/sys/kernel/hostname'), { force: true });
    assert.equal(spawnSync('mkfifo', [path.join(tree, 'proc/sys/kernel/hostname')]).status, 0);
    const r = kvmlint(['snapshot', '--root', tree], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET-OUTSIDE-THE-TREE/);
    assert.match(r.stderr, /\/proc\/cmdline: cannot read \(leads outside the tree\)/);
    assert.match(r.stderr, /\/proc\/sys\/vm\/min_free_kbytes: cannot read \(leads outside the tree\)/);
    assert.match(r.stderr, /\/proc\/sys\/kernel\/hostname: cannot read \(not a regular file\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('host imports sized beyond any host: a clear exit 2, never a stack overflow or minutes of work', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-big-host-'));
  try {
    const cpus = Array.from({ length: 300_000 }, (_, i) => `<cpu id='${i}'/>`).join('');
    writeFileSync(path.join(dir, 'manycpus.xml'), `<capabilities><host><topology><cells num='1'><cell id='0'><memory unit='KiB'>1048576</memory><cpus num='300000'>${cpus}</cpus></cell></cells></topology></host></capabilities>`);
    const cells = Array.from({ length: 2000 }, (_, i) => `<cell id='${i}'><memory unit='KiB'>1048576</memory><cpus num='1'><cpu id='${i}'/></cpus></cell>`).join('');
    writeFileSync(path.join(dir, 'cells.xml'), `<capabilities><host><topology><cells num='2000'>${cells}</cells></topology></host></capabilities>`);
    const numactl = [`available: 2000 nodes (0-1999)`, ...Array.from({ length: 2000 }, (_, i) => `node ${i} cpus: ${i}\nnode ${i} size: 1024 MB\nnode ${i} free: 512 MB`)].join('\n');
    writeFileSync(path.join(dir, 'numactl.txt'), `${numactl}\n`);
    for (const [file, message] of [['manycpus.xml', /nodes\[0\]\.cpus|more characters/], ['cells.xml', /has 2000 <cell> elements: Linux has at most 1024 NUMA nodes/], ['numactl.txt', /more than 1024 nodes/]] as const) {
      const started = Date.now();
      const r = kvmlint(['snapshot', '--from', file], dir);
      assert.equal(r.status, 2, `${file}: ${r.stderr.slice(0, 300)}`);
      assert.doesNotMatch(r.stderr, /internal error|Maximum call stack/, file);
      assert.match(r.stderr, message, file);
      assert.ok(Date.now() - started < 20_000, `${file} took ${Date.now() - started} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explain, the text map and plan print file and domain names on one line, without terminal controls', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-names-'));
  try {
    const hostile = `f\u001b]0;TITLE\u0007.xml`;
    writeFileSync(path.join(dir, hostile), DOMAIN.replace('<name>build-runner</name>', '<name>vm\u202e&#10;config:       FORGED</name>'));
    for (const args of [['explain', '--host', HOST, hostile], ['map', '--no-color', '--host', HOST, hostile], ['plan', '--host', HOST, hostile]]) {
      const r = kvmlint(args, dir);
      const out = r.stdout + r.stderr;
      assert.doesNotMatch(out, /[\u001b\u0007\u202e]/, `${args[0]} printed a control character`);
      assert.doesNotMatch(out, /^config: +FORGED/m, `${args[0]} let a name forge a line`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('job summary: a file name with ) or * cannot end or style the link', () => {
  const md = summaryMarkdown(
    {
      errors: 1,
      warnings: 0,
      fileCount: 1,
      verdict: 'failed',
      diagnostics: [{ ruleId: 'missing-emulatorpin', severity: 'error', message: 'm', file: 'd/x)**BOLD**~~s~~.xml', line: 19, column: 3 }],
      root: '/ws',
      cwd: '/ws',
      reportPath: 'kvmlint.sarif',
    } as never,
    { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc' },
  );
  const link = /\]\((https:\/\/github\.com\/o\/r\/blob\/abc\/[^)\s]*)\)/.exec(md);
  assert.ok(link, md);
  assert.equal(link[1], 'https://github.com/o/r/blob/abc/d/x%29%2A%2ABOLD%2A%2A%7E%7Es%7E%7E.xml#L19');
});

test('job summary: long paths cannot push it past GitHub\'s 1 MiB limit (GitHub would then show none); the rest is counted', () => {
  // 12 directories of 120 'é' each: every row holds the path twice, the second time percent-encoded (6 bytes a character).
  const file = `${Array.from({ length: 12 }, () => 'é'.repeat(120)).join('/')}/vm.xml`;
  const diagnostics = Array.from({ length: 250 }, (_, i) => ({ ruleId: 'cpuset-syntax', severity: 'error', message: `cpuset 'x${i}' is not a CPU list`, file, line: i + 1, column: 3 }));
  const md = summaryMarkdown(
    { errors: 250, warnings: 0, fileCount: 1, verdict: 'failed', diagnostics, root: '/ws', cwd: '/ws', reportPath: 'kvmlint.sarif' } as never,
    { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc' },
  );
  const bytes = Buffer.byteLength(md);
  assert.ok(bytes <= MAX_SUMMARY_BYTES + 4096 && bytes < 1024 * 1024, `${bytes} bytes`);
  const rows = md.split('\n').filter((l) => l.startsWith('| error |')).length;
  assert.ok(rows > 0 && rows < 200, `${rows} rows`);
  assert.match(md, new RegExp(`…and ${250 - rows} more findings, all in the report\\.`));
  assert.match(md, /Report: `kvmlint\.sarif`/);
});

test('snapshot -o and --from: a hostname or missing fact from the tree or a committed snapshot prints no controls or forged lines', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-snapshot-names-'));
  try {
    const tree = path.join(dir, 'tree');
    cpSync(TREE, tree, { recursive: true });
    writeFileSync(path.join(tree, 'proc/sys/kernel/hostname'), 'h\u001b]0;TITLE\u0007\n::error::FORGED\n');
    const host = JSON.parse(readFileSync(HOST, 'utf8'));
    host.hostname = 'h\u001b]0;TITLE\u0007\n::error::FORGED';
    host.missing = ['zoneinfo', 'x\u001b[31m\u202e\n::error::FORGED'];
    writeFileSync(path.join(dir, 'h.json'), JSON.stringify(host));
    for (const args of [['snapshot', '--root', tree, '-o', 'a.json'], ['snapshot', '--from', 'h.json', '-o', 'b.json'], ['snapshot', '--from', 'h.json']]) {
      const r = kvmlint(args, dir);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /[\u001b\u0007\u202e]/, `${args.join(' ')} printed a control character`);
      assert.doesNotMatch(r.stderr, /^::error::FORGED/m, `${args.join(' ')} let a name forge a line`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on CI a .gitignore does not hide a domain from the walk (a checkout holds tracked files only), as in the Action; --[no-]respect-gitignore say it outright', () => {
  // git never ignores a tracked file: a pull request that lists its broken bad.xml in .gitignore got exit 0 from
  // `kvmlint .` on GitHub Actions (fixed), then on GitLab CI, CircleCI, Azure Pipelines, Jenkins...
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-gitignore-ci-'));
  try {
    spawnSync('git', ['init', '-q', dir]);
    writeFileSync(path.join(dir, 'bad.xml'), DOMAIN.replace(/cpuset='(\d+)'/, "cpuset='9-1'"));
    writeFileSync(path.join(dir, '.gitignore'), 'bad.xml\n');
    // Only PATH: no CI variable of the machine running the tests leaks in.
    const run = (env: Record<string, string>, args: string[] = [], command: string[] = []) =>
      spawnSync(process.execPath, [BIN, ...command, ...args, '--no-config-lookup', '--host', HOST, ...(command.length === 0 ? ['-f', 'compact'] : []), '.'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
    const linted = (r: ReturnType<typeof run>, what: string) => {
      assert.equal(r.status, 1, `${what}: ${r.stderr}`);
      assert.match(r.stdout, /bad\.xml:\d+:\d+: error: .*cpuset-syntax/, what);
    };
    const hidden = (r: ReturnType<typeof run>, what: string) => {
      assert.equal(r.status, 2, `${what}: ${r.stdout}`);
      assert.match(r.stderr, /no domain XML found/, what);
    };
    for (const env of [{ GITHUB_ACTIONS: 'true' }, { CI: 'true' }, { CI: '1' }, { CI: 'True', GITLAB_CI: 'true' }, { CI: 'true', CIRCLECI: 'true' }, { CI: 'true', TRAVIS: 'true' }, { CI: 'true', BUILDKITE: 'true' }, { TF_BUILD: 'True' }, { JENKINS_URL: 'https://jenkins.example/' }] as Record<string, string>[]) {
      const r = run(env);
      linted(r, JSON.stringify(env));
      // Nothing extra is printed: the report is the same as anywhere else.
      assert.equal(r.stderr, '', JSON.stringify(env));
    }
    const plan = spawnSync(process.execPath, [BIN, 'plan', '--no-config-lookup', '--host', HOST, '.'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CI: 'true' } });
    assert.match(plan.stderr, /bad\.xml has a value libvirt refuses/);
    // Locally (untracked build output is what .gitignore is for) it is still honoured, and so with CI off.
    for (const env of [{}, { CI: 'false' }, { CI: '' }, { CI: '0' }, { TF_BUILD: 'False' }] as Record<string, string>[]) hidden(run(env), JSON.stringify(env));
    // The flags: anywhere, either way (ruff's names); --no-gitignore is the older spelling.
    linted(run({}, ['--no-respect-gitignore']), 'local, --no-respect-gitignore');
    linted(run({}, ['--no-gitignore']), 'local, --no-gitignore');
    hidden(run({ CI: 'true' }, ['--respect-gitignore']), 'CI, --respect-gitignore');
    hidden(run({ GITHUB_ACTIONS: 'true' }, ['--respect-gitignore']), 'GitHub Actions, --respect-gitignore');
    const plainPlan = spawnSync(process.execPath, [BIN, 'plan', '--no-respect-gitignore', '--no-config-lookup', '--host', HOST, '.'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.match(plainPlan.stderr, /bad\.xml has a value libvirt refuses/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
