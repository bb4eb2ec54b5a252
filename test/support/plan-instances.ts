/**
 * Random hosts and guests for the planner's property tests and bench: host
 * snapshots (1–8 nodes, SMT on or off, isolation layouts, 2 MiB and 1 GiB pools,
 * watermarks, hybrid hosts whose last cores are slower) and domain XML (threads 1
 * or 2, guest cells, hugepages or small pages, IOThreads, realtime vCPUs, pins
 * that may be anywhere).
 */
import fc from 'fast-check';
import type { HostSnapshot } from '../../src/model/host.ts';

export interface HostSpec {
  nodes: number;
  coresPerNode: number;
  smt: boolean;
  /** Housekeeping cores per node (the first ones); the rest is isolated. */
  housekeepingCores: number[];
  /** Per node: 2 MiB pages, 1 GiB pages, MemFree in MiB. */
  pools: Array<{ pages2m: number; pages1g: number; freeMiB: number }>;
  minFreeKbytes: number | undefined;
  /** The last cores of each node are slower (cpu_capacity 400 against 1024, as big.LITTLE); 0 on a host whose cores are alike. */
  slowCoresPerNode?: number;
}

export interface GuestSpec {
  vcpus: number;
  threads: 1 | 2;
  /** Two guest cells (vCPUs and memory split in halves) instead of none. */
  cells: boolean;
  backing: 'small' | '2m' | '1g';
  /** Memory per cell (or of the guest) in units of the backing's page (small: 256 MiB). */
  memoryUnits: number;
  iothreads: number;
  /** Where each vCPU is pinned today (taken modulo the host's CPUs), or none: pinned on the first plan. */
  pins: number[];
  /** Every vCPU SCHED_FIFO (<vcpusched>): on a hybrid host, only the fastest cores will do. */
  realtime?: boolean;
}

export const hostSpec = (maxNodes = 8, maxCores = 8): fc.Arbitrary<HostSpec> =>
  fc
    .record({ nodes: fc.integer({ min: 1, max: maxNodes }), coresPerNode: fc.integer({ min: 2, max: maxCores }), smt: fc.boolean() })
    .chain((h) =>
      fc.record({
        nodes: fc.constant(h.nodes),
        coresPerNode: fc.constant(h.coresPerNode),
        smt: fc.constant(h.smt),
        housekeepingCores: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: h.nodes, maxLength: h.nodes }).map((a) => (a.every((x) => x === 0) ? [1, ...a.slice(1)] : a)),
        pools: fc.array(
          fc.record({ pages2m: fc.integer({ min: 0, max: 8 }).map((x) => x * 256), pages1g: fc.integer({ min: 0, max: 8 }), freeMiB: fc.integer({ min: 1, max: 24 }).map((x) => x * 1024) }),
          { minLength: h.nodes, maxLength: h.nodes },
        ),
        minFreeKbytes: fc.option(fc.constantFrom(65536, 131072), { nil: undefined }),
        // One host in three is hybrid.
        slowCoresPerNode: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: h.coresPerNode - 1 })),
      }),
    );

export const guestSpec: fc.Arbitrary<GuestSpec> = fc
  .record({
    vcpus: fc.integer({ min: 1, max: 4 }),
    threads: fc.constantFrom(1 as const, 2 as const),
    cells: fc.boolean(),
    backing: fc.constantFrom('small' as const, '2m' as const, '1g' as const),
    memoryUnits: fc.integer({ min: 1, max: 4 }),
    iothreads: fc.integer({ min: 0, max: 1 }),
    pins: fc.array(fc.nat(255), { minLength: 8, maxLength: 8 }),
    realtime: fc.boolean(),
  })
  .map((g) => {
    // Whole guest cores, and cells of whole guest cores.
    const cores = Math.max(1, Math.ceil(g.vcpus / g.threads));
    const cells = g.cells && cores >= 2;
    const vcpus = (cells ? 2 * Math.ceil(cores / 2) : cores) * g.threads;
    return { ...g, vcpus, cells };
  });

export function cpuCount(h: HostSpec): number {
  return h.nodes * h.coresPerNode * (h.smt ? 2 : 1);
}

