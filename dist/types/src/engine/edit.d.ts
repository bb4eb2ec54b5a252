import type { XmlElement } from '../xml/types.js';
import type { Fix } from './types.js';
/**
 * Text edits that respect the file's own style: its line ending, the
 * indentation of neighbouring elements and their attribute quote style
 * (design.md §4 Fixes).
 */
export interface NewElement {
    name: string;
    attributes: ReadonlyArray<readonly [string, string]>;
    children?: readonly NewElement[];
}
/** Inserts `el` as the last child of `parent`, on its own line, indented like its siblings. */
export declare function insertLastChild(text: string, parent: XmlElement, el: NewElement): Fix;
/**
 * Inserts `els`, in order, as the last children of `parent`, each on its own line: one fix, so an
 * empty parent (`<cputune/>`, `<cputune>\n</cputune>`) is rewritten once with all of them.
 */
export declare function insertLastChildren(text: string, parent: XmlElement, els: readonly NewElement[]): Fix;
/** Inserts `el` right after `sibling`, on its own line, at the sibling's indentation. */
export declare function insertAfter(text: string, sibling: XmlElement, el: NewElement): Fix;
/**
 * Inserts `el` as a child of `parent`: right after `after`, or, when `after`
 * is undefined, before the first child (or as the only child). Pair it with
 * `formatterPredecessor` to put the element where libvirt's formatter would.
 */
export declare function insertChild(text: string, parent: XmlElement, el: NewElement, after: XmlElement | undefined): Fix;
/** Replaces an attribute's value (between its quotes), escaping for its quote. */
export declare function replaceAttributeValue(attr: {
    valueRange: {
        start: number;
        end: number;
    };
    quote: string;
}, value: string): Fix;
/**
 * Several disjoint edits folded into one Fix that spans them all, keeping the
 * text between them: a finding carries one fix, but changing a size may touch
 * both a value and its `unit` attribute.
 */
export declare function combineEdits(text: string, edits: ReadonlyArray<{
    range: [number, number];
    text: string;
}>): Fix;
/**
 * Inserts ` name='value'` into an element's start tag, after `after` (an
 * attribute of that element) or else right after the element name, in the
 * document's quote style.
 */
export declare function insertAttribute(text: string, el: XmlElement, name: string, value: string, after?: {
    range: {
        end: number;
    };
}): Fix;
/**
 * Where an element's character data is, when it is one run: `<memory unit='KiB'><!-- owner -->4194304</memory>`
 * gives the range of `4194304`, so a fix replaces the value and keeps the comment. Undefined when the value is
 * split (`4194<!-- x -->304`), or the element holds a child element: no fix can be sure what to replace.
 */
export declare function characterDataRange(el: XmlElement): {
    start: number;
    end: number;
} | undefined;
/**
 * Sets a memory size written as a number (`valueRange`: element text or an
 * attribute value) with an optional `unit` attribute (default KiB) to `kib`:
 * in the unit already written when that is exact, else in KiB with
 * `unit='KiB'`, so the value stays exact and the file stays valid.
 */
export declare function setSize(text: string, valueRange: {
    start: number;
    end: number;
}, unitAttr: (XmlAttributeLike & {
    value: string;
}) | undefined, kib: number): Fix;
type XmlAttributeLike = {
    valueRange: {
        start: number;
        end: number;
    };
    quote: string;
};
export {};
