import type { XmlElement } from '../xml/types.ts';
import type { DomainModel } from './domain.ts';

/**
 * Devices the QEMU driver adds to a domain that does not declare them
 * (qemu_postparse.c qemuDomainDefAddDefaultDevices, qemu_domain.c in older
 * releases). Only what rules need is modelled here.
 */

/** `<domain type>` values libvirt's QEMU driver runs: KVM, TCG and macOS's Hypervisor.framework (qemu_capabilities.c). */
const QEMU_DRIVER_TYPES: ReadonlySet<string> = new Set(['kvm', 'qemu', 'hvf']);

/**
 * Whether the domain is one for libvirt's QEMU driver, whose QEMU semantics (hugepage backing,
 * CPU topology checks) a rule may apply. A domain without `type` counts: the schema requires one.
 * Xen (libxl), LXC and the test driver are other drivers with other rules.
 */
export function runsOnQemu(d: DomainModel): boolean {
  return d.type === undefined || QEMU_DRIVER_TYPES.has(d.type);
}

/** Architectures for which libvirt adds a virtio balloon when `<memballoon>` is absent. */
const DEFAULT_BALLOON_ARCHES: ReadonlySet<string> = new Set([
  'i686', 'x86_64', 'ppc64', 'ppc64le', 'ppc', 'ppcemb', 'alpha', 'sh4', 'sh4eb', 's390', 's390x', 'sparc64',
  'mips', 'mipsel', 'mips64', 'mips64el',
]);

/** x86 machine types that get no default devices (no PCI bus for a balloon). */
const X86_MACHINES_WITHOUT_DEFAULTS = /^(isapc|microvm)$/;

export interface EffectiveMemballoon {
  /** `virtio`, `none`, `xen`, …; as written, or `virtio` for the one libvirt adds. */
  model: string | undefined;
  /** The `<memballoon>` element; undefined when libvirt adds the balloon itself. */
  element: XmlElement | undefined;
}

/**
 * The memory balloon a QEMU/KVM domain really gets: the `<memballoon>` as
 * written, or the virtio balloon libvirt adds when the element is absent.
 * undefined when the domain has none, or when that cannot be told statically
 * (another driver, no `<os><type arch>`: libvirt would fill in the host's
 * architecture, which a domain file alone does not name).
 *
 * The per-architecture list is that of current libvirt; older releases added
 * the balloon for every architecture, so a balloon reported here is one that
 * every release adds.
 */
export function effectiveMemballoon(d: DomainModel): EffectiveMemballoon | undefined {
  const written = d.devices.memballoon();
  if (written) return { model: written.model, element: written.element };
  if (d.type !== 'kvm' && d.type !== 'qemu') return undefined;
  const os = d.devices.osType();
  const arch = os?.arch;
  if (!arch || !DEFAULT_BALLOON_ARCHES.has(arch)) return undefined;
  if ((arch === 'x86_64' || arch === 'i686') && os.machine !== undefined && X86_MACHINES_WITHOUT_DEFAULTS.test(os.machine)) return undefined;
  return { model: 'virtio', element: undefined };
}

