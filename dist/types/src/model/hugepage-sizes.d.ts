/**
 * Which hugepage sizes a host has a pool for at all, as opposed to how many
 * pages a pool holds. A size the kernel has no hstate for cannot be mounted
 * (hugetlbfs `pagesize=`), so libvirt finds no mount for it and the guest does
 * not start (qemu_conf.c qemuGetDomainHupageMemPath: "Unable to find any usable
 * hugetlbfs mount for N KiB"). hugepage-size-unavailable owns that case;
 * insufficient-hugepages compares demand with the pools of sizes that exist.
 */
import type { HostModel } from './host.js';
/**
 * The sizes (KiB) of the host's hugepage pools: /sys/kernel/mm/hugepages/hugepages-<size>kB
 * (`hugepages.sizesKiB`), every node's pools, and the default size. undefined when the
 * snapshot lists neither host-wide sizes nor any node pool: then nothing is known.
 */
export declare const hostHugepageSizes: (host: HostModel) => ReadonlySet<number> | undefined;
/**
 * Whether the host has a pool of `sizeKiB` pages: true, false, or undefined when the
 * snapshot cannot tell. The base page size is always "available": libvirt backs a
 * `<page>` of the system page size with ordinary memory (qemu_command.c
 * qemuBuildMemoryBackendProps: "we did not specify any huge pages at all").
 */
export declare function hostHasHugepageSize(host: HostModel, sizeKiB: number): boolean | undefined;
/**
 * The page sizes (KiB) a guest architecture's host CPUs can have at all, when that is fixed:
 * x86 has 4 KiB base pages and 2 MiB and 1 GiB hugepages, so the kernel has no other hstate
 * whatever the host. undefined for architectures whose sizes depend on the kernel (arm64, ppc64).
 */
export declare function archPageSizes(arch: string | undefined): ReadonlySet<number> | undefined;
