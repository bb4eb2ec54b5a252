/**
 * Writes fixtures/sysfs/<case>/: copies of the files `kvmlint snapshot` reads,
 * laid out exactly as the kernel and tuned lay them out (sys/devices/system/{cpu,node},
 * sys/kernel/mm/hugepages, proc/{cmdline,meminfo,zoneinfo,sys/vm,sys/kernel},
 * etc/tuned), for the host shapes issue 4 lists. Deterministic: the same spec
 * always gives the same bytes, and test/host/sysfs-fixtures.test.ts fails when the
 * committed trees drift from it.
 *
 *   node --import tsx scripts/gen-sysfs-fixtures.ts        # rewrite fixtures/sysfs
 *
 * The watermarks printed in zoneinfo are computed here with the kernel's formula
 * (mm/page_alloc.c __setup_per_zone_wmarks), written out independently of
 * src/model/watermarks.ts so the fixtures do not just echo the code under test.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type ZoneName = 'DMA' | 'DMA32' | 'Normal' | 'Movable' | 'Device';
const ZONE_ORDER: readonly ZoneName[] = ['DMA', 'DMA32', 'Normal', 'Movable', 'Device'];
/** sysctl_lowmem_reserve_ratio defaults (mm/page_alloc.c), by zone. */
const LOWMEM_RESERVE_RATIO: Record<ZoneName, number> = { DMA: 256, DMA32: 256, Normal: 32, Movable: 0, Device: 0 };

export interface ZoneSpec {
  name: ZoneName;
  startPfn: number;
  spanned: number;
  present: number;
  managed: number;
  freePages: number;
  /** watermark_boost (pages): zoneinfo prints min/low/high with it added. */
  boost?: number;
}

export interface PoolSpec {
  sizeKiB: number;
  nr: number;
  free: number;
  surplus: number;
}

export interface NodeSpec {
  id: number;
  /** Populated zones; zoneinfo also prints the others of ZONE_ORDER, empty. */
  zones: ZoneSpec[];
  /** Per-size pools; a memory-less node has no hugepages directory at all. */
  pools: PoolSpec[];
  distances: number[];
}

export interface CpuSpec {
  cpu: number;
  node: number;
  socket: number;
  die: number;
  core: number;
  online: boolean;
}

export interface CaseSpec {
  name: string;
  about: string;
  hostname: string;
  osrelease: string;
  /** Kernels since 5.18 print `promo` and per-CPU high_min/high_max in zoneinfo. */
  newZoneinfo: boolean;
  possible: string;
  /** Present CPUs (every one has a cpuN directory), online or not. */
  cpus: CpuSpec[];
  nodes: NodeSpec[];
  cmdline: string;
  minFreeKbytes: number;
  watermarkScaleFactor: number;
  hugepageSizesKiB: number[];
  /** nr_overcommit_hugepages per size, where above 0 (surplus pages the kernel may allocate). */
  overcommit?: Array<{ sizeKiB: number; pages: number }>;
  defaultHugepageKiB: number;
  /** Contents of /sys/devices/system/cpu/isolated and nohz_full without the newline; undefined: no such file. */
  isolated: string | undefined;
  nohzFull: string | undefined;
  /** undefined: no /etc/tuned at all. */
  tuned?: { profile: string; variables?: { file: string; text: string } };
}

// ---------------------------------------------------------------------------
// Kernel list and mask formatting (lib/bitmap-str.c %*pbl and %*pb)

function formatList(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function formatMask(ids: readonly number[], nbits: number): string {
  const words = Math.max(1, Math.ceil(nbits / 32));
  const out: string[] = [];
  for (let w = words - 1; w >= 0; w--) {
    let v = 0;
    for (const id of ids) if (id >= w * 32 && id < (w + 1) * 32) v = (v | (1 << (id - w * 32))) >>> 0;
    const width = w === words - 1 ? Math.ceil((nbits - w * 32) / 4) : 8;
    out.push(v.toString(16).padStart(width, '0'));
  }
  return out.join(',');
}

function parseRanges(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(',').filter((p) => p !== '')) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a!; i <= (b ?? a!); i++) out.push(i);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Watermarks (mm/page_alloc.c __setup_per_zone_wmarks, 4 KiB pages)

interface Watermarks {
  min: number;
  low: number;
  high: number;
  promo: number;
}

