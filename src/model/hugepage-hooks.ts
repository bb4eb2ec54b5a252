/**
 * Hugepage pools that a libvirt hook fills when a guest starts, and whether a node's free
 * memory can give the pages.
 *
 * Many single-GPU (VFIO) desktops reserve hugepages only while the guest runs: a hook writes
 * nr_hugepages in "prepare" "begin" and sets it back in "release" "end". libvirt runs the
 * "prepare" operation before it allocates the guest's resources (https://libvirt.org/hooks.html,
 * "Before a QEMU guest is started, the qemu hook script is called in three locations; if any
 * location fails, the guest is not started. The first location, since 0.9.0, is before libvirt
 * performs any resource labeling, and the hook can allocate resources not managed by libvirt"),
 * so a snapshot taken with the guest off shows the pool before the hook grows it.
 *
 * Growing nr_hugepages makes the kernel allocate each new page from the node's free memory
 * (mm/hugetlb.c set_max_huge_pages → alloc_pool_huge_folio, __GFP_RETRY_MAYFAIL: it reclaims
 * and compacts, then gives up without killing anything, and the pool stays short). What the
 * kernel keeps back is the min watermark (vm.min_free_kbytes' share of the node). Gigantic pages
 * (1 GiB on x86) need a contiguous, aligned 1 GiB range (alloc_contig_pages via CMA or
 * alloc_contig_range), which a host that has run a while rarely has:
 * Documentation/admin-guide/mm/hugetlbpage.rst advises reserving them at boot.
 */
import type { HostModel } from './host.ts';
import { hostNodeWatermarks } from './node-memory.ts';

/** The hook scripts that set pools for a guest of this name; undefined when none does. */
export function hugepageHooksFor(host: HostModel, name: string | undefined): string[] | undefined {
  const hooks = host.snapshot.libvirt?.hugepageHooks;
  if (!hooks) return undefined;
  const out: string[] = [];
  for (const h of hooks) {
    if ('allGuests' in h || (name !== undefined && h.guest === name)) out.push(...h.hooks);
  }
  return out.length > 0 ? [...new Set(out)] : undefined;
}

export interface HookFreeMemory {
  /** MemFree of the nodes minus their min watermark shares (when vm.min_free_kbytes is known), at least 0. */
  freeKiB: number;
  /** Page cache and slab the kernel may reclaim there first (0 when the snapshot does not say). */
  reclaimableKiB: number;
}

/** Free memory the kernel can give new hugepages on these nodes; undefined when a node's MemFree is unknown. */
export function hookFreeMemory(host: HostModel, nodes: readonly number[]): HookFreeMemory | undefined {
  const marks = hostNodeWatermarks(host);
  let freeKiB = 0;
  let reclaimableKiB = 0;
  for (const id of nodes) {
    const n = host.node(id);
    if (!n || n.memFreeKiB === undefined) return undefined;
    freeKiB += Math.max(0, n.memFreeKiB - (marks?.shares.get(id)?.minKiB ?? 0));
    reclaimableKiB += n.reclaimableKiB ?? 0;
  }
  return { freeKiB, reclaimableKiB };
}

/** Gigantic pages (above order MAX_PAGE_ORDER, 1 GiB on x86): not from the buddy allocator. */
export function isGiganticPage(host: Pick<HostModel, 'pageSizeKiB'>, sizeKiB: number): boolean {
  return sizeKiB > host.pageSizeKiB * 1024;
}
