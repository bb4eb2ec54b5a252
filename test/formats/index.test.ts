import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, formatResult, prepareFormat } from '../../src/formats/index.ts';
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
