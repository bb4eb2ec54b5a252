/**
 * Host facts from /sys: the CPU masks (possible, present, online), NUMA nodes with
 * their memory, distances and hugepage pools, hugepage sizes, the running kernel's
 * isolated and nohz_full masks, and per-CPU topology (with capacity and hybrid core type).
 */
import { CpuSet } from '../../model/cpuset.ts';
import { MAX_HOST_NODES, type HostSnapshot, type SnapshotCoreType, type SnapshotCpu, type SnapshotHugepagePool, type SnapshotNode } from '../../model/host.ts';
import type { ZoneinfoZone } from '../zoneinfo.ts';
import { zonesOfNode } from './proc.ts';
import { kernelCpuListFile, numberedEntries, parseMeminfo, type ReadCpuList, type TreeReader } from './tree.ts';
import { UsageError } from '../../engine/source.ts';

export const SYS_CPU = 'sys/devices/system/cpu';
export const SYS_NODE = 'sys/devices/system/node';
const HUGEPAGES = 'sys/kernel/mm/hugepages';

/** The CPU masks, as read. `nrCpuIds` bounds every other kernel list (possible's last CPU + 1). */
export interface SysCpus {
  possible: ReadCpuList | undefined;
  present: ReadCpuList | undefined;
  online: ReadCpuList | undefined;
  nrCpuIds: number | undefined;
}

