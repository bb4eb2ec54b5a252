/**
 * tuned's cpu list grammar, as unpacked by cpulist_unpack (tuned/utils/commands.py),
 * which the cpu-partitioning and realtime profiles apply to `isolated_cores`.
 *
 * The value is split on commas; each item is
 *   `N` or `A-B`        decimal (Python int(): surrounding whitespace, '+', '_' between digits)
 *   `^N`, `!N`, `^A-B`  negation, only when '^' / '!' is the item's first character
 *   `0x...`             hex mask; the items after it are glued on (commas dropped)
 *                       until an empty item, so `0xf,0` is 0xf0 and `0xf,,6` is 0xf plus 6
 * Negations are subtracted after everything else, wherever they appear.
 */
import { CpuSet } from './cpuset.ts';
import { KERNEL_MAX_NR_CPUS } from './kernel-cpulist.ts';
import { parsedError, parsedOk, type Parsed } from './parsed.ts';

// Python's int() strips Unicode whitespace, including \x1c-\x1f and \x85.
const PY_SPACE = /[\s\x1c-\x1f\x85]/;

function stripPythonSpace(text: string): { text: string; lead: number } {
  let start = 0;
  let end = text.length;
  while (start < end && PY_SPACE.test(text[start]!)) start++;
  while (end > start && PY_SPACE.test(text[end - 1]!)) end--;
  return { text: text.slice(start, end), lead: start };
}

/**
 * Python int(text) for base 10 (ASCII digits only): optional sign, digits with single
 * underscores between them. Returns undefined where Python raises ValueError.
 */
function pythonInt(text: string): bigint | undefined {
  const m = /^([+-]?)([0-9](?:_?[0-9])*)$/.exec(stripPythonSpace(text).text);
  if (!m) return undefined;
  const magnitude = BigInt(m[2]!.replaceAll('_', ''));
  return m[1] === '-' ? -magnitude : magnitude;
}

/** Python int(text, 16): optional sign, optional 0x prefix, hex digits with single underscores. */
function pythonHexInt(text: string): string | undefined {
  const m = /^\+?(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)$/.exec(stripPythonSpace(text).text);
  return m ? m[1]!.replaceAll('_', '') : undefined;
}

interface Item {
  text: string;
  offset: number;
}

/** Ids of the set bits of a hex number (most significant digit first), as intervals. */
function hexBits(hex: string): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  for (let i = 0; i < hex.length; i++) {
    const nibble = parseInt(hex[hex.length - 1 - i]!, 16);
    for (let bit = 0; bit < 4; bit++) if (nibble & (1 << bit)) intervals.push([i * 4 + bit, i * 4 + bit]);
  }
  return intervals;
}

/**
 * Parses a tuned cpu list. Where tuned's cpulist_unpack gives up on the whole list
 * (a ValueError: it then returns no CPUs at all) this returns an error at that item.
 * Quirks that tuned survives are notes: an invalid hex mask is logged and ignored,
 * a descending range adds nothing, `A-B-C` ignores `-C`.
 * CPU ids at or above KERNEL_MAX_NR_CPUS are errors: no kernel has them, and tuned
 * would try to expand such a range into a list.
 */
export function parseTunedCpuList(text: string): Parsed<CpuSet> {
  const notes: string[] = [];
  const positives: Array<[number, number]> = [];
  const negations: Array<[number, number]> = [];

  const idOf = (value: bigint, item: Item): number | Parsed<CpuSet> => {
    if (value < 0n) return parsedError(`negative CPU id ${value}`, item.offset, item.text.length);
    if (value >= BigInt(KERNEL_MAX_NR_CPUS)) {
      return parsedError(`CPU id ${value} is beyond any kernel's CPU limit (${KERNEL_MAX_NR_CPUS})`, item.offset, item.text.length);
    }
    return Number(value);
  };

  /** One decimal item (`N` or `A-B`, split on '-' as tuned does); undefined when fine. */
  const addDecimal = (item: Item, body: string, into: Array<[number, number]>): Parsed<CpuSet> | undefined => {
    const wholeListLost = (why: string): Parsed<CpuSet> => {
      // '0x', '^' and '!' only count as the item's very first characters.
      const hint = /^\s+(0[xX]|\^|!)/.test(item.text) ? ` (tuned only sees '0x', '^' or '!' as the item's first character)` : '';
      return parsedError(`${why}${hint}; tuned then reads the whole list as empty`, item.offset, item.text.length);
    };
    const parts = body.split('-');
    const first = pythonInt(parts[0]!);
    if (first === undefined) return wholeListLost(`'${item.text.trim()}' is not a number or range tuned can read`);
    const from = idOf(first, item);
    if (typeof from !== 'number') return from;
    if (parts.length === 1) {
      into.push([from, from]);
      return undefined;
    }
    const last = pythonInt(parts[1]!);
    if (last === undefined) return wholeListLost(`'${item.text.trim()}' has no valid range end`);
    const to = idOf(last, item);
    if (typeof to !== 'number') return to;
    if (parts.length > 2) notes.push(`'${item.text}': tuned ignores '-${parts.slice(2).join('-')}'`);
    if (to < from) notes.push(`'${item.text}': descending range, tuned adds nothing for it`);
    else into.push([from, to]);
    return undefined;
  };

  const items: Item[] = [];
  let offset = 0;
  for (const part of text.split(',')) {
    items.push({ text: part, offset });
    offset += part.length + 1;
  }

  // First pass of cpulist_unpack: gather hex masks across commas, take negations aside.
  const merged: Array<Item & { hex: boolean }> = [];
  let hexMask: (Item & { hex: boolean }) | undefined;
  for (const item of items) {
    if (hexMask) {
      if (item.text.length === 0) {
        merged.push(hexMask);
        hexMask = undefined;
      } else {
        hexMask.text += item.text;
      }
    } else if (item.text.slice(0, 2).toLowerCase() === '0x') {
      hexMask = { ...item, hex: true };
    } else if (item.text[0] === '^' || item.text[0] === '!') {
      const failed = addDecimal(item, item.text.slice(1), negations);
      if (failed) return failed;
    } else if (item.text.length > 0) {
      merged.push({ ...item, hex: false });
    }
  }
  if (hexMask) merged.push(hexMask);

  for (const item of merged) {
    if (item.hex) {
      const digits = pythonHexInt(item.text);
      if (digits === undefined) {
        notes.push(`'${item.text}' is not a valid hex mask: tuned logs an error and ignores it`);
        continue;
      }
      const significant = digits.replace(/^0+/, '');
      if (significant.length * 4 > KERNEL_MAX_NR_CPUS) {
        const top = (significant.length - 1) * 4 + 31 - Math.clz32(parseInt(significant[0]!, 16));
        return parsedError(`hex mask sets CPU ${top}, beyond any kernel's CPU limit (${KERNEL_MAX_NR_CPUS})`, item.offset, item.text.length);
      }
      positives.push(...hexBits(significant));
    } else {
      const failed = addDecimal(item, item.text, positives);
      if (failed) return failed;
    }
  }

  const set = CpuSet.fromIntervals(positives).subtract(CpuSet.fromIntervals(negations));
  return parsedOk(set, notes);
}
