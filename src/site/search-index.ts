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
 * Memory grows linearly with the pages of one index, most of it while `writeFiles` builds,
 * compresses and writes the index, so one index of 100,000 articles would need some 18 GB. The
 * archive is therefore split into shards of contiguous dates, each indexed, written and deleted
 * from its service: the peak is set by the largest shards, not by the archive.
 *
 * Two at once. Pagefind's service works on one request at a time, on a core or a little more
 * (its sequential run below used 81 CPU-s in 59 s), so shards are indexed by one Pagefind
 * process per core (search-pagefind.ts), within `MAX_PAGES_INDEXING`. Measured with
 * `ephemeris index` and the like on the benchmark's archive (scripts/bench: 20,000 articles,
 * ~5 kB of text and ~13 kB of HTML each; 2 cores), the whole process tree:
 *
 * | how                                               | machine  | wall | CPU  | peak RSS |
 * |---------------------------------------------------|----------|------|------|----------|
 * | shards of ≤ 8,000, one by one (before)            | quiet    | 59 s | 81 s | 2.0 GB   |
 * | shards of ≤ 6,000, one by one                     | quiet    | 62 s | 86 s | 1.6 GB   |
 * | shards of ≤ 6,000, two Pagefind processes (now)   | quiet    | 49 s | 89 s | 3.0 GB   |
 * | shards of ≤ 8,000, one by one                     | one core | 81 s | 80 s | 2.0 GB   |
 * | two shards at once in one Pagefind service        | one core | 80 s | 80 s | 2.6 GB   |
 * | shards of ≤ 8,000, two Pagefind processes         | one core | 63 s | 79 s | 3.9 GB   |
 * | shards of ≤ 6,000, two Pagefind processes         | one core | 57 s | 76 s | 3.0 GB   |
 *
 * ("one core": another build held about a core, load 3.5–5; when it held more, load 5–9, two
 * processes gained nothing: 77 s one at a time, 83 s two at once.) A shard's Pagefind peaks at
 * about 250 kB a page (1.43 GB for 5,542 pages, 1.87 GB for 7,276), hence 6,000 pages a shard
 * and 12,000 in flight: about 3 GB, under the 4 GB allowed for 100,000 articles. The CPU time
 * stays 4–4.5 ms a page whatever the split (the fingerprints below add 0.14 ms); where it goes,
 * for 7,276 pages: `addDirectory` (reading, parsing, stemming) 6–13 s, `writeFiles` 15–18 s, of
 * which some 7 s compress (gzip at its best level) and write files: writing the same index into
 * a folder that already holds its files, which Pagefind then skips, took 7–11 s. No option
 * makes it cheaper: the playground is off by default, `keepIndexUrl` only changes URLs,
 * `maxFragments` bundles the same bytes into fewer files (and larger downloads per result);
 * nothing turns off the compression. Feeding Pagefind only the article element (6.3 kB of HTML
 * instead of 12.7 kB) saved less than the noise.
 *
 * Shards follow the calendar (a year; a month or a day when a year or month alone is larger
 * than the cap; small neighbouring years together), so a date range is rewritten only when its
 * articles change; and the newest month is a shard of its own, so that a day of news re-indexes
 * one month. A rebuild re-indexes a shard only when what Pagefind reads of its pages changed
 * (search-content.ts): a new name page links old articles anywhere in the archive, which must
 * not re-index their shards. The search page (layouts/search-client.js) searches each shard
 * through that shard's own `pagefind.js`, not with `mergeIndex`: merged results are re-sorted
 * by score even when sorted by date (checked: oldest first gave 2025-12-31, 2026-01-27,
 * 2026-02-03, 2026-01-27), whereas shards of disjoint dates, each sorted by Pagefind, are simply
 * put in date order; and a year filter skips the other shards. (Several `createInstance`s of
 * one `pagefind.js` share one WebAssembly memory and fail: "memory access out of bounds".) The
 * cost is one `pagefind.js`, worker and WebAssembly file per shard (about 100 kB compressed),
 * hence large shards: one for most archives, 18 or so for 100,000 articles.
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
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SEARCH_INDEX_PATH } from '../../layouts/search.ts';
import { foldedStopwords } from '../greek/stopwords.ts';
import type { IsoDate } from '../model.ts';
import { groupBy } from '../group-by.ts';
import { isRunning } from './process-alive.ts';
import { searchEngineScript, SEARCH_ENGINE_FILE } from './search-bundle.ts';
import { dayFingerprints } from './search-content.ts';
import { SEARCH_MANIFEST, type SearchManifest, type ShardEntry } from './search-format.ts';
import { indexShards } from './search-lanes.ts';

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
  const days = articlePagesByDay(outDir);
  const shards = planShards(days, maxPages);
  const previous = options.changedDates && readFingerprints(root);
  let reusable = new Map<string, ShardEntry>();
  let fingerprints = new Map<IsoDate, string>();
  if (previous && options.changedDates) {
    const now = dayFingerprints(outDir, options.changedDates);
    const changed = new Set(
      [...options.changedDates].filter((d) => now.get(d) !== previous.get(d)),
    );
    reusable = unchangedShards(root, changed);
    fingerprints = new Map(previous);
    for (const date of options.changedDates) {
      if (now.has(date)) fingerprints.set(date, now.get(date)!);
      else fingerprints.delete(date);
    }
  }
  const entries = new Map<SearchShard, ShardEntry>();
  for (const shard of shards) {
    const old = reusable.get(shard.name);
    if (old && old.from === shard.from && old.to === shard.to && old.pages === shard.pages) {
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
    const jobs = fresh.map((shard) => ({
      outDir,
      dates: shard.dates,
      bundle: path.join(staging, shard.name),
    }));
    const results = await indexShards(
      jobs,
      options.concurrency ?? availableParallelism(),
      (i) => fresh[i]!.pages,
      (i, result, seconds) => {
        const { name, from, to } = fresh[i]!;
        options.log?.(
          `Search index: ${name} (${from} – ${to}): ${result.pages} pages, ${seconds.toFixed(1)} s`,
        );
      },
    );
    fresh.forEach((shard, i) => {
      const { fingerprints: days, ...counts } = results[i]!;
      for (const [date, fingerprint] of days) fingerprints.set(date, fingerprint);
      entries.set(shard, { path: `${shard.name}/`, from: shard.from, to: shard.to, ...counts });
    });
    const manifest: SearchManifest = {
      version: 2,
      pages: 0,
      stopwords: foldedStopwords(),
      shards: shards.map((shard) => entries.get(shard)!),
    };
    for (const entry of manifest.shards) manifest.pages += entry.pages;
    writeFileSync(path.join(staging, SEARCH_ENGINE_FILE), await searchEngineScript());
    writeFingerprints(staging, fingerprints);
    writeFileSync(path.join(staging, SEARCH_MANIFEST), `${JSON.stringify(manifest)}\n`);
    const seconds = (performance.now() - started) / 1000;
    const retired = `${root.replace(/[\\/]+$/, '')}.old-${process.pid}`;
    if (existsSync(root)) renameSync(root, retired);
    renameSync(staging, root);
    rmSync(retired, { recursive: true, force: true });
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

/** The shards of a site's current index that cover none of the given days, by name. */
function unchangedShards(
  root: string,
  changedDates: ReadonlySet<IsoDate>,
): Map<string, ShardEntry> {
  let manifest: SearchManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, SEARCH_MANIFEST), 'utf8')) as SearchManifest;
  } catch {
    return new Map();
  }
  if (manifest.version !== 2) return new Map();
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
