import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, OTHER_WORD, SKIPPED_WORD } from '../../src/enrich/taxonomy.ts';
import {
  contentStems,
  foldedWords,
  isContentWord,
  isRegularWord,
  stemFolded,
  termStems,
  WordTable,
} from '../../src/enrich/topics-text.ts';

const REAL = fileURLToPath(new URL('../../../shared/corpus/real/articles', import.meta.url));
const SAMPLES = [
  'Ο Κινέζος υπουργός Άμυνας δήλωσε σήμερα στον Ρώσο ομόλογό του ότι «Πεκίνο και Μόσχα»…',
  'ΑΜΥΝΑΣ, Άμυνας, άμυνας; αμυνας· Αμυνα!',
  'Πολυτονικό: ἡ Ἀθῆναι, ὁ Ζεὺς καὶ ἡ Ἑλλάς',
  'Decomposed: α\u0301μυνα and Ιράν, COVID-19, iPhone 11 Pro, 5G, 3,5% και 2.000 ευρώ',
  'ΑΠΕ-ΜΠΕ: κατ’ αρχήν ο Δ.Σ. «Ταΰγετος» Ψυχικό Ευρώπη Σίσυφος',
  '',
  '   ',
  'x'.repeat(200) + ' τέλος',
];

/** Every id `scan` reports, with a table that numbers the words it meets. */
function scanned(text: string): string[] {
  const seen: string[] = [];
  const table = new WordTable((w) => {
    seen.push(w);
    return seen.length - 1;
  }, 0);
  const out = new Int32Array(text.length + 2);
  const end = table.scan(text, out, 0);
  return [...out.subarray(0, end)].map((id) => seen[id]!);
}

describe('reading words', () => {
  it('folds words: no accents, lower case, final sigma as σ', () => {
    expect(foldedWords('ΑΜΥΝΑΣ, Άμυνας; Ιράν')).toEqual(['αμυνασ', 'αμυνασ', 'ιραν']);
  });

  it('keeps content words only, stemmed', () => {
    expect(contentStems('Ο υπουργός της Άμυνας και οι υπουργοί')).toEqual([
      'υπουργ',
      'αμυν',
      'υπουργ',
    ]);
    expect(isContentWord('και')).toBe(false);
    expect(isContentWord('α')).toBe(false);
    expect(termStems('Υπουργείο Άμυνας')).toEqual(['υπουργ', 'αμυν']);
  });

  it('scans exactly the words of the reference reader, without building strings', () => {
    for (const text of SAMPLES) expect(scanned(text), text).toEqual(foldedWords(text));
  });

  it('scans the real corpus like the reference reader', () => {
    if (!existsSync(REAL)) return;
    for (const file of readdirSync(REAL).slice(0, 300)) {
      const text = readFileSync(`${REAL}/${file}`, 'utf8');
      expect(scanned(text), file).toEqual(foldedWords(text));
    }
  });

  it('finds each word again after the table grows', () => {
    const words = Array.from({ length: 50_000 }, (_, i) =>
      `λέξη${i.toString(36)}`.replace(/\d/g, 'α'),
    );
    const ids = new Map<string, number>();
    const table = new WordTable((w) => {
      if (!ids.has(w)) ids.set(w, ids.size);
      return ids.get(w)!;
    }, 0);
    const text = words.join(' ');
    const out = new Int32Array(text.length);
    const first = [...out.subarray(0, table.scan(text, out, 0))];
    const second = [...out.subarray(0, table.scan(text, out, 0))];
    expect(second).toEqual(first);
    expect(table.size).toBe(ids.size);
  });
});

describe('the stem-prefix shortcut', () => {
  it('holds for nearly every word: a stem is the start of its word', () => {
    const words = new Set<string>(SAMPLES.flatMap(foldedWords));
    if (existsSync(REAL)) {
      for (const file of readdirSync(REAL)) {
        for (const w of foldedWords(readFileSync(`${REAL}/${file}`, 'utf8'))) words.add(w);
      }
    }
    const irregular = [...words].filter((w) => !isRegularWord(w));
    expect(words.size).toBeGreaterThan(existsSync(REAL) ? 60_000 : 40);
    expect(irregular.length).toBeLessThanOrEqual(Math.max(2, words.size / 5000));
    for (const w of irregular) expect(w.startsWith('παλ'), w).toBe(true);
  });

  it('gives the same ids as stemming every word', () => {
    const compiled = compileTaxonomy(
      {
        topics: [
          { slug: 'a', name: 'A', terms: { κυβέρνηση: 1, παλιές: 1, Ιράν: 2, ΝΔ: 2 } },
          { slug: 'b', name: 'B', terms: { στρατός: 1, iPhone: 1 } },
        ],
      },
      { learned: null },
    );
    const text =
      'Η κυβέρνηση, οι παλιοί και οι παλιές, το Ιράν και η ΝΔ, ο στρατός, το iPhone, και άλλες λέξεις';
    const expected = foldedWords(text)
      .map((w) =>
        !isContentWord(w)
          ? SKIPPED_WORD
          : isRegularWord(w)
            ? (compiled.features.get(stemFolded(w)) ?? OTHER_WORD)
            : OTHER_WORD,
      )
      .filter((id) => id !== SKIPPED_WORD);
    const out = new Int32Array(text.length + 2);
    const end = compiled.words.scan(text, out, 0);
    expect([...out.subarray(0, end)]).toEqual(expected);
    expect(expected.filter((id) => id >= 0)).toHaveLength(5); // παλιοί, παλιές: irregular
  });
});
