/**
 * npm run fuzz                                  100,000 mutations, seed 1
 * npm run fuzz -- --seed 42 --count 500000      another seed, longer
 * npm run fuzz -- --seed 42 --case 1234         replay one case, verbosely
 *
 * A mutational fuzzer (issue 7) over every fixture and example domain
 * (rules/*\/fixtures/**\/*.xml, fixtures/**\/*.xml, examples/**\/*.xml): byte
 * flips and splices, element and attribute deletion, duplication and
 * reordering, values pushed to boundary numbers (0, -1, 2^31, 2^32, 2^53,
 * huge strings, '^', ',,', unicode), inserted comments, CDATA, PIs, entities
 * and inline directives, line-ending and UTF-16 re-encodings, truncation.
 *
 * Each case is fully determined by (seed, case index): its own PRNG stream
 * picks a seed file, 1-4 mutations, and sometimes a host snapshot and sibling
 * domains so host and plan rules run too.
 *
 * Cases run in-process through lint() (LintOptions.overrides carries the
 * mutated text for a real placeholder path; byte-level mutants are written to
 * disk so decoding runs as for a real file), in a worker thread that a
 * watchdog can stop, on an esbuild bundle of the engine: the code that ships,
 * without tsx's per-closure overhead. A sample also runs through the CLI
 * bundle as a subprocess for exit codes.
 *
 * A crash is: an uncaught exception; an exit code other than 0, 1 or 2 (or a
 * stack trace / "internal error" in the output); a case over 2 s (re-run once
 * to rule out a busy machine) or stuck for 30 s (the watchdog stops it); a
 * diagnostic whose range lies outside the file, whose line:column disagree
 * with its range, or whose fix does; a message over 4,000 characters (output
 * blow-up). Cases whose lint offers fixes also go through the --fix loop
 * (lintAndFix), which must not throw or leave a file unparsable. Each crash
 * is written to fuzz-crashes/ (the input plus a JSON with the reproduction
 * command) and printed with `npm run fuzz -- --seed S --case N`.
 *
 * CI runs test/fuzz.test.ts: a fixed seed, 10,000 mutations, 30 through the CLI.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { LintOptions, LintRun } from '../src/engine/runner.ts';
import type { FixOutcome } from '../src/engine/fix.ts';
import type { fastParse as FastParseFn } from '../src/xml/fast-parse.ts';
import type { formatResult as FormatResultFn } from '../src/formats/index.ts';
import { runnerCommands } from '../test/support/runner-commands.ts';
import type { parseXmlWithSaxes as ParseXmlWithSaxesFn } from '../src/xml/parse.ts';
import { elementShape } from '../test/support/xml-shape.ts';
import assert from 'node:assert/strict';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
const SLOW_MS = 2000;
/** A case stuck this long is a hang: the worker is stopped and the case recorded. */
const HANG_MS = 30_000;
const MAX_MESSAGE = 4000;

// ── deterministic randomness ────────────────────────────────────────────────

/** splitmix32 of (seed, index): an independent stream per case. */
function caseSeed(seed: number, index: number): number {
  let z = (Math.imul(seed | 0, 0x9e3779b9) + Math.imul(index | 0, 0x85ebca6b) + 0x6d2b79f5) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32 */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

// ── seeds ───────────────────────────────────────────────────────────────────

export interface Seed {
  /** Relative to the repository root. */
  path: string;
  text: string;
  /** fixtures/hosts/<name>.json named by a `<!-- host: name -->` marker. */
  host: string | undefined;
  /** Other domain files of the same plan fixture (a fixture directory). */
  siblings: string[];
}

function walkXml(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? walkXml(join(dir, e.name)) : e.name.endsWith('.xml') ? [join(dir, e.name)] : []));
}

export function loadSeeds(root = repoRoot): { seeds: Seed[]; hosts: string[] } {
  const files = [
    ...readdirSync(join(root, 'rules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((d) => walkXml(join(root, 'rules', d.name, 'fixtures'))),
    ...walkXml(join(root, 'fixtures')),
    ...walkXml(join(root, 'examples')),
  ];
  const hostDir = join(root, 'fixtures', 'hosts');
  const hosts = readdirSync(hostDir).filter((f) => f.endsWith('.json')).sort().map((f) => join(hostDir, f));
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'latin1')] as const));
  const hostOf = (t: string) => /<!--\s*host:\s*([\w-]+)\s*-->/.exec(t)?.[1];
  const seeds = files.map((f): Seed => {
    // latin1 keeps bytes 1:1, so binary seeds (UTF-16, invalid UTF-8) survive as they are.
    const text = texts.get(f)!;
    // A plan fixture is a directory of domains linted together (rules/<id>/fixtures/<name>/*.xml).
    const inPlan = /^rules\/[^/]+\/fixtures\/[^/]+\/[^/]+\.xml$/.test(relative(root, f));
    const siblings = inPlan ? files.filter((g) => g !== f && dirname(g) === dirname(f) && !g.endsWith('.fixed.xml')) : [];
    const host = hostOf(text) ?? siblings.map((g) => hostOf(texts.get(g)!)).find(Boolean);
    return { path: relative(root, f), text, host, siblings: siblings.map((g) => relative(root, g)) };
  });
  return { seeds, hosts };
}

// ── a tolerant tag scanner (independent of the parser under test) ──────────

interface Span {
  start: number;
  end: number;
}
interface ElementSpan extends Span {
  name: string;
  /** The start tag. */
  tag: Span;
  attrs: Array<Span & { value: Span }>;
  parent: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=<>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function scanElements(text: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  const stack: number[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const [whole, close, name, attrText, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      // pop to the matching open element (tolerating mismatches)
      for (let k = stack.length - 1; k >= 0; k--) {
        if (out[stack[k]!]!.name === name) {
          out[stack[k]!]!.end = m.index + whole.length;
          stack.length = k;
          break;
        }
      }
      continue;
    }
    const attrs: ElementSpan['attrs'] = [];
    const base = m.index + 1 + name.length;
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrText); a; a = ATTR.exec(attrText)) {
      const vStart = base + a.index + a[0].indexOf(a[2]!) + 1;
      attrs.push({ start: base + a.index, end: base + a.index + a[0].length, value: { start: vStart, end: vStart + (a[3] ?? a[4] ?? '').length } });
    }
    const el: ElementSpan = { name, start: m.index, end: m.index + whole.length, tag: { start: m.index, end: m.index + whole.length }, attrs, parent: stack[stack.length - 1] ?? -1 };
    out.push(el);
    if (!selfClose) stack.push(out.length - 1);
  }
  return out;
}

