/**
 * `kvmlint snapshot`: reads every fact of host-snapshot.md's table from /sys, /proc
 * and /etc/tuned under a root directory (default `/`) into a HostSnapshot, and
 * prints snapshots as pretty JSON with a stable key order so they diff well in git.
 *
 * A missing file is not an error: its field is left out and named in `missing`.
 * Every CPU list is stored as `{raw, parsed}`: the text exactly as its source
 * printed it (trailing newline dropped) and the canonical list it means, parsed
 * with that source's own grammar (kernel lists for sysfs, tuned's for tuned).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../engine/source.ts';
import { CpuSet } from '../model/cpuset.ts';
import type { HostSnapshot, SnapshotCpu, SnapshotCpuList, SnapshotHugepagePool, SnapshotNode, SnapshotZone } from '../model/host.ts';
import { parseSnapshotCpuList, type CpuListGrammar } from '../model/host-model.ts';
import { parseZoneinfo, ZoneinfoParseError, type ZoneinfoZone } from './zoneinfo.ts';

/** The `$schema` written into captured snapshots: the schema's own `$id`. */
export const HOST_SNAPSHOT_SCHEMA_URL = 'https://raw.githubusercontent.com/kvmlint/kvmlint/main/schemas/host-snapshot.schema.json';

export interface CaptureOptions {
  /** Directory holding `sys/`, `proc/` and `etc/tuned/` (a copy of a host's, or `/`). Default `/`. */
  root?: string;
  /** Capture time written to `capturedAt`; default now. */
  now?: Date;
}

export interface CaptureResult {
  snapshot: HostSnapshot;
  /** Things the reader should know that the snapshot cannot say (unreadable values, derived facts). */
  notes: string[];
}

const CPU = 'sys/devices/system/cpu';
const NODE = 'sys/devices/system/node';
const HUGEPAGES = 'sys/kernel/mm/hugepages';

class TreeReader {
  readonly missing = new Set<string>();
  readonly notes: string[] = [];

  constructor(readonly root: string) {}

  private abs(rel: string): string {
    return join(this.root, rel);
  }

  /** The file's text, or undefined when it does not exist (or cannot be read, with a note). */
  text(rel: string): string | undefined {
    try {
      return readFileSync(this.abs(rel), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.notes.push(`/${rel}: cannot read (${code ?? (err as Error).message}); treated as missing`);
      return undefined;
    }
  }

  /** One line of sysfs/procfs text: the value without its trailing newline. */
  line(rel: string): string | undefined {
    const t = this.text(rel);
    return t === undefined ? undefined : t.replace(/\r?\n$/, '');
  }

  /** A whole number from a one-value file; undefined (with a note) when it is not one. */
  int(rel: string): number | undefined {
    const t = this.line(rel);
    if (t === undefined) return undefined;
    const v = t.trim();
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      this.notes.push(`/${rel}: ${JSON.stringify(v)} is not a whole number; treated as missing`);
      return undefined;
    }
    return Number(v);
  }

  entries(rel: string): string[] | undefined {
    try {
      return readdirSync(this.abs(rel));
    } catch {
      return undefined;
    }
  }

  isDir(rel: string): boolean {
    try {
      return statSync(this.abs(rel)).isDirectory();
    } catch {
      return false;
    }
  }

  miss(name: string): void {
    this.missing.add(name);
  }
}

