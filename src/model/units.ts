/**
 * libvirt memory sizes: a decimal value plus an optional unit attribute, scaled by
 * virScaleInteger (src/util/virutil.c) after virParseScaledValue (src/util/virxml.c)
 * read the value with virStrToLong_ullp, then rounded UP to whole KiB by
 * virDomainParseMemory (src/conf/domain_conf.c: `VIR_DIV_UP(bytes, 1024)`).
 * All arithmetic is BigInt, so no value is ever silently rounded.
 */
import { parsedError, parsedOk, type Parsed } from './parsed.ts';
import { excerpt } from './describe.ts';

/** virMemoryMaxValue on 64-bit hosts: LLONG_MAX bytes (memory, currentMemory, cell memory). */
export const LIBVIRT_MEMORY_MAX_BYTES = 2n ** 63n - 1n;
/** ULLONG_MAX: what virScaleInteger itself can hold (hugepage sizes are parsed with this bound). */
export const ULLONG_MAX = 2n ** 64n - 1n;

export interface ScaleOptions {
  /** Largest byte count accepted; default LIBVIRT_MEMORY_MAX_BYTES. */
  maxBytes?: bigint;
}

const EXPONENT_BY_PREFIX: Readonly<Record<string, bigint>> = { k: 1n, m: 2n, g: 3n, t: 4n, p: 5n, e: 6n };

/**
 * Bytes per unit as virScaleInteger reads the suffix, case-insensitively:
 * `b`, `byte`, `bytes` = 1; one letter or letter + `iB` (k, KiB, m, MiB, ... e, EiB)
 * = powers of 1024; letter + `B` (KB, MB, ... EB) = powers of 1000.
 * undefined for anything else, including the empty string and surrounding spaces.
 */
export function unitBytes(unit: string): bigint | undefined {
  const lower = unit.toLowerCase();
  if (lower === 'b' || lower === 'byte' || lower === 'bytes') return 1n;
  let base: bigint;
  if (lower.length === 1 || lower.slice(1) === 'ib') base = 1024n;
  else if (lower.length === 2 && lower[1] === 'b') base = 1000n;
  else return undefined;
  const exponent = EXPONENT_BY_PREFIX[lower[0]!];
  return exponent === undefined ? undefined : base ** exponent;
}

/** True for the power-of-1000 units (`KB`, `MB`, `GB`, `TB`, `PB`, `EB`, any case). */
export function isDecimalUnit(unit: string): boolean {
  const lower = unit.toLowerCase();
  return lower.length === 2 && lower[1] === 'b' && lower[0]! in EXPONENT_BY_PREFIX;
}

// g_ascii_strtoull skips leading ASCII whitespace (XML text cannot hold \v).
const LEADING_SPACE = /^[ \t\n\r\f]*/;

/**
 * Scales `value` by `unit` (or `defaultUnit` when the unit is absent or empty, as
 * virScaleInteger does for a NULL or "" suffix) and returns whole KiB, rounded up.
 *
 * The value must be what virStrToLong_ullp accepts: optional leading whitespace, an
 * optional '+', decimal digits, nothing after them (not even whitespace), no '-'
 * anywhere, at most ULLONG_MAX. Errors locate the fault in `value`; a unit error has
 * offset 0, length 0 (the caller points at the unit attribute).
 */
export function scaleToKiB(value: string, unit: string | undefined, defaultUnit = 'KiB', opts: ScaleOptions = {}): Parsed<number> {
  const kib = opts.maxBytes === undefined ? plainKiB(value, unit === undefined || unit === '' ? defaultUnit : unit) : undefined;
  if (kib !== undefined) return { ok: true, value: kib };
  // The same few sizes recur across a fleet; BigInt arithmetic for each would be most of a domain's model cost.
  if (value.length > 32 || (unit !== undefined && unit.length > 8)) return scaleUncached(value, unit, defaultUnit, opts);
  const key = `${value}\0${unit ?? ''}\0${defaultUnit}\0${opts.maxBytes ?? ''}`;
  let parsed = scaleMemo.get(key);
  if (parsed === undefined) {
    if (scaleMemo.size >= 4096) scaleMemo.clear();
    scaleMemo.set(key, (parsed = Object.freeze(scaleUncached(value, unit, defaultUnit, opts))));
  }
  return parsed;
}

const scaleMemo = new Map<string, Parsed<number>>();

/** KiB in one of the binary units that most sizes are written in (virScaleInteger, case-insensitive as unitBytes). */
const KIB_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ['KiB', 1], ['k', 1], ['K', 1], ['MiB', 1024], ['M', 1024], ['m', 1024], ['GiB', 1024 ** 2], ['G', 1024 ** 2], ['g', 1024 ** 2],
]);
/** Below this many KiB a size is exact in a double and far from LLONG_MAX bytes. */
const PLAIN_KIB_LIMIT = 2 ** 43;

