/**
 * Builds the HostModel that rules read from a HostSnapshot: every CPU list parsed
 * with its own grammar, nodes indexed, hugepage pools, and the isolated and
 * housekeeping sets of rules.md §0.
 */
import { jsonEqual } from '../json/equal.ts';
import { CpuSet } from './cpuset.ts';
import type {
  HostHugepagePool,
  HostIsolation,
  HostIsolationLayers,
  HostModel,
  HostNode,
  HostSnapshot,
  IsolationFact,
  SnapshotCpuList,
} from './host.ts';
import { buildCpuPlaces, type CpuPlaces } from './cpu-topology.ts';
import { buildCpuClasses, type HostCpuClasses } from './cpu-capacity.ts';
import { buildIsolationLayers, cpuListFailure, type AppliedIsolationParam } from './isolation-layers.ts';
import { cmdlineParam, parseIsolcpus, parseKernelCmdline, parseKernelCpuList } from './kernel-cpulist.ts';
import type { Parsed } from './parsed.ts';
import { parseTunedCpuList } from './tuned-cpulist.ts';
import { DEFAULT_WATERMARK_SCALE_FACTOR } from './watermarks.ts';
import { mapPacked } from '../packed-arrays.ts';

/** Which grammar a snapshot CPU list is written in (host-snapshot.md: parse each with its own). */
export type CpuListGrammar = 'kernel' | 'tuned';

export interface SnapshotCpuListField {
  /** JSON path of the text that is parsed, e.g. `nodes[1].cpus` or `cpus.online.raw`. */
  path: string;
  list: SnapshotCpuList;
  grammar: CpuListGrammar;
}

export function cpuListRaw(list: SnapshotCpuList): string {
  return typeof list === 'string' ? list : list.raw;
}

/**
 * Parses one snapshot CPU list. An empty (or blank) list is the empty set: sysfs
 * prints an empty line for `isolated` and `nohz_full` when nothing is isolated.
 */
export function parseSnapshotCpuList(list: SnapshotCpuList, grammar: CpuListGrammar, nrCpuIds?: number): Parsed<CpuSet> {
  const raw = cpuListRaw(list).trim();
  if (raw === '') return { ok: true, value: CpuSet.empty };
  if (grammar === 'tuned') return parseTunedCpuList(raw);
  // A snapshot holds a sibling list per CPU ('5', '5,69'), and a fleet has a hundred snapshots alike.
  if (raw.length > 64) return parseKernelCpuList(raw, nrCpuIds === undefined ? {} : { nrCpuIds });
  const key = `${nrCpuIds ?? ''}\0${raw}`;
  let parsed = kernelListMemo.get(key);
  if (parsed === undefined) {
    if (kernelListMemo.size >= 4096) kernelListMemo.clear();
    kernelListMemo.set(key, (parsed = Object.freeze(parseKernelCpuList(raw, nrCpuIds === undefined ? {} : { nrCpuIds }))));
  }
  return parsed;
}

const kernelListMemo = new Map<string, Parsed<CpuSet>>();

