import { unitTable } from '../unit-table.ts';

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*/gu;
const SPACE = /\s+/;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The words of a text in order, as written (no folding). Numbers count as words. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Per UTF-16 unit: white space (as `\s` has it), a letter or digit, or neither. */
const SPACE_UNIT = 1;
const WORD_UNIT = 2;
const UNIT_CLASS = unitTable(Uint8Array, (char) =>
  SPACE.test(char) ? SPACE_UNIT : HAS_WORD_CHARACTER.test(char) ? WORD_UNIT : 0,
);

/**
 * Count of words as a reader would count them: runs between spaces that hold a letter or a
 * digit. One pass over a table, with no string per word: every paragraph of an archive is
 * counted.
 */
export function countWords(text: string): number {
  let count = 0;
  let hasWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let unit = UNIT_CLASS[code]!;
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        unit = HAS_WORD_CHARACTER.test(text.slice(i, i + 2)) ? WORD_UNIT : 0;
        i++;
      }
    }
    if (unit === SPACE_UNIT) {
      if (hasWord) count++;
      hasWord = false;
    } else if (unit === WORD_UNIT) hasWord = true;
  }
  return hasWord ? count + 1 : count;
}
