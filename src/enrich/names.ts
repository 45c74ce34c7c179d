/**
 * Names of people, places and organisations in Greek news text, without a trained model:
 * runs of capitalised words that do not start a sentence, all-caps acronyms, a gazetteer of
 * countries (CLDR, built into Node), capitals and well-known organisations, given names, title
 * words as context, and case-ending tolerance when the mentions of one name are grouped.
 *
 * Pure and deterministic: the same text always gives the same names in the same order.
 */
import { slugify } from '../greek/slug.ts';
import { memo } from '../memo.ts';
import { isFoldedStopword } from '../greek/stopwords.ts';
import {
  CLUB_PREFIXES,
  GAZETTEER,
  LATIN_CONNECTORS,
  NAME_PARTICLES,
  foldWord,
  givenName,
  isCalendarWord,
  isCommonCapitalised,
  isDepartment,
  isExtraStopword,
  isLatinGivenName,
  isLatinOrganisationWord,
  isNonNameAcronym,
  isOrganisationCue,
  isOrganisationHead,
  isPersonCue,
  isPlaceAcronym,
  isPlaceCue,
  isTitleWord,
  looksLikeDemonym,
  formKey,
  nameStem,
  nationalityCountry,
  phraseKey,
  type GazetteerEntry,
  type NameKind,
} from './names-lexicon.ts';

export type { NameKind } from './names-lexicon.ts';

import type { NameMention } from '../model.ts';

export type { NameMention };

/** One mention of a name in a text, by UTF-16 offsets (`text.slice(start, end)`). */
export interface NameSpan {
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
  /** The key of the name it belongs to (a surname mention carries the full name's key). */
  key: string;
  kind: NameKind;
}

/** The text of an article as the name finder reads it: title and paragraphs, blank-line separated. */
export function articleText(article: { title: string; paragraphs: readonly string[] }): string {
  return [article.title, ...article.paragraphs].join('\n\n');
}

/** Every name mention in a text, in order of position. */
export function findNameSpans(text: string): NameSpan[] {
  return analyse(text).spans;
}

/** The distinct names of an article, in order of first mention. */
export function extractNames(article: {
  title: string;
  paragraphs: readonly string[];
}): NameMention[] {
  const { entities } = analyse(articleText(article));
  return entities.map((e) => ({
    key: e.key,
    name: e.name,
    kind: e.kind,
    count: e.count,
    slug: slugOf(e.key),
  }));
}

/** `slugify`, remembered: the same names come back in article after article. */
const slugOf = memo((key: string) => slugify(key), 50_000);

// ---------------------------------------------------------------------------------------------
// Words

type Script = 'el' | 'la' | 'none';
type Shape = 'upper' | 'title' | 'lower' | 'camel' | 'none';

interface Word {
  start: number;
  end: number;
  /** The word as written, with Latin/Greek look-alike letters put in the word's own script. */
  text: string;
  folded: string;
  stem: string;
  /** The word's part of a phrase key (`phraseKey` of the word alone). */
  keyPart: string;
  /** The word's part of a gazetteer look-up key (`formKey` of the word alone). */
  formPart: string;
  /** A Greek function word (`και`, `του`, `σύμφωνα`); computed when first asked. */
  stop?: boolean;
  script: Script;
  shape: Shape;
  /** Letters only (no digits). */
  letters: number;
  digits: boolean;
  /** Text between the previous word and this one. */
  gap: string;
  /** First word of a sentence, heading, line or quotation. */
  initial: boolean;
  /** `Κ.` of `Κ. Μητσοτάκης`: an initial that belongs to the name after it. */
  nameInitial: boolean;
  /** A web domain such as `skai.gr`. */
  domain: boolean;
}

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const DOMAIN_END = /^(?:gr|com|org|net|eu|info|tv|io|co|uk|de|fr|it|es|cy)$/u;

// Character classes of UTF-16 code units, computed once per code unit.
const IS_LETTER = 1;
const IS_UPPER = 2;
const IS_LOWER = 4;
const IS_GREEK = 8;
const IS_LATIN = 16;
const IS_DIGIT = 32;
const IS_MARK = 64;
const CLASS_KNOWN = 128;
const WORD_CHAR = IS_LETTER | IS_DIGIT | IS_MARK;
const charClasses = new Uint8Array(65536);

function charClass(code: number): number {
  const known = charClasses[code] ?? 0;
  if (known & CLASS_KNOWN) return known;
  const char = String.fromCharCode(code);
  let c = CLASS_KNOWN;
  if (/\p{L}/u.test(char)) c |= IS_LETTER;
  if (/\p{Lu}/u.test(char)) c |= IS_UPPER;
  if (/\p{Ll}/u.test(char)) c |= IS_LOWER;
  if (/[\u0370-\u03ff\u1f00-\u1fff]/u.test(char)) c |= IS_GREEK;
  else if (/[A-Za-z\u00c0-\u024f]/u.test(char)) c |= IS_LATIN;
  if (/\p{N}/u.test(char)) c |= IS_DIGIT;
  if (/\p{M}/u.test(char)) c |= IS_MARK;
  charClasses[code] = c;
  return c;
}

/** Latin capitals that look like Greek ones, and back. */
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
  o: 'ο',
};
const GREEK_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_GREEK).map(([latin, greek]) => [greek, latin]),
);

function scriptOf(char: string): Script {
  const c = charClass(char.charCodeAt(0));
  if (c & IS_GREEK) return 'el';
  if (c & IS_LATIN) return 'la';
  return 'none';
}

/**
 * Splits a run of letters where words were glued together (`τουΣΥΡΙΖΑότι`, `τουChampions`),
 * after putting look-alike letters into the word's script. Ordinary words take a fast path.
 */
function splitGlued(piece: string): { text: string; offset: number }[] {
  const fixed = fixLookAlikes(piece);
  const parts: { text: string; offset: number }[] = [];
  let from = 0;
  for (let i = 1; i < fixed.length; i++) {
    const a = charClass(fixed.charCodeAt(i - 1));
    const b = charClass(fixed.charCodeAt(i));
    if (!(a & IS_LETTER) || !(b & IS_LETTER)) continue;
    const scriptA = a & IS_GREEK ? 1 : a & IS_LATIN ? 2 : 0;
    const scriptB = b & IS_GREEK ? 1 : b & IS_LATIN ? 2 : 0;
    let cut = scriptA !== scriptB && scriptA !== 0 && scriptB !== 0;
    if (!cut && scriptB === 1) {
      // lower → upper: `στηνΕλλάδα`; an upper run → lower: `ΣΥΡΙΖΑότι` (not `Ελλάδα`).
      if (a & IS_LOWER && b & IS_UPPER) cut = true;
      else if (a & IS_UPPER && b & IS_LOWER && i - from >= 3) {
        const before = charClass(fixed.charCodeAt(i - 2));
        // `ΝΑΤΟϊκά`, `ΚΚΕϊκός`: an acronym with a suffix is one word.
        if (before & IS_UPPER && !/^[ϊΐ]/u.test(fixed.slice(i))) cut = true;
      }
    }
    // Both sides must stay words: `ΠτΔ`, `ΑμεΑ` are abbreviations, not glued words.
    if (
      cut &&
      fixed.length - i >= 2 &&
      (i - from >= 2 || (b & IS_UPPER && charClass(fixed.charCodeAt(i + 1)) & IS_UPPER))
    ) {
      parts.push({ text: fixed.slice(from, i), offset: from });
      from = i;
    }
  }
  parts.push({ text: fixed.slice(from), offset: from });
  return parts;
}

/** Puts look-alike letters of the other script into the script of the rest of the word. */
function fixLookAlikes(piece: string): string {
  let greek = 0;
  let latin = 0;
  let latinOnlyLookAlikes = true;
  let greekOnlyLookAlikes = true;
  for (const char of piece) {
    const script = scriptOf(char);
    if (script === 'el') {
      greek++;
      if (!(char in GREEK_TO_LATIN)) greekOnlyLookAlikes = false;
    } else if (script === 'la') {
      latin++;
      if (!(char in LATIN_TO_GREEK)) latinOnlyLookAlikes = false;
    }
  }
  if (greek > 0 && latin > 0) {
    if (latinOnlyLookAlikes && greek >= latin) {
      return [...piece].map((c) => (scriptOf(c) === 'la' ? (LATIN_TO_GREEK[c] ?? c) : c)).join('');
    }
    if (greekOnlyLookAlikes) {
      return [...piece].map((c) => (scriptOf(c) === 'el' ? (GREEK_TO_LATIN[c] ?? c) : c)).join('');
    }
    return piece;
  }
  // `O`, `To`, `H` in Greek text: Latin look-alikes of a Greek article.
  if (latin > 0 && latin <= 4 && latinOnlyLookAlikes) {
    const asGreek = [...piece].map((c) => LATIN_TO_GREEK[c] ?? c).join('');
    const folded = foldWord(asGreek);
    const article = latin >= 2 || piece === 'O' || piece === 'H';
    if (
      (article && latin <= 3 && isStop(folded)) ||
      (latin >= 2 && piece === piece.toUpperCase() && GAZETTEER.byCapitals.has(folded))
    ) {
      return asGreek;
    }
  }
  return piece;
}

