import { articleAnalyzer } from '../enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../enrich/taxonomy.ts';
import { compareDiagnostics } from '../ingest/diagnostics.ts';
import type { RejectedArticle } from '../ingest/parse-articles.ts';
import {
  MIN_DUPLICATE_TEXT_LENGTH,
  rejectDuplicates,
  warnDuplicateTexts,
} from '../ingest/read-content.ts';
import type {
  Archive,
  Article,
  Diagnostic,
  NameMention,
  SourceLocation,
  TopicScore,
} from '../model.ts';
import {
  articleFinder,
  BodyStore,
  hashText,
  loadContent,
  readInThisThread,
  type ContentCache,
  type StoredArticle,
  type StoredFile,
} from './article-store.ts';
import { buildArchive } from './build-archive.ts';
import type { PreviousRelated, RelatedMemo } from './related.ts';
import { Fingerprinted } from './fingerprint.ts';
import { defaultThreads, readInWorkers } from './read-workers.ts';
import { loadSiteSettings } from './site-settings.ts';
import { articleId, articleUrl } from './urls.ts';

export interface ArchiveCounts {
  files: number;
  articles_read: number;
  published: number;
  rejected: number;
}

/** Everything the site needs, planned, with what was wrong and what to cache for next time. */
export interface PreparedBuild {
  contentDir: string;
  archive: Archive;
  bodies: BodyStore;
  diagnostics: Diagnostic[];
  /** Every article read and left out, with its reasons. */
  rejected: RejectedArticle[];
  counts: ArchiveCounts;
  /** What the next build can reuse. */
  cache: ContentCache;
  /**
   * A hash of everything the archive is made from (code, taxonomy, settings, every file's size
   * and bytes): equal hashes, equal archive.
   */
  inputs: string;
  filesRead: number;
  /** The related lists of this build's archive, for the next build (plans the archive). */
  readonly related: RelatedState;
}

/** Related lists as a build leaves them, valid for one analysis version. */
export interface RelatedState {
  analysisKey: string;
  memo: RelatedMemo;
}

export interface PrepareOptions {
  cache?: ContentCache;
  /** Part of the cache key besides the taxonomy: the version of the code that analyses. */
  codeVersion?: string;
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Threads that read and analyse files; 1 reads in this thread. Default: one per core. */
  threads?: number;
  /** The previous build's related lists (with `cache`, the content they were made from). */
  related?: RelatedState;
  /** Each file read (not those reused from `cache`), as it is, with the cache's analysis key. */
  onFileRead?: (file: StoredFile, analysisKey: string) => void;
}

/** The previous related lists if they were made by this analysis, with their articles. */
function previousRelated(
  options: PrepareOptions,
  analysisKey: string,
): PreviousRelated | undefined {
  const { related, cache } = options;
  if (related?.analysisKey !== analysisKey || cache?.analysisKey !== analysisKey) return undefined;
  return { memo: related.memo, featuresOf: articleFinder(cache.files) };
}

/**
 * A published article. In fingerprints it stands as its id, the hash of its text and its
 * topics: the id and the text decide the URL (its slug is the title's); the taxonomy, not the
 * text, decides the topics. Topic names are the site fingerprint's.
 */
class PublishedArticle extends Fingerprinted implements Article {
  /** Title and excerpt are read from it when asked for (see `UnpackedArticle`). */
  readonly #stored: StoredArticle;
  id: string;
  url: string;
  date: string;
  ordinal: number;
  source: SourceLocation;
  wordCount: number;
  readingMinutes: number;
  topics: TopicScore[];
  names: NameMention[];
  keywords: string[];
  contentHash: string;
  summaryHash: string;
  slug: string;

  constructor(stored: StoredArticle, id: string) {
    let topics = '';
    for (const t of stored.topics) topics += ` ${t.slug}:${t.score}`;
    super(`${id} ${stored.contentHash}${topics}`);
    this.#stored = stored;
    this.id = id;
    this.url = articleUrl(stored.date, stored.ordinal, stored.slug);
    this.date = stored.date;
    this.ordinal = stored.ordinal;
    this.source = stored.source;
    this.wordCount = stored.wordCount;
    this.readingMinutes = stored.readingMinutes;
    this.topics = stored.topics;
    this.names = stored.names;
    this.keywords = stored.keywords;
    this.contentHash = stored.contentHash;
    this.summaryHash = stored.summaryHash;
    this.slug = stored.slug;
  }

