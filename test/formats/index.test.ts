import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, formatResult, formatResultParts, prepareFormat, reportWrites } from '../../src/formats/index.ts';
import { formatJson } from '../../src/formats/json.ts';
import { formatSarif } from '../../src/formats/sarif.ts';
import { formatCodeframe } from '../../src/formats/text.ts';
import { sampleResult } from './lint-result.ts';

test('formatResult dispatches each format name to its formatter; codeframe once prepared', async () => {
  assert.deepEqual(FORMATS, ['text', 'codeframe', 'compact', 'json', 'sarif', 'github']);
  const result = sampleResult();
  assert.throws(() => formatResult('codeframe', result, { color: false }), /not prepared/);
  for (const name of FORMATS) await prepareFormat(name);
  assert.equal(formatResult('codeframe', result, { color: false }), formatCodeframe(result, { color: false }));
  assert.equal(formatResult('codeframe', result, { color: true }), formatCodeframe(result, { color: true }));
  assert.equal(formatResult('json', result, { color: true }), formatJson(result));
  assert.equal(formatResult('sarif', result, { color: true }), formatSarif(result));
});

test('formatResultParts is formatResult in parts: the text format one part per file block, then the summary', async () => {
  const result = sampleResult();
  for (const name of FORMATS) await prepareFormat(name);
  for (const name of FORMATS) {
    for (const color of [false, true]) {
      const parts = [...formatResultParts(name, result, { color })];
      assert.equal(parts.join(''), formatResult(name, result, { color }), `${name}, color ${color}`);
      if (name !== 'text') assert.equal(parts.length, 1, name);
    }
  }
  const files = new Set(result.diagnostics.filter((d) => !d.unchecked).map((d) => d.file));
  const textParts = [...formatResultParts('text', result, { color: false })];
  assert.ok(files.size >= 2, 'the sample has findings on several files');
  // A block per file, the summary, and the footer when notes exist.
  assert.equal(textParts.length, files.size + 1 + (result.diagnostics.some((d) => d.unchecked) ? 1 : 0));
});

test('reportWrites regroups parts into writes of size to about twice size, joining to the parts, never splitting a surrogate pair', () => {
  const size = 16;
  const check = (parts: string[]) => {
    const writes = [...reportWrites(parts, size)];
    assert.equal(writes.join(''), parts.join(''));
    writes.slice(0, -1).forEach((w) => assert.ok(w.length >= size && w.length <= 2 * size, `a write of ${w.length}: ${JSON.stringify(writes)}`));
    for (const w of writes) {
      assert.ok(!/^[\udc00-\udfff]/.test(w) && !/[\ud800-\udbff]$/.test(w), `a write splits a surrogate pair: ${JSON.stringify(w)}`);
    }
    return writes;
  };
  // Small parts are joined.
  assert.equal(check(['abc', 'defgh', 'ij', 'klmnopqrst', 'u']).length, 2);
  // One long part (a JSON report) is sliced.
  assert.equal(check(['x'.repeat(100)]).length, 6); // 5 × 16, then 20
  // An astral character (two UTF-16 units) at every cut position.
  for (let at = 0; at < 40; at++) check(['y'.repeat(at) + '\u{1F600}' + 'z'.repeat(60)]);
  assert.deepEqual(check([]), []);
  assert.deepEqual(check(['', '']), []);
});
