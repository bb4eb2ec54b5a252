import type { CpuSet } from './cpuset.ts';

/**
 * A CPU list as stored in a snapshot: the raw text from its source (parsed with
 * that source's own grammar when loaded), optionally with the canonical parsed
 * form written by `kvmlint snapshot` for readers of the JSON.
 */
export type SnapshotCpuList = string | { raw: string; parsed?: string };

export interface SnapshotHugepagePool {
  sizeKiB: number;
  /** nr_hugepages: the pool size. */
  total: number;
  free?: number;
  surplus?: number;
}

export interface SnapshotZone {
  /** DMA, DMA32, Normal, Movable, HighMem, Device. */
  name: string;
  managedPages: number;
  presentPages?: number;
  /** Watermarks as the running kernel reported them (pages), when captured. */
  min?: number;
  low?: number;
  high?: number;
}

export interface SnapshotNode {
  id: number;
  cpus: SnapshotCpuList;
  memTotalKiB?: number;
  memFreeKiB?: number;
  distances?: number[];
  hugepages?: SnapshotHugepagePool[];
  zones?: SnapshotZone[];
}

export interface SnapshotCpu {
  cpu: number;
  node?: number;
  socket?: number;
  die?: number;
  core?: number;
  siblings?: SnapshotCpuList;
  online?: boolean;
}

/** The versioned JSON document (schemas/host-snapshot.schema.json). */
export interface HostSnapshot {
  kvmlintHostSnapshot: 1;
  /** Where the facts came from. */
  source?: 'capture' | 'virsh-capabilities' | 'numactl-hardware' | 'manual';
  hostname?: string;
  kernelRelease?: string;
  capturedAt?: string;
  /** Facts the source could not provide (e.g. "isolation", "zoneinfo", "hugepages.free"). */
  missing?: string[];
  cpus?: { possible?: SnapshotCpuList; present?: SnapshotCpuList; online?: SnapshotCpuList };
  cpuTopology?: SnapshotCpu[];
  nodes: SnapshotNode[];
  hugepages?: { defaultSizeKiB?: number; sizesKiB?: number[] };
  pageSizeKiB?: number;
  vm?: { minFreeKbytes?: number; watermarkScaleFactor?: number };
  kernel?: { cmdline?: string };
  /** The running kernel's own view, from /sys/devices/system/cpu/{isolated,nohz_full}. */
  isolation?: { isolated?: SnapshotCpuList; nohzFull?: SnapshotCpuList };
  tuned?: { activeProfile?: string; isolatedCores?: SnapshotCpuList; noBalanceCores?: SnapshotCpuList };
}

export interface HostHugepagePool {
  sizeKiB: number;
  total: number;
  free: number | undefined;
}

export interface HostNode {
  id: number;
  cpus: CpuSet;
  memTotalKiB: number | undefined;
  memFreeKiB: number | undefined;
  hugepages: HostHugepagePool[];
  zones: SnapshotZone[] | undefined;
}

/** Where the isolated set came from, and anything the reader should know about how it was chosen. */
export interface HostIsolation {
  /** Isolated CPUs I (rules.md §0). */
  isolated: CpuSet;
  /** e.g. ["isolcpus", "nohz_full", "tuned isolated_cores"] or ["/sys/devices/system/cpu/isolated"]. */
  sources: string[];
  /** Human notes: disagreements between sources, ignored values. */
  notes: string[];
}

/** The host as rules see it: parsed, indexed, derived once. */
export interface HostModel {
  snapshot: HostSnapshot;
  /** hostname, or the snapshot's file name. */
  name: string;
  online: CpuSet;
  possible: CpuSet | undefined;
  /** /sys/devices/system/cpu/present; undefined when the snapshot does not record it. */
  present: CpuSet | undefined;
  nodes: HostNode[];
  node(id: number): HostNode | undefined;
  /** Host node holding a CPU. */
  nodeOfCpu(cpu: number): number | undefined;
  /** Node ids holding any CPU of the set. */
  nodesOfCpus(cpus: CpuSet): CpuSet;
  /** All CPUs of the given nodes. */
  cpusOfNodes(nodes: CpuSet): CpuSet;
  pageSizeKiB: number;
  defaultHugepageSizeKiB: number | undefined;
  minFreeKbytes: number | undefined;
  watermarkScaleFactor: number;
  /** undefined when the host declares no isolation at all. */
  isolation: HostIsolation | undefined;
  /** Housekeeping set HK = online − I; undefined when unknown (rules.md §0). */
  housekeeping: CpuSet | undefined;
  /** Facts the snapshot lacks (its `missing` list plus absent fields). */
  missing: Set<string>;
}
