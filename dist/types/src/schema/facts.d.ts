export interface SchemaFacts {
    /** Every `<element name="…">` of the directory's .rng files. */
    definedElements: ReadonlySet<string>;
    /** Every `<attribute name="…">` of the directory's .rng files. */
    definedAttributes: ReadonlySet<string>;
    /** Every `<value>…</value>` of the directory's .rng files: the enumerated words the grammar allows somewhere. */
    definedValues: ReadonlySet<string>;
    /**
     * For each element name, every attribute some `<element name="…">` of that name allows, through the
     * `<ref>`s of its content but not inside nested elements; an element name some definition of which
     * allows any attribute is absent.
     */
    elementAttributes: ReadonlyMap<string, ReadonlySet<string>>;
    /** The libvirt version of the package that installed the directory, when known ("9.0.0"). */
    libvirtVersion?: string;
}
/** What an `<element>` or a `<define>` holds outside its nested elements: attributes and references. */
interface RngScope {
    attributes: Set<string>;
    refs: Set<string>;
    /** An `<attribute>` with a name class (`<anyName/>`): any attribute. */
    open: boolean;
}
/** The scopes of a directory's .rng files: each element name's definitions, and each define's (combined). */
export interface RngScopes {
    elements: Map<string, RngScope[]>;
    defines: Map<string, RngScope[]>;
}
/**
 * Reads the element and define scopes of a RelaxNG text into `into` (a tag scan: libvirt's .rng files are
 * plain XML, their comments and documentation hold no RelaxNG tags once comments are dropped).
 */
export declare function rngScopesOf(rng: string, into?: RngScopes): RngScopes;
/** Each element name's allowed attributes (see SchemaFacts.elementAttributes), the refs followed to their defines. */
export declare function elementAttributesOf(scopes: RngScopes): Map<string, ReadonlySet<string>>;
/** The element names a RelaxNG text defines (`<element name="vcpupin">`; libvirt writes no name classes for domain elements). */
export declare function elementNamesOf(rng: string, into?: Set<string>): Set<string>;
/**
 * The attribute names a RelaxNG text defines (`<attribute name="clusters">`). libvirt's only
 * `<attribute><anyName/></attribute>` is in customElement, the grammar of <metadata>'s content.
 */
export declare function attributeNamesOf(rng: string, into?: Set<string>): Set<string>;
/** The enumerated values a RelaxNG text allows (`<value>unmap</value>`), whatever attribute or element they are for. */
export declare function valuesOf(rng: string, into?: Set<string>): Set<string>;
/**
 * The version dpkg records for the package that installed `dir/domain.rng`, if one did.
 * `root` is the file system root (tests give a fixture tree).
 */
export declare function dpkgLibvirtVersion(dir: string, root?: string): string | undefined;
/** `files`: the .rng files the compiled grammar was read from (the validator records them), inside `dir`. */
export declare function schemaFacts(dir: string, files: readonly string[], root?: string): SchemaFacts;
export {};