/** CPU numbering like Linux on x86: first threads of all cores, then the second threads (siblings n and n + cores). */
export function hostSnapshot(h: HostSpec, name = 'host'): HostSnapshot {
  const cores = h.nodes * h.coresPerNode;
  const cpus = cpuCount(h);
  const topo: Array<{ cpu: number; node: number; socket: number; core: number; siblings: string; capacity?: number }> = [];
  const slow = h.slowCoresPerNode ?? 0;
  const nodeCpus: number[][] = Array.from({ length: h.nodes }, () => []);
  const housekeeping: number[] = [];
  for (let cpu = 0; cpu < cpus; cpu++) {
    const core = cpu % cores;
    const node = Math.floor(core / h.coresPerNode);
    const siblings = h.smt ? `${core},${core + cores}` : `${core}`;
    topo.push({ cpu, node, socket: node, core: core % h.coresPerNode, siblings, ...(slow > 0 ? { capacity: core % h.coresPerNode >= h.coresPerNode - slow ? 400 : 1024 } : {}) });
    nodeCpus[node]!.push(cpu);
    if (core % h.coresPerNode < h.housekeepingCores[node]!) housekeeping.push(cpu);
  }
  const isolated = [...Array(cpus).keys()].filter((c) => !housekeeping.includes(c));
  const list = compress(isolated);
  return {
    kvmlintHostSnapshot: 1,
    source: 'manual',
    hostname: name,
    cpus: { possible: `0-${cpus - 1}`, present: `0-${cpus - 1}`, online: `0-${cpus - 1}` },
    nodes: nodeCpus.map((c, id) => ({
      id,
      cpus: compress(c),
      // Room for the free memory and both pools, as a real node has.
      memTotalKiB: Math.max(64 * 1024 * 1024, (h.pools[id]!.freeMiB + 4096) * 1024 + h.pools[id]!.pages2m * 2048 + h.pools[id]!.pages1g * 1048576),
      memFreeKiB: h.pools[id]!.freeMiB * 1024,
      hugepages: [
        { sizeKiB: 2048, total: h.pools[id]!.pages2m, free: h.pools[id]!.pages2m },
        { sizeKiB: 1048576, total: h.pools[id]!.pages1g, free: h.pools[id]!.pages1g },
      ],
    })),
    hugepages: { defaultSizeKiB: 2048, sizesKiB: [2048, 1048576] },
    pageSizeKiB: 4,
    ...(h.minFreeKbytes === undefined ? {} : { vm: { minFreeKbytes: h.minFreeKbytes, watermarkScaleFactor: 10 } }),
    kernel: { cmdline: list ? `isolcpus=${list} nohz_full=${list} rcu_nocbs=${list}` : '' },
    cpuTopology: topo,
  } as HostSnapshot;
}

function compress(ids: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
    out.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

const PAGE_KIB = { small: 256 * 1024, '2m': 2048, '1g': 1048576 } as const;

export function domainXml(g: GuestSpec, name: string, hostCpus: number): string {
  const unitKiB = g.backing === 'small' ? PAGE_KIB.small : g.backing === '2m' ? 512 * 1024 : PAGE_KIB['1g'];
  const cellKiB = g.memoryUnits * unitKiB;
  const cells = g.cells ? 2 : 0;
  const memKiB = cellKiB * Math.max(1, cells);
  const half = g.vcpus / 2;
  const pins = Array.from({ length: g.vcpus }, (_, v) => `    <vcpupin vcpu='${v}' cpuset='${g.pins[v]! % hostCpus}'/>`).join('\n');
  const sched = g.realtime ? `    <vcpusched vcpus='0-${g.vcpus - 1}' scheduler='fifo' priority='1'/>\n` : '';
  const backing = g.backing === 'small' ? '' : `  <memoryBacking>\n    <hugepages>\n      <page size='${PAGE_KIB[g.backing]}' unit='KiB'/>\n    </hugepages>\n  </memoryBacking>\n`;
  const numa = cells
    ? `\n    <numa>\n      <cell id='0' cpus='0-${half - 1}' memory='${cellKiB}' unit='KiB'/>\n      <cell id='1' cpus='${half}-${g.vcpus - 1}' memory='${cellKiB}' unit='KiB'/>\n    </numa>\n  `
    : '';
  return `<domain type='kvm'>
  <name>${name}</name>
  <memory unit='KiB'>${memKiB}</memory>
${backing}  <vcpu placement='static'>${g.vcpus}</vcpu>
${g.iothreads > 0 ? `  <iothreads>${g.iothreads}</iothreads>\n` : ''}  <cputune>
${sched}${pins}
  </cputune>
  <os>
    <type arch='x86_64' machine='pc-q35-8.2'>hvm</type>
  </os>
  <cpu mode='host-passthrough'>
    <topology sockets='1' dies='1' cores='${g.vcpus / g.threads}' threads='${g.threads}'/>${numa}</cpu>
</domain>
`;
}
