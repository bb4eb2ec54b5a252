import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Region, Result } from 'sarif';
import { buildSarifLog, formatSarif, sarifText } from '../../src/formats/sarif.ts';
import { HOMEPAGE, VERSION } from '../../src/version.ts';
import { DB_FILE, IDLE_FILE, OUTSIDE_FILE, ROOT, RULES, WEB_FILE, sampleResult } from './lint-result.ts';
import { SARIF_SCHEMA_PATH, multitoolValidate, schemaValidator } from './sarif-validators.ts';
import { repoRoot } from '../support/paths.ts';

test('the vendored SARIF schema is the byte-exact OASIS copy its NOTICE.md describes', () => {
  const bytes = readFileSync(SARIF_SCHEMA_PATH);
  const notice = readFileSync(new URL('../vendor/sarif/NOTICE.md', import.meta.url), 'utf8');
  assert.match(notice, new RegExp(`\\(${bytes.length} bytes, sha256 \`${createHash('sha256').update(bytes).digest('hex')}\``));
});

const result = sampleResult();
const log = JSON.parse(formatSarif(result)) as Log;
const run = log.runs[0]!;
const results = run.results!;

/** Line and column counted here by splitting the text, independently of LineIndex. */
function position(text: string, offset: number) {
  const lines = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** The region's text, and a check that its line/column pairs name the same characters as its offsets. */
function regionText(source: string, region: Region): string {
  const start = region.charOffset!;
  const end = start + region.charLength!;
  assert.deepEqual(
    { startLine: region.startLine, startColumn: region.startColumn, endLine: region.endLine, endColumn: region.endColumn },
    {
      startLine: position(source, start).line,
      startColumn: position(source, start).column,
      endLine: position(source, end).line,
      endColumn: position(source, end).column,
    },
  );
  return source.slice(start, end);
}

function sourceOf(r: Result): string {
  const file = result.files[r.locations![0]!.physicalLocation!.artifactLocation!.index!]!;
  return result.sources.get(file)!;
}

test('one run, kvmlint as the driver, with every rule and its help', () => {
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const { driver } = run.tool;
  assert.deepEqual([driver.name, driver.version, driver.informationUri], ['kvmlint', VERSION, HOMEPAGE]);
  assert.deepEqual(
    driver.rules!.map((r) => [r.id, r.name, r.defaultConfiguration!.level]),
    [
      ['cpuset-syntax', 'CpusetSyntax', 'error'],
      ['housekeeping-overlap', 'HousekeepingOverlap', 'warning'],
      ['pin-crosses-nodeset', 'PinCrossesNodeset', 'error'],
      ['missing-emulatorpin', 'MissingEmulatorpin', 'note'],
    ],
  );
  driver.rules!.forEach((rule, i) => {
    const doc = RULES[i]!;
    assert.equal(rule.shortDescription!.text, doc.meta.summary);
    assert.equal(rule.fullDescription!.text, doc.fullDescription);
    assert.deepEqual(rule.help, { text: doc.helpText, markdown: doc.helpMarkdown });
    assert.equal(rule.helpUri, doc.helpUri);
    assert.deepEqual(rule.properties!.tags, doc.meta.tags);
  });
  assert.match(driver.rules![0]!.help!.markdown!, /`virBitmapParse` in `virbitmap.c`/);
});

test('results carry rule, rule index, level and message', () => {
  assert.deepEqual(
    results.map((r) => [r.ruleId, run.tool.driver.rules![r.ruleIndex!]!.id, r.level, r.message.text]),
    result.diagnostics.map((d) => [d.ruleId, d.ruleId, d.severity === 'info' ? 'note' : d.severity, sarifText(d.message)]),
  );
});

test('locations: percent-encoded URIs under %SRCROOT%, absolute file URIs outside the root', () => {
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(ROOT).href}/` } });
  assert.ok(run.originalUriBaseIds!['%SRCROOT%']!.uri!.endsWith('-exist/'));
  // Every linted file is an artifact, the clean one too; results point at them by index.
  assert.ok(run.artifacts!.every((a) => a.roles?.join() === 'analysisTarget'));
  assert.deepEqual(run.artifacts!.map((a) => a.location), [
    { uri: 'guests/db%2001.xml', uriBaseId: '%SRCROOT%' },
    { uri: 'guests/web01.xml', uriBaseId: '%SRCROOT%' },
    { uri: 'guests/idle.xml', uriBaseId: '%SRCROOT%' },
    { uri: pathToFileURL(`${ROOT}/../elsewhere/legacy.xml`).href },
  ]);
  assert.equal(run.artifacts![3]!.location!.uri, 'file:///srv/elsewhere/legacy.xml');
  for (const [i, r] of results.entries()) {
    const location = r.locations![0]!.physicalLocation!.artifactLocation!;
    const { index, ...rest } = location;
    assert.deepEqual(rest, run.artifacts![index!]!.location);
    assert.equal(result.files[index!], result.diagnostics[i]!.file);
  }
  assert.deepEqual([DB_FILE, WEB_FILE, IDLE_FILE, OUTSIDE_FILE], result.files);
});

test('every region covers exactly the element or attribute at fault, in UTF-16 columns', () => {
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const texts = results.map((r) => regionText(sourceOf(r), r.locations![0]!.physicalLocation!.region!));
  assert.deepEqual(texts, [
    "cpuset='0'",
    "<vcpupin vcpu='1' cpuset='9'/>",
    '<cputune>',
    "cpuset='0-3,^8'",
    "<vcpu placement='static' cpuset='0-3,^8'>",
  ]);
  // After `<!-- 🚀 ` on its line: the rocket is two UTF-16 code units.
  const first = results[0]!.locations![0]!.physicalLocation!.region!;
  assert.deepEqual([first.startLine, first.startColumn, first.endColumn], [6, 42, 52]);
});

test('fixes and suggestions become result.fixes with exact deleted regions', () => {
  const changes = results.map((r) =>
    (r.fixes ?? []).map((fix) => {
      const change = fix.artifactChanges[0]!;
      assert.equal(fix.artifactChanges.length, 1);
      assert.deepEqual(change.artifactLocation, r.locations![0]!.physicalLocation!.artifactLocation);
      const [replacement] = change.replacements;
      return {
        description: fix.description!.text,
        deleted: regionText(sourceOf(r), replacement!.deletedRegion),
        inserted: replacement!.insertedContent?.text,
      };
    }),
  );
  assert.deepEqual(changes, [
    [
      { description: "pin vCPU 0 to CPU 4 instead: set cpuset='4'", deleted: "cpuset='0'", inserted: "cpuset='4'" },
      // A deletion has no inserted content.
      { description: 'remove the pin', deleted: "<vcpupin vcpu='0' cpuset='0'/>", inserted: undefined },
    ],
    [],
    [
      {
        description: 'Safe fix (applied by kvmlint --fix): The vCPUs are pinned but the emulator threads are not.',
        deleted: '',
        inserted: "\r\n    <emulatorpin cpuset='0-1'/>",
      },
    ],
    [
      {
        description: 'Safe fix (applied by kvmlint --fix): cpuset excludes CPU 8, which it never included.',
        deleted: "'0-3,^8'",
        inserted: "'0-3'",
      },
    ],
    [],
  ]);
  // An insertion is a zero-width region right after `<cputune>` (line 5, 3 + 9 characters in).
  const insertion = results[2]!.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion;
  assert.deepEqual(insertion, { startLine: 5, startColumn: 12, endLine: 5, endColumn: 12, charOffset: insertion.charOffset, charLength: 0 });
});

test('no primaryLocationLineHash (GitHub computes it); execution status comes from the result', () => {
  assert.ok(!formatSarif(result).includes('partialFingerprints'));
  assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
  const failed = buildSarifLog({ ...result, executionSuccessful: false });
  assert.deepEqual(failed.runs[0]!.invocations, [{ executionSuccessful: false }]);
});

/**
 * The sample log broken in ways a validator must notice. The multitool silently reports nothing
 * for a log it cannot deserialize (an unknown `level` does that), so that break is optional.
 */
function brokenLog({ unknownLevel }: { unknownLevel: boolean }): Log {
  const broken = structuredClone(log);
  const run0 = broken.runs[0]!;
  run0.originalUriBaseIds!['%SRCROOT%']!.uri = pathToFileURL(ROOT).href; // no trailing slash
  const location = run0.results![0]!.locations![0]!.physicalLocation!;
  location.artifactLocation!.uri = DB_FILE; // a raw space: not a URI reference
  location.region!.endLine = 1; // before startLine
  if (unknownLevel) (run0.results![1] as { level: string }).level = 'fatal';
  return broken;
}

test('the OASIS schema accepts the log, and rejects a broken one', () => {
  const validate = schemaValidator();
  assert.deepEqual(validate(log), []);
  assert.deepEqual(validate(JSON.parse(formatSarif({ ...result, diagnostics: [] }))), [], 'a clean run too');
  const errors = validate(brokenLog({ unknownLevel: true })).map((e) => `${e.instancePath} ${e.message}`);
  assert.ok(errors.includes('/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri must match format "uri-reference"'), errors.join('\n'));
  assert.ok(errors.includes('/runs/0/results/1/level must be equal to one of the allowed values'), errors.join('\n'));
});

test('the SARIF multitool finds no error in the log, and finds them in a broken one', (t) => {
  // One multitool run (~1 s) checks both logs.
  const findings = multitoolValidate({ kvmlint: log, broken: brokenLog({ unknownLevel: false }) });
  for (const f of findings) t.diagnostic(`${f.file}: ${f.level} ${f.ruleId}: ${f.message}`);
  const errors = (file: string) => findings.filter((f) => f.file === file && f.level === 'error').map((f) => f.ruleId);
  assert.deepEqual(errors('kvmlint'), []);
  assert.deepEqual(errors('broken').sort(), ['SARIF1002', 'SARIF1004', 'SARIF1007']);
  assert.deepEqual(findings.filter((f) => f.file === '?'), [], 'every finding is attributed to a log');
});

test('a flood of findings is cut to GitHub code scanning\'s 25,000 results a run, errors first, and the run says so', () => {
  const base = sampleResult();
  const [one] = base.diagnostics;
  const flood = Array.from({ length: 30_000 }, (_, i) => ({ ...one!, severity: (i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info') as 'error' | 'warning' | 'info', message: `finding ${i}` }));
  const cut = buildSarifLog({ ...base, diagnostics: flood });
  const kept = cut.runs[0]!.results!;
  assert.equal(kept.length, 25_000);
  assert.equal(kept.filter((r) => r.level === 'error').length, 10_000);
  assert.equal(kept.filter((r) => r.level === 'warning').length, 10_000);
  assert.equal(kept.filter((r) => r.level === 'note').length, 5_000);
  // Within a severity the report's order is kept.
  assert.deepEqual(kept.slice(0, 2).map((r) => r.message.text), ['finding 0', 'finding 3']);
  const notes = cut.runs[0]!.invocations![0]!.toolExecutionNotifications ?? [];
  assert.ok(notes.some((n) => /5000 of 30000 results left out: a run holds at most 25000/.test(n.message.text ?? '')), JSON.stringify(notes));
  assert.deepEqual(schemaValidator()(JSON.parse(JSON.stringify(cut))), []);
});

test('sarifText escapes [, ] and \\ as SARIF §3.11.6 writes literal ones, and leaves other text alone', () => {
  assert.equal(sarifText('plain text, no brackets'), 'plain text, no brackets');
  assert.equal(sarifText('[click](1)'), '\\[click\\](1)');
  assert.equal(sarifText('a\\[b](https://evil.example)'), 'a\\\\\\[b\\](https://evil.example)');
  // The check the next test applies finds what it should.
  assert.deepEqual(embeddedLinks('see [click](1) or [x](https://e.example)'), ['[click](1)', '[x](https://e.example)']);
  assert.deepEqual(embeddedLinks(sarifText('see [click](1) or \\[x](https://e.example)')), []);
});

/** Every `[text](target)` SARIF §3.11.6 would read as an embedded link in a message: `[` not escaped by a backslash. */
function embeddedLinks(text: string): string[] {
  const links: string[] = [];
  // Unescape left to right, as a viewer does: `\x` is the literal x; an unescaped `[...](...)` is a link.
  const re = /\\.|\[((?:\\.|[^\]\\])*)\]\(([^)]*)\)/gs;
  for (const m of text.matchAll(re)) if (m[0][0] === '[') links.push(m[0]);
  return links;
}

test('an attribute value or a file name a pull request wrote cannot form an embedded link in SARIF message.text (kvmlint -f sarif)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kvmlint-sarif-link-'));
  try {
    mkdirSync(path.join(dir, '.git'));
    const hostile = '[click](1)';
    writeFileSync(
      path.join(dir, 'vm.xml'),
      `<domain type='kvm'>\n  <name>[x](https://evil.example)</name>\n  <memory unit='GiB'>4</memory>\n  <vcpu placement='static'>2</vcpu>\n  <cputune>\n    <vcpupin vcpu='0' cpuset='${hostile}'/>\n    <vcpupin vcpu='1' cpuset='\\[0](0)'/>\n  </cputune>\n</domain>\n`,
    );
    // A file refused for its size: the run's notification names it.
    writeFileSync(path.join(dir, '[name](0).xml'), `<domain type='kvm'>${' '.repeat(4000)}</domain>\n`);
    const sarif = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'kvmlint.mjs'), '--no-config-lookup', '-f', 'sarif', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_WORKSPACE: '' } });
    const r = sarif(['vm.xml']);
    assert.equal(r.status, 1, r.stderr);
    const refused = sarif(['--max-file-size', '2000', 'vm.xml', '[name](0).xml']);
    assert.equal(refused.status, 2, refused.stderr);
    const log = JSON.parse(r.stdout) as Log;
    const refusedLog = JSON.parse(refused.stdout) as Log;
    assert.deepEqual(schemaValidator()(log), []);
    assert.deepEqual(schemaValidator()(refusedLog), []);
    const notes = (refusedLog.runs[0]!.invocations![0]!.toolExecutionNotifications ?? []).map((n) => n.message.text!);
    assert.ok(notes.some((n) => n.startsWith('\\[name\\](0).xml: ')), JSON.stringify(notes));
    const results = log.runs[0]!.results!;
    const texts = [
      ...results.map((x) => x.message.text!),
      ...results.flatMap((x) => (x.relatedLocations ?? []).map((l) => l.message!.text!)),
      ...results.flatMap((x) => (x.fixes ?? []).map((f) => f.description!.text!)),
      ...notes,
    ];
    const cpuset = results.find((x) => x.ruleId === 'cpuset-syntax' && x.message.text!.includes('click'));
    assert.ok(cpuset, 'the hostile value reached a message');
    assert.ok(cpuset.message.text!.includes('\\[click\\](1)'), cpuset.message.text);
    assert.ok(results.some((x) => x.message.text!.includes('\\\\\\[0\\](0)')), 'a backslash before a bracket is escaped too');
    for (const t of texts) assert.deepEqual(embeddedLinks(t), [], t);
    // The JSON report keeps the text as written: escaping is SARIF's alone.
    const json = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'kvmlint.mjs'), '--no-config-lookup', '-f', 'json', 'vm.xml'], { cwd: dir, encoding: 'utf8' });
    assert.ok((JSON.parse(json.stdout) as { diagnostics: Array<{ message: string }> }).diagnostics.some((d) => d.message.includes(hostile)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