/** Directory entries `<prefix><number><suffix>` as numbers, ascending. */
function numberedEntries(entries: readonly string[] | undefined, prefix: string, suffix = ''): number[] {
  const re = new RegExp(`^${prefix}(\\d+)${suffix}$`);
  return (entries ?? [])
    .map((e) => re.exec(e))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/**
 * A CPU list as `{raw, parsed}`. undefined (with a note) when the raw text does not
 * parse with its grammar: the loader would reject the whole snapshot for it.
 */
function cpuList(reader: TreeReader, where: string, raw: string, grammar: CpuListGrammar, nrCpuIds: number | undefined): { list: SnapshotCpuList; set: CpuSet } | undefined {
  const r = parseSnapshotCpuList(raw, grammar, nrCpuIds);
  if (!r.ok) {
    reader.notes.push(`${where}: ${JSON.stringify(raw)} is not a ${grammar} CPU list (${r.error}); left out`);
    return undefined;
  }
  return { list: { raw, parsed: r.value.toString() }, set: r.value };
}

/** A sysfs CPU-list file as `{raw, parsed}`, or undefined when missing (named in `missing` as `missingName`). */
function sysfsCpuList(reader: TreeReader, rel: string, missingName: string | undefined, nrCpuIds: number | undefined): { list: SnapshotCpuList; set: CpuSet } | undefined {
  let raw = reader.line(rel);
  if (raw === undefined) {
    if (missingName !== undefined) reader.miss(missingName);
    return undefined;
  }
  // %*pbl of a cpumask that was never allocated (nohz_full on a kernel booted without it) prints "(null)".
  if (raw.trim() === '(null)') {
    reader.notes.push(`/${rel} reads "(null)": the kernel has no such mask, so no CPUs; stored as an empty list`);
    raw = '';
  }
  return cpuList(reader, `/${rel}`, raw, 'kernel', nrCpuIds);
}

/** `Node 0 MemTotal:  65536000 kB` lines of nodeN/meminfo (or `MemTotal:` of /proc/meminfo) → KiB by key. */
function parseMeminfo(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(?:Node\s+\d+\s+)?([A-Za-z0-9_()]+):\s+(\d+)(?:\s+kB)?\s*$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

function readHugepagePools(reader: TreeReader, dir: string): SnapshotHugepagePool[] | undefined {
  const entries = reader.entries(dir);
  if (entries === undefined) return undefined;
  const pools: SnapshotHugepagePool[] = [];
  for (const size of numberedEntries(entries, 'hugepages-', 'kB')) {
    const base = `${dir}/hugepages-${size}kB`;
    const total = reader.int(`${base}/nr_hugepages`);
    if (total === undefined) {
      reader.miss('hugepages');
      continue;
    }
    const pool: SnapshotHugepagePool = { sizeKiB: size, total };
    const free = reader.int(`${base}/free_hugepages`);
    if (free !== undefined) pool.free = free;
    else reader.miss('hugepages.free');
    const surplus = reader.int(`${base}/surplus_hugepages`);
    if (surplus !== undefined) pool.surplus = surplus;
    pools.push(pool);
  }
  return pools;
}

function zoneOf(z: ZoneinfoZone): SnapshotZone {
  // zoneinfo prints *_wmark_pages(), which add the zone's current watermark boost (mm/internal.h);
  // the snapshot keeps the values __setup_per_zone_wmarks() set.
  const boost = z.boost ?? 0;
  return {
    name: z.name,
    managedPages: z.managedPages,
    presentPages: z.presentPages,
    min: z.min - boost,
    low: z.low - boost,
    high: z.high - boost,
  };
}

/** `key=value` lines of a tuned variables file (comments and blank lines skipped); the last assignment wins. */
function parseTunedVariables(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    out.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim());
  }
  return out;
}

/** The variables file a tuned profile reads its isolated_cores from (tuned: profiles/<name>/tuned.conf `include=`). */
function tunedVariablesFile(profile: string | undefined): string[] {
  const names = (profile ?? '').split(/\s+/).filter((p) => p !== '');
  const files: string[] = [];
  for (const p of names) {
    if (p === 'cpu-partitioning' || p === 'cpu-partitioning-powersave') files.push('cpu-partitioning-variables.conf');
    else if (p === 'realtime') files.push('realtime-variables.conf');
    else if (p === 'realtime-virtual-host') files.push('realtime-virtual-host-variables.conf');
    else if (p === 'realtime-virtual-guest') files.push('realtime-virtual-guest-variables.conf');
  }
  return files.length > 0 ? [...new Set(files)] : ['cpu-partitioning-variables.conf'];
}

function captureTuned(reader: TreeReader, nrCpuIds: number | undefined): HostSnapshot['tuned'] {
  if (!reader.isDir('etc/tuned')) {
    reader.miss('tuned');
    return undefined;
  }
  const profileText = reader.line('etc/tuned/active_profile');
  if (profileText === undefined) reader.miss('tuned.activeProfile');
  const profile = profileText?.trim();
  const tuned: NonNullable<HostSnapshot['tuned']> = {};
  if (profile !== undefined && profile !== '') tuned.activeProfile = profile;

  for (const file of tunedVariablesFile(profile)) {
    const rel = `etc/tuned/${file}`;
    const text = reader.text(rel);
    if (text === undefined) continue;
    const vars = parseTunedVariables(text);
    for (const [key, field] of [
      ['isolated_cores', 'isolatedCores'],
      ['no_balance_cores', 'noBalanceCores'],
    ] as const) {
      const raw = vars.get(key);
      if (raw === undefined || tuned[field] !== undefined) continue;
      if (raw.includes('${')) {
        // e.g. the shipped default `isolated_cores=${f:calc_isolated_cores:1}`: tuned evaluates it on the host.
        reader.notes.push(`/${rel}: ${key}=${raw} uses tuned variables or functions that only tuned can evaluate; left out`);
        reader.miss(`tuned.${field}`);
        continue;
      }
      const parsed = cpuList(reader, `/${rel} ${key}`, raw, 'tuned', nrCpuIds);
      if (parsed) tuned[field] = parsed.list;
      else reader.miss(`tuned.${field}`);
    }
  }
  return Object.keys(tuned).length > 0 ? tuned : undefined;
}

