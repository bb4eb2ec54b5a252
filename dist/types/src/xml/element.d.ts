import type { Range, XmlAttribute, XmlElement } from './types.js';
/** The light element tree both parsers build: offsets as numbers, everything else derived from the source on demand. */
export declare function isXmlSpace(c: number): boolean;
/**
 * libxml2's nesting limit without XML_PARSE_HUGE (parser.c nodePush: an element is
 * refused when more than 256 are already open), which libvirt does not set
 * (virxml.c virXMLParseHelper passes XML_PARSE_NONET | XML_PARSE_NOWARNING).
 */
export declare const MAX_ELEMENT_DEPTH = 256;
/**
 * The longest element or attribute name libxml2 reads without XML_PARSE_HUGE, in UTF-8 bytes
 * (parserInternals.h XML_MAX_NAME_LENGTH; parser.c xmlParseNCName: "Name too long").
 */
export declare const MAX_NAME_BYTES = 50000;
/**
 * Children of the root that hold most of a real domain's elements, few of which the
 * models read. What lies inside them is checked for well-formedness with the rest of the
 * file and turned into elements only when something asks for it, one level at a time;
 * the models test the text before asking (`<memballoon`, `<memory` in `<devices>`).
 */
export declare const LAZY_CONTAINERS: ReadonlySet<string>;
/**
 * The tag table fastParse keeps on the root: two numbers for every start tag of the document, in document order:
 * the offset of its `<`, then its depth (the root's is 0; TAG_DEEP stands for itself and anything deeper) and, above
 * TAG_DEPTH_BITS, its name's key (tagNameKey). It lets a check read the tags inside a lazy container (most of a
 * guest's tags are in <devices>) without building their elements or searching the text for them again.
 */
export declare const TAG_DEPTH_BITS = 4;
export declare const TAG_DEEP: number;
/**
 * A name's length (up to 63), first and last character in one number: equal for equal names, so a tag whose key
 * differs is not the one sought, and one whose key matches is compared in full (keys of ASCII names only).
 */
export declare function tagNameKey(name: string): number;
export declare function nameKeyAt(text: string, start: number, end: number): number;
/**
 * Whether the start tag at text[at] is named `name`, given that the table gave it name's key: the key holds the
 * length and the first and last letters, so only the letters between are compared.
 */
export declare function tagIs(text: string, at: number, name: string): boolean;
/** A document's tag table: numbers[from, to) of an arena the parser shares between documents. */
export interface TagTable {
    readonly numbers: Int32Array;
    readonly from: number;
    readonly to: number;
}
/** The start tags below one element: table entries [from, to) (two numbers each), and the element's own depth. */
export interface DescendantTags {
    readonly table: Int32Array;
    readonly from: number;
    readonly to: number;
    readonly depth: number;
}
/**
 * The start tags inside `el` (its descendants, not itself), from the document's tag table; undefined when the
 * document has none (saxes parsed it) or `el` is not in it. Comments, CDATA sections and processing instructions are
 * not tags and are not in it.
 */
export declare function descendantTags(el: XmlElement): DescendantTags | undefined;
/**
 * Which of `names` some element inside `el` (at any depth) may be named: bit i for names[i]. Exact from the tag
 * table; without one, whether `<name` is in the text at all (comments included), which may say yes where there is
 * none, never no where there is one.
 */
export declare function mayContainElements(el: XmlElement, names: readonly string[]): number;
/**
 * Whether two children of `el` may have one name: exact from the tag table (names compared in place, a name of 63
 * characters or more counted as a maybe), true without one. Lets a check for repeated children leave a lazy
 * container unbuilt when it has none.
 */
export declare function childNamesMayRepeat(el: XmlElement): boolean;
export declare function mayContainElement(el: XmlElement, name: string): boolean;
/**
 * Whether the text inside `el` may hold an entity or character reference: false only when the parser saw none in
 * the whole document, so a check reading raw text there reads what the parser would.
 */
