// The stemmer's own file, not the package's index: the search page's script bundles this module
// (search-engine.ts), and the index would bring the package's tokenizer and sentiment lists too.
import StemmerEl from '@nlpjs/lang-el/src/stemmer-el.js';
import { memo } from '../memo.ts';
import { fold } from './fold.ts';

const stemmer = new StemmerEl();

/** Stems shorter than this lose too much (`Ιράν` → `ιρ`): such words are kept whole. */
const MIN_STEM_LENGTH = 3;

/**
 * The stem of one word, on its folded form: `Ρωσίας` and `Ρωσία` both give `ρωσ`.
 * Non-Greek words come back folded but unstemmed.
 */
export function stem(word: string): string {
  return stemFolded(fold(word));
}

/** Stems by folded word: the stemmer's rules are slow and an archive repeats its words. */
const stemFolded = memo((folded: string): string => {
  const stemmed = stemmer.stemWord(folded);
  return stemmed.length >= MIN_STEM_LENGTH ? stemmed : folded;
}, 500_000);
