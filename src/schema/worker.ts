/**
 * The helper thread of `--schema` (src/schema/helper.ts): compiles the same domain.rng, from the
 * same directory and under the same file confinement as the main thread (validator.ts), and
 * validates the texts it is sent. It reads no other file and writes nothing.
 */
import { workerData } from 'node:worker_threads';
import { loadSchemaValidator } from './validator.ts';
import type { HelperReply, HelperRequest, HelperStart, HelperVerdicts } from './helper.ts';

const { dir, shown, port, signal } = workerData as HelperStart;
const counter = new Int32Array(signal);

/** Every reply bumps the counter the main thread sleeps on. */
function post(reply: HelperReply): void {
  port.postMessage(reply);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

loadSchemaValidator(dir, shown).then(
  (validator) => {
    port.on('message', ({ id, texts, claim, progress, status }: HelperRequest) => {
      try {
        // A progress reply after each text: the main thread's watchdog times one text, not the batch.
        const verdicts: HelperVerdicts = validator.validateClaimed!(texts, new Int32Array(claim), progress ? () => post({ progress: id }) : undefined, status ? new Int32Array(status) : undefined).map(([i, v]) => [i, v ?? null]);
        post({ id, verdicts });
      } catch (e) {
        post({ id, error: e instanceof Error ? e.message : String(e) });
      }
    });
    post({ ready: true });
  },
  (e: unknown) => post({ failed: e instanceof Error ? e.message : String(e) }),
);
