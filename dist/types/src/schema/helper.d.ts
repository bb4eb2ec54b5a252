import type { MessagePort, Worker } from 'node:worker_threads';
import type { SchemaFailure } from './types.js';
export interface HelperStart {
    dir: string;
    shown: string;
    /** Where the helper answers. */
    port: MessagePort;
    /** An Int32Array's buffer: [0] counts the helper's messages. */
    signal: SharedArrayBuffer;
}
export interface HelperRequest {
    id: number;
    texts: readonly string[];
    /**
     * An Int32Array's buffer: [0] is the index of the next text to validate. Both threads take
     * texts by bumping it, so neither waits for a share the other could have done.
     */
    claim: SharedArrayBuffer;
    /** A progress reply after each text, for a watchdog that times one text (schemas from the pull request). */
    progress?: boolean;
    /**
     * An Int32Array's buffer, one slot a text: the helper stores 1 in a text's slot as soon as it
     * finds it valid (canary checked), before the batch's reply.
     */
    status?: SharedArrayBuffer;
}
/** The helper's verdicts by index in the request's texts; null stands for "valid" (undefined does not survive every transfer). */
export type HelperVerdicts = Array<[index: number, verdict: SchemaFailure | null]>;
export type HelperReply = {
    ready: true;
} | {
    failed: string;
} | {
    progress: number;
} | {
    id: number;
    verdicts: HelperVerdicts;
} | {
    id: number;
    error: string;
};
/** For tests: how long a quiet helper is waited for. */
export declare function setHelperGraceMs(ms: number): void;
/** How long a quiet helper is waited for, in ms. */
export declare function helperGrace(): number;
export declare function setSourceWorkerStarter(starter: ((start: HelperStart) => Worker) | undefined): void;
export declare class SchemaHelper {
    private readonly worker;
    private readonly port;
    private readonly signal;
    private ready;
    private dead;
    private nextId;
    /** Answers that came while another was awaited, by request id. */
    private readonly replies;
    private readonly unwanted;
    /** Documents the helper validated (tests check that it took part). */
    validated: number;
    constructor(dir: string, shown: string);
    /** False once the helper has failed or been stopped. */
    get alive(): boolean;
    /** True once the helper has compiled the schema, until it fails. */
    get available(): boolean;
    /** Waits (at most the grace time) for the helper to have compiled the schema; false when it failed or went quiet. */
    waitReady(): boolean;
    /**
     * Sends `texts` to the helper, which validates those it claims (see HelperRequest.claim) while
     * the caller claims and validates the rest; collect() returns the helper's verdicts. Undefined
     * when the helper is not available.
     */
    send(texts: readonly string[], claim: Int32Array, status?: Int32Array, progress?: boolean): number | undefined;
    /**
     * The helper's verdicts on request `id`, by text index, waiting for them; undefined when it could
     * not give them (the caller validates the texts it claimed).
     */
    collect(id: number): Map<number, SchemaFailure | undefined> | undefined;
    /** A request whose answer no one will collect (its batch was taken back): dropped when it comes. */
    discard(id: number): void;
    /** One message from the helper, handled; undefined when none is waiting. */
    private receive;
    /** Ends the helper; the main thread validates everything from now on. */
    stop(): void;
}
