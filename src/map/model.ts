/**
 * What `kvmlint map` draws for one host plan: each node's CPUs core by core (SMT
 * siblings together), housekeeping or isolated, the guest threads whose explicit
 * affinity (a pin, or `<vcpu cpuset>`) names each CPU, conflicts, hugepages and
 * memory per node, and the plan's findings. Read from the same model the rules use.
 */
import type { Diagnostic, LintedDomain, LintHost } from '../engine/types.ts';
import { CpuSet } from '../model/cpuset.ts';
import { memoryDemands, spreadEvenly, strictSmallPageShares } from '../model/memory-demand.ts';
import { hostNodeWatermarks } from '../model/node-memory.ts';
import { domainThreads, describeThread, type ThreadGroup } from '../model/threads.ts';
import { neutraliseLine } from '../formats/neutralise.ts';
import { excerpt } from '../model/describe.ts';
import { definedGuests } from '../model/domain-identity.ts';

/** The longest guest name a map shows. */
export const MAP_NAME_MAX = 64;

export interface MapOccupant {
  guest: string;
  /** The guest's file: what tells two guests apart whose names are cut to the same label. */
  key: string;
  /** "vCPU 3", "emulator", "IOThread 1". */
  thread: string;
  /** The thread runs on this CPU alone (a dedicated vCPU). */
  dedicated: boolean;
}

export interface MapCpu {
  id: number;
  housekeeping: boolean;
  /** The first MAX_OCCUPANTS threads that may run here. */
  occupants: MapOccupant[];
  /** Threads that may run here beyond those listed. */
  more: number;
  /** A dedicated vCPU shares the CPU with another thread (or another guest's thread may run there). */
  conflict: boolean;
  /** On a hybrid host (src/model/cpu-capacity.ts), its class: "P-cores", "E-cores", "cores of capacity 1024". */
  kind?: string;
}

/**
 * Threads listed per CPU. A guest whose vCPUs each float over thousands of CPUs put every vCPU on every
 * CPU (4,000 vCPUs over 4,096 CPUs: 16 million entries, a 195 MB HTML map); the rest are counted.
 */
const MAX_OCCUPANTS = 32;

export interface MapNode {
  id: number;
  /** Cores in CPU order, each its SMT siblings. */
  cores: MapCpu[][];
  hugepages: Array<{ sizeKiB: number; used: number; total: number }>;
  memory: { boundKiB: number; freeKiB: number | undefined; highKiB: number | undefined };
  /** On a hybrid host, the node's CPUs of each class, fastest first: "P-cores 0-15". */
  kinds?: Array<{ label: string; cpus: string }>;
}

export interface HostMap {
  name: string;
  path: string;
  nodes: MapNode[];
  guests: Array<{ name: string; file: string; cpus: CpuSet; nodes: CpuSet }>;
  findings: Diagnostic[];
}

function threadName(t: ThreadGroup, vcpu?: number): string {
  if (t.kind === 'emulator') return 'emulator';
  if (t.kind === 'iothread') return describeThread(t);
  return vcpu === undefined ? describeThread(t) : `vCPU ${vcpu}`;
}

