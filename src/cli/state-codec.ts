/**
 * The content cache as the state file stores it. Of 100,000 articles' analyses most is the
 * same few thousand names, key words and topics written again and again, each as an object
 * with its property names: stored so, the state of a 100k archive took 370 MB and 5.7 s to
 * read. Packed here into tables of distinct values and rows of numbers, and unpacked with one
 * shared object per distinct name mention, so it is smaller on disk and in memory.
 */
import type { ContentCache, StoredArticle, StoredFile } from '../archive/article-store.ts';
import type { NameKind, NameMention, TopicScore } from '../model.ts';

type PackedArticle = [
  date: string,
  ordinal: number,
  title: string,
  line: number,
  /** The article's file when it is not the file it is stored under (never, in practice). */
  file: string | null,
  excerpt: string,
  wordCount: number,
  readingMinutes: number,
  contentHash: string,
  textLength: number,
  slug: string,
  /** Pairs of a `topics` index and a score. */
  topics: number[],
  /** Pairs of a `names` index and a count. */
  names: number[],
  /** Indices in `words`. */
  keywords: number[],
];

interface PackedFile extends Omit<StoredFile, 'articles'> {
  articles: PackedArticle[];
}

export interface PackedCache {
  analysisKey: string;
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

function packFile({ articles, ...file }: StoredFile, { names, topics, words }: Tables): PackedFile {
  return {
    ...file,
    articles: articles.map((a): PackedArticle => [
      a.date,
      a.ordinal,
      a.title,
      a.source.line,
      a.source.file === file.file ? null : a.source.file,
      a.excerpt,
      a.wordCount,
      a.readingMinutes,
      a.contentHash,
      a.textLength,
      a.slug,
      a.topics.flatMap((t) => [topics.indexOf(`${t.slug}${SEPARATOR}${t.name}`), t.score]),
      a.names.flatMap((n) => [
        names.indexOf([n.key, n.name, n.kind, n.slug].join(SEPARATOR)),
        n.count,
      ]),
      a.keywords.map((k) => words.indexOf(k)),
    ]),
  };
}

/**
 * Packs and unpacks caches. A cache packed after one was unpacked keeps the packed rows of the
 * files it reused unchanged, and the tables they point into, so an incremental build packs
 * only the files it read. (Tables only grow: values no longer used stay until a full build.)
 */
export class CacheCodec {
  #tables: Tables | undefined;
  readonly #rows = new WeakMap<StoredFile, PackedFile>();

  pack(cache: ContentCache): PackedCache {
    const previous = this.#tables?.analysisKey === cache.analysisKey ? this.#tables : undefined;
    const tables: Tables = {
      analysisKey: cache.analysisKey,
      names: previous?.names ?? new Table(),
      topics: previous?.topics ?? new Table(),
      words: previous?.words ?? new Table(),
    };
    this.#tables = tables;
    const files = cache.files.map((file) => {
      let row = previous && this.#rows.get(file);
      if (!row) {
        row = packFile(file, tables);
        this.#rows.set(file, row);
      }
      return row;
    });
    return {
      analysisKey: cache.analysisKey,
      writtenAt: cache.writtenAt,
      names: tables.names.values,
      topics: tables.topics.values,
      words: tables.words.values,
      files,
    };
  }

  unpack(packed: PackedCache): ContentCache {
    const cache = unpackCache(packed);
    this.#tables = {
      analysisKey: packed.analysisKey,
      names: new Table(packed.names),
      topics: new Table(packed.topics),
      words: new Table(packed.words),
    };
    cache.files.forEach((file, i) => this.#rows.set(file, packed.files[i]!));
    return cache;
  }
}

export function packCache(cache: ContentCache): PackedCache {
  return new CacheCodec().pack(cache);
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
  const pairs = <T>(flat: number[], make: (index: number, value: number) => T): T[] => {
    const out: T[] = [];
    for (let i = 0; i < flat.length; i += 2) out.push(make(flat[i]!, flat[i + 1]!));
    return out;
  };
  return {
    analysisKey: packed.analysisKey,
    writtenAt: packed.writtenAt,
    files: packed.files.map(({ articles, ...file }) => ({
      ...file,
      articles: articles.map(
        ([
          date,
          ordinal,
          title,
          line,
          sourceFile,
          excerpt,
          wordCount,
          readingMinutes,
          contentHash,
          textLength,
          slug,
          topicPairs,
          namePairs,
          keywords,
        ]): StoredArticle => ({
          date,
          ordinal,
          title,
          source: { file: sourceFile ?? file.file, line },
          excerpt,
          wordCount,
          readingMinutes,
          topics: pairs(topicPairs, (i, score): TopicScore => ({ ...topics[i]!, score })),
          names: pairs(namePairs, mention),
          keywords: keywords.map((i) => packed.words[i]!),
          contentHash,
          textLength,
          slug,
        }),
      ),
    })),
  };
}
