import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson } from '../../src/formats/json.ts';
import { formatSarif } from '../../src/formats/sarif.ts';
import { VERSION } from '../../src/version.ts';
import type { Diagnostic } from '../../src/engine/types.ts';
import { DB_FILE, DB_XML, IDLE_FILE, OUTSIDE_FILE, WEB_FILE, sampleResult } from './lint-result.ts';

test('top level: version, files, diagnostics, summary, in that order', () => {
  const report = JSON.parse(formatJson(sampleResult()));
  assert.deepEqual(Object.keys(report), ['version', 'files', 'diagnostics', 'summary']);
  assert.equal(report.version, VERSION);
  assert.deepEqual(report.files, [DB_FILE, WEB_FILE, IDLE_FILE, OUTSIDE_FILE]);
  assert.deepEqual(report.summary, { errors: 2, warnings: 2, infos: 1, fixable: 2 });
});

test('each diagnostic keeps every documented field, in a stable order, and nothing else', () => {
  const result = sampleResult();
  // An engine-internal property must not leak into the report.
  const withInternal = { ...result.diagnostics[0]!, internalCache: new Map([['x', 1]]) } as Diagnostic;
  const report = JSON.parse(formatJson({ ...result, diagnostics: [withInternal, ...result.diagnostics.slice(1)] }));
  const base = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'range'];
  assert.deepEqual(Object.keys(report.diagnostics[0]), [...base, 'suggestions']);
  assert.deepEqual(Object.keys(report.diagnostics[1]), base);
  assert.deepEqual(Object.keys(report.diagnostics[2]), [...base, 'fix']);
  assert.deepEqual(report.diagnostics, JSON.parse(JSON.stringify(result.diagnostics)));
});

test('fix and suggestion ranges point at the text they replace', () => {
  const report = JSON.parse(formatJson(sampleResult()));
  const [pin] = report.diagnostics;
  assert.equal(pin.file, DB_FILE);
  assert.equal(DB_XML.slice(pin.range.start, pin.range.end), "cpuset='0'");
  assert.deepEqual(
    pin.suggestions.map((s: { message: string; fix: { range: [number, number]; text: string } }) => [
      s.message,
      DB_XML.slice(...s.fix.range),
      s.fix.text,
    ]),
    [
      ["pin vCPU 0 to CPU 4 instead: set cpuset='4'", "cpuset='0'", "cpuset='4'"],
      ['remove the pin', "<vcpupin vcpu='0' cpuset='0'/>", ''],
    ],
  );
});

test('the output is plain JSON text (no Maps, no sources) ending in a newline', () => {
  const text = formatJson(sampleResult());
  assert.ok(text.endsWith('}\n'));
  assert.ok(!text.includes('<domain'), 'file contents are not part of the report');
  assert.equal(formatJson(sampleResult()), text, 'deterministic');
});

test('a clean run reports zero counts', () => {
  const report = JSON.parse(formatJson({ ...sampleResult(), diagnostics: [] }));
  assert.deepEqual(report.diagnostics, []);
  assert.deepEqual(report.summary, { errors: 0, warnings: 0, infos: 0, fixable: 0 });
});

test('JSON and SARIF reports carry no raw C1 or bidi control: a name holding CSI, OSC and RLO is escaped, and parses back the same', () => {
  const hostile = 'vm\u009b2J\u009d0;PWNED\u009c\u202elmx.doog';
  const result = sampleResult();
  const d = { ...result.diagnostics[0]!, message: `guest ${hostile} is pinned` };
  const withHostile = { ...result, diagnostics: [d, ...result.diagnostics.slice(1)] };
  for (const [name, text] of [['json', formatJson(withHostile)], ['sarif', formatSarif(withHostile)]] as const) {
    assert.doesNotMatch(text, /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/, name);
    assert.ok(text.includes('\\u009b2J\\u009d0;PWNED\\u009c\\u202elmx'), name);
    assert.ok(JSON.stringify(JSON.parse(text)).includes(hostile), `${name}: the message parses back unchanged`);
  }
});
