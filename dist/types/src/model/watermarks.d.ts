/**
 * Per-zone free-page watermarks as the kernel computes them from
 * vm.min_free_kbytes and vm.watermark_scale_factor
 * (mm/page_alloc.c `__setup_per_zone_wmarks()`), and what they mean per NUMA node.
 *
 * All arithmetic is on integers (BigInt where a product can pass 2^53), with the
 * kernel's truncating divisions, so the results equal /proc/zoneinfo exactly.
 */
import type { HostModel } from './host.js';
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
/** vm.min_free_kbytes is an int sysctl (proc_dointvec_minmax, lower bound 0). */
export declare const MIN_FREE_KBYTES_MAX = 2147483647;
/** Kernel default of vm.watermark_scale_factor (mm/page_alloc.c). */
export declare const DEFAULT_WATERMARK_SCALE_FACTOR = 10;
/**
 * Zones whose min watermark is not a share of min_free_kbytes. Since the 2023 fix
 * "mm/page_alloc: fix min_free_kbytes calculation regarding ZONE_MOVABLE",
 * Movable is treated like HighMem: excluded from the lowmem total and given a
 * small clamped min, because __GFP_HIGH / PF_MEMALLOC allocations cannot use it.
 * (Older kernels gave Movable a proportional share; this models current ones.)
 */
export declare function isCappedZone(name: string): boolean;
/**
 * The kernel's watermarks for every zone (all nodes at once: the split depends on
 * the managed pages of all lowmem zones of all nodes).
 */
export declare function computeZoneWatermarks(zones: readonly ZoneInput[], minFreeKbytes: number, watermarkScaleFactor: number, pageSizeKiB?: number): ZoneWatermarks[];
/** Sum of each node's zone watermarks, in KiB, sorted by node id. */
export declare function nodeWatermarkShares(zones: readonly ZoneInput[], minFreeKbytes: number, watermarkScaleFactor: number, pageSizeKiB?: number): NodeWatermarkShare[];
export type WatermarkLevel = 'min' | 'low' | 'high';
/**
 * The largest vm.min_free_kbytes for which every node's `level` share (default
 * min) is at most that node's free memory. Nodes missing from `nodeFreeKiB` are
 * unconstrained. Exact: a binary search over the kernel's integer formula, which
 * is non-decreasing in min_free_kbytes. undefined when even 0 is unsafe (a node
 * whose clamped HighMem/Movable minimum alone exceeds its free memory).
 */
export declare function largestSafeMinFreeKbytes(zones: readonly ZoneInput[], nodeFreeKiB: ReadonlyMap<number, number>, watermarkScaleFactor: number, pageSizeKiB?: number, level?: WatermarkLevel): number | undefined;
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
export declare function hostWatermarkZones(host: Pick<HostModel, 'nodes' | 'pageSizeKiB'>): HostWatermarkZones;
