/**
 * The search index: written over the rendered article pages during the build (or by
 * `ephemeris index`), read by the search page in the reader's browser. Its format is in
 * search-format.ts, its writer in search-shard.ts, its reader in search-engine.ts. This module
 * splits the archive into shards, writes them (in threads, search-lanes.ts) and swaps the new
 * index in.
 *
 * Why our own index and not Pagefind, which this project used before. Pagefind (1.6, through
 * its Node API) cost 8–10 ms of CPU a page here: the benchmark's 100,000 articles took 552 s
 * and 1,059 CPU-s to index with two Pagefind processes (2.8 GB), against a target of 60 s, and
 * re-indexing the 5,000-page shard of an edited article took 22–31 s. This index reads what
 * the article layout marks (title, body, topics: search-content.ts), folds and stems Greek with
 * the same code as the rest of the build (greek/fold.ts, greek/stem.ts, `@nlpjs/lang-el`, which
 * greek.md found more consistent than the Snowball stemmer Pagefind uses), and the search page
 * runs the same code on the query (search-bundle.ts), so a query's terms are the index's.
 * Measured on the same 100,000 articles: 38–48 s in three runs (62 s in one that shared the
 * cores with other work), 68–81 CPU-s, 1.6–1.9 GB peak; 170 MB of files (1.7 kB an
 * article). A shard of about 5,400 pages takes 3–4 s in one thread from its pages;
 * re-indexed after an edit, it reads only the changed day's pages and merges their postings
 * with its previous files' (search-shard.ts): 0.9 s, the whole `indexSite` 1.0–1.2 s, of which
 * writing its 900 files takes a third.
 *
 * Why shards. A shard is a range of dates; articles are numbered in date order within it, so
 * date order and a year filter need no other data. Shards follow the calendar (a year; a month
 * or a day when a year or month alone is larger than the cap; small neighbouring years
 * together), so a date range is rewritten only when its articles change; and the newest month is
 * a shard of its own, so that a day of news re-indexes one month. A rebuild re-indexes a shard
 * only when what the index reads of its pages changed (search-content.ts): a new name page links
 * old articles anywhere in the archive, which must not re-index their shards. The cap of 6,000
 * pages keeps re-indexing one shard to a few seconds; the cost is requests: the search page asks
 * each shard for the bucket of each word (about 18 shards for 100,000 articles), and results
 * are merged by score, or by date by putting shards, whose dates do not overlap, in order.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SEARCH_INDEX_PATH } from '../../layouts/search.ts';
import { foldedStopwords } from '../greek/stopwords.ts';
import type { IsoDate } from '../model.ts';
import { groupBy } from '../group-by.ts';
import { discardFolder } from './discard-folder.ts';
import { isRunning } from './process-alive.ts';
import { searchEngineScript, SEARCH_ENGINE_FILE } from './search-bundle.ts';
import { dayFingerprints, sameSearchRecord } from './search-content.ts';
import { SEARCH_MANIFEST, type SearchManifest, type ShardEntry } from './search-format.ts';
import { indexShards } from './search-lanes.ts';
import type { ShardJob } from './search-shard.ts';
import { urlToFile } from './write-pages.ts';

export { SEARCH_INDEX_PATH, SEARCH_MANIFEST };
export type { SearchManifest };
/** Default cap on a shard's articles (see above). */
export const MAX_PAGES_PER_SHARD = 6000;

export interface SearchShard {
  /** Folder under the index, named after its first year, month or day: `2020`, `2020-07`. */
  name: string;
  /** First and last day with articles in the shard. */
  from: IsoDate;
  to: IsoDate;
  pages: number;
  /** Its days with article pages, in order. */
  dates: IsoDate[];
}

export interface DayPages {
  date: IsoDate;
  pages: number;
}

interface Unit {
  name: string;
  dates: IsoDate[];
  from: IsoDate;
  to: IsoDate;
  pages: number;
}

function unitOf(days: readonly DayPages[], name: string): Unit {
  return {
    name,
    dates: days.map((d) => d.date),
    from: days[0]!.date,
    to: days[days.length - 1]!.date,
    pages: days.reduce((sum, d) => sum + d.pages, 0),
  };
}

/** The whole month as one unit, or its days when the month alone exceeds the cap. */
function monthUnits(month: readonly DayPages[], maxPages: number): Unit[] {
  const [y, m] = month[0]!.date.split('-');
  const unit = unitOf(month, `${y}-${m}`);
  if (unit.pages <= maxPages) return [unit];
  return month.map((day) => unitOf([day], day.date));
}

