import type { XmlDocument } from './types.js';
/**
 * Parses XML into a light element tree in which every element and attribute
 * knows its exact source offsets.
 *
 * Most domain XML is read by `fastParse` (src/xml/fast-parse.ts), a one-pass
 * scanner for the common subset; whatever it does not accept, saxes parses.
 *
 * Safety: neither reads external entities or DTDs or defines entities from the
 * internal subset, so `&name;` for anything but the five predefined entities is
 * a well-formedness error (billion laughs stops at the first reference). The
 * caller bounds the size of `text`.
 *
 * With saxes, offsets come from its `position` (a plain index into the string)
 * at the moment each event fires: `opentag`/`closetag` fire after the tag's
 * `>`, a `comment` before its final `>`.
 */
export declare function parseXml(text: string): XmlDocument;
/**
 * The saxes parse, for any text. `eager` builds every element and tracks every
 * construct: used to word a parse error, and by tests as the reference tree.
 */
export declare function parseXmlWithSaxes(text: string, eager?: boolean): XmlDocument;
