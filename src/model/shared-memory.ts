import type { DomainModel, GuestCell } from './domain.ts';
import type { XmlAttribute, XmlElement } from '../xml/types.ts';
import { attribute } from '../xml/query.ts';

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
  | { kind: 'access'; element: XmlElement | undefined; mode: string | undefined; cells: GuestCell[] }
  /** Cells written memAccess='private', with those attributes (others may follow `<access>` too: those are in `following`). */
  | { kind: 'private-cells'; cells: GuestCell[]; memAccess: XmlAttribute[]; following: GuestCell[] };

export function unsharedMemory(domain: DomainModel): UnsharedMemory | undefined {
  const access = domain.memoryBacking?.access;
  const shared = access?.mode === 'shared';
  const cells = domain.cpu?.cells ?? [];
  if (cells.length === 0) return shared ? undefined : { kind: 'access', element: access?.element, mode: access?.mode, cells: [] };
  const privateCells: GuestCell[] = [];
  const privateAttrs: XmlAttribute[] = [];
  const following: GuestCell[] = [];
  for (const cell of cells) {
    // Read here, not kept on every cell of every guest: only guests with a vhost-user device ask.
    const memAccess = attribute(cell.element, 'memAccess');
    const mode = memAccess?.value;
    if (mode === 'private') {
      privateCells.push(cell);
      privateAttrs.push(memAccess!);
    }
    // libvirt reads memAccess as an enum: any other value fails the parse (the schema's finding), not this one.
    else if (mode === undefined && !shared) following.push(cell);
  }
  if (privateCells.length > 0) return { kind: 'private-cells', cells: privateCells, memAccess: privateAttrs, following };
  if (following.length > 0) return { kind: 'access', element: access?.element, mode: access?.mode, cells: following };
  return undefined;
}

/**
 * The release from which libvirt refuses an `<interface type='vhostuser'>` without shared
 * memory (NEWS 11.2.0: "Use common check for shared memory use for vhost-user network
 * devices"). Before it, qemuProcessStartWarnShmem only logged "Detected vhost-user interface
 * without any shared memory, the interface might not be operational", and QEMU started with
 * "Failed initializing vhost-user memory map, consider using -object memory-backend-file
 * share=on": no traffic passes. The passt back end (11.1.0) was checked from its start, and so
 * were vhost-user disks (7.1.0), vhost-vdpa disks and virtiofs (6.2.0).
 */
export const VHOSTUSER_INTERFACE_REFUSED_SINCE = '11.2.0';
