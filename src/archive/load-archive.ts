import { slugify } from '../greek/slug.ts';
import { analyzeArticle, type TopicAssigner } from '../enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../enrich/taxonomy.ts';
import { assignTopics } from '../enrich/topics.ts';
import { readContent } from '../ingest/read-content.ts';
import type { Archive, Article, Diagnostic, SourceArticle } from '../model.ts';
import { buildArchive } from './build-archive.ts';
import { loadSiteSettings } from './site-settings.ts';
import { articleId, articleUrl } from './urls.ts';

export interface ArchiveCounts {
  files: number;
  articles_read: number;
  published: number;
  rejected: number;
}

export interface LoadedArchive {
  contentDir: string;
  archive: Archive;
  diagnostics: Diagnostic[];
  counts: ArchiveCounts;
}

export interface LoadOptions {
  onProgress?: (filesDone: number, filesTotal: number) => void;
}

export function toArticle(source: SourceArticle, assignTopics: TopicAssigner): Article {
  const slug = slugify(source.title);
  return {
    ...source,
    ...analyzeArticle(source, assignTopics),
    id: articleId(source.date, source.ordinal),
    slug,
    url: articleUrl(source.date, source.ordinal, slug),
  };
}

/** Reads a content folder and plans the whole archive: the pipeline up to, not including, HTML. */
export function loadArchive(contentDir: string, options: LoadOptions = {}): LoadedArchive {
  const content = readContent(contentDir, options.onProgress);
  const settings = loadSiteSettings(contentDir);
  const taxonomy = loadCompiledTaxonomy(contentDir);
  const assign: TopicAssigner = (article) => assignTopics(article, taxonomy.compiled);
  const articles = content.articles.map((source) => toArticle(source, assign));
  return {
    contentDir,
    archive: buildArchive(articles, taxonomy.compiled.topics, settings.site),
    diagnostics: [...content.diagnostics, ...settings.diagnostics, ...taxonomy.diagnostics],
    counts: content.counts,
  };
}