/** Every CPU list in a snapshot with its JSON path and grammar (also used by the loader to name bad fields). */
export function snapshotCpuListFields(s: HostSnapshot): SnapshotCpuListField[] {
  const out: SnapshotCpuListField[] = [];
  const add = (path: string, list: SnapshotCpuList | undefined, grammar: CpuListGrammar): void => {
    if (list === undefined || list === null) return;
    out.push({ path: typeof list === 'string' ? path : `${path}.raw`, list, grammar });
  };
  add('cpus.possible', s.cpus?.possible, 'kernel');
  add('cpus.present', s.cpus?.present, 'kernel');
  add('cpus.online', s.cpus?.online, 'kernel');
  (s.nodes ?? []).forEach((n, i) => add(`nodes[${i}].cpus`, n.cpus, 'kernel'));
  (s.cpuTopology ?? []).forEach((c, i) => add(`cpuTopology[${i}].siblings`, c.siblings, 'kernel'));
  add('isolation.isolated', s.isolation?.isolated, 'kernel');
  add('isolation.nohzFull', s.isolation?.nohzFull, 'kernel');
  add('tuned.isolatedCores', s.tuned?.isolatedCores, 'tuned');
  add('tuned.noBalanceCores', s.tuned?.noBalanceCores, 'tuned');
  const running = s.running;
  if (running) {
    add('running.isolatedCpus', running.isolatedCpus, 'kernel');
    (running.guests ?? []).forEach((g, i) =>
      g.threads.forEach((t, k) => add(`running.guests[${i}].threads[${k}].allowedCpus`, t.allowedCpus, 'kernel')),
    );
    (running.foreignTasks ?? []).forEach((t, i) => add(`running.foreignTasks[${i}].allowedCpus`, t.allowedCpus, 'kernel'));
    (running.irqs ?? []).forEach((q, i) => {
      add(`running.irqs[${i}].affinity`, q.affinity, 'kernel');
      add(`running.irqs[${i}].effectiveAffinity`, q.effectiveAffinity, 'kernel');
    });
  }
  return out;
}

/** nr_cpu_ids as the kernel derives it from the possible mask; what `N` (last CPU) in a kernel list refers to. */
export function nrCpuIdsOf(s: HostSnapshot): number | undefined {
  if (s.cpus?.possible === undefined) return undefined;
  const p = parseSnapshotCpuList(s.cpus.possible, 'kernel');
  return p.ok && p.value.max !== undefined ? p.value.max + 1 : undefined;
}

function mustParse(field: SnapshotCpuListField | undefined, nrCpuIds: number | undefined): CpuSet | undefined {
  if (!field) return undefined;
  const r = parseSnapshotCpuList(field.list, field.grammar, nrCpuIds);
  // The loader rejects unparseable lists first; reaching this means the snapshot was not loaded through it.
  if (!r.ok) throw new Error(`${field.path}: ${r.error}`);
  return r.value;
}

/**
 * Kernel memparse() size (`2M`, `1G`, `2048k`, plain bytes) in KiB; used for
 * `default_hugepagesz=`. undefined when it does not parse.
 */
export function memparseKiB(text: string): number | undefined {
  const m = /^(\d+)([kmgtpe]?)$/i.exec(text.trim());
  if (!m) return undefined;
  const shift = { '': 0, k: 10, m: 20, g: 30, t: 40, p: 50, e: 60 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't' | 'p' | 'e'];
  const bytes = BigInt(m[1]!) << BigInt(shift);
  const kib = bytes / 1024n;
  return kib > 0n && kib <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(kib) : undefined;
}

/** tuned profiles whose isolated_cores isolate CPUs (tuned: profiles/cpu-partitioning, profiles/realtime*). */
export function isIsolatingTunedProfile(profile: string): boolean {
  return profile.split(/\s+/).some((p) => /^(cpu-partitioning|realtime)/.test(p));
}

/**
 * The active tuned profiles followed by every profile they include (`tuned.includes`),
 * space separated: a custom profile with `include=cpu-partitioning` isolates like
 * cpu-partitioning. undefined when the active profile is unknown.
 */
export function tunedProfileChain(s: HostSnapshot): string | undefined {
  const active = s.tuned?.activeProfile;
  if (active === undefined) return undefined;
  return [active, ...(s.tuned?.includes ?? [])].join(' ');
}

interface IsolationContext {
  snapshot: HostSnapshot;
  possible: CpuSet | undefined;
  present: CpuSet | undefined;
  online: CpuSet;
  nrCpuIds: number | undefined;
  /** Parses the CPU list at a JSON path (without `.raw`), undefined when absent. */
  cpuList(path: string, list: SnapshotCpuList | undefined): CpuSet | undefined;
}

