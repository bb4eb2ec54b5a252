import type { Range, XmlElement } from '../xml/types.js';
import type { Diagnostic } from './types.js';
/**
 * kvmlint's XML namespace for suppressions kept in a domain's `<metadata>`. libvirt drops XML
 * comments when it stores a domain (so `<!-- kvmlint-disable -->` directives vanish through
 * `virsh define`/`edit`/`dumpxml`), but keeps `<metadata>` children in a namespace of their own.
 * It keeps only the first child per namespace and drops children without one
 * (virxml.c virXMLNodeSanitizeNamespaces), hence one container element holding every entry:
 *
 *   <metadata>
 *     <kvmlint:suppress xmlns:kvmlint="https://github.com/kvmlint/kvmlint/xmlns/suppress/1">
 *       <kvmlint:disable rules="housekeeping-overlap" element="cputune/vcpupin[@vcpu='0']" reason="vCPU 0 runs the guest's own housekeeping"/>
 *       <kvmlint:disable rules="missing-emulatorpin" reason="pinned at runtime by a libvirt hook"/>
 *     </kvmlint:suppress>
 *   </metadata>
 */
export declare const SUPPRESS_XMLNS = "https://github.com/kvmlint/kvmlint/xmlns/suppress/1";
export interface MetadataSuppression {
    /** undefined: every rule. */
    rules: string[] | undefined;
    reason: string | undefined;
    /** The `element` path as written; undefined: the whole domain. */
    element: string | undefined;
    /** The elements the path matched (an empty list when it matched none), sorted by start. */
    targets: Range[] | undefined;
    /** targetReach[i]: the furthest end among targets[0..i] (a finding at p is covered when a target starting at or before p reaches past it). */
    targetReach?: number[];
    /** The `<kvmlint:disable>` element's start tag, where an unused one is reported. */
    range: Range;
}
export declare function parseMetadataSuppressions(root: XmlElement | undefined): MetadataSuppression[];
/**
 * The elements a path names, from the domain root: steps `name`, each with any number of
 * `[@attr='value']` and `[n]` (1-based) predicates applied in turn as in XPath, e.g.
 * `cputune/vcpupin[@vcpu='0']` or `devices/disk[2]`; a leading `/domain/` is allowed.
 * A path that does not parse matches nothing (and is reported unused).
 */
export declare function selectElements(root: XmlElement, path: string): XmlElement[];
/** Filters one file's findings through its `<metadata>` suppressions; like directives, unused ones are returned. */
export declare function applyMetadataSuppressions(diagnostics: readonly Diagnostic[], suppressions: readonly MetadataSuppression[]): {
    kept: Diagnostic[];
    unused: Array<{
        suppression: MetadataSuppression;
        rules: string[] | undefined;
    }>;
};