/** Text runs between tags that hold something other than whitespace. */
function textSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = />([^<]*[^<\s][^<]*)</g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[1]!.length - m[1]!.trimStart().length;
    const start = m.index + 1 + lead;
    out.push({ start, end: start + m[1]!.trim().length });
    re.lastIndex = m.index + m[0].length - 1;
  }
  return out;
}

// ── mutations ───────────────────────────────────────────────────────────────

/** Values at the edges of every parser in src/model: int/uint/safe-integer limits, libvirt's 16384-id bitmaps, units. */
const BOUNDARY_VALUES = [
  '0', '-1', '1', '-0', '+1', '00', '01', '16383', '16384', '65535', '65536', '2147483647', '2147483648', '-2147483648',
  '4294967295', '4294967296', '9007199254740991', '9007199254740992', '18446744073709551615', '18446744073709551616',
  '99999999999999999999999999999999', '1e3', '0x10', '1.5', ' 4', '4 ', '', ' ', '^', '^0', '^1-3', ',,', ',', '0,', ',0',
  '0-', '-0', '0--1', '3-1', '0-4294967295', '0-4294967296', '0-16383', '0-16384', '0-1023', '0-1024', '0-4095', '0-4096', '1-16383', '0-2147483647', '1,^1', '^1,1', '0-3,^2,^9',
  '0-+3', '0- 3', '\u{1F600}', '\u00e9', '\u202e', '\uFEFF', '\u0660', '\uFF10', 'NaN', 'Infinity', 'null', 'undefined',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'KiB', 'GiB', 'EiB', 'KB', 'EB', 'b', 'bytes', 'k', 'e', 'ZiB',
  'strict', 'preferred', 'interleave', 'restrictive', 'auto', 'static', 'fifo', 'rr', 'other',
];
const HOSTILE_SNIPPETS = [
  '<!-- -- -->', '<![CDATA[<vcpupin vcpu="0" cpuset="x"/>]]>', '<?pi data?>', '&undefined;', '&amp;', '&#0;', '&#x10FFFF;', '&#xD800;', '&',
  '<!DOCTYPE domain>', ']]>', '<', '>', "'", '"', '\u0000', '\uFFFE', '\r', '\r\n',
  "<vcpupin vcpu='0' cpuset='0-4294967295'/>", "<vcpupin vcpu='99999' cpuset='1'/>", "<emulatorpin cpuset='^0'/>", "<iothreadpin iothread='0' cpuset='0'/>",
  "<vcpusched vcpus='0-4294967295' scheduler='fifo' priority='99'/>", "<page size='0'/>", "<page size='1' unit='GiB' nodeset='0-16383'/>",
  "<memory mode='interleave' nodeset=''/>", "<memnode cellid='4294967295' mode='strict' nodeset='0'/>",
  "<cell id='0' cpus='0-16383' memory='18446744073709551615' unit='KiB'/>", "<topology sockets='0' dies='0' cores='0' threads='0'/>",
  '<vcpu>0</vcpu>', '<vcpu current="99999">4</vcpu>', '<iothreads>4294967295</iothreads>', '<memory unit="EiB">16</memory>',
  '<hugepages/>', '<numatune/>', '<cputune/>', '<cpu><numa/></cpu>',
  '<!-- kvmlint-disable-next-line -->', '<!-- kvmlint-disable-next-line cpuset-syntax value-invalid: fuzz -->', '<!-- kvmlint-disable -->',
  '<!-- kvmlint-enable -->', '<!-- kvmlint-disable-file -->', '<!-- kvmlint-disable value-invalid:  -->', '<!-- kvmlint-enable nonexistent-rule -->',
  '<!-- host: dual-socket -->', '<!-- expect: value-invalid -->',
];

interface Mutant {
  text: string;
  /** Set when the mutation works on bytes (the input is then written to disk and decoded like a real file). */
  bytes?: Buffer;
}

type Mutator = (m: Mutant, rng: Rng, donors: readonly Seed[]) => { result: Mutant; note: string } | undefined;

const bytesOf = (m: Mutant): Buffer => m.bytes ?? Buffer.from(m.text, 'utf8');
const splice = (s: string, start: number, end: number, insert: string): string => s.slice(0, start) + insert + s.slice(end);

function bigString(rng: Rng): string {
  const unit = rng.pick(['9', '0,', '0-1,', 'A', '\u{1F600}', '&amp;', ' ', '^1,']);
  return unit.repeat(1 + rng.int(rng.chance(0.1) ? 200_000 : 2_000));
}

/**
 * What a hostile pull request writes into names, values and comments (issue 14): workflow commands
 * (`::cmd::` at a line start, legacy `##[cmd]` anywhere, after CR or an encoded newline), terminal
 * controls (ESC, OSC, C1 CSI, bidi overrides) and Markdown that would link or load an image.
 */
const PR_SNIPPETS = [
  '::error file=SECURITY.md,line=1::forged', '##[stop-commands]pwned', '##[add-mask]kvmlint', '::add-mask::kvmlint', '::endgroup::',
  '&#10;::error file=SECURITY.md::forged', '&#13;::warning::forged', '\r::notice::forged', '%0A::error::forged', '\u001b]0;title\u0007',
  '\u001b[2J\u001b[H', '\u009b31m', '\u202e', '![t](https://evil.example/t.png)', '[x](javascript:alert(1))', '<img src=x>', '`code`|pipe|',
];