/** Isolation types a command-line parameter sets up (kernel/sched/isolation.c): scheduler domains, and the nohz_full "kernel noise" group. */
type IsolationKind = 'domain' | 'nohz';

interface CommandLineIsolation extends AppliedIsolationParam {
  kinds: IsolationKind[];
}

function beyondPossibleNote(name: string, value: string, cpu: number, possible: CpuSet): string {
  return (
    `${name}=${value} names CPU ${cpu}, beyond the possible CPUs ${possible.toString()}; ` +
    `the kernel may reject the whole value, so none of its CPUs are treated as isolated`
  );
}

/**
 * One isolcpus=/nohz_full= occurrence as housekeeping_setup() would take it (with no
 * isolation kind, and a note, for managed_irq alone); else, with a note, 'rejected'
 * (the kernel drops it).
 */
function commandLineOccurrence(
  name: string,
  value: string,
  ctx: IsolationContext,
  notes: string[],
  facts: IsolationFact[],
): CommandLineIsolation | 'rejected' {
  const widthOpts = ctx.nrCpuIds === undefined ? {} : { nrCpuIds: ctx.nrCpuIds };
  let kinds: IsolationKind[] = ['nohz'];
  let flags: string[] = [];
  let parsed: Parsed<CpuSet>;
  if (name === 'isolcpus') {
    const r = parseIsolcpus(value, widthOpts);
    if (r.ok) {
      for (const n of r.notes ?? []) notes.push(n);
      // housekeeping_isolcpus_setup(): no flag means "domain"; managed_irq alone only steers
      // managed interrupts and leaves the scheduler alone.
      kinds = (['domain', 'nohz'] as const).filter((k) => r.value.flags.includes(k));
      flags = r.value.flags;
      if (kinds.length === 0) {
        notes.push(`isolcpus=${value} has only the ${r.value.flags.join(',')} flag, which does not isolate CPUs from the scheduler`);
        facts.push({ kind: 'not-isolating', param: name, value, flags: r.value.flags });
        // Still applied by the kernel (managed interrupts avoid these CPUs), but no isolation type here.
        return { name, value, kinds: [], flags, cpus: r.value.cpus };
      }
      parsed = { ok: true, value: r.value.cpus };
    } else parsed = r;
  } else {
    parsed = parseKernelCpuList(value, widthOpts);
  }

  if (!parsed.ok) {
    // cpulist_parse() fails on a CPU past the cpumask (nr_cpu_ids wide on current kernels) and
    // housekeeping_setup() then drops the whole value. Tell that case apart from a syntax error.
    const fact = cpuListFailure(name, value, parsed.error, ctx.possible);
    if (fact.kind === 'beyond-possible') notes.push(beyondPossibleNote(name, value, fact.cpu, fact.possible));
    else notes.push(`${name}=${value} does not parse (${parsed.error}); the kernel ignores it, so it isolates nothing`);
    facts.push(fact);
    return 'rejected';
  }
  let cpus = parsed.value;
  // Only reachable when the possible CPUs are known but nr_cpu_ids is not consistent with them.
  if (ctx.possible?.max !== undefined && cpus.max !== undefined && cpus.max > ctx.possible.max) {
    notes.push(beyondPossibleNote(name, value, cpus.max, ctx.possible));
    facts.push({ kind: 'beyond-possible', param: name, value, cpu: cpus.max, possible: ctx.possible });
    return 'rejected';
  }
  // housekeeping_setup(): when no present CPU would be left for housekeeping, the boot CPU stays one.
  const present = ctx.present ?? ctx.online;
  if (!present.isEmpty && present.isSubsetOf(cpus) && cpus.has(0)) {
    cpus = cpus.subtract(CpuSet.of(0));
    notes.push(`${name}=${value} leaves no present CPU for housekeeping; the kernel keeps the boot CPU (assumed CPU 0)`);
    facts.push({ kind: 'boot-cpu-kept', param: name, value });
  }
  return { name, value, kinds, flags, cpus };
}

