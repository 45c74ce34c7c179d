/**
 * The search index: Pagefind, run over the rendered article pages during the build.
 *
 * Pagefind indexes what the article layout marks `data-pagefind-body` (title and body), stems
 * Greek and folds accents and case (greek.md). This module decides how the archive is split into
 * indexes and writes them, with a manifest the search page reads.
 *
 * Why several indexes. Measured here (Pagefind 1.6 through its Node API, Node 20, 2 cores;
 * 30,000 synthetic articles made of the real corpus's texts, ~6 kB of text and ~11 kB of HTML
 * each, 10 a day over 8 years), the Pagefind process:
 *
 * | index                                         | peak RSS | Pagefind CPU |
 * |-----------------------------------------------|----------|--------------|
 * | one index of all 30,000 pages                 | 5.35 GB  | 83 s         |
 * | 5 shards of at most 8,000 pages, one by one   | 1.39 GB  | 83 s         |
 * | one year (3,660 pages) alone                  | 0.74 GB  | 8 s          |
 *
 * Memory grows linearly with the pages of one index: about 55 kB a page once added (0.2 GB for
 * the year above) and about 180 kB a page while `writeFiles` compresses and writes it, so one
 * index of 100,000 articles would need some 18 GB. The archive is therefore split into shards
 * of contiguous dates, each indexed, written and deleted from the service before the next one
 * starts: the peak is set by the largest shard (`maxPagesPerShard`), not by the archive, and
 * the time is the same (about 2.8 ms of CPU a page, all in Pagefind).
 *
 * Shards follow the calendar (a year; a month or a day when a year or month alone is larger
 * than the cap; small neighbouring years together), so a date range is rewritten only when its
 * articles change. The search page (layouts/search-client.js) searches each shard through that
 * shard's own `pagefind.js`, not with `mergeIndex`: merged results are re-sorted by score even
 * when sorted by date (checked: oldest first gave 2025-12-31, 2026-01-27, 2026-02-03,
 * 2026-01-27), whereas shards of disjoint dates, each sorted by Pagefind, are simply put in
 * date order; and a year filter skips the other shards. (Several `createInstance`s of one
 * `pagefind.js` share one WebAssembly memory and fail: "memory access out of bounds".) The cost
 * is one `pagefind.js`, worker and WebAssembly file per shard (about 100 kB compressed), hence
 * large shards: up to 8,000 pages, one for most archives.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_INDEX_PATH } from '../../layouts/search.ts';
import type { IsoDate } from '../model.ts';
import { isRunning } from './process-alive.ts';

export { SEARCH_INDEX_PATH };
/** File name of the manifest in `/pagefind/` (search-client.js reads it). */
export const SEARCH_MANIFEST = 'shards.json';
/** Default cap on a shard: about 1.4 GB peak for Pagefind with articles of ~6 kB of text. */
export const MAX_PAGES_PER_SHARD = 8000;

export interface SearchShard {
  /** Folder under `/pagefind/`, named after its first year, month or day: `2020`, `2020-07`. */
  name: string;
  /** First and last day with articles in the shard. */
  from: IsoDate;
  to: IsoDate;
  pages: number;
  /** Pagefind globs of the shard's article pages, relative to the site folder. */
  globs: string[];
}

/** What the search page reads from `/pagefind/shards.json`. Shards are oldest first. */
export interface SearchManifest {
  version: 1;
  pages: number;
  shards: { path: string; from: IsoDate; to: IsoDate; pages: number }[];
}

export interface DayPages {
  date: IsoDate;
  pages: number;
}