/**
 * The size in KiB when `value` is plain digits (1 to 12 of them) in a common binary unit and small
 * enough: what scaleUncached would compute, without building a memo key or a BigInt (most sizes of
 * a fleet). undefined sends everything else the full way.
 */
function plainKiB(value: string, unit: string): number | undefined {
  const perUnit = KIB_PER_UNIT.get(unit);
  if (perUnit === undefined || value.length === 0 || value.length > 12) return undefined;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  const kib = n * perUnit;
  return kib < PLAIN_KIB_LIMIT ? kib : undefined;
}

function scaleUncached(value: string, unit: string | undefined, defaultUnit: string, opts: ScaleOptions): Parsed<number> {
  const maxBytes = opts.maxBytes ?? LIBVIRT_MEMORY_MAX_BYTES;

  const lead = LEADING_SPACE.exec(value)![0].length;
  let pos = lead;
  if (value[pos] === '-') return parsedError('negative sizes are not allowed', pos, 1);
  if (value[pos] === '+') pos++;
  const digitsStart = pos;
  while (pos < value.length && value[pos]! >= '0' && value[pos]! <= '9') pos++;
  if (pos === digitsStart) {
    // An empty element is no size at all (libvirt: "Memory size must be specified via <memory> or in the <numa> configuration").
    if (value.trim() === '') return parsedError('is empty: a size is required here', lead, Math.max(value.length - lead, 0));
    return parsedError(`'${excerpt(value)}' is not a non-negative decimal integer`, lead, Math.max(value.length - lead, 0));
  }
  if (pos < value.length) {
    if (/^[ \t\n\r\f]+$/.test(value.slice(pos))) {
      return parsedError('white space after the number: libvirt allows nothing after the digits and rejects it', pos, value.length - pos);
    }
    return parsedError(`unexpected '${excerpt(value.slice(pos))}' after the number (libvirt allows nothing after the digits)`, pos, value.length - pos);
  }
  const amount = BigInt(value.slice(digitsStart, pos));
  if (amount > ULLONG_MAX) return parsedError('value does not fit in 64 bits', digitsStart, pos - digitsStart);

  const suffix = unit === undefined || unit === '' ? undefined : unit;
  const scale = unitBytes(suffix ?? defaultUnit);
  if (scale === undefined) return parsedError(`unknown unit '${excerpt(suffix ?? defaultUnit, 24)}'`, 0, 0);

  // virScaleInteger: `value > limit / scale` (integer division) is an overflow.
  if (amount !== 0n && amount > maxBytes / scale) {
    return parsedError(`value too large: ${amount}${excerpt(suffix ?? '', 16)} exceeds ${maxBytes} bytes`, digitsStart, pos - digitsStart);
  }
  const kib = (amount * scale + 1023n) / 1024n;
  // virDomainParseMemory: the KiB figure must stay below DIV_UP(max, 1024).
  if (kib >= (maxBytes + 1023n) / 1024n) return parsedError('size value too large', digitsStart, pos - digitsStart);
  if (kib > BigInt(Number.MAX_SAFE_INTEGER)) {
    return parsedError(`${kib} KiB is too large to handle exactly`, digitsStart, pos - digitsStart);
  }
  return parsedOk(Number(kib));
}

const BINARY_UNITS: ReadonlyArray<[string, number]> = [
  ['EiB', 1024 ** 5],
  ['PiB', 1024 ** 4],
  ['TiB', 1024 ** 3],
  ['GiB', 1024 ** 2],
  ['MiB', 1024],
];

/** A KiB count for messages, in the largest binary unit that holds it exactly: `16 GiB`, `1536 MiB`, `1023 KiB`. */
export function formatKiB(kib: number): string {
  if (Number.isSafeInteger(kib) && kib !== 0) {
    for (const [name, size] of BINARY_UNITS) {
      if (kib % size === 0) return `${kib / size} ${name}`;
    }
  }
  return `${kib} KiB`;
}

/**
 * `kib` written in `unit` (as virScaleInteger reads it) when that is exact, e.g.
 * 16777216 KiB in `GiB` → '16', in `GB` → undefined (17.18 GB is not whole).
 * undefined also for a unit libvirt does not know.
 */
export function sizeInUnit(kib: number, unit: string): string | undefined {
  const scale = unitBytes(unit);
  if (scale === undefined || !Number.isSafeInteger(kib) || kib < 0) return undefined;
  const bytes = BigInt(kib) * 1024n;
  return bytes % scale === 0n ? (bytes / scale).toString() : undefined;
}

/** The binary unit a decimal one was probably meant as: `GB` → `G`, `mb` → `m`; undefined for a unit that is not decimal. */
export function binaryCounterpart(unit: string): string | undefined {
  return isDecimalUnit(unit) ? unit.slice(0, 1) : undefined;
}