/** The command line's isolated CPUs: isolcpus (domain/nohz) ∪ nohz_full, in command-line order. */
function commandLineIsolation(
  cmdline: string,
  ctx: IsolationContext,
  notes: string[],
  facts: IsolationFact[],
): { cpus: CpuSet; sources: string[]; declared: boolean; applied: CommandLineIsolation[] } {
  const params = parseKernelCmdline(cmdline);
  const applied: CommandLineIsolation[] = [];
  let declared = false;
  for (const p of params) {
    const name = p.key.replaceAll('-', '_');
    if (name !== 'isolcpus' && name !== 'nohz_full') continue;
    if (p.value === undefined) {
      notes.push(`${name} without a value is ignored`);
      facts.push({ kind: 'missing-value', param: name });
      continue;
    }
    const occ = commandLineOccurrence(name, p.value, ctx, notes, facts);
    if (occ !== 'rejected') occ.param = `${p.key}=${p.value}`;
    if (occ !== 'rejected' && occ.kinds.length === 0) {
      applied.push(occ);
      continue;
    }
    // A value the kernel drops still shows that the host meant to isolate CPUs.
    declared = true;
    if (occ === 'rejected') continue;
    // housekeeping_setup(): a later parameter setting up an isolation type already set up must
    // name the same CPUs, else "Housekeeping: nohz_full= must match isolcpus=" and it is ignored whole.
    const clash = applied.find((a) => a.kinds.some((k) => occ.kinds.includes(k)) && !a.cpus.equals(occ.cpus));
    if (clash) {
      notes.push(
        `${name}=${occ.value} is ignored: it sets up the same isolation as the earlier ${clash.name}=${clash.value} with other CPUs ` +
          `(the kernel warns "nohz_full= must match isolcpus=")`,
      );
      facts.push({ kind: 'ignored-mismatch', param: name, value: occ.value, cpus: occ.cpus, earlier: { param: clash.name, value: clash.value }, earlierCpus: clash.cpus });
      continue;
    }
    applied.push(occ);
  }
  const isolating = applied.filter((a) => a.kinds.length > 0);
  const sources = [...new Set(isolating.map((a) => a.name))];
  const cpus = isolating.reduce((acc, a) => acc.union(a.cpus), CpuSet.empty);
  return { cpus, sources, declared, applied };
}

/**
 * The isolated set I and its notes. `applied` receives the isolcpus=/nohz_full=
 * occurrences the kernel applied (for the per-layer view), `facts` every fact,
 * also when no isolation is declared (then the returned value is undefined).
 */
