export interface SchemaFacts {
    /** Every `<element name="…">` of the directory's .rng files. */
    definedElements: ReadonlySet<string>;
    /** Every `<attribute name="…">` of the directory's .rng files. */
    definedAttributes: ReadonlySet<string>;
    /** The libvirt version of the package that installed the directory, when known ("9.0.0"). */
    libvirtVersion?: string;
}
/** The element names a RelaxNG text defines (`<element name="vcpupin">`; libvirt writes no name classes for domain elements). */
export declare function elementNamesOf(rng: string, into?: Set<string>): Set<string>;
/**
 * The attribute names a RelaxNG text defines (`<attribute name="clusters">`). libvirt's only
 * `<attribute><anyName/></attribute>` is in customElement, the grammar of <metadata>'s content.
 */
export declare function attributeNamesOf(rng: string, into?: Set<string>): Set<string>;
/**
 * The version dpkg records for the package that installed `dir/domain.rng`, if one did.
 * `root` is the file system root (tests give a fixture tree).
 */
export declare function dpkgLibvirtVersion(dir: string, root?: string): string | undefined;
/** `files`: the .rng files the compiled grammar was read from (the validator records them), inside `dir`. */
export declare function schemaFacts(dir: string, files: readonly string[], root?: string): SchemaFacts;
