/**
 * Searching the index in the reader's browser (bundled by search-bundle.ts; the unit and build
 * tests run it in Node). It reads the manifest, then per shard only the files a query needs: one
 * bucket of terms per word, the topic list when a topic is chosen, and the lists of titles of
 * the results shown. Words are folded and stemmed exactly as the index was (search-format.ts),
 * so `αμυνα`, `ΑΜΥΝΑΣ` and `Άμυνας` find the same articles; every word must be found; the last
 * word also matches as a beginning (`κυβερ` finds `κυβέρνηση`), since it may still be typed.
 *
 * Relevance is BM25's term weight without length normalisation, with a bonus for a word of the
 * title; ties go to the newer article. Dates order results by article number (search-format.ts)
 * and by shard, since shards hold disjoint date ranges.
 */
import { fold } from '../greek/fold.ts';
import type { IsoDate } from '../model.ts';
import {
  bucketOf,
  BUCKETS_FILE,
  decodeGaps,
  decodePostings,
  docsFile,
  DOCS_PER_FILE,
  queryWords,
  scanWords,
  SEARCH_MANIFEST,
  termOf,
  termsFile,
  TOPICS_FILE,
  type SearchManifest,
  type ShardEntry,
} from './search-format.ts';

export type SortOrder = '' | 'newest' | 'oldest';

export interface SearchQuery {
  q: string;
  topic?: string;
  year?: string;
  sort?: SortOrder;
}

/** One article found: its shard (index in the manifest), number there and score. */
export interface Hit {
  shard: number;
  doc: number;
  score: number;
}

export interface FoundArticle {
  /** Site-relative path without the leading `/`: `2026/01/27/0-slug/`. */
  path: string;
  title: string;
  date: IsoDate;
}

/**
 * Reads one file of the index folder as JSON, e.g. with `fetch`. A shard's files come with the
 * shard's version, which changes whenever they do; the manifest, without one, must be read fresh.
 */
export type LoadJson = (file: string, version?: string) => Promise<unknown>;

/** Beginnings shorter than this match too many words to be worth it. */
const MIN_PREFIX = 3;
/** Extra weight of a word in the title, against at most about 1.8 for the body's counts. */
const TITLE_BONUS = 1.5;
const K1 = 1.2;

/** A word of a query: its stem, and the beginning it may match as the last word. */
interface QueryWord {
  stem: string;
  prefix?: string;
}

/** The words of a query that the index holds, function words left out. */
export function parseQuery(q: string, stopwords: ReadonlySet<string>): QueryWord[] {
  const words = queryWords(q).flatMap((word) => {
    const term = termOf(word, stopwords);
    return term ? [{ word, term }] : [];
  });
  const typing = !/\s$/.test(q);
  return words.map(({ word, term }, i) => ({
    stem: term,
    ...(typing && i === words.length - 1 && word.length >= MIN_PREFIX ? { prefix: word } : {}),
  }));
}

/** The shards to search, newest first: all, or those holding articles of the year. */
export function shardsFor(manifest: SearchManifest, year = ''): number[] {
  const order = manifest.shards.map((_, i) => i).reverse();
  return year ? order.filter((i) => manifest.shards[i]!.years[year]) : order;
}

/**
 * One list from the shards' hits (`perShard` newest shard first, each in the query's order).
 * Relevance: by score; a newest-first concatenation keeps ties newest first. Dates: the shards
 * in date order, as their date ranges do not overlap.
 */
export function mergeHits(perShard: readonly Hit[][], sort: SortOrder): Hit[] {
  if (sort === 'newest') return perShard.flat();
  if (sort === 'oldest') return [...perShard].reverse().flat();
  return perShard.flat().sort((a, b) => b.score - a.score);
}

function bm25(count: number): number {
  return (count * (K1 + 1)) / (count + K1);
}

export class SearchEngine {
  readonly manifest: SearchManifest;
  readonly stopwords: ReadonlySet<string>;
  readonly #load: LoadJson;
  readonly #files = new Map<string, Promise<unknown>>();

