import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { binaryCounterpart, formatKiB, isDecimalUnit, LIBVIRT_MEMORY_MAX_BYTES, scaleToKiB, sizeInUnit, ULLONG_MAX, unitBytes } from '../../src/model/units.ts';
import { fastestMs } from '../support/fastest.ts';

function kib(value: string, unit?: string, defaultUnit?: string): number {
  const result = scaleToKiB(value, unit, defaultUnit);
  assert.ok(result.ok, `expected ${value} ${unit} to scale, got ${result.ok ? '' : result.error}`);
  return result.value;
}

// The units formatdomain lists (§Memory Allocation), written out independently of virScaleInteger's rules.
const UNIT_BYTES: ReadonlyArray<[string, bigint]> = [
  ['b', 1n],
  ['byte', 1n],
  ['bytes', 1n],
  ['KB', 1000n],
  ['k', 1024n],
  ['KiB', 1024n],
  ['MB', 1000n ** 2n],
  ['M', 1024n ** 2n],
  ['MiB', 1024n ** 2n],
  ['GB', 1000n ** 3n],
  ['G', 1024n ** 3n],
  ['GiB', 1024n ** 3n],
  ['TB', 1000n ** 4n],
  ['T', 1024n ** 4n],
  ['TiB', 1024n ** 4n],
  ['PB', 1000n ** 5n],
  ['P', 1024n ** 5n],
  ['PiB', 1024n ** 5n],
  ['EB', 1000n ** 6n],
  ['E', 1024n ** 6n],
  ['EiB', 1024n ** 6n],
];

test('every documented unit scales as formatdomain says', () => {
  for (const [unit, bytes] of UNIT_BYTES) assert.equal(unitBytes(unit), bytes, unit);
  assert.equal(kib('1', 'GiB'), 1048576);
  assert.equal(kib('16', 'G'), 16777216);
  assert.equal(kib('1', 'GB'), 976563, 'rules.md: size=1 unit=GB is 976,563 KiB');
  assert.equal(kib('2048', 'MiB'), 2097152);
  assert.equal(kib('524288'), 524288, 'the default unit is KiB');
  assert.equal(kib('524288', ''), 524288, 'an empty unit means the default, as a NULL suffix does');
  assert.equal(kib('2', undefined, 'MiB'), 2048);
  assert.equal(kib('2048', undefined, 'b'), 2);
});

test('units are case-insensitive; unknown ones are errors with an empty location', () => {
  for (const unit of ['kib', 'KIB', 'Kib', 'gB', 'Gb', 'BYTES', 'Byte', 'm', 'mib']) assert.ok(unitBytes(unit) !== undefined, unit);
  for (const unit of ['KiBs', 'Ki', 'kiB ', ' k', 'xB', 'iB', 'bb', 'q', 'GiBi', 'kbyte']) {
    const result = scaleToKiB('1', unit);
    assert.equal(result.ok, false, unit);
    if (!result.ok) {
      assert.match(result.error, /unknown unit/);
      assert.deepEqual([result.offset, result.length], [0, 0]);
    }
  }
});

test('values are rounded up to whole KiB', () => {
  assert.equal(kib('0', 'b'), 0);
  assert.equal(kib('1', 'b'), 1);
  assert.equal(kib('1024', 'bytes'), 1);
  assert.equal(kib('1025', 'b'), 2);
  assert.equal(kib('1', 'KB'), 1);
  assert.equal(kib('1000', 'KB'), 977);
  assert.equal(kib('3', 'MB'), 2930);
});

