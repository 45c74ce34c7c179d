import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transcribe } from '../../src/greek/elot743.ts';

const VECTORS = fileURLToPath(new URL('../../../shared/testdata/elot743.tsv', import.meta.url));
const vectorsPresent = existsSync(VECTORS);

/** Rows of `Greek<TAB>Latin` after the header line. */
function readVectors(): [string, string][] {
  return readFileSync(VECTORS, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [greek = '', latin = ''] = line.split('\t');
      return [greek, latin.normalize('NFC')];
    });
}

describe.skipIf(!vectorsPresent)(
  vectorsPresent
    ? 'ELOT 743 test vectors (../shared/testdata/elot743.tsv)'
    : 'ELOT 743 test vectors: SKIPPED because ../shared/testdata/elot743.tsv is absent',
  () => {
    const vectors = vectorsPresent ? readVectors() : [];

    it('has vectors to check', () => {
      expect(vectors.length).toBeGreaterThan(30);
    });

    it.each(vectors)('%s → %s', (greek, latin) => {
      expect(transcribe(greek)).toBe(latin);
    });
  },
);

describe('transcribe: letters', () => {
  it.each([
    ['θάλασσα', 'thálassa'],
    ['χώρα', 'chóra'],
    ['ψυχή', 'psychí'],
    ['ξένος', 'xénos'],
    ['φως', 'fos'],
    ['βουνό', 'vounó'],
    ['ζωή', 'zoí'],
    ['ηλικία', 'ilikía'],
    ['Ψυχικό', 'Psychikó'],
  ])('%s → %s', (greek, latin) => {
    expect(transcribe(greek)).toBe(latin);
  });

  it('writes both sigmas as s', () => {
    expect(transcribe('σεισμός')).toBe('seismós');
  });
});

describe('transcribe: αυ, ευ, ηυ', () => {
  it.each([
    ['αυτός', 'aftós'],
    ['ευθύνη', 'efthýni'],
    ['Ευρώπη', 'Evrópi'],
    ['αυγή', 'avgí'],
    ['ηύρα', 'ívra'],
    ['Ηύρα', 'Ívra'],
    ['ευαίσθητος', 'evaísthitos'],
  ])('%s → %s', (greek, latin) => {
    expect(transcribe(greek)).toBe(latin);
  });

  it('reads f at the end of a word', () => {
    expect(transcribe('γαυ')).toBe('gaf');
    expect(transcribe('ΓΑΥ')).toBe('GAF');
  });

  it('moves the accent of αύ, εύ, ηύ to the first vowel', () => {
    expect(transcribe('Εύβοια')).toBe('Évvoia');
    expect(transcribe('Ναύπακτος')).toBe('Náfpaktos');
  });

  it('keeps two vowels when the first is accented or υ has a dialytika', () => {
    expect(transcribe('άυλος')).toBe('áylos');
    expect(transcribe('προϋπόθεση')).toBe('proÿpóthesi');
    expect(transcribe('Ταΰγετος')).toBe('Taÿ́getos');
  });
});

describe('transcribe: ου', () => {
  it('is ou, with the accent on the u', () => {
    expect(transcribe('Μουσούρης')).toBe('Mousoúris');
    expect(transcribe('ΟΥΡΑΝΟΣ')).toBe('OURANOS');
  });

  it('is oy when the ο is accented or the υ has a dialytika', () => {
    expect(transcribe('όυ')).toBe('óy');
    expect(transcribe('οϋ')).toBe('oÿ');
  });
});

describe('transcribe: consonant pairs', () => {
  it('writes μπ as b at the start of a word and mp inside it', () => {
    expect(transcribe('Μπελούσοφ')).toBe('Beloúsof');
    expect(transcribe('μπαμπάκι')).toBe('bampáki');
    expect(transcribe('ΜΠΑΜΠΑΣ')).toBe('BAMPAS');
  });

  it('writes a word-final μπ as mp, as foreign names are spelled (a deliberate choice)', () => {
    expect(transcribe('Τραμπ')).toBe('Tramp');
    expect(transcribe('ΤΡΑΜΠ')).toBe('TRAMP');
  });

  it.each([
    ['Αγγλία', 'Anglía'],
    ['σφιγξ', 'sfinx'],
    ['Μάγχη', 'Mánchi'],
    ['αγκάθι', 'agkáthi'],
    ['ντομάτα', 'ntomáta'],
    ['τζάμι', 'tzámi'],
  ])('%s → %s', (greek, latin) => {
    expect(transcribe(greek)).toBe(latin);
  });
});

