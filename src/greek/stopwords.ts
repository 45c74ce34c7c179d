import { createRequire } from 'node:module';
import { fold } from './fold.ts';

const require = createRequire(import.meta.url);
const lists = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

/** Greek function words, folded; the published list mixes accented and plain spellings. */
const STOPWORDS: ReadonlySet<string> = new Set((lists.el ?? []).map(fold));

/** Whether a word (in any case or accentuation) is a Greek function word. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(fold(word));
}

/**
 * `isStopword` of a word already folded: one look-up in a small set. Analysis asks it of every
 * word, and folding is idempotent (tested on every character), so folding again is waste.
 */
export function isFoldedStopword(folded: string): boolean {
  return STOPWORDS.has(folded);
}

/** The folded function words, sorted: for a reader that must leave out the same words. */
export function foldedStopwords(): string[] {
  return [...STOPWORDS].sort();
}
