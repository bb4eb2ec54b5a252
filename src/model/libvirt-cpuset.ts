/**
 * libvirt's cpuset / nodeset grammar, as parsed by virBitmapParse
 * (src/util/virbitmap.c, virBitmapParseInternal with limited=true).
 *
 * Items are separated by commas and applied left to right:
 *   `N`    set bit N
 *   `N-M`  set bits N..M (M >= N)
 *   `^N`   clear bit N (only a single number: `^N-M` is rejected)
 * so `^2,1-4` is {1,2,3,4} and `1-4,^2` is {1,3,4}.
 */
import { CpuSet } from './cpuset.ts';
import { parsedError, parsedOk, type Parsed } from './parsed.ts';
import { excerpt } from './describe.ts';

/** VIR_DOMAIN_CPUMASK_LEN (src/conf/domain_conf.h): the bitmap size libvirt passes to virBitmapParse for cpusets and nodesets. */
export const LIBVIRT_CPUMASK_LEN = 16384;

/** virStrToLong_i rejects anything that does not fit a C int. */
const INT_MAX = 2147483647;

export interface LibvirtCpusetOptions {
  /** Bitmap size: every id must be below it, as virBitmapSetBit/ClearBit fail at `b >= nbits`. Default LIBVIRT_CPUMASK_LEN. */
  maxLen?: number;
}

// virSkipSpaces skips ASCII whitespace. A vertical tab cannot occur in XML 1.0, so it is not listed.
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function skipSpaces(text: string, pos: number): number {
  while (isSpace(text[pos])) pos++;
  return pos;
}

/** Reads a run of decimal digits; `overflow` once the value passes INT_MAX (the value is then meaningless). */
function scanDigits(text: string, pos: number): { value: number; end: number; overflow: boolean } {
  let value = 0;
  let overflow = false;
  while (isDigit(text[pos])) {
    if (!overflow) {
      value = value * 10 + (text.charCodeAt(pos) - 48);
      if (value > INT_MAX) overflow = true;
    }
    pos++;
  }
  return { value, end: pos, overflow };
}

/** The item starting at `start`: up to the next comma, without trailing whitespace; at least one character when one is there. */
function itemSpan(text: string, start: number): { offset: number; length: number } {
  const comma = text.indexOf(',', start);
  let end = comma < 0 ? text.length : comma;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end === start && start < text.length) end = start + 1;
  return { offset: start, length: end - start };
}

/**
 * Why a valid value is not in the form virBitmapFormat writes, in ways a reader
 * can misjudge: `order` — an item starts below the item before it (`8-11,0-3`);
 * `repeat` — an item adds ids the set already holds (`0-3,2`, `1,1`); `sign` — a
 * range end written with a sign (`0-+3`), which strtol accepts. Merely listing
 * ids one by one (`1,2,3` for `1-3`) is not reported: it reads the same.
 */
export type CpusetUntidiness = 'order' | 'repeat' | 'sign';

/** A parse result; on success it may also say how the text strays from the canonical form. */
export type LibvirtCpusetParse = Parsed<CpuSet> & {
  /** Set when the value parsed but is untidy (see CpusetUntidiness). */
  untidy?: CpusetUntidiness[];
  /** Ids of `^N` items that removed nothing yet are in the result (the `^N`-before-its-range case). */
  idleExclusions?: number[];
};

/**
 * Parses a libvirt cpuset or nodeset value. Errors point at the offending item.
 * An empty result is an error: virBitmapParse itself accepts it, but every caller
 * in domain_conf.c rejects an all-clear bitmap ("Invalid value of 'cpuset'").
 */
export function parseLibvirtCpuset(text: string, opts: LibvirtCpusetOptions = {}): LibvirtCpusetParse {
  // A fleet repeats the same few values ('0-3', '4', '0-1') thousands of times; results are immutable.
  if (opts.maxLen !== undefined || text.length > MEMO_MAX_TEXT) return parseUncached(text, opts);
  let parsed = memo.get(text);
  if (parsed === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, (parsed = Object.freeze(parseUncached(text, opts))));
  }
  return parsed;
}

