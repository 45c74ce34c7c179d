import { isContentWord, stemFolded, WordTable } from './topics-text.ts';

/** Stems shorter than this are mostly inflection left-overs or abbreviations, poor evidence. */
export const MIN_STEM_LENGTH = 4;
export const KEYWORD_COUNT = 12;

/** Id of a word that is no keyword (stopword, short word, short stem). */
const NOT_A_KEYWORD = 0;

/** Keyword stems by id (index 0 unused), and their ids. */
const stems: string[] = [''];
const stemIds = new Map<string, number>();

/** The id of a folded word's stem when that stem can be a keyword. */
function keywordId(folded: string): number {
  if (!isContentWord(folded)) return NOT_A_KEYWORD;
  const stem = stemFolded(folded);
  if (stem.length < MIN_STEM_LENGTH) return NOT_A_KEYWORD;
  let id = stemIds.get(stem);
  if (id === undefined) {
    id = stems.length;
    stems.push(stem);
    stemIds.set(stem, id);
  }
  return id;
}

/**
 * Each article's words are read through this table: folding, stopword test and stemming are
 * done once per distinct word of the archive rather than once per word read.
 */
const table = new WordTable(keywordId, NOT_A_KEYWORD + 1);
let ids = new Int32Array(4096);

/**
 * The stems that say what an article is about, for finding related articles: from its title
 * (counted twice) and its lead (the first two paragraphs), where news puts the story. Reading
 * the lead only keeps this cheap over a whole archive. Most frequent first, ties by stem.
 */
export function keywords(
  article: { title: string; paragraphs: readonly string[] },
  count = KEYWORD_COUNT,
): string[] {
  const frequency = new Map<number, number>();
  const add = (text: string, weight: number) => {
    if (ids.length < text.length / 2 + 1) ids = new Int32Array(text.length);
    const end = table.scan(text, ids, 0);
    for (let i = 0; i < end; i++) frequency.set(ids[i]!, (frequency.get(ids[i]!) ?? 0) + weight);
  };
  add(article.title, 2);
  for (const paragraph of article.paragraphs.slice(0, 2)) add(paragraph, 1);
  return [...frequency]
    .map(([id, n]): [string, number] => [stems[id]!, n])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([stem]) => stem);
}
