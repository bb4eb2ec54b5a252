/** A half-open span of UTF-16 offsets into the source text. */
export interface Range {
  start: number;
  end: number;
}

export interface XmlAttribute {
  readonly name: string;
  /** Decoded value (character references and predefined entities resolved, as the XML spec says). */
  value: string;
  /** `name="value"` including the quotes. */
  readonly range: Range;
  nameRange: Range;
  /** The value between the quotes (exclusive of them). */
  valueRange: Range;
  quote: '"' | "'";
}

export interface XmlElement {
  name: string;
  /** Attributes with their ranges (built from the start tag on each access). */
  readonly attributes: readonly XmlAttribute[];
  /** The attribute `name` with its ranges, or undefined (a new object on each call). */
  attribute(name: string): XmlAttribute | undefined;
  /** Decoded attribute values by name, as the parser produced them (no ranges; cheap). */
  readonly attributeValues: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly parent: XmlElement | undefined;
  /** `<name ...>` or `<name .../>`. */
  readonly startTag: Range;
  /** `</name>`; absent for a self-closing element. */
  readonly endTag: Range | undefined;
  /** From the start tag's `<` to the end tag's `>`. */
  readonly range: Range;
  /** Concatenated character data directly inside this element (text and CDATA, not descendants'), decoded; computed on first access. */
  readonly text: string;
  /** Source range of the content between the tags with surrounding whitespace trimmed (start tag's end when empty). */
  readonly contentRange: Range;
  readonly selfClosing: boolean;
  /**
   * Whether the source between the tags contains `needle`: a test on the text, before building
   * the children of a lazy element (comments and CDATA count, so a false answer is certain).
   */
  contentIncludes(needle: string): boolean;
  /**
   * contentIncludes for several needles sharing a prefix, in one scan: bit i is set when the
   * content holds `prefix + tails[i]`.
   */
  contentIncludesEach(prefix: string, tails: readonly string[]): number;
  /**
   * On the root element: whether any start tag of the document has an `xmlns` attribute (a default
   * namespace declaration), which the parser notes as it reads attribute names. False elsewhere.
   */
  readonly declaresDefaultNamespace: boolean;
  /**
   * On the root element: whether the document's DOCTYPE declares attribute defaults (`<!ATTLIST>`), which
   * libxml2 applies to namespace declarations even where libvirt asks for no DTD defaults. False elsewhere.
   */
  readonly declaresAttributeDefaults: boolean;
  /** Whether the element's own text, start tag to end tag, contains `needle` (a scan of that text only). */
  rangeIncludes(needle: string): boolean;
  /** The source and the offsets of the content between the tags (equal for a self-closing element), for scans that must not build children. */
  contentSpan(): { text: string; start: number; end: number };
}

export interface XmlComment {
  /** The comment body, without `<!--` and `-->`. */
  text: string;
  range: Range;
}

export interface XmlParseError {
  message: string;
  offset: number;
  line: number;
  column: number;
}

export interface XmlDocument {
  text: string;
  root: XmlElement | undefined;
  comments: XmlComment[];
  /** The first well-formedness error; when set, `root` may be partial and must not be linted. */
  error: XmlParseError | undefined;
}