function kernelWatermarks(spec: CaseSpec): Map<string, Watermarks> {
  const all = spec.nodes.flatMap((n) => n.zones.map((z) => ({ node: n.id, zone: z })));
  const pagesMin = BigInt(spec.minFreeKbytes >> 2);
  // Lowmem: every zone but HighMem and Movable, of every node.
  const lowmem = all.filter((e) => e.zone.name !== 'Movable').reduce((a, e) => a + BigInt(e.zone.managed), 0n);
  const out = new Map<string, Watermarks>();
  for (const { node, zone } of all) {
    const managed = BigInt(zone.managed);
    const tmp = (pagesMin * managed) / lowmem;
    let min = tmp;
    if (zone.name === 'Movable') {
      min = managed / 1024n;
      if (min < 32n) min = 32n;
      if (min > 128n) min = 128n;
    }
    const byScale = (managed * BigInt(spec.watermarkScaleFactor)) / 10000n;
    const gap = tmp >> 2n > byScale ? tmp >> 2n : byScale;
    out.set(`${node}/${zone.name}`, { min: Number(min), low: Number(min + gap), high: Number(min + 2n * gap), promo: Number(min + 3n * gap) });
  }
  return out;
}

/** Every zone of a node in zoneinfo order, unpopulated ones as zeros (zoneinfo prints them all). */
function allZones(node: NodeSpec): ZoneSpec[] {
  return ZONE_ORDER.map((name) => node.zones.find((z) => z.name === name) ?? { name, startPfn: 0, spanned: 0, present: 0, managed: 0, freePages: 0 });
}

function emptyZoneWatermarks(name: ZoneName): Watermarks {
  // An empty Movable zone still gets the clamped minimum; the gap is 0.
  if (name === 'Movable') return { min: 32, low: 32, high: 32, promo: 32 };
  return { min: 0, low: 0, high: 0, promo: 0 };
}

