/**
 * JSON documents kvmlint reads (host snapshots, kvmlint.config.json): JSON
 * paths, the exact range of a value in the text, where a syntax error is, and
 * schema errors (Ajv's, as src/json/schema-validator.ts reproduces them) worded as "field: what is wrong".
 */
import type { SchemaError } from './schema-validator.js';
export interface TextRange {
    /** UTF-16 offsets into the file text, end exclusive. */
    start: number;
    end: number;
}
export type PathSegment = string | number;
/** `nodes[1].memFreeKiB` (or `nodes.1.memFreeKiB`) → ['nodes', 1, 'memFreeKiB']. */
export declare function parseJsonPath(path: string): PathSegment[];
export declare function formatJsonPath(segments: readonly PathSegment[]): string;
/**
 * The UTF-16 range of the JSON value at `dottedPath` (`vm.minFreeKbytes`,
 * `nodes[1].memFreeKiB`) in `text`; a string value's range includes its quotes.
 * undefined when the path is not in the document or the text is not JSON there.
 */
export declare function locateJsonKey(text: string, dottedPath: string): TextRange | undefined;
/**
 * The range of a whitespace-separated token (`isolcpus=4-31`) inside the JSON
 * string value at `dottedPath` (a kernel command line), the token matched as
 * written and JSON-escaped; else the range of the whole string; undefined when
 * the path is not in the document.
 */
export declare function locateTokenInJsonString(text: string, dottedPath: string, token: string | undefined): TextRange | undefined;
export declare function describeValue(v: unknown): string;
/** Wording a document type gives an error itself (e.g. its version field); undefined: the generic wording. */
export type AjvWording = (e: SchemaError, segments: readonly PathSegment[], got: string) => string | undefined;
/** An ajv error as the JSON path of the field at fault and a sentence about it. */
export declare function describeAjvError(e: SchemaError, special?: AjvWording): {
    segments: PathSegment[];
    problem: string;
};
/**
 * findDuplicateJsonKey for text JSON.parse made `parsed` from, with a quick answer for the usual
 * case: the text has no more name endings than `parsed` has names, so no name was dropped.
 */
export declare function duplicateJsonKey(text: string, parsed: unknown): {
    path: string;
    offset: number;
} | undefined;
/**
 * The first member name that appears twice in one object of `text` (which JSON.parse accepted), as a
 * dotted path (`vm.minFreeKbytes`, `nodes[1].id`) with the offset of its second occurrence. RFC 8259
 * leaves duplicates to the parser; JSON.parse keeps the last, so a reviewer reading the first would
 * read a value that is not used. Undefined when every name is unique.
 */
export declare function findDuplicateJsonKey(text: string): {
    path: string;
    offset: number;
} | undefined;
/**
 * Where JSON text first breaks the grammar (RFC 8259), and why. JSON.parse's own
 * message carries no position for some errors (Node 20: "Unexpected token"), so
 * the loader finds it itself to point the user at a line and column.
 */
export declare function findJsonSyntaxError(text: string): {
    offset: number;
    reason: string;
} | undefined;
/** A JSON.parse failure located at a line and column of `text`, for an error message. */
export declare function describeJsonSyntaxError(text: string, err: Error): {
    problem: string;
    range: TextRange | undefined;
};
