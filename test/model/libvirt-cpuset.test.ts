import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CpuSet } from '../../src/model/cpuset.ts';
import { formatLibvirtCpuset, LIBVIRT_CPUMASK_LEN, parseLibvirtCpuset } from '../../src/model/libvirt-cpuset.ts';
import { fastestMs } from '../support/fastest.ts';

function parsedSet(text: string, maxLen?: number): string {
  const result = parseLibvirtCpuset(text, maxLen === undefined ? {} : { maxLen });
  assert.ok(result.ok, `expected '${text}' to parse, got ${result.ok ? '' : result.error}`);
  return result.value.toString();
}

test('documented examples (formatdomain, rules.md §0, virBitmapParse comment)', () => {
  const cases: Array<[string, string]> = [
    ['1-4,^3,6', '1-2,4,6'], // formatdomain <vcpu cpuset>
    ['^2,1-4', '1-4'], // left to right: the exclusion comes too early
    ['1-4,^2', '1,3-4'],
    ['0', '0'],
    ['0-3,8,10-11', '0-3,8,10-11'],
    ['3,1,2', '1-3'],
    ['0-7,^0,^7', '1-6'],
    ['5-5', '5'],
  ];
  for (const [text, expected] of cases) assert.equal(parsedSet(text), expected, text);
});

test('whitespace and commas follow virBitmapParseInternal', () => {
  assert.equal(parsedSet(' 1 , 2 - 5 '), '1-5');
  assert.equal(parsedSet('\n\t0-1,\n 3\n'), '0-1,3');
  assert.equal(parsedSet('1,'), '1', 'a trailing comma ends the list');
  assert.equal(parsedSet('1, '), '1');
  assert.equal(parsedSet('0-+3'), '0-3', 'strtol takes a sign before the range end');
  assert.equal(parsedSet('0- 3'), '0-3');

  const rejected: Array<[string, number, number]> = [
    ['', 0, 0],
    ['   ', 0, 3],
    ['1,,2', 2, 1],
    [',1', 0, 1],
    ['1,,', 2, 1],
    ['^ 2', 0, 3],
    ['1 2', 0, 3],
    ['1-', 0, 2],
    ['a', 0, 1],
    ['1,x', 2, 1],
    ['-1', 0, 2],
    ['+1', 0, 2],
    ['1-4x', 0, 4],
  ];
  for (const [text, offset, length] of rejected) {
    const result = parseLibvirtCpuset(text);
    assert.equal(result.ok, false, `'${text}' must be rejected`);
    if (!result.ok) assert.deepEqual([result.offset, result.length], [offset, length], `location for '${text}'`);
  }
});

test('errors name the fault and point at the item', () => {
  const check = (text: string, pattern: RegExp, offset: number, length: number): void => {
    const result = parseLibvirtCpuset(text);
    assert.equal(result.ok, false, text);
    if (result.ok) return;
    assert.match(result.error, pattern, text);
    assert.deepEqual([result.offset, result.length], [offset, length], text);
  };
  check('0-3,^5-6', /single id/, 4, 4);
  check('0,7-2', /descending/, 2, 3);
  check('2,^2', /selects nothing/, 0, 4);
  check('^1', /selects nothing/, 0, 2);
  check('0,16384', /below 16384/, 2, 5);
  check('0-16384', /below 16384/, 0, 7);
  check('1,^16384', /below 16384/, 2, 6);
});

test('the bound is VIR_DOMAIN_CPUMASK_LEN by default and can be overridden', () => {
  assert.equal(LIBVIRT_CPUMASK_LEN, 16384);
  assert.equal(parsedSet('16383'), '16383');
  assert.equal(parseLibvirtCpuset('16384').ok, false);
  assert.equal(parsedSet('63', 64), '63');
  assert.equal(parseLibvirtCpuset('0-64', { maxLen: 64 }).ok, false);
  assert.equal(parsedSet('20000', 32768), '20000');
});

test('huge values are errors without proportional work', () => {
  for (const text of ['0-4294967295', '99999999999999999999', '0-2147483647', `0-${'9'.repeat(5000)}`]) {
    assert.equal(parseLibvirtCpuset(text).ok, false, text);
    const elapsed = fastestMs(() => parseLibvirtCpuset(text));
    assert.ok(elapsed < 50, `${text.slice(0, 20)} took ${elapsed} ms`);
  }
  const wide = parseLibvirtCpuset('0-1048574', { maxLen: 1 << 20 });
  assert.ok(wide.ok && wide.value.size === 1048575 && wide.value.intervalCount === 1, 'a wide but legal range is one interval');
  // The parse keeps a bitmap of maxLen bytes: a wider one is refused, never allocated.
  assert.throws(() => parseLibvirtCpuset('0-3', { maxLen: 2 ** 31 }), RangeError);
});

test('a ^N placed before the range it meant to cut gets a note; an effective one does not', () => {
  const early = parseLibvirtCpuset('^2,1-4');
  assert.ok(early.ok);
  assert.equal(early.notes?.length, 1);
  assert.match(early.notes![0]!, /'\^2'.*removes nothing/);

  const effective = parseLibvirtCpuset('1-4,^2');
  assert.ok(effective.ok);
  assert.equal(effective.notes, undefined);

  const harmless = parseLibvirtCpuset('^9,1-4');
  assert.ok(harmless.ok);
  assert.equal(harmless.notes, undefined, 'a ^N that never mattered is not the mistake the note is about');
});

