import type { Analysis, SourceArticle, TopicScore } from '../model.ts';
import { excerpt } from './excerpt.ts';
import { keywords } from './keywords.ts';
import { extractNames } from './names.ts';
import { readingStats } from './reading.ts';
import type { CompiledTaxonomy } from './taxonomy.ts';
import { assignTopics } from './topics.ts';

export type TopicAssigner = (article: Pick<SourceArticle, 'title' | 'paragraphs'>) => TopicScore[];

/** Everything the build derives from one article's own text; depends on nothing else. */
export function analyzeArticle(source: SourceArticle, assignTopics: TopicAssigner): Analysis {
  return {
    excerpt: excerpt(source.paragraphs),
    ...readingStats(source.title, source.paragraphs),
    topics: assignTopics(source),
    names: extractNames(source),
    keywords: keywords(source),
  };
}

/**
 * `analyzeArticle` with the topics of a taxonomy. Given `known`, an analysis of the same text
 * made with another taxonomy, only the topics are worked out again: the rest depends on the
 * text alone, and finding names is most of the cost.
 */
export function articleAnalyzer(
  taxonomy: CompiledTaxonomy,
): (source: SourceArticle, known?: Analysis) => Analysis {
  return (source, known) =>
    known
      ? { ...known, topics: assignTopics(source, taxonomy) }
      : analyzeArticle(source, (a) => assignTopics(a, taxonomy));
}
