#!/usr/bin/env node
// The command is written in TypeScript; tsx lets Node run it (and the Eleventy config) directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
