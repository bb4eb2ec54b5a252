/**
 * Reads a host snapshot file: detects its format by content, parses it, validates
 * it against schemas/host-snapshot.schema.json and checks what a schema cannot
 * (unique node ids, each CPU in one node, CPU lists that parse). Every error names
 * the field as a JSON path (`nodes[1].memFreeKiB`) so the user can find it.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/host-snapshot.schema.json' with { type: 'json' };
import type { CpuSet } from '../model/cpuset.ts';
import type { HostSnapshot } from '../model/host.ts';
import { cpuListRaw, nrCpuIdsOf, parseSnapshotCpuList, snapshotCpuListFields } from '../model/host-model.ts';
import { importCapabilities, looksLikeCapabilities } from './capabilities.ts';
import { importNumactl, looksLikeNumactl } from './numactl.ts';

export interface TextRange {
  /** UTF-16 offsets into the file text, end exclusive. */
  start: number;
  end: number;
}

export class HostSnapshotError extends Error {
  /** JSON path of the offending field (`nodes[1].memFreeKiB`); empty for the document as a whole. */
  readonly field: string;
  /** The snapshot file. */
  readonly file: string;
  /** Where the field's value (or the syntax error) is in the file text, when known. */
  readonly range: TextRange | undefined;

  constructor(file: string, field: string, problem: string, range?: TextRange) {
    super(field === '' ? `${file}: ${problem}` : `${file}: ${field}: ${problem}`);
    this.name = 'HostSnapshotError';
    this.file = file;
    this.field = field;
    this.range = range;
  }
}

// ---------------------------------------------------------------------------
// JSON paths and locating values in the text

type PathSegment = string | number;

/** `nodes[1].memFreeKiB` (or `nodes.1.memFreeKiB`) → ['nodes', 1, 'memFreeKiB']. */
export function parseJsonPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1] !== '') out.push(/^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function formatJsonPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

function isJsonSpace(c: number): boolean {
  // JSON whitespace, plus a leading BOM which the loader tolerates.
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/**
 * The UTF-16 range of the JSON value at `dottedPath` (`vm.minFreeKbytes`,
 * `nodes[1].memFreeKiB`) in `text`; a string value's range includes its quotes.
 * undefined when the path is not in the document or the text is not JSON there.
 */
export function locateJsonKey(text: string, dottedPath: string): TextRange | undefined {
  const path = parseJsonPath(dottedPath);
  let pos = 0;
  const skipSpace = (): void => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  /** End of the string token starting at `at` (a quote), or -1. */
  const stringEnd = (at: number): number => {
    let i = at + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) return i + 1;
      else i++;
    }
    return -1;
  };
  /** End of the value starting at `at`, or -1. */
  const valueEnd = (at: number): number => {
    const c = text[at];
    if (c === '"') return stringEnd(at);
    if (c === '{' || c === '[') {
      let depth = 0;
      let i = at;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          i = stringEnd(i);
          if (i < 0) return -1;
          continue;
        }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') {
          depth--;
          if (depth === 0) return i + 1;
        }
        i++;
      }
      return -1;
    }
    const m = /^[^\s,\]}]+/.exec(text.slice(at, at + 64));
    return m ? at + m[0].length : -1;
  };

  skipSpace();
  for (const seg of path) {
    const open = text[pos];
    if (open === '{' && typeof seg === 'string') {
      pos++;
      let found = false;
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') return undefined;
        const keyEnd = stringEnd(pos);
        if (keyEnd < 0) return undefined;
        let key: string;
        try {
          key = JSON.parse(text.slice(pos, keyEnd)) as string;
        } catch {
          return undefined;
        }
        pos = keyEnd;
        skipSpace();
        if (text[pos] !== ':') return undefined;
        pos++;
        skipSpace();
        if (key === seg) {
          found = true;
          break;
        }
        const end = valueEnd(pos);
        if (end < 0) return undefined;
        pos = end;
        skipSpace();
        if (text[pos] !== ',') return undefined;
        pos++;
      }
      if (!found) return undefined;
    } else if (open === '[' && typeof seg === 'number') {
      pos++;
      for (let i = 0; ; i++) {
        skipSpace();
        if (text[pos] === ']') return undefined;
        if (i === seg) break;
        const end = valueEnd(pos);
        if (end < 0) return undefined;
        pos = end;
        skipSpace();
        if (text[pos] !== ',') return undefined;
        pos++;
      }
    } else {
      return undefined;
    }
  }
  const end = valueEnd(pos);
  return end < 0 ? undefined : { start: pos, end };
}

// ---------------------------------------------------------------------------
// Schema validation

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  // Compiled on first use: plain lint runs without --host never pay for it.
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(schema);
  return validator;
}

