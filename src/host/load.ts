/**
 * Reads a host snapshot file: detects its format by content, parses it, validates
 * it against schemas/host-snapshot.schema.json and checks what a schema cannot
 * (unique node ids, each CPU in one node, CPU lists that parse). Every error names
 * the field as a JSON path (`nodes[1].memFreeKiB`) so the user can find it.
 */
import { readRegularFile } from '../engine/source.ts';
import { HOST_SNAPSHOT_SCHEMA } from '../generated/host-snapshot-schema.ts';
import { compileSchema, type SchemaValidator } from '../json/schema-validator.ts';
import type { CpuSet } from '../model/cpuset.ts';
import { MAX_HOST_NODES, type HostSnapshot, type SnapshotCpu } from '../model/host.ts';
import { cpuListRaw, cpuPartsRepresentative, nrCpuIdsOf, parseSnapshotCpuList, snapshotCpuListFields } from '../model/host-model.ts';
import { jsonEqual } from '../json/equal.ts';
import { importCapabilities, looksLikeCapabilities } from './capabilities.ts';
import { describeAjvError, describeJsonSyntaxError, describeValue, duplicateJsonKey, formatJsonPath, locateJsonKey, type AjvWording, type TextRange } from '../json/document.ts';

// The JSON-document helpers used to live here; older imports still find them.
export { findJsonSyntaxError, formatJsonPath, locateJsonKey, parseJsonPath, type TextRange } from '../json/document.ts';
import { importNumactl, looksLikeNumactl } from './numactl.ts';
import { uuidKey } from '../model/domain-identity.ts';
import { excerpt } from '../model/describe.ts';


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
// Schema validation

let snapshotValidator: SchemaValidator | undefined;

/** schemas/host-snapshot.schema.json (scripts/gen-validators.ts), compiled by the first run that loads a snapshot. */
function schemaValidator(): SchemaValidator {
  return (snapshotValidator ??= compileSchema(JSON.parse(HOST_SNAPSHOT_SCHEMA) as Record<string, unknown>));
}


// ---------------------------------------------------------------------------
// Checks the schema cannot express

/**
 * Snapshots whose CPU parts (sameCpuParts) were checked and found consistent: a fleet's snapshots
 * share a few, and checking them again for every host was a third of loading one.
 */
const consistentCpuParts = new WeakSet<HostSnapshot>();

/** semanticErrors, skipping the checks of CPU parts already found consistent in another snapshot. */
function snapshotErrors(s: HostSnapshot): Array<{ field: string; problem: string }> {
  const rep = cpuPartsRepresentative(s);
  if (consistentCpuParts.has(rep)) return semanticErrors(s, false);
  const errors = semanticErrors(s, true);
  if (errors.length === 0) consistentCpuParts.add(rep);
  return errors;
}

