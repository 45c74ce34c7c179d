/**
 * The words topic assignment looks at, and a fast way to read them.
 *
 * A "word" here is a maximal run of letters, folded (`fold`: no accents, lower case, final
 * sigma as σ). Digits, punctuation and symbols separate words. A "content word" is a word of at
 * least two letters that is not a stopword; its stem (`stem`) is what the taxonomy is matched
 * against.
 *
 * `contentStems` is the plain reference implementation (used when learning weights and in
 * tests). `WordTable.scan` gives the same words without building a string per word: it folds
 * through a lookup table built from `fold` itself and finds each word in an open-addressing hash
 * table, so that an archive of 100,000 articles is read in seconds.
 */
import { fold } from '../greek/fold.ts';
import { stem } from '../greek/stem.ts';
import { isFoldedStopword } from '../greek/stopwords.ts';
import { unitTable } from '../unit-table.ts';

/** Shortest word worth a look: single letters are initials, numerals or function words. */
export const MIN_WORD_LENGTH = 2;

const LETTER_RUN = /\p{L}+/gu;

/**
 * Final mixing of a word's FNV-1a hash (MurmurHash3's finaliser): FNV's low bits, which pick
 * the slot, are poorly spread for words of one alphabet, and long probe runs would follow.
 */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Longest word kept whole; longer runs of letters are cut (they are not words anyway). */
export const MAX_WORD = 64;

/** The folded words of a text, in order (the reference for `WordTable.scan`). */
export function foldedWords(text: string): string[] {
  const words = fold(text).match(LETTER_RUN) ?? [];
  return words.map((word) => (word.length > MAX_WORD ? word.slice(0, MAX_WORD) : word));
}

/** Whether a folded word counts for topics: long enough and not a function word. */
export function isContentWord(folded: string): boolean {
  return folded.length >= MIN_WORD_LENGTH && !isFoldedStopword(folded);
}

/** The stems of the content words of a text, in order (stopwords and single letters dropped). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const word of foldedWords(text)) if (isContentWord(word)) out.push(stemFolded(word));
  return out;
}

/** The stem of an already folded word. */
export function stemFolded(folded: string): string {
  return stem(folded);
}

/** Whether a word can be matched: its stem is the start of it (true of all but a few words). */
export function isRegularWord(folded: string): boolean {
  return folded.startsWith(stemFolded(folded));
}

/**
 * The stems of a term as a person writes it in the taxonomy (`Υπουργείο Άμυνας` →
 * `υπουργει`, `αμυν`): the same folding, stopword removal and stemming as the article text.
 */
export function termStems(term: string): string[] {
  return contentStems(term);
}

// ---------------------------------------------------------------------------------------------
// Folding table: one entry per UTF-16 code unit.

/** Table value of a combining mark: skipped inside a word, as `fold` drops it. */
const MARK = 1;
const LETTER = /^\p{L}$/u;
const COMBINING = /^\p{M}$/u;

/**
 * Folded code unit of each letter, MARK for combining marks, 0 for everything else (astral
 * letters are not read).
 */
const FOLD_TABLE = unitTable(Uint16Array, (char) => {
  if (COMBINING.test(char)) return MARK;
  if (!LETTER.test(char)) return 0;
  const folded = fold(char);
  const unit = folded.length > 0 ? folded.charCodeAt(0) : 0;
  return unit > MARK ? unit : 0;
});

const EMPTY = -1;

/**
 * A cache from folded words to integer ids, read straight from unfolded text.
 * `resolve` gives the id of a word seen for the first time; it must be a pure function of the
 * word, so that results never depend on what was read before. Ids below `skipBelow` are not
 * reported by `scan` (e.g. stopwords).
 */
export class WordTable {
  private capacity = 1 << 16;
  /**
   * Two 32-bit cells per slot, side by side so that a probe touches one cache line: the word's
   * offset in `pool` (EMPTY when the slot is free), then its id and length packed as
   * `(id + 2) << 7 | length`.
   */
  private slots = newSlots(this.capacity);
  private pool = new Uint16Array(1 << 18);
  private poolLength = 0;
  private count = 0;
  private readonly word = new Uint16Array(MAX_WORD);

