// Worker threads start without the TypeScript loader the command registered: register it
// here, then run the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import process from 'node:process';
import { register } from 'tsx/esm/api';

// As in ephemeris.js: source maps only when asked for.
const sourceMaps = process.sourceMapsEnabled;
register();
process.setSourceMapsEnabled(sourceMaps);
await import(workerData.module);
