import { rmSync } from 'node:fs';

/**
 * Removes a folder in which the command built a site. A build hands what it replaced to a
 * process of its own to delete (site/discard-folder.ts), which renames it first: a removal that
 * runs meanwhile can find the folder not empty, after a name appeared in it. Retrying reads it
 * again.
 */
export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}