  constructor(
    private readonly resolve: (folded: string) => number,
    private readonly skipBelow: number,
    /** The cache is emptied when it holds this many words, to bound memory. */
    private readonly maxWords = 1 << 21,
  ) {}

  /** Number of distinct words cached. */
  get size(): number {
    return this.count;
  }

  /**
   * Appends to `out` (from index `start`) the id of each word of `text` whose id is at least
   * `skipBelow`; returns the new end index. `out` must have room for `text.length / 2 + 1` ids
   * past `start` (a word has at least one letter and is followed by a separator or the end).
   */
  scan(text: string, out: Int32Array, start: number): number {
    const table = FOLD_TABLE;
    const word = this.word;
    let end = start;
    let length = 0;
    let hash = 0x811c9dc5 | 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const unit = i < n ? table[text.charCodeAt(i)]! : 0;
      if (unit > MARK) {
        if (length < MAX_WORD) {
          word[length++] = unit;
          hash = Math.imul(hash ^ unit, 0x01000193);
        }
      } else if (unit === 0 && length > 0) {
        const id = this.lookup(hash, length);
        if (id >= this.skipBelow) out[end++] = id;
        length = 0;
        hash = 0x811c9dc5 | 0;
      }
    }
    return end;
  }

  /** The id of the word in `this.word[0..length)`. */
  private lookup(hash: number, length: number): number {
    const word = this.word;
    const slots = this.slots;
    const mask = this.capacity - 1;
    let slot = mix(hash) & mask;
    for (;;) {
      const offset = slots[2 * slot]!;
      if (offset === EMPTY) break;
      const packed = slots[2 * slot + 1]!;
      if ((packed & 127) === length) {
        const pool = this.pool;
        let k = 0;
        while (k < length && pool[offset + k] === word[k]) k++;
        if (k === length) return (packed >>> 7) - 2;
      }
      slot = (slot + 1) & mask;
    }
    const folded = String.fromCharCode(...word.subarray(0, length));
    const value = this.resolve(folded);
    this.insert(slot, length, value);
    return value;
  }

  private insert(slot: number, length: number, value: number): void {
    if (this.count >= this.maxWords) {
      this.clear();
      slot = findEmpty(this.slots, hashOf(this.word, 0, length));
    } else if ((this.count + 1) * 2 > this.capacity) {
      this.grow();
      slot = findEmpty(this.slots, hashOf(this.word, 0, length));
    }
    if (this.poolLength + length > this.pool.length) {
      const bigger = new Uint16Array(this.pool.length * 2);
      bigger.set(this.pool.subarray(0, this.poolLength));
      this.pool = bigger;
    }
    this.pool.set(this.word.subarray(0, length), this.poolLength);
    this.slots[2 * slot] = this.poolLength;
    this.slots[2 * slot + 1] = ((value + 2) << 7) | length;
    this.poolLength += length;
    this.count++;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const slots = newSlots(capacity);
    for (let slot = 0; slot < this.capacity; slot++) {
      const offset = this.slots[2 * slot]!;
      if (offset === EMPTY) continue;
      const packed = this.slots[2 * slot + 1]!;
      const target = findEmpty(slots, hashOf(this.pool, offset, packed & 127));
      slots[2 * target] = offset;
      slots[2 * target + 1] = packed;
    }
    this.capacity = capacity;
    this.slots = slots;
  }

  private clear(): void {
    this.capacity = 1 << 16;
    this.slots = newSlots(this.capacity);
    this.poolLength = 0;
    this.count = 0;
  }
}

function newSlots(capacity: number): Int32Array {
  const slots = new Int32Array(2 * capacity);
  for (let slot = 0; slot < capacity; slot++) slots[2 * slot] = EMPTY;
  return slots;
}

function hashOf(units: Uint16Array, offset: number, length: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = 0; k < length; k++) hash = Math.imul(hash ^ units[offset + k]!, 0x01000193);
  return hash;
}

function findEmpty(slots: Int32Array, hash: number): number {
  const mask = slots.length / 2 - 1;
  let slot = mix(hash) & mask;
  while (slots[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
  return slot;
}