const MUTATORS: ReadonlyArray<[name: string, weight: number, fn: Mutator]> = [
  [
    'pr-hostile-text',
    3,
    (m, rng) => {
      // Into a name, a value or a comment: wherever the text shows up in a finding or a code frame.
      const snippet = rng.pick(PR_SNIPPETS);
      const where = rng.pick(['name', 'value', 'comment']);
      let text = m.text;
      if (where === 'name') text = text.replace(/<name>([^<]*)<\/name>/, (_, n: string) => `<name>${n}${snippet.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : c === '&' && snippet.startsWith('&#') ? '&' : '&amp;'))}</name>`);
      else if (where === 'value') {
        const attrs = [...text.matchAll(/='([^']*)'/g)];
        if (attrs.length === 0) return undefined;
        const a = rng.pick(attrs);
        const at = a.index! + 2 + a[1]!.length;
        text = splice(text, at, at, snippet.replace(/[<']/g, (c) => (c === '<' ? '&lt;' : '&apos;')).replace(/&(?!#|lt;|apos;)/g, '&amp;'));
      } else {
        const lt = [...text.matchAll(/\n/g)];
        const at = lt.length > 0 ? rng.pick(lt).index! + 1 : 0;
        text = splice(text, at, at, `<!-- ${snippet.replace(/--/g, '- -')} -->\n${rng.chance(0.3) ? `${snippet}\n` : ''}`);
      }
      return { result: { text }, note: `PR text in a ${where}: ${JSON.stringify(snippet)}` };
    },
  ],
  [
    'finding-flood',
    1,
    (m, rng) => {
      // Many findings in one file (issue 14: 125,000 overflowed the stack): a bad pin repeated.
      const at = m.text.indexOf('</domain>');
      if (at < 0) return undefined;
      const n = 500 + rng.int(rng.chance(0.05) ? 20_000 : 3_000);
      const unit = rng.pick(["<vcpupin vcpu='0' cpuset='x'/>", "<!-- kvmlint-disable cpuset-syntax --><!-- kvmlint-enable cpuset-syntax -->", "<cputune><vcpupin vcpu='99' cpuset='0-1'/></cputune>"]);
      return { result: { text: splice(m.text, at, at, `${unit}\n`.repeat(n)) }, note: `${n} × ${unit}` };
    },
  ],
  [
    'byte-flip',
    6,
    (m, rng) => {
      const b = Buffer.from(bytesOf(m));
      if (b.length === 0) return undefined;
      const n = 1 + rng.int(4);
      for (let i = 0; i < n; i++) {
        const at = rng.int(b.length);
        b[at] = b[at]! ^ (1 << rng.int(8));
      }
      return { result: { text: '', bytes: b }, note: `flip ${n} bits` };
    },
  ],
  [
    'byte-insert',
    3,
    (m, rng) => {
      const b = bytesOf(m);
      const at = rng.int(b.length + 1);
      const ins = Buffer.from([rng.pick([0x00, 0xff, 0xfe, 0xc0, 0xed, 0x80, 0x3c, 0x26, 0x22, 0x27, 0x0d, 0xef, 0xbb, 0xbf])]);
      return { result: { text: '', bytes: Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]) }, note: `insert byte 0x${ins[0]!.toString(16)} at ${at}` };
    },
  ],
  [
    'truncate',
    3,
    (m, rng) => {
      const at = rng.int(m.text.length + 1);
      return { result: { text: m.text.slice(0, at) }, note: `truncate at ${at}` };
    },
  ],
  [
    'delete-element',
    6,
    (m, rng) => {
      const els = scanElements(m.text).filter((e) => e.parent >= 0);
      if (els.length === 0) return undefined;
      const e = rng.pick(els);
      return { result: { text: splice(m.text, e.start, e.end, '') }, note: `delete <${e.name}>` };
    },
  ],
  [
    'duplicate-element',
    6,
    (m, rng) => {
      const els = scanElements(m.text).filter((e) => e.parent >= 0);
      if (els.length === 0) return undefined;
      const e = rng.pick(els);
      const copies = rng.chance(0.05) ? 500 : 1;
      return { result: { text: splice(m.text, e.end, e.end, m.text.slice(e.start, e.end).repeat(copies)) }, note: `duplicate <${e.name}> x${copies}` };
    },
  ],
  [
    'move-element',
    5,
    (m, rng) => {
      const els = scanElements(m.text).filter((e) => e.parent >= 0);
      if (els.length < 2) return undefined;
      const e = rng.pick(els);
      const piece = m.text.slice(e.start, e.end);
      const rest = splice(m.text, e.start, e.end, '');
      // Reorder among siblings, or move anywhere (even into another element, or out of the root).
      const siblings = els.filter((s) => s.parent === e.parent && s !== e);
      const target = siblings.length > 0 && rng.chance(0.6) ? rng.pick(siblings) : rng.pick(els);
      let at = rng.chance(0.5) ? target.start : target.end;
      if (at > e.start) at -= piece.length;
      at = Math.max(0, Math.min(at, rest.length));
      return { result: { text: splice(rest, at, at, piece) }, note: `move <${e.name}>` };
    },
  ],
  [
    'delete-attribute',
    5,
    (m, rng) => {
      const attrs = scanElements(m.text).flatMap((e) => e.attrs);
      if (attrs.length === 0) return undefined;
      const a = rng.pick(attrs);
      return { result: { text: splice(m.text, a.start, a.end, '') }, note: `delete attribute ${m.text.slice(a.start, a.end).slice(0, 40)}` };
    },
  ],
  [
    'duplicate-attribute',
    3,
    (m, rng) => {
      const els = scanElements(m.text).filter((e) => e.attrs.length > 0);
      if (els.length === 0) return undefined;
      const e = rng.pick(els);
      const a = rng.pick(e.attrs);
      const attr = m.text.slice(a.start, a.end);
      // the same element (malformed) or another element (a stray attribute)
      const to = rng.chance(0.5) ? e : rng.pick(scanElements(m.text));
      const at = to.tag.start + 1 + to.name.length;
      return { result: { text: splice(m.text, at, at, ` ${attr}`) }, note: `copy attribute ${attr.slice(0, 40)} to <${to.name}>` };
    },
  ],
  [
    'reorder-attributes',
    2,
    (m, rng) => {
      const els = scanElements(m.text).filter((e) => e.attrs.length > 1);
      if (els.length === 0) return undefined;
      const e = rng.pick(els);
      const parts = e.attrs.map((a) => m.text.slice(a.start, a.end));
      for (let i = parts.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [parts[i], parts[j]] = [parts[j]!, parts[i]!];
      }
      const first = e.attrs[0]!.start;
      const last = e.attrs[e.attrs.length - 1]!.end;
      return { result: { text: splice(m.text, first, last, parts.join(' ')) }, note: `shuffle attributes of <${e.name}>` };
    },
  ],
  [
    'boundary-value',
    14,
    (m, rng) => {
      const spans: Span[] = [...scanElements(m.text).flatMap((e) => e.attrs.map((a) => a.value)), ...textSpans(m.text)];
      if (spans.length === 0) return undefined;
      const s = rng.pick(spans);
      const old = m.text.slice(s.start, s.end);
      let value: string;
      const roll = rng.int(10);
      if (roll < 6) value = rng.pick(BOUNDARY_VALUES);
      else if (roll < 7) value = bigString(rng);
      else if (roll < 9 && /^\d+$/.test(old)) {
        const n = BigInt(old);
        value = String(rng.pick([n + 1n, n - 1n, n * 1024n, n * 1000n, -n, n ** 2n, 2n ** BigInt(rng.pick([31, 32, 53, 63, 64])) - n]));
      } else value = `${old}${rng.pick([',', '-', '^', ',,', '-4294967295', ' ', '\u{1F600}'])}${rng.pick(BOUNDARY_VALUES)}`;
      return { result: { text: splice(m.text, s.start, s.end, value) }, note: `value '${old.slice(0, 30)}' -> '${value.slice(0, 30)}'${value.length > 30 ? `…(${value.length})` : ''}` };
    },
  ],
  [
    'insert-snippet',
    6,
    (m, rng) => {
      const els = scanElements(m.text);
      const at = els.length > 0 && rng.chance(0.9) ? (rng.chance(0.5) ? rng.pick(els).start : rng.pick(els).end) : rng.int(m.text.length + 1);
      const snippet = rng.pick(HOSTILE_SNIPPETS);
      return { result: { text: splice(m.text, at, at, snippet) }, note: `insert ${snippet.slice(0, 40)} at ${at}` };
    },
  ],
  [
    'splice-from-donor',
    3,
    (m, rng, donors) => {
      const donor = rng.pick(donors);
      const dels = scanElements(donor.text).filter((e) => e.parent >= 0);
      const els = scanElements(m.text);
      if (dels.length === 0 || els.length === 0) return undefined;
      const d = rng.pick(dels);
      const at = rng.pick(els).end;
      return { result: { text: splice(m.text, at, at, donor.text.slice(d.start, d.end)) }, note: `splice <${d.name}> from ${donor.path}` };
    },
  ],
  [
    'line-endings',
    2,
    (m, rng) => {
      const to = rng.pick(['\r\n', '\r', '\n\r', '\u2028', '\u0085']);
      const start = rng.int(m.text.length + 1);
      const end = start + rng.int(m.text.length - start + 1);
      return { result: { text: m.text.slice(0, start) + m.text.slice(start, end).replace(/\r?\n/g, to) + m.text.slice(end) }, note: `line ends -> ${JSON.stringify(to)}` };
    },
  ],
  [
    'encoding',
    1,
    (m, rng) => {
      const kind = rng.pick(['utf16le', 'utf16be', 'utf16le-nobom', 'utf8-bom', 'utf16le-odd']);
      let b: Buffer;
      if (kind === 'utf8-bom') b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(m)]);
      else {
        b = Buffer.from((kind === 'utf16le-nobom' ? '' : '\uFEFF') + m.text, 'utf16le');
        if (kind === 'utf16be') b.swap16();
        if (kind === 'utf16le-odd') b = Buffer.concat([b, Buffer.from([0x3c])]);
      }
      return { result: { text: '', bytes: b }, note: `encode ${kind}` };
    },
  ],
];
const TOTAL_WEIGHT = MUTATORS.reduce((n, [, w]) => n + w, 0);