/**
 * The base page size as the kernel states it for the capturing process's own
 * mappings (`KernelPageSize:` in /proc/self/smaps; hugetlb mappings show their
 * larger size, so the smallest wins).
 */
function kernelPageSizeKiB(smaps: string | undefined): number | undefined {
  if (smaps === undefined) return undefined;
  let size: number | undefined;
  for (const m of smaps.matchAll(/^KernelPageSize:\s+(\d+) kB$/gm)) {
    const s = Number(m[1]);
    if (s > 0 && (size === undefined || s < size)) size = s;
  }
  return size;
}

/**
 * Fallback when smaps is not in the tree: a node's MemTotal is normally the sum
 * of its zones' managed pages (si_meminfo_node), so MemTotal / Σ managed is the
 * page size when every node with memory agrees and it is a power of two. Not so
 * on every host (seen: a VM whose MemTotal is 3× its zones' managed pages), so
 * undefined unless all of that holds.
 */
function derivePageSizeKiB(nodes: readonly SnapshotNode[]): number | undefined {
  let size: number | undefined;
  for (const n of nodes) {
    if (!n.zones || n.memTotalKiB === undefined) continue;
    const managed = n.zones.reduce((a, z) => a + z.managedPages, 0);
    if (managed === 0 || n.memTotalKiB === 0) continue;
    if (n.memTotalKiB % managed !== 0) return undefined;
    const s = n.memTotalKiB / managed;
    if ((s & (s - 1)) !== 0) return undefined;
    if (size !== undefined && size !== s) return undefined;
    size = s;
  }
  return size;
}

