/**
 * Writing one shard of the search index (format in search-format.ts): its days' article pages
 * are read from the built site, in date order, and turned into terms, postings and lists of
 * titles; or, for a shard written before, only its changed days are, and merged with its
 * previous files. Synchronous: a shard is one thread's work (search-lanes.ts runs several).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A shard as the previous index wrote it (format in search-format.ts). */
interface WrittenShard {
  docs: [string, string][];
  /** Per day, its first article's number and how many articles. */
  days: Map<IsoDate, [number, number]>;
  /** Per term, its encoded postings. */
  terms: Map<string, number[]>;
  /** Per topic, its gaps. */
  topics: Record<string, number[]>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function readShard(dir: string): WrittenShard {
  const docs: [string, string][] = [];
  for (let chunk = 0; existsSync(path.join(dir, docsFile(chunk))); chunk++) {
    docs.push(...readJson<[string, string][]>(path.join(dir, docsFile(chunk))));
  }
  const days = new Map<IsoDate, [number, number]>();
  docs.forEach(([docPath], doc) => {
    const date = docPath.slice(0, 10).replaceAll('/', '-');
    const day = days.get(date);
    if (day) day[1]++;
    else days.set(date, [doc, 1]);
  });
  const terms = new Map<string, number[]>();
  for (const bucket of readJson<string[]>(path.join(dir, BUCKETS_FILE))) {
    const entries = readJson<Record<string, number[]>>(path.join(dir, termsFile(bucket)));
    for (const term in entries) terms.set(term, entries[term]!);
  }
  return { docs, days, terms, topics: readJson(path.join(dir, TOPICS_FILE)) };
}

/**
 * One postings list from a previous shard's (its articles renumbered by `renumber`, -1 for
 * those gone) and this one's new articles', both in increasing order; `step` is 8 for term
 * postings (gaps times 8 plus flags) and 1 for topics (plain gaps).
 */
function mergePostings(
  old: readonly number[] | undefined,
  added: readonly number[] | undefined,
  renumber: Int32Array,
  step: 8 | 1,
): number[] {
  const merged: number[] = [];
  let last = 0;
  let i = 0;
  let j = 0;
  let oldDoc = 0;
  let addedDoc = 0;
  let nextOld = -1;
  let nextOldFlags = 0;
  const advanceOld = () => {
    nextOld = -1;
    while (old && i < old.length) {
      const value = old[i++]!;
      oldDoc += Math.floor(value / step);
      const doc = renumber[oldDoc]!;
      if (doc >= 0) {
        nextOld = doc;
        nextOldFlags = value % step;
        return;
      }
    }
  };
  advanceOld();
  for (;;) {
    const nextAdded = added && j < added.length ? addedDoc + Math.floor(added[j]! / step) : -1;
    if (nextOld < 0 && nextAdded < 0) return merged;
    if (nextAdded < 0 || (nextOld >= 0 && nextOld < nextAdded)) {
      merged.push((nextOld - last) * step + nextOldFlags);
      last = nextOld;
      advanceOld();
    } else {
      merged.push((nextAdded - last) * step + (added![j]! % step));
      last = nextAdded;
      addedDoc = nextAdded;
      j++;
    }
  }
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
  const old = previous && readShard(previous.dir);
  const renumber = new Int32Array(old?.docs.length ?? 0).fill(-1);
  for (const date of dates) {
    const copied = previous?.unchanged[date] && old?.days.get(date);
    const articles = copied ? [] : dayArticles(outDir, date);
    const fingerprint = copied ? previous.unchanged[date]! : dayFingerprint(articles);
    if (!fingerprint) continue; // the day is gone
    fingerprints.push([date, fingerprint]);
    const year = (years[date.slice(0, 4)] ??= [docs.length, 0]);
    if (copied && old) {
      const [first, count] = copied;
      for (let doc = first; doc < first + count; doc++) {
        renumber[doc] = docs.length;
        docs.push(old.docs[doc]!);
      }
      year[1] += count;
      continue;
    }
    const dayPath = `${date.replaceAll('-', '/')}/`;
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
  // Terms and topics in code-point order, not in the order met: a shard updated from its
  // previous files must be written as a fresh one is.
  const added = new Map(terms.terms.map((term, id) => [term, terms.postings[id]!]));
  const allTerms = [...new Set([...(old?.terms.keys() ?? []), ...added.keys()])].sort();
  const buckets = new Map<string, Record<string, number[]>>();
  for (const term of allTerms) {
    const postings = mergePostings(old?.terms.get(term), added.get(term), renumber, 8);
    if (postings.length === 0) continue;
    const bucket = bucketOf(term);
    let entries = buckets.get(bucket);
    if (!entries) buckets.set(bucket, (entries = {}));
    entries[term] = postings;
  }
  for (const [bucket, entries] of buckets) writeJson(path.join(bundle, termsFile(bucket)), entries);
  writeJson(path.join(bundle, BUCKETS_FILE), [...buckets.keys()].sort());
  const topicNames = [...new Set([...Object.keys(old?.topics ?? {}), ...topics.keys()])].sort();
  const topicGaps: [string, number[]][] = topicNames
    .map((topic): [string, number[]] => [
      topic,
      mergePostings(old?.topics[topic], topics.get(topic)?.gaps, renumber, 1),
    ])
    .filter(([, gaps]) => gaps.length > 0);
  writeJson(path.join(bundle, TOPICS_FILE), Object.fromEntries(topicGaps));
  const version = createHash('sha256');
  for (const [date, fingerprint] of fingerprints) version.update(`${date}${fingerprint}`);
  return {
    pages: docs.length,
    version: version.digest('base64url').slice(0, 12),
    years,
    topics: Object.fromEntries(topicGaps.map(([topic, gaps]) => [topic, gaps.length])),
    fingerprints,
  };
}
