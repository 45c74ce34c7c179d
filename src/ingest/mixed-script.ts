/**
 * Words that mix Greek and Latin letters: usually a Latin `A`, `O`, `K`… typed inside a Greek
 * word (or the reverse) because the two look alike. Such a word breaks search, topics and
 * slugs. When every letter of the minority script has a look-alike in the majority script,
 * the word is rewritten in the majority script (ties go to Greek); otherwise it is kept as
 * written. Either way the caller reports it. Pure.
 */

/** Latin letters and the Greek letters they are mistaken for. */
const LATIN_TO_GREEK: Readonly<Record<string, string>> = {
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  H: 'Η',
  I: 'Ι',
  K: 'Κ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Ρ',
  T: 'Τ',
  X: 'Χ',
  Y: 'Υ',
  Z: 'Ζ',
  a: 'α',
  i: 'ι',
  k: 'κ',
  o: 'ο',
  p: 'ρ',
  u: 'υ',
  v: 'ν',
  x: 'χ',
  // The micro sign (script Common) typed for mu.
  µ: 'μ',
};

const GREEK_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_GREEK)
    .filter(([latin]) => latin !== 'µ')
    .map(([latin, greek]) => [greek, latin]),
);

const GREEK = /\p{sc=Greek}/u;
const LATIN = /\p{sc=Latin}/u;
/** A line worth a closer look: it has a Greek letter and a Latin letter (or a micro sign). */
const HAS_GREEK = /[\u0370-\u03FF\u1F00-\u1FFF]/;
const HAS_LATIN = /[A-Za-z\u00B5\u00C0-\u024F\u1E00-\u1EFF]/;
const WORD = /[\p{L}\p{M}]+/gu;
const MARK = /\p{M}/u;
const ANY_GREEK = /\p{sc=Greek}/u;
const ANY_LATIN_OR_MICRO = /[\p{sc=Latin}µ]/u;

export interface MixedWord {
  /** 0-based index of the word in the line, in UTF-16 code units. */
  index: number;
  word: string;
  /** The word in one script, when every odd letter had a look-alike; else undefined. */
  fixed?: string;
}

/** Mixed-script words of a line, and the line with the fixable ones rewritten. */
export function fixMixedScript(line: string): { text: string; words: MixedWord[] } {
  if (!HAS_GREEK.test(line) || !HAS_LATIN.test(line)) return { text: line, words: [] };
  const words: MixedWord[] = [];
  const text = line.replace(WORD, (word: string, index: number) => {
    const result = checkWord(word);
    if (result === undefined) return word;
    words.push(result === word ? { index, word } : { index, word, fixed: result });
    return result;
  });
  return { text, words };
}

/** Undefined for a word in one script; else the word rewritten, or itself when it cannot be. */
function checkWord(word: string): string | undefined {
  // Almost every word is in one script: two native searches settle it without a loop.
  if (!ANY_GREEK.test(word) || !ANY_LATIN_OR_MICRO.test(word)) return undefined;
  let greek = 0;
  let latin = 0;
  let micro = 0;
  for (const char of word) {
    if (char === 'µ') micro++;
    else if (GREEK.test(char)) greek++;
    else if (LATIN.test(char)) latin++;
  }
  if (greek === 0 || latin + micro === 0) return undefined;
  // The majority script first (Greek on a tie), then the other one: `ΑΙDS` → `AIDS`.
  const first = greek >= latin;
  return rewrite(word, first) ?? rewrite(word, !first) ?? word;
}

/** The word with every letter of the other script replaced by its look-alike, if all have one. */
function rewrite(word: string, toGreek: boolean): string | undefined {
  const map = toGreek ? LATIN_TO_GREEK : GREEK_TO_LATIN;
  const odd = toGreek ? LATIN : GREEK;
  // Decomposed, so that an accented look-alike (Latin `Á`) keeps its accent on the Greek `Ά`.
  let out = '';
  for (const char of word.normalize('NFD')) {
    if (MARK.test(char) || !(odd.test(char) || (toGreek && char === 'µ'))) {
      out += char;
      continue;
    }
    const replacement = map[char];
    if (replacement === undefined) return undefined;
    out += replacement;
  }
  return out.normalize('NFC');
}
