import type { CpuSet } from './cpuset.ts';
import type { HostCpuClasses } from './cpu-capacity.ts';

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

/**
 * The most NUMA nodes a Linux host has: MAX_NUMNODES is 1 << CONFIG_NODES_SHIFT, at most 10
 * (include/linux/numa.h, mm/Kconfig). More is not a host, and per-node work over node pairs
 * (distances) would grow with its square.
 */
export const MAX_HOST_NODES = 1024;

export interface SnapshotNode {
  id: number;
  cpus: SnapshotCpuList;
  memTotalKiB?: number;
  memFreeKiB?: number;
  /** Active(file) + Inactive(file) + SReclaimable: what the kernel reclaims before a bound allocation fails. */
  reclaimableKiB?: number;
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
  /** cpuN/cpu_capacity (arm64, RISC-V): compute capacity, the largest CPU normalised to 1024. */
  capacity?: number;
  /** Intel hybrid: the PMU whose cpus list holds the CPU (cpu_core: P-core, cpu_atom: E-core, cpu_lowpower: LP E-core). */
  coreType?: SnapshotCoreType;
}

/** Intel hybrid core types, by the PMU device names of arch/x86/events/intel/core.c. */
export type SnapshotCoreType = 'core' | 'atom' | 'lowpower';

/** How the scheduler runs a thread: libvirt's <vcpusched scheduler> names (SCHED_OTHER is `other`). */
export type SnapshotSchedPolicy = 'other' | 'fifo' | 'rr' | 'batch' | 'idle' | 'deadline';

/** One thread of a running QEMU process (/proc/PID/task/TID). */
export interface SnapshotGuestThread {
  tid: number;
  /** main and worker threads are the emulator threads `<emulatorpin>` pins. */
  role: 'vcpu' | 'iothread' | 'main' | 'worker';
  /** The vCPU or IOThread id. */
  id?: number;
  /** comm, e.g. `CPU 0/KVM`. */
  name?: string;
  allowedCpus: SnapshotCpuList;
  lastCpu?: number;
  policy?: SnapshotSchedPolicy;
  priority?: number;
}

/** A guest's resident memory on one host node in pages of one size (/proc/PID/numa_maps). */
export interface SnapshotGuestMemory {
  node: number;
  pageSizeKiB: number;
  kib: number;
}

/**
 * The resident memory of one guest NUMA cell's RAM backend on one host node: numa_maps mappings whose file name
 * holds the backend's id, `ram-node<cell>` (libvirt's alias for a cell's memory-backend object).
 */
export interface SnapshotGuestCellMemory {
  cell: number;
  node: number;
  pageSizeKiB: number;
  kib: number;
}

/** One running QEMU process. Of its command line only name and uuid are kept. */
export interface SnapshotGuest {
  name: string;
  uuid?: string;
  pid: number;
  rolesFrom?: 'status-xml' | 'thread-names';
  threads: SnapshotGuestThread[];
  memory?: SnapshotGuestMemory[];
  /** Per guest cell, where numa_maps names the cell's backend; absent when no mapping could be attributed. */
  cellMemory?: SnapshotGuestCellMemory[];
}

/** A task other than guest threads and per-CPU kernel threads that touches an isolated CPU. */
export interface SnapshotForeignTask {
  pid: number;
  tid: number;
  name: string;
  kernelThread?: boolean;
  allowedCpus: SnapshotCpuList;
  lastCpu?: number;
}

export interface SnapshotIrq {
  irq: number;
  name?: string;
  affinity: SnapshotCpuList;
  effectiveAffinity?: SnapshotCpuList;
}

/** What ran on the host at capture time (absent when not captured). */
export interface SnapshotRunning {
  guests?: SnapshotGuest[];
  /** The isolated CPUs foreignTasks and irqs were gathered for. */
  isolatedCpus?: SnapshotCpuList;
  foreignTasks?: SnapshotForeignTask[];
  irqs?: SnapshotIrq[];
}

/** Elements of a definition kvmlint reasons about, reduced to a canonical text each (src/model/definition-reduce.ts). */
export type ReducedElementName = 'vcpu' | 'cputune' | 'numatune' | 'memoryBacking' | 'cpu' | 'memory';

/** One /etc/libvirt/qemu/NAME.xml, reduced. */
export interface SnapshotDefinition {
  file: string;
  name?: string;
  uuid?: string;
  digest: string;
  elements: Partial<Record<ReducedElementName, string>>;
}

/**
 * A libvirt hook that sets hugepage pools when a guest starts (`kvmlint snapshot` reads /etc/libvirt/hooks):
 * for one guest (the hook-helper layout qemu.d/<guest>/prepare/begin/*) or for every guest (a monolithic
 * /etc/libvirt/hooks/qemu, or a script directly in qemu.d, which libvirt itself runs for every guest).
 */
