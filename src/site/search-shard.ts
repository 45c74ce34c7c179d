/**
 * Writing one shard of the search index (format in search-format.ts): its days' article pages
 * are read from the built site, in date order, and turned into terms, postings and lists of
 * titles. Synchronous: a shard is one thread's work (search-lanes.ts runs several at once).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../greek/fold.ts';
import { foldedStopwords } from '../greek/stopwords.ts';
import { groupBy } from '../group-by.ts';
import type { IsoDate } from '../model.ts';
import { dayArticles, dayFingerprint } from './search-content.ts';
import {
  bucketOf,
  BUCKETS_FILE,
  decodeGaps,
  docsFile,
  DOCS_PER_FILE,
  encodePosting,
  scanWords,
  termOf,
  termsFile,
  TOPICS_FILE,
  type ShardEntry,
} from './search-format.ts';

/** What one lane is asked to do: index these days (in date order) of the site into `bundle`. */
export interface ShardJob {
  outDir: string;
  dates: IsoDate[];
  bundle: string;
  /**
   * The same shard as the previous index wrote it, and the fingerprints of the days whose pages
   * are unchanged since: those days' articles are copied from it rather than read and stemmed
   * again, so an edit re-indexes one day, not its shard.
   */
  previous?: { dir: string; unchanged: Record<IsoDate, string> };
}

export interface ShardResult extends Pick<ShardEntry, 'pages' | 'version' | 'years' | 'topics'> {
  /** Each day's fingerprint (search-content.ts), read on the way. */
  fingerprints: [IsoDate, string][];
}

const STOPWORDS: ReadonlySet<string> = new Set(foldedStopwords());

/**
 * A shard's terms and their postings as they grow, terms numbered as first met. Per article,
 * counts go to arrays by number rather than to a map of strings; each word as written is found
 * in an open-addressing table by the hash `scanWords` gives, without a string made of it, and is
 * folded and stemmed once per shard. Measured on a shard of 5,407 pages, the whole shard:
 * 2.8–3.7 s against 4.0–4.6 s with a `Map` of words, 4.9–5.4 s with a `Map` per article.
 */
class ShardTerms {
  readonly terms: string[] = [];
  readonly postings: number[][] = [];
  readonly #idOfTerm = new Map<string, number>();
  readonly #lastDoc: number[] = [];
  readonly #counts: number[] = [];
  readonly #inTitle: boolean[] = [];
  readonly #touched: number[] = [];
  /** Words as written, their hashes and term numbers (-1: a function word), and the table. */
  readonly #words: string[] = [];
  readonly #wordHashes: number[] = [];
  readonly #wordIds: number[] = [];
  #slots = new Int32Array(1 << 16).fill(-1);

  #termId(word: string): number {
    const term = termOf(fold(word), STOPWORDS);
    return term ? (this.#idOfTerm.get(term) ?? this.#newTerm(term)) : -1;
  }