  get title(): string {
    return this.#stored.title;
  }

  get excerpt(): string {
    return this.#stored.excerpt;
  }
}

export function toArticle(stored: StoredArticle): Article {
  return new PublishedArticle(stored, articleId(stored.date, stored.ordinal));
}

/**
 * Resolves duplicate (date, ordinal) pairs across files without touching the cached entries:
 * which copy wins depends on every file, so it is decided afresh on each build.
 */
function publishable(files: readonly StoredFile[]): {
  articles: StoredArticle[];
  diagnostics: Diagnostic[];
  rejected: RejectedArticle[];
} {
  const copies = files.map((f) => ({
    ...f,
    articles: [...f.articles],
    diagnostics: [...f.diagnostics],
    rejectedArticles: [...f.rejectedArticles],
  }));
  rejectDuplicates(copies);
  warnDuplicateTexts(copies, (a) =>
    a.textLength >= MIN_DUPLICATE_TEXT_LENGTH ? a.contentHash : undefined,
  );
  const articles: StoredArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  const rejected: RejectedArticle[] = [];
  for (const f of copies) {
    articles.push(...f.articles);
    diagnostics.push(...f.diagnostics);
    rejected.push(...f.rejectedArticles);
  }
  return { articles, diagnostics, rejected };
}

/** Reads a content folder and plans the whole archive: the pipeline up to, not including, HTML. */
export async function prepareBuild(
  contentDir: string,
  options: PrepareOptions = {},
): Promise<PreparedBuild> {
  const settings = loadSiteSettings(contentDir);
  const taxonomy = loadCompiledTaxonomy(contentDir);
  const version = options.codeVersion ?? '';
  const textKey = hashText(version);
  const analysisKey = hashText(`${version}\n${taxonomy.definition}`);
  const analyze = articleAnalyzer(taxonomy.compiled);
  const threads = options.threads ?? defaultThreads();
  const content = await loadContent(
    contentDir,
    { analysisKey, textKey },
    (usable) => readInWorkers(contentDir, threads, readInThisThread(analyze, usable)),
    options.cache,
    options.onProgress,
    options.onFileRead && ((file) => options.onFileRead!(file, analysisKey)),
  );
  const { articles, diagnostics, rejected } = publishable(content.files);
  const allDiagnostics = [
    ...content.diagnostics,
    ...diagnostics,
    ...settings.diagnostics,
    ...taxonomy.diagnostics,
  ];
  allDiagnostics.sort(compareDiagnostics);
  let archive: Archive | undefined;
  let related: RelatedMemo | undefined;
  // Taken now, so that the plan below keeps the previous cache only when it can use it: after a
  // change of code or taxonomy it is garbage, hundreds of megabytes in a large archive.
  const reuse = previousRelated(options, analysisKey);
  const plan = (): Archive =>
    (archive ??= buildArchive(articles.map(toArticle), taxonomy.compiled.topics, settings.site, {
      previousRelated: reuse,
      onRelated: (memo) => (related = memo),
    }));
  const inputs = hashText(
    JSON.stringify([
      analysisKey,
      settings.site,
      // A file's bytes, not its time: a checkout that gives every file a new time changes
      // nothing. Its time stands in for bytes that could not be read.
      content.files.map((f) => [f.file, f.size, f.bytesHash || f.mtimeMs]),
    ]),
  );
  return {
    contentDir,
    // Planned on first use: a build that finds nothing changed never needs it.
    get archive() {
      return plan();
    },
    get related() {
      plan();
      return { analysisKey, memo: related! };
    },
    inputs,
    bodies: new BodyStore(contentDir, content.bodies, content.files),
    diagnostics: allDiagnostics,
    rejected,
    counts: {
      files: content.files.length,
      articles_read: articles.length + rejected.length,
      published: articles.length,
      rejected: rejected.length,
    },
    cache: { analysisKey, textKey, writtenAt: content.startedAt, files: content.files },
    filesRead: content.filesRead,
  };
}
