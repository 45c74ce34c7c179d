/**
 * Words that mix Greek and Latin letters: usually a Latin `A`, `O`, `K`… typed inside a Greek
 * word (or the reverse) because the two look alike. Such a word breaks search, topics and
 * slugs. When every letter of the minority script has a look-alike in the majority script,
 * the word is rewritten in the majority script (ties go to Greek); otherwise it is kept as
 * written. Either way the caller reports it. Pure.
 */
import { unitTable } from '../unit-table.ts';

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
const WORD = /[\p{L}\p{M}]+/gu;
const MARK = /\p{M}/u;
const ANY_LATIN_OR_MICRO = /[\p{sc=Latin}µ]/u;

export interface MixedWord {
  /** 0-based index of the word in the line, in UTF-16 code units. */
  index: number;
  word: string;
  /** The word in one script, when every odd letter had a look-alike; else undefined. */
  fixed?: string;
}

/** Per UTF-16 code unit: part of a word (`WORD`), a Greek letter, a Latin letter or micro sign. */
const IN_WORD = 1;
const GREEK_UNIT = 2;
const LATIN_UNIT = 4;
const IN_WORD_CHAR = /^[\p{L}\p{M}]$/u;
const UNIT_CLASS = unitTable(Uint8Array, (char) =>
  IN_WORD_CHAR.test(char)
    ? IN_WORD |
      (GREEK.test(char) ? GREEK_UNIT : 0) |
      (ANY_LATIN_OR_MICRO.test(char) ? LATIN_UNIT : 0)
    : 0,
);

/**
 * Whether some word of the line may mix the scripts. One pass over the code units with a
 * table, instead of two regular-expression searches per word: most lines of Greek news have a
 * Latin name somewhere, but hardly ever inside a Greek word. Characters outside the Basic
 * Multilingual Plane (surrogates) send the line the exact way.
 */
function mayMix(line: string): boolean {
  let word = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= 0xd800 && code < 0xe000) return true;
    const unit = UNIT_CLASS[code]!;
    if (unit === 0) word = 0;
    else if ((word |= unit) === (IN_WORD | GREEK_UNIT | LATIN_UNIT)) return true;
  }
  return false;
}

/** Mixed-script words of a line, and the line with the fixable ones rewritten. */
export function fixMixedScript(line: string): { text: string; words: MixedWord[] } {
  if (!mayMix(line)) return { text: line, words: [] };
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
  if (!GREEK.test(word) || !ANY_LATIN_OR_MICRO.test(word)) return undefined;
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
