/**
 * A host node's small-page memory after the plan, and which rule answers for it.
 *
 * Two rules look at the same numbers (MemFree of node n, the small-page memory
 * planned guests bind strictly to n, n's share of vm.min_free_kbytes):
 * min-free-kbytes-exceeds-node-free (on the host snapshot) and
 * numa-memory-insufficient (on the domains). `nodeMemoryVerdict` decides for
 * both, so one situation is reported once:
 *
 * Free memory counts what the kernel can reclaim on the node (page cache and slab,
 * when the snapshot has them): it reclaims that to keep the watermarks.
 *
 * - the planned memory exceeds the node's free memory: numa-memory-insufficient
 *   (error); no value of vm.min_free_kbytes makes room;
 * - what is left is below the node's min watermark: min-free-kbytes-exceeds-node-free
 *   (error), whether the plan or the host got it there: the per-node split of
 *   vm.min_free_kbytes is what is at stake, and that rule's message gives the
 *   largest safe value and names the guests;
 * - what is left is between min and high: numa-memory-insufficient (warning)
 *   when the node was above its high watermark before the plan (the planned
 *   guests take the margin kswapd needs), min-free-kbytes-exceeds-node-free
 *   (warning) when the host was already below it without them;
 * - the guests fit only once page cache is reclaimed: numa-memory-insufficient
 *   (info).
 */
import { memoPerHost } from './memo.ts';
import type { HostModel } from './host.ts';
import { hostWatermarkZones, nodeWatermarkShares, type NodeWatermarkShare, type ZoneInput } from './watermarks.ts';

export interface HostNodeWatermarks {
  /** The zones fed to the kernel's formula (zones with managed pages only). */
  zones: ZoneInput[];
  /** Nodes whose zones were approximated by one Normal zone of MemTotal (no /proc/zoneinfo). */
  approximatedNodes: number[];
  /** Each node's watermark shares, by node id. */
  shares: Map<number, NodeWatermarkShare>;
}

/**
 * The per-node watermarks of vm.min_free_kbytes on this host; undefined when the
 * snapshot has no vm.min_free_kbytes.
 */
export const hostNodeWatermarks: (host: HostModel) => HostNodeWatermarks | undefined = memoPerHost((host) => {
  if (host.minFreeKbytes === undefined) return undefined;
  const { zones: allZones, approximatedNodes } = hostWatermarkZones(host);
  // zoneinfo lists every zone of every node, empty ones too (an empty Movable zone still shows min 32); the
  // kernel skips zones without managed pages when it reclaims and balances (managed_zone()), so they hold no share.
  const zones = allZones.filter((z) => z.managedPages > 0);
  const shares = new Map(nodeWatermarkShares(zones, host.minFreeKbytes, host.watermarkScaleFactor, host.pageSizeKiB).map((s) => [s.node, s] as const));
  return { zones, approximatedNodes, shares };
});

export interface NodeMemoryState {
  /** MemFree of the node when the snapshot was captured. */
  freeKiB: number;
  /** Small-page memory the planned guests bind strictly to the node. */
  plannedKiB: number;
  /** Page cache and slab the kernel reclaims on the node before a bound allocation fails; undefined when unknown. */
  reclaimableKiB?: number;
  /** The node's min and high watermark shares; undefined without vm.min_free_kbytes. */
  minKiB: number | undefined;
  highKiB: number | undefined;
}

export type NodeMemoryVerdict =
  | { rule: 'numa-memory-insufficient'; level: 'exceeds-free' | 'after-reclaim' | 'below-high' }
  | { rule: 'min-free-kbytes-exceeds-node-free'; level: 'below-min' | 'below-high' };

/** Which rule reports a node, and at what level; undefined when the node is fine. See the file comment. */
export function nodeMemoryVerdict(s: NodeMemoryState): NodeMemoryVerdict | undefined {
  const left = s.freeKiB - s.plannedKiB;
  // The kernel reclaims a node's page cache and slab to keep its watermarks, and a strict binding (MPOL_BIND)
  // reclaims on its nodes before it fails (mm/page_alloc.c slow path): the watermarks are judged on what is
  // free or reclaimable. Both rules ask with the same numbers, so they never disagree about one node.
  const leftAfterReclaim = left + (s.reclaimableKiB ?? 0);
  if (s.plannedKiB > 0 && leftAfterReclaim < 0) return { rule: 'numa-memory-insufficient', level: 'exceeds-free' };
  if (s.minKiB !== undefined && leftAfterReclaim < s.minKiB) return { rule: 'min-free-kbytes-exceeds-node-free', level: 'below-min' };
  if (s.highKiB !== undefined && leftAfterReclaim < s.highKiB) {
    const plan = s.plannedKiB > 0 && s.freeKiB + (s.reclaimableKiB ?? 0) >= s.highKiB;
    return plan ? { rule: 'numa-memory-insufficient', level: 'below-high' } : { rule: 'min-free-kbytes-exceeds-node-free', level: 'below-high' };
  }
  // They fit, at the cost of the cache: the guests start, after the kernel reclaims it.
  if (s.plannedKiB > 0 && (left < 0 || (s.minKiB !== undefined && left < s.minKiB))) return { rule: 'numa-memory-insufficient', level: 'after-reclaim' };
  return undefined;
}