function resolveIsolation(ctx: IsolationContext, applied: AppliedIsolationParam[] = [], facts: IsolationFact[] = []): HostIsolation | undefined {
  const s = ctx.snapshot;
  const notes: string[] = [];
  const sources: string[] = [];
  let declared = false;

  // 1. The booted command line: isolcpus (domain/nohz) ∪ nohz_full.
  let commandLine: CpuSet | undefined;
  let cmdlineSources: string[] = [];
  if (s.kernel?.cmdline !== undefined) {
    const c = commandLineIsolation(s.kernel.cmdline, ctx, notes, facts);
    for (const a of c.applied) applied.push(a);
    if (c.declared) {
      declared = true;
      commandLine = c.cpus;
      cmdlineSources = c.sources;
    }
  }

  // 2. The running kernel's own view wins over the command line (rules.md §0).
  let kernelView: CpuSet | undefined;
  const kernelSources: string[] = [];
  const sysIsolated = ctx.cpuList('isolation.isolated', s.isolation?.isolated);
  const sysNohzFull = ctx.cpuList('isolation.nohzFull', s.isolation?.nohzFull);
  // A file is named as a source when it isolates something (an empty nohz_full, "(null)", adds nothing
  // to isolated 2-15), or when the whole view is empty: then both files are what says "nothing".
  const views: Array<[string, CpuSet | undefined]> = [
    ['/sys/devices/system/cpu/isolated', sysIsolated],
    ['/sys/devices/system/cpu/nohz_full', sysNohzFull],
  ];
  for (const [, cpus] of views) if (cpus !== undefined) kernelView = (kernelView ?? CpuSet.empty).union(cpus);
  for (const [file, cpus] of views) if (cpus !== undefined && (!cpus.isEmpty || kernelView!.isEmpty)) kernelSources.push(file);
  if (kernelView !== undefined && !kernelView.isEmpty) declared = true;

  let booted: CpuSet | undefined;
  if (kernelView !== undefined) {
    booted = kernelView;
    for (const k of kernelSources) sources.push(k);
    if (commandLine !== undefined && !commandLine.equals(kernelView)) {
      notes.push(
        `the command line (${cmdlineSources.join(', ')}) isolates ${commandLine.toString() || 'nothing'} but the running kernel ` +
          `reports ${kernelView.toString() || 'nothing'}; using the running kernel's view`,
      );
    }
  } else if (commandLine !== undefined) {
    booted = commandLine;
    for (const c of cmdlineSources) sources.push(c);
  }

  // 3. tuned cpu-partitioning / realtime isolated_cores.
  let tuned: CpuSet | undefined;
  const tunedCores = ctx.cpuList('tuned.isolatedCores', s.tuned?.isolatedCores);
  if (tunedCores !== undefined && !tunedCores.isEmpty) {
    const profile = tunedProfileChain(s);
    if (profile === undefined || isIsolatingTunedProfile(profile)) {
      tuned = tunedCores;
      declared = true;
      sources.push('tuned isolated_cores');
      if (profile === undefined) {
        notes.push('the active tuned profile is unknown; assuming its isolated_cores apply');
        facts.push({ kind: 'tuned-profile-unknown', cpus: tunedCores });
      }
    } else {
      notes.push(`tuned isolated_cores ${tunedCores.toString()} ignored: the active profile "${s.tuned!.activeProfile}" does not isolate CPUs${s.tuned?.includes?.length ? ` (nor do the profiles it includes: ${s.tuned.includes.join(', ')})` : ''}`);
      facts.push({ kind: 'tuned-profile-ignored', profile: s.tuned!.activeProfile!, cpus: tunedCores });
    }
  }
  if (tuned !== undefined && booted !== undefined && !tuned.equals(booted)) {
    const bootedName = kernelView !== undefined ? 'the running kernel' : 'the booted command line';
    notes.push(
      `tuned isolated_cores ${tuned.toString()} differs from ${bootedName} (${booted.toString() || 'nothing'}), ` +
        `as after a profile change without a reboot; using their union`,
    );
    facts.push({ kind: 'tuned-vs-booted', tuned, booted, bootedBy: kernelView !== undefined ? 'running kernel' : 'command line' });
  }

  if (!declared) return undefined;
  const isolated = (booted ?? CpuSet.empty).union(tuned ?? CpuSet.empty);
  return { isolated, sources, notes, facts };
}

export interface BuildHostModelOptions {
  /** Display name; defaults to the snapshot's hostname. */
  name?: string;
  /** The config's explicit `housekeeping` set, which replaces online − I. */
  housekeepingOverride?: CpuSet;
  /** The config's libvirt version for this host, which replaces the snapshot's. */
  libvirtVersion?: string;
}

/** What a snapshot's CPU lists, CPU topology, command line, isolation and tuned settings decide. */
interface HostCpuFacts {
  possible: CpuSet | undefined;
  present: CpuSet | undefined;
  online: CpuSet;
  /** Each node's CPUs, in the order of snapshot.nodes. */
  nodeCpus: CpuSet[];
  cpuNode: Map<number, number>;
  isolation: HostIsolation | undefined;
  isolationLayers: HostIsolationLayers;
  places: CpuPlaces;
  cpuClasses: HostCpuClasses | undefined;
}