function pickMutator(rng: Rng): [string, Mutator] {
  let r = rng.int(TOTAL_WEIGHT);
  for (const [name, w, fn] of MUTATORS) {
    if (r < w) return [name, fn];
    r -= w;
  }
  throw new Error('unreachable');
}

export interface FuzzCase {
  index: number;
  seed: Seed;
  notes: string[];
  /** What is linted: text (an override) or bytes (written to disk). */
  text: string;
  bytes: Buffer | undefined;
  hostFile: string | undefined;
  /** Other domains linted with it (unmodified seeds), for plan rules. */
  companions: Seed[];
}

export function makeCase(seeds: readonly Seed[], hosts: readonly string[], seed: number, index: number): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const s = rng.pick(seeds);
  // Seeds are held as latin1 (bytes 1:1); mutate the UTF-8 decoding, keep undecodable seeds as bytes.
  const raw = Buffer.from(s.text, 'latin1');
  const asUtf8 = raw.toString('utf8');
  let m: Mutant = Buffer.from(asUtf8, 'utf8').equals(raw) ? { text: asUtf8 } : { text: asUtf8, bytes: raw };
  const notes: string[] = [];
  const n = 1 + rng.int(rng.chance(0.2) ? 4 : 2);
  for (let i = 0; i < n; i++) {
    const [name, fn] = pickMutator(rng);
    if (m.bytes && name !== 'byte-flip' && name !== 'byte-insert') m = { text: m.bytes.toString('utf8'), bytes: undefined };
    const out = fn(m, rng, seeds);
    if (!out) continue;
    m = out.result;
    notes.push(`${name}: ${out.note}`);
  }
  const hostName = s.host && rng.chance(0.8) ? s.host : undefined;
  const named = hostName ? hosts.find((h) => h.endsWith(`/${hostName}.json`)) : undefined;
  const hostFile = named ?? (rng.chance(0.3) ? rng.pick(hosts) : undefined);
  const companions: Seed[] = [];
  if (hostFile) {
    for (const p of s.siblings) if (rng.chance(0.7)) companions.push(seeds.find((x) => x.path === p)!);
    if (rng.chance(0.2)) companions.push(rng.pick(seeds));
  }
  return { index, seed: s, notes, text: m.bytes ? '' : m.text, bytes: m.bytes, hostFile, companions: companions.filter((c) => c && c.path !== s.path) };
}

// ── checking one result ─────────────────────────────────────────────────────