const MEMO_MAX_TEXT = 64;
const MEMO_MAX_ENTRIES = 4096;
const memo = new Map<string, LibvirtCpusetParse>();

function parseUncached(text: string, opts: LibvirtCpusetOptions): LibvirtCpusetParse {
  const maxLen = opts.maxLen ?? LIBVIRT_CPUMASK_LEN;
  // The parse keeps a bitmap of maxLen bytes (libvirt's own limit is 16,384 ids).
  if (!Number.isSafeInteger(maxLen) || maxLen < 1 || maxLen > 1 << 20) throw new RangeError(`maxLen must be an integer from 1 to 2^20, got ${maxLen}`);
  // Most pins name one CPU: a plain number needs none of the machinery below (same result).
  if (text.length <= 5 && /^\d+$/.test(text)) {
    const id = Number(text);
    if (id < maxLen) return parsedOk(CpuSet.of(id));
  }

  const pos = skipSpaces(text, 0);
  if (pos >= text.length) return parsedError('empty list: name at least one id', 0, text.length);

  // The set as a bitmap while items apply left to right, as virBitmapParse keeps it: an item costs a
  // memset, an exclusion one byte. Interval lists copied per `^N` made `^0,0,` repeated after 8,192 ids
  // take seconds (each exclusion re-merged and cut the whole list). At libvirt's width one bitmap
  // serves every parse (they never nest), cleared over what was set: a new 16 KiB per value was
  // 1.6 GB of garbage on 10,000 guests.
  const bits = maxLen === LIBVIRT_CPUMASK_LEN ? SCRATCH : new Uint8Array(maxLen);
  touched.lo = maxLen;
  touched.hi = -1;
  try {
    return parseOnBitmap(text, pos, maxLen, bits);
  } finally {
    if (touched.hi >= touched.lo) bits.fill(0, touched.lo, touched.hi + 1);
  }
}

const SCRATCH = new Uint8Array(LIBVIRT_CPUMASK_LEN);
/** The ids a parse set at some point, lowest and highest: what is left to clear. */
const touched = { lo: 0, hi: -1 };

