/**
 * Opening a built site's search index in Node with Pagefind's own `pagefind.js` over HTTP (it
 * fetches its index), the way the search page does.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mergeResults, shardsFor } from '../../layouts/search-client.js';
import { SEARCH_MANIFEST, type SearchManifest } from '../../src/site/search-index.ts';
import type { StaticServer } from '../browser/helpers.ts';

export interface PagefindResult {
  score: number;
  data(): Promise<{
    url: string;
    content: string;
    excerpt: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }>;
}
export interface PagefindInstance {
  search(
    term: string | null,
    options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl?: string }): PagefindInstance;
}

/** Every shard of a served site's index, newest first, with the manifest. */
export async function openIndex(out: string, server: StaticServer, baseUrl = '/') {
  const manifest = JSON.parse(
    readFileSync(path.join(out, 'pagefind', SEARCH_MANIFEST), 'utf8'),
  ) as SearchManifest;
  // Each shard through its own pagefind.js, as the search page does (one module's instances
  // share one WebAssembly memory). It is an ES module in a folder without package.json: Node
  // needs an .mjs name.
  // The copies go beside the site, in the temporary folder of the test's build.
  const dir = mkdtempSync(path.join(path.dirname(out), 'pagefind-modules-'));
  const shards = await Promise.all(
    shardsFor(manifest, '').map(async (shard, i) => {
      const copy = path.join(dir, `pagefind-${i}.mjs`);
      copyFileSync(path.join(out, 'pagefind', shard.path, 'pagefind.js'), copy);
      const pagefind = (await import(pathToFileURL(copy).href)) as PagefindModule;
      const basePath = `${server.root}pagefind/${shard.path}`;
      return { ...shard, index: pagefind.createInstance({ basePath, baseUrl }) };
    }),
  );
  /** URLs found, in the order the search page would show them. */
  const search = async (
    term: string | null,
    options: { sort?: '' | 'newest' | 'oldest'; topic?: string; year?: string } = {},
  ): Promise<string[]> => {
    const filters: Record<string, string> = {};
    if (options.topic) filters.topic = options.topic;
    if (options.year) filters.year = options.year;
    const order = options.sort ?? '';
    const sort: Record<string, 'asc' | 'desc'> = order
      ? { date: order === 'oldest' ? 'asc' : 'desc' }
      : {};
    const perShard = await Promise.all(
      shardsFor({ shards }, options.year ?? '').map(
        async (s) => (await s.index.search(term, { filters, sort })).results,
      ),
    );
    const results = mergeResults(perShard, order);
    return Promise.all(results.map(async (r) => (await r.data()).url));
  };
  return { manifest, shards, search };
}