/** CPUs the kernel can, does and will run (snapshot.cpus). */
export function captureCpuMasks(reader: TreeReader, snapshot: HostSnapshot): SysCpus {
  const possible = kernelCpuListFile(reader, `${SYS_CPU}/possible`, 'cpus.possible', undefined);
  const nrCpuIds = possible?.set.max === undefined ? undefined : possible.set.max + 1;
  const present = kernelCpuListFile(reader, `${SYS_CPU}/present`, 'cpus.present', nrCpuIds);
  const online = kernelCpuListFile(reader, `${SYS_CPU}/online`, 'cpus.online', nrCpuIds);
  if (possible || present || online) {
    snapshot.cpus = {};
    if (possible) snapshot.cpus.possible = possible.list;
    if (present) snapshot.cpus.present = present.list;
    if (online) snapshot.cpus.online = online.list;
  }
  return { possible, present, online, nrCpuIds };
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

/**
 * snapshot.nodes, from /sys/devices/system/node (zones from /proc/zoneinfo). Returns
 * the node of each online CPU, for the topology.
 */
export function captureNodes(reader: TreeReader, snapshot: HostSnapshot, cpus: SysCpus, zoneinfo: readonly ZoneinfoZone[] | undefined): Map<number, number> {
  const { online, present, nrCpuIds } = cpus;
  const nodeIds = nodeIdsOf(reader);
  const hasMemory = kernelCpuListFile(reader, `${SYS_NODE}/has_memory`, undefined, undefined)?.set;
  const hasCpu = kernelCpuListFile(reader, `${SYS_NODE}/has_cpu`, undefined, undefined)?.set;
  const cpuNode = new Map<number, number>();

  if (nodeIds === undefined) {
    // No /sys/devices/system/node: a kernel without NUMA (drivers/base/node.c is built only with CONFIG_NUMA),
    // which has one node 0 holding everything. Unless the directory is there but cannot be listed, or the
    // tree names other nodes (cpuN/nodeM links, /proc/zoneinfo's "Node M"): then it is a NUMA host whose
    // layout this tree does not show, and one node 0 would be a false snapshot (node-bound guests refused).
    const listing = reader.entriesOrError(SYS_NODE);
    if ('code' in listing && listing.code !== 'ENOENT' && listing.code !== 'ENOTDIR') {
      throw new UsageError(`/${SYS_NODE} cannot be listed (${listing.code}): the host's NUMA nodes cannot be captured; run as a user that can read it`);
    }
    const otherNode = [...nodeLinksOfCpus(reader).keys()].find((n) => n > 0) ?? zoneinfo?.find((z) => z.node > 0)?.node;
    if (otherNode !== undefined) {
      throw new UsageError(`no /${SYS_NODE}, but the tree names node ${otherNode} (cpuN/node${otherNode} links or /proc/zoneinfo): a NUMA host whose node directory is missing; capture from a complete /sys`);
    }
    reader.notes.push(`no /${SYS_NODE}: a kernel without NUMA; node 0 holds every online CPU and /proc/meminfo's memory`);
    const meminfo = reader.text('proc/meminfo');
    const mem = meminfo === undefined ? undefined : parseMeminfo(meminfo);
    const node: SnapshotNode = { id: 0, cpus: online?.list ?? present?.list ?? '' };
    for (const cpu of (online?.set ?? present?.set ?? CpuSet.empty).toArray()) cpuNode.set(cpu, 0);
    if (mem?.get('MemTotal') !== undefined) node.memTotalKiB = mem.get('MemTotal')!;
    else reader.miss('node.memTotal');
    if (mem?.get('MemFree') !== undefined) node.memFreeKiB = mem.get('MemFree')!;
    else reader.miss('node.memFree');
    const reclaimable = reclaimableOf(mem);
    if (reclaimable !== undefined) node.reclaimableKiB = reclaimable;
    const pools = readHugepagePools(reader, HUGEPAGES);
    if (pools && pools.length > 0) node.hugepages = pools;
    const zones = zonesOfNode(zoneinfo, 0);
    if (zones) node.zones = zones;
    snapshot.nodes.push(node);
    return cpuNode;
  }

  /** Each CPU's cpuN/nodeM links, read once for every node without a cpulist (a read per node and CPU was quadratic). */
  let cpuLinks: Map<number, number[]> | undefined;
  for (const id of nodeIds) {
    const dir = `${SYS_NODE}/node${id}`;
    let nodeCpus = kernelCpuListFile(reader, `${dir}/cpulist`, 'node.cpus', nrCpuIds);
    if (!nodeCpus) {
      // No cpulist: the online CPUs linked to this node (none when has_cpu leaves it out).
      const linked = hasCpu !== undefined && !hasCpu.has(id) ? CpuSet.empty : cpusLinkedToNode(reader, id, online?.set, (cpuLinks ??= nodeLinksOfCpus(reader)));
      nodeCpus = { list: { raw: linked.toString(), parsed: linked.toString() }, set: linked };
      reader.notes.push(`no /${dir}/cpulist: node ${id}'s CPUs (${linked.toString() || 'none'}) taken from the node${id}/cpuN and cpuN/node${id} links`);
    }
    for (const cpu of nodeCpus.set.toArray()) cpuNode.set(cpu, id);
    const node: SnapshotNode = { id, cpus: nodeCpus.list };

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
    const reclaimable = reclaimableOf(mem);
    if (reclaimable !== undefined) node.reclaimableKiB = reclaimable;

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

    const zones = zonesOfNode(zoneinfo, id);
    if (zones) node.zones = zones;
    snapshot.nodes.push(node);
  }
  return cpuNode;
}

/** Host-wide hugepage sizes (/sys/kernel/mm/hugepages) and the default size (`Hugepagesize:` of /proc/meminfo). */
export function captureHugepageSizes(reader: TreeReader, snapshot: HostSnapshot, procMeminfo: Map<string, number> | undefined): void {
  const sizes = numberedEntries(reader.entries(HUGEPAGES), 'hugepages-', 'kB');
  const defaultSize = procMeminfo?.get('Hugepagesize');
  if (reader.isDir(HUGEPAGES) || defaultSize !== undefined) {
    snapshot.hugepages = {};
    if (defaultSize !== undefined) snapshot.hugepages.defaultSizeKiB = defaultSize;
    if (reader.isDir(HUGEPAGES)) {
      snapshot.hugepages.sizesKiB = sizes;
      // Kept where above 0: most hosts allow no surplus, and their snapshots stay as they were.
      const overcommit = sizes.map((sizeKiB) => ({ sizeKiB, pages: reader.int(`${HUGEPAGES}/hugepages-${sizeKiB}kB/nr_overcommit_hugepages`) ?? 0 })).filter((o) => o.pages > 0);
      if (overcommit.length > 0) snapshot.hugepages.overcommit = overcommit;
    }
  } else {
    reader.miss('hugepages');
  }
  if (snapshot.nodes.some((n) => (n.hugepages ?? []).some((p) => p.free === undefined))) reader.miss('hugepages.free');
}

/** The running kernel's isolated and nohz_full masks (snapshot.isolation). */
export function captureRunningIsolation(reader: TreeReader, snapshot: HostSnapshot, nrCpuIds: number | undefined): void {
  const isolated = kernelCpuListFile(reader, `${SYS_CPU}/isolated`, 'isolation.isolated', nrCpuIds);
  const nohzFull = kernelCpuListFile(reader, `${SYS_CPU}/nohz_full`, 'isolation.nohzFull', nrCpuIds);
  if (isolated || nohzFull) {
    snapshot.isolation = {};
    if (isolated) snapshot.isolation.isolated = isolated.list;
    if (nohzFull) snapshot.isolation.nohzFull = nohzFull.list;
  }
  // cgroup v2 isolated partitions (cpuset.cpus.partition=isolated; the root's cpuset.cpus.isolated lists them,
  // Documentation/admin-guide/cgroup-v2.rst) are not in /sys/devices/system/cpu/isolated on released kernels,
  // and kvmlint does not read them as isolation: say so, rather than let "none declared" stand unqualified.
  const partitions = kernelCpuListFile(reader, 'sys/fs/cgroup/cpuset.cpus.isolated', undefined, nrCpuIds);
  if (partitions && !partitions.set.isEmpty) {
    reader.notes.push(`/sys/fs/cgroup/cpuset.cpus.isolated lists CPUs ${partitions.set.toString()}, isolated by cgroup v2 cpuset partitions: not read as isolation (only isolcpus, nohz_full and tuned are)`);
  }
}

/** Online node ids from node/online, else the nodeN directories; undefined without a node directory. */
function nodeIdsOf(reader: TreeReader): number[] | undefined {
  const entries = reader.entries(SYS_NODE);
  if (entries === undefined) return undefined;
  const online = kernelCpuListFile(reader, `${SYS_NODE}/online`, 'node.online', undefined);
  // Linux has at most MAX_NUMNODES (1 << CONFIG_NODES_SHIFT, at most 1024) nodes: a copied tree that
  // names more is not a host's, and each node costs reads below.
  const possible = CpuSet.fromIntervals([[0, MAX_HOST_NODES - 1]]);
  const kept = online ? online.set.intersect(possible).toArray() : numberedEntries(entries, 'node').filter((id) => id < MAX_HOST_NODES);
  const named = online ? online.set.size : numberedEntries(entries, 'node').length;
  if (kept.length < named) reader.notes.push(`/${SYS_NODE}: node ids from ${MAX_HOST_NODES} up left out: Linux has at most ${MAX_HOST_NODES} NUMA nodes`);
  return kept;
}

/** Each CPU's nodes by its cpuN/nodeM links, read once. */
function nodeLinksOfCpus(reader: TreeReader): Map<number, number[]> {
  const byNode = new Map<number, number[]>();
  for (const cpu of numberedEntries(reader.entries(SYS_CPU), 'cpu')) {
    for (const node of numberedEntries(reader.entries(`${SYS_CPU}/cpu${cpu}`), 'node')) {
      const list = byNode.get(node);
      if (list) list.push(cpu);
      else byNode.set(node, [cpu]);
    }
  }
  return byNode;
}

/**
 * The online CPUs the kernel links to `node`. register_cpu_under_node (drivers/base/node.c) makes a link
 * each way, nodeM/cpuN and cpuN/nodeM; trees copied from other tools keep one or the other (libvirt's
 * virhostcpudata holds only nodeM/cpuN, which is what libvirt itself reads), so either counts.
 */
function cpusLinkedToNode(reader: TreeReader, node: number, online: CpuSet | undefined, cpuLinks: ReadonlyMap<number, readonly number[]>): CpuSet {
  const fromNode = numberedEntries(reader.entries(`${SYS_NODE}/node${node}`), 'cpu');
  const linked = CpuSet.ofList([...fromNode, ...(cpuLinks.get(node) ?? [])]);
  return online === undefined ? linked : linked.intersect(online);
}

/** Per-CPU topology of every cpuN directory (present CPUs). Offline CPUs have no topology directory. */
export function captureCpuTopology(reader: TreeReader, cpuNode: Map<number, number>, online: CpuSet | undefined, nrCpuIds: number | undefined): SnapshotCpu[] | undefined {
  const cpuIds = numberedEntries(reader.entries(SYS_CPU), 'cpu');
  if (cpuIds.length === 0) return undefined;
  const out: SnapshotCpu[] = [];
  const coreTypes = hybridCoreTypes(reader, nrCpuIds);
  /** CPUs whose own cpuN/online reads 1 while the online mask leaves them out. */
  let contradicted = CpuSet.empty;
  for (const cpu of cpuIds) {
    const dir = `${SYS_CPU}/cpu${cpu}`;
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
    const siblings = kernelCpuListFile(reader, `${topo}/thread_siblings_list`, undefined, nrCpuIds);
    if (siblings) entry.siblings = siblings.list;
    // arm64/RISC-V: the largest CPU is 1024 (drivers/base/arch_topology.c topology_normalize_cpu_scale).
    const capacity = reader.int(`${dir}/cpu_capacity`);
    if (capacity !== undefined) {
      if (capacity >= 0 && capacity <= 1024) entry.capacity = capacity;
      else reader.notes.push(`/${dir}/cpu_capacity: ${capacity} is outside 0-1024 (SCHED_CAPACITY_SCALE); left out`);
    }
    const coreType = coreTypes?.get(cpu);
    if (coreType !== undefined) entry.coreType = coreType;
    // cpuN/online is absent for CPUs that cannot be unplugged (usually cpu0): then the online mask says.
    const onlineFlag = reader.int(`${dir}/online`);
    const isOnline = onlineFlag !== undefined ? onlineFlag !== 0 : online === undefined || online.has(cpu);
    if (!isOnline) entry.online = false;
    else if (onlineFlag !== undefined && online !== undefined && !online.has(cpu)) contradicted = contradicted.union(CpuSet.of(cpu));
    out.push(entry);
  }
  // lxcfs in a container rewrites cpu/online to the container's cpuset and leaves each cpuN/online as the
  // host's: the snapshot keeps the mask, and the operator is told the tree contradicts itself.
  if (!contradicted.isEmpty) {
    reader.notes.push(`/${SYS_CPU}/online leaves out ${contradicted.size === 1 ? 'CPU' : 'CPUs'} ${contradicted.toString()}, whose cpuN/online reads 1: a virtualised /sys (lxcfs in a container?); the snapshot keeps the online mask, capture on the host itself`);
  }
  return out;
}

/**
 * Intel hybrid core types by CPU: arch/x86/events/intel/core.c registers one PMU per core type, each a device
 * /sys/devices/cpu_core (P-cores), cpu_atom (E-cores) or cpu_lowpower (LP E-cores) with a `cpus` list. A host
 * that is not hybrid has /sys/devices/cpu instead, and nothing is returned. A CPU in two lists keeps the first.
 */
function hybridCoreTypes(reader: TreeReader, nrCpuIds: number | undefined): Map<number, SnapshotCoreType> | undefined {
  let out: Map<number, SnapshotCoreType> | undefined;
  for (const type of ['core', 'atom', 'lowpower'] as const) {
    const list = kernelCpuListFile(reader, `sys/devices/cpu_${type}/cpus`, undefined, nrCpuIds);
    if (!list) continue;
    out ??= new Map();
    for (const cpu of list.set.toArray()) if (!out.has(cpu)) out.set(cpu, type);
  }
  return out;
}

/**
 * What the kernel reclaims on a node before an allocation bound there fails: its file LRU pages and
 * reclaimable slab, the parts of MemAvailable beyond MemFree (mm/show_mem.c si_mem_available). Shmem
 * is on the anonymous LRU, not here. undefined when the meminfo lacks the lines (an old kernel).
 */
function reclaimableOf(mem: ReadonlyMap<string, number> | undefined): number | undefined {
  const active = mem?.get('Active(file)');
  const inactive = mem?.get('Inactive(file)');
  if (active === undefined || inactive === undefined) return undefined;
  return active + inactive + (mem!.get('SReclaimable') ?? 0);
}
