import type { LineIndex } from '../xml/lines.js';
import type { Range, XmlAttribute, XmlElement } from '../xml/types.js';
import type { SchemaFailure } from './types.js';
/** Where a schema failure is reported, and what libxml2 said there. */
export interface SchemaFailureSite {
    /** The element libxml2 stopped at. */
    element: XmlElement;
    /** The attribute libxml2 named, when it named one of this element's (`Invalid attribute unit for element memory`). */
    attribute?: XmlAttribute;
    range: Range;
    /** libxml2's first message: where validation stopped. */
    message: string;
    /**
     * True when libxml2 named the node at fault itself (an attribute, a value); false when it
     * only said where it gave up (the nearest <interleave> around the fault: the element or
     * something inside it).
     */
    exact: boolean;
}
/**
 * libxml2's node path (tree.c xmlGetNodePath): `/domain/devices/disk[2]`; `name[n]` counts
 * same-named element siblings from 1, `*` stands for an element in a default namespace
 * and counts all element siblings. Resolves as deep as it can; steps that are not
 * elements (`text()`, `@attr`, `comment()`) end the walk.
 */
export declare function elementAtPath(root: XmlElement, xpath: string): XmlElement | undefined;
/**
 * Maps libxml2's RelaxNG report to the element at fault in kvmlint's tree. libxml2
 * reports the first failure only, and inside an <interleave> (libvirt's <domain> and
 * <devices> are interleaves) only as "Extra element X in interleave" with no node,
 * followed by the node where the interleave failed. So: a first detail with a node is
 * exact (an attribute or value of that element); otherwise the element the first
 * message names, found under the next node libxml2 gives; else the line; else the root.
 */
export declare function locateSchemaFailure(root: XmlElement, lines: LineIndex, failure: SchemaFailure): SchemaFailureSite;
/**
 * Whether the element libxml2 blamed for a bad value is at fault. Inside a <choice> of
 * whole-element alternatives (libvirt's <os> variants), libxml2 names the first child it could
 * not fit, whichever child broke the match. So the siblings are blanked out (one validation):
 * when the document then validates, or first fails past the element (a second, unrelated fault
 * further on), the element was fine. Failing at it again, or before it (a required sibling now
 * missing), keeps libxml2's word.
 */
export declare function blamedValueHolds(text: string, lines: LineIndex, element: XmlElement, validate: (text: string) => SchemaFailure | undefined): boolean;
/**
 * The fault, when it lies outside the element libxml2 blamed for a bad value. A fault elsewhere in
 * the domain (an attribute libvirt's schema does not know on <clock>) makes libxml2 give up on a
 * <choice> it was matching (libvirt's <os> variants) and name that choice's first child, whose
 * value is fine, even with the blamed element's siblings blanked out (blamedValueHolds). So each
 * element beside the blamed one or beside one of its ancestors, from the root down, is blanked out
 * in turn (one validation each): when the document then validates, the fault is in that element
 * (narrowed with narrowSchemaFailure), and the blamed value is not at fault, since it is still
 * there. Undefined when no such single removal validates; at most `budget` validations.
 */
export declare function faultOutsideBlamed(text: string, element: XmlElement, validate: (text: string) => SchemaFailure | undefined, budget?: number): XmlElement | undefined;
/**
 * libxml2 names only where it gave up, often a container such as <devices>. This finds, below
 * `from`, the smallest element without which the whole document validates. Children are blanked
 * out (offsets and lines kept) and the text validated again: halves first (a <devices> of 60
 * children costs about 12 validations, and two faults in different halves stop the search after
 * two), then one by one for a short list; when one child's removal makes the document valid, the
 * search goes on inside that child. Undefined when no single removal helps (two faults, or a
 * required element that is itself wrong): the report then stays where libxml2 gave up. At most
 * `budget` validations.
 */
export declare function narrowSchemaFailure(text: string, from: XmlElement, validate: (text: string) => SchemaFailure | undefined, budget?: number): XmlElement | undefined;
/** The first fault found below `from`, with the text it was found in: later faults blanked out, offsets kept. */
export interface NarrowedFault {
    element: XmlElement;
    /** The attribute whose removal alone validates `text`, when there is one such attribute. */
    attribute?: XmlAttribute;
    /** The document with the siblings after each culprit blanked out: `element` is its only fault. */
    text: string;
}
/**
 * libxml2 reports only its first failure, and narrowSchemaFailure finds nothing when a container holds two
 * faults (removing either leaves the other). This finds the first fault in document order, as a reader fixes
 * them: at a level where no single removal validates, the children after the k-th are blanked out, and the
 * smallest k whose document still fails is found by halving (`<devices>`' children are each optional, so a
 * prefix of them is valid up to the first bad one). The search goes on inside that child with the later ones
 * blanked, then in the element found, the one attribute without which the document validates (`discard='unmapx'`
 * on a disk's `<driver>`) is named. Undefined when even no children validate (a required child, or the fault is
 * outside them) or the budget of validations runs out.
 */
export declare function narrowFirstFault(text: string, from: XmlElement, validate: (text: string) => SchemaFailure | undefined, budget?: number): NarrowedFault | undefined;