/** Reads the host under `options.root` (default `/`). */
export function captureHost(options: CaptureOptions = {}): CaptureResult {
  const root = resolve(options.root ?? '/');
  const reader = new TreeReader(root);
  if (!reader.isDir(CPU) && !reader.isDir('proc')) {
    throw new UsageError(`${root} has neither sys/devices/system/cpu nor proc: not a Linux /sys and /proc tree`);
  }

  const snapshot: HostSnapshot = { kvmlintHostSnapshot: 1, source: 'capture', nodes: [] };

  const hostname = reader.line('proc/sys/kernel/hostname');
  if (hostname !== undefined && hostname.trim() !== '') snapshot.hostname = hostname.trim();
  else reader.miss('hostname');
  const release = reader.line('proc/sys/kernel/osrelease');
  if (release !== undefined && release.trim() !== '') snapshot.kernelRelease = release.trim();
  else reader.miss('kernelRelease');
  snapshot.capturedAt = (options.now ?? new Date()).toISOString();

  // CPUs the kernel can, does and will run.
  const possible = sysfsCpuList(reader, `${CPU}/possible`, 'cpus.possible', undefined);
  const nrCpuIds = possible?.set.max === undefined ? undefined : possible.set.max + 1;
  const present = sysfsCpuList(reader, `${CPU}/present`, 'cpus.present', nrCpuIds);
  const online = sysfsCpuList(reader, `${CPU}/online`, 'cpus.online', nrCpuIds);
  if (possible || present || online) {
    snapshot.cpus = {};
    if (possible) snapshot.cpus.possible = possible.list;
    if (present) snapshot.cpus.present = present.list;
    if (online) snapshot.cpus.online = online.list;
  }

  // NUMA nodes.
  const zoneinfoText = reader.text('proc/zoneinfo');
  let zoneinfo: ZoneinfoZone[] | undefined;
  if (zoneinfoText === undefined) reader.miss('zoneinfo');
  else {
    try {
      zoneinfo = parseZoneinfo(zoneinfoText);
    } catch (err) {
      if (!(err instanceof ZoneinfoParseError)) throw err;
      reader.notes.push(`${err.message}; zones left out`);
      reader.miss('zoneinfo');
    }
  }

  const nodeIds = nodeIdsOf(reader);
  const hasMemory = sysfsCpuList(reader, `${NODE}/has_memory`, undefined, undefined)?.set;
  const hasCpu = sysfsCpuList(reader, `${NODE}/has_cpu`, undefined, undefined)?.set;
  const cpuNode = new Map<number, number>();

  if (nodeIds === undefined) {
    // No /sys/devices/system/node: a kernel without NUMA, which has one node 0 holding everything.
    reader.notes.push(`no /${NODE}: a kernel without NUMA; node 0 holds every online CPU and /proc/meminfo's memory`);
    const meminfo = reader.text('proc/meminfo');
    const mem = meminfo === undefined ? undefined : parseMeminfo(meminfo);
    const node: SnapshotNode = { id: 0, cpus: online?.list ?? present?.list ?? '' };
    for (const cpu of (online?.set ?? present?.set ?? CpuSet.empty).toArray()) cpuNode.set(cpu, 0);
    if (mem?.get('MemTotal') !== undefined) node.memTotalKiB = mem.get('MemTotal')!;
    else reader.miss('node.memTotal');
    if (mem?.get('MemFree') !== undefined) node.memFreeKiB = mem.get('MemFree')!;
    else reader.miss('node.memFree');
    const pools = readHugepagePools(reader, HUGEPAGES);
    if (pools && pools.length > 0) node.hugepages = pools;
    const zones = zoneinfo?.filter((z) => z.node === 0).map(zoneOf);
    if (zones && zones.length > 0) node.zones = zones;
    snapshot.nodes.push(node);
  } else {
    for (const id of nodeIds) {
      const dir = `${NODE}/node${id}`;
      let cpus = sysfsCpuList(reader, `${dir}/cpulist`, 'node.cpus', nrCpuIds);
      if (!cpus) {
        // No cpulist: the online CPUs whose cpuN/nodeM link names this node (none when has_cpu leaves it out).
        const linked = hasCpu !== undefined && !hasCpu.has(id) ? CpuSet.empty : cpusLinkedToNode(reader, id, online?.set);
        cpus = { list: { raw: linked.toString(), parsed: linked.toString() }, set: linked };
        reader.notes.push(`no /${dir}/cpulist: node ${id}'s CPUs (${linked.toString() || 'none'}) taken from the cpuN/node${id} links`);
      }
      for (const cpu of cpus.set.toArray()) cpuNode.set(cpu, id);
      const node: SnapshotNode = { id, cpus: cpus.list };

      const meminfo = reader.text(`${dir}/meminfo`);
      const mem = meminfo === undefined ? undefined : parseMeminfo(meminfo);
      const total = mem?.get('MemTotal');
      const free = mem?.get('MemFree');
      if (total !== undefined) node.memTotalKiB = total;
      else if (hasMemory !== undefined && !hasMemory.has(id)) node.memTotalKiB = 0;
      else reader.miss('node.memTotal');
      if (free !== undefined) node.memFreeKiB = free;
      else if (hasMemory !== undefined && !hasMemory.has(id)) node.memFreeKiB = 0;
      else reader.miss('node.memFree');

      const distance = reader.line(`${dir}/distance`);
      if (distance === undefined) reader.miss('node.distances');
      else {
        const values = distance.trim().split(/\s+/).filter((v) => v !== '');
        if (values.length === nodeIds.length && values.every((v) => /^\d+$/.test(v))) node.distances = values.map(Number);
        else {
          reader.notes.push(`/${dir}/distance: ${JSON.stringify(distance)} does not give one distance per online node (${nodeIds.length}); left out`);
          reader.miss('node.distances');
        }
      }

      // Memory-less nodes have no hugepages directory: they have no pools.
      const pools = readHugepagePools(reader, `${dir}/hugepages`);
      if (pools && pools.length > 0) node.hugepages = pools;

      const zones = zoneinfo?.filter((z) => z.node === id).map(zoneOf);
      if (zones && zones.length > 0) node.zones = zones;
      snapshot.nodes.push(node);
    }
  }

  // Host-wide hugepage sizes and the default.
  const sizes = numberedEntries(reader.entries(HUGEPAGES), 'hugepages-', 'kB');
  const procMeminfo = reader.text('proc/meminfo');
  const defaultSize = procMeminfo === undefined ? undefined : parseMeminfo(procMeminfo).get('Hugepagesize');
  if (reader.isDir(HUGEPAGES) || defaultSize !== undefined) {
    snapshot.hugepages = {};
    if (defaultSize !== undefined) snapshot.hugepages.defaultSizeKiB = defaultSize;
    if (reader.isDir(HUGEPAGES)) snapshot.hugepages.sizesKiB = sizes;
  } else {
    reader.miss('hugepages');
  }
  if (snapshot.nodes.some((n) => (n.hugepages ?? []).some((p) => p.free === undefined))) reader.miss('hugepages.free');

  const pageSize = kernelPageSizeKiB(reader.text('proc/self/smaps')) ?? derivePageSizeKiB(snapshot.nodes);
  if (pageSize !== undefined) snapshot.pageSizeKiB = pageSize;
  else reader.miss('pageSizeKiB');

  const minFree = reader.int('proc/sys/vm/min_free_kbytes');
  const scale = reader.int('proc/sys/vm/watermark_scale_factor');
  if (minFree === undefined) reader.miss('vm.min_free_kbytes');
  if (scale === undefined) reader.miss('vm.watermark_scale_factor');
  if (minFree !== undefined || scale !== undefined) {
    snapshot.vm = {};
    if (minFree !== undefined) snapshot.vm.minFreeKbytes = minFree;
    if (scale !== undefined) snapshot.vm.watermarkScaleFactor = scale;
  }

  const cmdline = reader.line('proc/cmdline');
  if (cmdline !== undefined) snapshot.kernel = { cmdline: cmdline.trim() };
  else reader.miss('kernel.cmdline');

  const isolated = sysfsCpuList(reader, `${CPU}/isolated`, 'isolation.isolated', nrCpuIds);
  const nohzFull = sysfsCpuList(reader, `${CPU}/nohz_full`, 'isolation.nohzFull', nrCpuIds);
  if (isolated || nohzFull) {
    snapshot.isolation = {};
    if (isolated) snapshot.isolation.isolated = isolated.list;
    if (nohzFull) snapshot.isolation.nohzFull = nohzFull.list;
  }

  const tuned = captureTuned(reader, nrCpuIds);
  if (tuned) snapshot.tuned = tuned;

  const topology = captureCpuTopology(reader, cpuNode, online?.set, nrCpuIds);
  if (topology) snapshot.cpuTopology = topology;
  else reader.miss('cpuTopology');

  if (reader.missing.size > 0) snapshot.missing = [...reader.missing].sort();
  return { snapshot, notes: reader.notes };
}