/**
 * The length of a gazetteer name at the start of a longer word whose rest is a function word
 * (`Γαλλίαμέχρι` → 6), or 0. Only long words that are not themselves known are tried.
 */
function gluedName(word: string): number {
  if (word.length < 7) return 0;
  const folded = foldWord(word);
  if (GAZETTEER.byKey.has(folded) || givenName(folded) || isStop(folded)) return 0;
  for (let cut = word.length - 4; cut >= 3; cut--) {
    const rest = folded.slice(cut);
    if (rest.length > 6 || !isStop(rest)) continue;
    if (GAZETTEER.byKey.has(folded.slice(0, cut))) return cut;
  }
  return 0;
}

/** `Παναθηναϊκού-ΑΕΚ`, `Κίνα-Ρωσία`: two names joined by a hyphen stay two words. */
function twoNames(left: string, right: Piece): boolean {
  if (right.shape === 'lower' || right.shape === 'none' || right.script !== 'el') return false;
  const leftInfo = describe(left);
  if (leftInfo.script !== 'el') return false;
  if (leftInfo.shape === 'lower' || leftInfo.shape === 'none') return false;
  if (GAZETTEER.byKey.has(formKey(`${left}-${right.text}`))) return false;
  if (leftInfo.shape !== right.shape && (leftInfo.shape === 'upper' || right.shape === 'upper')) {
    return leftInfo.letters > 1 && right.letters > 1;
  }
  return GAZETTEER.byKey.has(foldWord(left)) || GAZETTEER.byKey.has(foldWord(right.text));
}

function isAcronymPart(s: string): boolean {
  return s.length > 0 && s.length <= 3 && describe(s).shape === 'upper';
}

function describe(text: string): Pick<Word, 'script' | 'shape' | 'letters' | 'digits'> {
  let letters = 0;
  let upper = 0;
  let greek = 0;
  let latin = 0;
  let digits = false;
  let firstUpper: boolean | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = charClass(text.charCodeAt(i));
    if (c & IS_DIGIT) digits = true;
    if (!(c & IS_LETTER)) continue;
    letters++;
    const isUpper = (c & IS_UPPER) !== 0;
    if (isUpper) upper++;
    firstUpper ??= isUpper;
    if (c & IS_GREEK) greek++;
    else if (c & IS_LATIN) latin++;
  }
  const script: Script = greek >= latin ? (greek > 0 ? 'el' : 'none') : 'la';
  let shape: Shape = 'none';
  if (letters > 0) {
    if (upper === letters) shape = 'upper';
    else if (firstUpper) shape = 'title';
    else shape = upper > 0 ? 'camel' : 'lower';
  }
  return { script, shape, letters, digits };
}

/** A Greek function word (`isFoldedStopword`) or one of the extra ones, of a folded word. */
function isStop(folded: string): boolean {
  return isFoldedStopword(folded) || isExtraStopword(folded);
}

interface Piece {
  start: number;
  end: number;
  text: string;
  script: Script;
  shape: Shape;
  letters: number;
  digits: boolean;
}

function tokenize(text: string): Word[] {
  const excluded: [number, number][] = [];
  if (text.includes('http') || text.includes('www.')) {
    for (const m of text.matchAll(URL)) excluded.push([m.index, m.index + m[0].length]);
  }
  const inUrl = (at: number): boolean => excluded.some(([a, b]) => at >= a && at < b);

  const raw: Piece[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!(charClass(text.charCodeAt(i)) & WORD_CHAR)) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    let upper = 0;
    let greek = 0;
    let latin = 0;
    let digits = false;
    let firstUpper = false;
    let suspicious = false;
    let prev = 0;
    let prev2 = 0;
    for (; i < n; i++) {
      const c = charClass(text.charCodeAt(i));
      if (!(c & WORD_CHAR)) break;
      if (c & IS_DIGIT) digits = true;
      if (c & IS_MARK) suspicious = true;
      if (c & IS_LETTER) {
        if (letters === 0) firstUpper = (c & IS_UPPER) !== 0;
        letters++;
        if (c & IS_UPPER) upper++;
        if (c & IS_GREEK) {
          greek++;
          if (c & IS_UPPER && prev & IS_LOWER) suspicious = true;
          else if (c & IS_LOWER && prev & IS_UPPER && prev2 & IS_UPPER) suspicious = true;
        } else if (c & IS_LATIN) latin++;
      }
      prev2 = prev;
      prev = c;
    }
    if (excluded.length > 0 && inUrl(start)) continue;
    const piece = text.slice(start, i);
    const mixed = greek > 0 && latin > 0;
    const lookAlike = latin > 0 && latin <= 4 && greek === 0;
    if (!suspicious && !mixed && !lookAlike) {
      let shape: Shape = 'none';
      if (letters > 0)
        shape = upper === letters ? 'upper' : firstUpper ? 'title' : upper > 0 ? 'camel' : 'lower';
      const script: Script = greek >= latin ? (greek > 0 ? 'el' : 'none') : 'la';
      raw.push({ start, end: i, text: piece, script, shape, letters, digits });
      continue;
    }
    for (const part of splitGlued(piece)) {
      const partStart = start + part.offset;
      raw.push({
        start: partStart,
        end: partStart + part.text.length,
        text: part.text,
        ...describe(part.text),
      });
    }
  }

  // Join pieces that form one word: `Βίλα-Μάτας`, `ΑΠΕ-ΜΠΕ`, `ΕΛ.ΑΣ`, `Ε.Ο.Ο.Α.`, `skai.gr`.
  const words: Word[] = [];
  let prevEnd = 0;
  for (let i = 0; i < raw.length; i++) {
    const piece = raw[i];
    if (!piece) continue;
    let { end, text: word } = piece;
    const { start } = piece;
    let domain = false;
    let dotted = false;
    for (;;) {
      const next = raw[i + 1];
      if (!next || next.start !== end + 1) break;
      const between = text.charCodeAt(end);
      if (between === 0x2d /* - */ && !twoNames(word, next)) {
        word += `-${next.text}`;
        end = next.end;
        i++;
        continue;
      }
      if (between === 0x2e /* . */) {
        const parts = word.split('.');
        const last = parts[parts.length - 1] ?? '';
        if (isAcronymPart(last) && isAcronymPart(next.text) && parts.every(isAcronymPart)) {
          word += `.${next.text}`;
          end = next.end;
          dotted = true;
          i++;
          continue;
        }
        if (/^[A-Za-z0-9-]+$/u.test(last) && /^[a-z][a-z0-9-]*$/u.test(next.text)) {
          word += `.${next.text}`;
          end = next.end;
          domain = domain || DOMAIN_END.test(next.text);
          i++;
          continue;
        }
      }
      break;
    }
    // A dotted acronym of single letters keeps its final full stop (`F.T.`, not `ΕΛ.ΑΣ.`).
    if (dotted && text.charCodeAt(end) === 0x2e && word.split('.').every((p) => p.length === 1)) {
      word += '.';
      end++;
    }
    // A domain inside a path or an address is not a name.
    if (domain && (text[start - 1] === '/' || text[start - 1] === '@' || text[end] === '/')) {
      domain = false;
    }
    // `στηΓαλλίαμέχρι`: a known name glued to the function word after it.
    const glued =
      !domain && piece.shape === 'title' && piece.script === 'el' && end === piece.end
        ? gluedName(word)
        : 0;
    if (glued > 0) {
      raw.splice(i + 1, 0, {
        ...piece,
        start: start + glued,
        text: word.slice(glued),
        shape: 'lower',
      });
      end = start + glued;
      word = word.slice(0, glued);
    }
    const folded = foldWord(word);
    const stem = nameStem(folded);
    const compound = end !== piece.end && glued === 0;
    const info = compound ? describe(word) : piece;
    words.push({
      start,
      end,
      text: word,
      folded,
      stem,
      keyPart: compound ? phraseKey(word) : stem,
      formPart: compound ? formKey(word) : folded,
      script: info.script,
      shape: info.shape,
      letters: info.letters,
      digits: info.digits,
      gap:
        start === prevEnd + 1 && text.charCodeAt(prevEnd) === 0x20
          ? ' '
          : text.slice(prevEnd, start),
      initial: false,
      nameInitial: false,
      domain,
    });
    prevEnd = end;
  }
  markSentenceStarts(words);
  return words;
}

