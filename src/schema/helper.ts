/**
 * A second thread for `--schema`. libxml2's RelaxNG validation, compiled to WebAssembly, is most
 * of a schema run (~2.5 ms a domain, where the lint itself is ~0.1 ms), and one thread did it all
 * while the machine's other cores idled. The helper (src/schema/worker.ts) compiles the same
 * schema, and the two threads take a batch's texts one at a time until none is left; a verdict
 * does not depend on the thread that reached it.
 *
 * The lint runs synchronously, so the event loop never turns while it does: the two threads talk
 * over a MessageChannel read with receiveMessageOnPort, and the main thread sleeps in Atomics.wait
 * on a counter the helper bumps after each message.
 *
 * Everything fails safe to the main thread: a helper that cannot start, fails to compile, throws
 * or goes quiet leaves its share to be validated where it would have been without it.
 */
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { SchemaFailure } from './types.ts';

let threads: typeof import('node:worker_threads') | undefined;

/** node:worker_threads, loaded by the first helper: at the top of the bundle it cost every run ~4 ms. */
function workerThreads(): typeof import('node:worker_threads') {
  return (threads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));
}

/** Set by scripts/esbuild-engine.mjs to the helper's bundle beside the engine's; absent when run from source. */
declare const KVMLINT_SCHEMA_WORKER_FILE: string | undefined;

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
export type HelperReply = { ready: true } | { failed: string } | { progress: number } | { id: number; verdicts: HelperVerdicts } | { id: number; error: string };

/**
 * How long the main thread, its share of a batch done, waits without a word from the helper (which
 * is then validating its last text). Past it the helper is given up (a hung or dead thread sends
 * nothing) and the texts it claimed are validated here, when the rule asks.
 */
let helperGraceMs = 10_000;

/** For tests: how long a quiet helper is waited for. */
export function setHelperGraceMs(ms: number): void {
  helperGraceMs = ms;
}

/** How long a quiet helper is waited for, in ms. */
export function helperGrace(): number {
  return helperGraceMs;
}

/** Starts the helper from source (tests under tsx: test/support/schema-helper.ts); unset, a source run has no helper. */
let sourceWorkerStarter: ((start: HelperStart) => Worker) | undefined;

export function setSourceWorkerStarter(starter: ((start: HelperStart) => Worker) | undefined): void {
  sourceWorkerStarter = starter;
}

/** The helper thread: its bundle, beside the engine's bundle in dist/. */
function startWorker(start: HelperStart): Worker | undefined {
  const options = { workerData: start, transferList: [start.port] };
  if (typeof KVMLINT_SCHEMA_WORKER_FILE === 'string') return new (workerThreads().Worker)(new URL(KVMLINT_SCHEMA_WORKER_FILE, import.meta.url), options);
  return sourceWorkerStarter?.(start);
}

export class SchemaHelper {
  private readonly worker: Worker | undefined;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private ready = false;
  private dead = false;
  private nextId = 0;
  /** Answers that came while another was awaited, by request id. */
  private readonly replies = new Map<number, HelperReply>();
  private readonly unwanted = new Set<number>();
  /** Documents the helper validated (tests check that it took part). */
  validated = 0;

  constructor(dir: string, shown: string) {
    const { port1, port2 } = new (workerThreads().MessageChannel)();
    this.port = port1;
    try {
      this.worker = startWorker({ dir, shown, port: port2, signal: this.signal.buffer as SharedArrayBuffer });
    } catch {
      this.worker = undefined;
    }
    if (this.worker === undefined) {
      this.dead = true;
      port1.close();
      return;
    }
    // Neither keeps the process alive: the main thread reads the port itself, never from the event loop.
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => this.stop());
  }

  /** False once the helper has failed or been stopped. */
  get alive(): boolean {
    return !this.dead;
  }

  /** True once the helper has compiled the schema, until it fails. */
  get available(): boolean {
    if (!this.ready && !this.dead) this.receive();
    return this.ready && !this.dead;
  }

  /** Waits (at most the grace time) for the helper to have compiled the schema; false when it failed or went quiet. */
  waitReady(): boolean {
    const since = Date.now();
    while (!this.dead && !this.available) {
      if (Date.now() - since > helperGraceMs) {
        this.stop();
        break;
      }
      Atomics.wait(this.signal, 0, Atomics.load(this.signal, 0), Math.min(100, helperGraceMs));
    }
    return this.available;
  }

  /**
   * Sends `texts` to the helper, which validates those it claims (see HelperRequest.claim) while
   * the caller claims and validates the rest; collect() returns the helper's verdicts. Undefined
   * when the helper is not available.
   */
  send(texts: readonly string[], claim: Int32Array, status?: Int32Array, progress = false): number | undefined {
    if (!this.available || texts.length === 0) return undefined;
    const id = this.nextId++;
    this.port.postMessage({ id, texts, claim: claim.buffer as SharedArrayBuffer, progress, ...(status ? { status: status.buffer as SharedArrayBuffer } : {}) } satisfies HelperRequest);
    return id;
  }

  /**
   * The helper's verdicts on request `id`, by text index, waiting for them; undefined when it could
   * not give them (the caller validates the texts it claimed).
   */
  collect(id: number): Map<number, SchemaFailure | undefined> | undefined {
    let quietSince = Date.now();
    while (!this.dead) {
      const seen = Atomics.load(this.signal, 0);
      const reply = this.replies.get(id) ?? this.receive();
      if (reply !== undefined && 'id' in reply && reply.id === id) {
        this.replies.delete(id);
        if ('error' in reply) return undefined;
        this.validated += reply.verdicts.length;
        return new Map(reply.verdicts.map(([i, v]) => [i, v ?? undefined]));
      }
      if (reply !== undefined) {
        // Another request's answer (batches are collected in the order they are linted, not sent).
        if ('id' in reply && !('progress' in reply) && !this.unwanted.delete(reply.id)) this.replies.set(reply.id, reply);
        quietSince = Date.now();
        continue;
      }
      if (Date.now() - quietSince > helperGraceMs) {
        this.stop();
        break;
      }
      Atomics.wait(this.signal, 0, seen, Math.min(100, helperGraceMs));
    }
    return undefined;
  }

  /** A request whose answer no one will collect (its batch was taken back): dropped when it comes. */
  discard(id: number): void {
    if (!this.replies.delete(id)) this.unwanted.add(id);
  }

  /** One message from the helper, handled; undefined when none is waiting. */
  private receive(): HelperReply | undefined {
    const received = workerThreads().receiveMessageOnPort(this.port);
    if (received === undefined) return undefined;
    const reply = received.message as HelperReply;
    if ('ready' in reply) this.ready = true;
    else if ('failed' in reply) this.stop();
    return reply;
  }

  /** Ends the helper; the main thread validates everything from now on. */
  stop(): void {
    if (this.dead) return;
    this.dead = true;
    this.ready = false;
    this.port.close();
    void this.worker?.terminate();
  }
}
