import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, formatResult, formatResultParts, prepareFormat } from '../../src/formats/index.ts';
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