/** 1-based line/column (UTF-16 units) of an offset; CRLF, LF, lone CR end lines. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Line starts of a text, for checking many positions quickly (same rule as positionOf). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

interface CheckedDiagnostic {
  ruleId: string;
  message: string;
  file: string;
  range: { start: number; end: number };
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ fix: { range: [number, number] } }>;
}

/** Problems with the diagnostics of one run, given each file's text. */
export function checkDiagnostics(diagnostics: readonly CheckedDiagnostic[], sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const starts = new Map<string, number[]>();
  const pos = (file: string, text: string, offset: number) => {
    let s = starts.get(file);
    if (!s) starts.set(file, (s = lineStarts(text)));
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  };
  const malformed = new Map<string, number>();
  for (const d of diagnostics) {
    const text = sources.get(d.file);
    const where = `${d.ruleId} in ${d.file}`;
    if (text === undefined) {
      problems.push(`${where}: no source text for the file`);
      continue;
    }
    const inside = (r: { start: number; end: number }) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length;
    if (!inside(d.range)) {
      problems.push(`${where}: range ${d.range.start}..${d.range.end} outside 0..${text.length}`);
      continue;
    }
    const s = pos(d.file, text, d.range.start);
    const e = pos(d.file, text, d.range.end);
    if (s.line !== d.line || s.column !== d.column || e.line !== d.endLine || e.column !== d.endColumn) {
      problems.push(`${where}: ${d.line}:${d.column}-${d.endLine}:${d.endColumn} but its range ${d.range.start}..${d.range.end} is ${s.line}:${s.column}-${e.line}:${e.column}`);
    }
    if (typeof d.message !== 'string' || d.message.length === 0) problems.push(`${where}: empty message`);
    else if (d.message.length > MAX_MESSAGE) problems.push(`${where}: message of ${d.message.length} characters`);
    for (const f of [d.fix, ...(d.suggestions ?? []).map((x) => x.fix)]) {
      if (f && !inside({ start: f.range[0], end: f.range[1] })) problems.push(`${where}: fix range ${f.range[0]}..${f.range[1]} outside 0..${text.length}`);
    }
    if (d.ruleId === 'xml-malformed') malformed.set(d.file, (malformed.get(d.file) ?? 0) + 1);
  }
  for (const [file, n] of malformed) if (n > 1) problems.push(`${file}: ${n} xml-malformed findings (a malformed file has exactly one)`);
  return problems;
}

// ── the in-process engine: an esbuild bundle of src/engine/runner.ts ───────

type LintFn = (o: LintOptions) => Promise<LintRun>;
type LintAndFixFn = (o: LintOptions) => Promise<FixOutcome>;
export interface Engine {
  lint: LintFn;
  /** Both parsers, for the agreement oracle: whatever the fast path accepts, saxes must accept with the same tree. */
  fastParse?: typeof FastParseFn;
  parseXmlWithSaxes?: typeof ParseXmlWithSaxesFn;
  /** When present, cases whose lint offers fixes are also run through the --fix loop. */
  lintAndFix?: LintAndFixFn;
  /** When present, PR-shaped cases are rendered as text and GitHub annotations and checked for injection. */
  formatResult?: typeof FormatResultFn;
}

/** Bundles lint() as the CLI bundle is built (no tsx keepNames overhead), into `dir`; returns the module path. */
export async function buildEngine(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { engineBuildOptions } = await import('./esbuild-engine.mjs');
  const outfile = join(dir, 'kvmlint-engine.mjs');
  await build({
    ...(await engineBuildOptions()),
    stdin: {
      contents:
        "export { lint } from './src/engine/runner.ts';\nexport { lintAndFix } from './src/engine/fix.ts';\nexport { fastParse } from './src/xml/fast-parse.ts';\nexport { parseXmlWithSaxes } from './src/xml/parse.ts';\nexport { formatResult } from './src/formats/index.ts';", resolveDir: repoRoot, loader: 'ts' },
    outfile,
    sourcemap: 'inline',
  });
  return outfile;
}

/**
 * The worker runs this very file, bundled the same way: a worker thread does not
 * inherit tsx's loader, and the bundle keeps the engine's code free of tsx overhead.
 */
async function buildWorker(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { engineBuildOptions } = await import('./esbuild-engine.mjs');
  const outfile = join(dir, 'kvmlint-fuzz-worker.mjs');
  await build({
    ...(await engineBuildOptions()),
    entryPoints: [fileURLToPath(import.meta.url)],
    outfile,
    external: ['esbuild'],
    sourcemap: 'inline',
  });
  return outfile;
}

export async function loadEngine(path: string): Promise<Engine> {
  process.setSourceMapsEnabled(true);
  const m = (await import(pathToFileURL(path).href)) as Engine;
  return { lint: m.lint, lintAndFix: m.lintAndFix, fastParse: m.fastParse, parseXmlWithSaxes: m.parseXmlWithSaxes, formatResult: m.formatResult };
}

// ── running cases ───────────────────────────────────────────────────────────

export interface Crash {
  index: number;
  kind: 'exception' | 'slow' | 'hang' | 'range' | 'exit-code' | 'output' | 'fix' | 'parser-disagreement';
  detail: string;
  seedFile: string;
  notes: string[];
  hostFile: string | undefined;
}

interface Workspace {
  dir: string;
  /** Placeholder files the overrides stand in for: [0] the mutant, [1..] companions. */
  slots: string[];
}

export function makeWorkspace(dir: string): Workspace {
  const slots = Array.from({ length: 8 }, (_, i) => join(dir, i === 0 ? 'mutant.xml' : `companion-${i}.xml`));
  for (const s of slots) writeFileSync(s, '<domain/>');
  return { dir, slots };
}