function pointerToSegments(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' && !Number.isInteger(v)) return `the number ${v}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

export function describeAjvError(e: ErrorObject): { segments: PathSegment[]; problem: string } {
  const segments = pointerToSegments(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const got = describeValue(e.data);
  switch (e.keyword) {
    case 'required':
      return { segments: [...segments, String(params.missingProperty)], problem: 'is required but missing' };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
      const hint = near ? ` (did you mean "${near}"?)` : known.length > 0 ? ` (known fields: ${known.join(', ')})` : '';
      return { segments: [...segments, name], problem: `is not a known field${hint}` };
    }
    case 'type': {
      const types = String(params.type).split(',');
      if (types.includes('string') && types.includes('object')) {
        return { segments, problem: `must be a CPU list: a string like "0-3,8" or {"raw": "0-3,8"}, not ${got}` };
      }
      return { segments, problem: `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}, not ${got}` };
    }
    case 'minimum':
      return { segments, problem: `must be at least ${String(params.limit)}, not ${String(e.data)}` };
    case 'maximum':
      return { segments, problem: `must be at most ${String(params.limit)}, not ${String(e.data)}` };
    case 'const':
      if (segments.length === 1 && segments[0] === 'kvmlintHostSnapshot') {
        return { segments, problem: `format version ${JSON.stringify(e.data)} is not supported: this kvmlint reads version 1` };
      }
      return { segments, problem: `must be ${JSON.stringify(params.allowedValue)}, not ${got}` };
    case 'enum':
      return {
        segments,
        problem: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${got}`,
      };
    case 'minItems':
      return { segments, problem: `must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'uniqueItems':
      return { segments, problem: `has the same value twice (entries ${String(params.j)} and ${String(params.i)})` };
    case 'minLength':
      return { segments, problem: 'must not be empty' };
    default:
      return { segments, problem: e.message ?? `fails schema keyword ${e.keyword}` };
  }
}

// ---------------------------------------------------------------------------
// Checks the schema cannot express

function semanticErrors(s: HostSnapshot): Array<{ field: string; problem: string }> {
  const errors: Array<{ field: string; problem: string }> = [];
  const nrCpuIds = nrCpuIdsOf(s);

  const parsedAt = new Map<string, CpuSet>();
  for (const f of snapshotCpuListFields(s)) {
    const r = parseSnapshotCpuList(f.list, f.grammar, nrCpuIds);
    if (!r.ok) {
      errors.push({
        field: f.path,
        problem: `${JSON.stringify(cpuListRaw(f.list))} is not a valid ${f.grammar === 'tuned' ? 'tuned' : 'kernel'} CPU list: ${r.error}`,
      });
      continue;
    }
    parsedAt.set(f.path, r.value);
    if (typeof f.list !== 'string' && f.list.parsed !== undefined) {
      const p = parseSnapshotCpuList(f.list.parsed, 'kernel', nrCpuIds);
      if (!p.ok || !p.value.equals(r.value)) {
        const parsedPath = f.path.replace(/\.raw$/, '.parsed');
        errors.push({
          field: parsedPath,
          problem: `${JSON.stringify(f.list.parsed)} does not match raw ${JSON.stringify(f.list.raw)} (which means ${r.value.toString() || 'no CPUs'}); fix or drop "parsed"`,
        });
      }
    }
  }

  const firstIndexOfNode = new Map<number, number>();
  const owner = new Map<number, { node: number; index: number; cpus: CpuSet }>();
  s.nodes.forEach((n, i) => {
    const prev = firstIndexOfNode.get(n.id);
    if (prev !== undefined) {
      errors.push({ field: `nodes[${i}].id`, problem: `node id ${n.id} appears twice (also nodes[${prev}].id)` });
    } else firstIndexOfNode.set(n.id, i);

    const cpusPath = typeof n.cpus === 'string' ? `nodes[${i}].cpus` : `nodes[${i}].cpus.raw`;
    const cpus = parsedAt.get(cpusPath);
    if (cpus) {
      for (const other of owner.values()) {
        const shared = cpus.intersect(other.cpus);
        if (!shared.isEmpty) {
          errors.push({
            field: cpusPath,
            problem: `CPU${shared.size > 1 ? 's' : ''} ${shared.toString()} ${shared.size > 1 ? 'are' : 'is'} also in node ${other.node} (nodes[${other.index}].cpus); a CPU belongs to one node`,
          });
        }
      }
      owner.set(i, { node: n.id, index: i, cpus });
    }

    if (n.memTotalKiB !== undefined && n.memFreeKiB !== undefined && n.memFreeKiB > n.memTotalKiB) {
      errors.push({ field: `nodes[${i}].memFreeKiB`, problem: `${n.memFreeKiB} exceeds memTotalKiB ${n.memTotalKiB}` });
    }
    if (n.distances !== undefined && n.distances.length !== s.nodes.length) {
      errors.push({
        field: `nodes[${i}].distances`,
        problem: `has ${n.distances.length} entr${n.distances.length === 1 ? 'y' : 'ies'} but there are ${s.nodes.length} nodes (one distance per node, in the order of "nodes")`,
      });
    }
    const sizes = new Map<number, number>();
    (n.hugepages ?? []).forEach((p, k) => {
      const prevK = sizes.get(p.sizeKiB);
      if (prevK !== undefined) {
        errors.push({ field: `nodes[${i}].hugepages[${k}].sizeKiB`, problem: `pool size ${p.sizeKiB} KiB appears twice (also hugepages[${prevK}])` });
      } else sizes.set(p.sizeKiB, k);
      if (p.free !== undefined && p.free > p.total + (p.surplus ?? 0)) {
        errors.push({ field: `nodes[${i}].hugepages[${k}].free`, problem: `${p.free} free pages exceed the pool's ${p.total} (+${p.surplus ?? 0} surplus)` });
      }
    });
    const zoneNames = new Map<string, number>();
    (n.zones ?? []).forEach((z, k) => {
      const prevK = zoneNames.get(z.name);
      if (prevK !== undefined) errors.push({ field: `nodes[${i}].zones[${k}].name`, problem: `zone ${z.name} appears twice (also zones[${prevK}])` });
      else zoneNames.set(z.name, k);
    });
  });

  const seenCpu = new Map<number, number>();
  (s.cpuTopology ?? []).forEach((c, k) => {
    const prev = seenCpu.get(c.cpu);
    if (prev !== undefined) errors.push({ field: `cpuTopology[${k}].cpu`, problem: `CPU ${c.cpu} appears twice (also cpuTopology[${prev}])` });
    else seenCpu.set(c.cpu, k);
    if (c.node !== undefined && !firstIndexOfNode.has(c.node)) {
      errors.push({ field: `cpuTopology[${k}].node`, problem: `node ${c.node} is not in "nodes"` });
    }
  });

  const sizesKiB = s.hugepages?.sizesKiB;
  const def = s.hugepages?.defaultSizeKiB;
  if (def !== undefined && sizesKiB !== undefined && !sizesKiB.includes(def)) {
    errors.push({ field: 'hugepages.defaultSizeKiB', problem: `${def} is not one of hugepages.sizesKiB (${sizesKiB.join(', ')})` });
  }
  return errors;
}

// ---------------------------------------------------------------------------
// Loading

/**
 * Where JSON text first breaks the grammar (RFC 8259), and why. JSON.parse's own
 * message carries no position for some errors (Node 20: "Unexpected token"), so
 * the loader finds it itself to point the user at a line and column.
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  let pos = 0;
  const fail = (reason: string): never => {
    throw { offset: pos, reason };
  };
  const ws = (): void => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  const describeHere = (): string => (pos >= text.length ? 'the end of the file' : JSON.stringify(text[pos]));
  const literal = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail(`unexpected ${describeHere()}`);
  };
  const string = (): void => {
    pos++;
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return;
      }
      if (c < 0x20) fail('control character in a string (escape it)');
      if (c === 0x5c) {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('bad \\u escape');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail('bad escape in a string');
      } else pos++;
    }
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!m) fail(`unexpected ${describeHere()}`);
    pos += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[pos];
    if (c === '{') {
      pos++;
      ws();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
        string();
        ws();
        if (text[pos] !== ':') fail(`expected ':' after the property name, found ${describeHere()}`);
        pos++;
        value();
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${describeHere()}`);
      }
    } else if (c === '[') {
      pos++;
      ws();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${describeHere()}`);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`unexpected ${describeHere()}`);
  };
  try {
    value();
    ws();
    if (pos < text.length) fail(`unexpected ${describeHere()} after the document`);
    return undefined;
  } catch (e) {
    if (e !== null && typeof e === 'object' && 'offset' in e) return e as { offset: number; reason: string };
    throw e;
  }
}

export function jsonSyntaxError(text: string, path: string, err: Error): HostSnapshotError {
  let found: { offset: number; reason: string } | undefined;
  try {
    found = findJsonSyntaxError(text);
  } catch {
    found = undefined; // e.g. nesting too deep for the checker's recursion
  }
  if (!found) return new HostSnapshotError(path, '', `not valid JSON: ${err.message}`);
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - before.lastIndexOf('\n');
  return new HostSnapshotError(path, '', `not valid JSON at line ${line}, column ${column}: ${found.reason}`, {
    start: found.offset,
    end: Math.min(found.offset + 1, text.length),
  });
}

/** Parses and validates snapshot JSON text; `path` names the file in errors. */
export function loadHostSnapshotText(text: string, path: string): HostSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  } catch (err) {
    throw jsonSyntaxError(text, path, err as Error);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HostSnapshotError(path, '', `a host snapshot is a JSON object, not ${describeValue(data)}`);
  }

  const validate = schemaValidator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    const first = errors[0];
    if (first) {
      const { segments, problem } = describeAjvError(first);
      const field = formatJsonPath(segments);
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
      const range = locateJsonKey(text, field) ?? locateJsonKey(text, formatJsonPath(segments.slice(0, -1)));
      throw new HostSnapshotError(path, field, problem + more, field === '' ? undefined : range);
    }
    throw new HostSnapshotError(path, '', 'does not match the host snapshot schema');
  }

  const snapshot = data as HostSnapshot;
  const semantic = semanticErrors(snapshot);
  const first = semantic[0];
  if (first) {
    const more = semantic.length > 1 ? ` (and ${semantic.length - 1} more problem${semantic.length > 2 ? 's' : ''})` : '';
    throw new HostSnapshotError(path, first.field, first.problem + more, locateJsonKey(text, first.field));
  }
  return snapshot;
}

