/**
 * Writing one shard of the search index (format in search-format.ts): its days' article pages
 * are read from the built site, in date order, and turned into terms, postings and lists of
 * titles. Synchronous: a shard is one thread's work (search-lanes.ts runs several at once).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../greek/fold.ts';
import { foldedStopwords } from '../greek/stopwords.ts';
import type { IsoDate } from '../model.ts';
import { dayArticles, dayFingerprint } from './search-content.ts';
import {
  bucketOf,
  BUCKETS_FILE,
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
    if (!term) return -1;
    let id = this.#idOfTerm.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.postings.push([]);
      this.#lastDoc.push(0);
      this.#counts.push(0);
      this.#inTitle.push(false);
      this.#idOfTerm.set(term, id);
    }
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

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value));
}

export function writeShard({ outDir, dates, bundle }: ShardJob): ShardResult {
  const docs: [string, string][] = [];
  const terms = new ShardTerms();
  const topics = new Map<string, { last: number; gaps: number[] }>();
  const years: ShardEntry['years'] = {};
  const fingerprints: [IsoDate, string][] = [];
  for (const date of dates) {
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
      for (const topic of new Set(record.topics)) {
        let growing = topics.get(topic);
        if (!growing) topics.set(topic, (growing = { last: 0, gaps: [] }));
        growing.gaps.push(doc - growing.last);
        growing.last = doc;
      }
    }
  }
  mkdirSync(bundle, { recursive: true });
  for (let chunk = 0; chunk * DOCS_PER_FILE < docs.length; chunk++) {
    const slice = docs.slice(chunk * DOCS_PER_FILE, (chunk + 1) * DOCS_PER_FILE);
    writeJson(path.join(bundle, docsFile(chunk)), slice);
  }
  const buckets = new Map<string, Record<string, number[]>>();
  terms.terms.forEach((term, id) => {
    if (!term) return;
    const bucket = bucketOf(term);
    let entries = buckets.get(bucket);
    if (!entries) buckets.set(bucket, (entries = {}));
    entries[term] = terms.postings[id]!;
  });
  for (const [bucket, entries] of buckets) writeJson(path.join(bundle, termsFile(bucket)), entries);
  writeJson(path.join(bundle, BUCKETS_FILE), [...buckets.keys()].sort());
  writeJson(
    path.join(bundle, TOPICS_FILE),
    Object.fromEntries([...topics].map(([topic, { gaps }]) => [topic, gaps])),
  );
  const version = createHash('sha256');
  for (const [date, fingerprint] of fingerprints) version.update(`${date}${fingerprint}`);
  return {
    pages: docs.length,
    version: version.digest('base64url').slice(0, 12),
    years,
    topics: Object.fromEntries([...topics].map(([topic, { gaps }]) => [topic, gaps.length])),
    fingerprints,
  };
}