test('formatLibvirtCpuset prints what virBitmapFormat prints', () => {
  assert.equal(formatLibvirtCpuset(CpuSet.fromIntervals([[8, 8], [0, 3], [10, 11]])), '0-3,8,10-11');
  assert.equal(formatLibvirtCpuset(CpuSet.of(0, 1)), '0-1');
  assert.equal(formatLibvirtCpuset(CpuSet.empty), '');
});

const idArb = fc.integer({ min: 0, max: LIBVIRT_CPUMASK_LEN - 1 });
const nonEmptySetArb = fc
  .array(fc.tuple(idArb, fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 20 })
  .map((pairs) => CpuSet.fromIntervals(pairs.map(([a, len]) => [a, Math.min(a + len, LIBVIRT_CPUMASK_LEN - 1)] as [number, number])));

test('property: format then parse gives the same set back', () => {
  fc.assert(
    fc.property(nonEmptySetArb, (set) => {
      const text = formatLibvirtCpuset(set);
      const result = parseLibvirtCpuset(text);
      assert.ok(result.ok, text);
      assert.ok(result.value.equals(set), text);
      assert.equal(formatLibvirtCpuset(result.value), text);
    }),
  );
});

type Item = { kind: 'one'; id: number } | { kind: 'range'; from: number; to: number } | { kind: 'not'; id: number };

const smallId = fc.integer({ min: 0, max: 31 });
const itemArb: fc.Arbitrary<Item> = fc.oneof(
  smallId.map((id) => ({ kind: 'one' as const, id })),
  fc.tuple(smallId, smallId).map(([a, b]) => ({ kind: 'range' as const, from: Math.min(a, b), to: Math.max(a, b) })),
  smallId.map((id) => ({ kind: 'not' as const, id })),
);
const spaceArb = fc.constantFrom('', '', ' ', '  ', '\t', '\n');

test('property: interleaved ^N and ranges match a naive left-to-right bitmap', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(itemArb, spaceArb, spaceArb), { minLength: 1, maxLength: 12 }), (items) => {
      const bits = new Array<boolean>(32).fill(false);
      let expectNote = false;
      const idle: number[] = [];
      for (const [item] of items) {
        if (item.kind === 'one') bits[item.id] = true;
        else if (item.kind === 'range') for (let i = item.from; i <= item.to; i++) bits[i] = true;
        else {
          if (!bits[item.id]) idle.push(item.id);
          bits[item.id] = false;
        }
      }
      for (const id of idle) if (bits[id]) expectNote = true;

      const text = items
        .map(([item, before, after]) => {
          const body = item.kind === 'one' ? `${item.id}` : item.kind === 'range' ? `${item.from}-${item.to}` : `^${item.id}`;
          return `${before}${body}${after}`;
        })
        .join(',');
      const expected = bits.flatMap((on, id) => (on ? [id] : []));
      const result = parseLibvirtCpuset(text);
      if (expected.length === 0) {
        assert.equal(result.ok, false, `'${text}' selects nothing and must be rejected`);
        return;
      }
      assert.ok(result.ok, `'${text}': ${result.ok ? '' : result.error}`);
      assert.deepEqual(result.value.toArray(), expected, text);
      assert.equal(result.notes !== undefined, expectNote, `note for '${text}'`);
    }),
  );
});

test('property: any descending range or ^N-M is rejected at its item', () => {
  fc.assert(
    fc.property(smallId, smallId, fc.boolean(), (a, b, negate) => {
      fc.pre(negate || a > b);
      const bad = negate ? `^${Math.min(a, b)}-${Math.max(a, b)}` : `${a}-${b}`;
      const result = parseLibvirtCpuset(`0,${bad},1`);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual([result.offset, result.length], [2, bad.length]);
    }),
  );
});

test('untidy but valid values: out of order, repeated ids, signed range ends; plain lists are tidy', () => {
  const untidy = (text: string) => {
    const r = parseLibvirtCpuset(text);
    assert.ok(r.ok, text);
    return r.untidy ?? [];
  };
  assert.deepEqual(untidy('8-11,0-3'), ['order']);
  assert.deepEqual(untidy('3,1,2'), ['order']);
  assert.deepEqual(untidy('0-3,2'), ['repeat']);
  assert.deepEqual(untidy('1,1'), ['repeat']);
  assert.deepEqual(untidy('0-4,2-6'), ['repeat']);
  assert.deepEqual(untidy('0-+3'), ['sign']);
  assert.deepEqual(untidy('4,5,6,7'), []);
  assert.deepEqual(untidy('0-3,8-11'), []);
  assert.deepEqual(untidy('0-7,^3'), []);
  // Re-adding an id an exclusion removed is neither out of order nor a repeat.
  assert.deepEqual(untidy('0-7,^3,3'), []);
  assert.deepEqual(untidy('12'), []);
});

test('idle exclusions: the ids of ^N items that removed nothing yet end up in the set', () => {
  const r = parseLibvirtCpuset('^2,^9,0-3');
  assert.ok(r.ok);
  assert.deepEqual(r.idleExclusions, [2]);
  assert.equal(parseLibvirtCpuset('0-3,^2').idleExclusions, undefined);
});

test('the canonical rewrite keeps the set: format(parse(x)) parses to the same set, tidily', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(64), fc.nat(8), fc.boolean()), { minLength: 1, maxLength: 12 }), (items) => {
      const text = items.map(([a, len, neg]) => (neg ? `^${a}` : len === 0 ? `${a}` : `${a}-${a + len}`)).join(',');
      const r = parseLibvirtCpuset(text);
      if (!r.ok) return;
      const again = parseLibvirtCpuset(formatLibvirtCpuset(r.value));
      assert.ok(again.ok);
      assert.ok(again.value.equals(r.value), text);
      assert.equal(again.untidy, undefined, text);
    }),
  );
});
