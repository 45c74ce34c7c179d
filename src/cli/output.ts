import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The file a page URL is written to: `/2026/01/` → `2026/01/index.html`. */
export function urlToFile(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** A sibling folder of the output to render into, so the output is never half-written. */
export function stagingFolder(outDir: string): string {
  return `${path.resolve(outDir)}.building-${process.pid}`;
}

/** Replaces the whole output folder with the staging folder, with two renames. */
export function replaceFolder(staging: string, outDir: string): void {
  const target = path.resolve(outDir);
  const retired = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, retired);
  renameSync(staging, target);
  rmSync(retired, { recursive: true, force: true });
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
 * page is replaced by one rename, so a reader never sees half a page.
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
    mkdirSync(path.dirname(destination), { recursive: true });
    renameSync(path.join(staging, file), destination);
  }
  for (const url of removed) {
    const destination = path.join(target, urlToFile(url));
    rmSync(destination, { force: true });
    pruneEmptyFolders(destination, target);
  }
  rmSync(staging, { recursive: true, force: true });
}
