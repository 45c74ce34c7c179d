import { memo } from '../memo.ts';
import { transcribe } from './elot743.ts';

const COMBINING_MARKS = /\p{M}/gu;

/** Latin letters with no combining mark to strip that still have a usual ASCII spelling. */
const ASCII_SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};
const SPELLED_LETTERS = new RegExp(`[${Object.keys(ASCII_SPELLINGS).join('')}]`, 'gu');

/**
 * A lower-case ASCII URL slug: Greek by ELOT 743 without accents
 * (`Υπουργοί Άμυνας` → `ypourgoi-amynas`), Latin without accents, other scripts dropped.
 * Empty when nothing transliterable remains: the caller decides the fallback.
 */
export function slugify(text: string, maxLength = 80): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`slug length must be a positive integer, not ${maxLength}`);
  }
  // White space becomes a hyphen and no rule looks across it, so a text's slug is its words'
  // slugs joined: a build slugs 100,000 titles, whose words keep coming back.
  let slug = '';
  for (const word of text.split(WHITE_SPACE)) {
    const part = wordSlug(word);
    if (part !== '') slug = slug === '' ? part : `${slug}-${part}`;
  }
  return truncate(slug, maxLength);
}

const WHITE_SPACE = /\s+/u;
const wordSlug = memo(slugOfText, 100_000);

/** The slug of a whole text at once, without a length limit: what `slugify` computes by words. */
export function slugOfText(text: string): string {
  return transcribe(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPELLED_LETTERS, (letter) => ASCII_SPELLINGS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Cuts at the last hyphen that fits, so that no word is chopped unless one word is too long. */
function truncate(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const boundary = slug.lastIndexOf('-', maxLength);
  return boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, maxLength);
}
