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
/**
 * Whether every hook that sets pools for this guest sets only the host-wide pool (the snapshot's
 * `hostWide`): then the pages it adds are spread over the nodes with memory, not put on the guest's node.
 */
export declare function hugepageHooksHostWide(host: HostModel, name: string | undefined): boolean;
/**
 * The host nodes whose own pools this guest's hooks write, when every one of them writes only pools of nodes
 * named by number (the snapshot's `hookNodes`); undefined when a hook writes the host-wide pool or the snapshot
 * does not say. Such pages land on those nodes only (mm/hugetlb.c, a node's nr_hugepages: nodes_allowed is
 * that node).
 */
export declare function hugepageHookNodes(host: HostModel, name: string | undefined): ReadonlySet<number> | undefined;
/**
 * How many of `pages` new pages written to the host-wide nr_hugepages land on `target`. The kernel
 * allocates them one at a time from the nodes with memory in turn (mm/hugetlb.c set_max_huge_pages →
 * alloc_pool_huge_folio, for_each_node_mask_to_alloc over nodes_allowed = N_MEMORY, starting at
 * hstate_next_node_to_alloc), and a node that cannot give a page is skipped for that page, so the pages
 * fill the nodes evenly up to what each can give (`capacity`, pages; undefined: unknown, no cap). The
 * starting node is not known: the target nodes are given the rounding up.
 */
export declare function hostWideShare(pages: number, nodes: readonly number[], target: ReadonlySet<number>, capacity: (node: number) => number | undefined): number;
/**
 * Free memory that hook-grown pools take, shared by every check of a plan: two hooked guests on a node
 * (of one page size or of two) draw on the same MemFree, once. Taken first from free memory, then from
 * what the kernel can reclaim.
 */
export declare class HookMemoryLedger {
    private readonly host;
    private readonly taken;
    constructor(host: HostModel);
    /** What is left on these nodes after what earlier checks took; undefined when a node's MemFree is unknown. */
    available(nodes: readonly number[]): HookFreeMemory | undefined;
    /** Records `kib` taken from these nodes, from the one with the most left first. */
    take(nodes: readonly number[], kib: number): void;
}
export interface HookFreeMemory {
    /** MemFree of the nodes minus their min watermark shares (when vm.min_free_kbytes is known), at least 0. */
    freeKiB: number;
    /** Page cache and slab the kernel may reclaim there first (0 when the snapshot does not say). */
    reclaimableKiB: number;
}
/** Free memory the kernel can give new hugepages on these nodes; undefined when a node's MemFree is unknown. */
export declare function hookFreeMemory(host: HostModel, nodes: readonly number[]): HookFreeMemory | undefined;
/**
 * MAX_PAGE_ORDER, the largest order the buddy allocator gives, by base page size: 10 with 4 KiB pages
 * (x86, arm64, and most others), 11 with 16 KiB pages and 13 with 64 KiB pages (arm64/Kconfig
 * ARCH_FORCE_MAX_ORDER; LoongArch the same). ppc64 with 64 KiB pages has 8, which gives the same answer
 * for every size it has (2 MiB and 16 MiB below, 1 GiB and 16 GiB above either limit).
 */
export declare function maxPageOrder(pageSizeKiB: number): number;
/**
 * Gigantic pages (mm/hugetlb.c hstate_is_gigantic: order above MAX_PAGE_ORDER): 1 GiB on x86 and on arm64 with
 * 4 KiB pages, 16 GiB (not 512 MiB) on arm64 with 64 KiB pages. Not from the buddy allocator, and no surplus pages.
 */
export declare function isGiganticPage(host: Pick<HostModel, 'pageSizeKiB'>, sizeKiB: number): boolean;
