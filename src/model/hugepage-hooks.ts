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

/**
 * Whether every hook that sets pools for this guest sets only the host-wide pool (the snapshot's
 * `hostWide`): then the pages it adds are spread over the nodes with memory, not put on the guest's node.
 */
export function hugepageHooksHostWide(host: HostModel, name: string | undefined): boolean {
  const hooks = hugepageHooksFor(host, name);
  if (!hooks) return false;
  const wide = new Set((host.snapshot.libvirt?.hugepageHooks ?? []).flatMap((h) => h.hostWide ?? []));
  return hooks.every((h) => wide.has(h));
}

/**
 * The host nodes whose own pools this guest's hooks write, when every one of them writes only pools of nodes
 * named by number (the snapshot's `hookNodes`); undefined when a hook writes the host-wide pool or the snapshot
 * does not say. Such pages land on those nodes only (mm/hugetlb.c, a node's nr_hugepages: nodes_allowed is
 * that node).
 */
export function hugepageHookNodes(host: HostModel, name: string | undefined): ReadonlySet<number> | undefined {
  const hooks = hugepageHooksFor(host, name);
  if (!hooks) return undefined;
  const known = new Map<string, number[]>();
  for (const h of host.snapshot.libvirt?.hugepageHooks ?? []) for (const [path, nodes] of Object.entries(h.hookNodes ?? {})) known.set(path, nodes);
  if (!hooks.every((h) => known.has(h))) return undefined;
  return new Set(hooks.flatMap((h) => known.get(h)!));
}

/**
 * How many of `pages` new pages written to the host-wide nr_hugepages land on `target`. The kernel
 * allocates them one at a time from the nodes with memory in turn (mm/hugetlb.c set_max_huge_pages →
 * alloc_pool_huge_folio, for_each_node_mask_to_alloc over nodes_allowed = N_MEMORY, starting at
 * hstate_next_node_to_alloc), and a node that cannot give a page is skipped for that page, so the pages
 * fill the nodes evenly up to what each can give (`capacity`, pages; undefined: unknown, no cap). The
 * starting node is not known: the target nodes are given the rounding up.
 */
export function hostWideShare(pages: number, nodes: readonly number[], target: ReadonlySet<number>, capacity: (node: number) => number | undefined): number {
  let left = pages;
  const open = new Map(nodes.map((n) => [n, capacity(n) ?? Infinity]));
  const got = new Map(nodes.map((n) => [n, 0]));
  while (left > 0 && open.size > 0) {
    const each = Math.floor(left / open.size);
    let rest = left - each * open.size;
    // Remainder pages go to the target nodes first (the start of the round-robin is unknown).
    const order = [...open.keys()].sort((a, b) => Number(target.has(b)) - Number(target.has(a)) || a - b);
    let given = 0;
    for (const n of order) {
      const want = each + (rest > 0 ? 1 : 0);
      if (rest > 0) rest--;
      const take = Math.min(want, open.get(n)!);
      got.set(n, got.get(n)! + take);
      given += take;
      const cap = open.get(n)! - take;
      if (cap <= 0) open.delete(n);
      else open.set(n, cap);
    }
    left -= given;
    if (given === 0) break;
  }
  return [...got].reduce((a, [n, k]) => (target.has(n) ? a + k : a), 0);
}

/**
 * Free memory that hook-grown pools take, shared by every check of a plan: two hooked guests on a node
 * (of one page size or of two) draw on the same MemFree, once. Taken first from free memory, then from
 * what the kernel can reclaim.
 */
export class HookMemoryLedger {
  private readonly taken = new Map<number, number>();
  constructor(private readonly host: HostModel) {}

  /** What is left on these nodes after what earlier checks took; undefined when a node's MemFree is unknown. */
  available(nodes: readonly number[]): HookFreeMemory | undefined {
    let freeKiB = 0;
    let reclaimableKiB = 0;
    for (const id of nodes) {
      const f = hookFreeMemory(this.host, [id]);
      if (!f) return undefined;
      const t = this.taken.get(id) ?? 0;
      freeKiB += Math.max(0, f.freeKiB - t);
      reclaimableKiB += Math.max(0, f.reclaimableKiB - Math.max(0, t - f.freeKiB));
    }
    return { freeKiB, reclaimableKiB };
  }

  /** Records `kib` taken from these nodes, from the one with the most left first. */
  take(nodes: readonly number[], kib: number): void {
    let left = kib;
    const room = (id: number) => {
      const f = hookFreeMemory(this.host, [id]);
      return f ? f.freeKiB + f.reclaimableKiB - (this.taken.get(id) ?? 0) : 0;
    };
    for (const id of [...nodes].sort((a, b) => room(b) - room(a) || a - b)) {
      if (left <= 0) break;
      const t = Math.min(left, Math.max(0, room(id)));
      this.taken.set(id, (this.taken.get(id) ?? 0) + t);
      left -= t;
    }
    // More than the nodes have: the checks already said so; keep it on the first node.
    if (left > 0 && nodes.length > 0) this.taken.set(nodes[0]!, (this.taken.get(nodes[0]!) ?? 0) + left);
  }
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

/**
 * MAX_PAGE_ORDER, the largest order the buddy allocator gives, by base page size: 10 with 4 KiB pages
 * (x86, arm64, and most others), 11 with 16 KiB pages and 13 with 64 KiB pages (arm64/Kconfig
 * ARCH_FORCE_MAX_ORDER; LoongArch the same). ppc64 with 64 KiB pages has 8, which gives the same answer
 * for every size it has (2 MiB and 16 MiB below, 1 GiB and 16 GiB above either limit).
 */
export function maxPageOrder(pageSizeKiB: number): number {
  return pageSizeKiB >= 64 ? 13 : pageSizeKiB >= 16 ? 11 : 10;
}

/**
 * Gigantic pages (mm/hugetlb.c hstate_is_gigantic: order above MAX_PAGE_ORDER): 1 GiB on x86 and on arm64 with
 * 4 KiB pages, 16 GiB (not 512 MiB) on arm64 with 64 KiB pages. Not from the buddy allocator, and no surplus pages.
 */
export function isGiganticPage(host: Pick<HostModel, 'pageSizeKiB'>, sizeKiB: number): boolean {
  return sizeKiB > host.pageSizeKiB * 2 ** maxPageOrder(host.pageSizeKiB);
}
