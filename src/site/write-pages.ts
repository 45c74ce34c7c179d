import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PageKind } from './pages.ts';

/**
 * The file a page URL is written to, as Eleventy writes permalinks: `/2026/01/` →
 * `2026/01/index.html`.
 */
export function urlToFile(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * Renders the pages of some kinds and writes each straight to its file, one at a time, and
 * returns how many it wrote. Used for the kinds with a page per article or per name, which are
 * most of a large site (see plugin.ts for why not through Eleventy's templates).
 */
export function writePages(
  outDir: string,
  kinds: readonly PageKind[],
  only: ReadonlySet<string> | undefined,
): number {
  const folders = new Set<string>();
  let written = 0;
  for (const kind of kinds) {
    for (const item of kind.items) {
      const url = kind.url(item);
      if (only && !only.has(url)) continue;
      const file = path.join(outDir, urlToFile(url));
      const folder = path.dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, kind.render(item));
      written++;
    }
  }
  return written;
}
