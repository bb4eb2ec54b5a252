import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Log, Result } from 'sarif';
import { repoRoot } from './support/paths.ts';
import { nodeBinaries, type NodeBinary } from './support/node-binaries.ts';
import { copyBundle } from './support/bundle.ts';
import { localEnv } from './support/env.ts';
import { multitoolValidate, schemaValidator } from './formats/sarif-validators.ts';

// The Action as GitHub runs it: `node dist/action.mjs` in the workspace, inputs as INPUT_* variables,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as files. The bundle is copied away from the repository first,
// so it cannot lean on node_modules: an action checkout has none.

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
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
</domain>
`;
const WARN = BAD.replace('<name>bad</name>', '<name>warn</name>').replace("'0x30'", "'4'").replace("    <emulatorpin cpuset='0-1'/>\n", '');
const CLEAN = BAD.replace('<name>bad</name>', '<name>clean</name>').replace("'0x30'", "'4'");
// `,` and `:` must be escaped in the annotation's file property; the SARIF URI percent-encodes them.
const WARN_FILE = 'guests/odd,name:1.xml';

let tmp: string;
let workspace: string;
let actionBundle: string;

before(() => {
  const built = path.join(repoRoot, 'dist', 'action.mjs');
  assert.ok(existsSync(built), 'dist/action.mjs is missing: run `npm run build`');
  tmp = mkdtempSync(path.join(tmpdir(), 'kvmlint-action-'));
  actionBundle = copyBundle('action.mjs', path.join(tmp, 'action', 'dist', 'action.mjs'));
  // The workspace sits inside another git repository: URIs must be relative to GITHUB_WORKSPACE,
  // not to the enclosing repository's root (which is where the CLI would otherwise anchor them).
  mkdirSync(path.join(tmp, 'outer', '.git'), { recursive: true });
  workspace = path.join(tmp, 'outer', 'workspace');
  for (const [name, text] of [['guests/bad.xml', BAD], [WARN_FILE, WARN], ['guests/clean.xml', CLEAN]] as const) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), text);
  }
});

after(() => rmSync(tmp, { recursive: true, force: true }));

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(node: NodeBinary, inputs: Record<string, string>, cwd = workspace): ActionRun {
  const dir = mkdtempSync(path.join(tmp, 'step-'));
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const r = spawnSync(node.path, [actionBundle], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** `name<<ghadelimiter_<uuid>`, the value's lines, the delimiter: the runner's multiline format. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', 'GITHUB_OUTPUT must end with a newline');
  for (let i = 0; i < lines.length; ) {
    const m = /^([\w-]+)<<(ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(lines[i]!);
    assert.ok(m, `not a heredoc output header: ${lines[i]}`);
    const end = lines.indexOf(m[2]!, i + 1);
    assert.ok(end > i, `no closing delimiter for ${m[1]}`);
    outputs[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end + 1;
  }
  return outputs;
}

/** 1-based line and column of `needle` in `text`, and of its end (exclusive). */
function position(text: string, needle: string) {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `no ${needle}`);
  const s = at(start);
  const e = at(start + needle.length);
  return `line=${s.line},col=${s.column},endLine=${e.line},endColumn=${e.column}`;
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice)[ :]/.test(l));
const messageOf = (log: Log, ruleId: string) => log.runs[0]!.results!.find((r) => r.ruleId === ruleId)!.message.text!;
const readSarif = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Log;

for (const node of nodeBinaries()) {
  test(`${node.label}: default inputs lint, write SARIF relative to the workspace, annotate, summarise, set outputs, fail on the error`, { skip: node.skip }, () => {
    const run = runAction(node, { paths: 'guests' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.stderr, '');

    const sarifPath = path.join(workspace, 'kvmlint.sarif');
    assert.deepEqual(run.outputs, { 'sarif-file': sarifPath, errors: '1', warnings: '1' });
    const log = readSarif(sarifPath);
    assert.deepEqual(schemaValidator()(log), []);
    const srcroot = log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri!;
    assert.equal(srcroot, `${pathToFileURL(workspace).href}/`);
    const locations = log.runs[0]!.results!.map((r: Result) => r.locations![0]!.physicalLocation!.artifactLocation!);
    assert.deepEqual(
      locations.map(({ uri, uriBaseId }) => ({ uri, uriBaseId })),
      [
        { uri: 'guests/bad.xml', uriBaseId: '%SRCROOT%' },
        { uri: 'guests/odd%2Cname%3A1.xml', uriBaseId: '%SRCROOT%' },
      ],
    );
    for (const { uri } of locations) assert.ok(existsSync(fileURLToPath(new URL(uri!, srcroot))), `${uri} does not resolve to the linted file`);

    assert.deepEqual(annotations(run.stdout), [
      `::error file=guests/bad.xml,${position(BAD, '0x30')},title=cpuset-syntax::${messageOf(log, 'cpuset-syntax')}`,
      `::warning file=guests/odd%2Cname%3A1.xml,${position(WARN, '<cputune>')},title=missing-emulatorpin::${messageOf(log, 'missing-emulatorpin')}`,
      '::error::kvmlint found 1 error, 1 warning (fail-on: error)',
    ]);

    assert.match(run.summary, /^## kvmlint\n/);
    assert.match(run.summary, /\*\*1 error, 1 warning\*\* in 3 files — failed: 1 error, 1 warning \(fail-on: error\)\./);
    const rows = run.summary.split('\n').filter((l) => l.startsWith('| '));
    assert.deepEqual(rows.slice(0, 2), ['| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |']);
    assert.equal(rows.length, 4);
    assert.ok(rows[2]!.startsWith('| error | `cpuset-syntax` | guests/bad.xml:6:31 | '), rows[2]);
    // `<emulatorpin>` in a message or its help (shown under it, after a <br>) would be swallowed as HTML by GitHub's Markdown.
    assert.ok(rows[3]!.includes('<br>help: add &lt;emulatorpin') && !rows[3]!.includes('<emulatorpin'), rows[3]);
    assert.match(run.summary, /Report: `kvmlint\.sarif`/);
  });

  test(`${node.label}: a paths input holding no domain (a wrong path) fails the step with a message, not "0 files — passed"`, { skip: node.skip }, () => {
    mkdirSync(path.join(workspace, 'empty-dir'), { recursive: true });
    for (const paths of ['empty-dir', 'guestz/*.xml']) {
      const run = runAction(node, { paths });
      assert.equal(run.code, 2, `${paths}: ${run.stdout}`);
      assert.match(annotations(run.stdout).find((l) => l.startsWith('::error::')) ?? '', /^::error::kvmlint: no (?:domain XML found in 'empty-dir'|files match the pattern: guestz\/\*\.xml)/, paths);
      assert.doesNotMatch(run.summary, /passed/, paths);
    }
  });

  test(`${node.label}: exit status for each fail-on value and max-warnings`, { skip: node.skip }, () => {
    const warningsOnly = `${WARN_FILE}\nguests/clean.xml\n`;
    const cases: Array<[Record<string, string>, number, string | undefined]> = [
      [{ paths: 'guests', 'fail-on': 'error' }, 1, '::error::kvmlint found 1 error, 1 warning (fail-on: error)'],
      [{ paths: 'guests', 'fail-on': 'warning' }, 1, '::error::kvmlint found 1 error, 1 warning (fail-on: warning)'],
      [{ paths: 'guests', 'fail-on': 'never' }, 0, undefined],
      [{ paths: warningsOnly, 'fail-on': 'error' }, 0, undefined],
      [{ paths: warningsOnly, 'fail-on': 'warning' }, 1, '::error::kvmlint found 0 errors, 1 warning (fail-on: warning)'],
      [{ paths: warningsOnly, 'fail-on': 'never' }, 0, undefined],
      [{ paths: warningsOnly, 'max-warnings': '0' }, 1, '::error::kvmlint found 0 errors, 1 warning: more than max-warnings 0'],
      [{ paths: warningsOnly, 'max-warnings': '1' }, 0, undefined],
      [{ paths: warningsOnly, 'max-warnings': '-1' }, 0, undefined],
    ];
    for (const [inputs, code, verdict] of cases) {
      const run = runAction(node, inputs);
      const what = JSON.stringify(inputs);
      assert.equal(run.code, code, `${what}: ${run.stdout}`);
      assert.equal(annotations(run.stdout).find((l) => l.startsWith('::error::')), verdict, what);
      const errors = inputs.paths === 'guests' ? '1' : '0';
      assert.deepEqual(run.outputs, { 'sarif-file': path.join(workspace, 'kvmlint.sarif'), errors, warnings: '1' }, what);
      // Findings are annotated whatever fail-on says.
      assert.equal(annotations(run.stdout).filter((l) => l.includes(',title=')).length, Number(errors) + 1, what);
      assert.match(run.summary, code === 0 ? / — passed\.\n/ : / — failed: /, what);
    }
  });
}

test('a .gitignore cannot hide a domain from the Action: a checkout holds tracked files, which git never ignores', () => {
  const node = nodeBinaries()[0]!;
  const hidden = path.join(workspace, 'hidden');
  mkdirSync(hidden, { recursive: true });
  writeFileSync(path.join(hidden, '.gitignore'), 'bad.xml\n');
  writeFileSync(path.join(hidden, 'bad.xml'), BAD);
  try {
    const run = runAction(node, { paths: 'hidden', format: 'json', 'sarif-file': 'hidden.json', 'fail-on': 'never' });
    assert.equal(run.code, 0, run.stdout);
    const report = JSON.parse(readFileSync(path.join(workspace, 'hidden.json'), 'utf8')) as { diagnostics: Array<{ ruleId: string; file: string }> };
    assert.deepEqual(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`), ['hidden/bad.xml cpuset-syntax']);
    // The CLI honours .gitignore as ruff and git do, unless told not to.
    const cli = (args: string[]) => spawnSync(node.path, [path.join(repoRoot, 'dist', 'bin.cjs'), '-f', 'json', '--allow-no-domains', ...args], { cwd: workspace, encoding: 'utf8', env: localEnv() });
    assert.equal(JSON.parse(cli(['hidden']).stdout).diagnostics.length, 0);
    assert.equal(JSON.parse(cli(['--no-gitignore', 'hidden']).stdout).diagnostics.length, 1);
  } finally {
    rmSync(hidden, { recursive: true, force: true });
    rmSync(path.join(workspace, 'hidden.json'), { force: true });
  }
});

