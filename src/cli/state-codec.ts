/**
 * The content cache as the state file stores it. Of 100,000 articles' analyses most is the
 * same few thousand names, key words and topics written again and again, each as an object
 * with its property names: stored so, the state of a 100k archive took 370 MB and 5.7 s to
 * read. Packed here into tables of distinct values and rows of numbers, and unpacked with one
 * shared object per distinct name mention, so it is smaller on disk and in memory.
 */
import { Buffer } from 'node:buffer';
import {
  plainArticle,
  type ContentCache,
  type StoredArticle,
  type StoredFile,
} from '../archive/article-store.ts';
import type { PlaceLists, RelatedMemo } from '../archive/related.ts';
import type { NameKind, NameMention, TopicScore } from '../model.ts';

/**
 * A file's articles in columns, so that reading the state deserialises a few byte arrays per
 * file instead of a dozen values per article (1.4 s of a 100k rebuild before, 0.1 s now).
 * `ids`: per article, its date, source file ('' when it is the stored file), content hash,
 * slug and summary hash, by `packStrings`: one byte a character, unless a file's name is not
 * ASCII.
 * `prose`: per article, its title and excerpt, by `packStrings` (decoding removes NUL from the
 * text itself). Only what a build renders reads them, so they stay bytes until asked for
 * (`ProseList`).
 * `numbers`: per article, its ordinal, line, word count, reading minutes, text length, number
 * of topics, names and key words, then its topic indices, (name index, count) pairs and key
 * word indices. `scores`: the scores of its topics.
 */
interface PackedArticles {
  ids: Uint8Array;
  prose: Uint8Array;
  numbers: Int32Array;
  scores: Float64Array;
}

interface PackedFile extends Omit<StoredFile, 'articles'> {
  articles: PackedArticles;
}

export interface PackedCache {
  analysisKey: string;
  textKey: string;
  writtenAt: number;
  /** Distinct names: key, display form, kind and slug, joined by NUL. */
  names: string[];
  /** Distinct topics: slug and name, joined by NUL. */
  topics: string[];
  words: string[];
  files: PackedFile[];
}

const SEPARATOR = '\u0000';

/** Numbers distinct strings in order of first use. */
class Table {
  readonly values: string[];
  readonly #index: Map<string, number>;

  constructor(values: readonly string[] = []) {
    this.values = [...values];
    this.#index = new Map(values.map((v, i) => [v, i]));
  }

  indexOf(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.#index.set(value, index);
    }
    return index;
  }
}

interface Tables {
  analysisKey: string;
  names: Table;
  topics: Table;
  words: Table;
}

/**
 * Table indices of the values of one packing. Mentions are shared objects (`MentionInterner`,
 * `unpackCache`) and topics come back with the same few slugs: looked up so, 2 million mentions
 * are not each joined into a string and hashed, which took most of the 3 s a 100k archive's
 * first state took to pack.
 */
class PackIndices {
  readonly #mentions = new Map<NameMention, number>();
  readonly #topics = new Map<string, { name: string; index: number }>();

  constructor(readonly tables: Tables) {}

  name(mention: NameMention): number {
    let index = this.#mentions.get(mention);
    if (index === undefined) {
      const { key, name, kind, slug } = mention;
      index = this.tables.names.indexOf([key, name, kind, slug].join(SEPARATOR));
      this.#mentions.set(mention, index);
    }
    return index;
  }

  topic({ slug, name }: TopicScore): number {
    const known = this.#topics.get(slug);
    if (known?.name === name) return known.index;
    const index = this.tables.topics.indexOf(`${slug}${SEPARATOR}${name}`);
    this.#topics.set(slug, { name, index });
    return index;
  }
}

function packFile({ articles, ...file }: StoredFile, indices: PackIndices): PackedFile {
  const { words } = indices.tables;
  let numberCount = 0;
  let scoreCount = 0;
  for (const a of articles) {
    numberCount += 8 + a.topics.length + 2 * a.names.length + a.keywords.length;
    scoreCount += a.topics.length;
  }
  const ids: string[] = [];
  const prose: string[] = [];
  const numbers = new Int32Array(numberCount);
  const scores = new Float64Array(scoreCount);
  let n = 0;
  let score = 0;
  for (const a of articles) {
    const source = a.source.file === file.file ? '' : a.source.file;
    ids.push(a.date, source, a.contentHash, a.slug, a.summaryHash);
    prose.push(a.title, a.excerpt);
    numbers[n++] = a.ordinal;
    numbers[n++] = a.source.line;
    numbers[n++] = a.wordCount;
    numbers[n++] = a.readingMinutes;
    numbers[n++] = a.textLength;
    numbers[n++] = a.topics.length;
    numbers[n++] = a.names.length;
    numbers[n++] = a.keywords.length;
    for (const t of a.topics) {
      numbers[n++] = indices.topic(t);
      scores[score++] = t.score;
    }
    for (const mention of a.names) {
      numbers[n++] = indices.name(mention);
      numbers[n++] = mention.count;
    }
    for (const k of a.keywords) numbers[n++] = words.indexOf(k);
  }
  return {
    ...file,
    articles: { ids: packStrings(ids), prose: packStrings(prose), numbers, scores },
  };
}

