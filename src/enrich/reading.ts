import { countWords } from '../greek/tokenize.ts';

/** Words a minute for news prose read on screen; Greek words run long, so below the English 230. */
export const WORDS_PER_MINUTE = 200;

export interface ReadingStats {
  wordCount: number;
  readingMinutes: number;
}

export function readingStats(title: string, paragraphs: readonly string[]): ReadingStats {
  let wordCount = countWords(title);
  for (const paragraph of paragraphs) wordCount += countWords(paragraph);
  return { wordCount, readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)) };
}
