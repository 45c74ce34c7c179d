#!/usr/bin/env node
// The command is written in TypeScript; tsx lets Node run it (and the Eleventy config) directly.
import process from 'node:process';
import { dieWithParent, missingHeapFlag, runAgainWith } from './heap-limit.js';

const heapFlag = missingHeapFlag(process.argv.slice(2));
if (heapFlag) await runAgainWith(heapFlag);
dieWithParent();

const { register } = await import('tsx/esm/api');
// tsx turns source maps on, and Node then decodes the map of every module it loads: 0.08 s of
// each run. They stay on when asked for (`node --enable-source-maps`), for stack traces in
// TypeScript.
const sourceMaps = process.sourceMapsEnabled;
register();
process.setSourceMapsEnabled(sourceMaps);
await import('../src/cli/main.ts');