/** The whole year as one unit, or its months when the year alone exceeds the cap. */
function yearUnits(year: readonly DayPages[], maxPages: number): Unit[] {
  const y = year[0]!.date.slice(0, 4);
  const whole = unitOf(year, y);
  if (whole.pages <= maxPages) return [whole];
  return [...groupBy(year, (d) => d.date.slice(0, 7)).values()].flatMap((month) =>
    monthUnits(month, maxPages),
  );
}

/** Packs units (oldest first) into shards of at most `maxPages`, a unit never split. */
function pack(units: readonly Unit[], maxPages: number): SearchShard[] {
  const shards: SearchShard[] = [];
  let current: SearchShard | undefined;
  for (const unit of units) {
    if (current && current.pages + unit.pages <= maxPages) {
      current.to = unit.to;
      current.pages += unit.pages;
      current.dates.push(...unit.dates);
    } else {
      current = { ...unit, dates: [...unit.dates] };
      shards.push(current);
    }
  }
  return shards;
}

/**
 * Below this share of the cap, the archive before its newest month stays in one shard with it:
 * re-indexing it all is cheap, and a second shard would cost the search page more requests
 * for each word.
 */
const NEWEST_MONTH_ALONE_SHARE = 1 / 8;

/**
 * Splits days (any order) into shards of contiguous dates with at most `maxPages` pages each,
 * oldest first. The newest month is a shard of its own (once the archive before it holds an
 * eighth of a shard), so that a new day of news re-indexes that month only; when the next month
 * begins, it joins the older shards, of which one is re-indexed once. Older days go by the
 * calendar: a year is split into months, and a month into days, only when it alone exceeds the
 * cap (a single day larger than the cap is a shard of its own), and neighbouring units share a
 * shard while they fit. Pure.
 */
export function planShards(
  days: readonly DayPages[],
  maxPages: number = MAX_PAGES_PER_SHARD,
): SearchShard[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new RangeError(`maxPages must be a positive integer, not ${maxPages}`);
  }
  const sorted = days.filter((d) => d.pages > 0).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (sorted.length === 0) return [];
  const newestMonth = sorted[sorted.length - 1]!.date.slice(0, 7);
  const older = sorted.filter((d) => d.date.slice(0, 7) < newestMonth);
  const olderPages = older.reduce((sum, d) => sum + d.pages, 0);
  const byYear = (list: readonly DayPages[], partialYear?: string) =>
    [...groupBy(list, (d) => d.date.slice(0, 4)).values()].flatMap((year) =>
      // The newest month's year goes by month: it is still growing, and a unit of the whole
      // year would change its dates with every month that joins it.
      year[0]!.date.startsWith(partialYear ?? '-')
        ? [...groupBy(year, (d) => d.date.slice(0, 7)).values()].flatMap((m) =>
            monthUnits(m, maxPages),
          )
        : yearUnits(year, maxPages),
    );
  if (olderPages < maxPages * NEWEST_MONTH_ALONE_SHARE) {
    return pack(byYear(sorted), maxPages);
  }
  return [
    ...pack(byYear(older, newestMonth.slice(0, 4)), maxPages),
    ...pack(monthUnits(sorted.slice(older.length), maxPages), maxPages),
  ];
}

/** Whether a site-relative URL is an article page's, `/YYYY/MM/DD/<article>/`: what is indexed. */
export function isArticleUrl(url: string): boolean {
  return /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url);
}

/** The article pages by day of a list of site-relative URLs, such as a build's pages. */
export function articleDays(urls: Iterable<string>): DayPages[] {
  const pages = new Map<IsoDate, number>();
  for (const url of urls) {
    const date = articleDate(url);
    if (date) pages.set(date, (pages.get(date) ?? 0) + 1);
  }
  return [...pages].map(([date, n]) => ({ date, pages: n }));
}

/** The day of an article page's URL, `/2015/01/01/<article>/` → `2015-01-01`. */
export function articleDate(url: string): IsoDate | undefined {
  return isArticleUrl(url) ? (url.slice(1, 11).replaceAll('/', '-') as IsoDate) : undefined;
}

/**
 * The days whose search records an incremental build changes, found before its pages are moved
 * into the site: each replaced article page is read in the site and in `staging`, and its day
 * counts when the page is new or reads differently; the days of removed pages count. Pages of
 * an interrupted build (`unverified`), which may have reached the site without reaching the
 * index, count whatever they read. A day of news re-renders old articles all over the archive,
 * nearly all of them for a new link only; reading every page of their days took 0.5 s in a
 * profile of a 10,000-article rebuild that re-rendered 91 of them.
 */
