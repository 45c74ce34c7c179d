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

/** `analyzeArticle` with the topics of a taxonomy. */
export function articleAnalyzer(taxonomy: CompiledTaxonomy): (source: SourceArticle) => Analysis {
  return (source) => analyzeArticle(source, (a) => assignTopics(a, taxonomy));
}
