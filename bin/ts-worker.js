// Worker threads start without the TypeScript loader the command registered: register it
// here, then run the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
