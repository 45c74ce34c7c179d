import type { Analysis, SourceArticle, TopicScore } from '../model.ts';
import { excerpt } from './excerpt.ts';
import { keywords } from './keywords.ts';
import { extractNames } from './names.ts';
import { readingStats } from './reading.ts';

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
