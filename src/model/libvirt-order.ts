import type { XmlElement } from '../xml/types.ts';

/**
 * The order in which libvirt's own formatter writes the children of an
 * element (domain_conf.c: virDomainDefFormatInternal, virDomainCputuneDefFormat,
 * the <memoryBacking> block, and the <features> loop over the virDomainFeature
 * enum). A fix that inserts an element puts it where `virsh dumpxml` would, so
 * the file reads like libvirt's output and a later dumpxml diff stays small.
 * Only the relative order of the names listed matters; other children are skipped.
 */
export const DOMAIN_CHILD_ORDER: readonly string[] = [
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'maxMemory', 'memory', 'currentMemory',
  'blkiotune', 'memtune', 'memoryBacking', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'defaultiothread',
  'cputune', 'numatune', 'resource', 'sysinfo', 'bootloader', 'bootloader_args', 'os', 'idmap', 'features', 'cpu', 'clock',
];

/** virDomainCputuneDefFormat: scalar tunables, then vcpupin (by vCPU id), emulatorpin, iothreadpin (by IOThread), then the schedulers and resource groups. */
export const CPUTUNE_CHILD_ORDER: readonly string[] = [
  'shares', 'period', 'quota', 'global_period', 'global_quota', 'emulator_period', 'emulator_quota',
  'iothread_period', 'iothread_quota', 'vcpupin', 'emulatorpin', 'iothreadpin', 'emulatorsched', 'vcpusched',
  'iothreadsched', 'cachetune', 'memorytune',
];

/** The <memoryBacking> block of virDomainDefFormatInternal. */
export const MEMORY_BACKING_CHILD_ORDER: readonly string[] = ['hugepages', 'nosharepages', 'locked', 'source', 'access', 'allocation', 'discard'];

/** virDomainFeature enum order (domain_conf.h), which the <features> formatter loops over. */
export const FEATURES_CHILD_ORDER: readonly string[] = [
  'acpi', 'apic', 'pae', 'hap', 'viridian', 'privnet', 'hyperv', 'kvm', 'pvspinlock', 'capabilities', 'pmu',
  'vmport', 'gic', 'smm', 'ioapic', 'hpt', 'vmcoreinfo', 'htm', 'nested-hv', 'msrs', 'ccf-assist', 'xen', 'cfpc',
  'sbbc', 'ibs', 'tcg', 'async-teardown', 'ras', 'ps2', 'aia',
];

/**
 * The child of `parent` after which libvirt's formatter would write a new
 * `name` element: the last child that comes before it in `order` (or has the
 * same name and `sameNameFirst` says it sorts first, e.g. a lower IOThread id).
 * undefined means "as the first child".
 */
export function formatterPredecessor(
  parent: XmlElement,
  name: string,
  order: readonly string[],
  sameNameFirst?: (sibling: XmlElement) => boolean,
): XmlElement | undefined {
  const rank = order.indexOf(name);
  let after: XmlElement | undefined;
  for (const c of parent.children) {
    const r = order.indexOf(c.name);
    if (r < 0) continue;
    if (r < rank || (c.name === name && sameNameFirst?.(c))) after = c;
  }
  return after;
}
