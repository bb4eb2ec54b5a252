import type { XmlElement } from '../xml/types.js';
import type { DomainModel } from './domain.js';
/**
 * Whether the domain is one for libvirt's QEMU driver, whose QEMU semantics (hugepage backing,
 * CPU topology checks) a rule may apply. A domain without `type` counts: the schema requires one.
 * Xen (libxl), LXC and the test driver are other drivers with other rules.
 */
export declare function runsOnQemu(d: DomainModel): boolean;
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
export declare function effectiveMemballoon(d: DomainModel): EffectiveMemballoon | undefined;
