import os from 'node:os';
import path from 'node:path';
import type { PageKind } from './pages.ts';
import { type PageSink, startWriterThread, writeInThisThread } from './page-writer.ts';

/**
 * The file a page URL is written to, as Eleventy writes permalinks: `/2026/01/` →
 * `2026/01/index.html`.
 */
export function urlToFile(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * From this many pages on, a second thread writes the files while this one renders. Writing is
 * mostly the kernel's work, a folder and a file per page (about 0.1 ms a page here, nearly as
 * much as rendering one); starting the thread costs some 0.1 s, more than a small rebuild
 * writes.
 */
const WRITER_THREAD_MIN_PAGES = 2_000;

/**
 * Renders the pages of some kinds and writes each to its file, and returns how many it wrote.
 * Used for the kinds with a page per article or per name, which are most of a large site (see
 * plugin.ts for why not through Eleventy's templates).
 */
export async function writePages(
  outDir: string,
  kinds: readonly PageKind[],
  only: ReadonlySet<string> | undefined,
  threadFrom = WRITER_THREAD_MIN_PAGES,
): Promise<number> {
  // Listed first, to choose where to write by how many there are; each with its URL, worked
  // out once.
  const pages: [PageKind, unknown, string][] = [];
  for (const kind of kinds) {
    for (const item of kind.items) {
      const url = kind.url(item);
      if (!only || only.has(url)) pages.push([kind, item, url]);
    }
  }
  const sink: PageSink =
    pages.length >= threadFrom && os.availableParallelism() > 1
      ? startWriterThread()
      : writeInThisThread();
  try {
    for (const [kind, item, url] of pages) {
      const waiting = sink.write(path.join(outDir, urlToFile(url)), kind.render(item));
      if (waiting) await waiting;
    }
  } catch (error) {
    await sink.abort();
    throw error;
  }
  await sink.close();
  return pages.length;
}
