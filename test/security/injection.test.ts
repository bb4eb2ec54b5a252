/**
 * Issue 14, injection: text from a pull request (domain names, values, comments, file names) never
 * becomes a workflow command in the Action's log, a terminal control sequence, Markdown in the job
 * summary, another file in a patch header, or an option to the pre-commit hook. SECURITY.md lists
 * which test holds which guarantee.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { repoRoot } from '../support/paths.ts';
import { copyBundle } from '../support/bundle.ts';
import { runnerCommands } from '../support/runner-commands.ts';
import { markdownCell } from '../../src/action/summary.ts';
import { gitQuotedPath } from '../../src/engine/diff.ts';

const BIN = path.join(repoRoot, 'dist', 'kvmlint.mjs');
const DOMAIN = readFileSync(path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml'), 'utf8');
const HOST = path.join(repoRoot, 'examples', 'hosts', 'dual-socket.json');

function uniqueUuid(text: string, n: number): string {
  return text.replace(/<uuid>[0-9a-f]{8}/, `<uuid>0000000${n}`);
}

/** What a hostile pull request commits: every way its text reaches a finding, a code frame or a path. */
const HOSTILE_NAME = '![t](https://evil.example/t.png) [click](https://evil.example) ##[stop-commands]pwned &#10;::error file=SECURITY.md::forged-by-name &#13;::add-mask::kvmlint';
const HOSTILE_FILES: Record<string, string> = {
  'guests/a.xml': DOMAIN.replace('<name>build-runner</name>', `<name>${HOSTILE_NAME}</name>`)
    .replace("<vcpupin vcpu='1' cpuset='17'/>", "<vcpupin vcpu='1' cpuset='17'/>\n    <!-- ##[stop-commands]zz -->\n::warning file=SECURITY.md::forged-by-comment\n##[add-mask]kvmlint\n    <!-- \r::error file=SECURITY.md::forged-by-cr -->")
    .replace("<vcpupin vcpu='3' cpuset='19'/>", "<vcpupin vcpu='3' cpuset='19&#10;::error file=SECURITY.md::forged-by-value ##[endgroup]'/>"),
  // Same pins: dedicated-cpu-conflict names the other domain (a's hostile name) in its message. Each guest
  // has its own <uuid> (a copy under a uuid libvirt already holds is no second guest).
  'guests/b.xml': uniqueUuid(DOMAIN.replace('<name>build-runner</name>', `<name>b ##[stop-commands]pwned2</name>`), 1),
  'guests/x\n::error file=SECURITY.md::forged-by-file-name ##[stop-commands]zz.xml': uniqueUuid(DOMAIN, 2).replace('build-runner', 'c').replace(/cpuset='1(\d)'/g, "cpuset='2$1'"),
  'guests/cr\r::warning file=SECURITY.md::forged-by-cr-name.xml': uniqueUuid(DOMAIN, 3).replace('build-runner', 'd').replace(/cpuset='1(\d)'/g, "cpuset='2$1'").replace("'2", "'8"),
};

let tmp: string;
let workspace: string;
let actionBundle: string;