export function changedSearchDays(
  siteDir: string,
  staging: string,
  replaced: Iterable<string>,
  removed: Iterable<string>,
  unverified: ReadonlySet<string>,
): Set<IsoDate> {
  const days = new Set<IsoDate>();
  for (const url of removed) {
    const date = articleDate(url);
    if (date) days.add(date);
  }
  for (const url of replaced) {
    const date = articleDate(url);
    if (!date || days.has(date)) continue;
    if (unverified.has(url) || !sameSearchRecord(readPage(siteDir, url), readPage(staging, url)))
      days.add(date);
  }
  return days;
}

function readPage(dir: string, url: string): string | undefined {
  try {
    return readFileSync(path.join(dir, urlToFile(url)), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function subfolders(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && pattern.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * The article pages of a built site by day, counted as the folders of each day folder,
 * `YYYY/MM/DD/<article>/`: builds remove the folders of deleted pages, and asking each folder
 * for its `index.html` took 0.6 s of an incremental build of 100,000 articles. (A stray empty
 * folder only costs its shard being indexed again by every build: the shard's page count then
 * differs from the one written.)
 */
export function articlePagesByDay(outDir: string): DayPages[] {
  const days: DayPages[] = [];
  for (const year of subfolders(outDir, /^\d{4}$/)) {
    for (const month of subfolders(path.join(outDir, year), /^\d{2}$/)) {
      for (const day of subfolders(path.join(outDir, year, month), /^\d{2}$/)) {
        const dayDir = path.join(outDir, year, month, day);
        const pages = subfolders(dayDir, /./).length;
        if (pages > 0) days.push({ date: `${year}-${month}-${day}`, pages });
      }
    }
  }
  return days;
}

export interface IndexSiteOptions {
  /** Cap on the articles of one shard (see above). */
  maxPagesPerShard?: number;
  /** Progress lines, one per shard indexed. */
  log?: (line: string) => void;
  /** Shards indexed at once, each in its own thread; default: one per core. */
  concurrency?: number;
  /**
   * Days whose article pages changed since the index was built. Given, the shards of the
   * previous index that cover none of them (and have the same dates and page count) are kept
   * as they are, so a day of news re-indexes one date range, not the archive. A day counts
   * only when what the index reads of its pages changed (search-content.ts).
   */
  changedDates?: ReadonlySet<IsoDate>;
  /**
   * The site's article pages by day, when the caller knows them (a build has just written
   * them); otherwise the day folders are counted, about 0.5 s for 100,000 articles.
   */
  days?: readonly DayPages[];
}

export interface IndexSiteResult {
  pages: number;
  seconds: number;
  shards: number;
  /** Shards indexed now; the others were kept from the previous index. */
  indexed: number;
}

/**
 * Cleans up after an indexing that was killed (in place, after an incremental build): its
 * `<index>.building-<pid>` goes, and an index moved aside but never replaced is put back.
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
 * Indexes the article pages of a built site into shard folders of the index folder, with the
 * manifest `shards.json` and the search page's engine (search-bundle.ts). The index is written
 * beside the site's index folder and swapped in when complete, so a site being served never
 * shows half an index; on an error the previous index stays in place.
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
  const maxPages = options.maxPagesPerShard ?? MAX_PAGES_PER_SHARD;
  const days = options.days ?? articlePagesByDay(outDir);
  const shards = planShards(days, maxPages);
  const before = options.changedDates && readFingerprints(root);
  let oldShards = new Map<string, ShardEntry>();
  let changed = new Set<IsoDate>();
  let fingerprints = new Map<IsoDate, string>();
  if (before && options.changedDates) {
    const now = dayFingerprints(outDir, options.changedDates);
    changed = new Set([...options.changedDates].filter((d) => now.get(d) !== before.get(d)));
    oldShards = previousShards(root);
    fingerprints = new Map(before);
    for (const date of options.changedDates) {
      if (now.has(date)) fingerprints.set(date, now.get(date)!);
      else fingerprints.delete(date);
    }
  }
  const entries = new Map<SearchShard, ShardEntry>();
  for (const shard of shards) {
    const old = oldShards.get(shard.name);
    const touched = old && [...changed].some((date) => date >= old.from && date <= old.to);
    if (
      old &&
      !touched &&
      old.from === shard.from &&
      old.to === shard.to &&
      old.pages === shard.pages
    ) {
      entries.set(shard, old);
    }
  }
  const fresh = shards.filter((shard) => !entries.has(shard));
  const moved: string[] = [];
  try {
    for (const shard of entries.keys()) {
      renameSync(path.join(root, shard.name), path.join(staging, shard.name));
      moved.push(shard.name);
    }
    const jobs = fresh.map((shard): ShardJob => {
      const job = { outDir, dates: shard.dates, bundle: path.join(staging, shard.name) };
      if (!before || !oldShards.has(shard.name)) return job;
      // The shard as last written: its days whose pages did not change are copied from it.
      const unchanged = shard.dates.filter((date) => !changed.has(date) && before.has(date));
      return {
        ...job,
        previous: {
          dir: path.join(root, shard.name),
          unchanged: Object.fromEntries(unchanged.map((date) => [date, before.get(date)!])),
        },
      };
    });
    // esbuild bundles the engine in its own process while the shards are written.
    const [results, engine] = await Promise.all([
      indexShards(
        jobs,
        options.concurrency ?? availableParallelism(),
        (i) => fresh[i]!.pages,
        (i, result, seconds) => {
          const { name, from, to } = fresh[i]!;
          options.log?.(
            `Search index: ${name} (${from} – ${to}): ${result.pages} pages, ${seconds.toFixed(1)} s`,
          );
        },
      ),
      searchEngineScript(),
    ]);
    fresh.forEach((shard, i) => {
      const { fingerprints: days, ...counts } = results[i]!;
      for (const [date, fingerprint] of days) fingerprints.set(date, fingerprint);
      entries.set(shard, { path: `${shard.name}/`, from: shard.from, to: shard.to, ...counts });
    });
    const manifest: SearchManifest = {
      version: 2,
      pages: 0,
      engine: createHash('sha256').update(engine).digest('base64url').slice(0, 12),
      stopwords: foldedStopwords(),
      shards: shards.map((shard) => entries.get(shard)!),
    };
    for (const entry of manifest.shards) manifest.pages += entry.pages;
    writeFileSync(path.join(staging, SEARCH_ENGINE_FILE), engine);
    writeFingerprints(staging, fingerprints);
    writeFileSync(path.join(staging, SEARCH_MANIFEST), `${JSON.stringify(manifest)}\n`);
    const seconds = (performance.now() - started) / 1000;
    const retired = `${root.replace(/[\\/]+$/, '')}.old-${process.pid}`;
    const hadIndex = existsSync(root);
    if (hadIndex) renameSync(root, retired);
    renameSync(staging, root);
    // The re-indexed shards' old files: 0.6 s to delete for one edit of 100,000 articles.
    if (hadIndex) discardFolder(retired, outDir);
    return { pages: manifest.pages, seconds, shards: shards.length, indexed: fresh.length };
  } catch (error) {
    for (const name of moved) renameSync(path.join(staging, name), path.join(root, name));
    rmSync(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${reason}\nThe search index could not be built; the previous one, if any, is unchanged. ` +
        'Build with --no-search to publish without search.',
      { cause: error },
    );
  }
}

/**
 * The fingerprint of each indexed day (search-content.ts), kept beside the manifest: what the
 * next incremental indexing compares changed days with. The search page never reads it.
 */
const FINGERPRINTS_FILE = 'days.json';

function readFingerprints(root: string): Map<IsoDate, string> | undefined {
  try {
    const days = JSON.parse(readFileSync(path.join(root, FINGERPRINTS_FILE), 'utf8')) as Record<
      IsoDate,
      string
    >;
    return new Map(Object.entries(days));
  } catch {
    return undefined; // none yet: every shard is indexed again
  }
}

function writeFingerprints(dir: string, fingerprints: Map<IsoDate, string>): void {
  const sorted = [...fingerprints].sort(([a], [b]) => (a < b ? -1 : 1));
  writeFileSync(
    path.join(dir, FINGERPRINTS_FILE),
    `${JSON.stringify(Object.fromEntries(sorted))}\n`,
  );
}

/** The shards of a site's current index, by name; none when it is missing or of another format. */
function previousShards(root: string): Map<string, ShardEntry> {
  let manifest: SearchManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, SEARCH_MANIFEST), 'utf8')) as SearchManifest;
  } catch {
    return new Map();
  }
  if (manifest.version !== 2) return new Map();
  return new Map(manifest.shards.map((shard) => [shard.path.replace(/\/$/, ''), shard]));
}

/** Whether a site has a complete search index (its manifest is written last). */
export function hasSearchIndex(outDir: string): boolean {
  return existsSync(path.join(outDir, SEARCH_INDEX_PATH, SEARCH_MANIFEST));
}

/** Removes a site's search index (a build with `--no-search` must not leave a stale one). */
export function removeSearchIndex(outDir: string): void {
  rmSync(path.join(outDir, SEARCH_INDEX_PATH), { recursive: true, force: true });
}
