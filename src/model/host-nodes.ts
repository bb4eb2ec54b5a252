/**
 * Facts about a host's NUMA nodes that several rules read: which nodes exist,
 * which have no memory, which run CPUs. Computed once per host model.
 */
import { CpuSet } from './cpuset.ts';
import type { HostModel } from './host.ts';
import { memoPerHost } from './memo.ts';

export interface HostNodeSets {
  /** Every node the snapshot lists (the online nodes: /sys/devices/system/node/online). */
  all: CpuSet;
  /**
   * Nodes without memory: MemTotal 0. `kvmlint snapshot` writes 0 for a node that
   * /sys/devices/system/node/has_memory leaves out; `numactl --hardware` prints
   * "size: 0 MB" and `virsh capabilities` `<memory unit='KiB'>0</memory>` for them.
   * A node whose MemTotal the snapshot lacks is not counted: unknown is not memoryless.
   */
  memoryless: CpuSet;
  /**
   * Nodes that can hold memory: every listed node but the memoryless ones (unknown
   * MemTotal counts as memory). With one such node, memory has nowhere else to land:
   * the usual desktop and homelab host.
   */
  withMemory: CpuSet;
  /** Nodes with at least one online CPU (a CXL memory expander or a memory-only node has none). */
  withCpus: CpuSet;
}

export const hostNodeSets: (host: HostModel) => HostNodeSets = memoPerHost((host) => ({
  all: CpuSet.ofList(host.nodes.map((n) => n.id)),
  memoryless: CpuSet.ofList(host.nodes.filter((n) => n.memTotalKiB === 0).map((n) => n.id)),
  withMemory: CpuSet.ofList(host.nodes.filter((n) => n.memTotalKiB !== 0).map((n) => n.id)),
  withCpus: CpuSet.ofList(host.nodes.filter((n) => n.cpus.intersects(host.online)).map((n) => n.id)),
}));

/** The host's only node that can hold memory, when it has exactly one (a single-NUMA-node host); else undefined. */
export function soleMemoryNode(host: HostModel): number | undefined {
  const nodes = hostNodeSets(host).withMemory;
  return nodes.size === 1 ? nodes.min : undefined;
}
