/**
 * The --schema helper thread for tests run from source: a worker does not inherit tsx's loader,
 * so a bootstrap registers it before importing src/schema/worker.ts. (dist/ bundles start their
 * own bundled helper, dist/schema-worker.mjs.)
 */
import { Worker } from 'node:worker_threads';
import { setSourceWorkerStarter, type HelperStart } from '../../src/schema/helper.ts';

export function useSourceSchemaHelper(): void {
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('../../src/schema/worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  setSourceWorkerStarter((start: HelperStart) => new Worker(bootstrap, { eval: true, workerData: start, transferList: [start.port] }));
}
