import { ElementNode } from './element.js';
import type { XmlComment } from './types.js';
/**
 * The fast path of `parseXml`: one pass over the common shape of domain XML
 * (ASCII names, quoted attributes, text with the predefined entities and
 * character references, comments, an optional XML declaration) that checks
 * well-formedness and builds the light tree in the same pass.
 *
 * It decides only what it fully understands. Anything else (a DOCTYPE, CDATA,
 * a processing instruction, a non-ASCII name, an error of any kind, nesting
 * past libxml2's limit) returns `undefined`, and saxes parses the text from
 * the start: saxes stays the judge of every file this path does not accept,
 * and every error message comes from it. A test and the fuzzer check that
 * whatever this path accepts, saxes accepts with the identical tree.
 *
 * Why: saxes spends most of its time building an attribute object for every
 * tag, including the hundreds inside <devices> that no rule reads; this scan
 * only checks them.
 */
export declare function fastParse(text: string): {
    root: ElementNode;
    comments: XmlComment[];
} | undefined;
