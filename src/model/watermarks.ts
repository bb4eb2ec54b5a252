/**
 * Per-zone free-page watermarks as the kernel computes them from
 * vm.min_free_kbytes and vm.watermark_scale_factor
 * (mm/page_alloc.c `__setup_per_zone_wmarks()`), and what they mean per NUMA node.
 *
 * All arithmetic is on integers (BigInt where a product can pass 2^53), with the
 * kernel's truncating divisions, so the results equal /proc/zoneinfo exactly.
 */
import type { HostModel } from './host.ts';
import { mapPacked } from '../packed-arrays.ts';

export interface ZoneInput {
  node: number;
  /** DMA, DMA32, Normal, HighMem, Movable, Device. */
  name: string;
  managedPages: number;
}

export interface ZoneWatermarks extends ZoneInput {
  /** Pages. */
  min: number;
  low: number;
  high: number;
  /** Memory-tiering promotion watermark (WMARK_PROMO, newer kernels): high + the same gap. */
  promo: number;
}

export interface NodeWatermarkShare {
  node: number;
  managedKiB: number;
  minKiB: number;
  lowKiB: number;
  highKiB: number;
  promoKiB: number;
}

/** include/linux/swap.h: the floor of the clamped min watermark of HighMem/Movable zones. */
const SWAP_CLUSTER_MAX = 32n;
/** mm/page_alloc.c clamps the HighMem/Movable min watermark to at most 128 pages. */
const CAPPED_MIN_MAX = 128n;
/** vm.min_free_kbytes is an int sysctl (proc_dointvec_minmax, lower bound 0). */
export const MIN_FREE_KBYTES_MAX = 2147483647;
/** Kernel default of vm.watermark_scale_factor (mm/page_alloc.c). */
export const DEFAULT_WATERMARK_SCALE_FACTOR = 10;

/**
 * Zones whose min watermark is not a share of min_free_kbytes. Since the 2023 fix
 * "mm/page_alloc: fix min_free_kbytes calculation regarding ZONE_MOVABLE",
 * Movable is treated like HighMem: excluded from the lowmem total and given a
 * small clamped min, because __GFP_HIGH / PF_MEMALLOC allocations cannot use it.
 * (Older kernels gave Movable a proportional share; this models current ones.)
 */
export function isCappedZone(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'highmem' || n === 'movable';
}

/** include/linux/math.h mult_frac(): x * n / d without overflowing x * n. */
function multFrac(x: bigint, n: bigint, d: bigint): bigint {
  const q = x / d;
  const r = x % d;
  return q * n + (r * n) / d;
}

function pageShiftDivisor(pageSizeKiB: number): bigint {
  if (!Number.isInteger(pageSizeKiB) || pageSizeKiB < 1) throw new RangeError(`page size ${pageSizeKiB} KiB is not a positive integer`);
  return BigInt(pageSizeKiB);
}

/**
 * The kernel's watermarks for every zone (all nodes at once: the split depends on
 * the managed pages of all lowmem zones of all nodes).
 */
export function computeZoneWatermarks(
  zones: readonly ZoneInput[],
  minFreeKbytes: number,
  watermarkScaleFactor: number,
  pageSizeKiB = 4,
): ZoneWatermarks[] {
  // pages_min = min_free_kbytes >> (PAGE_SHIFT - 10); page sizes are powers of two, so this is a floor division.
  const pagesMin = BigInt(Math.max(0, Math.trunc(minFreeKbytes))) / pageShiftDivisor(pageSizeKiB);
  const scale = BigInt(Math.max(0, Math.trunc(watermarkScaleFactor)));
  let lowmemPages = 0n;
  for (const z of zones) if (!isCappedZone(z.name)) lowmemPages += BigInt(z.managedPages);

  return mapPacked(zones, (z) => {
    const managed = BigInt(z.managedPages);
    // tmp = pages_min * managed / lowmem_pages (u64, truncating; the kernel never divides by 0 there
    // because a booted system has lowmem).
    const share = lowmemPages === 0n ? 0n : (pagesMin * managed) / lowmemPages;
    let min: bigint;
    if (isCappedZone(z.name)) {
      min = managed / 1024n;
      if (min < SWAP_CLUSTER_MAX) min = SWAP_CLUSTER_MAX;
      if (min > CAPPED_MIN_MAX) min = CAPPED_MIN_MAX;
    } else {
      min = share;
    }
    // The kswapd gap uses the proportional share (tmp), not the clamped min, even for HighMem/Movable.
    const byShare = share >> 2n;
    const byScale = multFrac(managed, scale, 10000n);
    const gap = byShare > byScale ? byShare : byScale;
    const low = min + gap;
    const high = low + gap;
    const promo = high + gap;
    return { node: z.node, name: z.name, managedPages: z.managedPages, min: Number(min), low: Number(low), high: Number(high), promo: Number(promo) };
  });
}

