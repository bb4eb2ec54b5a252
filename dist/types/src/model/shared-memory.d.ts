import type { DomainModel, GuestCell } from './domain.js';
import type { XmlAttribute, XmlElement } from '../xml/types.js';
/**
 * Why a guest's RAM is not shared with a vhost-user back end, as libvirt decides it
 * (qemu_validate.c qemuValidateDomainDefVhostUserRequireSharedMemory, libvirt 11.3):
 *
 * - no guest NUMA cells: shared only with `<memoryBacking><access mode='shared'/>`;
 * - with cells, each cell on its own: `memAccess='shared'` is shared, `memAccess='private'`
 *   is not (whatever `<access>` says), and a cell without `memAccess` follows `<access>`.
 *
 * Hugepages or `<source type='memfd'/>` alone do not share anything: QEMU maps the memory
 * MAP_SHARED only with share=on, which libvirt sets from these access modes.
 *
 * undefined when every part of guest RAM is shared.
 */
export type UnsharedMemory = 
/** No cells, or cells that follow it: `<access>` is absent (`element` undefined) or not 'shared'. */
{
    kind: 'access';
    element: XmlElement | undefined;
    mode: string | undefined;
    cells: GuestCell[];
}
/** Cells written memAccess='private', with those attributes (others may follow `<access>` too: those are in `following`). */
 | {
    kind: 'private-cells';
    cells: GuestCell[];
    memAccess: XmlAttribute[];
    following: GuestCell[];
};
export declare function unsharedMemory(domain: DomainModel): UnsharedMemory | undefined;
/**
 * The release from which libvirt refuses an `<interface type='vhostuser'>` without shared
 * memory (NEWS 11.2.0: "Use common check for shared memory use for vhost-user network
 * devices"). Before it, qemuProcessStartWarnShmem only logged "Detected vhost-user interface
 * without any shared memory, the interface might not be operational", and QEMU started with
 * "Failed initializing vhost-user memory map, consider using -object memory-backend-file
 * share=on": no traffic passes. The passt back end (11.1.0) was checked from its start, and so
 * were vhost-user disks (7.1.0), vhost-vdpa disks and virtiofs (6.2.0).
 */
export declare const VHOSTUSER_INTERFACE_REFUSED_SINCE = "11.2.0";
