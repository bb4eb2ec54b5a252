import { CpuSet } from './cpuset.ts';
import type { DomainModel, GuestCell } from './domain.ts';
import { memoPerDomain } from './memo.ts';

/**
 * Guest NUMA cells (`<cpu><numa><cell>`) as libvirt reads them
 * (numa_conf.c virDomainNumaDefParseXML): a cell's id is its `id`, else its
 * position; ids must be 0..n-1, each once; `cpus` is optional (a CPU-less
 * cell); two cells may not share a vCPU; no cell may name a vCPU at or above
 * the `<vcpu>` maximum (domain_conf.c virDomainDefParseXML). vCPUs no cell
 * names go to cell 0: the QEMU driver's post-parse
 * (qemu_domain.c qemuDomainDefNumaCPUsRectify → numa_conf.c
 * virDomainNumaFillCPUsInNode) sets cell 0's cpus to every vCPU the other
 * cells do not name.
 */
export interface GuestNumaLayout {
  cells: readonly GuestCell[];
  /** Cells whose id is at or beyond the cell count, or repeats an earlier cell's id. */
  badIds: Array<{ cell: GuestCell; id: number; kind: 'beyond' | 'duplicate' }>;
  /** vCPUs a cell shares with an earlier cell. */
  overlaps: Array<{ cell: GuestCell; other: GuestCell; vcpus: CpuSet }>;
  /** vCPUs a cell names at or beyond the maximum. */
  beyondMax: Array<{ cell: GuestCell; vcpus: CpuSet }>;
  /** Union of the cells' cpus. */
  named: CpuSet;
  /** vCPUs 0..max-1 that no cell names (libvirt adds them to cell 0). */
  unnamed: CpuSet;
  /** False when an id or a cpus value did not parse: the checks above are then partial. */
  complete: boolean;
}

/** The layout of the guest's cells; undefined when it has none. Computed once per domain. */
export function guestNumaLayout(d: DomainModel): GuestNumaLayout | undefined {
  const cells = d.cpu?.cells ?? [];
  if (cells.length === 0) return undefined;
  return layoutOf(d);
}

const layoutOf: (d: DomainModel) => GuestNumaLayout = memoPerDomain((d) => computeLayout(d, d.cpu!.cells));

function computeLayout(d: DomainModel, cells: readonly GuestCell[]): GuestNumaLayout {
  const max = d.maxVcpus;
  const all = CpuSet.range(0, max - 1);
  const layout: GuestNumaLayout = { cells, badIds: [], overlaps: [], beyondMax: [], named: CpuSet.empty, unnamed: CpuSet.empty, complete: true };
  const seenIds = new Set<number>();
  let named = CpuSet.empty;
  for (const cell of cells) {
    if (cell.id === undefined) layout.complete = false;
    else if (cell.id >= cells.length) layout.badIds.push({ cell, id: cell.id, kind: 'beyond' });
    else if (seenIds.has(cell.id)) layout.badIds.push({ cell, id: cell.id, kind: 'duplicate' });
    else seenIds.add(cell.id);

    if (!cell.cpus) continue;
    const set = cell.cpus.set;
    if (!set) {
      layout.complete = false;
      continue;
    }
    const beyond = set.subtract(all);
    if (!beyond.isEmpty) layout.beyondMax.push({ cell, vcpus: beyond });
    if (named.intersects(set)) {
      // Name the first earlier cell it collides with, as libvirt's pairwise check does.
      const other = cells.find((c) => c !== cell && c.cpus?.set?.intersects(set))!;
      layout.overlaps.push({ cell, other, vcpus: set.intersect(other.cpus!.set!) });
    }
    named = named.union(set);
  }
  layout.named = named;
  layout.unnamed = all.subtract(named);
  return layout;
}

/** The cell libvirt calls `id`, or undefined. */
export function guestCellById(d: DomainModel, id: number): GuestCell | undefined {
  return d.cpu?.cells.find((c) => c.id === id);
}

/**
 * What `<memory>` becomes when a domain with guest NUMA cells is defined: the
 * cells' memory plus every memory device's size (domain_postparse.c
 * virDomainDefPostParseMemory, which overwrites the total when parsing with
 * ABI update, as `virsh define` does; the guest's initial memory is the cells'
 * sum in any case). undefined without cells, or when a size is unknown.
 * Memory devices are read only here, and only for domains with cells.
 */
export function numaMemoryTotal(d: DomainModel): { kib: number; cellsKiB: number; devicesKiB: number; deviceCount: number } | undefined {
  const cells = d.cpu?.cells ?? [];
  if (cells.length === 0) return undefined;
  let cellsKiB = 0;
  for (const c of cells) {
    if (c.memoryKiB === undefined) return undefined;
    cellsKiB += c.memoryKiB;
  }
  const devices = memoryDevicesKiB(d, true);
  if (devices === undefined) return undefined;
  const kib = cellsKiB + devices.kib;
  return Number.isSafeInteger(kib) ? { kib, cellsKiB, devicesKiB: devices.kib, deviceCount: devices.count } : undefined;
}

/** qemu_domain.c: ppc64 (pseries) memory modules are sized in multiples of 256 MiB. */
const PPC64_MEM_MODULE_ALIGN_KIB = 256 * 1024;

/**
 * Σ of `<memory model=…>` device sizes; undefined when one has no readable size. With
 * `asDefined`, each size is the one `virsh define` stores: on ppc64 libvirt aligns memory
 * devices when parsing with ABI update (qemu_domain.c qemuDomainMemoryDefPostParse): an
 * NVDIMM's guest area (its size less its label) down to 256 MiB, keeping the label
 * (qemuDomainNVDimmAlignSizePseries), any other model up to 256 MiB.
 */
export function memoryDevicesKiB(d: DomainModel, asDefined = false): { kib: number; count: number } | undefined {
  let kib = 0;
  const devices = d.devices.memoryDevices();
  // <os> is built only for a domain that has memory devices to align.
  const ppc64 = asDefined && devices.length > 0 && (d.devices.osType()?.arch ?? '').startsWith('ppc64');
  for (const m of devices) {
    if (m.sizeKiB === undefined) return undefined;
    let size = Math.ceil(m.sizeKiB);
    if (ppc64 && m.model === 'nvdimm') {
      const label = Math.ceil(m.labelKiB ?? 0);
      const guestArea = size - label;
      // libvirt refuses a guest area below 256 MiB ("minimum target size for the NVDIMM must be 256MB plus the label size").
      if (guestArea < PPC64_MEM_MODULE_ALIGN_KIB) return undefined;
      size = Math.floor(guestArea / PPC64_MEM_MODULE_ALIGN_KIB) * PPC64_MEM_MODULE_ALIGN_KIB + label;
    } else if (ppc64) {
      size = Math.ceil(size / PPC64_MEM_MODULE_ALIGN_KIB) * PPC64_MEM_MODULE_ALIGN_KIB;
    }
    kib += asDefined ? size : m.sizeKiB;
  }
  return { kib, count: devices.length };
}
