import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';

/**
 * A build hands what it replaced to a process of its own to delete (site/discard-folder.ts),
 * which renames it first: a removal that runs meanwhile can find the folder not empty, after a
 * name appeared in it. Retrying reads it again.
 */
const RETRYING = { recursive: true, force: true, maxRetries: 10, retryDelay: 50 } as const;

/** Removes a folder in which the command built a site. */
export function removeFolder(folder: string): void {
  rmSync(folder, RETRYING);
}

/**
 * `removeFolder` without blocking the thread, for the test run's own folder. Vitest runs the
 * global teardown before it has seen its last test processes stop, and reports any that take
 * more than 10 s ("Timeout terminating forks worker"). Removing a run's 400 MB synchronously
 * took 4.3 s here; with the event loop blocked for 12 s instead, vitest reported processes
 * that had stopped in time.
 */
export function removeFolderInBackground(folder: string): Promise<void> {
  return rm(folder, RETRYING);
}