before(() => {
  assert.ok(existsSync(path.join(repoRoot, 'dist', 'action.mjs')), 'dist/action.mjs is missing: run `npm run build`');
  tmp = mkdtempSync(path.join(tmpdir(), 'kvmlint-inject-'));
  actionBundle = copyBundle('action.mjs', path.join(tmp, 'action', 'dist', 'action.mjs'));
  workspace = path.join(tmp, 'ws');
  for (const [name, text] of Object.entries(HOSTILE_FILES)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), text);
  }
  cpSync(HOST, path.join(workspace, 'host.json'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function runAction() {
  const step = mkdtempSync(path.join(tmp, 'step-'));
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: path.join(step, 'output'),
    GITHUB_STEP_SUMMARY: path.join(step, 'summary'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    INPUT_PATHS: 'guests',
    INPUT_HOST: 'host.json',
  };
  const r = spawnSync(process.execPath, [actionBundle], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  return { ...r, summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'), sarif: JSON.parse(readFileSync(path.join(workspace, 'kvmlint.sarif'), 'utf8')) as Log };
}

test('Action: the runner, reading the whole stdout, processes no command from PR content (names, values, comments, file names)', () => {
  const run = runAction();
  assert.equal(run.status, 1, run.stderr);
  const commands = runnerCommands(run.stdout);
  const names = commands.map((c) => c.name);
  // Ours, in order: the group, stop-commands with the token, the token resuming, endgroup, annotations, the verdict.
  assert.deepEqual(names.slice(0, 4).map((n, i) => (i === 2 ? 'token' : n)), ['group', 'stop-commands', 'token', 'endgroup']);
  assert.equal(names[2], commands[1]!.data, 'processing resumes only at our token');
  assert.match(commands[1]!.data, /^kvmlint-[0-9a-f]{32}$/);
  const rest = commands.slice(4);
  assert.ok(rest.every((c) => ['error', 'warning', 'notice'].includes(c.name)), `unexpected commands: ${rest.map((c) => c.name).join(', ')}`);
  // Every annotation is one of the SARIF results, on the file it belongs to; nothing more.
  const results = run.sarif.runs[0]!.results!;
  const expected = results.map((r) => {
    const loc = r.locations![0]!.physicalLocation!;
    return `${decodeURIComponent(loc.artifactLocation!.uri!)}:${loc.region!.startLine}:${r.ruleId}`;
  });
  const annotated = rest.filter((c) => c.properties.file !== undefined).map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.title}`);
  assert.deepEqual(annotated.sort(), expected.sort());
  assert.ok(annotated.some((a) => a.includes('forged-by-file-name')) && annotated.some((a) => a.includes('forged-by-cr-name')), 'the hostile file names were linted');
  // SARIF escapes brackets in message text (§3.11.6: no embedded link from PR content).
  assert.ok(results.some((r) => r.message.text!.includes('##\\[stop-commands\\]pwned')), 'a hostile name reached a message');
  // The failure is the last command and is not silenced.
  const last = rest.at(-1)!;
  assert.deepEqual([last.name, last.properties.file], ['error', undefined]);
  assert.match(last.data, /^kvmlint found \d+ errors?/);
  assert.ok(!commands.some((c) => c.properties.file === 'SECURITY.md' || /^forged/.test(c.data)));
});

test('Action: the job summary carries no link, image or HTML from PR content', () => {
  const { summary } = runAction();
  const rows = summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---'));
  assert.ok(rows.length >= 3);
  for (const row of rows) {
    // Our own location links are `[label](https://github.com/o/r/blob/…)`; nothing else may open one.
    // and the `<br>help: ` that puts a finding's help under its message is ours too.
    const unescaped = row.replace(/`[a-z0-9-]+`/, '').replace('<br>help: ', '').replace(/\\./g, '').replace(/\[[^\]]*\]\(https:\/\/github\.com\/o\/r\/blob\/[^)]*\)/g, '');
    assert.doesNotMatch(unescaped, /[[\]()!<>`]/, row);
  }
  assert.ok(summary.includes('\\!\\[t\\]\\(https://evil.example/t.png\\)'), 'shown as text');
});

test('markdownCell escapes Markdown punctuation, HTML, pipes and line breaks', () => {
  assert.equal(markdownCell('![x](u) <b>|a\nb'), '\\!\\[x\\]\\(u\\) &lt;b&gt;\\|a b');
  // GitHub renders $…$ and $$…$$ as math (a cell could draw large coloured text): each $ escaped.
  assert.equal(markdownCell('cpuset=$$\\huge{OK}$$'), 'cpuset=\\$\\$\\\\huge\\{OK\\}\\$\\$');
});

test('terminal: no ESC, C1 or bidi control from file names, sources or messages reaches stdout or stderr', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-tty-'));
  try {
    const esc = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e';
    writeFileSync(path.join(dir, `${esc}.xml`), DOMAIN);
    writeFileSync(path.join(dir, 'frame.xml'), DOMAIN.replace('<cputune>', `<cputune>\n    <!-- ${esc} -->`));
    writeFileSync(path.join(dir, `big${esc}.xml`), `${DOMAIN}<!-- ${'x'.repeat(1000)} -->\n`);
    for (const color of ['--no-color', '--color']) {
      const r = spawnSync(process.execPath, [BIN, '--no-config-lookup', color, '--host', HOST, '--max-file-size', '3000', '.'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /file is \d+ bytes/, 'a refusal naming a hostile file reached stderr');
      for (const out of [r.stdout, r.stderr]) {
        // With --color only SGR colour sequences (ESC [ digits m) are ours.
        const rest = out.replace(/\u001b\[[0-9;]*m/g, '');
        assert.doesNotMatch(rest, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }
      assert.match(r.stdout, /␛\]0;owned␇␛\[2J/, 'shown as visible pictures');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix-dry-run: a name with a tab or a newline is quoted in the patch header, so git apply patches that file and no other', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-patch-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const evil = 'evil\tother.xml';
    writeFileSync(path.join(dir, evil), DOMAIN);
    writeFileSync(path.join(dir, 'evil'), 'not XML, must stay as it is\n');
    const r = spawnSync(process.execPath, [BIN, '--no-config-lookup', '--fix-dry-run', '--host', HOST, evil], { cwd: dir, encoding: 'utf8' });
    assert.match(r.stdout, /^--- "a\/evil\\tother\.xml"\n\+\+\+ "b\/evil\\tother\.xml"\n/);
    writeFileSync(path.join(dir, 'fix.patch'), r.stdout);
    execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'evil'), 'utf8'), 'not XML, must stay as it is\n');
    assert.match(readFileSync(path.join(dir, evil), 'utf8'), /<emulatorpin cpuset='0-3'\/>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('gitQuotedPath quotes as git does (quote.c): C escapes, octal for other controls and non-ASCII', () => {
  assert.equal(gitQuotedPath('a/plain name.xml'), 'a/plain name.xml');
  assert.equal(gitQuotedPath('a/t\tn\nq"b\\.xml'), '"a/t\\tn\\nq\\"b\\\\.xml"');
  assert.equal(gitQuotedPath('a/\u001bé.xml'), '"a/\\033\\303\\251.xml"');
});

test('pre-commit: a committed file named -oprod.xml (or --config=…) is a file after the hook\'s `--`, never an option; the hook\'s args still apply', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-dashdash-'));
  try {
    mkdirSync(path.join(dir, 'hosts'));
    cpSync(HOST, path.join(dir, 'hosts', 'h.json'));
    writeFileSync(path.join(dir, 'prod.xml'), DOMAIN);
    writeFileSync(path.join(dir, '-oprod.xml'), DOMAIN.replace('build-runner', 'x').replace(/cpuset='1(\d)'/g, "cpuset='2$1'"));
    writeFileSync(path.join(dir, '--config=prod.xml'), DOMAIN.replace('build-runner', 'y').replace(/cpuset='1(\d)'/g, "cpuset='1$1'").replace("'16'", "'8'").replace("'17'", "'9'").replace("'18'", "'10'").replace("'19'", "'11'"));
    // As pre-commit runs the hook: entry (`kvmlint --`), the hook's args, then the staged files.
    const entry = readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8').match(/^ {2}entry: (.*)$/m)![1]!.split(' ');
    assert.equal(entry.at(-1), '--', 'the hook entry ends the options');
    const r = spawnSync(process.execPath, [BIN, ...entry.slice(1), '--host', 'hosts/h.json', '--format', 'json', '-oprod.xml', '--config=prod.xml', 'prod.xml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(readFileSync(path.join(dir, 'prod.xml'), 'utf8'), DOMAIN, 'prod.xml was not overwritten with a report');
    const report = JSON.parse(r.stdout) as { files: string[]; diagnostics: Array<{ ruleId: string }> };
    assert.deepEqual(report.files.filter((f) => f.endsWith('.xml')).sort(), ['--config=prod.xml', '-oprod.xml', 'prod.xml']);
    assert.ok(report.diagnostics.some((d) => d.ruleId === 'missing-emulatorpin'), `--host applied: ${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI on GitHub Actions (a run: step, pre-commit): no report line from PR content is a workflow command, whatever the format', () => {
  const ws = mkdtempSync(path.join(tmp, 'cli-ws-'));
  // A file name at the start of a text, compact or codeframe line, and `##[` anywhere in one (legacy commands).
  const files: Record<string, string> = {
    '::error file=SECURITY.md,line=1::forged-by-line-start.xml': DOMAIN,
    'b.xml': uniqueUuid(DOMAIN.replace('<name>build-runner</name>', '<name>b</name>').replace('<vcpu ', '<!-- kvmlint-disable-next-line ##[stop-commands]zz -->\n  <vcpu '), 1),
    'c.xml': uniqueUuid(DOMAIN.replace('<name>build-runner</name>', '<name>c</name>').replace(/cpuset='1(\d)'/, "cpuset='1$1 ::error file=SECURITY.md::forged-by-wrap ##[add-mask]kvmlint'"), 2),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(ws, name), text);
  for (const format of ['text', 'compact', 'codeframe', 'json', 'sarif', 'github']) {
    const r = spawnSync(process.execPath, [BIN, '--no-config-lookup', '--host', HOST, '-f', format, '.'], { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', COLUMNS: '60' } });
    assert.equal(r.status, 1, `${format}: ${r.stderr}`);
    assert.match(r.stdout, /forged-by-line-start/, `${format}: the hostile name was linted`);
    const commands = runnerCommands(`${r.stdout}\n${r.stderr}`);
    const forged = commands.filter((c) => format !== 'github' || !['error', 'warning', 'notice'].includes(c.name) || c.properties.file === 'SECURITY.md' || c.properties.file === undefined);
    assert.deepEqual(forged, [], `${format}: the runner would process ${forged.map((c) => `${c.name} ${JSON.stringify(c.properties)}`).join(', ')}`);
    if (format === 'github') assert.ok(commands.length > 0);
  }
  // -f github's own annotations still reach the runner when --fix-dry-run sends the report to stderr.
  const dry = spawnSync(process.execPath, [BIN, '--no-config-lookup', '--host', HOST, '--fix-dry-run', '-f', 'github', 'c.xml'], { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' } });
  assert.ok(runnerCommands(dry.stderr).some((c) => c.name === 'error' && c.properties.file === 'c.xml'), dry.stderr);
  for (const args of [['explain', '--host', HOST, '::error file=SECURITY.md,line=1::forged-by-line-start.xml'], ['map', '--no-color', '--host', HOST, '.'], ['plan', '--host', HOST, '::error file=SECURITY.md,line=1::forged-by-line-start.xml', 'b.xml']]) {
    const r = spawnSync(process.execPath, [BIN, args[0]!, '--no-config-lookup', ...args.slice(1)], { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', COLUMNS: '60' } });
    assert.match(r.stdout + r.stderr, /forged-by-line-start/, `${args[0]}: the hostile name was shown`);
    // plan's stdout is a patch, exact by design (SECURITY.md, known limits): its stderr summary is checked. (c.xml's
    // cpuset is one libvirt refuses: a plan of it is refused before it names the others.)
    const commands = runnerCommands(args[0] === 'plan' ? r.stderr : `${r.stdout}\n${r.stderr}`);
    assert.deepEqual(commands, [], `${args[0]}: the runner would process ${commands.map((c) => `${c.name} ${JSON.stringify(c.properties)}`).join(', ')}`);
  }
});
