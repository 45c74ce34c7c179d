import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { discardFolder, isAbandonedTrashOf, removeInBackground } from '../site/discard-folder.ts';
import { isRunning } from '../site/process-alive.ts';
import { urlToFile } from '../site/write-pages.ts';

/** A sibling folder of the output to render into, so the output is never half-written. */
export function stagingFolder(outDir: string): string {
  return `${path.resolve(outDir)}.building-${process.pid}`;
}

/**
 * Cleans up after builds that were killed: their staging folders go, and a site that was
 * moved aside but never replaced (killed between the two renames) is put back. Discarded folders
 * (`.trash-`) whose deletion was interrupted are deleted again in the background.
 */
export function recoverInterruptedBuilds(outDir: string): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(name)) continue;
    const folder = path.join(parent, entry);
    if (isAbandonedTrashOf(entry, target)) {
      removeInBackground(folder);
      continue;
    }
    const match = /^\.(building|old)-(\d+)$/.exec(entry.slice(name.length));
    if (!match || isRunning(Number(match[2]))) continue;
    if (match[1] === 'old' && !existsSync(target)) renameSync(folder, target);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** Replaces the whole output folder with the staging folder, with two renames. */
export function replaceFolder(staging: string, outDir: string): void {
  const target = path.resolve(outDir);
  const retired = `${target}.old-${process.pid}`;
  const hadSite = existsSync(target);
  if (hadSite) renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadSite) renameSync(retired, target);
    throw error;
  }
  if (hadSite) discardFolder(retired, target);
}

/** Links `file`, if it exists, as `aside`; where links cannot be made, the rename frees it. */
function keepAside(file: string, aside: string): void {
  try {
    linkSync(file, aside);
  } catch {
    // No such page yet, or no hard links here (another file system, no support).
  }
}

/** Removes a file's folders that became empty, up to (not including) the output folder. */
function pruneEmptyFolders(file: string, root: string): void {
  for (
    let dir = path.dirname(file);
    dir.startsWith(`${root}${path.sep}`);
    dir = path.dirname(dir)
  ) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/**
 * Moves the rendered pages into the output folder and deletes the pages that are gone. Each
 * page is replaced by one rename, so a reader never sees half a page. The page it replaces is
 * first linked into the staging folder, which is deleted in the background: a rename over the
 * last link of a file frees its blocks there and then, 0.2 ms a page on this project's machines
 * (ext4 with `discard`), against 0.09 ms for the link and the rename.
 */
export function applyPages(
  staging: string,
  outDir: string,
  changed: readonly string[],
  removed: readonly string[],
): void {
  const target = path.resolve(outDir);
  for (const url of changed) {
    const file = urlToFile(url);
    const destination = path.join(target, file);
    const source = path.join(staging, file);
    mkdirSync(path.dirname(destination), { recursive: true });
    keepAside(destination, `${source}.replaced`);
    renameSync(source, destination);
  }
  for (const url of removed) {
    const destination = path.join(target, urlToFile(url));
    rmSync(destination, { force: true });
    pruneEmptyFolders(destination, target);
  }
  // Emptied of pages, but a tree of folders: 0.17 s to delete for one new day of 10,000 articles.
  discardFolder(staging, target);
}