const SENTENCE_END = /[.!?;;…:]/u;
const OPENING = /[«“"‘'„]/u;

/** Whether a word is an abbreviation whose full stop does not end a sentence. */
function isAbbreviation(word: Word): boolean {
  return (
    word.folded === 'κ' || word.folded === 'κα' || word.folded === 'κασ' || word.folded === 'δρ'
  );
}

function markSentenceStarts(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    const prev = words[i - 1];
    const gap = word.gap;
    word.initial = !prev || startsSentence(word, prev, gap);
    // `Κ. Μητσοτάκης`, `του Δ. Μυταρά`: one or two capitals and a full stop before a name.
    const next = words[i + 1];
    if (
      next &&
      word.shape !== 'lower' &&
      word.letters <= 2 &&
      !word.digits &&
      (charClass(word.text.charCodeAt(0)) & IS_UPPER) !== 0 &&
      /^\.[ \u00a0]$/u.test(next.gap) &&
      next.shape === 'title' &&
      !isGreekStop(next) &&
      (!prev ||
        word.initial ||
        /[,(«"“]/u.test(gap) ||
        (prev.shape === 'lower' && (isGreekStop(prev) || isTitleWord(prev.stem))))
    ) {
      word.nameInitial = true;
    }
  }
}

/** Whether a word starts a sentence, a heading, a line or a quotation. */
function startsSentence(word: Word, prev: Word, gap: string): boolean {
  // A dotted acronym at the end of a sentence keeps the full stop: `της ΕΛ.ΑΣ. Περίπου`.
  if (gap === ' ' || gap === '\u00a0') return prev.text.endsWith('.') && word.shape === 'title';
  if (gap.includes('\n')) return true;
  if (SENTENCE_END.test(gap))
    return !(prev.nameInitial || (isAbbreviation(prev) && gap.startsWith('.')));
  // Items of a list after a spaced dash (`τάξη – Υγρά`), but not `Μητσοτάκη – Τραμπ`.
  return OPENING.test(gap) || (/\s[-–—]\s/u.test(gap) && prev.shape === 'lower');
}

// ---------------------------------------------------------------------------------------------
// Candidate runs of capitalised words

interface Run {
  /** Index of the first and last word. */
  from: number;
  to: number;
  gazetteer?: GazetteerEntry;
}

interface Analysis {
  spans: NameSpan[];
  entities: Entity[];
}

interface Entity {
  key: string;
  name: string;
  kind: NameKind;
  count: number;
  first: number;
}

const SPACE = /^[ \u00a0]$/u;
const LOOSE_GAP = /^[ \u00a0]?[-–—]?[ \u00a0]?$/u;

/** Function words that also appear in capitals in headings (`ΤΑ ΝΕΑ`, `ΕΦΗΜΕΡΙΔΑ ΤΩΝ ΣΥΝΤΑΚΤΩΝ`). */
const CAPITAL_STOPWORDS = new Set(
  'του τησ των τον την τουσ τισ και για απο στο στη στην στον στα στισ στουσ οτι που πωσ δεν μην ολα ολοι ενα ενασ μια αυτο αυτη αλλα ομωσ μετα πριν ειναι εχει πιο πολυ οπωσ οταν ενω οχι ναι'.split(
    ' ',
  ),
);

function isGreekStop(word: Word): boolean {
  if (word.stop === undefined) {
    if (word.script !== 'el') word.stop = false;
    // An all-caps word is an acronym unless it is a common function word (`ΟΤΕ` is not `ότε`).
    else if (word.shape === 'upper' && word.letters > 2)
      word.stop = CAPITAL_STOPWORDS.has(word.folded);
    else word.stop = isStop(word.folded);
  }
  return word.stop;
}

interface Context {
  words: Word[];
  text: string;
  /** Stems of the lower-case Greek words of the text: evidence that a word is a common one. */
  lowerStems: Set<string>;
  /** Words skipped as the department of a title (`υπουργός Άμυνας`). */
  department: boolean[];
  /** «…» quotations, found when first needed. */
  quotes?: [number, number][];
}

function buildContext(text: string): Context {
  const words = tokenize(text);
  const lowerStems = new Set<string>();
  for (const w of words) {
    if (w.shape === 'lower' && w.script === 'el' && w.letters >= 4) lowerStems.add(w.stem);
  }
  const department = markDepartments(words);
  return { words, text, lowerStems, department };
}

/** Title triggers whose capitalised form also starts a department (`Πρόεδρο της Δημοκρατίας`). */
const CAPITAL_TITLE = /^(?:υπουργ|υφυπουργ|προεδρ|πρωθυπουργ|αντιπροεδρ)/u;

const DEPARTMENT_LINK = /^(?:και|του|τησ|των)$/u;

function isTrigger(w: Word): boolean {
  return w.shape === 'lower' ? isTitleWord(w.stem) : CAPITAL_TITLE.test(w.folded);
}

function isDepartmentWord(w: Word): boolean {
  if (w.shape === 'lower' || w.shape === 'none') return false;
  if (isDepartment(w.stem)) return true;
  // `υπουργός Υγείας-Πρόνοιας`: compounds of departments.
  return (
    w.text.includes('-') && w.text.split('-').every((p) => isDepartment(nameStem(foldWord(p))))
  );
}

/**
 * Marks the department words of titles (`υπουργός Άμυνας`, `υφυπουργός Προστασίας του Πολίτη`,
 * `Πρόεδρο της Δημοκρατίας`): they are part of a title, not names. Works back from each
 * department word, which are rare, to the title word that governs it.
 */
function markDepartments(words: Word[]): boolean[] {
  const skip = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || skip[i] || !isDepartmentWord(w)) continue;
    // The chain of departments and links that ends at word i, and what comes before it.
    let j = i;
    for (;;) {
      const here = words[j];
      const prev = words[j - 1];
      if (!here || !prev || !SPACE.test(here.gap)) break;
      if (isDepartmentWord(prev)) {
        j--;
        continue;
      }
      const before = words[j - 2];
      if (
        prev.shape === 'lower' &&
        DEPARTMENT_LINK.test(prev.folded) &&
        before &&
        SPACE.test(prev.gap) &&
        isDepartmentWord(before)
      ) {
        j -= 2;
        continue;
      }
      break;
    }
    let trigger = words[j - 1];
    // `Πρόεδρο της Δημοκρατίας`: a link between the title and its department.
    const beforeLink = words[j - 2];
    if (
      trigger &&
      trigger.shape === 'lower' &&
      DEPARTMENT_LINK.test(trigger.folded) &&
      beforeLink &&
      isTrigger(beforeLink)
    ) {
      if (SPACE.test(trigger.gap)) {
        skip[j - 1] = true;
        trigger = beforeLink;
        j--;
      }
    }
    if (!trigger || !SPACE.test(words[j]?.gap ?? '') || !isTrigger(trigger)) continue;
    // Mark forward from the chain's start: departments and the links between them.
    for (let k = j; k < words.length; k++) {
      const x = words[k];
      if (!x || (k > j && !SPACE.test(x.gap))) break;
      if (isDepartmentWord(x)) {
        skip[k] = true;
        continue;
      }
      const after = words[k + 1];
      if (
        x.shape === 'lower' &&
        DEPARTMENT_LINK.test(x.folded) &&
        after &&
        SPACE.test(after.gap) &&
        isDepartmentWord(after)
      ) {
        skip[k] = true;
        continue;
      }
      break;
    }
  }
  return skip;
}

/**
 * Capitalised words that a stop list marks but that are names in modern text: ancient particles
 * (`Ουν`, `Ουκ` of Korean names) and club prefixes that spell a function word (`ΑΣ Άρης`).
 */
const NOT_STOP_WHEN_CAPITALISED = new Set(
  'ουν ουκ ουχ ου γαρ γουν μεν δαι δη γε τε αι ευγε ωχ μπραβο ισια ασ'.split(' '),
);