/**
 * Packs and unpacks caches. A cache packed after one was unpacked keeps the packed articles of
 * the files it reused unchanged, and the tables they point into, so an incremental build packs
 * only the files it read. They are known by their list of articles, which a file found
 * unchanged under a new time (`unchangedFile`) keeps. (Tables only grow: values no longer used
 * stay until a full build.)
 * Files can also be packed as they are read (`packAhead`): a cold build's main thread is idle
 * while other threads read, and packing 100,000 articles at the end took 1.4 s.
 */
export class CacheCodec {
  #tables: Tables | undefined;
  #indices: PackIndices | undefined;
  /** Each file's packed articles, by its list of articles, with the tables they point into. */
  readonly #packed = new WeakMap<StoredArticle[], { tables: Tables; articles: PackedArticles }>();

  /** Look-ups into the tables of an analysis: those in use if they are its own, else new ones. */
  #indicesFor(analysisKey: string): PackIndices {
    if (this.#tables?.analysisKey !== analysisKey) {
      this.#tables = { analysisKey, names: new Table(), topics: new Table(), words: new Table() };
      this.#indices = undefined;
    }
    return (this.#indices ??= new PackIndices(this.#tables));
  }

  #row(file: StoredFile, indices: PackIndices): PackedFile {
    const { tables } = indices;
    const known = this.#packed.get(file.articles);
    if (known?.tables === tables) return { ...file, articles: known.articles };
    const row = packFile(file, indices);
    this.#packed.set(file.articles, { tables, articles: row.articles });
    return row;
  }

  /** Packs a file of a cache of this analysis now, for `pack` to take as it is. */
  packAhead(analysisKey: string, file: StoredFile): void {
    this.#row(file, this.#indicesFor(analysisKey));
  }

  pack(cache: ContentCache): PackedCache {
    const indices = this.#indicesFor(cache.analysisKey);
    const { tables } = indices;
    const files = cache.files.map((file) => this.#row(file, indices));
    // The look-ups hold every mention object packed: not kept past the state they were for.
    this.#indices = undefined;
    return {
      analysisKey: cache.analysisKey,
      textKey: cache.textKey,
      writtenAt: cache.writtenAt,
      names: tables.names.values,
      topics: tables.topics.values,
      words: tables.words.values,
      files,
    };
  }

  unpack(packed: PackedCache): ContentCache {
    const cache = unpackCache(packed);
    const tables: Tables = {
      analysisKey: packed.analysisKey,
      names: new Table(packed.names),
      topics: new Table(packed.topics),
      words: new Table(packed.words),
    };
    this.#tables = tables;
    this.#indices = undefined;
    cache.files.forEach((file, i) =>
      this.#packed.set(file.articles, { tables, articles: packed.files[i]!.articles }),
    );
    return cache;
  }
}

export function packCache(cache: ContentCache): PackedCache {
  return new CacheCodec().pack(cache);
}

/**
 * The titles and excerpts of a file's articles, decoded when one is first asked for: a
 * rebuild renders a few pages, and decoding all of them (as UTF-16, 70 MB for 100,000
 * articles) was a fifth of reading the state.
 */
class ProseList {
  #bytes: Uint8Array | undefined;
  #texts: string[] | undefined;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get(index: number): string {
    if (!this.#texts) {
      this.#texts = unpackStrings(this.#bytes!);
      this.#bytes = undefined;
    }
    return this.#texts[index]!;
  }
}

type Unpacked = Omit<StoredArticle, 'title' | 'excerpt'>;

/**
 * A stored article as the state gives it back: its other fields as given, its title and
 * excerpt read from its file's `ProseList`. Those two are not own properties: spreading one,
 * or sending it to another thread, leaves them out (`plainArticle`).
 */
class UnpackedArticle {
  readonly #texts: ProseList;
  readonly #index: number;

  constructor(texts: ProseList, index: number, fields: Unpacked) {
    Object.assign(this, fields);
    this.#texts = texts;
    this.#index = index;
  }

  get title(): string {
    return this.#texts.get(this.#index * 2);
  }

  get excerpt(): string {
    return this.#texts.get(this.#index * 2 + 1);
  }

  toJSON(): StoredArticle {
    return plainArticle(unpacked(this));
  }
}

/** An unpacked article as what it is: the fields it was given, and its title and excerpt. */
function unpacked(article: UnpackedArticle): StoredArticle {
  return article as UnpackedArticle & Unpacked;
}