/** Runs one case in this thread; returns the crash, if any, and how long lint() took. */
export async function runCase(engine: Engine, ws: Workspace, c: FuzzCase): Promise<{ crash?: Crash; ms: number; rules?: string[] }> {
  const { lint, lintAndFix } = engine;
  const crash = (kind: Crash['kind'], detail: string): Crash => ({ index: c.index, kind, detail, seedFile: c.seed.path, notes: c.notes, hostFile: c.hostFile });
  const overrides = new Map<string, string>();
  const mutantPath = ws.slots[0]!;
  if (c.bytes) writeFileSync(mutantPath, c.bytes);
  else overrides.set(mutantPath, c.text);
  const companions = c.companions.slice(0, ws.slots.length - 1);
  companions.forEach((s, i) => overrides.set(ws.slots[i + 1]!, Buffer.from(s.text, 'latin1').toString('utf8')));
  const options: LintOptions = {
    paths: [mutantPath, ...companions.map((_, i) => ws.slots[i + 1]!)],
    cwd: ws.dir,
    // Set, so lint() does not look for a .git directory on every case.
    root: ws.dir,
    configFile: false,
    hostFile: c.hostFile,
    overrides,
    reportUnusedDisableDirectives: c.index % 3 === 0,
  };
  let run: LintRun;
  let ms: number;
  try {
    let t0 = performance.now();
    run = await lint(options);
    ms = performance.now() - t0;
    if (ms > SLOW_MS) {
      // Once more, to tell a slow case from a busy machine.
      t0 = performance.now();
      run = await lint(options);
      ms = Math.min(ms, performance.now() - t0);
      if (ms > SLOW_MS) return { crash: crash('slow', `lint() took ${ms.toFixed(0)} ms twice (limit ${SLOW_MS} ms)`), ms };
    }
  } catch (e) {
    return { crash: crash('exception', e instanceof Error ? (e.stack ?? e.message) : String(e)), ms: 0 };
  }
  const disagreement = c.bytes ? undefined : parserDisagreement(engine, c.text);
  if (disagreement) return { crash: crash('parser-disagreement', disagreement), ms };
  const problems = checkDiagnostics(run.diagnostics as CheckedDiagnostic[], run.sources);
  if (run.diagnostics.length > 0 && !run.executionSuccessful) problems.push('executionSuccessful is false');
  const rules = [...new Set(run.diagnostics.map((d) => d.ruleId))];
  if (problems.length > 0) return { crash: crash('range', problems.slice(0, 5).join('\n')), ms, rules };
  if (engine.formatResult && (c.index % 10 === 0 || c.notes.some((n) => n.startsWith('PR text')))) {
    const injected = injection(engine.formatResult, run);
    if (injected) return { crash: crash('output', injected), ms, rules };
  }
  if (lintAndFix && run.diagnostics.some((d) => d.fix)) {
    // The --fix loop on the same input: no exception, every fixed text still parses, the final lint is sound.
    try {
      const fixed = await lintAndFix(options);
      const fixProblems = checkDiagnostics(fixed.run.diagnostics as CheckedDiagnostic[], fixed.run.sources);
      if (fixed.unparsable.length > 0) fixProblems.push(`a fix made ${fixed.unparsable.length} file(s) unparsable`);
      if (fixProblems.length > 0) return { crash: crash('fix', fixProblems.slice(0, 5).join('\n')), ms, rules };
    } catch (e) {
      return { crash: crash('exception', `in lintAndFix: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`), ms, rules };
    }
  }
  return { ms, rules };
}

/**
 * Issue 14's oracle: the text report holds no control character but LF and TAB (so no escape
 * sequence reaches a terminal, and no CR starts a runner line), and the GitHub annotations are
 * exactly one runner command per finding, none of them a command the PR's text chose.
 */
function injection(format: typeof FormatResultFn, run: LintRun): string | undefined {
  const text = format('text', run, { color: false });
  const bad = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(text);
  if (bad) return `text report holds U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}`;
  const github = format('github', run, { color: false });
  const commands = runnerCommands(github);
  if (commands.length !== run.diagnostics.length) return `github format: ${commands.length} runner commands for ${run.diagnostics.length} findings`;
  const odd = commands.find((cmd) => !['error', 'warning', 'notice'].includes(cmd.name));
  return odd ? `github format: runner command ${odd.name} from the report` : undefined;
}

/** The fast path's contract (src/xml/fast-parse.ts): it declines, or saxes accepts the text and builds the identical tree. */
function parserDisagreement(engine: Engine, text: string): string | undefined {
  const { fastParse, parseXmlWithSaxes } = engine;
  if (!fastParse || !parseXmlWithSaxes) return undefined;
  const fast = fastParse(text);
  if (!fast) return undefined;
  const reference = parseXmlWithSaxes(text, true);
  if (reference.error) return `the fast path accepted a text saxes rejects: ${reference.error.message} at ${reference.error.line}:${reference.error.column}`;
  try {
    assert.deepEqual(elementShape(fast.root), elementShape(reference.root!));
    assert.deepEqual(fast.comments, reference.comments);
  } catch (e) {
    return `the fast path and saxes built different trees: ${(e as Error).message.slice(0, 1500)}`;
  }
  return undefined;
}

// ── worker: the in-process loop ─────────────────────────────────────────────

interface WorkerInput {
  kind: 'kvmlint-fuzz';
  root: string;
  engine: string;
  seed: number;
  from: number;
  to: number;
  dir: string;
  progress: SharedArrayBuffer;
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.kind === 'kvmlint-fuzz') {
  const input = workerData as WorkerInput;
  const engine = await loadEngine(input.engine);
  const { seeds, hosts } = loadSeeds(input.root);
  const ws = makeWorkspace(input.dir);
  parentPort!.postMessage({ type: 'ready' });
  const progress = new Int32Array(input.progress);
  let lintMs = 0;
  let slowest = { ms: 0, index: -1 };
  const ruleHits: Record<string, number> = {};
  for (let i = input.from; i < input.to; i++) {
    Atomics.store(progress, 0, i);
    const c = makeCase(seeds, hosts, input.seed, i);
    const r = await runCase(engine, ws, c);
    lintMs += r.ms;
    if (r.ms > slowest.ms) slowest = { ms: r.ms, index: i };
    for (const id of r.rules ?? []) ruleHits[id] = (ruleHits[id] ?? 0) + 1;
    if (r.crash) parentPort!.postMessage({ type: 'crash', crash: r.crash });
    Atomics.store(progress, 1, i + 1 - input.from);
  }
  parentPort!.postMessage({ type: 'done', lintMs, slowest, ruleHits });
}

// ── main: orchestration, subprocess sample, reporting ───────────────────────

export interface FuzzOptions {
  seed: number;
  count: number;
  /** How many cases also run through the CLI bundle as a subprocess. */
  subprocess: number;
  crashDir: string;
  log?: (s: string) => void;
  /** A module exporting lint() to fuzz instead of the engine bundle (the fuzzer's own tests). */
  engine?: string;
  /** Watchdog limit for one case; default 30 s. */
  hangMs?: number;
}