export type SnapshotHugepageHook = ({ guest: string } | { allGuests: true }) & {
  /** The hook scripts, as absolute paths on the host. */
  hooks: string[];
  /** Those of `hooks` that set only the host-wide pool (the kernel spreads its new pages over the nodes with memory). */
  hostWide?: string[];
  /** Hook → the host nodes whose own pools it writes, when it writes only pools of nodes named by number. */
  hookNodes?: Record<string, number[]>;
};

/** The versioned JSON document (schemas/host-snapshot.schema.json). */
export interface HostSnapshot {
  kvmlintHostSnapshot: 1;
  /** Where the facts came from. */
  source?: 'capture' | 'virsh-capabilities' | 'numactl-hardware' | 'manual';
  hostname?: string;
  kernelRelease?: string;
  /** The host's libvirt release (`10.4.0`): libvirt behaviour that changed between releases follows it (src/model/libvirt-version.ts). */
  libvirtVersion?: string;
  capturedAt?: string;
  /** Facts the source could not provide (e.g. "isolation", "zoneinfo", "hugepages.free"). */
  missing?: string[];
  cpus?: { possible?: SnapshotCpuList; present?: SnapshotCpuList; online?: SnapshotCpuList };
  cpuTopology?: SnapshotCpu[];
  nodes: SnapshotNode[];
  hugepages?: { defaultSizeKiB?: number; sizesKiB?: number[]; overcommit?: Array<{ sizeKiB: number; pages: number }> };
  pageSizeKiB?: number;
  vm?: { minFreeKbytes?: number; watermarkScaleFactor?: number };
  kernel?: { cmdline?: string; rtRuntimeUs?: number; rtPeriodUs?: number };
  /** The running kernel's own view, from /sys/devices/system/cpu/{isolated,nohz_full}. */
  isolation?: { isolated?: SnapshotCpuList; nohzFull?: SnapshotCpuList };
  /** `includes`: the profiles the active one includes (include= in tuned.conf), transitively, in tuned's reading order. */
  tuned?: { activeProfile?: string; includes?: string[]; isolatedCores?: SnapshotCpuList; noBalanceCores?: SnapshotCpuList };
  /** The running guests and what else runs on isolated CPUs, when captured. */
  running?: SnapshotRunning;
  /** `numad`: whether numad is installed (placement='auto' needs it); absent when unknown. */
  libvirt?: { definitions?: SnapshotDefinition[]; hugepageHooks?: SnapshotHugepageHook[]; numad?: boolean };
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
  /** Page cache and slab the kernel can reclaim on the node (undefined: the source did not say). */
  reclaimableKiB: number | undefined;
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
  /** The same findings as `notes`, as data for rules (isolation-params-consistency); never parse `notes`. */
  facts: IsolationFact[];
}

/** A kernel command-line parameter as written: its name (`-` read as `_`) and value. */
export interface CmdlineParamRef {
  param: string;
  value: string;
}

/**
 * Something about the host's isolation parameters worth telling the user, as
 * data. Command-line facts name the parameter occurrence (`param=value`).
 */
export type IsolationFact =
  /** A CPU past the possible range: housekeeping_setup()/cpulist_parse() may drop the whole value (treated as isolating nothing). */
  | (CmdlineParamRef & { kind: 'beyond-possible'; cpu: number; possible: CpuSet })
  /** The value does not parse: the kernel ignores it (isolcpus/nohz_full) or falls back (rcu_nocbs: all CPUs). */
  | (CmdlineParamRef & { kind: 'unparseable'; error: string })
  /** `isolcpus`/`nohz_full` without a value. */
  | { kind: 'missing-value'; param: string }
  /** A later isolcpus=/nohz_full= setting up an isolation type already set up with other CPUs: ignored whole ("nohz_full= must match isolcpus="). */
  | (CmdlineParamRef & { kind: 'ignored-mismatch'; cpus: CpuSet; earlier: CmdlineParamRef; earlierCpus: CpuSet })
  /** The value covers every present CPU: the kernel keeps the boot CPU for housekeeping. */
  | (CmdlineParamRef & { kind: 'boot-cpu-kept' })
  /** isolcpus with only flags that do not isolate from the scheduler (managed_irq). */
  | (CmdlineParamRef & { kind: 'not-isolating'; flags: string[] })
  /** The command line and the running kernel's /sys view disagree; the running kernel wins. `layer` names which set. */
  | { kind: 'cmdline-vs-running'; layer: 'domain' | 'nohz'; commandLine: CpuSet; running: CpuSet; runningPath: string }
  /** tuned isolated_cores differs from what the booted kernel isolates (profile changed without a reboot). */
  | { kind: 'tuned-vs-booted'; tuned: CpuSet; booted: CpuSet; bootedBy: 'running kernel' | 'command line' }
  /** tuned isolated_cores set, but the active profile does not isolate CPUs. */
  | { kind: 'tuned-profile-ignored'; profile: string; cpus: CpuSet }
  /** tuned isolated_cores set with no active profile recorded: assumed to apply. */
  | { kind: 'tuned-profile-unknown'; cpus: CpuSet };