  constructor(manifest: SearchManifest, load: LoadJson) {
    this.manifest = manifest;
    this.stopwords = new Set(manifest.stopwords);
    this.#load = load;
  }

  /** Opens an index from its manifest (`shards.json`). */
  static async open(load: LoadJson): Promise<SearchEngine> {
    return new SearchEngine((await load(SEARCH_MANIFEST)) as SearchManifest, load);
  }

  #file<T>(shard: ShardEntry, name: string): Promise<T> {
    const key = `${shard.path}${name}`;
    let loaded = this.#files.get(key);
    if (!loaded) {
      // A failed download is not kept: the next search asks again.
      loaded = this.#load(key, shard.version).catch((error: unknown) => {
        this.#files.delete(key);
        throw error;
      });
      this.#files.set(key, loaded);
    }
    return loaded as Promise<T>;
  }

  /** The shard's terms of one bucket; none when it has no such bucket. */
  async #bucket(shard: ShardEntry, bucket: string): Promise<Record<string, number[]>> {
    const present = await this.#file<string[]>(shard, BUCKETS_FILE);
    if (!present.includes(bucket)) return {};
    return this.#file(shard, termsFile(bucket));
  }

  /** Articles per topic and per year over the whole index, for the filters. */
  counts(): { topics: Record<string, number>; years: Record<string, number> } {
    const topics: Record<string, number> = {};
    const years: Record<string, number> = {};
    for (const shard of this.manifest.shards) {
      for (const [topic, n] of Object.entries(shard.topics))
        topics[topic] = (topics[topic] ?? 0) + n;
      for (const [year, [, n]] of Object.entries(shard.years)) years[year] = (years[year] ?? 0) + n;
    }
    return { topics, years };
  }

  /** The articles matching a query, in the order to show them. */
  async search(query: SearchQuery): Promise<Hit[]> {
    const words = parseQuery(query.q, this.stopwords);
    if (words.length === 0 && !query.topic && !query.year) return [];
    // Without words there is no relevance: filters alone list the newest first.
    const sort = query.sort || (words.length === 0 ? 'newest' : '');
    const shards = shardsFor(this.manifest, query.year);
    const perShard = await Promise.all(shards.map((i) => this.#searchShard(i, words, query, sort)));
    return mergeHits(perShard, sort);
  }

  async #searchShard(
    index: number,
    words: QueryWord[],
    query: SearchQuery,
    sort: SortOrder,
  ): Promise<Hit[]> {
    const shard = this.manifest.shards[index]!;
    let allowed: ((doc: number) => boolean) | undefined;
    if (query.year) {
      const [first, count] = shard.years[query.year] ?? [0, 0];
      allowed = (doc) => doc >= first && doc < first + count;
    }
    if (query.topic) {
      const topics = await this.#file<Record<string, number[]>>(shard, TOPICS_FILE);
      const inTopic = new Set(decodeGaps(topics[query.topic] ?? []));
      const inYear = allowed;
      allowed = (doc) => inTopic.has(doc) && (!inYear || inYear(doc));
    }
    let scores: Map<number, number> | undefined;
    for (const word of words) {
      const wordScores = await this.#wordScores(shard, word);
      if (scores) {
        const both = new Map<number, number>();
        for (const [doc, score] of wordScores) {
          const before = scores.get(doc);
          if (before !== undefined) both.set(doc, before + score);
        }
        scores = both;
      } else scores = wordScores;
      if (scores.size === 0) return [];
    }
    const hits: Hit[] = [];
    if (scores) {
      for (const [doc, score] of scores) {
        if (!allowed || allowed(doc)) hits.push({ shard: index, doc, score });
      }
    } else {
      for (let doc = 0; doc < shard.pages; doc++) {
        if (!allowed || allowed(doc)) hits.push({ shard: index, doc, score: 0 });
      }
    }
    if (sort === 'oldest') return hits.sort((a, b) => a.doc - b.doc);
    if (sort === 'newest') return hits.sort((a, b) => b.doc - a.doc);
    return hits.sort((a, b) => b.score - a.score || b.doc - a.doc);
  }

  /** Each article holding the word, with the word's weight there (its best-matching term). */
  async #wordScores(shard: ShardEntry, word: QueryWord): Promise<Map<number, number>> {
    const terms = new Set([word.stem]);
    const buckets = new Set([bucketOf(word.stem)]);
    if (word.prefix) buckets.add(bucketOf(word.prefix));
    const scores = new Map<number, number>();
    for (const bucket of buckets) {
      const entries = await this.#bucket(shard, bucket);
      for (const [term, encoded] of Object.entries(entries)) {
        if (!terms.has(term) && !(word.prefix && term.startsWith(word.prefix))) continue;
        const postings = decodePostings(encoded);
        const df = postings.length;
        const idf = Math.log(1 + (shard.pages - df + 0.5) / (df + 0.5));
        for (const { doc, inTitle, count } of postings) {
          const score = idf * (bm25(count) + (inTitle ? TITLE_BONUS : 0));
          if (score > (scores.get(doc) ?? 0)) scores.set(doc, score);
        }
      }
    }
    return scores;
  }

  /** The path, title and date of each hit, in order. */
  async details(hits: readonly Hit[]): Promise<FoundArticle[]> {
    return Promise.all(
      hits.map(async ({ shard, doc }) => {
        const entry = this.manifest.shards[shard]!;
        const chunk = Math.floor(doc / DOCS_PER_FILE);
        const docs = await this.#file<[string, string][]>(entry, docsFile(chunk));
        const [path, title] = docs[doc % DOCS_PER_FILE] ?? ['', ''];
        return { path, title, date: path.slice(0, 10).replaceAll('/', '-') };
      }),
    );
  }
}

