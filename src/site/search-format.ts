/**
 * The search index's format, shared by the build that writes it (search-shard.ts) and the
 * search page that reads it (search-engine.ts, bundled for the browser): both must turn text
 * into the same terms and name the same files. Nothing here may use Node.
 *
 * A shard (a range of dates, search-index.ts) is a folder of static JSON files:
 * - `docs-<k>.json`: its article pages in date order, `DOCS_PER_FILE` a file, each
 *   `[path, title]` (the path is site-relative without its leading `/`; it begins with the
 *   date). An article's number in the shard is its place in this order, so date order is
 *   number order and a year is a range of numbers.
 * - `terms-<bucket>.json`: `{term: postings}` for the terms of one bucket (their first two
 *   letters), so that a word costs one small download per shard and a prefix typed so far finds
 *   its terms in the same file.
 * - `buckets.json`: the names of its buckets.
 * - `topics.json`: `{topic: postings}`, for the topic filter.
 *
 * Postings are the articles holding a term, as a list of numbers: each is the gap from the
 * previous article's number times 8, plus 4 when the term is in the title, plus its count in
 * the article less one (at most 3). Topic postings are plain gaps.
 */
import { fold } from '../greek/fold.ts';
import { stem } from '../greek/stem.ts';
import { unitsMatching } from '../unit-table.ts';
import type { IsoDate } from '../model.ts';

/** Articles per `docs-<k>.json`: a page of results loads a few of these. */
export const DOCS_PER_FILE = 100;
export const TOPICS_FILE = 'topics.json';
/** The shard's buckets of terms, so that a word of no bucket asks for no missing file. */
export const BUCKETS_FILE = 'buckets.json';
/** The manifest, in the index folder: what the search page reads first. */
export const SEARCH_MANIFEST = 'shards.json';
/** Counts above this are all alike: a word said four times is as relevant as one said forty. */
export const MAX_COUNT = 4;

/**
 * Per code unit: 1 for a letter or mark, 2 for a digit. A word is a run of one kind, so hyphens
 * and apostrophes split words, and so do letters against digits (`COVID19`: `covid`, `19`).
 * Characters outside the Basic Multilingual Plane part words.
 */
const LETTER = 1;
const DIGIT = 2;
const UNITS = new Uint8Array(0x10000);
{
  const letters = unitsMatching(/[\p{L}\p{M}]/u);
  const digits = unitsMatching(/\p{N}/u);
  for (let code = 0; code < 0x10000; code++) {
    UNITS[code] = letters[code] ? LETTER : digits[code] ? DIGIT : 0;
  }
}

/**
 * Calls `visit` with where each word of a text starts and ends, and a hash of its characters
 * (FNV-1a over UTF-16 units): the index's writer looks words up by it without making a string
 * of each.
 */
export function scanWords(
  text: string,
  visit: (start: number, end: number, hash: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = UNITS[text.charCodeAt(i)]!;
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (UNITS[code] !== kind) break;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    visit(start, i, hash >>> 0);
  }
}

/**
 * The term of a folded word: stemmed (`υπουργοι`, `υπουργοσ` and `υπουργου` give one term), or
 * '' for a function word, which the index leaves out.
 */
export function termOf(folded: string, stopwords: ReadonlySet<string>): string {
  return stopwords.has(folded) ? '' : stem(folded);
}

/** The folded words of a query, as typed (for prefixes and highlighting). */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(fold(text.slice(start, end))));
  return words;
}

/** The bucket of a term: its first two letters as base-36 code points, an ASCII file name. */
export function bucketOf(term: string): string {
  return [...term]
    .slice(0, 2)
    .map((char) => char.codePointAt(0)!.toString(36))
    .join('-');
}

export function termsFile(bucket: string): string {
  return `terms-${bucket}.json`;
}

export function docsFile(chunk: number): string {
  return `docs-${chunk}.json`;
}

/** One posting's number (see above); `gap` is from the previous article holding the term. */
export function encodePosting(gap: number, inTitle: boolean, count: number): number {
  return gap * 8 + (inTitle ? 4 : 0) + Math.min(count, MAX_COUNT) - 1;
}

export interface Posting {
  doc: number;
  inTitle: boolean;
  count: number;
}

export function decodePostings(encoded: readonly number[]): Posting[] {
  let doc = 0;
  return encoded.map((value) => {
    doc += Math.floor(value / 8);
    return { doc, inTitle: (value & 4) !== 0, count: (value & 3) + 1 };
  });
}

/** Article numbers from plain gaps (topic postings). */
export function decodeGaps(gaps: readonly number[]): number[] {
  let doc = 0;
  return gaps.map((gap) => (doc += gap));
}

/** One shard in the manifest. */
export interface ShardEntry {
  /** Folder under the index, with a trailing `/`. */
  path: string;
  /** First and last day with articles. */
  from: IsoDate;
  to: IsoDate;
  pages: number;
  /**
   * Changes whenever the shard's files do (a hash of its days' fingerprints): the search page
   * asks for its files with it, so a browser's cached copy of a rebuilt shard is never mixed
   * with the new one.
   */
  version: string;
  /** Per year: the first article's number and how many articles. */
  years: Record<string, [number, number]>;
  /** Articles per topic, by the topic's Greek name. */
  topics: Record<string, number>;
}

/** What the search page reads first: `shards.json` in the index folder. Shards oldest first. */
export interface SearchManifest {
  version: 2;
  pages: number;
  /**
   * A hash of `engine.js`, which the search page imports with it: a cached engine of another
   * build is never used with this index.
   */
  engine: string;
  /** Folded function words, which the index leaves out and queries must too. */
  stopwords: string[];
  shards: ShardEntry[];
}
