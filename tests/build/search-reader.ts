/**
 * Opening a built site's search index in Node with the search page's engine
 * (src/site/search-engine.ts), reading the index's files from the site folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_INDEX_PATH } from '../../src/site/search-index.ts';
import { SearchEngine, type SearchQuery } from '../../src/site/search-engine.ts';

/** The index of a site built into `out`, and a search that gives URLs under `baseUrl`. */
export async function openIndex(out: string, baseUrl = '/') {
  const dir = path.join(out, SEARCH_INDEX_PATH);
  const engine = await SearchEngine.open(async (file) =>
    JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
  );
  /** URLs found, in the order the search page would show them. */
  const search = async (q: string | null, options: Omit<SearchQuery, 'q'> = {}) => {
    const hits = await engine.search({ q: q ?? '', ...options });
    return (await engine.details(hits)).map((found) => `${baseUrl}${found.path}`);
  };
  return { manifest: engine.manifest, engine, search };
}