test('report file and format inputs: json written where sarif-file says, creating its directory', () => {
  const node = nodeBinaries()[0]!;
  const run = runAction(node, { paths: 'guests/bad.xml', format: 'json', 'sarif-file': 'reports/out/kvmlint.json', 'fail-on': 'never' });
  assert.equal(run.code, 0, run.stdout);
  const file = path.join(workspace, 'reports', 'out', 'kvmlint.json');
  assert.equal(run.outputs['sarif-file'], file);
  const report = JSON.parse(readFileSync(file, 'utf8')) as { diagnostics: Array<{ ruleId: string }> };
  assert.deepEqual(report.diagnostics.map((d) => d.ruleId), ['cpuset-syntax']);
});

test('the config input is the CLI\'s --config: its rule settings apply', () => {
  mkdirSync(path.join(workspace, 'ci'), { recursive: true });
  writeFileSync(path.join(workspace, 'ci', 'lint.json'), JSON.stringify({ rules: { 'cpuset-syntax': 'off' } }));
  const run = runAction(nodeBinaries()[0]!, { paths: 'guests', config: 'ci/lint.json', 'sarif-file': 'config.sarif' });
  assert.equal(run.code, 0, run.stdout);
  assert.equal(run.outputs.errors, '0');
  assert.equal(run.outputs.warnings, '1');
  const missing = runAction(nodeBinaries()[0]!, { paths: 'guests', config: 'ci/missing.json', 'sarif-file': 'config.sarif' });
  assert.equal(missing.code, 2, missing.stdout);
  assert.match(missing.stdout, /^::error::kvmlint: ci\/missing\.json/);
});