/** One isolation layer, with where it was read. */
export interface IsolationLayer {
  cpus: CpuSet;
  /** Human name of the source: `isolcpus=domain,4-31`, `/sys/devices/system/cpu/nohz_full`, `tuned isolated_cores`. */
  source: string;
  /** JSON path of the snapshot value it came from (`kernel.cmdline`, `isolation.isolated`, `tuned.isolatedCores`). */
  path: string;
  /** For a command-line parameter, the `key=value` text as written (to locate it inside `kernel.cmdline`). */
  param?: string;
}

/**
 * The host's CPU isolation layer by layer (src/model/isolation-layers.ts). Each
 * is undefined when the snapshot cannot tell; an empty set means "known: none".
 */
export interface HostIsolationLayers {
  /** Whether the booted command line is known (then an absent parameter means "not set"). */
  cmdlineKnown: boolean;
  /**
   * The isolcpus *domain* set: CPUs outside every scheduler domain, never load-balanced
   * (the running kernel's /sys/devices/system/cpu/isolated, else isolcpus= with the
   * domain flag or no flag).
   */
  domain: IsolationLayer | undefined;
  /** Flags of the isolcpus= value the kernel applied (`['domain']` when none were given); undefined without one. */
  isolcpusFlags: string[] | undefined;
  /** Tick-less (nohz_full) CPUs: /sys/devices/system/cpu/nohz_full, else nohz_full= ∪ the isolcpus nohz flag's CPUs. */
  nohz: IsolationLayer | undefined;
  /** rcu_nocbs= as the kernel took it (the last occurrence; a list that does not parse means every CPU). */
  rcuNocbs: IsolationLayer | undefined;
  /** CPUs whose RCU callbacks are offloaded: rcu_nocbs ∪ nohz (kernel/rcu/tree_nocb.h rcu_init_nohz); undefined when neither is known. */
  rcuOffload: CpuSet | undefined;
  /** irqaffinity= (the default IRQ affinity) as written, without the boot CPU the kernel adds. */
  irqAffinity: IsolationLayer | undefined;
  /** CPUs of an applied isolcpus=managed_irq,…: managed interrupts avoid them. */
  managedIrq: IsolationLayer | undefined;
  /** tuned isolated_cores, when the active profile isolates (cpu-partitioning, realtime*) or is unknown. */
  tunedIsolated: IsolationLayer | undefined;
  /** tuned no_balance_cores (cpu-partitioning: CPUs taken out of load balancing), under the same condition. */
  tunedNoBalance: IsolationLayer | undefined;
  /** The command line's own domain and nohz sets, before the running kernel's view overrides them. */
  commandLine: { domain: CpuSet; nohz: CpuSet } | undefined;
  /** Facts about rcu_nocbs= and irqaffinity= (beyond the possible range, not parsing) and cmdline-vs-running per layer. */
  facts: IsolationFact[];
}

/** Where a CPU sits: socket (physical_package_id), die, core id, node. */
export interface HostCpuPlace {
  socket: number | undefined;
  die: number | undefined;
  core: number | undefined;
  node: number | undefined;
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
  /**
   * nr_overcommit_hugepages of a size (0 when the snapshot has none): surplus pages the kernel may take
   * from free memory once that size's pools run out (mm/hugetlb.c gather_surplus_pages).
   */
  hugepageOvercommit(sizeKiB: number): number;
  minFreeKbytes: number | undefined;
  watermarkScaleFactor: number;
  /** undefined when the host declares no isolation at all. */
  isolation: HostIsolation | undefined;
  /** The host's libvirt release (config hosts[].libvirtVersion, else the snapshot's); undefined when unknown. */
  libvirtVersion: string | undefined;
  /** Housekeeping set HK = online − I; undefined when unknown (rules.md §0). */
  housekeeping: CpuSet | undefined;
  /** Facts the snapshot lacks (its `missing` list plus absent fields). */
  missing: Set<string>;
  /** Every isolation layer with its source (src/model/isolation-layers.ts). */
  isolationLayers: HostIsolationLayers;
  /**
   * SMT siblings of a CPU (its thread_siblings_list, the CPU itself included), else the
   * CPUs sharing its socket, die and core id; undefined when the snapshot lacks its topology.
   */
  siblingsOf(cpu: number): CpuSet | undefined;
  /** Some core has two or more hardware threads (false: SMT off or absent; undefined: no topology). */
  readonly smt: boolean | undefined;
  /** Socket, die, core and node of a CPU; undefined when the snapshot has no topology entry for it. */
  placeOf(cpu: number): HostCpuPlace | undefined;
  /**
   * CPUs of different speed on a hybrid host (big.LITTLE capacities, Intel P/E cores), fastest class first
   * (src/model/cpu-capacity.ts); undefined when every CPU is alike or the snapshot does not say.
   */
  cpuClasses: HostCpuClasses | undefined;
}