/**
 * True when two snapshots have the same CPU parts: CPU lists, node ids and CPUs, CPU topology,
 * command line, isolation and tuned, everything their CPU facts are derived from. Compared in
 * place (no key is built): a fleet's hosts are compared with the few distinct ones seen so far.
 */
export function sameCpuParts(a: HostSnapshot, b: HostSnapshot): boolean {
  const an = a.nodes ?? [];
  const bn = b.nodes ?? [];
  if (an.length !== bn.length) return false;
  for (let i = 0; i < an.length; i++) if (an[i]!.id !== bn[i]!.id || !jsonEqual(an[i]!.cpus, bn[i]!.cpus)) return false;
  return (
    a.kernel?.cmdline === b.kernel?.cmdline &&
    jsonEqual(a.cpus, b.cpus) &&
    jsonEqual(a.isolation, b.isolation) &&
    jsonEqual(a.tuned, b.tuned) &&
    jsonEqual(a.cpuTopology, b.cpuTopology)
  );
}

/** The first snapshot seen with each distinct set of CPU parts; the most recently matched is tried first. */
const representatives: HostSnapshot[] = [];
const representativeOf = new WeakMap<HostSnapshot, HostSnapshot>();

/**
 * The snapshot that stands for all those with the same CPU parts as `s` (sameCpuParts): what is
 * derived from the CPU parts is derived once for it. Found once per snapshot (the loader's
 * checks and the model then share the answer).
 */
export function cpuPartsRepresentative(s: HostSnapshot): HostSnapshot {
  let rep = representativeOf.get(s);
  if (rep !== undefined) return rep;
  const i = representatives.findIndex((r) => sameCpuParts(r, s));
  if (i >= 0) {
    rep = representatives[i]!;
    if (i > 0) representatives.unshift(...representatives.splice(i, 1));
  } else {
    rep = s;
    representatives.unshift(s);
    // A fleet has a few hardware models; a run over many distinct ones compares with the latest.
    if (representatives.length > 32) representatives.pop();
  }
  representativeOf.set(s, rep);
  return rep;
}

function buildCpuFacts(snapshot: HostSnapshot): HostCpuFacts {
  const fields = new Map(snapshotCpuListFields(snapshot).map((f) => [f.path, f] as const));
  const fieldAt = (path: string, list: SnapshotCpuList | undefined): SnapshotCpuListField | undefined =>
    list === undefined ? undefined : fields.get(typeof list === 'string' ? path : `${path}.raw`);

  const nrCpuIds = nrCpuIdsOf(snapshot);
  const possible = mustParse(fieldAt('cpus.possible', snapshot.cpus?.possible), undefined);
  const present = mustParse(fieldAt('cpus.present', snapshot.cpus?.present), nrCpuIds);
  const nodeCpus = (snapshot.nodes ?? []).map((n, i) => mustParse(fieldAt(`nodes[${i}].cpus`, n.cpus), nrCpuIds) ?? CpuSet.empty);

  const cpuNode = new Map<number, number>();
  const byId = (snapshot.nodes ?? []).map((n, i) => ({ id: n.id, cpus: nodeCpus[i]! })).sort((a, b) => a.id - b.id);
  for (const n of byId) for (const cpu of n.cpus.toArray()) if (!cpuNode.has(cpu)) cpuNode.set(cpu, n.id);
  for (const c of snapshot.cpuTopology ?? []) if (c.node !== undefined && !cpuNode.has(c.cpu)) cpuNode.set(c.cpu, c.node);

  let online = mustParse(fieldAt('cpus.online', snapshot.cpus?.online), nrCpuIds);
  if (online === undefined) {
    // No /sys/devices/system/cpu/online: the CPUs the nodes list, less any the topology marks offline.
    online = nodeCpus.reduce((acc, cpus) => acc.union(cpus), CpuSet.empty);
    const offline = CpuSet.ofList((snapshot.cpuTopology ?? []).filter((c) => c.online === false).map((c) => c.cpu));
    online = online.subtract(offline);
  }

  const cpuList = (path: string, list: SnapshotCpuList | undefined): CpuSet | undefined => mustParse(fieldAt(path, list), nrCpuIds);
  const isolationContext = { snapshot, possible, present, online, nrCpuIds, cpuList };
  const applied: AppliedIsolationParam[] = [];
  const isolation = resolveIsolation(isolationContext, applied);
  const isolationLayers = buildIsolationLayers({ ...isolationContext, applied, isIsolatingTunedProfile });
  const places = buildCpuPlaces(snapshot, (list) => {
    const r = parseSnapshotCpuList(list, 'kernel', nrCpuIds);
    return r.ok ? r.value : undefined;
  });
  return { possible, present, online, nodeCpus, cpuNode, isolation, isolationLayers, places, cpuClasses: buildCpuClasses(snapshot.cpuTopology) };
}

