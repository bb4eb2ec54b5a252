/**
 * What libxml2 said about one domain document. Type-only: importing this file
 * costs nothing at run time, so rules and the engine can name these shapes
 * without loading libxml2.
 */
export interface SchemaDetail {
    /** libxml2's message, trimmed. */
    message: string;
    /** libxml2's xmlErrorLevel: 1 warning, 2 error, 3 fatal (the text is not well-formed for libxml2). */
    level: number;
    /** 1-based line of the node libxml2 names; 0 when it names none. */
    line: number;
    /** libxml2's path to that node (`/domain/devices`, `/domain/cpu/numa/cell[2]`), when it names one. */
    xpath?: string;
}
export interface SchemaFailure {
    /**
     * `invalid`: the document parsed and libvirt's RelaxNG schema rejects it.
     * `unparsable`: libxml2 itself (libvirt's XML parser) refuses the text.
     */
    kind: 'invalid' | 'unparsable';
    /** No verdict was reached (libxml2 failed, or was stopped): the domain is not known to be valid. */
    unvalidated?: true;
    /** In libxml2's order; the first is where validation stopped. */
    details: SchemaDetail[];
}
/** A compiled domain.rng, applied to one domain text at a time. */
export interface SchemaValidator {
    /** Directory the schema was compiled from (real path). */
    readonly dir: string;
    /** The directory as the user named it, for messages. */
    readonly shown: string;
    /** Element and attribute names the directory's .rng files define, and its libvirt version when known (read on first use). */
    facts(): {
        definedElements: ReadonlySet<string>;
        definedAttributes: ReadonlySet<string>;
        elementAttributes: ReadonlyMap<string, ReadonlySet<string>>;
        definedValues: ReadonlySet<string>;
        libvirtVersion?: string;
    };
    /** undefined when the text is valid. Reads no file. */
    validate(text: string): SchemaFailure | undefined;
    /**
     * Validates a batch ahead of validate(), part of it on the helper thread while this one does
     * the rest; validate() then answers those texts from memory until the next batch.
     */
    prevalidate?(texts: readonly string[]): void;
    /**
     * Hands a batch that prevalidate will be given later to the helper thread now, so that it
     * validates while this thread lints; prevalidate then takes what is left. The helper takes
     * batches in the order sent; prevalidate taking one takes back those sent before it.
     */
    prefetch?(texts: readonly string[]): void;
    /** True while a helper thread is validating alongside this one (or starting to). */
    helperAlive?(): boolean;
    /** The helper protocol's share of a batch (src/schema/helper.ts): the claimed texts' verdicts, by index. */
    validateClaimed?(texts: readonly string[], next: Int32Array, onEach?: () => void, status?: Int32Array): Array<[number, SchemaFailure | undefined]>;
    /** How many domains the helper thread validated (for tests). */
    helperValidated?(): number;
}
