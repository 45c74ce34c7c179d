/**
 * Gives the whole test run one temporary folder and removes it at the end: builds, caches and
 * browser profiles that tests make under `os.tmpdir()` (hundreds of megabytes a run) would
 * otherwise pile up in the machine's /tmp. Set before any test process starts, `TMPDIR` reaches
 * the test workers and every command they run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeFolderInBackground } from './remove-folder.ts';

export default function setup(): () => Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'ephemeris-tests-'));
  process.env.TMPDIR = root;
  return () => removeFolderInBackground(root);
}
