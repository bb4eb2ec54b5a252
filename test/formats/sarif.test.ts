import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Log, Region, Result } from 'sarif';
import { buildSarifLog, formatSarif } from '../../src/formats/sarif.ts';
import { HOMEPAGE, VERSION } from '../../src/version.ts';
import { DB_FILE, IDLE_FILE, OUTSIDE_FILE, ROOT, RULES, WEB_FILE, sampleResult } from './lint-result.ts';
import { SARIF_SCHEMA_PATH, multitoolValidate, schemaValidator } from './sarif-validators.ts';

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
    result.diagnostics.map((d) => [d.ruleId, d.ruleId, d.severity === 'info' ? 'note' : d.severity, d.message]),
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