  #newTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.postings.push([]);
    this.#lastDoc.push(0);
    this.#counts.push(0);
    this.#inTitle.push(false);
    this.#idOfTerm.set(term, id);
    return id;
  }

  /** The term number of `text.slice(start, end)`, whose hash is `hash`. */
  #id(text: string, start: number, end: number, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === -1) {
        const word = text.slice(start, end);
        const id = this.#termId(word);
        this.#slots[slot] = this.#words.length;
        this.#words.push(word);
        this.#wordHashes.push(hash);
        this.#wordIds.push(id);
        if (this.#words.length * 2 > this.#slots.length) this.#grow();
        return id;
      }
      const word = this.#words[entry]!;
      if (
        this.#wordHashes[entry] === hash &&
        word.length === end - start &&
        text.startsWith(word, start)
      ) {
        return this.#wordIds[entry]!;
      }
    }
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = this.#slots.length - 1;
    this.#wordHashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while (this.#slots[slot] !== -1) slot = (slot + 1) & mask;
      this.#slots[slot] = entry;
    });
  }

  #count(text: string, title: boolean): void {
    scanWords(text, (start, end, hash) => {
      const id = this.#id(text, start, end, hash);
      if (id < 0) return;
      if (this.#counts[id] === 0) this.#touched.push(id);
      this.#counts[id]!++;
      if (title) this.#inTitle[id] = true;
    });
  }

  /**
   * Adds article `doc` with its terms as a shard read back gives them (`KnownArticle`): each
   * term once, with its posting's low bits (title and count).
   */
  addKnown(doc: number, { terms, flags }: KnownArticle): void {
    terms.forEach((term, i) => {
      const id = this.#idOfTerm.get(term) ?? this.#newTerm(term);
      this.postings[id]!.push((doc - this.#lastDoc[id]!) * 8 + flags[i]!);
      this.#lastDoc[id] = doc;
    });
  }

  /** Adds article `doc` (numbers in increasing order). */
  add(doc: number, title: string, body: string): void {
    this.#count(title, true);
    this.#count(body, false);
    for (const id of this.#touched) {
      this.postings[id]!.push(
        encodePosting(doc - this.#lastDoc[id]!, this.#inTitle[id]!, this.#counts[id]!),
      );
      this.#lastDoc[id] = doc;
      this.#counts[id] = 0;
      this.#inTitle[id] = false;
    }
    this.#touched.length = 0;
  }
}

/** One article of a shard read back: where it is, its title, topics, and terms with their flags. */
interface KnownArticle {
  path: string;
  title: string;
  topics: string[];
  terms: string[];
  /** Per term, its posting's low bits: 4 when in the title, plus its count less one. */
  flags: number[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** A written shard's articles by date, read back from its files (the inverse of writing). */
function readShard(dir: string): Map<IsoDate, KnownArticle[]> {
  const articles: KnownArticle[] = [];
  for (let chunk = 0; existsSync(path.join(dir, docsFile(chunk))); chunk++) {
    for (const [docPath, title] of readJson<[string, string][]>(path.join(dir, docsFile(chunk)))) {
      articles.push({ path: docPath, title, topics: [], terms: [], flags: [] });
    }
  }
  for (const bucket of readJson<string[]>(path.join(dir, BUCKETS_FILE))) {
    const entries = readJson<Record<string, number[]>>(path.join(dir, termsFile(bucket)));
    for (const [term, encoded] of Object.entries(entries)) {
      let doc = 0;
      for (const value of encoded) {
        doc += Math.floor(value / 8);
        const article = articles[doc]!;
        article.terms.push(term);
        article.flags.push(value & 7);
      }
    }
  }
  for (const [topic, gaps] of Object.entries(
    readJson<Record<string, number[]>>(path.join(dir, TOPICS_FILE)),
  )) {
    for (const doc of decodeGaps(gaps)) articles[doc]!.topics.push(topic);
  }
  return groupBy(articles, (a) => a.path.slice(0, 10).replaceAll('/', '-'));
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value));
}

export function writeShard({ outDir, dates, bundle, previous }: ShardJob): ShardResult {
  const docs: [string, string][] = [];
  const terms = new ShardTerms();
  const topics = new Map<string, { last: number; gaps: number[] }>();
  const years: ShardEntry['years'] = {};
  const fingerprints: [IsoDate, string][] = [];
  const known = previous ? readShard(previous.dir) : new Map<IsoDate, KnownArticle[]>();
  const addTopics = (doc: number, names: Iterable<string>) => {
    for (const topic of new Set(names)) {
      let growing = topics.get(topic);
      if (!growing) topics.set(topic, (growing = { last: 0, gaps: [] }));
      growing.gaps.push(doc - growing.last);
      growing.last = doc;
    }
  };
  for (const date of dates) {
    const copied = previous?.unchanged[date] && known.get(date);
    if (copied) {
      fingerprints.push([date, previous.unchanged[date]!]);
      const year = (years[date.slice(0, 4)] ??= [docs.length, 0]);
      for (const article of copied) {
        const doc = docs.length;
        docs.push([article.path, article.title]);
        year[1]++;
        terms.addKnown(doc, article);
        addTopics(doc, article.topics);
      }
      continue;
    }
    const articles = dayArticles(outDir, date);
    const fingerprint = dayFingerprint(articles);
    if (!fingerprint) continue; // the day is gone
    fingerprints.push([date, fingerprint]);
    const dayPath = `${date.replaceAll('-', '/')}/`;
    const year = (years[date.slice(0, 4)] ??= [docs.length, 0]);
    for (const { folder, record } of articles) {
      const doc = docs.length;
      docs.push([`${dayPath}${folder}/`, record.title]);
      year[1]++;
      terms.add(doc, record.title, record.body);
      addTopics(doc, record.topics);
    }
  }
  mkdirSync(bundle, { recursive: true });
  for (let chunk = 0; chunk * DOCS_PER_FILE < docs.length; chunk++) {
    const slice = docs.slice(chunk * DOCS_PER_FILE, (chunk + 1) * DOCS_PER_FILE);
    writeJson(path.join(bundle, docsFile(chunk)), slice);
  }
  // Terms and topics in code-point order, not in the order met: a shard updated from its
  // previous files must be written as a fresh one is.
  const byTerm = terms.terms
    .map((term, id) => ({ term, id }))
    .sort((a, b) => (a.term < b.term ? -1 : 1));
  const buckets = new Map<string, Record<string, number[]>>();
  for (const { term, id } of byTerm) {
    const bucket = bucketOf(term);
    let entries = buckets.get(bucket);
    if (!entries) buckets.set(bucket, (entries = {}));
    entries[term] = terms.postings[id]!;
  }
  for (const [bucket, entries] of buckets) writeJson(path.join(bundle, termsFile(bucket)), entries);
  writeJson(path.join(bundle, BUCKETS_FILE), [...buckets.keys()].sort());
  const sortedTopics = [...topics].sort(([a], [b]) => (a < b ? -1 : 1));
  writeJson(
    path.join(bundle, TOPICS_FILE),
    Object.fromEntries(sortedTopics.map(([topic, { gaps }]) => [topic, gaps])),
  );
  const version = createHash('sha256');
  for (const [date, fingerprint] of fingerprints) version.update(`${date}${fingerprint}`);
  return {
    pages: docs.length,
    version: version.digest('base64url').slice(0, 12),
    years,
    topics: Object.fromEntries(sortedTopics.map(([topic, { gaps }]) => [topic, gaps.length])),
    fingerprints,
  };
}
