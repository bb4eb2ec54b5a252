import { type HostSnapshot } from '../model/host.js';
import { type TextRange } from '../json/document.js';
export { findJsonSyntaxError, formatJsonPath, locateJsonKey, parseJsonPath, type TextRange } from '../json/document.js';
export declare class HostSnapshotError extends Error {
    /** JSON path of the offending field (`nodes[1].memFreeKiB`); empty for the document as a whole. */
    readonly field: string;
    /** The snapshot file. */
    readonly file: string;
    /** Where the field's value (or the syntax error) is in the file text, when known. */
    readonly range: TextRange | undefined;
    constructor(file: string, field: string, problem: string, range?: TextRange);
}
/** Parses and validates snapshot JSON text; `path` names the file in errors. */
export declare function loadHostSnapshotText(text: string, path: string): HostSnapshot;
/** A host input converted to a snapshot, with what the reader should know about the conversion. */
export interface HostImport {
    snapshot: HostSnapshot;
    /** Facts left out and why; empty for a JSON snapshot. */
    notes: string[];
}
/**
 * One accepted host input format (host-snapshot.md): a JSON snapshot, `virsh
 * capabilities` XML or `numactl --hardware` text, each recognising its own content.
 */
export interface HostImporter {
    name: string;
    detect(text: string): boolean;
    load(text: string, path: string): HostImport;
}
/** Detects a host input by content and converts it to a checked snapshot, with notes on the conversion. */
export declare function importHostText(text: string, path: string): HostImport & {
    format: string;
};
/** Detects a host input by content and loads it as a checked snapshot. */
export declare function loadHostText(text: string, path: string): HostSnapshot;
/** A host input (kvmlint JSON, capabilities XML, numactl text) of a 1024-node machine is a few MB. */
export declare const MAX_HOST_FILE_BYTES: number;
export declare function loadHostFile(path: string): {
    snapshot: HostSnapshot;
    text: string;
};
