/**
 * The kernel's "cpu list" grammar (Documentation/admin-guide/kernel-parameters.rst
 * "cpu lists"; lib/bitmap-str.c bitmap_parselist), the isolcpus= flag prefix
 * (kernel/sched/isolation.c housekeeping_isolcpus_setup) and the command line
 * splitter (lib/cmdline.c next_arg, kernel/params.c parse_args).
 */
import { CpuSet } from './cpuset.ts';
import { parsedError, parsedOk, type Parsed } from './parsed.ts';

/**
 * The largest CONFIG_NR_CPUS a mainstream architecture allows (x86_64 with MAXSMP).
 * Used as the bitmap width when the caller knows nothing about the host, so ids
 * no kernel could hold are rejected instead of expanded.
 */
export const KERNEL_MAX_NR_CPUS = 8192;

const UINT_MAX = 4294967295;
/** A list whose stride regions expand into more groups than this is refused (a 65,536-bit mask has half as many). */
const MAX_EXPANDED_GROUPS = 1 << 16;

export interface KernelCpuListOptions {
  /** nr_cpu_ids of the host: `N` is nr_cpu_ids-1 and `all` is 0-N. */
  nrCpuIds?: number;
  /**
   * Width of the cpumask being parsed (nr_cpumask_bits). Ids at or above it make
   * bitmap_parselist fail with -ERANGE, and `N` is width-1. Current kernels use
   * nr_cpu_ids; kernels without CONFIG_CPUMASK_OFFSTACK used to use NR_CPUS.
   * Default: nrCpuIds, else KERNEL_MAX_NR_CPUS (with `N`/`all` then an error).
   */
  nbits?: number;
}

// lib/ctype.c isspace: space and \t \n \v \f \r (Latin-1 NBSP is ignored here).
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}
// bitmap-str.c: a region ends at whitespace, a comma, NUL or newline; the string ends at NUL or newline.
function isEndOfString(c: string | undefined): boolean {
  return c === undefined || c === '\n';
}
function isRegionSeparator(c: string | undefined): boolean {
  return isSpace(c) || c === ',';
}
function isEndOfRegion(c: string | undefined): boolean {
  return isRegionSeparator(c) || isEndOfString(c);
}

type NumberRead = { ok: true; value: number; end: number } | { ok: false; error: string };

/** bitmap_getnum: `N` or an unsigned decimal that fits 32 bits; no sign, no whitespace. */
function readNumber(text: string, pos: number, lastBit: number | undefined): NumberRead {
  if (text[pos] === 'N') {
    if (lastBit === undefined) return { ok: false, error: `'N' (the last CPU) needs the host's CPU count` };
    return { ok: true, value: lastBit, end: pos + 1 };
  }
  let value = 0;
  let end = pos;
  while (isDigit(text[end])) {
    if (value <= UINT_MAX) value = value * 10 + (text.charCodeAt(end) - 48);
    end++;
  }
  if (end === pos) return { ok: false, error: 'expected a CPU number' };
  if (value > UINT_MAX) return { ok: false, error: `number ${text.slice(pos, end)} overflows 32 bits` };
  return { ok: true, value, end };
}

function regionSpan(text: string, start: number): { offset: number; length: number } {
  let end = start;
  while (!isEndOfRegion(text[end])) end++;
  return { offset: start, length: Math.max(end - start, text.length > start ? 1 : 0) };
}

function checkedWidth(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 1 || value > UINT_MAX)) {
    throw new RangeError(`${name} must be a positive integer below 2^32, got ${value}`);
  }
  return value;
}

/**
 * Parses a kernel cpu list (isolcpus, nohz_full, rcu_nocbs, irqaffinity, sysfs lists)
 * exactly as bitmap_parselist does: regions `A`, `A-B`, `A-B:used/group`, `N`, `all`
 * (any case), separated by commas or whitespace; empty regions are skipped and an
 * empty list is an empty set. A newline right after a region ends the list.
 */
