import { hash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { slugify } from '../greek/slug.ts';
import { parseFile } from '../ingest/parse-file.ts';
import { parseOneArticle } from '../ingest/parse-one-article.ts';
import {
  listArticleFiles,
  MAX_FILE_BYTES,
  readOneFile,
  type ArticleFile,
} from '../ingest/read-content.ts';
import type { RejectedArticle } from '../ingest/parse-articles.ts';
import type { Analysis, Article, ArticleHeader, Diagnostic, SourceArticle } from '../model.ts';
import { bodyAt, packBodies, type FileBodies } from './file-bodies.ts';
import { MentionInterner } from './mentions.ts';

/** An article as the cache keeps it: its header, its analysis, and a hash of its text. */
export interface StoredArticle extends ArticleHeader, Analysis {
  contentHash: string;
  /** See `Article.summaryHash`: worked out once, in the reading threads, not at every plan. */
  summaryHash: string;
  /** Characters of title and body: short texts may repeat without being reported. */
  textLength: number;
  /** ELOT 743 slug of the title, for its URL (worked out once, in the reading threads). */
  slug: string;
}

/** What reading one file gave, before duplicates across files are resolved. */
export interface StoredFile {
  file: string;
  size: number;
  mtimeMs: number;
  /**
   * Hash of the file's bytes ('' if it could not be read): a file whose time changed but not its
   * bytes (a fresh checkout, a copy, a restore from backup) is then found unchanged without
   * being parsed again, as is a file modified within a clock tick of the build that read it.
   */
  bytesHash: string;
  encoding: string;
  diagnostics: Diagnostic[];
  rejected: number;
  /** The articles left out, each with its reasons (`rejected` is their number). */
  rejectedArticles: RejectedArticle[];
  articles: StoredArticle[];
}

/** The content cache: every file's result, valid for one analysis version. */
export interface ContentCache {
  /** Changes whenever the analysis would give other results (code, taxonomy). */
  analysisKey: string;
  /**
   * Changes whenever the analysis of the text alone would (code): with an equal one, an edit
   * of the taxonomy assigns topics again and keeps names, key words and excerpts.
   */
  textKey: string;
  /** When the build that wrote the cache started reading files (ms since epoch). */
  writtenAt: number;
  files: StoredFile[];
}

export interface LoadedContent {
  files: StoredFile[];
  /** Bodies of the files read in this run, by file; unchanged files are not read at all. */
  bodies: Map<string, FileBodies>;
  diagnostics: Diagnostic[];
  /** When reading started (ms since epoch): the cache's `writtenAt`. */
  startedAt: number;
  filesRead: number;
  filesReused: number;
}

/** Analyses an article; given `known` (the same text's analysis under another taxonomy), its topics only. */
export type Analyze = (article: SourceArticle, known?: Analysis) => Analysis;

/**
 * A timestamp this close to the moment the cache was written may belong to a later write in
 * the same clock tick (coarse file systems have 1–2 s): such files are checked by content.
 */
const RACY_MS = 2_000;

export function hashText(text: string): string {
  // The one-shot form: half the cost of `createHash` for the short texts hashed by the thousand.
  return hash('sha1', text, 'base64url');
}

/**
 * The first 66 bits of `hashText`: enough to tell one thing's versions apart, for the hashes
 * that are joined by the hundred into one page fingerprint, which is then hashed in turn.
 */
export function shortHash(text: string): string {
  return hashText(text).slice(0, 11);
}

export function articleHash(article: Pick<SourceArticle, 'title' | 'paragraphs'>): string {
  return hashText(`${article.title}\n\n${article.paragraphs.join('\n\n')}`);
}

function hashBytes(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64url');
}

/** What reading one file gave: its cache entry and, for rendering, its articles' bodies. */
export interface ReadResult {
  stored: StoredFile;
  bodies: FileBodies;
}

/** A file whose cached entry cannot be used: it is read, parsed and analysed again. */
export interface ReadJob {
  entry: ArticleFile;
  stat: { size: number; mtimeMs: number };
  /** The file's entry in the cache, whose unchanged articles keep their analysis. */
  previous?: StoredFile;
  /** The cache's topics come from another taxonomy: articles keep all of their analysis but those. */
  staleTopics?: boolean;
}

/** Reads files (in this thread or in workers): one result per job, in the jobs' order. */
export type FileReader = (
  jobs: readonly ReadJob[],
  onFileDone: (result: ReadResult) => void,
) => ReadResult[] | Promise<ReadResult[]>;

/** An article by the hash of its text, or undefined. */
export type ArticleFinder = (contentHash: string) => StoredArticle | undefined;

/**
 * Questions a finder answers by looking through the articles before it makes a map of them: a
 * look through 100,000 articles takes 3–14 ms, a map of them 60–150 ms (warm and cold).
 */
const LOOK_UPS_WITHOUT_MAP = 2;

/**
 * Finds the articles of these files by the hash of their text (the last, if several have it).
 * An edit or two asks once or twice, which a look through the articles answers sooner than a
 * map; a new day's file asks for each of its articles.
 */
export function articleFinder(files: readonly StoredFile[]): ArticleFinder {
  let byHash: Map<string, StoredArticle> | undefined;
  let asked = 0;
  return (contentHash) => {
    if (++asked <= LOOK_UPS_WITHOUT_MAP) {
      let found: StoredArticle | undefined;
      for (const f of files)
        for (const a of f.articles) if (a.contentHash === contentHash) found = a;
      return found;
    }
    if (!byHash) {
      byHash = new Map();
      for (const f of files) for (const a of f.articles) byHash.set(a.contentHash, a);
    }
    return byHash.get(contentHash);
  };
}

/**
 * A stored article as plain data, its fields in the order reading a file gives them: articles
 * read back from the state give their title and excerpt through getters, which structured
 * cloning, spreading and JSON leave out.
 */
export function plainArticle(a: StoredArticle): StoredArticle {
  return {
    date: a.date,
    ordinal: a.ordinal,
    title: a.title,
    source: a.source,
    excerpt: a.excerpt,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    topics: a.topics,
    names: a.names,
    keywords: a.keywords,
    contentHash: a.contentHash,
    summaryHash: a.summaryHash,
    textLength: a.textLength,
    slug: a.slug,
  };
}

/** A stored file as plain data, for another thread (see `plainArticle`). */
export function plainFile(file: StoredFile): StoredFile {
  return { ...file, articles: file.articles.map(plainArticle) };
}

/** What a stored article's text decided: its analysis, to reuse for the same text. */
function analysisOf(a: StoredArticle): Analysis {
  const { excerpt, wordCount, readingMinutes, topics, names, keywords } = a;
  return { excerpt, wordCount, readingMinutes, topics, names, keywords };
}

export function storeFile(
  { entry: { file, absolute }, stat, staleTopics }: ReadJob,
  previousArticle: ArticleFinder,
  analyze: Analyze,
): ReadResult {
  // Unreadable, readOneFile below reads it again and reports why. The bytes are used (parsed,
  // hashed) before anything else is read into the same buffer.
  const bytes = stat.size <= MAX_FILE_BYTES ? readIntoScratch(absolute) : undefined;
  const parsed = bytes ? parseFile(bytes, file) : readOneFile(file, absolute);
  const articles = parsed.articles.map((source) => {
    const contentHash = articleHash(source);
    const { paragraphs, ...header } = source;
    const textLength = paragraphs.reduce((sum, p) => sum + p.length, header.title.length);
    const previous = previousArticle(contentHash);
    const known = previous && analysisOf(previous);
    const analysis = known && !staleTopics ? known : analyze(source, known);
    return {
      ...header,
      ...analysis,
      contentHash,
      summaryHash: shortHash(
        `${header.date} ${header.ordinal}\n${header.title}\n${analysis.excerpt}`,
      ),
      textLength,
      slug: slugify(header.title),
    };
  });
  return {
    stored: {
      file,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      bytesHash: bytes ? hashBytes(bytes) : '',
      encoding: parsed.encoding,
      diagnostics: parsed.diagnostics,
      rejected: parsed.rejected,
      rejectedArticles: parsed.rejectedArticles,
      articles,
    },
    bodies: packBodies(parsed.articles),
  };
}

/**
 * Reads files one after another in this thread; an article whose text is anywhere in the cache
 * keeps its analysis, even if it moved to another file.
 */
export function readInThisThread(analyze: Analyze, cache?: ContentCache): FileReader {
  return (jobs, onFileDone) => {
    const anywhere = articleFinder(cache?.files ?? []);
    return jobs.map((job) => {
      const inFile = articleFinder(job.previous ? [job.previous] : []);
      const result = storeFile(job, (hash) => inFile(hash) ?? anywhere(hash), analyze);
      onFileDone(result);
      return result;
    });
  };
}

/**
 * The cache's entry for a file if the file has not changed, with its time as it is now. Size and
 * time alike say so at the cost of a `stat`, unless the time is racy; otherwise the bytes are
 * read and hashed: about 1.5 s for the 482 MB of a 100k archive after a checkout, where parsing
 * them again took 28 s.
 */
function unchangedFile(
  old: StoredFile,
  absolute: string,
  stat: { size: number; mtimeMs: number },
  writtenAt: number,
): StoredFile | undefined {
  if (old.size !== stat.size) return undefined;
  if (old.mtimeMs === stat.mtimeMs && stat.mtimeMs <= writtenAt - RACY_MS) return old;
  if (old.bytesHash === '' || hashOfFile(absolute) !== old.bytesHash) return undefined;
  return old.mtimeMs === stat.mtimeMs ? old : { ...old, mtimeMs: stat.mtimeMs };
}

/**
 * One buffer for the bytes of every file read or checked by its hash: a new buffer for each
 * file costs a page fault every 4 kB (2–20 µs each on these machines), up to 2 s of the 482 MB
 * of a 100k archive.
 */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** `hashBytes` of a file's bytes, read into `scratch`; undefined if it cannot be read. */
function hashOfFile(absolute: string): string | undefined {
  const bytes = readIntoScratch(absolute);
  return bytes && hashBytes(bytes);
}

/** A file's bytes in `scratch`, valid until the next call; undefined if it cannot be read. */
function readIntoScratch(absolute: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafeSlow(scratch.length * 2);
        scratch.copy(bigger);
        scratch = bigger;
      }
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Every header line of each UTF-8 file, rejected articles' too: where each article ends. */
function headerLines(files: readonly StoredFile[]): Map<string, number[]> {
  const headers = new Map<string, number[]>();
  for (const f of files) {
    if (f.encoding !== 'utf-8') continue;
    const lines = [
      ...f.articles.map((a) => a.source.line),
      ...f.rejectedArticles.map((r) => r.line),
    ];
    headers.set(
      f.file,
      lines.sort((a, b) => a - b),
    );
  }
  return headers;
}

/**
 * Reads the content folder, reusing the cache for every file whose bytes have not changed
 * (`unchangedFile`) and the analysis of every article whose text has not changed (an edit to
 * one article of a day's file re-analyses that article alone).
 */
export async function loadContent(
  contentDir: string,
  { analysisKey, textKey }: Pick<ContentCache, 'analysisKey' | 'textKey'>,
  read: (usableCache: ContentCache | undefined) => FileReader,
  cache?: ContentCache,
  onProgress?: (done: number, total: number) => void,
  onFileRead?: (file: StoredFile) => void,
): Promise<LoadedContent> {
  // Before any file is read: a file changed while this build reads it must look racy next time.
  const startedAt = Date.now();
  const usable = cache?.analysisKey === analysisKey ? cache : undefined;
  // After an edit of the taxonomy every file is read again, for its topics only.
  const staleTopics = !usable && cache?.textKey === textKey;
  const analysed = usable ?? (staleTopics ? cache : undefined);
  const previous = new Map(analysed?.files.map((f) => [f.file, f]));
  const listing = listArticleFiles(contentDir);
  const total = listing.files.length;
  const files: (StoredFile | undefined)[] = [];
  const jobs: ReadJob[] = [];
  const jobIndex: number[] = [];
  for (const entry of listing.files) {
    let stat: { size: number; mtimeMs: number } = { size: -1, mtimeMs: -1 };
    try {
      const s = statSync(entry.absolute);
      stat = { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      // Unreadable: readOneFile reports it.
    }
    const old = previous.get(entry.file);
    const reused = usable && old && unchangedFile(old, entry.absolute, stat, usable.writtenAt);
    if (reused) {
      files.push(reused);
    } else {
      jobIndex.push(files.length);
      files.push(undefined);
      jobs.push({ entry, stat, previous: old, staleTopics });
    }
  }
  let done = total - jobs.length;
  onProgress?.(done, total);
  const mentions = new MentionInterner();
  const fileDone = ({ stored }: ReadResult) => {
    for (const article of stored.articles) mentions.internAll(article.names);
    onFileRead?.(stored);
    onProgress?.(++done, total);
  };
  // A build that reads nothing needs no reader: the in-thread one indexes the whole cache.
  const results = jobs.length === 0 ? [] : await read(analysed)(jobs, fileDone);
  const bodies = new Map<string, FileBodies>();
  results.forEach((result, i) => {
    files[jobIndex[i]!] = result.stored;
    bodies.set(result.stored.file, result.bodies);
  });
  return {
    files: files as StoredFile[],
    bodies,
    diagnostics: listing.diagnostics,
    startedAt,
    filesRead: jobs.length,
    filesReused: total - jobs.length,
  };
}

/**
 * Article bodies for rendering: from this run's reads when the file was read, otherwise read
 * again from the file (only pages that must be rendered ask): the article's own lines first
 * (parse-one-article.ts), the whole file when those do not give the text the cache has.
 */
export class BodyStore {
  readonly #contentDir: string;
  /** Bodies read in this run: the texts this run's hashes were made from. */
  readonly #read: Map<string, FileBodies>;
  /** Bodies read again for rendering, which may have changed since the cache was written. */
  readonly #reread = new Map<string, SourceArticle[]>();
  readonly #files: readonly StoredFile[];
  /** The header lines of each UTF-8 file's articles, in order, made on first use. */
  #headers: Map<string, number[]> | undefined;

  constructor(contentDir: string, bodies: Map<string, FileBodies>, files: readonly StoredFile[]) {
    this.#contentDir = contentDir;
    this.#read = bodies;
    this.#files = files;
  }

  paragraphs(article: Article): string[] {
    const { file, line } = article.source;
    const read = this.#read.get(file);
    const body = read && bodyAt(read, line);
    if (body) return body;
    const alone = this.#readAlone(file, line);
    if (alone && articleHash(alone) === article.contentHash) return alone.paragraphs;
    let articles = this.#reread.get(file);
    if (!articles) {
      articles = readOneFile(file, `${this.#contentDir}/${file}`).articles;
      this.#reread.set(file, articles);
    }
    const found = articles.find((a) => a.source.line === line);
    if (!found || articleHash(found) !== article.contentHash) {
      throw new Error(`${file}:${line} changed while the site was being built; build again.`);
    }
    return found.paragraphs;
  }

  /** The article at `line` parsed from its own lines, up to the next header the cache knows. */
  #readAlone(file: string, line: number): SourceArticle | undefined {
    this.#headers ??= headerLines(this.#files);
    const headers = this.#headers.get(file);
    if (!headers) return undefined;
    const bytes = readIntoScratch(`${this.#contentDir}/${file}`);
    return (
      bytes &&
      parseOneArticle(
        bytes,
        file,
        line,
        headers.find((h) => h > line),
      )
    );
  }

  withBody(article: Article): Article & { paragraphs: string[] } {
    // Title and excerpt may be getters, which a spread leaves out.
    const { title, excerpt } = article;
    return { ...article, title, excerpt, paragraphs: this.paragraphs(article) };
  }
}
