import { contentStems } from './topics-text.ts';

/** Stems shorter than this are mostly inflection left-overs or abbreviations, poor evidence. */
const MIN_STEM_LENGTH = 4;
export const KEYWORD_COUNT = 12;

/**
 * The stems that say what an article is about, for finding related articles: from its title
 * (counted twice) and its lead (the first two paragraphs), where news puts the story. Reading
 * the lead only keeps this cheap over a whole archive. Most frequent first, ties by stem.
 */
export function keywords(
  article: { title: string; paragraphs: readonly string[] },
  count = KEYWORD_COUNT,
): string[] {
  const frequency = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const stem of contentStems(text)) {
      if (stem.length >= MIN_STEM_LENGTH) frequency.set(stem, (frequency.get(stem) ?? 0) + weight);
    }
  };
  add(article.title, 2);
  for (const paragraph of article.paragraphs.slice(0, 2)) add(paragraph, 1);
  return [...frequency]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([stem]) => stem);
}