/** Whether a word can be part of a name at all. */
function nameish(ctx: Context, i: number): boolean {
  const w = ctx.words[i];
  if (!w || ctx.department[i]) return false;
  if (w.domain) return true;
  if (w.shape === 'lower' || w.shape === 'none') return false;
  if (w.nameInitial) return true;
  if (w.letters < 2) return w.script === 'la' && w.shape === 'upper' && !w.digits;
  if (w.script === 'el') {
    if (isGreekStop(w) && !(NOT_STOP_WHEN_CAPITALISED.has(w.folded) && !w.initial)) return false;
    if (w.digits && w.shape !== 'upper') return false;
    const nationality = nationalityCountry(w.folded);
    if (nationality && !isNationalityAdjective(w.folded)) return false;
    if (CAPITAL_TITLE.test(w.folded)) return w.shape === 'upper';
    return true;
  }
  if (w.script === 'la') return !w.digits;
  return false;
}

/** Nationality adjectives (not nouns) may start a name: `Ελληνική Λύση`, `Ρωσική Ομοσπονδία`. */
function isNationalityAdjective(folded: string): boolean {
  return /ικ(?:οσ|ου|ο|ε|οι|ων|ουσ|η|ησ|α|εσ)$/u.test(folded) || /ιν(?:η|ησ|ο|α)$/u.test(folded);
}

const GREEK_LINK = /^(?:του|τησ|των)$/u;

function isConnector(w: Word): boolean {
  if (w.shape !== 'lower' && w.shape !== 'upper') return false;
  return (
    w.folded === 'και' ||
    GREEK_LINK.test(w.folded) ||
    NAME_PARTICLES.has(w.folded) ||
    LATIN_CONNECTORS.has(w.folded)
  );
}

function isHead(w: Word | undefined): boolean {
  return !!w && w.script === 'el' && isOrganisationHead(w.folded);
}

function runHasHead(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (isHead(ctx.words[k])) return true;
  return false;
}

/** The gazetteer entry of the phrase made of words from..to, if any. */
function gazetteerOf(ctx: Context, from: number, to: number): GazetteerEntry | undefined {
  const { words } = ctx;
  let key = '';
  let capitals = true;
  for (let k = from; k <= to; k++) {
    const w = words[k];
    if (!w) return undefined;
    if (w.shape !== 'upper' && !isConnector(w)) capitals = false;
    if (w.formPart.length > 0) key = key ? `${key} ${w.formPart}` : w.formPart;
  }
  return (capitals ? GAZETTEER.byCapitals : GAZETTEER.byKey).get(key);
}

/** Longest gazetteer phrase starting at word i, joined by spaces or hyphens. */
function gazetteerAt(ctx: Context, i: number): Run | undefined {
  const first = ctx.words[i];
  if (!first || first.shape === 'lower' || first.shape === 'none' || ctx.department[i])
    return undefined;
  if (isGreekStop(first) || first.digits) return undefined;
  const space = first.formPart.indexOf(' ');
  if (!GAZETTEER.firstWords.has(space < 0 ? first.formPart : first.formPart.slice(0, space)))
    return undefined;
  let best: Run | undefined;
  for (let j = i; j < ctx.words.length && j - i < GAZETTEER.maxWords + 2; j++) {
    const w = ctx.words[j];
    if (!w) break;
    if (j > i && !LOOSE_GAP.test(w.gap)) break;
    if (w.shape === 'lower' && !isConnector(w)) break;
    if (w.shape === 'lower') continue;
    const entry = gazetteerOf(ctx, i, j);
    if (entry) best = { from: i, to: j, gazetteer: entry };
  }
  return best;
}

function joinable(ctx: Context, from: number, to: number, next: number): boolean {
  const a = ctx.words[to];
  const b = ctx.words[next];
  if (!a || !b) return false;
  const ampersand = a.script === 'la' && b.script === 'la' && /^ ?& ?$/u.test(b.gap);
  if (!SPACE.test(b.gap) && !ampersand) return false;
  if (a.domain || b.domain) return false;
  if (a.script !== b.script) {
    // `Πανεπιστήμιο Chung-Ang`, `Ίδρυμα Wikimedia`, `Κάπα Research`.
    if (
      a.script === 'el' &&
      b.script === 'la' &&
      a.shape === 'title' &&
      isLatinOrganisationWord(b.folded)
    )
      return true;
    return from === to && isHead(a) && b.script === 'la';
  }
  if (a.script === 'el') {
    if (a.shape === 'upper' && b.shape === 'upper') return true;
    if (a.shape === 'upper' && b.shape === 'title')
      return from === to && CLUB_PREFIXES.has(a.folded);
    if (a.shape === 'title' && b.shape === 'upper') return false;
    return true;
  }
  return true;
}

function connectorAllowed(ctx: Context, from: number, to: number, conn: number): boolean {
  const c = ctx.words[conn];
  const next = ctx.words[conn + 1];
  const last = ctx.words[to];
  if (!c || !next || !last) return false;
  if (!SPACE.test(c.gap) || !SPACE.test(next.gap) || !nameish(ctx, conn + 1)) return false;
  if (next.shape === 'lower' || next.script !== last.script) return false;
  if (last.script === 'la') return LATIN_CONNECTORS.has(c.folded) || NAME_PARTICLES.has(c.folded);
  if (last.shape === 'upper' && c.shape === 'upper') return next.shape === 'upper';
  if (c.shape !== 'lower') return false;
  if (NAME_PARTICLES.has(c.folded)) return !isHead(last);
  if (GREEK_LINK.test(c.folded)) {
    // `Τράπεζα της Αγγλίας`, `Ακαδημία του Αγίου Μαρτίνου των Αγρών`; not `Πανεπιστήμιο Μπράουν
    // του Ρόουντ Άιλαντ`, where the place only locates a name already complete.
    if (isHead(last)) return true;
    for (let k = from; k < to; k++) {
      const w = ctx.words[k];
      if (w && GREEK_LINK.test(w.folded) && w.shape === 'lower') return true;
    }
    // `Ένωση Αυτοχθόνων της Βραζιλίας`: a head and common nouns, not a name, before the link.
    let head = -1;
    for (let k = from; k <= to; k++) if (isHead(ctx.words[k])) head = k;
    if (head < 0) return false;
    for (let k = head + 1; k <= to; k++) {
      const w = ctx.words[k];
      if (!w || !(isLowerElsewhere(ctx, w) || isDepartment(w.stem) || w.folded.endsWith('ων')))
        return false;
    }
    return true;
  }
  if (c.folded === 'και') {
    return (
      runHasHead(ctx, from, to) && !GAZETTEER.byKey.has(next.folded) && !givenName(next.folded)
    );
  }
  return false;
}

/** Finds the candidate runs: gazetteer phrases first, then runs of capitalised words. */
function findRuns(ctx: Context): Run[] {
  const runs: Run[] = [];
  const { words } = ctx;
  for (let i = 0; i < words.length; i++) {
    if (ctx.department[i]) continue;
    const gaz = gazetteerAt(ctx, i);
    if (gaz) {
      // A longer run that holds the phrase is a different name (`Ελληνική Ομοσπονδία Ορειβασίας`,
      // `Google Maps`), unless it only runs on into a person (`ΗΠΑ Ντόναλντ Τραμπ`).
      const plain = nameish(ctx, i) ? extendRun(ctx, i) : undefined;
      const first = words[i];
      const followedBySurname =
        gaz.from === gaz.to && !!first && givenName(first.folded) !== undefined;
      const longer =
        plain &&
        plain.to > gaz.to &&
        (runHasHead(ctx, i, plain.to) ||
          followedBySurname ||
          (first?.script === 'la' && !givenName(words[gaz.to + 1]?.folded ?? '')));
      if (!longer) {
        runs.push(gaz);
        i = gaz.to;
        continue;
      }
    }
    if (!nameish(ctx, i)) continue;
    const run = extendRun(ctx, i);
    runs.push(run);
    i = run.to;
  }
  return runs;
}

