/**
 * A JSON Schema validator for kvmlint's own two schemas (schemas/host-snapshot.schema.json and
 * schemas/kvmlint.config.schema.json): the draft-07 keywords they use, interpreted from the schema
 * itself, reporting exactly the errors Ajv 8 reports with `{ allErrors: true, verbose: true }` (same
 * errors, same order, same params and messages; test/json/validators.test.ts compares the two on
 * every shipped document, hand-broken variants and thousands of random mutations).
 *
 * Why not Ajv's own standalone code: it writes straight-line code for every property, 255 KB of
 * the 1.29 MB CLI bundle for these two schemas, and a one-file run with a host paid for its bytecode
 * in every start (the code cache it deserialized was 260 KB larger, ~400 page faults, 5-8 ms on a
 * machine with slow faults). The schema itself, without its prose, is 15 KB.
 *
 * What it reproduces of Ajv (node_modules/ajv/lib, 8.x):
 * - the order keywords run in: a type check up front unless the schema's one type has keywords of
 *   its own (compile/validate/dataType.ts coerceAndCheckDataType), then the keyword groups of
 *   compile/rules.ts getRules: untyped ($ref, const, enum, oneOf), number, string, array, object,
 *   each keyword in the order its vocabulary adds it (items and additionalItems before uniqueItems);
 * - a typed group runs only on data of its type, and reports the type error in its place when the
 *   schema's one type is that group's (compile/validate/index.ts schemaKeywords);
 * - `$ref` to `#/definitions/…`: inlined (errors' schemaPath under the `$ref` text) unless the target
 *   holds a `$ref` itself, which Ajv compiles apart (schemaPath from `#`; compile/resolve.ts inlineRef);
 * - each keyword's condition, params and message (vocabularies/validation, vocabularies/applicator),
 *   including oneOf's (a third passing schema makes it valid again) and uniqueItems' two loops.
 *
 * How: each schema is prepared once (its keywords in Ajv's order, its path, its compiled pattern), and
 * on first use becomes one small closure per keyword (buildCheck); the data's path is a stack of
 * segments joined only for an error. A first version, one function switching over keywords and
 * building paths as it went, took 10x Ajv's time on the 1,700-host fleet's snapshots (docs/speed.md).
 *
 * A keyword it does not implement makes compiling the schema throw: a schema change that needs one
 * fails the build's tests instead of being ignored.
 */
/** An error as Ajv reports it with `verbose: true` (its ErrorObject). */
export interface SchemaError {
    instancePath: string;
    schemaPath: string;
    keyword: string;
    params: Record<string, unknown>;
    message: string;
    schema: unknown;
    parentSchema: SchemaObject;
    data: unknown;
    propertyName?: string;
}
export interface SchemaValidator {
    (data: unknown): boolean;
    errors: SchemaError[] | null;
    /**
     * Prepares every subschema now, throwing on the first keyword or `$ref` not implemented. A run
     * prepares a subschema only when data reaches it (a config naming only hosts never prepares the
     * 59 rules' settings); the tests call this so no part of a schema goes unchecked.
     */
    prepareAll(): void;
}
type SchemaObject = Record<string, unknown>;
/** Compiles `root` (a parsed schema); throws on a keyword or `$ref` this validator does not implement. */
export declare function compileSchema(root: SchemaObject): SchemaValidator;
export {};
