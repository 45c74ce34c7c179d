/**
 * `ephemeris index`: (re)builds the search index of a site that is already built, e.g. one built
 * with `--no-search`, without reading the content again. It indexes every shard anew.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { indexSite } from '../site/search-index.ts';

export interface IndexOptions {
  outDir: string;
  log?: (line: string) => void;
}

/** Returns the exit code: 0 when indexed, 1 when the folder is not a built site. */
export async function runIndex(options: IndexOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.error(line));
  // Every build writes the home page; without it this is not a site (or not yet built).
  if (!existsSync(path.join(options.outDir, 'index.html'))) {
    log(
      `${options.outDir} is not a built site (it has no index.html). Build it first with ` +
        `"ephemeris build --out ${options.outDir}", or give the site's folder with --out.`,
    );
    return 1;
  }
  const result = await indexSite(options.outDir, { log });
  log(
    `Indexed ${result.pages} pages in ${result.shards} shard${result.shards === 1 ? '' : 's'} in ${result.seconds.toFixed(1)} s.`,
  );
  return 0;
}