function extendRun(ctx: Context, i: number): Run {
  const { words } = ctx;
  let to = i;
  for (;;) {
    const next = to + 1;
    const w = words[next];
    if (!w) break;
    if (words[to]?.nameInitial) {
      to = next;
      continue;
    }
    if (nameish(ctx, next) && joinable(ctx, i, to, next)) {
      // A place or an organisation, then a person: `Αργεντινής Γκαμπριέλα`, `Εργατικού Κόμματος
      // Κιρ Στάρμερ`, `Επαγγελματικού Επιμελητηρίου Γιάννης Χατζηθεοδοσίου`.
      const after = words[next + 1];
      const personFollows = !!after && SPACE.test(after.gap) && after.shape === 'title';
      if (
        w.script === 'el' &&
        personFollows &&
        givenName(w.folded) &&
        !givenName(words[to]?.folded ?? '')
      ) {
        const headAlone = to === i && isHead(words[i]);
        if ((!headAlone && runHasHead(ctx, i, to)) || gazetteerOf(ctx, i, to)?.kind === 'place')
          break;
      }
      to = next;
      continue;
    }
    if (isConnector(w) && connectorAllowed(ctx, i, to, next)) {
      to = next + 1;
      continue;
    }
    // `Ούρσουλα φον ντερ Λάιεν`: two particles in a row.
    const second = words[next + 1];
    if (
      second &&
      NAME_PARTICLES.has(w.folded) &&
      NAME_PARTICLES.has(second.folded) &&
      w.shape === 'lower' &&
      SPACE.test(w.gap) &&
      words[to]?.shape === 'title' &&
      connectorAllowed(ctx, i, to, next + 1)
    ) {
      to = next + 2;
      continue;
    }
    break;
  }
  return { from: i, to };
}

// ---------------------------------------------------------------------------------------------
// Filtering runs

interface Candidate {
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  key: string;
  gazetteer?: GazetteerEntry;
  initial: boolean;
}

/** Endings of verbs and participles, which names do not have (`Αποκαθίσταται`, `Πλένουμε`). */
const VERB_LIKE =
  /(?:ται|νται|ουμε|ουνε|ουμαστε|ομαστε|εστε|ετε|ατε|ιτε|στε|ξτε|ψτε|ηκε|ηκαν|θηκε|θηκαν|ουσε|ουσαν|ονταν|οταν|ωντασ|οντασ|ησε|ησαν|ισε|ευσε|ασε|αμε|μενοσ|μενη|μενο|μενοι|μενεσ|μενα|μενων|μενου|μενησ)$/u;

/** Plural adjectives and genitive plurals (`Επαγγελματικά`, `Τηλεπικοινωνιών`) alone name nothing. */
const PLURAL_ALONE = /(?:ικα|ικεσ|ικοι|ικων|ων|σεισ)$/u;

const ADJECTIVE_FORM =
  /(?:ικοσ|ικη|ικο|ικου|ικησ|ικα|ικεσ|ικοι|ικων|ινοσ|ινη|ινο|ιακοσ|ιακη|ιακο|ιαιοσ|ιαια|ιαιο|ενοσ|ενη|ενο|ικε)$|^(?:νε|μεγαλ|μικρ|παλαι|υστερ|πρωιμ|αρχαι|συγχρον|ανωτατ|ανωτερ|κατωτερ|πρωτ|δευτερ|τριτ|τελικ|ολικ|διεθν|παγκοσμι|νοτι|βορει|δυτικ|ανατολικ|κεντρικ)(?:οσ|ου|ο|α|ασ|η|ησ|οι|εσ|ων|ουσ)$/u;

/** Weather systems are named like people (`καταιγίδα Χάρβεϊ`) but are not names here. */
const STORM = /^(?:καταιγιδ|τυφων|κυκλων|τροπικ|θυελλ|κακοκαιρι|μεσογειακ)/u;

/** `Αξίζει`, `Υπάρχει`: verbs end in an unstressed -ει; names in -έι, -εϊ (`Γκρέι`, `Σίδνεϊ`). */
function isVerbInEi(word: string): boolean {
  return word.length >= 5 && /[^έ]ει$/u.test(word.toLowerCase());
}

/** `ΙΙΙ`, `ΙV`, `XIV`: Roman numerals (in either script's look-alike letters). */
const ROMAN_NUMERAL = /^[IVXLΙΧ]+$/u;

/** Feminine and neuter adjectives alone (`Μυστική`, `Ελληνικό`) name nothing. */
const ADJECTIVE_ALONE = /(?:ικη|ικησ|ικο|ικου|ισμοσ|ισμου|ισμο)$/u;

/** Past tense in -σε, -ξε, -ψε (`Πρόσθεσε`): only checked on longer words (`Φόσε` is a name). */
const AORIST = /(?:σε|ξε|ψε)$/u;

/** Stop words glued to the next word by the crawler (`Τολευκό`). */
const GLUED_ARTICLE =
  /^(?:το|τη|την|τον|τα|τισ|τουσ|οι|στο|στη|στην|στον|στα|και|να|θα|με|σε|για|απο)/u;

function isLowerElsewhere(ctx: Context, w: Word): boolean {
  return ctx.lowerStems.has(w.stem) || ctx.lowerStems.has(w.folded);
}

function isCommonWord(ctx: Context, w: Word): boolean {
  if (w.script !== 'el') return false;
  return (
    isLowerElsewhere(ctx, w) ||
    isCommonCapitalised(w.folded) ||
    isCalendarWord(w.folded) ||
    isDepartment(w.stem)
  );
}

function strongEvidence(ctx: Context, from: number, to: number): boolean {
  const first = ctx.words[from];
  if (!first) return false;
  if (first.nameInitial) return true;
  if (first.script === 'el' && givenName(first.folded) && to > from) return true;
  if (first.script === 'la' && isLatinGivenName(first.folded) && to > from) return true;
  const cue = cueBefore(ctx, from);
  return cue === 'person' || cue === 'honorific' || cue === 'organisation';
}