interface Unit {
  name: string;
  glob: string;
  from: IsoDate;
  to: IsoDate;
  pages: number;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

function unitOf(days: readonly DayPages[], name: string, glob: string): Unit {
  return {
    name,
    glob,
    from: days[0]!.date,
    to: days[days.length - 1]!.date,
    pages: days.reduce((sum, d) => sum + d.pages, 0),
  };
}

/**
 * Splits days (any order) into shards of contiguous dates with at most `maxPages` pages each,
 * oldest first. A year is split into months, and a month into days, only when it alone exceeds
 * the cap; a single day larger than the cap is a shard of its own. Pure.
 */
export function planShards(
  days: readonly DayPages[],
  maxPages: number = MAX_PAGES_PER_SHARD,
): SearchShard[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new RangeError(`maxPages must be a positive integer, not ${maxPages}`);
  }
  const sorted = days.filter((d) => d.pages > 0).sort((a, b) => (a.date < b.date ? -1 : 1));
  const units: Unit[] = [];
  for (const year of groupBy(sorted, (d) => d.date.slice(0, 4))) {
    const y = year[0]!.date.slice(0, 4);
    const whole = unitOf(year, y, `${y}/*/*/*/index.html`);
    if (whole.pages <= maxPages) {
      units.push(whole);
      continue;
    }
    for (const month of groupBy(year, (d) => d.date.slice(0, 7))) {
      const m = month[0]!.date.slice(5, 7);
      const unit = unitOf(month, `${y}-${m}`, `${y}/${m}/*/*/index.html`);
      if (unit.pages <= maxPages) units.push(unit);
      else
        for (const day of month) {
          units.push(unitOf([day], day.date, `${day.date.replaceAll('-', '/')}/*/index.html`));
        }
    }
  }
  const shards: SearchShard[] = [];
  let current: SearchShard | undefined;
  for (const unit of units) {
    if (current && current.pages + unit.pages <= maxPages) {
      current.to = unit.to;
      current.pages += unit.pages;
      current.globs.push(unit.glob);
    } else {
      const { glob, ...range } = unit;
      current = { ...range, globs: [glob] };
      shards.push(current);
    }
  }
  return shards;
}

/** Whether a site-relative URL is an article page's, `/YYYY/MM/DD/<article>/`: what is indexed. */
export function isArticleUrl(url: string): boolean {
  return /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url);
}

function subfolders(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && pattern.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** The article pages of a built site by day: `YYYY/MM/DD/<article>/index.html`. */
export function articlePagesByDay(outDir: string): DayPages[] {
  const days: DayPages[] = [];
  for (const year of subfolders(outDir, /^\d{4}$/)) {
    for (const month of subfolders(path.join(outDir, year), /^\d{2}$/)) {
      for (const day of subfolders(path.join(outDir, year, month), /^\d{2}$/)) {
        const dayDir = path.join(outDir, year, month, day);
        const pages = subfolders(dayDir, /./).filter((a) =>
          existsSync(path.join(dayDir, a, 'index.html')),
        ).length;
        if (pages > 0) days.push({ date: `${year}-${month}-${day}`, pages });
      }
    }
  }
  return days;
}

/** Pagefind writes its ready-made interfaces into every bundle; the search page uses none. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The index is forced to Greek, so the stemmer-less WebAssembly is never loaded.
  'wasm.unknown.pagefind',
];

export interface IndexSiteOptions {
  /** Cap on the pages of one shard; bounds Pagefind's memory (see above). */
  maxPagesPerShard?: number;
  /** Progress lines, one per shard. */
  log?: (line: string) => void;
  /**
   * Days whose article pages changed since the index was built. Given, the shards of the
   * previous index that cover none of them (and have the same dates and page count) are kept
   * as they are, so a day of news re-indexes one date range, not the archive.
   */
  changedDates?: ReadonlySet<IsoDate>;
}

