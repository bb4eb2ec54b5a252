import type { XmlElement } from '../xml/types.js';
import type { ReducedElementName } from './host.js';
export declare const REDUCED_ELEMENTS: readonly ReducedElementName[];
/** The reduced elements of a `<domain>` (absent ones left out) and their digest. */
export declare function reduceDefinition(domain: XmlElement): {
    elements: Partial<Record<ReducedElementName, string>>;
    digest: string;
};
/** sha256 over the reduced elements in a fixed order: equal digests, equal definitions as kvmlint sees them. */
export declare function reducedDigest(elements: Partial<Record<ReducedElementName, string>>): string;