test('the value is what virStrToLong_ullp accepts', () => {
  assert.equal(kib(' 1024'), 1024, 'leading whitespace');
  assert.equal(kib('\n\t8'), 8);
  assert.equal(kib('+4'), 4);
  assert.equal(kib('007'), 7);
  const rejected: Array<[string, number, number]> = [
    ['', 0, 0],
    ['   ', 3, 0],
    ['1024 ', 4, 1],
    ['-1', 0, 1],
    [' -0', 1, 1],
    ['1.5', 1, 2],
    ['0x10', 1, 3],
    ['1e3', 1, 2],
    ['1G', 1, 1],
    ['abc', 0, 3],
    ['+-1', 0, 3],
  ];
  for (const [value, offset, length] of rejected) {
    const result = scaleToKiB(value, 'KiB');
    assert.equal(result.ok, false, `'${value}' must be rejected`);
    if (!result.ok) assert.deepEqual([result.offset, result.length], [offset, length], `location for '${value}'`);
  }
  // An empty element (a real definition had <memory></memory>) is said to be empty, not quoted as ''.
  for (const value of ['', '   ', '\n']) {
    const result = scaleToKiB(value, 'KiB');
    assert.ok(!result.ok && /^is empty: a size is required here$/.test(result.error), `'${value}'`);
  }
  const word = scaleToKiB('abc', 'KiB');
  assert.ok(!word.ok && word.error === "'abc' is not a non-negative decimal integer");
});

test('limits: LLONG_MAX bytes for memory, never a silently wrong number', () => {
  assert.equal(LIBVIRT_MEMORY_MAX_BYTES, 9223372036854775807n);
  assert.equal(kib('9007199254740991'), Number.MAX_SAFE_INTEGER, 'LLONG_MAX / 1024 KiB is the largest memory value');
  assert.equal(scaleToKiB('9007199254740992', 'KiB').ok, false);
  assert.equal(kib('9223372036854774784', 'b'), Number.MAX_SAFE_INTEGER);
  const roundedOver = scaleToKiB('9223372036854775807', 'b');
  assert.ok(!roundedOver.ok && /size value too large/.test(roundedOver.error), 'rounding up past the KiB limit');
  assert.equal(kib('7', 'EiB'), 7 * 2 ** 50);
  assert.equal(scaleToKiB('8', 'EiB').ok, false);
  assert.equal(scaleToKiB('9223372036854775808', 'EB').ok, false);

  for (const value of ['99999999999999999999', '18446744073709551616', '9'.repeat(10000)]) {
    const result = scaleToKiB(value, 'b');
    assert.equal(result.ok, false, value.slice(0, 20));
    if (!result.ok) assert.deepEqual([result.offset, result.length], [0, value.length]);
    assert.ok(fastestMs(() => scaleToKiB(value, 'b')) < 50);
  }

  const ullong = { maxBytes: ULLONG_MAX };
  const wide = scaleToKiB('15', 'EiB', 'KiB', ullong);
  assert.ok(!wide.ok && /exactly/.test(wide.error), 'representable by libvirt but not as a JS number: an error, not a rounded number');
  assert.equal(scaleToKiB('16', 'EiB', 'KiB', ullong).ok, false);
  const page = scaleToKiB('1', 'GiB', 'KiB', ullong);
  assert.ok(page.ok && page.value === 1048576);
});

test('isDecimalUnit is true exactly for the power-of-1000 units', () => {
  for (const [unit, bytes] of UNIT_BYTES) {
    const decimal = bytes !== 1n && bytes % 1000n === 0n;
    assert.equal(isDecimalUnit(unit), decimal, unit);
    assert.equal(isDecimalUnit(unit.toLowerCase()), decimal, unit.toLowerCase());
  }
  assert.equal(isDecimalUnit('xB'), false);
  assert.equal(isDecimalUnit(''), false);
});

test('formatKiB uses the largest binary unit that holds the value exactly', () => {
  assert.equal(formatKiB(16 * 1024 * 1024), '16 GiB');
  assert.equal(formatKiB(2048), '2 MiB');
  assert.equal(formatKiB(1536 * 1024), '1536 MiB');
  assert.equal(formatKiB(524288), '512 MiB');
  assert.equal(formatKiB(524289), '524289 KiB');
  assert.equal(formatKiB(1024 ** 3), '1 TiB');
  assert.equal(formatKiB(1023), '1023 KiB');
  assert.equal(formatKiB(0), '0 KiB');
});

