import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTunedCpuList } from '../../src/model/tuned-cpulist.ts';
import { fastestMs } from '../support/fastest.ts';

function cpus(text: string): string {
  const result = parseTunedCpuList(text);
  assert.ok(result.ok, `expected '${text}' to parse, got ${result.ok ? '' : result.error}`);
  return result.value.toString();
}

test('examples from cpulist_unpack (tuned/utils/commands.py), written without spaces', () => {
  assert.equal(cpus('1-3'), '1-3');
  assert.equal(cpus('0-5,^3'), '0-2,4-5');
  assert.equal(cpus('0-3,0xf,,6'), '0-3,6');
  assert.equal(cpus('0-5,!3'), '0-2,4-5');
});

test('negations are subtracted last, wherever they appear, and may be ranges', () => {
  assert.equal(cpus('^3,0-5'), '0-2,4-5');
  assert.equal(cpus('!1,0-3,^2'), '0,3');
  assert.equal(cpus('0-7,^2-4'), '0-1,5-7');
  assert.equal(cpus('^9,0-1'), '0-1');
  assert.equal(cpus('0-3,^0-3'), '', 'tuned happily returns nothing');
});

test('hex masks: prefix on the first item only, commas glued until an empty item', () => {
  assert.equal(cpus('0xf'), '0-3');
  assert.equal(cpus('0XF0'), '4-7');
  assert.equal(cpus('0x0000000f,00000000'), '32-35', 'zero-padded 32-bit groups read like the kernel format');
  assert.equal(cpus('0xf,0'), '4-7', 'an unpadded group is just more digits: 0xf0, not 0xf<<32');
  assert.equal(cpus('0xf,,6'), '0-3,6');
  assert.equal(cpus('0x1,,0x2'), '0-1');
  assert.equal(cpus('0x_f'), '0-3', "Python's int(x, 16) accepts '_' after the prefix");
});

test('Python int() details: whitespace, "+", underscores', () => {
  assert.equal(cpus(' 3 , 5 '), '3,5');
  assert.equal(cpus('3 - 5'), '3-5');
  assert.equal(cpus('+2'), '2');
  assert.equal(cpus('1_0'), '10');
  assert.equal(cpus('1,,2,'), '1-2', 'empty items are skipped');
  assert.equal(cpus(''), '');
});

test('whole-list failures are errors at the item (tuned then isolates nothing)', () => {
  const cases: Array<[string, RegExp, number, number]> = [
    ['0-5, ^3', /first character.*whole list/, 4, 3],
    ['0-3, 0xf,, 6', /first character.*whole list/, 4, 4],
    ['1,a', /not a number.*whole list/, 2, 1],
    ['1-', /no valid range end/, 0, 2],
    ['^x,1', /whole list/, 0, 2],
    ['1__0', /whole list/, 0, 4],
    ['-1', /whole list/, 0, 2],
  ];
  for (const [text, pattern, offset, length] of cases) {
    const result = parseTunedCpuList(text);
    assert.equal(result.ok, false, `'${text}' must fail`);
    if (result.ok) continue;
    assert.match(result.error, pattern, text);
    assert.deepEqual([result.offset, result.length], [offset, length], text);
  }
});

test('quirks tuned survives are notes', () => {
  const descending = parseTunedCpuList('5-3,1');
  assert.ok(descending.ok);
  assert.equal(descending.value.toString(), '1');
  assert.match(descending.notes?.[0] ?? '', /descending/);

  const badHex = parseTunedCpuList('0x,,3');
  assert.ok(badHex.ok);
  assert.equal(badHex.value.toString(), '3');
  assert.match(badHex.notes?.[0] ?? '', /not a valid hex mask/);

  const glued = parseTunedCpuList('0xf,^1');
  assert.ok(glued.ok && glued.value.isEmpty, "'^1' is glued onto the hex mask, which then fails");

  const extra = parseTunedCpuList('1-2-3');
  assert.ok(extra.ok);
  assert.equal(extra.value.toString(), '1-2');
  assert.match(extra.notes?.[0] ?? '', /ignores '-3'/);

  const clean = parseTunedCpuList('0-3');
  assert.ok(clean.ok);
  assert.equal(clean.notes, undefined);
});

test('huge inputs are errors, quickly', () => {
  for (const text of ['0-4294967295', '99999999999999999999', '^0-4294967295', `0x1${'0'.repeat(5000)}`, '8192']) {
    const result = parseTunedCpuList(text);
    assert.equal(result.ok, false, text.slice(0, 20));
    if (!result.ok) assert.match(result.error, /beyond any kernel/);
    assert.ok(fastestMs(() => parseTunedCpuList(text)) < 50, `${text.slice(0, 20)} was slow`);
  }
  assert.equal(cpus('8191'), '8191');
  assert.equal(cpus(`0x8${'0'.repeat(2047)}`), '8191', 'the top bit of a 2048-digit mask is CPU 8191');
});

test('property: decimal items and negations in any order match union-then-subtract', () => {
  const id = fc.integer({ min: 0, max: 63 });
  const item = fc.record({
    negate: fc.constantFrom('', '', '^', '!'),
    from: id,
    span: fc.option(fc.integer({ min: 0, max: 10 })),
    pad: fc.constantFrom('', ' '),
  });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 10 }), (items) => {
      const keep = new Set<number>();
      const drop = new Set<number>();
      const text = items
        .map(({ negate, from, span, pad }) => {
          const to = span === null ? from : Math.min(from + span, 63);
          for (let i = from; i <= to; i++) (negate ? drop : keep).add(i);
          const body = span === null ? `${from}${pad}` : `${from}${pad}-${pad}${to}`;
          return negate + body;
        })
        .join(',');
      const expected = [...keep].filter((i) => !drop.has(i)).sort((a, b) => a - b);
      const result = parseTunedCpuList(text);
      assert.ok(result.ok, text);
      assert.deepEqual(result.value.toArray(), expected, text);
    }),
  );
});

test('property: a hex mask selects exactly the set bits of its number', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: (1n << 200n) - 1n }), (mask) => {
      const expected: number[] = [];
      for (let bit = 0; bit < 200; bit++) if ((mask >> BigInt(bit)) & 1n) expected.push(bit);
      const result = parseTunedCpuList(`0x${mask.toString(16)}`);
      assert.ok(result.ok);
      assert.deepEqual(result.value.toArray(), expected);
    }),
  );
});