export interface FuzzReport {
  count: number;
  crashes: Crash[];
  seconds: number;
  perSecond: number;
  lintMs: number;
  slowest: { ms: number; index: number };
  subprocessRuns: number;
  seeds: number;
  /** Cases in which each rule reported something: how deep the mutants reach past the parser. */
  ruleHits: Record<string, number>;
}

const STACK_FRAME = /^\s+at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;

function runSubprocess(bundle: string, file: string, hostFile: string | undefined): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bundle, '-f', 'json', '--no-config-lookup', ...(hostFile ? ['--host', hostFile] : []), file],
      { timeout: HANG_MS, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, KVMLINT_DEBUG: '' } },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; signal?: string }) | null;
        done({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** Checks one subprocess run of the CLI bundle on a case written to disk. */
async function subprocessCheck(bundle: string, dir: string, c: FuzzCase): Promise<Crash | undefined> {
  const file = join(dir, `subprocess-${c.index}.xml`);
  const bytes = c.bytes ?? Buffer.from(c.text, 'utf8');
  writeFileSync(file, bytes);
  const r = await runSubprocess(bundle, file, c.hostFile);
  rmSync(file, { force: true });
  const crash = (kind: Crash['kind'], detail: string): Crash => ({ index: c.index, kind, detail, seedFile: c.seed.path, notes: c.notes, hostFile: c.hostFile });
  if (r.signal) return crash('hang', `CLI killed by ${r.signal} (timeout ${HANG_MS} ms)`);
  if (r.code !== 0 && r.code !== 1 && r.code !== 2) return crash('exit-code', `CLI exit code ${r.code}: ${r.stderr.slice(0, 500)}`);
  if (STACK_FRAME.test(r.stdout + r.stderr) || /internal error/.test(r.stderr)) return crash('output', `CLI printed a stack trace or internal error: ${r.stderr.slice(0, 500)}`);
  if (r.code === 2) return r.stderr.trim() ? undefined : crash('output', 'exit 2 without a message');
  try {
    const report = JSON.parse(r.stdout) as { diagnostics: CheckedDiagnostic[] };
    // The file as the CLI decoded it: BOM-selected UTF-16, else UTF-8.
    const text =
      bytes[0] === 0xff && bytes[1] === 0xfe
        ? new TextDecoder('utf-16le').decode(bytes)
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? new TextDecoder('utf-16be').decode(bytes)
          : bytes.toString('utf8');
    const mine = report.diagnostics.filter((d) => resolve(dir, d.file) === file || d.file.endsWith(`subprocess-${c.index}.xml`));
    const problems = checkDiagnostics(mine, new Map(mine.map((d) => [d.file, text])));
    return problems.length > 0 ? crash('range', `CLI: ${problems.slice(0, 5).join('\n')}`) : undefined;
  } catch (e) {
    return crash('output', `CLI output is not JSON: ${(e as Error).message}`);
  }
}

function saveCrash(dir: string, seed: number, c: Crash, input: FuzzCase): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `seed${seed}-case${c.index}-${c.kind}`);
  writeFileSync(`${base}.xml`, input.bytes ?? Buffer.from(input.text, 'utf8'));
  writeFileSync(
    `${base}.json`,
    `${JSON.stringify({ ...c, seed, reproduce: `npm run fuzz -- --seed ${seed} --case ${c.index}`, companions: input.companions.map((s) => s.path) }, null, 2)}\n`,
  );
  return base;
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const log = opts.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  const tmp = mkdtempSync(join(tmpdir(), 'kvmlint-fuzz-'));
  const bundle = join(repoRoot, 'dist', 'kvmlint.mjs');
  try {
    const [engine, workerFile] = await Promise.all([opts.engine ?? buildEngine(tmp), buildWorker(tmp)]);
    const hangMs = opts.hangMs ?? HANG_MS;
    const { seeds, hosts } = loadSeeds();
    log(`fuzz: seed ${opts.seed}, ${opts.count} mutations of ${seeds.length} seed files, ${opts.subprocess} through the CLI bundle`);
    const crashes: Crash[] = [];
    const t0 = performance.now();
    let lintMs = 0;
    let slowest = { ms: 0, index: -1 };
    const ruleHits: Record<string, number> = {};

    // Subprocess sample: evenly spread case indices, run one at a time alongside the worker.
    const sample = Array.from({ length: Math.min(opts.subprocess, opts.count) }, (_, k) => Math.floor((k * opts.count) / Math.max(1, opts.subprocess)));
    const subprocessDone = (async () => {
      for (const i of sample) {
        const c = makeCase(seeds, hosts, opts.seed, i);
        const crash = await subprocessCheck(bundle, tmp, c);
        if (crash) {
          crashes.push(crash);
          log(`CRASH (subprocess) ${crash.kind} case ${i}: ${crash.detail.split('\n')[0]}\n  saved ${saveCrash(opts.crashDir, opts.seed, crash, c)}.xml`);
        }
      }
    })();

    // In-process: a worker runs [from, count); a watchdog restarts it past a hung case.
    let from = 0;
    let lastReport = performance.now();
    while (from < opts.count) {
      const progress = new SharedArrayBuffer(8);
      const wsDir = mkdtempSync(join(tmp, 'ws-'));
      const worker = new Worker(workerFile, {
        workerData: { kind: 'kvmlint-fuzz', root: repoRoot, engine, seed: opts.seed, from, to: opts.count, dir: wsDir, progress } satisfies WorkerInput,
      });
      let ready = false;
      const p = new Int32Array(progress);
      const outcome = await new Promise<{ hungAt?: number; error?: Error }>((done) => {
        let current = -1;
        let since = performance.now();
        const timer = setInterval(() => {
          const now = performance.now();
          const at = Atomics.load(p, 0);
          if (!ready) since = now; // start-up (bundle load, seeds) is not a case
          else if (at !== current) {
            current = at;
            since = now;
          } else if (now - since > hangMs) {
            clearInterval(timer);
            void worker.terminate();
            done({ hungAt: at });
          }
          if (now - lastReport > 10_000) {
            lastReport = now;
            const n = from + Atomics.load(p, 1);
            log(`  ${n} / ${opts.count} (${Math.round(n / ((now - t0) / 1000))}/s)`);
          }
        }, 100);
        worker.on('message', (msg: { type: 'ready' } | { type: 'crash'; crash: Crash } | { type: 'done'; lintMs: number; slowest: { ms: number; index: number }; ruleHits: Record<string, number> }) => {
          if (msg.type === 'ready') ready = true;
          else if (msg.type === 'crash') {
            crashes.push(msg.crash);
            const input = makeCase(seeds, hosts, opts.seed, msg.crash.index);
            log(`CRASH ${msg.crash.kind} case ${msg.crash.index} (seed file ${msg.crash.seedFile}; ${msg.crash.notes.join('; ')})\n  ${msg.crash.detail.split('\n').slice(0, 3).join('\n  ')}\n  saved ${saveCrash(opts.crashDir, opts.seed, msg.crash, input)}.xml; reproduce: npm run fuzz -- --seed ${opts.seed} --case ${msg.crash.index}`);
          } else {
            lintMs += msg.lintMs;
            if (msg.slowest.ms > slowest.ms) slowest = msg.slowest;
            for (const [id, n] of Object.entries(msg.ruleHits)) ruleHits[id] = (ruleHits[id] ?? 0) + n;
          }
        });
        worker.on('error', (error) => {
          clearInterval(timer);
          done({ error });
        });
        worker.on('exit', () => {
          clearInterval(timer);
          done({});
        });
      });
      if (outcome.hungAt !== undefined) {
        const c = makeCase(seeds, hosts, opts.seed, outcome.hungAt);
        const crash: Crash = { index: c.index, kind: 'hang', detail: `no progress for ${hangMs} ms`, seedFile: c.seed.path, notes: c.notes, hostFile: c.hostFile };
        crashes.push(crash);
        log(`CRASH hang case ${c.index}: saved ${saveCrash(opts.crashDir, opts.seed, crash, c)}.xml`);
        from = Math.max(outcome.hungAt, from) + 1;
      } else if (outcome.error) {
        // A worker that never got to its first case is the fuzzer's own failure, not a finding.
        if (!ready) throw new Error(`fuzz worker failed to start: ${outcome.error.stack ?? outcome.error.message}`);
        const at = Math.max(Atomics.load(p, 0), from);
        const c = makeCase(seeds, hosts, opts.seed, at);
        const crash: Crash = { index: at, kind: 'exception', detail: `worker died: ${outcome.error.stack ?? outcome.error.message}`, seedFile: c.seed.path, notes: c.notes, hostFile: c.hostFile };
        crashes.push(crash);
        log(`CRASH worker died at case ${at}: ${outcome.error.message}; saved ${saveCrash(opts.crashDir, opts.seed, crash, c)}.xml`);
        from = at + 1;
      } else from = opts.count;
    }
    const inProcessSeconds = (performance.now() - t0) / 1000;
    await subprocessDone;
    const seconds = (performance.now() - t0) / 1000;
    const perSecond = opts.count / inProcessSeconds;
    log(
      `fuzz: ${opts.count} mutations in ${inProcessSeconds.toFixed(1)} s in-process (${Math.round(perSecond)} mutations/s; lint() itself ${(lintMs / opts.count).toFixed(2)} ms per case, slowest ${slowest.ms.toFixed(0)} ms at case ${slowest.index}), ` +
        `${sample.length} through the CLI bundle (${seconds.toFixed(1)} s in all): ${crashes.length} crash${crashes.length === 1 ? '' : 'es'}`,
    );
    log(`rules reporting, by cases: ${Object.entries(ruleHits).sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ')}`);
    return { count: opts.count, crashes, seconds, perSecond, lintMs, slowest, subprocessRuns: sample.length, seeds: seeds.length, ruleHits };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Replays one case in this thread and prints everything about it. */
async function replay(seed: number, index: number): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'kvmlint-fuzz-'));
  try {
    const engine = await loadEngine(await buildEngine(tmp));
    const { seeds, hosts } = loadSeeds();
    const c = makeCase(seeds, hosts, seed, index);
    console.log(`case ${index} of seed ${seed}: ${c.seed.path}${c.hostFile ? ` with host ${relative(repoRoot, c.hostFile)}` : ''}${c.companions.length ? ` and ${c.companions.map((s) => s.path).join(', ')}` : ''}`);
    for (const n of c.notes) console.log(`  ${n}`);
    const ws = makeWorkspace(tmp);
    const r = await runCase(engine, ws, c);
    const sub = await subprocessCheck(join(repoRoot, 'dist', 'kvmlint.mjs'), tmp, c);
    console.log(`lint() ${r.ms.toFixed(1)} ms: ${r.crash ? `CRASH ${r.crash.kind}\n${r.crash.detail}` : 'ok'}`);
    console.log(`CLI bundle: ${sub ? `CRASH ${sub.kind}\n${sub.detail}` : 'ok'}`);
    const out = join(repoRoot, 'fuzz-crashes', `seed${seed}-case${index}-replay.xml`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, c.bytes ?? Buffer.from(c.text, 'utf8'));
    console.log(`input written to ${relative(process.cwd(), out)}`);
    return r.crash || sub ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (isMainThread && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '100000' },
      subprocess: { type: 'string' },
      case: { type: 'string' },
      out: { type: 'string', default: join(repoRoot, 'fuzz-crashes') },
    },
  });
  const seed = Number(values.seed);
  const count = Number(values.count);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
    console.error('usage: npm run fuzz -- [--seed N] [--count N] [--subprocess N] [--case N]');
    process.exit(2);
  }
  if (values.case !== undefined) process.exit(await replay(seed, Number(values.case)));
  try {
    statSync(join(repoRoot, 'dist', 'kvmlint.mjs'));
  } catch {
    console.error('fuzz: dist/kvmlint.mjs is missing: run npm run build first');
    process.exit(2);
  }
  const report = await runFuzz({ seed, count, subprocess: values.subprocess !== undefined ? Number(values.subprocess) : Math.max(20, Math.round(count / 500)), crashDir: resolve(values.out) });
  process.exit(report.crashes.length > 0 ? 1 : 0);
}
