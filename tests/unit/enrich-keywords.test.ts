import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEYWORD_COUNT, keywords, MIN_STEM_LENGTH } from '../../src/enrich/keywords.ts';
import { contentStems } from '../../src/enrich/topics-text.ts';
import { parseFile } from '../../src/ingest/parse-file.ts';

/** Keywords read word by word through `contentStems`: what the fast reading must equal. */
function reference(article: { title: string; paragraphs: readonly string[] }): string[] {
  const frequency = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const stem of contentStems(text)) {
      if (stem.length >= MIN_STEM_LENGTH) frequency.set(stem, (frequency.get(stem) ?? 0) + weight);
    }
  };
  add(article.title, 2);
  for (const paragraph of article.paragraphs.slice(0, 2)) add(paragraph, 1);
  return [...frequency]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, KEYWORD_COUNT)
    .map(([stem]) => stem);
}

const REAL = path.resolve(import.meta.dirname, '../../../shared/corpus/real');

describe('keywords', () => {
  it('are the most frequent stems of title and lead, the title counted twice', () => {
    const article = {
      title: 'Σεισμός στην Κρήτη: σεισμός 5 Ρίχτερ',
      paragraphs: ['Ισχυρός σεισμός σημειώθηκε στην Κρήτη.', 'Ζημιές στα σπίτια.', 'Αγνοείται.'],
    };
    const found = keywords(article);
    expect(found[0]).toBe(reference(article)[0]);
    expect(found).toEqual(reference(article));
    expect(found.join(' ')).not.toMatch(/αγνοει/);
  });

  it('equal the word-by-word reading on any text', () => {
    const letters = fc.constantFrom(...'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊΐΑΒΓΣςÀéz'.split(''));
    const text = fc
      .array(
        fc.oneof(
          fc.string({ unit: letters, minLength: 1, maxLength: 12 }),
          fc.constantFrom(' ', ', ', '. ', '5', '\n'),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (title, paragraphs) => {
        expect(keywords({ title, paragraphs })).toEqual(reference({ title, paragraphs }));
      }),
      { numRuns: 500 },
    );
  });

  it('equal the word-by-word reading on the real corpus', () => {
    const files = readdirSync(REAL, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 400);
    let articles = 0;
    for (const file of files) {
      for (const article of parseFile(readFileSync(path.join(REAL, file)), file).articles) {
        articles++;
        expect(keywords(article), `${file}:${article.source.line}`).toEqual(reference(article));
      }
    }
    expect(articles).toBeGreaterThan(300);
  });
});