/** Online node ids from node/online, else the nodeN directories; undefined without a node directory. */
function nodeIdsOf(reader: TreeReader): number[] | undefined {
  const entries = reader.entries(NODE);
  if (entries === undefined) return undefined;
  const online = sysfsCpuList(reader, `${NODE}/online`, 'node.online', undefined);
  if (online) return online.set.toArray();
  return numberedEntries(entries, 'node');
}

/** Online CPUs whose cpuN directory links to nodeN (every present CPU has that link). */
function cpusLinkedToNode(reader: TreeReader, node: number, online: CpuSet | undefined): CpuSet {
  const ids = numberedEntries(reader.entries(CPU), 'cpu').filter(
    (cpu) => (online === undefined || online.has(cpu)) && numberedEntries(reader.entries(`${CPU}/cpu${cpu}`), 'node').includes(node),
  );
  return CpuSet.of(...ids);
}

/** Per-CPU topology of every cpuN directory (present CPUs). Offline CPUs have no topology directory. */
function captureCpuTopology(reader: TreeReader, cpuNode: Map<number, number>, online: CpuSet | undefined, nrCpuIds: number | undefined): SnapshotCpu[] | undefined {
  const cpuIds = numberedEntries(reader.entries(CPU), 'cpu');
  if (cpuIds.length === 0) return undefined;
  const out: SnapshotCpu[] = [];
  for (const cpu of cpuIds) {
    const dir = `${CPU}/cpu${cpu}`;
    const entry: SnapshotCpu = { cpu };
    // The node: from the nodes' cpulists (online CPUs), else the cpuN/nodeM link (kept for offline CPUs).
    let node = cpuNode.get(cpu);
    if (node === undefined) node = numberedEntries(reader.entries(dir), 'node')[0];
    if (node !== undefined) entry.node = node;
    const topo = `${dir}/topology`;
    const socket = reader.int(`${topo}/physical_package_id`);
    if (socket !== undefined) entry.socket = socket;
    const die = reader.int(`${topo}/die_id`);
    if (die !== undefined) entry.die = die;
    const core = reader.int(`${topo}/core_id`);
    if (core !== undefined) entry.core = core;
    const siblings = sysfsCpuList(reader, `${topo}/thread_siblings_list`, undefined, nrCpuIds);
    if (siblings) entry.siblings = siblings.list;
    // cpuN/online is absent for CPUs that cannot be unplugged (usually cpu0): then the online mask says.
    const onlineFlag = reader.int(`${dir}/online`);
    const isOnline = onlineFlag !== undefined ? onlineFlag !== 0 : online === undefined || online.has(cpu);
    if (!isOnline) entry.online = false;
    out.push(entry);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Stable, diff-friendly JSON

/** Key order of each object kind; keys not listed follow in alphabetical order. */
const KEY_ORDER: Record<string, readonly string[]> = {
  snapshot: [
    '$schema',
    'kvmlintHostSnapshot',
    'source',
    'hostname',
    'kernelRelease',
    'capturedAt',
    'missing',
    'cpus',
    'nodes',
    'hugepages',
    'pageSizeKiB',
    'vm',
    'kernel',
    'isolation',
    'tuned',
    'cpuTopology',
  ],
  cpus: ['possible', 'present', 'online'],
  cpuList: ['raw', 'parsed'],
  node: ['id', 'cpus', 'memTotalKiB', 'memFreeKiB', 'distances', 'hugepages', 'zones'],
  pool: ['sizeKiB', 'total', 'free', 'surplus'],
  zone: ['name', 'managedPages', 'presentPages', 'min', 'low', 'high'],
  hugepages: ['defaultSizeKiB', 'sizesKiB'],
  vm: ['minFreeKbytes', 'watermarkScaleFactor'],
  kernel: ['cmdline'],
  isolation: ['isolated', 'nohzFull'],
  tuned: ['activeProfile', 'isolatedCores', 'noBalanceCores'],
  cpu: ['cpu', 'node', 'socket', 'die', 'core', 'siblings', 'online'],
};

/** What kind of object sits at a path (for its key order). */
function kindAt(path: readonly (string | number)[]): string | undefined {
  const p = path.map((s) => (typeof s === 'number' ? '#' : s)).join('.');
  switch (p) {
    case '':
      return 'snapshot';
    case 'cpus':
    case 'hugepages':
    case 'vm':
    case 'kernel':
    case 'isolation':
    case 'tuned':
      return p;
    case 'nodes.#':
      return 'node';
    case 'nodes.#.hugepages.#':
      return 'pool';
    case 'nodes.#.zones.#':
      return 'zone';
    case 'cpuTopology.#':
      return 'cpu';
    default:
      return /^(cpus\.\w+|nodes\.#\.cpus|cpuTopology\.#\.siblings|isolation\.\w+|tuned\.\w+)$/.test(p) ? 'cpuList' : undefined;
  }
}

function ordered(value: unknown, path: (string | number)[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => ordered(v, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const order = KEY_ORDER[kindAt(path) ?? ''] ?? [];
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest]) out[k] = ordered(obj[k], [...path, k]);
  return out;
}

const LINE_WIDTH = 150;

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function pretty(value: unknown, indent: string, prefixWidth: number, top: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Small leaves (a zone, a pool, one CPU, a distance row) stay on one line: one line per fact diffs best.
  // A list of objects (zones, pools, CPUs) always gets one line per entry.
  const listOfObjects = Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object');
  const one = inline(value);
  if (!top && !listOfObjects && indent.length + prefixWidth + one.length <= LINE_WIDTH) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${pretty(v, inner, 0, false)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return `${inner}${key}${pretty(v, inner, key.length, false)}`;
    })
    .join(',\n')}\n${indent}}`;
}

/**
 * A snapshot as pretty JSON with a stable key order (schema order) and one line
 * per small fact, ending in a newline. The same snapshot always gives the same text.
 */
export function formatSnapshot(snapshot: HostSnapshot): string {
  // Written files move between directories, so a relative `$schema` would break: always the schema's URL.
  const doc = { ...snapshot, $schema: HOST_SNAPSHOT_SCHEMA_URL } as Record<string, unknown>;
  return `${pretty(ordered(doc, []), '', 0, true)}\n`;
}