/** The checks a schema cannot make; those of CPU lists, node ids and CPU topology only with `checkCpus`. */
function semanticErrors(s: HostSnapshot, checkCpus: boolean): Array<{ field: string; problem: string }> {
  const errors: Array<{ field: string; problem: string }> = [];
  if (s.nodes.length > MAX_HOST_NODES) return [{ field: 'nodes', problem: `${s.nodes.length} nodes: Linux has at most ${MAX_HOST_NODES} NUMA nodes` }];
  const nrCpuIds = checkCpus ? nrCpuIdsOf(s) : undefined;
  // kernel/sched/rt.c sched_rt_handler: the runtime is -1 or at most the period.
  const rt = s.kernel;
  if (rt?.rtRuntimeUs !== undefined && rt.rtRuntimeUs !== -1 && rt.rtRuntimeUs > (rt.rtPeriodUs ?? 1_000_000)) {
    errors.push({ field: 'kernel.rtRuntimeUs', problem: `${rt.rtRuntimeUs} exceeds the period ${rt.rtPeriodUs ?? 1_000_000} (the kernel takes -1 or at most sched_rt_period_us)` });
  }

  const parsedAt = new Map<string, CpuSet>();
  for (const f of checkCpus ? snapshotCpuListFields(s) : []) {
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
      if (checkCpus) errors.push({ field: `nodes[${i}].id`, problem: `node id ${n.id} appears twice (also nodes[${prev}].id)` });
    } else firstIndexOfNode.set(n.id, i);

    const cpusPath = typeof n.cpus === 'string' ? `nodes[${i}].cpus` : `nodes[${i}].cpus.raw`;
    const cpus = checkCpus ? parsedAt.get(cpusPath) : undefined;
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

    if (n.memTotalKiB !== undefined && n.reclaimableKiB !== undefined && n.reclaimableKiB > n.memTotalKiB) {
      errors.push({ field: `nodes[${i}].reclaimableKiB`, problem: `${n.reclaimableKiB} exceeds memTotalKiB ${n.memTotalKiB}` });
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
  (checkCpus ? (s.cpuTopology ?? []) : []).forEach((c, k) => {
    const prev = seenCpu.get(c.cpu);
    if (prev !== undefined) errors.push({ field: `cpuTopology[${k}].cpu`, problem: `CPU ${c.cpu} appears twice (also cpuTopology[${prev}])` });
    else seenCpu.set(c.cpu, k);
    if (c.node !== undefined && !firstIndexOfNode.has(c.node)) {
      errors.push({ field: `cpuTopology[${k}].node`, problem: `node ${c.node} is not in "nodes"` });
    }
  });

  errors.push(...runningDuplicates(s));

  const sizesKiB = s.hugepages?.sizesKiB;
  const def = s.hugepages?.defaultSizeKiB;
  if (def !== undefined && sizesKiB !== undefined && !sizesKiB.includes(def)) {
    errors.push({ field: 'hugepages.defaultSizeKiB', problem: `${def} is not one of hugepages.sizesKiB (${sizesKiB.join(', ')})` });
  }
  return errors;
}

/**
 * What runs on a host, given twice: the drift rules read the first running guest of a uuid or name
 * (virDomainObjListFindByUUID finds one), so a clean copy listed before the real one hid its drift while a
 * reviewer read the second. A host runs one guest per uuid, name and pid, and the kernel gives each task
 * its own tid and each IRQ its number; a capture writes each node and page size of a guest's memory once.
 */
function runningDuplicates(s: HostSnapshot): Array<{ field: string; problem: string }> {
  const errors: Array<{ field: string; problem: string }> = [];
  const running = s.running;
  if (!running) return errors;
  const once = <T>(seen: Map<T, string>, key: T | undefined, field: string, what: string): void => {
    if (key === undefined) return;
    const prev = seen.get(key);
    if (prev !== undefined) errors.push({ field, problem: `${what} appears twice (also ${prev}); a host runs it once, so say it once` });
    else seen.set(key, field);
  };
  const names = new Map<string, string>();
  const uuids = new Map<string, string>();
  const pids = new Map<number, string>();
  const tids = new Map<number, string>();
  (running.guests ?? []).forEach((g, i) => {
    const at = `running.guests[${i}]`;
    once(names, g.name, `${at}.name`, `guest name ${JSON.stringify(excerpt(g.name))}`);
    once(uuids, uuidKey(g.uuid), `${at}.uuid`, `guest uuid ${JSON.stringify(excerpt(g.uuid ?? ''))}`);
    once(pids, g.pid, `${at}.pid`, `pid ${g.pid}`);
    g.threads.forEach((t, k) => once(tids, t.tid, `${at}.threads[${k}].tid`, `tid ${t.tid}`));
    const memory = new Map<string, string>();
    (g.memory ?? []).forEach((m, k) => once(memory, `${m.node}/${m.pageSizeKiB}`, `${at}.memory[${k}]`, `node ${m.node} with ${m.pageSizeKiB} KiB pages`));
    const cells = new Map<string, string>();
    (g.cellMemory ?? []).forEach((m, k) => once(cells, `${m.cell}/${m.node}/${m.pageSizeKiB}`, `${at}.cellMemory[${k}]`, `cell ${m.cell} on node ${m.node} with ${m.pageSizeKiB} KiB pages`));
  });
  (running.foreignTasks ?? []).forEach((t, k) => once(tids, t.tid, `running.foreignTasks[${k}].tid`, `tid ${t.tid}`));
  const irqs = new Map<number, string>();
  (running.irqs ?? []).forEach((q, k) => once(irqs, q.irq, `running.irqs[${k}].irq`, `IRQ ${q.irq}`));
  return errors;
}

// ---------------------------------------------------------------------------
// Loading

function jsonSyntaxError(text: string, path: string, err: Error): HostSnapshotError {
  const { problem, range } = describeJsonSyntaxError(text, err);
  return new HostSnapshotError(path, '', problem, range);
}

/** Host-snapshot wording for two schema errors: CPU list fields and the format version. */
const snapshotWording: AjvWording = (e, segments, got) => {
  const type = String((e.params as { type?: unknown }).type);
  if (e.keyword === 'type' && type.split(',').includes('string') && type.split(',').includes('object')) {
    return `must be a CPU list: a string like "0-3,8" or {"raw": "0-3,8"}, not ${got}`;
  }
  // Every count and size is bounded by 2^53 − 1 (the schema's maximum): above it a JSON number is no longer
  // exact (9007199254740993 reads as …992) and 1e308 KiB made watermarks of 2e+305 KiB.
  if (e.keyword === 'maximum' && (e.params as { limit?: unknown }).limit === Number.MAX_SAFE_INTEGER) {
    return `${got} is larger than a snapshot value can be (at most ${Number.MAX_SAFE_INTEGER}, exact in JSON)`;
  }
  if (e.keyword === 'const' && segments.length === 1 && segments[0] === 'kvmlintHostSnapshot') {
    return `format version ${JSON.stringify(e.data)} is not supported: this kvmlint reads version 1`;
  }
  return undefined;
};

// ---------------------------------------------------------------------------
// Shared CPU topology

/**
 * `cpuTopology` arrays already parsed and validated, with their exact text. A fleet's hosts of one
 * hardware model carry the same array (48 CPUs: half of a snapshot's bytes and most of its
 * objects), and parsing and validating it again for each of 1,700 hosts was a fifth of linting
 * them. Shared arrays are frozen: no host can change another's.
 */
const sharedTopologies: Array<{ text: string; sample: number; topology: readonly SnapshotCpu[] }> = [];
/** Distinct topologies kept: a fleet has a few; a run over many distinct ones stops adding. */
const MAX_SHARED_TOPOLOGIES = 64;
/** Stands in for the array while the rest of the snapshot is parsed: a string only the stand-in can produce. */
const TOPOLOGY_STAND_IN = '"\\u0000"';

/** Where the top-level `"cpuTopology": [...]` array seems to be: a guess, proven or refuted by parsing. */
function topologySpan(text: string): { start: number; end: number } | undefined {
  const key = text.indexOf('"cpuTopology"');
  if (key < 0) return undefined;
  let i = key + '"cpuTopology"'.length;
  while (isJsonSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3a /* : */) return undefined;
  i++;
  while (isJsonSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x5b /* [ */) return undefined;
  // The schema's topology entries hold no arrays: the first ']' ends it (or the text is not one seen before).
  const close = text.indexOf(']', i);
  return close < 0 ? undefined : { start: i, end: close + 1 };
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The snapshot in `text` when its `cpuTopology` is text seen before and the rest is valid, else
 * undefined (and the full load decides, with its own errors). Sound because the stand-in is a
 * string no other part of the text can produce (the text has no `\u0000` escape, and JSON allows
 * no raw U+0000): finding it as the top-level `cpuTopology` proves the span stood at exactly that
 * value, and any JSON value (the known array) may take a value's place. The schema checks the
 * array's items on their own, so a snapshot with an empty array there passes exactly when it
 * passes with the known, valid one.
 */
function loadWithKnownTopology(text: string): HostSnapshot | undefined {
  if (sharedTopologies.length === 0 || text.includes('\\u0000')) return undefined;
  const span = topologySpan(text);
  if (span === undefined) return undefined;
  const topology = knownTopology(text.slice(span.start, span.end));
  if (topology === undefined) return undefined;
  let data: unknown;
  const standIn = text.slice(0, span.start) + TOPOLOGY_STAND_IN + text.slice(span.end);
  try {
    data = JSON.parse(standIn);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if ((data as { cpuTopology?: unknown }).cpuTopology !== '\u0000') return undefined;
  // The known topology's text was checked for repeated names when it was first loaded.
  if (duplicateJsonKey(standIn, data) !== undefined) return undefined;
  const snapshot = data as HostSnapshot;
  snapshot.cpuTopology = [];
  if (!schemaValidator()(snapshot)) return undefined;
  snapshot.cpuTopology = topology as SnapshotCpu[];
  return snapshotErrors(snapshot).length === 0 ? snapshot : undefined;
}

/** Keeps a valid snapshot's `cpuTopology` for the hosts after it, when its text parses to the same array. */
function shareTopology(text: string, snapshot: HostSnapshot): void {
  if (snapshot.cpuTopology === undefined || sharedTopologies.length >= MAX_SHARED_TOPOLOGIES) return;
  const span = topologySpan(text);
  if (span === undefined) return;
  const spanText = text.slice(span.start, span.end);
  if (knownTopology(spanText) !== undefined) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(spanText);
  } catch {
    return;
  }
  if (!jsonEqual(parsed, snapshot.cpuTopology)) return;
  for (const cpu of snapshot.cpuTopology) {
    if (typeof cpu.siblings === 'object') Object.freeze(cpu.siblings);
    Object.freeze(cpu);
  }
  sharedTopologies.push({ text: spanText, sample: sampleOf(spanText), topology: Object.freeze(snapshot.cpuTopology) });
}

/**
 * The shared array whose text is exactly `spanText`. Found by length and a sample of characters,
 * then proven by `===` (a memory compare): as a Map key the ~10 KB text was hashed character by
 * character for every host, 13 of a snapshot's 35 µs.
 */
function knownTopology(spanText: string): readonly SnapshotCpu[] | undefined {
  const sample = sampleOf(spanText);
  for (const shared of sharedTopologies) {
    if (shared.sample === sample && shared.text.length === spanText.length && shared.text === spanText) return shared.topology;
  }
  return undefined;
}

/** One character in 61 of `text`, hashed: unlike arrays of one length mostly differ there, and it costs ~0.2 µs. */
function sampleOf(text: string): number {
  let sample = 0;
  for (let i = 0; i < text.length; i += 61) sample = (Math.imul(sample, 31) + text.charCodeAt(i)) | 0;
  return sample;
}

/** Parses and validates snapshot JSON text; `path` names the file in errors. */
export function loadHostSnapshotText(text: string, path: string): HostSnapshot {
  const known = loadWithKnownTopology(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  if (known !== undefined) return known;
  const snapshot = loadHostSnapshotTextFully(text, path);
  shareTopology(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, snapshot);
  return snapshot;
}

function loadHostSnapshotTextFully(text: string, path: string): HostSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  } catch (err) {
    throw jsonSyntaxError(text, path, err as Error);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HostSnapshotError(path, '', `a host snapshot is a JSON object, not ${describeValue(data)}`);
  }
  // JSON.parse keeps the last of two equal names: a reviewer reading the first would read a value that is not used.
  const duplicate = duplicateJsonKey(text, data);
  if (duplicate) {
    const name = text.indexOf('"', duplicate.offset + 1);
    throw new HostSnapshotError(path, duplicate.path, 'appears twice in the same object; JSON keeps the last, so say it once', { start: duplicate.offset, end: name + 1 });
  }

  const validate = schemaValidator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    const first = errors[0];
    if (first) {
      const { segments, problem } = describeAjvError(first, snapshotWording);
      const field = formatJsonPath(segments);
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
      const range = locateJsonKey(text, field) ?? locateJsonKey(text, formatJsonPath(segments.slice(0, -1)));
      throw new HostSnapshotError(path, field, problem + more, field === '' ? undefined : range);
    }
    throw new HostSnapshotError(path, '', 'does not match the host snapshot schema');
  }

  const snapshot = data as HostSnapshot;
  const semantic = snapshotErrors(snapshot);
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

/**
 * Where the first element could start after `start`: past XML declarations, processing instructions,
 * comments and a DOCTYPE. A loop of searches, not a repeated group in a regular expression: three
 * million comments overflowed that expression's stack.
 */
function afterProlog(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const end = text.startsWith('<?', i) ? text.indexOf('?>', i + 2) + 2 : text.startsWith('<!--', i) ? text.indexOf('-->', i + 4) + 3 : text.startsWith('<!DOCTYPE', i) ? text.indexOf('>', i) + 1 : -1;
    // -1: no such item here; 1, 2 or 3: an item that never ends (indexOf gave -1).
    if (end <= 3) return i;
    i = end;
  }
}

/** Detects a host input by content and converts it to a checked snapshot, with notes on the conversion. */
export function importHostText(text: string, path: string): HostImport & { format: string } {
  const importer = importers.find((i) => i.detect(text));
  if (importer) return { ...importer.load(text, path), format: importer.name };
  const start = /^[\s\ufeff]*/.exec(text)![0].length;
  const accepted = importers.map((i) => i.name).join(', ');
  if (text[start] === '<') {
    const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(afterProlog(text, start), afterProlog(text, start) + 256));
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

/** A host input (kvmlint JSON, capabilities XML, numactl text) of a 1024-node machine is a few MB. */
export const MAX_HOST_FILE_BYTES = 64 * 1024 * 1024;

export function loadHostFile(path: string): { snapshot: HostSnapshot; text: string } {
  let text: string;
  try {
    text = readRegularFile(path, MAX_HOST_FILE_BYTES).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new HostSnapshotError(path, '', code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message.replace(`${path}: `, '')}`);
  }
  return { snapshot: loadHostText(text, path), text };
}
