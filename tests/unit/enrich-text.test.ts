import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/enrich/excerpt.ts';
import { readingStats, WORDS_PER_MINUTE } from '../../src/enrich/reading.ts';

describe('excerpt', () => {
  it('keeps a short first paragraph whole', () => {
    expect(excerpt(['Μια σύντομη παράγραφος.', 'Δεύτερη.'])).toBe('Μια σύντομη παράγραφος.');
  });

  it('cuts a long paragraph at a word boundary and marks the cut', () => {
    const long = 'λέξη '.repeat(100).trim();
    const result = excerpt([long], 50);
    expect(result.endsWith('…')).toBe(true);
    expect(result.length).toBeLessThanOrEqual(51);
    expect(
      result
        .slice(0, -1)
        .split(' ')
        .every((w) => w === 'λέξη'),
    ).toBe(true);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    const text = `${'α'.repeat(40)}, ${'β'.repeat(40)}`;
    expect(excerpt([text], 45)).toBe(`${'α'.repeat(40)}…`);
  });

  it('never cuts an emoji in half', () => {
    const text = `${'α'.repeat(30)}${'😀'.repeat(40)}`;
    const result = excerpt([text], 50);
    expect(result).toBe(`${'α'.repeat(30)}${'😀'.repeat(20)}…`);
    expect(result.isWellFormed()).toBe(true);
  });

  it('skips empty paragraphs', () => {
    expect(excerpt(['', '  ', 'Κείμενο'])).toBe('Κείμενο');
  });
});

describe('reading stats', () => {
  it('counts Greek words in the title and body', () => {
    const stats = readingStats('Συναμίλησαν οι υπουργοί', [
      'Ο Κινέζος υπουργός Άμυνας δήλωσε σήμερα.',
    ]);
    expect(stats.wordCount).toBe(9);
    expect(stats.readingMinutes).toBe(1);
  });

  it('rounds reading time to whole minutes at the stated pace', () => {
    const body = Array.from({ length: 5 }, () => 'λέξη '.repeat(WORDS_PER_MINUTE).trim());
    expect(readingStats('', body).readingMinutes).toBe(5);
  });
});
