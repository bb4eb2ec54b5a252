/**
 * Host facts from /proc: hostname and kernel release, the booted command line,
 * /proc/meminfo, /proc/zoneinfo, the vm sysctls and the base page size.
 * (Per-process facts of running guests are guests.ts's.)
 */
import type { HostSnapshot, SnapshotNode, SnapshotZone } from '../../model/host.ts';
import { parseZoneinfo, ZoneinfoParseError, type ZoneinfoZone } from '../zoneinfo.ts';
import { parseMeminfo, type TreeReader } from './tree.ts';

/** hostname and kernelRelease. */
export function captureIdentity(reader: TreeReader, snapshot: HostSnapshot): void {
  const hostname = reader.line('proc/sys/kernel/hostname');
  if (hostname !== undefined && hostname.trim() !== '') snapshot.hostname = hostname.trim();
  else reader.miss('hostname');
  const release = reader.line('proc/sys/kernel/osrelease');
  if (release !== undefined && release.trim() !== '') snapshot.kernelRelease = release.trim();
  else reader.miss('kernelRelease');
}

/** /proc/zoneinfo's zones, or undefined (named in `missing`) when absent or unparseable. */
export function readZoneinfo(reader: TreeReader): ZoneinfoZone[] | undefined {
  const text = reader.text('proc/zoneinfo');
  if (text === undefined) {
    reader.miss('zoneinfo');
    return undefined;
  }
  try {
    return parseZoneinfo(text);
  } catch (err) {
    if (!(err instanceof ZoneinfoParseError)) throw err;
    reader.notes.push(`${err.message}; zones left out`);
    reader.miss('zoneinfo');
    return undefined;
  }
}

/** One node's zones as the snapshot keeps them. */
export function zonesOfNode(zoneinfo: readonly ZoneinfoZone[] | undefined, node: number): SnapshotZone[] | undefined {
  const zones = zoneinfo?.filter((z) => z.node === node).map(zoneOf);
  return zones && zones.length > 0 ? zones : undefined;
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

/** /proc/meminfo by key (KiB), or undefined when absent. */
export function readProcMeminfo(reader: TreeReader): Map<string, number> | undefined {
  const text = reader.text('proc/meminfo');
  return text === undefined ? undefined : parseMeminfo(text);
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

/** pageSizeKiB: from /proc/self/smaps, else derived from the nodes already captured. */
export function capturePageSize(reader: TreeReader, snapshot: HostSnapshot): void {
  const pageSize = kernelPageSizeKiB(reader.text('proc/self/smaps')) ?? derivePageSizeKiB(snapshot.nodes);
  if (pageSize !== undefined) snapshot.pageSizeKiB = pageSize;
  else reader.miss('pageSizeKiB');
}

/** vm.min_free_kbytes and vm.watermark_scale_factor. */
export function captureVmSysctls(reader: TreeReader, snapshot: HostSnapshot): void {
  const minFree = reader.int('proc/sys/vm/min_free_kbytes');
  const scale = reader.int('proc/sys/vm/watermark_scale_factor');
  if (minFree === undefined) reader.miss('vm.min_free_kbytes');
  if (scale === undefined) reader.miss('vm.watermark_scale_factor');
  if (minFree !== undefined || scale !== undefined) {
    snapshot.vm = {};
    if (minFree !== undefined) snapshot.vm.minFreeKbytes = minFree;
    if (scale !== undefined) snapshot.vm.watermarkScaleFactor = scale;
  }
}

/** The booted kernel's command line. */
export function captureCmdline(reader: TreeReader, snapshot: HostSnapshot): void {
  const cmdline = reader.line('proc/cmdline');
  if (cmdline !== undefined) snapshot.kernel = { cmdline: cmdline.trim() };
  else reader.miss('kernel.cmdline');
}

/**
 * Realtime throttling (kernel/sched/rt.c sched_rt_runtime_us, sched_rt_period_us): whether a busy
 * fifo/rr thread leaves the other tasks of its CPU some time in each period, or none (-1).
 */
export function captureRtThrottling(reader: TreeReader, snapshot: HostSnapshot): void {
  const runtime = reader.int('proc/sys/kernel/sched_rt_runtime_us');
  const period = reader.int('proc/sys/kernel/sched_rt_period_us');
  if (runtime === undefined) {
    reader.miss('kernel.sched_rt_runtime_us');
    return;
  }
  snapshot.kernel = { ...snapshot.kernel, rtRuntimeUs: runtime, ...(period !== undefined && period > 0 ? { rtPeriodUs: period } : {}) };
}