test('the map-file input writes the HTML placement map of every host plan and names it in the outputs', () => {
  writeFileSync(path.join(workspace, 'host.json'), readFileSync(path.join(repoRoot, 'examples/hosts/dual-socket.json')));
  const run = runAction(nodeBinaries()[0]!, { paths: 'guests', host: 'host.json', 'map-file': 'maps/kvmlint-map.html', 'sarif-file': 'map.sarif', 'fail-on': 'never' });
  assert.equal(run.code, 0, run.stdout);
  const file = path.join(workspace, 'maps', 'kvmlint-map.html');
  assert.equal(run.outputs['map-file'], file);
  const html = readFileSync(file, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<svg /);
  assert.doesNotMatch(html, /<script/);
  const none = runAction(nodeBinaries()[0]!, { paths: 'guests', 'sarif-file': 'map.sarif', 'fail-on': 'never' });
  assert.equal(none.outputs['map-file'], undefined);
});

test('the working directory may be below the workspace: URIs and annotations stay workspace-relative', () => {
  const run = runAction(nodeBinaries()[0]!, { paths: '.', 'sarif-file': '../guests.sarif' }, path.join(workspace, 'guests'));
  assert.equal(run.code, 1, run.stdout);
  const log = readSarif(path.join(workspace, 'guests.sarif'));
  assert.deepEqual(
    log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri),
    ['guests/bad.xml', 'guests/odd%2Cname%3A1.xml'],
  );
  assert.deepEqual(
    annotations(run.stdout).map((l) => /file=([^,]*)/.exec(l)?.[1]),
    ['guests/bad.xml', 'guests/odd%2Cname%3A1.xml', undefined],
  );
});

