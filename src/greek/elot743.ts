/**
 * ELOT 743 (ISO 843) transcription of Greek to Latin letters, with the accents the standard
 * keeps (`Θεσσαλονίκη` → `Thessaloníki`). Characters outside Greek words pass through.
 */
import { memo } from '../memo.ts';

/** Latin spelling of each lower-case Greek letter, before the context rules below. */
const LETTERS: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** First vowels of αυ, ευ, ηυ, whose υ is pronounced as v or f. */
const V_DIPHTHONG_STARTS = new Set(['α', 'ε', 'η']);

/** After these (vowels and voiced consonants) the υ of αυ/ευ/ηυ sounds v; elsewhere f. */
const VOICING_FOLLOWERS = new Set([...'αεηιουω', ...'βγδζλμνρ']);

/** Before these γ is nasal: γγ → ng, γξ → nx, γχ → nch (but γκ → gk). */
const NASALISING_FOLLOWERS = new Set(['γ', 'ξ', 'χ']);

const ACUTE = '\u0301';
const DIAERESIS = '\u0308';

/**
 * A Greek letter with the two marks ELOT 743 keeps. Polytonic marks (breathings, grave,
 * circumflex, iota subscript) have no Latin counterpart in it and are dropped.
 */
interface Letter {
  /** The letter as written, for letters ELOT 743 has no spelling for. */
  base: string;
  lower: string;
  upper: boolean;
  accent: boolean;
  diaeresis: boolean;
}

/** A run of Greek letters with their combining marks: the unit the context rules look in. */
const GREEK_WORD = /(?:[\p{Script=Greek}&&\p{L}]\p{M}*)+/gv;
const LETTER_WITH_MARKS = /\P{M}\p{M}*/gu;
const COMBINING_MARK = /\p{M}/u;

/** Transcribes Greek text to Latin following ELOT 743; non-Greek text is left as it is. */
export function transcribe(text: string): string {
  return text.normalize('NFC').replace(GREEK_WORD, transcribeKnown);
}

/**
 * Words already transcribed: titles and names keep coming back to an archive's vocabulary,
 * and a word's transcription (letters, context rules, normalisation) costs some 7 µs.
 */
const transcribeKnown = memo(transcribeWord, 100_000);

function transcribeWord(word: string): string {
  const letters = splitLetters(word);
  // `ΧΑΝΙΑ` → `CHANIA`, but a lone capital (`Θ`) or a capitalised word gives `Th…`.
  const allCaps = letters.length > 1 && letters.every((letter) => letter.upper);
  let latin = '';
  let marked = false;
  for (let index = 0; index < letters.length; index++) {
    const letter = letters[index]!;
    const previous = letters[index - 1];
    const next = letters[index + 1];
    const spelled = spell(letter, previous, next, index) ?? letter.base;
    latin += allCaps ? spelled.toUpperCase() : letter.upper ? capitalise(spelled) : spelled;
    // Diaeresis before acute, so that NFC composes `ḯ` from ΐ.
    if (letter.diaeresis) latin += DIAERESIS;
    if (carriesAccent(letter, previous, next)) latin += ACUTE;
    marked ||= letter.diaeresis || letter.accent;
  }
  return marked ? latin.normalize('NFC') : latin;
}

/** Letters by character: a title has a few dozen distinct ones, an archive a few hundred. */
const LETTERS_BY_CHAR = new Map<string, Letter>();

function toLetter(cluster: string): Letter {
  const decomposed = cluster.normalize('NFD');
  const base = decomposed.charAt(0);
  // Plain lower-casing: Greek has no locale-specific rules for single letters, and the
  // locale-aware call costs several times more on every letter of every title.
  const lower = base.toLowerCase();
  return {
    base,
    lower,
    upper: lower !== base,
    accent: decomposed.includes(ACUTE),
    diaeresis: decomposed.includes(DIAERESIS),
  };
}

function splitLetters(word: string): Letter[] {
  // Text is NFC, so a mark left over is one with no precomposed letter: rare, done slowly.
  if (COMBINING_MARK.test(word)) {
    return (word.normalize('NFD').match(LETTER_WITH_MARKS) ?? []).map(toLetter);
  }
  return Array.from(word, (char) => {
    let letter = LETTERS_BY_CHAR.get(char);
    if (letter === undefined) {
      letter = toLetter(char);
      LETTERS_BY_CHAR.set(char, letter);
    }
    return letter;
  });
}

/** Whether υ after `first` forms one sound with it: not if `first` is accented or υ has a dialytika. */
function joinsUpsilon(first: Letter | undefined, second: Letter | undefined): boolean {
  return first !== undefined && second?.lower === 'υ' && !first.accent && !second.diaeresis;
}

function isVDiphthong(first: Letter | undefined, second: Letter | undefined): boolean {
  return joinsUpsilon(first, second) && V_DIPHTHONG_STARTS.has(first?.lower ?? '');
}

/**
 * The Latin letters of a Greek letter, lower case, given its neighbours in the word;
 * undefined for letters ELOT 743 does not cover (archaic ϝ, symbol forms such as ϐ).
 */
function spell(
  letter: Letter,
  previous: Letter | undefined,
  next: Letter | undefined,
  index: number,
): string | undefined {
  switch (letter.lower) {
    case 'υ':
      if (isVDiphthong(previous, letter)) {
        return next !== undefined && VOICING_FOLLOWERS.has(next.lower) ? 'v' : 'f';
      }
      return joinsUpsilon(previous, letter) && previous?.lower === 'ο' ? 'u' : 'y';
    // Strict ELOT 743 also writes a word-final μπ as b (`Τραμπ` → `Trab`). Word-final μπ
    // occurs almost only in foreign names, which readers and news sites expect in their
    // original spelling (`Tramp`), so only a word-initial μπ becomes b.
    case 'μ':
      return index === 0 && next?.lower === 'π' ? 'b' : 'm';
    case 'π':
      return index === 1 && previous?.lower === 'μ' ? '' : 'p';
    case 'γ':
      return next !== undefined && NASALISING_FOLLOWERS.has(next.lower) ? 'n' : 'g';
    default:
      return LETTERS[letter.lower];
  }
}

/** The accent of αύ, εύ, ηύ moves to the first vowel (`Εύβοια` → `Évvoia`); others stay. */
function carriesAccent(
  letter: Letter,
  previous: Letter | undefined,
  next: Letter | undefined,
): boolean {
  if (isVDiphthong(letter, next)) return next?.accent === true;
  return letter.accent && !isVDiphthong(previous, letter);
}

function capitalise(latin: string): string {
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}
