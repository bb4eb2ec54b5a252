import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateJsonKey, findDuplicateJsonKey, locateJsonKey } from '../../src/json/document.ts';

test('findDuplicateJsonKey: the first name repeated in one object, by path, at its second occurrence; strings and escapes are not names', () => {
  const cases: Array<[string, { path: string; at: string } | undefined]> = [
    ['{"a":1,"b":2}', undefined],
    ['{"a":1,"a":2}', { path: 'a', at: '"a":2' }],
    ['{"vm": {"minFreeKbytes": 1, "x": "a\\": b", "minFreeKbytes": 2}}', { path: 'vm.minFreeKbytes', at: '"minFreeKbytes": 2' }],
    ['{"nodes":[{"id":0},{"id":1,"cpus":"0","id" :2}]}', { path: 'nodes[1].id', at: '"id" :2' }],
    // The same name in different objects is not a duplicate.
    ['{"k":"v","o":{"k":"v"},"l":[{"k":1},{"k":2}]}', undefined],
    // Names compare as JSON reads them: \u0062 is b.
    ['{"a\\u0062":1,"ab":2}', { path: 'ab', at: '"ab":2' }],
    ['[{"x":[1,{"y":1,"y":2}]}]', { path: '[0].x[1].y', at: '"y":2' }],
    // A string value that looks like an object with a duplicate, and escaped quotes and backslashes.
    ['{"s":"{\\"a\\":1,\\"a\\":2}","t":"\\\\","u":1}', undefined],
  ];
  for (const [text, want] of cases) {
    JSON.parse(text);
    const got = findDuplicateJsonKey(text);
    assert.deepEqual(got && { path: got.path, at: text.slice(got.offset, got.offset + want!.at.length) }, want, text);
    assert.deepEqual(duplicateJsonKey(text, JSON.parse(text)), got, `${text}: the quick check agrees`);
  }
});

test('duplicateJsonKey: a name ending inside a string value does not hide a duplicate or invent one', () => {
  // A `":` inside a value counts as a name ending too: the quick check then falls back to the scan, which finds the real one.
  const text = '{"a":"x\\":","b":1,"b":2}';
  assert.equal(duplicateJsonKey(text, JSON.parse(text))?.path, 'b');
  const clean = '{"a":"x\\":","b":1}';
  assert.equal(duplicateJsonKey(clean, JSON.parse(clean)), undefined);
  // Deep nesting JSON.parse accepts is walked without recursion.
  const deep = `${'['.repeat(100_000)}{"a":1,"a":2}${']'.repeat(100_000)}`;
  assert.equal(duplicateJsonKey(deep, JSON.parse(deep))?.path.endsWith('[0].a'), true);
});

test('locateJsonKey: of two equal names, the range is the value JSON.parse keeps (the last)', () => {
  const text = '{"vm": {"minFreeKbytes": 65536, "minFreeKbytes": 99999999, "w": 1}, "e": {}}';
  const r = locateJsonKey(text, 'vm.minFreeKbytes')!;
  assert.equal(text.slice(r.start, r.end), '99999999');
  assert.equal(JSON.parse(text).vm.minFreeKbytes, 99999999);
  const w = locateJsonKey(text, 'vm.w')!;
  assert.equal(text.slice(w.start, w.end), '1');
  assert.equal(locateJsonKey(text, 'e.x'), undefined);
  assert.equal(locateJsonKey(text, 'vm.missing'), undefined);
});