/** The kind suggested by the words right before a run (`υπουργός`, `εφημερίδα`, `πόλη`, `κ.`). */
function cueBefore(ctx: Context, i: number): NameKind | 'honorific' | undefined {
  for (let back = 1; back <= 4; back++) {
    const k = i - back;
    const prev = ctx.words[k];
    const after = ctx.words[k + 1];
    if (!prev || !after) return undefined;
    const gap = after.gap;
    if (/[.!?;;:\n«»"“”()]/u.test(gap) && !(isAbbreviation(prev) && /^\.\s?$/u.test(gap)))
      return undefined;
    if (gap.includes(',') && back > 1) return undefined;
    if (ctx.department[k]) continue;
    if (prev.shape !== 'lower') return undefined;
    if (isAbbreviation(prev)) return 'honorific';
    if (isPersonCue(prev.stem) || /^\d+χρον/u.test(prev.folded)) return 'person';
    if (isOrganisationCue(prev.stem)) return 'organisation';
    if (isPlaceCue(prev.stem)) return 'place';
    if (isGreekStop(prev)) continue;
    // One nationality word or adjective may stand between (`ο Ρουμάνος προπονητής`).
    if (back <= 2 && nationalityCountry(prev.folded)) continue;
    return undefined;
  }
  return undefined;
}

/** A word that is not part of a name at the edge of a run (`Εκτέλεση`, `Ενώστε`, `της`). */
/** Verbs that close a run of names in lists of credits (`Αντώνης Κουτρουμπής Ερμηνεύουν`). */
const TRAILING_VERB = /(?:ουν|ουνε|ανε|αν)$/u;

function edgeNoise(ctx: Context, w: Word, leading: boolean, next?: Word): boolean {
  if (isConnector(w)) return !(leading && w.script === 'la' && w.shape !== 'lower');
  // `Καταλανός Ενρίκε Βίλα-Μάτας`, `Χαλκιδαίων Χρήστος Παγώνης`: a demonym before a name.
  if (
    leading &&
    w.script === 'el' &&
    w.shape === 'title' &&
    looksLikeDemonym(w.text) &&
    !isHead(next)
  )
    return true;
  // `Ελληνική Ομοσπονδία…`, `Διεθνή Διαστημικό Σταθμό`, `Νέας Νότιας Ουαλίας`: adjectives
  // that open a name stay.
  if (leading && (isHead(next) || (w.script === 'el' && ADJECTIVE_FORM.test(w.folded))))
    return false;
  if (w.script === 'la') return w.shape !== 'upper' && LATIN_COMMON.has(w.folded) && !leading;
  if (w.script !== 'el' || w.shape !== 'title') return isNonNameAcronym(w.folded);
  if (isHead(w)) return false;
  return isCommonCapitalised(w.folded) || isCalendarWord(w.folded) || VERB_LIKE.test(w.folded);
}

function candidateOf(ctx: Context, run: Run): Candidate | undefined {
  const { words, text } = ctx;
  let { from, to } = run;
  let gazetteer = run.gazetteer;
  if (!gazetteer) {
    while (from < to && words[from] && edgeNoise(ctx, words[from] as Word, true, words[from + 1]))
      from++;
    const headed = runHasHead(ctx, from, to);
    const untrimmed = to;
    while (to > from && !headed && words[to] && edgeNoise(ctx, words[to] as Word, false)) to--;
    // `Νέο Οικοδομικό [Κανονισμό]`: what is left before a common noun is its adjectives.
    if (
      to < untrimmed &&
      words.slice(from, to + 1).every((x) => x.script === 'el' && ADJECTIVE_FORM.test(x.folded))
    ) {
      return undefined;
    }
    // In a run of three or more, a last word found in lower case elsewhere is a common word.
    const credits =
      words[from]?.script === 'el' && givenName(words[from]?.folded ?? '') !== undefined;
    for (;;) {
      const last = words[to];
      if (!credits || to - from < 2 || !last || last.script !== 'el' || last.shape !== 'title')
        break;
      if (!(isLowerElsewhere(ctx, last) || (last.letters >= 6 && TRAILING_VERB.test(last.folded))))
        break;
      to--;
    }
    const only = words[from];
    if (from === to && only && isConnector(only)) return undefined;
  }
  const first = words[from];
  const last = words[to];
  if (!first || !last) return undefined;
  const start = first.start;
  const end = last.end;
  gazetteer ??= gazetteerOf(ctx, from, to);
  return {
    from,
    to,
    start,
    end,
    text: text.slice(start, end),
    key: keyOf(words, from, to),
    ...(gazetteer ? { gazetteer } : {}),
    initial: first.initial && !first.nameInitial,
  };
}

/** The phrase key of words from..to, from their precomputed parts (`phraseKey` of the text). */
function keyOf(words: Word[], from: number, to: number): string {
  let key = '';
  for (let k = from; k <= to; k++) {
    const part = words[k]?.keyPart ?? '';
    if (part.length === 0) continue;
    key = key ? `${key} ${part}` : part;
  }
  return key;
}

const canonicalKeys = new WeakMap<GazetteerEntry, string>();

/** The grouping key of a gazetteer entry: the phrase key of its canonical name. */
function canonicalKey(entry: GazetteerEntry): string {
  let key = canonicalKeys.get(entry);
  if (key === undefined) {
    key = phraseKey(entry.name);
    canonicalKeys.set(entry, key);
  }
  return key;
}

const LATIN_COMMON = new Set(
  'info email tel web photos photo video videos site source update live breaking read more supporters supporter apparel stay once the a an and or to of in on at for by with from this that it is be we you i my our your his her their new top best via tags tag click here see also follow share like watch view home page news super ti pro max plus ultra mini lite edition series model version update beta'.split(
    ' ',
  ),
);

/** Whether a candidate is a name, leaving the question of sentence starts for later. */
function acceptable(ctx: Context, c: Candidate): boolean {
  if (c.gazetteer) return true;
  const { words } = ctx;
  const single = c.from === c.to;
  const w = words[c.from];
  const last = words[c.to];
  if (!w || !last) return false;
  if (w.domain) return true;
  // `#JazzBeThere`, `@user`: hashtags and handles.
  if (/[#@]$/u.test(w.gap)) return false;
  if (w.script === 'la' && !latinAcceptable(ctx, c)) return false;
  if (single) {
    if (w.letters < 2) return false;
    if (isNonNameAcronym(w.folded) || ROMAN_NUMERAL.test(w.text)) return false;
    if (w.shape === 'upper') {
      if (w.script === 'la' && w.digits) return false;
      if (w.text.split(/[-.]/u).some((p) => isNonNameAcronym(foldWord(p)))) return false;
      // An all-caps common word of a heading (`ΥΛΙΚΑ`, `ΑΝΑΔΡΟΜΙΚΑ`, `ΣΚΗΝΟΘΕΣΙΑ:`).
      if (w.script === 'el' && w.letters >= 5 && isLowerElsewhere(ctx, w)) return false;
      if (w.script === 'el' && w.letters >= 6 && /^\s*[:/]/u.test(words[c.to + 1]?.gap ?? ''))
        return false;
      return true;
    }
    if (w.script === 'la') return !LATIN_COMMON.has(w.folded);
    if (isCalendarWord(w.folded) || isCommonCapitalised(w.folded) || isDepartment(w.stem))
      return false;
    if (nationalityCountry(w.folded) || looksLikeDemonym(w.text)) return false;
    if (w.text.includes('-') && w.text.split('-').some((p) => describe(p).shape === 'lower'))
      return false;
    if (isHead(w)) return false;
    if (STORM.test(ctx.words[c.from - 1]?.folded ?? '')) return false;
    if (strongEvidence(ctx, c.from, c.to)) return true;
    if (isLowerElsewhere(ctx, w) || VERB_LIKE.test(w.folded) || PLURAL_ALONE.test(w.folded))
      return false;
    if (isVerbInEi(w.text) || w.folded.endsWith('ιεσ')) return false;
    if (
      !givenName(w.folded) &&
      (ADJECTIVE_ALONE.test(w.folded) || (w.letters >= 7 && AORIST.test(w.folded)))
    ) {
      return false;
    }
    const glued = GLUED_ARTICLE.exec(w.folded);
    if (glued && ctx.lowerStems.has(nameStem(w.folded.slice(glued[0].length)))) return false;
    return true;
  }
  // A shouted phrase in capitals (`ΑΣΦΑΛΕΙΑ ΤΩΝ ΕΜΒΟΛΙΩΝ`): its words occur in lower case too.
  if (w.shape === 'upper' && w.script === 'el') {
    for (let k = c.from; k <= c.to; k++) {
      const x = words[k];
      if (x && x.letters >= 5 && isLowerElsewhere(ctx, x)) return false;
    }
  }
  // Genitive plurals only (`Χρηματοοικονομικών Υπηρεσιών`): a sector or a category, not a name.
  if (w.script === 'el' && !runHasHead(ctx, c.from, c.to)) {
    const names = words.slice(c.from, c.to + 1).filter((x) => !isConnector(x));
    if (names.every((x) => x.script === 'el' && x.shape === 'title' && x.folded.endsWith('ων')))
      return false;
  }
  // Multi-word runs made only of common capitalised words (`Βασιλική Οικογένεια`).
  let common = 0;
  let count = 0;
  for (let k = c.from; k <= c.to; k++) {
    const x = words[k];
    if (!x || isConnector(x)) continue;
    count++;
    if (isHead(x) && count === 1) continue;
    if (
      x.script === 'el' &&
      x.shape === 'title' &&
      (isCommonCapitalised(x.folded) || isCalendarWord(x.folded) || isDepartment(x.stem))
    ) {
      common++;
    } else if (x.script === 'la' && LATIN_COMMON.has(x.folded)) common++;
  }
  return common < count;
}

/** Latin words that end the names of programmes, prizes and works, not of organisations. */
const LATIN_NOT_NAMES = new Set(
  'program programme project award awards prize challenge initiative series edition plan act'.split(
    ' ',
  ),
);

/** Latin-script runs that are English text, titles of works or product models rather than names. */
function latinAcceptable(ctx: Context, c: Candidate): boolean {
  const { words } = ctx;
  const next = words[c.to + 1];
  const prev = words[c.from - 1];
  const first = words[c.from];
  const last = words[c.to];
  if (last && LATIN_NOT_NAMES.has(last.folded)) return false;
  // A quoted title of a book or film: `«The Memory Police»`, `«The Adventures of China Iron»`.
  if (first && OPENING.test(first.gap) && c.to > c.from) {
    const inside = words.slice(c.from, c.to + 1);
    if (/^(?:the|a|an)$/u.test(first.folded) || inside.some((w) => w.shape === 'lower'))
      return false;
  }
  // Running English text: `Once you go jazz`, `Stay tuned`.
  if (
    next &&
    next.script === 'la' &&
    next.shape === 'lower' &&
    SPACE.test(next.gap) &&
    !LATIN_CONNECTORS.has(next.folded)
  ) {
    return false;
  }
  // Product models: `GeForce RTX 2080`, `Half-Life 3`, `Galaxy S20`; and `7 Summits`, `10 Photos`.
  if (next && SPACE.test(next.gap) && /^\d/u.test(next.text)) return false;
  if (next && SPACE.test(next.gap) && next.script === 'la' && next.digits) return false;
  if (prev && SPACE.test(words[c.from]?.gap ?? '') && /^\d+$/u.test(prev.text)) return false;
  return true;
}

/** Whether a sentence-initial candidate has enough evidence to be a name. */
function initialAccepted(
  ctx: Context,
  c: Candidate,
  knownStems: Set<string>,
  knownKeys: Set<string>,
): boolean {
  if (c.gazetteer) return true;
  const { words } = ctx;
  const w = words[c.from];
  if (!w) return false;
  if (w.script !== 'el' || w.shape !== 'title') return acceptable(ctx, c);
  if (!acceptable(ctx, c)) return false;
  if (knownKeys.has(c.key)) return true;
  const single = c.from === c.to;
  if (single) return knownStems.has(w.stem) || headlineSubject(ctx, c);
  if (givenName(w.folded)) return true;
  for (let k = c.from; k <= c.to; k++) {
    const x = words[k];
    if (!x || isConnector(x) || x.script !== 'el') continue;
    if (isCommonWord(ctx, x) || VERB_LIKE.test(x.folded) || isGreekStop(x)) return false;
  }
  return true;
}

/**
 * `Βατούτιν: «Στα 5.5 εκατομμύρια…»`: in a title, one word before a colon is who speaks or
 * what the story is about; a name when it is not a common word.
 */
function headlineSubject(ctx: Context, c: Candidate): boolean {
  const w = ctx.words[c.from];
  const next = ctx.words[c.to + 1];
  if (!w || c.from !== 0 || !next || !/^:\s/u.test(next.gap)) return false;
  return !isLowerElsewhere(ctx, w) && !VERB_LIKE.test(w.folded) && !PLURAL_ALONE.test(w.folded);
}

// ---------------------------------------------------------------------------------------------
// Grouping and kinds

interface Group {
  key: string;
  gazetteer?: GazetteerEntry;
  mentions: Candidate[];
  words: string[];
  kind?: NameKind;
}

function analyse(text: string): Analysis {
  const ctx = buildContext(text);
  const runs = findRuns(ctx);

  const candidates: Candidate[] = [];
  for (const run of runs) {
    const c = candidateOf(ctx, run);
    if (c) candidates.push(c);
  }
  // Names seen away from sentence starts vouch for the same words at a sentence start.
  const knownKeys = new Set<string>();
  const knownStems = new Set<string>();
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (c.initial || !acceptable(ctx, c)) continue;
    knownKeys.add(c.key);
    for (const part of c.key.split(' ')) knownStems.add(part);
  }
  for (const c of candidates) {
    if (c.initial) {
      if (initialAccepted(ctx, c, knownStems, knownKeys)) accepted.push(c);
      else {
        // A sentence-start verb or common word before a name: keep the rest of the run.
        const rest = dropFirst(ctx, c);
        if (rest && acceptable(ctx, rest)) accepted.push(rest);
      }
    } else if (acceptable(ctx, c)) accepted.push(c);
  }

  const groups = groupMentions(
    ctx,
    accepted.filter((c) => !inQuotedTitle(ctx, c)),
  );
  return build(ctx, groups);
}

/**
 * Whether a mention lies inside a short quoted title (`«Η Εύβοια του Δημήτρη Μυταρά»`,
 * `«Τυλ, ο σαλτιμπάγκος»`) without being the whole of it: titles of works are not names.
 */
function inQuotedTitle(ctx: Context, c: Candidate): boolean {
  const { text } = ctx;
  ctx.quotes ??= quotations(text);
  const quote = ctx.quotes.find(([open, close]) => open < c.start && c.end <= close);
  if (!quote) return false;
  const [open, close] = quote;
  const inner = text.slice(open + 1, close);
  if (inner.length === c.end - c.start) return false;
  const count = inner.split(/\s+/u).filter(Boolean).length;
  return count >= 2 && count <= 8 && /^\p{Lu}/u.test(inner) && !/[.!?;]/u.test(inner);
}

/** The «…» quotations of a text, as [opening, closing] offsets. */
function quotations(text: string): [number, number][] {
  const found: [number, number][] = [];
  let open = text.indexOf('«');
  while (open >= 0) {
    const close = text.indexOf('»', open);
    if (close < 0) break;
    const nested = text.indexOf('«', open + 1);
    if (nested >= 0 && nested < close) {
      open = nested;
      continue;
    }
    found.push([open, close]);
    open = text.indexOf('«', close);
  }
  return found;
}

function dropFirst(ctx: Context, c: Candidate): Candidate | undefined {
  const first = ctx.words[c.from];
  if (c.from === c.to || !first) return undefined;
  const plainWord =
    VERB_LIKE.test(first.folded) ||
    isCommonCapitalised(first.folded) ||
    isCalendarWord(first.folded);
  if (!plainWord) return undefined;
  return candidateOf(ctx, { from: c.from + 1, to: c.to });
}

function groupMentions(ctx: Context, mentions: Candidate[]): Group[] {
  const byKey = new Map<string, Group>();
  const order: Group[] = [];
  for (const m of mentions) {
    const key = m.gazetteer ? canonicalKey(m.gazetteer) : m.key;
    let group = byKey.get(key);
    if (!group) {
      group = {
        key,
        mentions: [],
        words: key.split(' '),
        ...(m.gazetteer ? { gazetteer: m.gazetteer } : {}),
      };
      byKey.set(key, group);
      order.push(group);
    }
    group.mentions.push(m);
  }
  // A surname or a given name alone, or an initial and a surname, joins the one full name
  // of the article it can belong to (`Τραμπ` → `Ντόναλντ Τραμπ`, `Κ. Μητσοτάκης`).
  const initialled = (g: Group): boolean =>
    g.mentions.every((m) => ctx.words[m.from]?.nameInitial === true);
  const full = order.filter(
    (g) => !g.gazetteer && g.words.length >= 2 && kindOf(ctx, g) === 'person' && !initialled(g),
  );
  if (full.length > 0) {
    for (const g of order) {
      if (g.gazetteer || full.includes(g) || g.words.length > 2) continue;
      let target: Group | undefined;
      let matches = 0;
      for (const f of full) {
        if (partOf(ctx, g, f)) {
          target = f;
          matches++;
        }
      }
      if (matches === 1 && target) {
        target.mentions.push(...g.mentions);
        g.mentions = [];
      }
    }
  }
  return order.filter((g) => g.mentions.length > 0);
}

function partOf(ctx: Context, part: Group, whole: Group): boolean {
  const mention = part.mentions[0];
  if (!mention) return false;
  if (part.words.length === 1) {
    if (kindOf(ctx, part) === 'place') return false;
    const only = part.words[0] ?? '';
    return whole.words[0] === only || whole.words[whole.words.length - 1] === only;
  }
  if (ctx.words[mention.from]?.nameInitial && part.words.length === 2) {
    const [initial = '', surname = ''] = part.words;
    const given = whole.words[0] ?? '';
    return whole.words[whole.words.length - 1] === surname && given.startsWith(initial);
  }
  return false;
}

interface Scores {
  person: number;
  place: number;
  organisation: number;
}

function kindOf(ctx: Context, g: Group): NameKind {
  g.kind ??= g.gazetteer ? gazetteerKind(ctx, g, g.gazetteer) : scoreKind(ctx, g);
  return g.kind;
}

/** A gazetteer place named after by an organisation cue is the club or firm of that name. */
function gazetteerKind(ctx: Context, g: Group, entry: GazetteerEntry): NameKind {
  if (entry.kind !== 'place') return entry.kind;
  const cued = g.mentions.some((m) => m.from === m.to && cueBefore(ctx, m.from) === 'organisation');
  return cued ? 'organisation' : 'place';
}

const SURNAME_ENDING =
  /(?:οπουλ(?:οσ|ου|ο)|πουλοσ|ιδησ|ιδη|ιαδησ|αδησ|ακησ|ακη|ουλησ|ατοσ|ογλου|οφ|εφ|σκι|σκα|ενκο|ιτσ|σον|μαν|ερ|ιν|ινι|ετι|ελ|ντ|ιου|εωσ)$/u;
const PLACE_ENDING = /(?:ουπολ(?:η|ησ)|ισταν|σταν|λανδ(?:η|ησ)|ουργο|ουργου|βιλ|ια|ιασ)$/u;
const CLUB_ENDING = /(?:ακοσ|ακου|ικοσ|ικου|ιωνιοσ|ιωνιου)$/u;
const PLURAL_ENDING = /(?:οι|εσ|ων)$/u;
const SAYING =
  /^(?:δηλωσε|ειπε|τονισε|ανεφερε|σημειωσε|προσθεσε|υπογραμμισε|εξηγησε|απαντησε|επεσημανε|υποστηριξε|δηλωνει|λεει|εγραψε)$/u;

function scoreKind(ctx: Context, g: Group): NameKind {
  const s: Scores = { person: 0, place: 0, organisation: 0 };
  for (const m of g.mentions) {
    const words = ctx.words.slice(m.from, m.to + 1);
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last) continue;
    const names = words.filter((w) => !isConnector(w));
    const multi = names.length >= 2;
    if (first.domain) s.organisation += 6;
    if (first.nameInitial) s.person += 4;
    if (first.script === 'el' && givenName(first.folded)) s.person += multi ? 4 : 2;
    if (first.script === 'la' && isLatinGivenName(first.folded)) s.person += multi ? 4 : 1;
    const headed = words.some(isHead);
    if (headed) s.organisation += 6;
    if (words.some((w) => w.script === 'la' && isLatinOrganisationWord(w.folded)))
      s.organisation += 3;
    if (!multi && first.shape === 'upper') {
      if (isPlaceAcronym(first.folded)) s.place += 5;
      else s.organisation += 3;
    }
    if (multi && words.every((w) => w.shape === 'upper' || isConnector(w))) s.organisation += 2;
    if (words.some((w) => w.script === 'el' && CLUB_PREFIXES.has(w.folded))) s.organisation += 3;
    const cue = cueBefore(ctx, m.from);
    if (cue === 'honorific') s.person += 5;
    else if (cue && !(headed && cue === 'person')) s[cue] += 3;
    const greekNames = names.every((w) => w.script === 'el' && w.shape === 'title');
    if (greekNames && SURNAME_ENDING.test(last.folded)) s.person += 1;
    if (greekNames && CLUB_ENDING.test(last.folded)) s.organisation += 2.5;
    if (
      !multi &&
      first.script === 'el' &&
      PLACE_ENDING.test(first.folded) &&
      !givenName(first.folded)
    )
      s.place += 1;
    if (multi && greekNames) {
      if (names.every((w) => PLURAL_ENDING.test(w.folded))) s.organisation += 3;
      else s.person += 2;
      // `Νοτιοανατολικό Αιγαίο`: adjectives before a place.
      if (gazetteerOf(ctx, m.to, m.to)?.kind === 'place') s.place += 3;
    }
    if (multi && names.length === 2 && names.every((w) => w.script === 'la' && w.shape === 'title'))
      s.person += 0.5;
    const prev = ctx.words[m.from - 1];
    if (prev && prev.shape === 'lower' && /^(?:στην|στη|στο|σε|εισ|στα|στισ)$/u.test(prev.folded))
      s.place += 1;
    if (prev && prev.shape === 'lower' && /^(?:ο|τον)$/u.test(prev.folded)) s.person += 0.5;
    const next = ctx.words[m.to + 1];
    if (next && SAYING.test(next.folded)) s.person += 1;
    if (first.script === 'la') s.organisation += 1;
    if (first.script === 'la' && words.some((w) => isConnector(w))) s.organisation += 1;
  }
  let best: NameKind = 'person';
  for (const kind of ['place', 'organisation'] as const) if (s[kind] > s[best]) best = kind;
  if (s[best] === 0) {
    const w = ctx.words[g.mentions[0]?.from ?? 0];
    return w && w.script === 'la' ? 'organisation' : 'person';
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Display names and the result

function build(ctx: Context, groups: Group[]): Analysis {
  const spans: NameSpan[] = [];
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  for (const g of groups) {
    const kind = kindOf(ctx, g);
    const name = g.gazetteer ? g.gazetteer.name : displayName(ctx, g, kind);
    const key = g.gazetteer ? foldWord(g.gazetteer.name) : g.key;
    let first = Infinity;
    for (const m of g.mentions) first = Math.min(first, m.start);
    const entity: Entity = { key, name, kind, count: g.mentions.length, first };
    entities.push(entity);
    byKey.set(key, entity);
    for (const m of g.mentions) spans.push({ start: m.start, end: m.end, text: m.text, key, kind });
  }
  // Nationality words point at their countries (`ρωσική` → Ρωσία).
  for (const w of ctx.words) {
    if (w.script !== 'el' || w.letters < 4 || w.shape === 'upper') continue;
    const country = nationalityCountry(w.folded);
    if (!country) continue;
    if (w.shape !== 'lower' && spans.some((s) => s.start <= w.start && w.end <= s.end)) continue;
    const entry = GAZETTEER.byKey.get(foldWord(country));
    if (!entry) continue;
    const key = foldWord(entry.name);
    const known = byKey.get(key);
    if (known) {
      known.count++;
      known.first = Math.min(known.first, w.start);
    } else {
      const entity: Entity = { key, name: entry.name, kind: entry.kind, count: 1, first: w.start };
      entities.push(entity);
      byKey.set(key, entity);
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  entities.sort((a, b) => a.first - b.first || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { spans, entities };
}

const NOMINATIVE_ARTICLE = /^(?:ο|η|το|οι|τα)$/u;

/** The nominative display form of a name that is not in the gazetteer. */
function displayName(ctx: Context, g: Group, kind: NameKind): string {
  // The fullest mention, preferring one after a nominative article, then the most frequent.
  const forms = new Map<
    string,
    { count: number; nominative: boolean; words: number; first: number; initial: boolean }
  >();
  for (const m of g.mentions) {
    const surface = m.text.replace(/\s+/gu, ' ');
    const prev = ctx.words[m.from - 1];
    const nominative =
      !!prev && NOMINATIVE_ARTICLE.test(prev.folded) && SPACE.test(ctx.words[m.from]?.gap ?? '');
    const entry = forms.get(surface) ?? {
      count: 0,
      nominative: false,
      words: m.to - m.from + 1,
      first: m.start,
      initial: ctx.words[m.from]?.nameInitial === true,
    };
    entry.count++;
    entry.nominative ||= nominative;
    forms.set(surface, entry);
  }
  const ranked = [...forms.entries()].sort(
    ([a, x], [b, y]) =>
      Number(x.initial) - Number(y.initial) ||
      y.words - x.words ||
      Number(y.nominative) - Number(x.nominative) ||
      y.count - x.count ||
      x.first - y.first ||
      (a < b ? -1 : 1),
  );
  const best = ranked[0];
  if (!best) return g.key;
  const [surface, info] = best;
  if (info.nominative) return surface;
  if (kind === 'person') return personNominative(surface);
  if (kind === 'organisation') return organisationNominative(surface);
  return placeNominative(surface);
}

/** `Κυριάκου Μητσοτάκη` → `Κυριάκος Μητσοτάκης`, when the given name tells the case. */
function personNominative(surface: string): string {
  const parts = surface.split(' ');
  const given = parts[0] ?? '';
  const info = givenName(foldWord(given));
  if (!info || parts.length < 2) return surface;
  if (info.feminine) return [info.nominative, ...parts.slice(1)].join(' ');
  if (foldWord(given) === foldWord(info.nominative)) return surface;
  return [info.nominative, ...parts.slice(1).map(masculineNominative)].join(' ');
}

function masculineNominative(word: string): string {
  const folded = foldWord(word);
  if (!/[α-ω]$/u.test(folded)) return word;
  if (/(?:η|α)$/u.test(folded)) return `${word}ς`;
  if (/ου$/u.test(folded)) return word.replace(/ού$/u, 'ός').replace(/ου$/u, 'ος');
  if (/ο$/u.test(folded)) return `${word}ς`;
  return word;
}

/** `Νέας Δημοκρατίας` → `Νέα Δημοκρατία`, `Πανεπιστημίου Μπράουν` → `Πανεπιστήμιο Μπράουν`. */
function organisationNominative(surface: string): string {
  const parts = surface.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (/^(?:του|της|των)$/u.test(p)) {
      out.push(...parts.slice(i));
      break;
    }
    out.push(feminineOrNeuterNominative(p));
  }
  return out.join(' ');
}

function placeNominative(surface: string): string {
  return surface
    .split(' ')
    .map((p) => (/[\u0370-\u03ff]ας$/u.test(p) ? p.slice(0, -1) : p))
    .join(' ');
}

function feminineOrNeuterNominative(word: string): string {
  if (!/[\u0370-\u03ff]$/u.test(word) || describe(word).shape !== 'title') return word;
  if (/ίου$/u.test(word)) return word.replace(/ίου$/u, 'ίο');
  if (/ιού$/u.test(word)) return word.replace(/ιού$/u, 'ιό');
  if (/(?:ας|ής|ης)$/u.test(word)) return word.slice(0, -1);
  return word;
}