/** A piece of an excerpt: text, marked when it is a word the query found. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * About `length` words of an article's text around the query's words, those words marked:
 * the stretch with the most of them, from the sentence or word before the first. Without a
 * match, the text's beginning.
 */
export function excerpt(
  text: string,
  q: string,
  stopwords: ReadonlySet<string>,
  length = 30,
): ExcerptPart[] {
  const words = parseQuery(q, stopwords);
  const stems = new Set(words.map((w) => w.stem));
  const prefixes = words.flatMap((w) => (w.prefix ? [w.prefix] : []));
  // The text's words as the index takes them (`scanWords`, `termOf`).
  const found: { start: number; end: number; mark: boolean }[] = [];
  scanWords(text, (start, end) => {
    const folded = fold(text.slice(start, end));
    const term = termOf(folded, stopwords);
    const mark = term !== '' && (stems.has(term) || prefixes.some((p) => folded.startsWith(p)));
    found.push({ start, end, mark });
  });
  if (found.length === 0) return [];
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < found.length; i++) {
    if (found[i]!.mark) count++;
    if (i >= length && found[i - length]!.mark) count--;
    const first = Math.max(0, i - length + 1);
    if (count > bestCount) {
      bestCount = count;
      best = first;
    }
  }
  // Start a few words before the first mark of the best stretch, so it is read in context.
  const firstMark = found.findIndex((w, i) => i >= best && w.mark);
  const from = bestCount > 0 ? Math.max(0, Math.min(best, firstMark - 5)) : 0;
  const to = Math.min(found.length, from + length);
  const parts: ExcerptPart[] = [];
  let at = found[from]!.start;
  if (from > 0) parts.push({ text: '… ', mark: false });
  for (let i = from; i < to; i++) {
    const word = found[i]!;
    if (!word.mark) continue;
    if (word.start > at) parts.push({ text: text.slice(at, word.start), mark: false });
    parts.push({ text: text.slice(word.start, word.end), mark: true });
    at = word.end;
  }
  const end = to < found.length ? found[to - 1]!.end : text.length;
  if (end > at) parts.push({ text: text.slice(at, end), mark: false });
  if (to < found.length) parts.push({ text: ' …', mark: false });
  return parts;
}