function zoneinfo(spec: CaseSpec): string {
  const wm = kernelWatermarks(spec);
  const onlineCpus = spec.cpus.filter((c) => c.online).map((c) => c.cpu);
  let out = '';
  for (const node of spec.nodes) {
    const zones = allZones(node);
    const firstPopulated = zones.findIndex((z) => z.present > 0);
    zones.forEach((z, zi) => {
      const w = wm.get(`${node.id}/${z.name}`) ?? emptyZoneWatermarks(z.name);
      const boost = z.boost ?? 0;
      out += `Node ${node.id}, zone ${z.name.padStart(8)}\n`;
      if (zi === firstPopulated) {
        const nodeFree = node.zones.reduce((a, x) => a + x.freePages, 0);
        const used = node.zones.reduce((a, x) => a + x.managed, 0) - nodeFree;
        out += '  per-node stats\n';
        const stats: Array<[string, number]> = [
          ['nr_inactive_anon', Math.floor(used * 0.02)],
          ['nr_active_anon', Math.floor(used * 0.05)],
          ['nr_inactive_file', Math.floor(used * 0.1)],
          ['nr_active_file', Math.floor(used * 0.08)],
          ['nr_unevictable', 0],
          ['nr_slab_reclaimable', Math.floor(used * 0.01)],
          ['nr_slab_unreclaimable', Math.floor(used * 0.005)],
          ['nr_isolated_anon', 0],
          ['nr_isolated_file', 0],
          ['nr_anon_pages', Math.floor(used * 0.07)],
          ['nr_mapped', Math.floor(used * 0.01)],
          ['nr_file_pages', Math.floor(used * 0.18)],
          ['nr_dirty', 12],
          ['nr_writeback', 0],
          ['nr_shmem', 310],
          ['nr_kernel_stack', 4096],
          ['nr_page_table_pages', 2210],
        ];
        for (const [k, v] of stats) out += `      ${k.padEnd(12)} ${v}\n`;
      }
      out += `  pages free     ${z.freePages}\n`;
      out += `        boost    ${boost}\n`;
      out += `        min      ${w.min + boost}\n`;
      out += `        low      ${w.low + boost}\n`;
      out += `        high     ${w.high + boost}\n`;
      if (spec.newZoneinfo) out += `        promo    ${w.promo + boost}\n`;
      out += `        spanned  ${z.spanned}\n`;
      out += `        present  ${z.present}\n`;
      out += `        managed  ${z.managed}\n`;
      out += `        cma      0\n`;
      // setup_per_zone_lowmem_reserve(): what each higher zone keeps from this one.
      const protection = zones.map((_, j) => {
        if (j <= zi) return 0;
        const ratio = LOWMEM_RESERVE_RATIO[z.name];
        const upper = zones.slice(zi + 1, j + 1).reduce((a, x) => a + x.managed, 0);
        return ratio === 0 || z.managed === 0 ? 0 : Math.floor(upper / ratio);
      });
      out += `        protection: (${protection.join(', ')})\n`;
      if (z.present === 0) return;
      const counters: Array<[string, number]> = [
        ['nr_free_pages', z.freePages],
        ['nr_zone_inactive_anon', 0],
        ['nr_zone_active_anon', 0],
        ['nr_zone_inactive_file', 0],
        ['nr_zone_active_file', 0],
        ['nr_zone_unevictable', 0],
        ['nr_zone_write_pending', 0],
        ['nr_mlock', 0],
        ['nr_bounce', 0],
        ['nr_zspages', 0],
        ['nr_free_cma', 0],
        ['numa_hit', 0],
        ['numa_miss', 0],
        ['numa_foreign', 0],
        ['numa_interleave', 0],
        ['numa_local', 0],
        ['numa_other', 0],
      ];
      for (const [k, v] of counters) out += `      ${k.padEnd(12)} ${v}\n`;
      out += '  pagesets\n';
      for (const cpu of onlineCpus) {
        out += `    cpu: ${cpu}\n`;
        if (spec.newZoneinfo) {
          out += `              count:    0\n              high:     0\n              batch:    63\n              high_min: 1024\n              high_max: 8192\n`;
        } else {
          out += `              count: 0\n              high:  378\n              batch: 63\n`;
        }
        out += `  vm stats threshold: 48\n`;
      }
      out += `  node_unreclaimable:  0\n`;
      out += `  start_pfn:           ${z.startPfn}\n`;
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Other files

function kb(kib: number): string {
  return `${kib} kB`;
}

function nodeMemTotalKiB(node: NodeSpec): number {
  return node.zones.reduce((a, z) => a + z.managed, 0) * 4;
}

function nodeMemFreeKiB(node: NodeSpec): number {
  return node.zones.reduce((a, z) => a + z.freePages, 0) * 4;
}

function hugetlbKiB(node: NodeSpec): number {
  return node.pools.reduce((a, p) => a + p.nr * p.sizeKiB, 0);
}

function nodeMeminfo(node: NodeSpec, spec: CaseSpec): string {
  const total = nodeMemTotalKiB(node);
  const free = nodeMemFreeKiB(node);
  const used = total - free;
  const def = node.pools.find((p) => p.sizeKiB === spec.defaultHugepageKiB) ?? { nr: 0, free: 0, surplus: 0 };
  const rows: Array<[string, string]> = [
    ['MemTotal', kb(total)],
    ['MemFree', kb(free)],
    ['MemUsed', kb(used)],
    ['SwapCached', kb(0)],
    ['Active', kb(Math.floor((used - hugetlbKiB(node)) * 0.4) > 0 ? Math.floor((used - hugetlbKiB(node)) * 0.4) : 0)],
    ['Inactive', kb(Math.floor((used - hugetlbKiB(node)) * 0.3) > 0 ? Math.floor((used - hugetlbKiB(node)) * 0.3) : 0)],
    ['Unevictable', kb(0)],
    ['Mlocked', kb(0)],
    ['Dirty', kb(48)],
    ['Writeback', kb(0)],
    ['FilePages', kb(Math.max(0, Math.floor((used - hugetlbKiB(node)) * 0.5)))],
    ['Mapped', kb(Math.max(0, Math.floor((used - hugetlbKiB(node)) * 0.05)))],
    ['AnonPages', kb(Math.max(0, Math.floor((used - hugetlbKiB(node)) * 0.2)))],
    ['Shmem', kb(1240)],
    ['KernelStack', kb(16384)],
    ['PageTables', kb(8840)],
    ['Slab', kb(Math.max(0, Math.floor((used - hugetlbKiB(node)) * 0.06)))],
    ['AnonHugePages', kb(0)],
    ['HugePages_Total', `${def.nr}`],
    ['HugePages_Free', `${def.free}`],
    ['HugePages_Surp', `${def.surplus}`],
  ];
  // drivers/base/node.c: "Node %d %-16s%8lu kB" style columns.
  return rows.map(([k, v]) => `Node ${node.id} ${`${k}:`.padEnd(16)}${v.endsWith(' kB') ? v.replace(' kB', '').padStart(9) + ' kB' : v.padStart(6)}\n`).join('');
}

function procMeminfo(spec: CaseSpec): string {
  const total = spec.nodes.reduce((a, n) => a + nodeMemTotalKiB(n), 0);
  const free = spec.nodes.reduce((a, n) => a + nodeMemFreeKiB(n), 0);
  const pools = spec.nodes.flatMap((n) => n.pools);
  const def = pools.filter((p) => p.sizeKiB === spec.defaultHugepageKiB);
  const hugetlb = pools.reduce((a, p) => a + p.nr * p.sizeKiB, 0);
  const rows: Array<[string, number, boolean]> = [
    ['MemTotal', total, true],
    ['MemFree', free, true],
    ['MemAvailable', Math.floor(free * 1.05 > total ? free : free * 1.05), true],
    ['Buffers', 10240, true],
    ['Cached', 2097152, true],
    ['SwapCached', 0, true],
    ['SwapTotal', 8388604, true],
    ['SwapFree', 8388604, true],
    ['AnonHugePages', 0, true],
    ['HugePages_Total', def.reduce((a, p) => a + p.nr, 0), false],
    ['HugePages_Free', def.reduce((a, p) => a + p.free, 0), false],
    ['HugePages_Rsvd', 0, false],
    ['HugePages_Surp', def.reduce((a, p) => a + p.surplus, 0), false],
    ['Hugepagesize', spec.defaultHugepageKiB, true],
    ['Hugetlb', hugetlb, true],
  ];
  return rows.map(([k, v, isKb]) => `${`${k}:`.padEnd(16)}${String(v).padStart(8)}${isKb ? ' kB' : ''}\n`).join('');
}

// ---------------------------------------------------------------------------
// Writing a tree

export function writeSysfsTree(spec: CaseSpec, dir: string): void {
  const write = (rel: string, text: string): void => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  const link = (rel: string, target: string): void => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    symlinkSync(target, p);
  };
  const cpu = 'sys/devices/system/cpu';
  const node = 'sys/devices/system/node';
  const possible = parseRanges(spec.possible);
  const nbits = Math.max(...possible) + 1;
  const present = spec.cpus.map((c) => c.cpu);
  const online = spec.cpus.filter((c) => c.online).map((c) => c.cpu);

  write(`${cpu}/possible`, `${spec.possible}\n`);
  write(`${cpu}/present`, `${formatList(present)}\n`);
  write(`${cpu}/online`, `${formatList(online)}\n`);
  write(`${cpu}/offline`, `${formatList(possible.filter((c) => !online.includes(c)))}\n`);
  write(`${cpu}/kernel_max`, '8191\n');
  if (spec.isolated !== undefined) write(`${cpu}/isolated`, `${spec.isolated}\n`);
  if (spec.nohzFull !== undefined) write(`${cpu}/nohz_full`, `${spec.nohzFull}\n`);

  for (const c of spec.cpus) {
    const d = `${cpu}/cpu${c.cpu}`;
    link(`${d}/node${c.node}`, `../../node/node${c.node}`);
    // cpu0 cannot be unplugged on x86: no online file.
    if (c.cpu !== 0) write(`${d}/online`, c.online ? '1\n' : '0\n');
    // The topology directory goes away while a CPU is offline (drivers/base/topology.c hotplug callback).
    if (!c.online) continue;
    const siblings = spec.cpus.filter((o) => o.online && o.socket === c.socket && o.die === c.die && o.core === c.core).map((o) => o.cpu);
    const pkg = spec.cpus.filter((o) => o.online && o.socket === c.socket).map((o) => o.cpu);
    write(`${d}/topology/physical_package_id`, `${c.socket}\n`);
    write(`${d}/topology/die_id`, `${c.die}\n`);
    write(`${d}/topology/core_id`, `${c.core}\n`);
    write(`${d}/topology/thread_siblings_list`, `${formatList(siblings)}\n`);
    write(`${d}/topology/thread_siblings`, `${formatMask(siblings, nbits)}\n`);
    write(`${d}/topology/core_cpus_list`, `${formatList(siblings)}\n`);
    write(`${d}/topology/package_cpus_list`, `${formatList(pkg)}\n`);
    write(`${d}/topology/core_siblings_list`, `${formatList(pkg)}\n`);
  }

  const nodeIds = spec.nodes.map((n) => n.id);
  const withMemory = spec.nodes.filter((n) => n.zones.some((z) => z.present > 0)).map((n) => n.id);
  const withNormal = spec.nodes.filter((n) => n.zones.some((z) => z.present > 0 && z.name !== 'Movable')).map((n) => n.id);
  const withCpu = spec.nodes.filter((n) => spec.cpus.some((c) => c.node === n.id && c.online)).map((n) => n.id);
  write(`${node}/possible`, `${formatList(nodeIds)}\n`);
  write(`${node}/online`, `${formatList(nodeIds)}\n`);
  write(`${node}/has_memory`, `${formatList(withMemory)}\n`);
  write(`${node}/has_normal_memory`, `${formatList(withNormal)}\n`);
  write(`${node}/has_cpu`, `${formatList(withCpu)}\n`);
  for (const n of spec.nodes) {
    const d = `${node}/node${n.id}`;
    // x86 adds a CPU to its node's mask when it comes online and removes it when it goes offline.
    const cpus = spec.cpus.filter((c) => c.node === n.id && c.online).map((c) => c.cpu);
    write(`${d}/cpulist`, `${formatList(cpus)}\n`);
    write(`${d}/cpumap`, `${formatMask(cpus, nbits)}\n`);
    write(`${d}/distance`, `${n.distances.join(' ')}\n`);
    write(`${d}/meminfo`, nodeMeminfo(n, spec));
    for (const c of spec.cpus.filter((x) => x.node === n.id)) link(`${d}/cpu${c.cpu}`, `../../cpu/cpu${c.cpu}`);
    for (const p of n.pools) {
      const h = `${d}/hugepages/hugepages-${p.sizeKiB}kB`;
      write(`${h}/nr_hugepages`, `${p.nr}\n`);
      write(`${h}/free_hugepages`, `${p.free}\n`);
      write(`${h}/surplus_hugepages`, `${p.surplus}\n`);
    }
  }

  for (const size of spec.hugepageSizesKiB) {
    const h = `sys/kernel/mm/hugepages/hugepages-${size}kB`;
    const pools = spec.nodes.flatMap((n) => n.pools.filter((p) => p.sizeKiB === size));
    write(`${h}/nr_hugepages`, `${pools.reduce((a, p) => a + p.nr, 0)}\n`);
    write(`${h}/nr_hugepages_mempolicy`, `${pools.reduce((a, p) => a + p.nr, 0)}\n`);
    write(`${h}/free_hugepages`, `${pools.reduce((a, p) => a + p.free, 0)}\n`);
    write(`${h}/resv_hugepages`, '0\n');
    write(`${h}/surplus_hugepages`, `${pools.reduce((a, p) => a + p.surplus, 0)}\n`);
    write(`${h}/nr_overcommit_hugepages`, `${spec.overcommit?.find((o) => o.sizeKiB === size)?.pages ?? 0}\n`);
  }

  write('proc/cmdline', `${spec.cmdline}\n`);
  write('proc/meminfo', procMeminfo(spec));
  write('proc/zoneinfo', zoneinfo(spec));
  write('proc/sys/vm/min_free_kbytes', `${spec.minFreeKbytes}\n`);
  write('proc/sys/vm/watermark_scale_factor', `${spec.watermarkScaleFactor}\n`);
  write('proc/sys/kernel/hostname', `${spec.hostname}\n`);
  write('proc/sys/kernel/osrelease', `${spec.osrelease}\n`);
  // Realtime throttling as the kernel ships it (sched_rt_runtime_us 0.95 s of every 1 s).
  write('proc/sys/kernel/sched_rt_runtime_us', '950000\n');
  write('proc/sys/kernel/sched_rt_period_us', '1000000\n');

  if (spec.tuned) {
    write('etc/tuned/active_profile', `${spec.tuned.profile}\n`);
    write('etc/tuned/profile_mode', 'manual\n');
    if (spec.tuned.variables) write(`etc/tuned/${spec.tuned.variables.file}`, spec.tuned.variables.text);
  }
}

// ---------------------------------------------------------------------------
// The cases

const GiB_PAGES = 262144;

/**
 * x86_64 zones of a node with `gib` GiB of RAM and `freeKiB` free: node 0 has DMA
 * and DMA32 below 4 GiB and Normal above; other nodes have Normal only. Managed is
 * present less the struct page and reserved overhead (1/64).
 */
function x86Zones(id: number, gib: number, freeKiB: number, startPfn: number, boost = 0): ZoneSpec[] {
  const overhead = (p: number): number => p - Math.floor(p / 64);
  let freePages = Math.floor(freeKiB / 4);
  const zones: ZoneSpec[] = [];
  if (id === 0) {
    const dmaFree = Math.min(3584, freePages);
    zones.push({ name: 'DMA', startPfn: 1, spanned: 4095, present: 3998, managed: 3840, freePages: dmaFree });
    freePages -= dmaFree;
    const dma32Managed = 765002;
    const dma32Free = Math.min(Math.floor(dma32Managed * 0.9), freePages);
    zones.push({ name: 'DMA32', startPfn: 4096, spanned: 1044480, present: 782298, managed: dma32Managed, freePages: dma32Free });
    freePages -= dma32Free;
    const present = gib * GiB_PAGES - 786296;
    zones.push({ name: 'Normal', startPfn: 1048576, spanned: present, present, managed: overhead(present), freePages, boost });
  } else {
    const present = gib * GiB_PAGES;
    zones.push({ name: 'Normal', startPfn, spanned: present, present, managed: overhead(present), freePages, boost });
  }
  const normal = zones[zones.length - 1]!;
  if (normal.freePages > normal.managed || normal.freePages < 0) throw new Error(`node ${id}: free memory does not fit its zones`);
  return zones;
}

/** CPUs of one socket: `cores` cores, threads numbered core + k·stride (Intel-style SMT numbering). */
function socketCpus(first: number, socket: number, node: number, cores: number, threads: number, stride: number, offline: readonly number[] = []): CpuSpec[] {
  const out: CpuSpec[] = [];
  for (let t = 0; t < threads; t++) {
    for (let c = 0; c < cores; c++) {
      const cpu = first + c + t * stride;
      out.push({ cpu, node, socket, die: 0, core: c, online: !offline.includes(cpu) });
    }
  }
  return out.sort((a, b) => a.cpu - b.cpu);
}

const RHEL9 = '5.14.0-427.13.1.el9_4.x86_64';
const RHEL9_BOOT = `BOOT_IMAGE=(hd0,gpt2)/vmlinuz-${RHEL9} root=/dev/mapper/rl-root ro crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M resume=/dev/mapper/rl-swap rd.lvm.lv=rl/root rd.lvm.lv=rl/swap`;

const TUNED_VARIABLES_HEADER =
  '# Set by the operator for kvmlint fixture purposes.\n' +
  '# CPUs listed in isolated_cores are kept free of kernel and user-space noise;\n' +
  '# the remaining CPUs do the housekeeping.\n';

export const SYSFS_CASES: readonly CaseSpec[] = [
  {
    name: 'dual-socket-isolated',
    about:
      'The tuning guide\'s host: 2 sockets × 8 cores × 2 threads, 64 GiB per node, isolcpus=managed_irq,domain,4-31 with nohz_full and ' +
      'rcu_nocbs, tuned cpu-partitioning with isolated_cores=4-31, 8192 × 2 MiB pages per node, a boosted Normal zone on node 0.',
    hostname: 'hv-dual01',
    osrelease: RHEL9,
    newZoneinfo: false,
    possible: '0-31',
    cpus: [...socketCpus(0, 0, 0, 8, 2, 8), ...socketCpus(16, 1, 1, 8, 2, 8)],
    nodes: [
      { id: 0, zones: x86Zones(0, 64, 43008000, 0, 2048), pools: [{ sizeKiB: 2048, nr: 8192, free: 8192, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [10, 21] },
      { id: 1, zones: x86Zones(1, 64, 46080000, 17039360), pools: [{ sizeKiB: 2048, nr: 8192, free: 8192, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [21, 10] },
    ],
    cmdline:
      `${RHEL9_BOOT} default_hugepagesz=2M hugepagesz=2M hugepages=16384 skew_tick=1 tsc=reliable rcupdate.rcu_normal_after_boot=1 ` +
      'isolcpus=managed_irq,domain,4-31 intel_pstate=disable nosoftlockup nohz_full=4-31 rcu_nocbs=4-31 irqaffinity=0-3 tuned.non_isolcpus=0000000f',
    minFreeKbytes: 90112,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048, 1048576],
    defaultHugepageKiB: 2048,
    isolated: '4-31',
    nohzFull: '4-31',
    tuned: {
      profile: 'cpu-partitioning',
      variables: { file: 'cpu-partitioning-variables.conf', text: `${TUNED_VARIABLES_HEADER}isolated_cores=4-31\n\n# no_balance_cores=\n` },
    },
  },
  {
    name: 'memoryless-node',
    about: 'Three sockets; node 2 has CPUs 16-23 but no memory (no DIMMs on that socket): MemTotal 0, no hugepages directory, empty zones.',
    hostname: 'hv-memless',
    osrelease: RHEL9,
    newZoneinfo: false,
    possible: '0-23',
    cpus: [...socketCpus(0, 0, 0, 8, 1, 8), ...socketCpus(8, 1, 1, 8, 1, 8), ...socketCpus(16, 2, 2, 8, 1, 8)],
    nodes: [
      { id: 0, zones: x86Zones(0, 32, 20971520, 0), pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [10, 16, 16] },
      { id: 1, zones: x86Zones(1, 32, 25165824, 8388608), pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [16, 10, 16] },
      { id: 2, zones: [], pools: [], distances: [16, 16, 10] },
    ],
    cmdline: `${RHEL9_BOOT} rhgb quiet`,
    minFreeKbytes: 67584,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048, 1048576],
    defaultHugepageKiB: 2048,
    isolated: '',
    // CONFIG_CPUMASK_OFFSTACK kernels print the never-allocated nohz_full mask as "(null)".
    nohzFull: '(null)',
    tuned: { profile: 'virtual-host' },
  },
  {
    name: 'cpuless-node',
    about:
      'Two sockets (adjacent SMT threads) and node 2: 32 GiB of CXL memory onlined as ZONE_MOVABLE, no CPUs. Isolation on the command line; ' +
      'the tuned profile does not partition CPUs.',
    hostname: 'hv-cxl01',
    osrelease: '6.8.0-45-generic',
    newZoneinfo: true,
    possible: '0-15',
    cpus: [
      ...Array.from({ length: 8 }, (_, i): CpuSpec => ({ cpu: i, node: 0, socket: 0, die: 0, core: i >> 1, online: true })),
      ...Array.from({ length: 8 }, (_, i): CpuSpec => ({ cpu: 8 + i, node: 1, socket: 1, die: 0, core: i >> 1, online: true })),
    ],
    nodes: [
      { id: 0, zones: x86Zones(0, 64, 52428800, 0), pools: [{ sizeKiB: 2048, nr: 1024, free: 1024, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [10, 21, 24] },
      { id: 1, zones: x86Zones(1, 64, 54525952, 17039360), pools: [{ sizeKiB: 2048, nr: 1024, free: 1024, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [21, 10, 24] },
      {
        id: 2,
        zones: [{ name: 'Movable', startPfn: 34603008, spanned: 8388608, present: 8388608, managed: 8388608, freePages: 8257536 }],
        pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }],
        distances: [24, 24, 10],
      },
    ],
    cmdline: 'BOOT_IMAGE=/vmlinuz-6.8.0-45-generic root=UUID=0d2f3c8e-5b7a-4f21-9a56-3c1e8f7d2b44 ro isolcpus=domain,2-7,10-15 nohz_full=2-7,10-15 rcu_nocbs=2-7,10-15 memhp_default_state=online_movable',
    minFreeKbytes: 90112,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048, 1048576],
    defaultHugepageKiB: 2048,
    isolated: '2-7,10-15',
    nohzFull: '2-7,10-15',
    tuned: { profile: 'throughput-performance' },
  },
  {
    name: 'offline-cpus',
    about:
      'Firmware reports 32 possible CPUs, 16 are present, and CPUs 6 and 7 were taken offline (echo 0 > cpuN/online): they keep their ' +
      'cpuN directory and node link but lose their topology directory and leave node 0\'s cpulist; their SMT siblings 2 and 3 now stand alone.',
    hostname: 'hv-offline',
    osrelease: RHEL9,
    newZoneinfo: false,
    possible: '0-31',
    cpus: [...socketCpus(0, 0, 0, 4, 2, 4, [6, 7]), ...socketCpus(8, 1, 1, 4, 2, 4)],
    nodes: [
      { id: 0, zones: x86Zones(0, 16, 10485760, 0), pools: [{ sizeKiB: 2048, nr: 512, free: 512, surplus: 0 }], distances: [10, 20] },
      { id: 1, zones: x86Zones(1, 16, 12582912, 4194304), pools: [{ sizeKiB: 2048, nr: 512, free: 500, surplus: 0 }], distances: [20, 10] },
    ],
    cmdline: `${RHEL9_BOOT} isolcpus=2-7,10-15`,
    minFreeKbytes: 45056,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048],
    defaultHugepageKiB: 2048,
    // isolated = possible less the domain housekeeping CPUs: offline CPUs 6-7 stay listed.
    isolated: '2-7,10-15',
    // A kernel built without CONFIG_NO_HZ_FULL has no nohz_full file.
    nohzFull: undefined,
    tuned: { profile: 'virtual-host' },
  },
  {
    name: 'hugepages-2m-1g',
    about: 'Two nodes with a 2 MiB and a 1 GiB pool each, 1 GiB the default size (default_hugepagesz=1G), some pages in use.',
    hostname: 'hv-huge01',
    osrelease: '6.8.0-45-generic',
    newZoneinfo: true,
    possible: '0-15',
    cpus: [...socketCpus(0, 0, 0, 8, 1, 8), ...socketCpus(8, 1, 1, 8, 1, 8)],
    nodes: [
      {
        id: 0,
        zones: x86Zones(0, 64, 16777216, 0),
        pools: [
          { sizeKiB: 2048, nr: 4096, free: 3072, surplus: 0 },
          { sizeKiB: 1048576, nr: 32, free: 16, surplus: 0 },
        ],
        distances: [10, 21],
      },
      {
        id: 1,
        zones: x86Zones(1, 64, 20971520, 17039360),
        pools: [
          { sizeKiB: 2048, nr: 2048, free: 2048, surplus: 0 },
          { sizeKiB: 1048576, nr: 48, free: 40, surplus: 0 },
        ],
        distances: [21, 10],
      },
    ],
    cmdline: 'BOOT_IMAGE=/vmlinuz-6.8.0-45-generic root=UUID=7a1c9e02-3d4b-4c8f-b1e5-92f0a6d3c711 ro default_hugepagesz=1G hugepagesz=1G hugepages=80 hugepagesz=2M hugepages=6144',
    minFreeKbytes: 90112,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048, 1048576],
    defaultHugepageKiB: 1048576,
    isolated: '',
    nohzFull: '',
  },
  {
    name: 'no-tuned',
    about: 'One node, 4 cores × 2 threads, isolation from the command line only and no /etc/tuned at all (tuned not installed); an empty 2 MiB pool with 1024 surplus pages allowed.',
    hostname: 'hv-small',
    osrelease: RHEL9,
    newZoneinfo: false,
    possible: '0-7',
    cpus: socketCpus(0, 0, 0, 4, 2, 4),
    nodes: [{ id: 0, zones: x86Zones(0, 16, 12582912, 0), pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }], distances: [10] }],
    cmdline: `${RHEL9_BOOT} isolcpus=2-3,6-7 nohz_full=2-3,6-7 rcu_nocbs=2-3,6-7`,
    minFreeKbytes: 45056,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048],
    // A host that takes hugepages on demand (vm.nr_overcommit_hugepages) rather than reserving them.
    overcommit: [{ sizeKiB: 2048, pages: 1024 }],
    defaultHugepageKiB: 2048,
    isolated: '2-3,6-7',
    nohzFull: '2-3,6-7',
  },
  {
    name: 'isolcpus-beyond-possible',
    about:
      'An 8-CPU host booted with a command line copied from a 16-CPU one: isolcpus=domain,managed_irq,2-15 and nohz_full=2-15 name CPUs ' +
      'past the possible range, so housekeeping_setup() rejects both whole: the kernel isolates nothing.',
    hostname: 'hv-copied',
    osrelease: RHEL9,
    newZoneinfo: false,
    possible: '0-7',
    cpus: socketCpus(0, 0, 0, 8, 1, 8),
    nodes: [{ id: 0, zones: x86Zones(0, 16, 12582912, 0), pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }], distances: [10] }],
    cmdline: `${RHEL9_BOOT} isolcpus=domain,managed_irq,2-15 nohz_full=2-15 rcu_nocbs=2-15`,
    minFreeKbytes: 45056,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048],
    defaultHugepageKiB: 2048,
    isolated: '',
    nohzFull: '(null)',
  },
  {
    name: 'min-free-node-tight',
    about:
      'Two 32 GiB nodes; node 1 holds a 28 × 1 GiB pool, leaving it about 900 MiB free, and vm.min_free_kbytes=2097152 gives each node a ' +
      'min watermark near 1 GiB: node 1\'s share exceeds its free memory.',
    hostname: 'hv-tight',
    osrelease: RHEL9,
    newZoneinfo: false,
    possible: '0-31',
    cpus: [...socketCpus(0, 0, 0, 16, 1, 16), ...socketCpus(16, 1, 1, 16, 1, 16)],
    nodes: [
      { id: 0, zones: x86Zones(0, 32, 25165824, 0), pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }, { sizeKiB: 1048576, nr: 0, free: 0, surplus: 0 }], distances: [10, 21] },
      { id: 1, zones: x86Zones(1, 32, 921600, 8388608), pools: [{ sizeKiB: 2048, nr: 0, free: 0, surplus: 0 }, { sizeKiB: 1048576, nr: 28, free: 28, surplus: 0 }], distances: [21, 10] },
    ],
    cmdline: `${RHEL9_BOOT} hugepagesz=1G hugepages=0:0,1:28`,
    minFreeKbytes: 2097152,
    watermarkScaleFactor: 10,
    hugepageSizesKiB: [2048, 1048576],
    defaultHugepageKiB: 2048,
    isolated: '',
    nohzFull: '(null)',
    tuned: { profile: 'virtual-host' },
  },
];

export const SYSFS_FIXTURES_DIR = resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'sysfs');

/** Rewrites every case under `dir` (default fixtures/sysfs), removing what was there. */
export function writeSysfsFixtures(dir = SYSFS_FIXTURES_DIR): void {
  for (const spec of SYSFS_CASES) {
    rmSync(join(dir, spec.name), { recursive: true, force: true });
    writeSysfsTree(spec, join(dir, spec.name));
  }
  const index = SYSFS_CASES.map((c) => `- \`${c.name}/\`: ${c.about}`).join('\n');
  writeFileSync(
    join(dir, 'README.md'),
    '# sysfs/procfs fixture trees\n\n' +
      'Each directory is a host as `kvmlint snapshot --root DIR` reads it: `sys/`, `proc/` and `etc/tuned/` laid out as the kernel and ' +
      'tuned lay them out. Generated by `node --import tsx scripts/gen-sysfs-fixtures.ts`; edit the script, not the trees ' +
      '(test/host/sysfs-fixtures.test.ts fails when they drift).\n\n' +
      `${index}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeSysfsFixtures();
  process.stdout.write(`wrote ${SYSFS_CASES.length} trees under ${SYSFS_FIXTURES_DIR}\n`);
}