describe('transcribe: case', () => {
  it('writes all-caps words in capitals, digraphs included', () => {
    expect(transcribe('ΗΠΑ')).toBe('IPA');
    expect(transcribe('ΧΑΝΙΑ')).toBe('CHANIA');
    expect(transcribe('ΘΕΣΣΑΛΟΝΙΚΗ')).toBe('THESSALONIKI');
    expect(transcribe('ΨΑΡΑ')).toBe('PSARA');
  });

  it('capitalises only the first Latin letter of a capitalised word', () => {
    expect(transcribe('Χανιά')).toBe('Chaniá');
    expect(transcribe('Θεσσαλονίκη')).toBe('Thessaloníki');
  });

  it('treats a one-letter capital as a capitalised word', () => {
    expect(transcribe('Θ')).toBe('Th');
    expect(transcribe('Η Ελλάδα')).toBe('I Elláda');
  });

  it('looks at each Greek word on its own', () => {
    expect(transcribe('ΑΠΕ-ΜΠΕ')).toBe('APE-BE');
    expect(transcribe('Ο ΟΗΕ και η ΕΕ')).toBe('O OIE kai i EE');
  });

  it('keeps the accent of a capital vowel', () => {
    expect(transcribe('Άμστερνταμ')).toBe('Ámsterntam');
  });
});

describe('transcribe: text around Greek', () => {
  it('leaves non-Greek characters as they are', () => {
    expect(transcribe('Café №5, 2026 — 10 µm; 你好 🎉')).toBe('Café №5, 2026 — 10 µm; 你好 🎉');
  });

  it('transcribes Greek inside mixed text and next to Latin letters', () => {
    expect(transcribe('«Η ΕΡΤnews μετέδωσε»: 3 ώρες!')).toBe('«I ERTnews metédose»: 3 óres!');
  });

  it('gives the same result for decomposed and oxia spellings', () => {
    const composed = transcribe('Λευκάδα');
    expect(transcribe('Λευκάδα'.normalize('NFD'))).toBe(composed);
    expect(transcribe('Λευκ\u1F71δα')).toBe(composed);
  });

  it('turns the Greek question mark into a semicolon (NFC)', () => {
    expect(transcribe('Τι;\u037E')).toBe('Ti;;');
  });

  it('drops polytonic breathings, circumflex and grave, and keeps the acute', () => {
    expect(transcribe('Ἑλλάς')).toBe('Ellás');
    expect(transcribe('τῆς πόλεὼς')).toBe('tis póleos');
  });

  it('leaves Greek letters ELOT 743 does not cover untouched', () => {
    expect(transcribe('ϝ')).toBe('ϝ');
  });

  it('returns an empty string for an empty text', () => {
    expect(transcribe('')).toBe('');
  });
});

describe('transcribe: words remembered', () => {
  it('gives each word its own transcription, before and after the memory is emptied', () => {
    const expected = ['Αύριο', 'αύριο', 'ΑΥΡΙΟ', 'Εύβοια'].map((w) => transcribe(w));
    expect(expected).toEqual(['Ávrio', 'ávrio', 'AVRIO', 'Évvoia']);
    // More distinct words than are remembered: the memory is emptied on the way.
    const letters = 'αβγδεζηθικλμνξοπρστυφχψω';
    for (let i = 0; i < 110_000; i++) {
      let word = '';
      for (let n = i; word.length < 4; n = Math.floor(n / letters.length))
        word += letters[n % letters.length];
      transcribe(word);
    }
    expect(['Αύριο', 'αύριο', 'ΑΥΡΙΟ', 'Εύβοια'].map((w) => transcribe(w))).toEqual(expected);
    expect(transcribe('Αύριο στην Εύβοια')).toBe('Ávrio stin Évvoia');
  });
});