/**
 * CPU facts by the snapshot parts they come from. A fleet's hosts are a few hardware models
 * booted alike: 1,700 snapshots differ in hostname and free memory, not in CPUs or command
 * line, and parsing those per host was most of loading a host. The facts are immutable and
 * shared (the housekeeping override copies the isolation it adds a note to).
 */
const cpuFactsByRepresentative = new WeakMap<HostSnapshot, HostCpuFacts>();

function cpuFactsOf(snapshot: HostSnapshot): HostCpuFacts {
  const rep = cpuPartsRepresentative(snapshot);
  let facts = cpuFactsByRepresentative.get(rep);
  if (!facts) cpuFactsByRepresentative.set(rep, (facts = buildCpuFacts(snapshot)));
  return facts;
}

export function buildHostModel(snapshot: HostSnapshot, opts: BuildHostModelOptions = {}): HostModel {
  const facts = cpuFactsOf(snapshot);
  const { possible, present, online, nodeCpus, cpuNode, isolationLayers, places, cpuClasses } = facts;
  let isolation = facts.isolation;

  const nodes: HostNode[] = mapPacked(snapshot.nodes ?? [], (n, i): HostNode => ({
      id: n.id,
      cpus: nodeCpus[i]!,
      memTotalKiB: n.memTotalKiB,
      memFreeKiB: n.memFreeKiB,
      reclaimableKiB: n.reclaimableKiB,
      hugepages: mapPacked(n.hugepages ?? [], (p): HostHugepagePool => ({ sizeKiB: p.sizeKiB, total: p.total, free: p.free })).sort((a, b) => a.sizeKiB - b.sizeKiB),
      zones: n.zones,
    })).sort((a, b) => a.id - b.id);
  const nodeById = new Map(nodes.map((n) => [n.id, n] as const));

  let housekeeping: CpuSet | undefined;
  if (opts.housekeepingOverride !== undefined) {
    housekeeping = opts.housekeepingOverride;
    // The shared isolation is not this host's to change: a copy carries the note.
    if (isolation !== undefined) isolation = { ...isolation, notes: [...isolation.notes, `housekeeping set by configuration: ${housekeeping.toString()}`] };
  } else if (isolation !== undefined) {
    housekeeping = online.subtract(isolation.isolated);
  }

  const pageSizeKiB = snapshot.pageSizeKiB ?? 4;
  const missing = collectMissing(snapshot);

  const singleNodeSets = new Map<number, CpuSet>();
  return {
    snapshot,
    name: opts.name ?? snapshot.hostname ?? 'host',
    online,
    possible,
    present,
    nodes,
    node: (id) => nodeById.get(id),
    nodeOfCpu: (cpu) => cpuNode.get(cpu),
    nodesOfCpus: (cpus) => {
      // A pin is usually one CPU: answer from the CPU → node map with a shared (immutable) set.
      if (cpus.size === 1) {
        const node = cpuNode.get(cpus.min!);
        // Node CPU lists decide, as below (the topology may place CPUs no list names).
        if (node !== undefined && nodeById.get(node)?.cpus.has(cpus.min!)) {
          let set = singleNodeSets.get(node);
          if (!set) singleNodeSets.set(node, (set = CpuSet.of(node)));
          return set;
        }
      }
      return CpuSet.ofList(nodes.filter((n) => n.cpus.intersects(cpus)).map((n) => n.id));
    },
    cpusOfNodes: (ids) => nodes.filter((n) => ids.has(n.id)).reduce((acc, n) => acc.union(n.cpus), CpuSet.empty),
    pageSizeKiB,
    defaultHugepageSizeKiB: defaultHugepageSize(snapshot, nodes),
    hugepageOvercommit: (sizeKiB) => snapshot.hugepages?.overcommit?.find((o) => o.sizeKiB === sizeKiB)?.pages ?? 0,
    minFreeKbytes: snapshot.vm?.minFreeKbytes,
    watermarkScaleFactor: snapshot.vm?.watermarkScaleFactor ?? DEFAULT_WATERMARK_SCALE_FACTOR,
    isolation,
    libvirtVersion: opts.libvirtVersion ?? snapshot.libvirtVersion,
    housekeeping,
    missing,
    isolationLayers,
    siblingsOf: places.siblingsOf,
    // A value, not a getter: places are shared by hosts alike, so this is computed once for them all,
    // and a getter closure in every host's model kept each host alive through scavenges (LoadedHost in
    // src/engine/runner.ts says how).
    smt: places.smt,
    placeOf: places.placeOf,
    cpuClasses,
  };
}