export function parseKernelCpuList(text: string, opts: KernelCpuListOptions = {}): Parsed<CpuSet> {
  const nrCpuIds = checkedWidth('nrCpuIds', opts.nrCpuIds);
  const nbits = checkedWidth('nbits', opts.nbits) ?? nrCpuIds;
  const lastBit = nbits === undefined ? undefined : nbits - 1;
  const limit = nbits ?? KERNEL_MAX_NR_CPUS;

  const intervals: Array<[number, number]> = [];
  let pos = 0;
  for (;;) {
    // bitmap_find_region: commas and whitespace before a region are skipped.
    while (isRegionSeparator(text[pos])) pos++;
    if (isEndOfString(text[pos])) break;

    const span = regionSpan(text, pos);
    const fail = (message: string): Parsed<CpuSet> => parsedError(message, span.offset, span.length);

    let start: number;
    let end: number;
    let used: number;
    let group: number;
    let stopAfter = false;

    if (text.slice(pos, pos + 3).toLowerCase() === 'all') {
      if (lastBit === undefined) return fail(`'all' needs the host's CPU count`);
      start = 0;
      end = lastBit;
      pos += 3;
    } else {
      const first = readNumber(text, pos, lastBit);
      if (!first.ok) return fail(first.error);
      start = first.value;
      pos = first.end;
      if (isEndOfRegion(text[pos])) {
        end = start;
      } else {
        if (text[pos] !== '-') return fail(`unexpected '${text[pos]}': expected '-', ',' or the end`);
        const last = readNumber(text, pos + 1, lastBit);
        if (!last.ok) return fail(last.error);
        end = last.value;
        pos = last.end;
      }
    }

    if (isEndOfRegion(text[pos])) {
      used = end + 1;
      group = end + 1;
      stopAfter = isEndOfString(text[pos]);
    } else {
      if (text[pos] !== ':') return fail(`unexpected '${text[pos]}': expected ':used/group', ',' or the end`);
      const usedRead = readNumber(text, pos + 1, lastBit);
      if (!usedRead.ok) return fail(usedRead.error);
      pos = usedRead.end;
      if (text[pos] !== '/') return fail(`expected '/' after the used size in 'A-B:used/group'`);
      const groupRead = readNumber(text, pos + 1, lastBit);
      if (!groupRead.ok) return fail(groupRead.error);
      used = usedRead.value;
      group = groupRead.value;
      // bitmap_parse_region does not look past the group size: the next region may follow directly.
      pos = groupRead.end;
    }

    // bitmap_check_region, in the same order.
    if (start > end) return fail(`descending range: ${end} is below ${start}`);
    if (group === 0) return fail('group size 0 in A-B:used/group');
    if (used > group) return fail(`used size ${used} exceeds group size ${group}`);
    if (end >= limit) return fail(`${end} is beyond the cpumask width ${limit} (ids 0-${limit - 1}); the kernel rejects the whole list`);

    // bitmap_set_region: from each group of `group` ids starting at `start`, the first `used`.
    if (used >= group) {
      intervals.push([start, end]);
    } else if (used > 0) {
      // Bounded over the whole list, not per region: `0-8191:1/2,` repeated took gigabytes.
      if (intervals.length + Math.floor((end - start) / group) + 1 > MAX_EXPANDED_GROUPS) return fail('too many groups to expand');
      for (let from = start; from <= end; from += group) intervals.push([from, Math.min(end, from + used - 1)]);
    }
    if (stopAfter) break;
  }
  return parsedOk(CpuSet.fromIntervals(intervals));
}

/** Flags isolcpus= understands (kernel/sched/isolation.c); `nohz` is the same isolation as nohz_full=. */
export type IsolcpusFlag = 'nohz' | 'domain' | 'managed_irq';

export interface IsolcpusValue {
  /** Recognised flags in the order given, without repeats; `['domain']` when none is given. */
  flags: string[];
  cpus: CpuSet;
}

const ISOLCPUS_FLAGS: readonly IsolcpusFlag[] = ['nohz', 'domain', 'managed_irq'];

/**
 * Parses an isolcpus= value: flags, each followed by a comma, then a cpu list.
 * Mirrors housekeeping_isolcpus_setup: while the text starts with a letter it is a
 * flag; an unknown flag made of letters and '_' is skipped (notes say so), one with
 * any other character makes the kernel ignore the whole parameter (error here).
 * So a list that starts with a letter (`all`, `N`) is eaten as an unknown flag:
 * reported as an error, since the kernel then reads past the value.
 */