/** A host input converted to a snapshot, with what the reader should know about the conversion. */
export interface HostImport {
  snapshot: HostSnapshot;
  /** Facts left out and why; empty for a JSON snapshot. */
  notes: string[];
}

/**
 * One accepted host input format (host-snapshot.md): a JSON snapshot, `virsh
 * capabilities` XML or `numactl --hardware` text, each recognising its own content.
 */
export interface HostImporter {
  name: string;
  detect(text: string): boolean;
  load(text: string, path: string): HostImport;
}

/**
 * An imported snapshot passes the same schema and consistency checks as a JSON one;
 * a failure there names the snapshot field the input could not fill properly.
 */
function checkedImport(imp: HostImport, path: string, what: string): HostImport {
  try {
    loadHostSnapshotText(JSON.stringify(imp.snapshot), path);
  } catch (err) {
    if (!(err instanceof HostSnapshotError)) throw err;
    const prefix = err.field === '' ? `${path}: ` : `${path}: ${err.field}: `;
    throw new HostSnapshotError(path, err.field, `after converting ${what}: ${err.message.slice(prefix.length)}`);
  }
  return imp;
}

const jsonImporter: HostImporter = {
  name: 'kvmlint host snapshot (JSON)',
  detect: (text) => /^[\s\ufeff]*\{/.test(text),
  load: (text, path) => ({ snapshot: loadHostSnapshotText(text, path), notes: [] }),
};

const capabilitiesImporter: HostImporter = {
  name: '`virsh capabilities` XML',
  detect: looksLikeCapabilities,
  load: (text, path) => checkedImport(importCapabilities(text, path), path, 'virsh capabilities'),
};

const numactlImporter: HostImporter = {
  name: '`numactl --hardware` output',
  detect: looksLikeNumactl,
  load: (text, path) => checkedImport(importNumactl(text, path), path, 'numactl --hardware output'),
};

const importers: HostImporter[] = [jsonImporter, capabilitiesImporter, numactlImporter];

/** Detects a host input by content and converts it to a checked snapshot, with notes on the conversion. */
export function importHostText(text: string, path: string): HostImport & { format: string } {
  const importer = importers.find((i) => i.detect(text));
  if (importer) return { ...importer.load(text, path), format: importer.name };
  const start = /^[\s\ufeff]*/.exec(text)![0].length;
  const accepted = importers.map((i) => i.name).join(', ');
  if (text[start] === '<') {
    const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(start).replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/, ''));
    throw new HostSnapshotError(
      path,
      '',
      `XML${root ? ` whose root is <${root[1]}>` : ''} is not a host description: give \`virsh capabilities\` XML (root <capabilities>), ` +
        `a JSON host snapshot (kvmlint snapshot) or \`numactl --hardware\` output`,
    );
  }
  throw new HostSnapshotError(path, '', `not a recognised host input (accepted: ${accepted})`);
}

/** Detects a host input by content and loads it as a checked snapshot. */
export function loadHostText(text: string, path: string): HostSnapshot {
  return importHostText(text, path).snapshot;
}

export function loadHostFile(path: string): { snapshot: HostSnapshot; text: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new HostSnapshotError(path, '', code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`);
  }
  return { snapshot: loadHostText(text, path), text };
}
