import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugOfText, slugify } from '../../src/greek/slug.ts';

const TITLE = 'Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών';

describe('slugify', () => {
  it('transcribes a Greek title by ELOT 743 without accents', () => {
    expect(slugify(TITLE)).toBe('synamilisan-oi-ypourgoi-amynas-ton-dyo-choron');
  });

  it.each([
    ['Ευρώπη', 'evropi'],
    ['Μπελούσοφ', 'belousof'],
    ['Ψυχικό', 'psychiko'],
    ['Ταΰγετος', 'taygetos'],
    ['Πτολεμαΐδα', 'ptolemaida'],
    ['Ο Τραμπ στις ΗΠΑ', 'o-tramp-stis-ipa'],
    ['ΧΑΝΙΑ', 'chania'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives the same slug whatever the Unicode normalisation of the input', () => {
    expect(slugify(TITLE.normalize('NFD'))).toBe(slugify(TITLE));
  });

  it('strips accents from Latin text', () => {
    expect(slugify('Café')).toBe('cafe');
    expect(slugify('Ärger über São Paulo')).toBe('arger-uber-sao-paulo');
  });

  it('spells Latin letters that have no accent to strip', () => {
    expect(slugify('Straße Ærø Łódź')).toBe('strasse-aero-lodz');
  });

  it('keeps digits', () => {
    expect(slugify('Σεισμός 5,2 Ρίχτερ το 2026')).toBe('seismos-5-2-richter-to-2026');
  });

  it('collapses punctuation and spaces into single hyphens, none at the ends', () => {
    expect(slugify('  «ΑΠΕ-ΜΠΕ»: — Νέα!!! ')).toBe('ape-be-nea');
  });

  it('drops other scripts and emoji', () => {
    expect(slugify('Путин и Си 习近平 🎉 συνάντηση')).toBe('synantisi');
  });

  it('returns an empty string when nothing transliterable remains', () => {
    expect(slugify('Привет 你好 🎉')).toBe('');
    expect(slugify('!!! — ???')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('is the slug of the whole text, though it is worked out word by word', () => {
    const pieces = [
      ...'αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏΪΫ',
      ...'abcxyzABCXYZéüçñØßæœłİ0123456789',
      ...' \t\n\u00a0\u2009«»“”"\'.,;:!?()-–—/·΄¨',
      '\u0301',
      '\u0308',
      '\u0313',
      'ου',
      'αυ',
      'ευ',
      'μπ',
      'ντ',
      'γγ',
      'Путин',
      '习近平',
      '🎉',
      '🇬🇷',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    // Twice over the same texts: words met before come from memory.
    for (let round = 0; round < 2; round++) {
      fc.assert(
        fc.property(text, (t) => slugify(t, 10_000) === slugOfText(t)),
        { numRuns: 2_000, seed: 20261128 },
      );
    }
  });

  describe('length', () => {
    it('cuts at 80 characters by default, on a word boundary', () => {
      const slug = slugify(`${TITLE} ${TITLE}`);
      expect(slug).toBe(
        'synamilisan-oi-ypourgoi-amynas-ton-dyo-choron-synamilisan-oi-ypourgoi-amynas-ton',
      );
      expect(slug.length).toBeLessThanOrEqual(80);
    });

    it('cuts on the last hyphen that fits', () => {
      expect(slugify(TITLE, 20)).toBe('synamilisan-oi');
      expect(slugify(TITLE, 14)).toBe('synamilisan-oi');
      expect(slugify(TITLE, 15)).toBe('synamilisan-oi');
    });

    it('cuts inside a word only when the first word is too long', () => {
      expect(slugify(TITLE, 5)).toBe('synam');
      expect(slugify('Ψαρά', 4)).toBe('psar');
    });

    it('leaves a slug that fits untouched', () => {
      expect(slugify('Ψαρά', 5)).toBe('psara');
      expect(slugify(TITLE, 45)).toBe('synamilisan-oi-ypourgoi-amynas-ton-dyo-choron');
    });

    it('rejects a length that is not a positive integer', () => {
      expect(() => slugify(TITLE, 0)).toThrow(RangeError);
      expect(() => slugify(TITLE, 2.5)).toThrow(RangeError);
    });
  });
});