export function unpackCache(packed: PackedCache): ContentCache {
  const names = packed.names.map((row) => {
    const [key, name, kind, slug] = row.split(SEPARATOR) as [string, string, NameKind, string];
    return { key, name, kind, slug };
  });
  const topics = packed.topics.map((row) => {
    const [slug, name] = row.split(SEPARATOR) as [string, string];
    return { slug, name };
  });
  // Most mentions are of a name once or twice: one shared object for each name and count.
  const mentions = new Map<number, NameMention>();
  const mention = (index: number, count: number): NameMention => {
    const id = index * 64 + count;
    let found = count < 64 ? mentions.get(id) : undefined;
    if (!found) {
      const { key, name, kind, slug } = names[index]!;
      found = { key, name, kind, count, slug };
      if (count < 64) mentions.set(id, found);
    }
    return found;
  };
  const unpackArticles = (file: string, { ids, prose, numbers, scores }: PackedArticles) => {
    const fields = unpackStrings(ids);
    const texts = new ProseList(prose);
    const articles: StoredArticle[] = [];
    let f = 0;
    let n = 0;
    let score = 0;
    while (n < numbers.length) {
      const ordinal = numbers[n]!;
      const line = numbers[n + 1]!;
      const wordCount = numbers[n + 2]!;
      const readingMinutes = numbers[n + 3]!;
      const textLength = numbers[n + 4]!;
      const topicCount = numbers[n + 5]!;
      const nameCount = numbers[n + 6]!;
      const keywordCount = numbers[n + 7]!;
      n += 8;
      // Arrays made at their length: grown by `push`, they would hold room for 17 items or half
      // as many again, some 30 MB of a 100k archive's state for nothing.
      const articleTopics = new Array<TopicScore>(topicCount);
      for (let i = 0; i < topicCount; i++, n++) {
        const { slug, name } = topics[numbers[n]!]!;
        articleTopics[i] = { slug, name, score: scores[score++]! };
      }
      const articleNames = new Array<NameMention>(nameCount);
      for (let i = 0; i < nameCount; i++, n += 2) {
        articleNames[i] = mention(numbers[n]!, numbers[n + 1]!);
      }
      const keywords = new Array<string>(keywordCount);
      for (let i = 0; i < keywordCount; i++, n++) keywords[i] = packed.words[numbers[n]!]!;
      articles.push(
        unpacked(
          new UnpackedArticle(texts, articles.length, {
            date: fields[f]!,
            ordinal,
            source: { file: fields[f + 1] || file, line },
            wordCount,
            readingMinutes,
            topics: articleTopics,
            names: articleNames,
            keywords,
            contentHash: fields[f + 2]!,
            summaryHash: fields[f + 4]!,
            textLength,
            slug: fields[f + 3]!,
          }),
        ),
      );
      f += 5;
    }
    return articles;
  };
  return {
    analysisKey: packed.analysisKey,
    textKey: packed.textKey,
    writtenAt: packed.writtenAt,
    files: packed.files.map(({ articles, ...file }) => ({
      ...file,
      articles: unpackArticles(file.file, articles),
    })),
  };
}

/**
 * Strings each followed by NUL, as bytes after one byte that says how: one byte a character
 * when every character is ASCII (URLs, hashes and ids: half the bytes to read, and strings of
 * half the memory), else UTF-16LE. How the state stores long lists of strings (article texts,
 * URLs, hashes, article ids): V8 deserialises strings at about 100 MB/s, bytes at memory
 * speed, and these bytes become a string by a copy and a split. None of the strings may
 * contain NUL.
 */
export function packStrings(strings: readonly string[]): Uint8Array {
  let text = '';
  for (const s of strings) text += `${s}${SEPARATOR}`;
  const ascii = Buffer.byteLength(text, 'utf8') === text.length;
  const bytes = Buffer.allocUnsafe(1 + (ascii ? text.length : 2 * text.length));
  bytes[0] = ascii ? ONE_BYTE : UTF16;
  bytes.write(text, 1, ascii ? 'latin1' : 'utf16le');
  return bytes;
}

const ONE_BYTE = 1;
const UTF16 = 2;

export function unpackStrings(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0 || (buffer[0] !== ONE_BYTE && buffer[0] !== UTF16)) {
    throw new Error('state: a list of strings of an unknown form');
  }
  const strings = buffer
    .toString(buffer[0] === ONE_BYTE ? 'latin1' : 'utf16le', 1)
    .split(SEPARATOR);
  strings.pop();
  return strings;
}

/** A related memo with its ids and hashes as `packStrings` bytes. */
export interface PackedRelatedMemo {
  ids: Uint8Array;
  hashes: Uint8Array;
  related: PlaceLists;
}

export function packRelatedMemo(memo: RelatedMemo): PackedRelatedMemo {
  return { ids: packStrings(memo.ids), hashes: packStrings(memo.hashes), related: memo.related };
}

export function unpackRelatedMemo(packed: PackedRelatedMemo): RelatedMemo {
  const memo = {
    ids: unpackStrings(packed.ids),
    hashes: unpackStrings(packed.hashes),
    related: packed.related,
  };
  const { starts, items } = memo.related;
  const count = memo.ids.length;
  let fits =
    memo.hashes.length === count && starts.length === count + 1 && starts[count] === items.length;
  for (let i = 0; fits && i < count; i++) fits = starts[i + 1]! >= starts[i]!;
  if (!fits) throw new Error('related memo: lists that do not fit its articles');
  for (const at of items) {
    if (!(at >= 0 && at < count))
      throw new Error(`related memo: ${at} is listed but not an article`);
  }
  return memo;
}
