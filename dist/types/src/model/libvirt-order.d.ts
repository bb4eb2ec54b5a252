import type { XmlElement } from '../xml/types.js';
/**
 * The order in which libvirt's own formatter writes the children of an
 * element (domain_conf.c: virDomainDefFormatInternal, virDomainCputuneDefFormat,
 * the <memoryBacking> block, and the <features> loop over the virDomainFeature
 * enum). A fix that inserts an element puts it where `virsh dumpxml` would, so
 * the file reads like libvirt's output and a later dumpxml diff stays small.
 * Only the relative order of the names listed matters; other children are skipped.
 */
export declare const DOMAIN_CHILD_ORDER: readonly string[];
/** virDomainCputuneDefFormat: scalar tunables, then vcpupin (by vCPU id), emulatorpin, iothreadpin (by IOThread), then the schedulers and resource groups. */
export declare const CPUTUNE_CHILD_ORDER: readonly string[];
/** The <memoryBacking> block of virDomainDefFormatInternal. */
export declare const MEMORY_BACKING_CHILD_ORDER: readonly string[];
/** virDomainFeature enum order (domain_conf.h), which the <features> formatter loops over. */
export declare const FEATURES_CHILD_ORDER: readonly string[];
/**
 * The child of `parent` after which libvirt's formatter would write a new
 * `name` element: the last child that comes before it in `order` (or has the
 * same name and `sameNameFirst` says it sorts first, e.g. a lower IOThread id).
 * undefined means "as the first child".
 */
export declare function formatterPredecessor(parent: XmlElement, name: string, order: readonly string[], sameNameFirst?: (sibling: XmlElement) => boolean): XmlElement | undefined;
