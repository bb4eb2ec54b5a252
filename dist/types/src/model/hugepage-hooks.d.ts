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
import type { HostModel } from './host.js';
/** The hook scripts that set pools for a guest of this name; undefined when none does. */
export declare function hugepageHooksFor(host: HostModel, name: string | undefined): string[] | undefined;
export interface HookFreeMemory {
    /** MemFree of the nodes minus their min watermark shares (when vm.min_free_kbytes is known), at least 0. */
    freeKiB: number;
    /** Page cache and slab the kernel may reclaim there first (0 when the snapshot does not say). */
    reclaimableKiB: number;
}
/** Free memory the kernel can give new hugepages on these nodes; undefined when a node's MemFree is unknown. */
export declare function hookFreeMemory(host: HostModel, nodes: readonly number[]): HookFreeMemory | undefined;
/** Gigantic pages (above order MAX_PAGE_ORDER, 1 GiB on x86): not from the buddy allocator. */
export declare function isGiganticPage(host: Pick<HostModel, 'pageSizeKiB'>, sizeKiB: number): boolean;