export declare function mayHaveReferences(el: XmlElement): boolean;
/**
 * An element of the light tree. Attribute ranges and text are derived from the
 * source on first access: the domain model reads a few dozen of a domain's
 * hundred-odd elements, so doing it eagerly for all of them would cost more than
 * the parse itself.
 */
export declare class ElementNode implements XmlElement {
    private readonly source;
    readonly name: string;
    readonly parent: XmlElement | undefined;
    readonly startTagStart: number;
    private kids;
    /** SELF_CLOSING and LAZY in one number: a plan of 10,000 guests keeps 270,000 elements to its end. */
    private flags;
    /** Offsets kept as numbers; Range objects are made only for the few elements a rule looks at. */
    startTagEnd: number;
    /** Where `</name>` starts; -1 until the element closes, and for a self-closing one. Its end is found from it. */
    endTagStart: number;
    /** On the root of a document fastParse read: its tag table (descendantTags). */
    tagTable: TagTable | undefined;
    constructor(source: string, name: string, parent: XmlElement | undefined, startTagStart: number, startTagEnd: number, selfClosing: boolean);
    get selfClosing(): boolean;
    /** Children not built yet (a lazy container). */
    get lazy(): boolean;
    set lazy(value: boolean);
    get declaresDefaultNamespace(): boolean;
    set declaresDefaultNamespace(value: boolean);
    /** The document's text. */
    get sourceText(): string;
    get declaresNoReferences(): boolean;
    set declaresNoReferences(value: boolean);
    get declaresAttributeDefaults(): boolean;
    set declaresAttributeDefaults(value: boolean);
    /** After the end tag's `>` (a well-formed end tag holds no other `>`); -1 while it has none. */
    get endTagEnd(): number;
    get children(): readonly XmlElement[];
    addChild(el: XmlElement): void;
    /**
     * Called when the element closes: an array grown by push keeps room for ~16
     * more entries, which a plan of thousands of domains would carry to the end.
     */
    sealChildren(): void;
    /**
     * Builds the children of a lazy element from its source span, one level: each child that has
     * content is lazy in turn. A rule that asks for `<devices>` to find `<memballoon>` then builds
     * the thirty-odd device elements, not the hundred-odd below them (a 10,000-guest plan held
     * 1.3 million elements, 160 MB, when the whole subtree was built).
     *
     * The span was already found well formed (by fastParse or saxes), so this only has to find
     * the tags: it skips comments, CDATA sections and processing instructions, and steps over
     * quoted attribute values (which may hold `>`).
     */
    private materialize;
    get startTag(): Range;
    get endTag(): Range | undefined;
    get range(): Range;
    get contentRange(): Range;
    contentIncludes(needle: string): boolean;
    rangeIncludes(needle: string): boolean;
    contentSpan(): {
        text: string;
        start: number;
        end: number;
    };
    contentIncludesEach(prefix: string, tails: readonly string[]): number;
    /**
     * Built from the start tag on every call and never kept: a plan of 10,000 guests kept
     * 280,000 attribute objects (with their arrays and values, a sixth of what it held), for the
     * few a rule's finding points at. Rules ask for one attribute by name (`attribute`).
     */
    get attributes(): readonly XmlAttribute[];
    /** The attribute `name`, found in the start tag without building the others. */
    attribute(name: string): XmlAttribute | undefined;
    private attributesFrom;
    private attributesTo;
    get attributeValues(): Readonly<Record<string, string>>;
    /** Decoded on every call, not kept (the models read each element's text once). */
    get text(): string;
}
/** The name `text[start, end)`, one string for each distinct name. */
/**
 * The offset of the `>` that ends a start tag, searched from `from` (after its name): a quoted
 * value, which may hold `>`, is stepped over. -1 when the text ends first.
 */
export declare function startTagEnd(text: string, from: number): number;
export declare function nameAt(text: string, start: number, end: number): string;
/** A new element for a start tag ending at `end` (saxes' position after `>`), added to its parent. */
export declare function openElement(source: string, node: {
    name: string;
    isSelfClosing: boolean;
}, end: number, parent: ElementNode | undefined): ElementNode;
export declare function closeElement(source: string, el: ElementNode, end: number): void;
