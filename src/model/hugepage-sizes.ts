/**
 * Which hugepage sizes a host has a pool for at all, as opposed to how many
 * pages a pool holds. A size the kernel has no hstate for cannot be mounted
 * (hugetlbfs `pagesize=`), so libvirt finds no mount for it and the guest does
 * not start (qemu_conf.c qemuGetDomainHupageMemPath: "Unable to find any usable
 * hugetlbfs mount for N KiB"). hugepage-size-unavailable owns that case;
 * insufficient-hugepages compares demand with the pools of sizes that exist.
 */
import type { HostModel } from './host.ts';
import { memoPerHost } from './memo.ts';

/**
 * The sizes (KiB) of the host's hugepage pools: /sys/kernel/mm/hugepages/hugepages-<size>kB
 * (`hugepages.sizesKiB`), every node's pools, and the default size. undefined when the
 * snapshot lists neither host-wide sizes nor any node pool: then nothing is known.
 */
export const hostHugepageSizes: (host: HostModel) => ReadonlySet<number> | undefined = memoPerHost((host) => {
  const listed = host.snapshot.hugepages?.sizesKiB;
  const anyPool = host.nodes.some((n) => n.hugepages.length > 0);
  if (listed === undefined && !anyPool) return undefined;
  const sizes = new Set<number>(listed ?? []);
  for (const n of host.nodes) for (const p of n.hugepages) sizes.add(p.sizeKiB);
  if (host.defaultHugepageSizeKiB !== undefined) sizes.add(host.defaultHugepageSizeKiB);
  return sizes;
});

/**
 * Whether the host has a pool of `sizeKiB` pages: true, false, or undefined when the
 * snapshot cannot tell. The base page size is always "available": libvirt backs a
 * `<page>` of the system page size with ordinary memory (qemu_command.c
 * qemuBuildMemoryBackendProps: "we did not specify any huge pages at all").
 */
export function hostHasHugepageSize(host: HostModel, sizeKiB: number): boolean | undefined {
  if (sizeKiB === host.pageSizeKiB) return true;
  return hostHugepageSizes(host)?.has(sizeKiB);
}

const X86_PAGE_SIZES: ReadonlySet<number> = new Set([4, 2048, 1048576]);

/**
 * The page sizes (KiB) a guest architecture's host CPUs can have at all, when that is fixed:
 * x86 has 4 KiB base pages and 2 MiB and 1 GiB hugepages, so the kernel has no other hstate
 * whatever the host. undefined for architectures whose sizes depend on the kernel (arm64, ppc64).
 */
export function archPageSizes(arch: string | undefined): ReadonlySet<number> | undefined {
  return arch === 'x86_64' || arch === 'i686' ? X86_PAGE_SIZES : undefined;
}