export function buildHostMap(plan: { host: LintHost; domains: readonly LintedDomain[]; diagnostics: readonly Diagnostic[] }): HostMap {
  const h = plan.host.model;
  const hk = h.housekeeping;
  const occupants = new Map<number, { list: MapOccupant[]; total: number; dedicatedVcpu: boolean }>();
  const occupy = (cpu: number, o: MapOccupant) => {
    let at = occupants.get(cpu);
    if (!at) occupants.set(cpu, (at = { list: [], total: 0, dedicatedVcpu: false }));
    at.total++;
    if (o.dedicated && o.thread.startsWith('vCPU')) at.dedicatedVcpu = true;
    if (at.list.length < MAX_OCCUPANTS) at.list.push(o);
  };
  const guests: HostMap['guests'] = [];
  // The guests the host holds, each name and uuid once, as the plan rules count them (src/model/domain-identity.ts).
  const domains = definedGuests(plan.domains);
  for (const ld of domains) {
    // Shown in a terminal (text map) and in HTML: one line, no controls (a <name> may hold &#10; or ESC),
    // and cut as messages cut it: the HTML repeats it for each thread on each CPU, and a 600 KiB
    // <name> made a map past V8's longest string.
    const name = excerpt(neutraliseLine(ld.domain.name ?? ld.source.path), MAP_NAME_MAX);
    const key = neutraliseLine(ld.source.path);
    let cpus = CpuSet.empty;
    for (const t of domainThreads(ld.domain, h)) {
      const a = t.affinity;
      // Only what the XML names: an unpinned thread may run anywhere and is not drawn on every CPU.
      if (a.cpus === undefined || a.source === 'all-online' || a.source === 'placement-auto') continue;
      const set = a.cpus.intersect(h.online);
      if (set.size > 4096) continue;
      const dedicated = set.size === 1;
      if (t.kind === 'vcpu') cpus = cpus.union(set);
      for (const cpu of set.toArray()) {
        if (t.kind === 'vcpu' && t.ids.size <= 64) for (const v of t.ids.toArray()) occupy(cpu, { guest: name, key, thread: threadName(t, v), dedicated });
        else occupy(cpu, { guest: name, key, thread: threadName(t), dedicated });
      }
    }
    guests.push({ name, file: key, cpus, nodes: h.nodesOfCpus(cpus) });
  }

  // Hugepages and small-page memory bound per node, as insufficient-hugepages and numa-memory-insufficient count them.
  const pagesUsed = new Map<string, number>();
  const bound = new Map<number, number>();
  for (const ld of domains) {
    for (const m of memoryDemands(ld.domain)) {
      if (!m.hugepages) continue;
      const size = m.hugepages.sizeKiB ?? h.defaultHugepageSizeKiB;
      if (size === undefined) continue;
      const pages = Math.ceil(m.kib / size);
      const add = (n: number, p: number) => pagesUsed.set(`${n}:${size}`, (pagesUsed.get(`${n}:${size}`) ?? 0) + p);
      if (m.target.kind === 'node') add(m.target.node, pages);
      else if (m.target.kind === 'interleave' || m.target.kind === 'set') for (const [n, p] of spreadEvenly(pages, m.target.nodes)) add(n, p);
    }
    for (const s of strictSmallPageShares(ld.domain)) bound.set(s.node, (bound.get(s.node) ?? 0) + s.kib);
  }
  const watermarks = hostNodeWatermarks(h);
  // Hybrid hosts only: a guest's vCPUs belong on one kind of core, and realtime ones on the fastest.
  const classes = h.cpuClasses;

  const nodes: MapNode[] = h.nodes.map((node) => {
    const seen = new Set<number>();
    const cores: MapCpu[][] = [];
    for (const cpu of node.cpus.intersect(h.online).toArray()) {
      if (seen.has(cpu)) continue;
      const siblings = (h.siblingsOf(cpu) ?? CpuSet.of(cpu)).intersect(node.cpus).intersect(h.online);
      const core = siblings.toArray(4096).map((id) => {
        seen.add(id);
        const occ = occupants.get(id);
        const conflict = occ !== undefined && occ.dedicatedVcpu && occ.total > 1;
        const k = classes?.classOf(id);
        return { id, housekeeping: hk?.has(id) ?? false, occupants: occ?.list ?? [], more: occ ? occ.total - occ.list.length : 0, conflict, ...(k === undefined ? {} : { kind: classes!.classes[k]!.label }) };
      });
      cores.push(core);
    }
    const kinds = classes?.classes.map((k) => ({ label: k.label, cpus: k.cpus.intersect(node.cpus).intersect(h.online) })).filter((k) => !k.cpus.isEmpty);
    return {
      id: node.id,
      cores,
      ...(kinds && kinds.length > 0 ? { kinds: kinds.map((k) => ({ label: k.label, cpus: k.cpus.toString() })) } : {}),
      hugepages: node.hugepages.map((p) => ({ sizeKiB: p.sizeKiB, used: pagesUsed.get(`${node.id}:${p.sizeKiB}`) ?? 0, total: p.total })),
      memory: { boundKiB: bound.get(node.id) ?? 0, freeKiB: node.memFreeKiB, highKiB: watermarks?.shares.get(node.id)?.highKiB },
    };
  });
  const files = new Set(plan.domains.map((d) => d.source.path));
  return { name: excerpt(neutraliseLine(h.snapshot.hostname ?? h.name), MAP_NAME_MAX), path: neutraliseLine(plan.host.path), nodes, guests, findings: plan.diagnostics.filter((d) => files.has(d.file) || d.file === plan.host.path) };
}

/** "40.6 GiB", "512 MiB": memory sizes for map labels, short enough to fit. */
export function shortSize(kib: number): string {
  if (kib < 1024 * 1024) return `${(kib / 1024).toFixed(0)} MiB`;
  return `${(kib / 1024 / 1024).toFixed(1)} GiB`;
}