test('property: every unit and value matches a BigInt reference, rounding up', () => {
  const valueArb = fc.oneof(
    fc.bigInt({ min: 0n, max: 1n << 20n }),
    fc.bigInt({ min: 0n, max: 1n << 45n }),
    fc.bigInt({ min: 0n, max: ULLONG_MAX }),
  );
  fc.assert(
    fc.property(fc.constantFrom(...UNIT_BYTES), valueArb, fc.boolean(), ([unit, bytesPerUnit], value, shout) => {
      const spelled = shout ? unit.toUpperCase() : unit;
      const result = scaleToKiB(value.toString(), spelled);
      const bytes = value * bytesPerUnit;
      const expectedKiB = bytes / 1024n + (bytes % 1024n === 0n ? 0n : 1n);
      const fits = bytes <= LIBVIRT_MEMORY_MAX_BYTES && expectedKiB < 1n << 53n;
      if (!fits) {
        assert.equal(result.ok, false, `${value} ${spelled}`);
        return;
      }
      assert.ok(result.ok, `${value} ${spelled}: ${result.ok ? '' : result.error}`);
      assert.equal(BigInt(result.value), expectedKiB, `${value} ${spelled}`);
    }),
  );
});

test('property: formatKiB output scales back to the same KiB count', () => {
  fc.assert(
    fc.property(fc.nat({ max: 2 ** 40 }), fc.constantFrom(1, 1024, 1024 ** 2, 1024 ** 3), (n, factor) => {
      const count = n * factor;
      fc.pre(Number.isSafeInteger(count));
      const [number, unit] = formatKiB(count).split(' ');
      assert.equal(kib(number!, unit), count);
    }),
  );
});

test('sizeInUnit: exact values only; binaryCounterpart maps decimal units to binary letters', () => {
  assert.equal(sizeInUnit(16777216, 'GiB'), '16');
  assert.equal(sizeInUnit(16777216, 'g'), '16');
  assert.equal(sizeInUnit(16252928, 'GiB'), undefined);
  assert.equal(sizeInUnit(15625000, 'GB'), '16');
  assert.equal(sizeInUnit(16777216, 'GB'), undefined);
  assert.equal(sizeInUnit(3, 'bytes'), '3072');
  assert.equal(sizeInUnit(3, 'parsec'), undefined);
  assert.deepEqual(['GB', 'mb', 'KB', 'TB', 'GiB', 'G'].map(binaryCounterpart), ['G', 'm', 'K', 'T', undefined, undefined]);
});

test('the plain-digits shortcut answers exactly as the full BigInt scaling, at and around its limits', () => {
  // An explicit maxBytes takes the full way with the same bound as the default: the two must agree.
  const full = (value: string, unit: string | undefined, defaultUnit?: string) => scaleToKiB(value, unit, defaultUnit, { maxBytes: LIBVIRT_MEMORY_MAX_BYTES });
  const units = [undefined, '', 'KiB', 'k', 'K', 'MiB', 'M', 'm', 'GiB', 'G', 'g', 'kib', 'KB', 'b', 'TiB'];
  const values = fc.oneof(
    fc.stringMatching(/^[0-9]{1,14}$/),
    fc.constantFrom('0', '8388608', '999999999999', '1000000000000', '8589934591', '8589934592', '8388607', '8388608', '+1', ' 1', '1 ', '0x10', ''),
  );
  fc.assert(
    fc.property(values, fc.constantFrom(...units), fc.constantFrom('KiB', 'MiB', 'b'), (value, unit, defaultUnit) => {
      assert.deepEqual(scaleToKiB(value, unit, defaultUnit), full(value, unit, defaultUnit));
    }),
    { numRuns: 3000 },
  );
  // 2^43 KiB is where the shortcut stops: both sides of it come out exact.
  assert.deepEqual(scaleToKiB('8589934591', 'GiB'), full('8589934591', 'GiB'));
  assert.equal(kib('8388607', 'GiB'), 8388607 * 1024 ** 2);
  assert.equal(kib('8388608', 'GiB'), 8388608 * 1024 ** 2);
});
