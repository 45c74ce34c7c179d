import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

// Worker threads start without the TypeScript loader the command registered: this script
// registers it, then runs the module named in its workerData.
const BOOT = fileURLToPath(new URL('../bin/ts-worker.js', import.meta.url));

/** A worker thread running the TypeScript module at `module`, with `data` beside it in workerData. */
export function startTsWorker(module: URL, data: Record<string, unknown> = {}): Worker {
  return new Worker(BOOT, { workerData: { ...data, module: module.href } });
}
