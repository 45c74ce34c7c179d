import { memo } from '../memo.ts';

const COMBINING_MARKS = /\p{M}/gu;

/**
 * The comparison key of Greek text: no accents or diaeresis, lower case, final sigma as σ.
 * Two spellings a reader would call the same word (`Άμυνας`, `ΑΜΥΝΑΣ`, `αμυνας`) fold alike.
 */
export function fold(text: string): string {
  return text.length > MEMO_MAX_LENGTH ? foldUncached(text) : foldShort(text);
}

/**
 * Analysis folds every word of every article, and a news archive repeats its words: remembering
 * the folded form of short strings (words, names) makes that several times faster. Bounded, so
 * a huge archive's vocabulary cannot grow it without limit.
 */
const foldShort = memo(foldUncached, 500_000);
const MEMO_MAX_LENGTH = 32;

function foldUncached(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      // Lower-casing has no Greek-specific rules (only upper-casing does), and the plain call is
      // several times faster than the locale-aware one on every word of every article.
      .toLowerCase()
      .replaceAll('ς', 'σ')
  );
}

/**
 * Upper case as Greek typography wants it: accents dropped (`Άμυνα` → `ΑΜΥΝΑ`), and a dialytika
 * added where the dropped accent kept two vowels apart (`Μάιος` → `ΜΑΪΟΣ`, not `ΜΑΙΟΣ`, which
 * reads as a diphthong). ICU's Greek rules know this; CSS `text-transform` does it only in some
 * browsers, so headings shown in capitals are written in capitals.
 */
export function upperGreek(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('el');
}
