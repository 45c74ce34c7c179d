import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, upperGreek } from '../../src/greek/fold.ts';
import { stem } from '../../src/greek/stem.ts';
import { isFoldedStopword, isStopword } from '../../src/greek/stopwords.ts';
import { countWords, words } from '../../src/greek/tokenize.ts';

describe('fold', () => {
  it('folds case, accents and final sigma alike', () => {
    expect(fold('ΑΜΥΝΑΣ')).toBe('αμυνασ');
    expect(fold('Άμυνας')).toBe('αμυνασ');
    expect(fold('αμυνας')).toBe('αμυνασ');
    expect(fold('αμυνα')).toBe('αμυνα');
  });

  it('drops the dialytika too', () => {
    expect(fold('Πτολεμαΐδα')).toBe('πτολεμαιδα');
    expect(fold('ΠΡΟΫΠΟΘΕΣΗ')).toBe(fold('προϋπόθεση'));
  });

  it('gives one key for composed, decomposed and oxia spellings', () => {
    expect(fold('Άμυνας'.normalize('NFD'))).toBe('αμυνασ');
    expect(fold('\u1F71μυνα')).toBe('αμυνα');
  });

  it('folds Latin text as well', () => {
    expect(fold('Café NATO')).toBe('cafe nato');
  });

  it('is idempotent on every character, so a folded word needs no folding again', () => {
    const changed: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const once = fold(String.fromCharCode(code));
      if (fold(once) !== once) changed.push(code.toString(16));
    }
    expect(changed).toEqual([]);
  });
});

describe('isFoldedStopword', () => {
  it('agrees with isStopword on folded words', () => {
    for (const word of ['Και', 'ΤΟΥ', 'σύμφωνα', 'Μητσοτάκης', 'της', 'κυβέρνηση', 'ΌΜΩΣ']) {
      expect(isFoldedStopword(fold(word)), word).toBe(isStopword(word));
    }
    expect(isFoldedStopword('και')).toBe(true);
    expect(isFoldedStopword('κυβερνηση')).toBe(false);
  });
});

describe('upperGreek', () => {
  it('drops the tonos', () => {
    expect(upperGreek('Άμυνα')).toBe('ΑΜΥΝΑ');
    expect(upperGreek('υπουργός Άμυνας')).toBe('ΥΠΟΥΡΓΟΣ ΑΜΥΝΑΣ');
  });

  it('keeps the dialytika, including where it met a tonos', () => {
    expect(upperGreek('προϋπόθεση')).toBe('ΠΡΟΫΠΟΘΕΣΗ');
    expect(upperGreek('Πτολεμαΐδα')).toBe('ΠΤΟΛΕΜΑΪΔΑ');
    expect(upperGreek('Ταΰγετος')).toBe('ΤΑΫΓΕΤΟΣ');
  });

  it('adds a dialytika where the dropped tonos kept two vowels apart', () => {
    expect(upperGreek('Μάιος')).toBe('ΜΑΪΟΣ');
    expect(upperGreek('άυλος')).toBe('ΑΫΛΟΣ');
    expect(upperGreek('Μαΐ')).toBe('ΜΑΪ');
    // A real diphthong stays one: no dialytika.
    expect(upperGreek('Αύγουστος')).toBe('ΑΥΓΟΥΣΤΟΣ');
  });

  it('returns composed text', () => {
    const upper = upperGreek('Ταΰγετος');
    expect(upper).toBe(upper.normalize('NFC'));
  });
});

describe('stem', () => {
  it('gives the cases of a name one stem', () => {
    expect(stem('Ρωσία')).toBe(stem('Ρωσίας'));
    expect(stem('Ρωσία')).toBe('ρωσ');
  });

  it('gives singular and plural one stem', () => {
    expect(stem('υπουργός')).toBe(stem('υπουργοί'));
    expect(stem('υπουργός')).toBe('υπουργ');
    expect(stem('υπουργείο')).toBe('υπουργ');
  });

  it('stems any spelling of a word alike', () => {
    expect(stem('ΑΜΥΝΑΣ')).toBe(stem('Άμυνας'));
    expect(stem('αμυνα')).toBe(stem('Άμυνας'));
  });

  it('keeps short words whole rather than cut them to nothing', () => {
    expect(stem('Ιράν')).toBe('ιραν');
    expect(stem('ΗΠΑ')).toBe('ηπα');
  });

  it('folds but does not stem non-Greek words', () => {
    expect(stem('Trump')).toBe('trump');
  });
});

describe('isStopword', () => {
  it.each(['και', 'ΚΑΙ', 'του', 'τους', 'Τους', 'τις', 'τη', 'ένα', 'ΕΝΑ'])(
    '%s is a function word',
    (word) => {
      expect(isStopword(word)).toBe(true);
    },
  );

  it.each(['υπουργός', 'Άμυνας', 'Ρωσία', 'σεισμός'])('%s is not a function word', (word) => {
    expect(isStopword(word)).toBe(false);
  });
});

describe('words and countWords', () => {
  const text = 'Ο υπουργός Άμυνας, στις 27/1, είπε «όχι» — 3,5% και ΑΠΕ-ΜΠΕ.';

  it('splits text into words as written, numbers included', () => {
    expect(words(text)).toEqual([
      'Ο',
      'υπουργός',
      'Άμυνας',
      'στις',
      '27',
      '1',
      'είπε',
      'όχι',
      '3,5',
      'και',
      'ΑΠΕ-ΜΠΕ',
    ]);
  });

  it('keeps decomposed accents inside the word', () => {
    expect(words('Άμυνας'.normalize('NFD'))).toEqual(['Άμυνας'.normalize('NFD')]);
  });

  it('counts words between spaces, so a date such as 27/1 is one word', () => {
    expect(countWords(text)).toBe(words(text).length - 1);
    expect(countWords(text)).toBe(10);
    expect(countWords('Η «Κίνα» είπε — ναι.')).toBe(4);
  });

  it('finds no words in empty or punctuation-only text', () => {
    expect(words('')).toEqual([]);
    expect(words(' — «» ... ')).toEqual([]);
    expect(countWords('')).toBe(0);
    expect(countWords(' — «» ... ')).toBe(0);
  });

  it('counts as splitting at white space and keeping the runs with a letter or digit', () => {
    // The plain reading of the rule, against text of spaces of every kind, Greek and Latin,
    // digits, punctuation, astral letters and digits, and lone surrogates.
    const reference = (s: string) =>
      s.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
    const pieces = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u200b',
      'α',
      'Ά',
      'x',
      '7',
      '٣',
      '—',
      '«',
      '.',
      '𝐀',
      '𝟗',
      '😀',
      '\ud835',
      '\udc00',
      '\u0301',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(countWords(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