export interface IndexSiteResult {
  pages: number;
  seconds: number;
  shards: number;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

async function indexShard(outDir: string, shard: SearchShard, bundle: string): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: 'el' });
  check('starting Pagefind', created.errors);
  const index = created.index!;
  try {
    let pages = 0;
    for (const glob of shard.globs) {
      const added = await index.addDirectory({ path: outDir, glob });
      check(`indexing ${glob}`, added.errors);
      pages += added.page_count;
    }
    check(`writing ${bundle}`, (await index.writeFiles({ outputPath: bundle })).errors);
    for (const file of UNUSED_BUNDLE_FILES) rmSync(path.join(bundle, file), { force: true });
    return pages;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Cleans up after an indexing that was killed (in place, after an incremental build): its
 * `pagefind.building-<pid>` goes, and an index moved aside but never replaced is put back.
 */
function recoverInterruptedIndexing(outDir: string): void {
  const root = path.join(outDir, SEARCH_INDEX_PATH);
  const name = path.basename(root);
  for (const entry of readdirSync(outDir)) {
    const match = /^\.(building|old)-(\d+)$/.exec(entry.slice(name.length));
    if (!entry.startsWith(name)) continue;
    if (!match || (Number(match[2]) !== process.pid && isRunning(Number(match[2])))) continue;
    const folder = path.join(outDir, entry);
    if (match[1] === 'old' && !existsSync(root)) renameSync(folder, root);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Indexes the article pages of a built site into `/pagefind/<shard>/` bundles and writes
 * `/pagefind/shards.json`. The index is written beside the site's `pagefind/` folder and swapped
 * in when complete, so a site being served never shows half an index. Throws (after stopping
 * Pagefind, leaving any previous index in place) when Pagefind reports an error or cannot
 * start, e.g. when its binary was not installed (`npm install` without optional dependencies).
 */
export async function indexSite(
  outDir: string,
  options: IndexSiteOptions = {},
): Promise<IndexSiteResult> {
  const started = performance.now();
  const root = path.join(outDir, SEARCH_INDEX_PATH);
  const staging = `${root.replace(/[\\/]+$/, '')}.building-${process.pid}`;
  recoverInterruptedIndexing(outDir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const shards = planShards(articlePagesByDay(outDir), options.maxPagesPerShard);
  const manifest: SearchManifest = { version: 1, pages: 0, shards: [] };
  const reusable = options.changedDates ? unchangedShards(root, options.changedDates) : new Map();
  const moved: string[] = [];
  try {
    for (const shard of shards) {
      const old = reusable.get(shard.name);
      let pages: number;
      if (old && old.from === shard.from && old.to === shard.to && old.pages === shard.pages) {
        renameSync(path.join(root, shard.name), path.join(staging, shard.name));
        moved.push(shard.name);
        pages = old.pages;
      } else pages = await indexShard(outDir, shard, path.join(staging, shard.name));
      options.log?.(`Search index: ${shard.name} (${shard.from} – ${shard.to}): ${pages} pages`);
      manifest.pages += pages;
      manifest.shards.push({ path: `${shard.name}/`, from: shard.from, to: shard.to, pages });
    }
    writeFileSync(path.join(staging, SEARCH_MANIFEST), `${JSON.stringify(manifest)}\n`);
  } catch (error) {
    for (const name of moved) renameSync(path.join(staging, name), path.join(root, name));
    rmSync(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${reason}\nThe search index could not be built. If Pagefind did not start, reinstall ` +
        'with optional dependencies (its binary comes in @pagefind/<platform>); or build with ' +
        '--no-search.',
      { cause: error },
    );
  } finally {
    await pagefind.close();
  }
  const retired = `${root.replace(/[\\/]+$/, '')}.old-${process.pid}`;
  if (existsSync(root)) renameSync(root, retired);
  renameSync(staging, root);
  rmSync(retired, { recursive: true, force: true });
  const seconds = (performance.now() - started) / 1000;
  return { pages: manifest.pages, seconds, shards: shards.length };
}

/** The shards of a site's current index that cover none of the given days, by name. */
function unchangedShards(
  root: string,
  changedDates: ReadonlySet<IsoDate>,
): Map<string, SearchManifest['shards'][number]> {
  let manifest: SearchManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, SEARCH_MANIFEST), 'utf8')) as SearchManifest;
  } catch {
    return new Map();
  }
  const untouched = manifest.shards.filter(
    (shard) => ![...changedDates].some((date) => date >= shard.from && date <= shard.to),
  );
  return new Map(untouched.map((shard) => [shard.path.replace(/\/$/, ''), shard]));
}

/** Whether a site has a complete search index (its manifest is written last). */
export function hasSearchIndex(outDir: string): boolean {
  return existsSync(path.join(outDir, SEARCH_INDEX_PATH, SEARCH_MANIFEST));
}

/** Removes a site's search index (a build with `--no-search` must not leave a stale one). */
export function removeSearchIndex(outDir: string): void {
  rmSync(path.join(outDir, SEARCH_INDEX_PATH), { recursive: true, force: true });
}