/**
 * The default hugepage size: the snapshot's (Hugepagesize in /proc/meminfo), else
 * `default_hugepagesz=` on the command line, else the only size the host has.
 * undefined otherwise: the built-in default is per architecture, which a snapshot does not record.
 */
function defaultHugepageSize(s: HostSnapshot, nodes: HostNode[]): number | undefined {
  if (s.hugepages?.defaultSizeKiB !== undefined) return s.hugepages.defaultSizeKiB;
  if (s.kernel?.cmdline !== undefined) {
    const v = cmdlineParam(parseKernelCmdline(s.kernel.cmdline), 'default_hugepagesz');
    const kib = v === undefined ? undefined : memparseKiB(v);
    if (kib !== undefined) return kib;
  }
  const sizes = new Set<number>(s.hugepages?.sizesKiB ?? []);
  for (const n of nodes) for (const p of n.hugepages) sizes.add(p.sizeKiB);
  return sizes.size === 1 ? [...sizes][0] : undefined;
}

/** Stable names of facts the snapshot lacks (its own list plus absent fields). */
function collectMissing(s: HostSnapshot): Set<string> {
  const missing = new Set<string>(s.missing ?? []);
  const nodes = s.nodes ?? [];
  if (!nodes.some((n) => n.zones !== undefined && n.zones.length > 0)) missing.add('zoneinfo');
  if (s.isolation === undefined && s.kernel?.cmdline === undefined && s.tuned === undefined) missing.add('isolation');
  const hasPools = nodes.some((n) => n.hugepages !== undefined);
  if (!hasPools && s.hugepages === undefined) missing.add('hugepages');
  if (!hasPools || nodes.some((n) => (n.hugepages ?? []).some((p) => p.free === undefined))) missing.add('hugepages.free');
  if (s.vm?.minFreeKbytes === undefined) missing.add('vm.min_free_kbytes');
  if (s.vm?.watermarkScaleFactor === undefined) missing.add('vm.watermark_scale_factor');
  if (nodes.some((n) => n.memTotalKiB === undefined)) missing.add('node.memTotal');
  if (nodes.some((n) => n.memFreeKiB === undefined)) missing.add('node.memFree');
  if (s.cpuTopology === undefined) missing.add('cpuTopology');
  if (s.kernel?.cmdline === undefined) missing.add('kernel.cmdline');
  return missing;
}