export function parseIsolcpus(text: string, opts: KernelCpuListOptions = {}): Parsed<IsolcpusValue> {
  const flags: string[] = [];
  const notes: string[] = [];
  let pos = 0;
  while (isAlpha(text[pos])) {
    const known = ISOLCPUS_FLAGS.find((flag) => text.startsWith(`${flag},`, pos));
    if (known !== undefined) {
      if (!flags.includes(known)) flags.push(known);
      pos += known.length + 1;
      continue;
    }
    const tokenStart = pos;
    let illegal = false;
    while (pos < text.length && text[pos] !== ',') {
      if (!isAlpha(text[pos]) && text[pos] !== '_') illegal = true;
      pos++;
    }
    const token = text.slice(tokenStart, pos);
    if (illegal) {
      return parsedError(`isolcpus: invalid flag '${token}'; the kernel ignores the whole isolcpus= value`, tokenStart, token.length);
    }
    if (pos >= text.length) {
      const reason = ISOLCPUS_FLAGS.includes(token as IsolcpusFlag)
        ? `flag '${token}' must be followed by a comma and a CPU list`
        : `'${token}' is read as an unknown flag (isolcpus= takes flags while the text starts with a letter), and no CPU list follows`;
      return parsedError(`isolcpus: ${reason}`, tokenStart, token.length);
    }
    notes.push(`isolcpus: the kernel skips unknown flag '${token}'`);
    pos++;
  }
  if (flags.length === 0) flags.push('domain');

  const list = text.slice(pos);
  const cpus = parseKernelCpuList(list, opts);
  if (!cpus.ok) return parsedError(cpus.error, cpus.offset + pos, cpus.length);
  if (cpus.value.isEmpty) notes.push('isolcpus: the CPU list is empty, so nothing is isolated');
  return parsedOk({ flags, cpus: cpus.value }, notes);
}

export interface KernelParam {
  key: string;
  value: string | undefined;
}

/**
 * Splits a kernel command line into parameters as parse_args/next_arg do:
 * whitespace separates, double quotes protect spaces (`key="a b"` gives `a b`,
 * `"key=a b"` too) and cannot be escaped; `key` without `=` has value undefined;
 * a bare `--` ends the kernel's parameters (the rest goes to init).
 */
export function parseKernelCmdline(cmdline: string): KernelParam[] {
  const params: KernelParam[] = [];
  let pos = 0;
  while (isSpace(cmdline[pos])) pos++;
  while (pos < cmdline.length) {
    let inQuote = false;
    let quoted = false;
    if (cmdline[pos] === '"') {
      pos++;
      inQuote = true;
      quoted = true;
    }
    let i = pos;
    let equals = -1;
    for (; i < cmdline.length; i++) {
      const c = cmdline[i];
      if (isSpace(c) && !inQuote) break;
      if (equals < 0 && c === '=') equals = i;
      if (c === '"') inQuote = !inQuote;
    }
    // next_arg cuts the token with NULs: a closing quote at the very end goes, and the key ends at '='.
    const closingQuote = i > pos && cmdline[i - 1] === '"';
    let end = i;
    let key: string;
    let value: string | undefined;
    if (equals < 0) {
      if (quoted && closingQuote) end = i - 1;
      key = cmdline.slice(pos, end);
    } else {
      key = cmdline.slice(pos, equals);
      let valueStart = equals + 1;
      if (cmdline[valueStart] === '"') {
        valueStart++;
        if (closingQuote) end = i - 1;
      }
      if (quoted && closingQuote) end = i - 1;
      value = cmdline.slice(valueStart, Math.max(valueStart, end));
    }
    pos = i < cmdline.length ? i + 1 : i;
    while (isSpace(cmdline[pos])) pos++;
    if (value === undefined && key === '--') break;
    params.push({ key, value });
  }
  return params;
}

/** Parameter names compare with '-' and '_' equivalent (kernel/params.c parameq). */
function sameParamName(a: string, b: string): boolean {
  return a.length === b.length && a.replaceAll('-', '_') === b.replaceAll('-', '_');
}

/** Every value given for `key`, in command line order (undefined for a bare `key`). */
export function cmdlineParamValues(params: readonly KernelParam[], key: string): Array<string | undefined> {
  return params.filter((p) => sameParamName(p.key, key)).map((p) => p.value);
}

/**
 * The value of the LAST `key` on the command line, undefined when absent or bare.
 *
 * Each occurrence runs the parameter's setup function again (init/main.c
 * obsolete_checksetup), so "last wins" holds for parameters whose setup simply
 * overwrites its mask (irqaffinity=, rcu_nocbs=). It does NOT hold for isolcpus=
 * and nohz_full=: housekeeping_setup (kernel/sched/isolation.c) keeps the first
 * value that parses, and a later one covering the same isolation type must give
 * the same CPUs or is ignored with "Housekeeping: nohz_full= must match isolcpus=".
 * For those use cmdlineParamValues and take the first value that parses.
 */
export function cmdlineParam(params: readonly KernelParam[], key: string): string | undefined {
  const values = cmdlineParamValues(params, key);
  return values[values.length - 1];
}