test('the SARIF file passes the SARIF multitool validator', () => {
  runAction(nodeBinaries()[0]!, { paths: 'guests', 'sarif-file': 'multitool.sarif' });
  const findings = multitoolValidate({ action: readSarif(path.join(workspace, 'multitool.sarif')) });
  assert.deepEqual(findings.filter((f) => f.level === 'error' || f.level === 'warning'), []);
});

test('invalid inputs fail the step with an error command and no outputs', () => {
  const node = nodeBinaries()[0]!;
  const cases: Array<[Record<string, string>, string]> = [
    [{ 'fail-on': 'sometimes' }, "::error::kvmlint: fail-on must be one of error, warning, never, got 'sometimes'"],
    [{ 'max-warnings': 'many' }, "::error::kvmlint: max-warnings must be a non-negative integer or -1, got 'many'"],
    [{ format: 'xml' }, "::error::kvmlint: format must be one of text, codeframe, compact, json, sarif, github, got 'xml'"],
    [{ 'max-file-size': '1MiB' }, "::error::kvmlint: max-file-size must be a positive integer number of bytes, got '1MiB'"],
    [{ 'max-file-size': '0' }, "::error::kvmlint: max-file-size must be a positive integer number of bytes, got '0'"],
    [{ 'max-file-size': '-5' }, "::error::kvmlint: max-file-size must be a positive integer number of bytes, got '-5'"],
    [{ 'max-file-size': '8388609' }, '::error::kvmlint: max-file-size 8388609 is above the default 8388608 bytes (8 MiB): the input may lower the limit on what kvmlint reads, not raise it'],
    [{ paths: 'guests', host: 'no-such-host.json' }, '::error::kvmlint: '],
  ];
  for (const [inputs, message] of cases) {
    const run = runAction(node, inputs);
    assert.equal(run.code, 2, JSON.stringify(inputs));
    assert.ok(run.stdout.startsWith(message), `${JSON.stringify(inputs)}: ${run.stdout}`);
    assert.deepEqual(run.outputs, {});
  }
});

test('max-file-size lowers the bound on domain files: a larger one is refused by name and fails the step (exit 2); the default 8 MiB still passes', () => {
  const node = nodeBinaries()[0]!;
  const size = statSync(path.join(workspace, 'guests', 'bad.xml')).size;
  const refused = runAction(node, { paths: 'guests', 'max-file-size': String(size - 1) });
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(refused.stdout, new RegExp(`^::error::kvmlint: guests/bad\\.xml: file is ${size} bytes, above the ${size - 1}-byte limit`, 'm'));
  assert.match(refused.summary, /refused/);
  const log = readSarif(path.join(workspace, 'kvmlint.sarif'));
  assert.equal(log.runs[0]!.invocations![0]!.executionSuccessful, false);
  // The bound as written, and empty (the default), lint every guest.
  for (const value of ['8388608', '']) {
    const run = runAction(node, { paths: 'guests', 'max-file-size': value });
    assert.equal(run.code, 1, `${value}: ${run.stdout}`);
    assert.doesNotMatch(run.stdout, /byte limit/);
  }
});

test('kvmlint --format github prints the same annotation lines as the action', () => {
  const action = runAction(nodeBinaries()[0]!, { paths: 'guests' });
  const cli = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'kvmlint.mjs'), '--format', 'github', 'guests'], {
    cwd: workspace,
    env: { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: workspace },
    encoding: 'utf8',
  });
  assert.equal(cli.status, 1, cli.stderr);
  const findingLines = annotations(action.stdout).filter((l) => l.includes(',title='));
  assert.equal(findingLines.length, 2);
  assert.equal(cli.stdout, findingLines.map((l) => `${l}\n`).join(''));
});

for (const node of nodeBinaries()) {
  test(`${node.label}: the CLI bundle runs on its own (lint, exit 1, file:line:column in the text report)`, { skip: node.skip }, () => {
    // Alone, away from node_modules: the bundle must carry every dependency it uses.
    const cli = copyBundle('kvmlint.mjs', path.join(tmp, 'cli', 'kvmlint.mjs'));
    const r = spawnSync(node.path, [cli, '--no-color', 'guests'], { cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^guests\/bad\.xml\n(?: .*\n)*  6:31 +error +vcpupin cpuset='0x30'/m);
    assert.match(r.stdout, /cpuset-syntax/);
  });
}