/** Sum of each node's zone watermarks, in KiB, sorted by node id. */
export function nodeWatermarkShares(
  zones: readonly ZoneInput[],
  minFreeKbytes: number,
  watermarkScaleFactor: number,
  pageSizeKiB = 4,
): NodeWatermarkShare[] {
  const byNode = new Map<number, NodeWatermarkShare>();
  for (const w of computeZoneWatermarks(zones, minFreeKbytes, watermarkScaleFactor, pageSizeKiB)) {
    let s = byNode.get(w.node);
    if (!s) {
      s = { node: w.node, managedKiB: 0, minKiB: 0, lowKiB: 0, highKiB: 0, promoKiB: 0 };
      byNode.set(w.node, s);
    }
    s.managedKiB += w.managedPages * pageSizeKiB;
    s.minKiB += w.min * pageSizeKiB;
    s.lowKiB += w.low * pageSizeKiB;
    s.highKiB += w.high * pageSizeKiB;
    s.promoKiB += w.promo * pageSizeKiB;
  }
  return [...byNode.values()].sort((a, b) => a.node - b.node);
}

export type WatermarkLevel = 'min' | 'low' | 'high';

/**
 * The largest vm.min_free_kbytes for which every node's `level` share (default
 * min) is at most that node's free memory. Nodes missing from `nodeFreeKiB` are
 * unconstrained. Exact: a binary search over the kernel's integer formula, which
 * is non-decreasing in min_free_kbytes. undefined when even 0 is unsafe (a node
 * whose clamped HighMem/Movable minimum alone exceeds its free memory).
 */
export function largestSafeMinFreeKbytes(
  zones: readonly ZoneInput[],
  nodeFreeKiB: ReadonlyMap<number, number>,
  watermarkScaleFactor: number,
  pageSizeKiB = 4,
  level: WatermarkLevel = 'min',
): number | undefined {
  const key = `${level}KiB` as const;
  const safe = (m: number): boolean =>
    nodeWatermarkShares(zones, m, watermarkScaleFactor, pageSizeKiB).every((s) => {
      const free = nodeFreeKiB.get(s.node);
      return free === undefined || s[key] <= free;
    });
  if (!safe(0)) return undefined;
  let lo = 0;
  let hi = MIN_FREE_KBYTES_MAX;
  if (safe(hi)) return hi;
  // Invariant: safe(lo) && !safe(hi).
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (safe(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export interface HostWatermarkZones {
  zones: ZoneInput[];
  /** Nodes whose zones were approximated by one Normal zone of MemTotal (no /proc/zoneinfo). */
  approximatedNodes: number[];
}

/**
 * The zones to feed the formula for a host: /proc/zoneinfo managed pages where the
 * snapshot has them; otherwise (rules.md, min-free-kbytes-exceeds-node-free) one
 * Normal zone per node holding its MemTotal. Nodes without memory contribute nothing.
 */
export function hostWatermarkZones(host: Pick<HostModel, 'nodes' | 'pageSizeKiB'>): HostWatermarkZones {
  const zones: ZoneInput[] = [];
  const approximatedNodes: number[] = [];
  for (const n of host.nodes) {
    if (n.zones && n.zones.length > 0) {
      for (const z of n.zones) zones.push({ node: n.id, name: z.name, managedPages: z.managedPages });
    } else if (n.memTotalKiB !== undefined && n.memTotalKiB > 0) {
      zones.push({ node: n.id, name: 'Normal', managedPages: Math.floor(n.memTotalKiB / host.pageSizeKiB) });
      approximatedNodes.push(n.id);
    }
  }
  return { zones, approximatedNodes };
}