function parseOnBitmap(text: string, start: number, maxLen: number, bits: Uint8Array): LibvirtCpusetParse {
  let pos = start;
  // `^N` items that cleared nothing because N was not in the set at that point.
  const idleNegations: Array<{ id: number; offset: number; text: string }> = [];
  // Tidiness: the start of the previous positive item and the highest id any positive item reached.
  const untidy = new Set<CpusetUntidiness>();
  let lastStart = -1;
  let maxEnd = -1;
  /** Notes `order`/`repeat` for a positive item [a, b] before it is added. Cheap unless it reaches back. */
  const checkTidy = (a: number, b: number): void => {
    if (a < lastStart) untidy.add('order');
    // A repeat is found at its first byte; without one, items below maxEnd are disjoint, so all of these
    // scans together read each id at most once.
    if (a <= maxEnd && !untidy.has('repeat') && bits.subarray(a, b + 1).includes(1)) untidy.add('repeat');
    lastStart = a;
    if (b > maxEnd) maxEnd = b;
  };

  const beyondLimit = (id: number | string): string =>
    `${typeof id === 'string' ? excerpt(id, 24) : id} is beyond libvirt's limit: ids must be below ${maxLen} (0-${maxLen - 1})`;
  // One closure for the whole value, not one per item: a 1 MB list has 500,000 items.
  let item = { offset: 0, length: 0 };
  const fail = (message: string): Parsed<CpuSet> => parsedError(message, item.offset, item.length);
  const addPending = (a: number, b: number): void => {
    bits.fill(1, a, b + 1);
    if (a < touched.lo) touched.lo = a;
    if (b > touched.hi) touched.hi = b;
  };

  while (pos < text.length) {
    item = itemSpan(text, pos);

    let negate = false;
    if (text[pos] === '^') {
      negate = true;
      pos++;
    }
    if (!isDigit(text[pos])) {
      if (negate) return fail(`'^' must be followed directly by a number`);
      if (text[pos] === ',') return fail('empty item between commas');
      return fail(`expected a number, a range 'N-M' or an exclusion '^N'`);
    }
    const first = scanDigits(text, pos);
    if (first.overflow) return fail(beyondLimit(text.slice(pos, first.end)));
    pos = skipSpaces(text, first.end);

    if (text[pos] === ',' || pos >= text.length) {
      if (first.value >= maxLen) return fail(beyondLimit(first.value));
      if (negate) {
        if (bits[first.value] === 1) bits[first.value] = 0;
        else idleNegations.push({ id: first.value, offset: item.offset, text: text.slice(item.offset, item.offset + item.length) });
      } else {
        checkTidy(first.value, first.value);
        addPending(first.value, first.value);
      }
    } else if (text[pos] === '-') {
      if (negate) return fail(`'^' excludes a single id; libvirt rejects a range after '^'`);
      pos = skipSpaces(text, pos + 1);
      // The range end goes through virStrToLong_i (strtol), which also takes a sign: `0-+3` is 0-3.
      let negative = false;
      if (text[pos] === '+' || text[pos] === '-') {
        negative = text[pos] === '-';
        untidy.add('sign');
        pos++;
      }
      if (!isDigit(text[pos])) return fail('range has no end: write N-M');
      const last = scanDigits(text, pos);
      if (last.overflow) return fail(beyondLimit(text.slice(pos, last.end)));
      const lastValue = negative ? -last.value : last.value;
      if (lastValue < first.value) return fail(`descending range: ${lastValue} is below ${first.value}`);
      if (lastValue >= maxLen) return fail(beyondLimit(lastValue));
      checkTidy(first.value, lastValue);
      addPending(first.value, lastValue);
      pos = skipSpaces(text, last.end);
    }

    if (text[pos] === ',') {
      // A trailing comma ends the loop without error, as in virBitmapParseInternal.
      pos = skipSpaces(text, pos + 1);
    } else if (pos < text.length) {
      return fail(`unexpected '${String.fromCodePoint(text.codePointAt(pos)!)}'`);
    }
  }
  const intervals: Array<[number, number]> = [];
  const end = touched.hi + 1;
  for (let i = touched.hi < 0 ? -1 : bits.indexOf(1, touched.lo); i >= 0 && i < end; ) {
    let j = bits.indexOf(0, i);
    if (j < 0 || j > end) j = end;
    intervals.push([i, j - 1]);
    i = j >= end ? -1 : bits.indexOf(1, j);
  }
  const set = CpuSet.fromIntervals(intervals);
  if (set.isEmpty) return parsedError('the list selects nothing', 0, text.length);

  const notes: string[] = [];
  const idleExclusions: number[] = [];
  for (const neg of idleNegations) {
    if (set.has(neg.id)) {
      idleExclusions.push(neg.id);
      notes.push(
        `'${excerpt(neg.text)}' (offset ${neg.offset}) removes nothing: ${neg.id} is only added by a later item, ` +
          `and libvirt applies items left to right, so ${neg.id} stays in the set; put '^${neg.id}' after the range it should cut`,
      );
    }
  }
  const result: LibvirtCpusetParse = parsedOk(set, notes);
  if (untidy.size > 0) result.untidy = [...untidy];
  if (idleExclusions.length > 0) result.idleExclusions = idleExclusions;
  return result;
}

/** The canonical form virBitmapFormat prints: ascending, runs as `N-M`, e.g. `0-3,8,10-11`; empty for an empty set. */
export function formatLibvirtCpuset(set: CpuSet): string {
  return set.toString();
}
