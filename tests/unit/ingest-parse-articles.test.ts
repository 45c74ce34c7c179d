import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isValidIsoDate, parseArticles } from '../../src/ingest/parse-articles.ts';
import type { Diagnostic } from '../../src/model.ts';

const FILE = 'articles/test.txt';
const parse = (...lines: string[]) => parseArticles(lines.join('\n'), FILE);
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const at = (d: Diagnostic | undefined) => d && [d.code, d.line, d.column];

describe('parseArticles: the seed sample', () => {
  it('reads exactly one article with its title and 10 paragraphs', () => {
    const text = fs.readFileSync(new URL('../fixtures/ingest/seed.txt', import.meta.url), 'utf8');
    const r = parseArticles(text, 'articles/2026-01-27.txt');
    expect(r.diagnostics).toEqual([]);
    expect(r.rejected).toBe(0);
    expect(r.articles).toHaveLength(1);
    const [a] = r.articles;
    expect(a?.date).toBe('2026-01-27');
    expect(a?.ordinal).toBe(0);
    expect(a?.title).toBe('Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών');
    expect(a?.paragraphs).toHaveLength(10);
    expect(a?.paragraphs[0]).toMatch(/^Ο Κινέζος υπουργός Άμυνας δήλωσε σήμερα/);
    expect(a?.source).toEqual({ file: 'articles/2026-01-27.txt', line: 1 });
    for (const p of a?.paragraphs ?? []) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/\s{2}|\n/);
    }
  });
});

describe('parseArticles: structure', () => {
  it('reads several articles, joining paragraph lines and collapsing white space', () => {
    const r = parse(
      'date 2026-01-27 0',
      '',
      '  Πρώτος   τίτλος ',
      '',
      'Πρώτη γραμμή',
      '  δεύτερη\tγραμμή  ',
      '',
      '',
      ' \t ',
      'Δεύτερη παράγραφος.',
      'date 2026-01-27 1',
      '',
      'Δεύτερος τίτλος',
      '',
      'Κείμενο.',
      '',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.rejected).toBe(0);
    expect(r.articles).toEqual([
      {
        date: '2026-01-27',
        ordinal: 0,
        title: 'Πρώτος τίτλος',
        paragraphs: ['Πρώτη γραμμή δεύτερη γραμμή', 'Δεύτερη παράγραφος.'],
        source: { file: FILE, line: 1 },
      },
      {
        date: '2026-01-27',
        ordinal: 1,
        title: 'Δεύτερος τίτλος',
        paragraphs: ['Κείμενο.'],
        source: { file: FILE, line: 11 },
      },
    ]);
  });

  it('accepts CRLF and CR line breaks', () => {
    const r = parseArticles('date 2026-01-27 0\r\n\r\nΤίτλος\r\n\r\nα\rβ\r\n', FILE);
    expect(r.articles[0]?.title).toBe('Τίτλος');
    expect(r.articles[0]?.paragraphs).toEqual(['α β']);
  });

  it('allows leading and trailing spaces and tabs around a header without a warning', () => {
    const r = parse(' \t date 2026-01-27 3 \t', '', 'Τίτλος', '', 'Κείμενο.');
    expect(r.diagnostics).toEqual([]);
    expect(r.articles[0]?.ordinal).toBe(3);
  });

  it('does not take ordinary lines starting with "date" for headers', () => {
    const r = parse(
      'date 2026-01-27 0',
      '',
      'Τίτλος',
      '',
      'Date of birth: unknown.',
      '',
      'dated 1990 and more',
      '',
      'Date: tomorrow',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.articles[0]?.paragraphs).toEqual([
      'Date of birth: unknown.',
      'dated 1990 and more',
      'Date: tomorrow',
    ]);
  });

  it('keeps the header line of each article as its source line', () => {
    const r = parse(
      'date 2026-01-27 0',
      '',
      'Α',
      '',
      'β',
      '',
      '',
      'date 2026-01-27 1',
      '',
      'Γ',
      '',
      'δ',
    );
    expect(r.articles.map((a) => a.source.line)).toEqual([1, 8]);
  });
});

describe('parseArticles: header dates', () => {
  it.each([
    ['2026-02-30', 'February 2026 has 28 days'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-00-10', 'there is no month 00'],
    ['0000-01-01', 'there is no year 0000'],
    ['2026-04-31', 'April 2026 has 30 days'],
    ['1900-02-29', 'February 1900 has 28 days'],
    ['2026-01-00', 'January 2026 has 31 days'],
  ])('rejects the impossible date %s', (date, reason) => {
    const r = parse(`date ${date} 0`, '', 'Τίτλος', '', 'Κείμενο.');
    expect(r.articles).toEqual([]);
    expect(r.rejected).toBe(1);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0] as Diagnostic;
    expect(d).toMatchObject({
      code: 'E_HEADER_DATE_INVALID',
      severity: 'error',
      file: FILE,
      line: 1,
      column: 6,
    });
    expect(d.message).toBe(
      `Date ${date} does not exist: ${reason}. Write a real calendar date as YYYY-MM-DD.`,
    );
  });

  it('accepts leap days of leap years', () => {
    for (const date of ['2024-02-29', '2000-02-29', '0004-02-29', '9999-12-31', '0001-01-01']) {
      const r = parse(`date ${date} 0`, '', 'Τ', '', 'Κ');
      expect(r.articles.map((a) => a.date)).toEqual([date]);
    }
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
  });

  it('rejects dates not written YYYY-MM-DD and suggests the fix', () => {
    const padded = parse('date 2026-1-7 0', '', 'Τ', '', 'Κ');
    expect(at(padded.diagnostics[0])).toEqual(['E_HEADER_DATE_INVALID', 1, 6]);
    expect(padded.diagnostics[0]?.message).toContain('here 2026-01-07');
    const dayFirst = parse('date 27/01/2026 0', '', 'Τ', '', 'Κ');
    expect(dayFirst.diagnostics[0]?.message).toContain('if you mean 27 January 2026, 2026-01-27');
    const junk = parse('date 2026 0', '', 'Τ', '', 'Κ');
    expect(junk.diagnostics[0]?.message).toContain('such as 2026-01-27');
    expect(padded.rejected + dayFirst.rejected + junk.rejected).toBe(3);
  });

  it('rejects a header without a date, pointing past its end', () => {
    const r = parse('date', '', 'Τ', '', 'Κ');
    expect(at(r.diagnostics[0])).toEqual(['E_HEADER_DATE_INVALID', 1, 5]);
    expect(r.diagnostics[0]?.message).toContain('has no date');
    expect(r.rejected).toBe(1);
  });
});

describe('parseArticles: header numbers', () => {
  it('rejects a missing number, pointing just after the date', () => {
    const r = parse('date 2026-01-27', '', 'Τ', '', 'Κ');
    expect(r.diagnostics.map(at)).toEqual([['E_HEADER_ORDINAL', 1, 16]]);
    expect(r.diagnostics[0]?.message).toContain('has no article number');
    expect(r.rejected).toBe(1);
    expect(r.articles).toEqual([]);
  });

  it.each([
    ['-1', 'is negative'],
    ['a', 'is not a whole number'],
    ['1.5', 'is not a whole number'],
    ['99999999999999999999', 'is too large'],
  ])('rejects the number %s', (n, says) => {
    const r = parse(`date 2026-01-27 ${n}`, '', 'Τ', '', 'Κ');
    expect(r.diagnostics.map(at)).toEqual([['E_HEADER_ORDINAL', 1, 17]]);
    expect(r.diagnostics[0]?.message).toContain(says);
    expect(r.rejected).toBe(1);
  });

  it('rejects extra text after the number', () => {
    const r = parse('date 2026-01-27 0 Τίτλος εδώ', '', 'Τ', '', 'Κ');
    expect(r.diagnostics.map(at)).toEqual([['E_HEADER_TRAILING_TEXT', 1, 19]]);
    expect(r.diagnostics[0]?.message).toContain('"Τίτλος εδώ"');
    expect(r.rejected).toBe(1);
  });

  it('reports both a bad date and a bad number at their own columns', () => {
    const r = parse('date 2026-02-30 x', '', 'Τ', '', 'Κ');
    expect(r.diagnostics.map(at)).toEqual([
      ['E_HEADER_DATE_INVALID', 1, 6],
      ['E_HEADER_ORDINAL', 1, 17],
    ]);
    expect(r.rejected).toBe(1);
  });
});

describe('parseArticles: headers a person clearly meant', () => {
  const body = ['', 'Τίτλος', '', 'Κείμενο.'];
  it.each([
    ['Date 2026-01-27 0', 1, '"Date" for "date"'],
    ['date: 2026-01-27 0', 5, 'a colon after "date"'],
    ['date\t2026-01-27\t0', 5, 'a tab between "date" and the date'],
    ['date   2026-01-27  0', 5, '3 spaces between "date" and the date'],
    ['date 2026-01-27  0', 16, '2 spaces between the date and the number'],
    ['date 2026-01-27 007', 17, 'number "007" read as 7'],
    ['date2026-01-27 0', 5, 'no space between "date" and the date'],
    ['date : 2026-01-27 0', 5, 'a space before the colon'],
    ['date:\t2026-01-27 0', 5, 'a tab after the colon'],
    ['date 2026-01-27\u00a00', 16, 'unusual white space'],
  ])('accepts %j with a warning', (header, column, note) => {
    const r = parse(header, ...body);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]?.date).toBe('2026-01-27');
    expect(r.rejected).toBe(0);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'W_HEADER_FORM',
      severity: 'warning',
      line: 1,
      column,
    });
    expect(r.diagnostics[0]?.message).toContain(note);
    expect(r.diagnostics[0]?.message).toContain('was read as "date 2026-01-27');
  });

  it('names every normalisation in one warning', () => {
    const r = parse('  DATE:\t2026-01-27\t\t3', ...body);
    expect(r.articles[0]?.ordinal).toBe(3);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.column).toBe(3);
    expect(r.diagnostics[0]?.message).toBe(
      'Header "DATE:\\t2026-01-27\\t\\t3" was read as "date 2026-01-27 3" ("DATE" for "date"; a colon after "date"; a tab after the colon; 2 tabs between the date and the number). Write headers exactly as "date YYYY-MM-DD N" to silence this warning.',
    );
  });
});

describe('parseArticles: titles and bodies', () => {
  it('rejects the first of two headers in a row (no title)', () => {
    const r = parse('date 2026-01-27 0', 'date 2026-01-27 1', '', 'Τίτλος', '', 'Κείμενο.');
    expect(r.diagnostics.map(at)).toEqual([['E_TITLE_MISSING', 1, 1]]);
    expect(r.diagnostics[0]?.message).toContain('the next header (line 2) comes first');
    expect(r.articles.map((a) => a.ordinal)).toEqual([1]);
    expect(r.rejected).toBe(1);
  });

  it('rejects a header at the end of the file', () => {
    const r = parse('date 2026-01-27 0', '', 'Τ', '', 'Κ', '', '  date 2026-01-27 1', '', '');
    expect(r.diagnostics.map(at)).toEqual([['E_TITLE_MISSING', 7, 3]]);
    expect(r.diagnostics[0]?.message).toContain('the end of the file comes first');
    expect(r.articles).toHaveLength(1);
    expect(r.rejected).toBe(1);
  });

  it('rejects an article with a title but no body', () => {
    const r = parse(
      'date 2026-01-27 0',
      '',
      ' Μόνο τίτλος',
      '',
      '',
      'date 2026-01-27 1',
      '',
      'Τ',
      '',
      'Κ',
    );
    expect(r.diagnostics.map(at)).toEqual([['E_BODY_MISSING', 3, 2]]);
    expect(r.diagnostics[0]?.message).toContain('"date 2026-01-27 0" has a title ("Μόνο τίτλος")');
    expect(r.articles.map((a) => a.ordinal)).toEqual([1]);
    expect(r.rejected).toBe(1);
  });

  it('reads a title right under the header, with a warning', () => {
    const r = parse('date 2026-01-27 0', 'Τίτλος', '', 'Κείμενο.');
    expect(r.diagnostics.map(at)).toEqual([['W_BLANK_LINE_MISSING', 2, 1]]);
    expect(r.articles[0]?.title).toBe('Τίτλος');
    expect(r.articles[0]?.paragraphs).toEqual(['Κείμενο.']);
  });

  it('reads lines right under the title as the first paragraph, with a warning', () => {
    const r = parse('date 2026-01-27 0', '', 'Τίτλος', ' Κείμενο', 'συνέχεια.', '', 'Δεύτερη.');
    expect(r.diagnostics.map(at)).toEqual([['W_BLANK_LINE_MISSING', 4, 2]]);
    expect(r.articles[0]?.title).toBe('Τίτλος');
    expect(r.articles[0]?.paragraphs).toEqual(['Κείμενο συνέχεια.', 'Δεύτερη.']);
  });
});

describe('parseArticles: text outside articles', () => {
  it('rejects text before the first header and counts it once', () => {
    const r = parse('', '  Σημείωση', 'δεύτερη γραμμή', '', 'date 2026-01-27 0', '', 'Τ', '', 'Κ');
    expect(r.diagnostics.map(at)).toEqual([['E_TEXT_BEFORE_HEADER', 2, 3]]);
    expect(r.diagnostics[0]?.message).toContain('first article header (line 5)');
    expect(r.articles).toHaveLength(1);
    expect(r.rejected).toBe(1);
  });

  it('ignores blank lines before the first header', () => {
    const r = parse('', ' \t', '', 'date 2026-01-27 0', '', 'Τ', '', 'Κ');
    expect(r.diagnostics).toEqual([]);
    expect(r.rejected).toBe(0);
  });

  it('rejects a file with text but no header', () => {
    const r = parse('Τίτλος', '', 'Κείμενο χωρίς κεφαλίδα.');
    expect(r.diagnostics.map(at)).toEqual([['E_TEXT_BEFORE_HEADER', 1, 1]]);
    expect(r.diagnostics[0]?.message).toContain('no article header');
    expect(r.articles).toEqual([]);
    expect(r.rejected).toBe(1);
  });

  it('warns about an empty file', () => {
    for (const text of ['', '\n\n', ' \t\n']) {
      const r = parseArticles(text, FILE);
      expect(r.diagnostics.map(at)).toEqual([['W_FILE_EMPTY', 1, 1]]);
      expect(r.rejected).toBe(0);
      expect(r.articles).toEqual([]);
    }
  });
});

describe('parseArticles: accounting', () => {
  it('published + rejected equals the headers read (plus stray text)', () => {
    const r = parse(
      'Πρόλογος',
      'date 2026-01-27 0',
      '',
      'Α',
      '',
      'α',
      'date 2026-02-30 1',
      '',
      'Β',
      '',
      'β',
      'date 2026-01-27 2',
      'date 2026-01-27 3',
      '',
      'Δ',
      'date 2026-01-27 x',
      '',
      'Ε',
      '',
      'ε',
      'Date: 2026-01-27 5',
      '',
      'Ζ',
      '',
      'ζ',
    );
    expect(r.articles.map((a) => a.ordinal)).toEqual([0, 5]);
    expect(r.rejected).toBe(5); // prologue, bad date, no title, no body, bad number
    expect(codes(r.diagnostics)).toEqual([
      'E_TEXT_BEFORE_HEADER',
      'E_HEADER_DATE_INVALID',
      'E_TITLE_MISSING',
      'E_BODY_MISSING',
      'E_HEADER_ORDINAL',
      'W_HEADER_FORM',
    ]);
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 7, 12, 15, 16, 21]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(5);
  });

  it('is pure: the same input gives the same output', () => {
    const text = fs.readFileSync(new URL('../fixtures/ingest/seed.txt', import.meta.url), 'utf8');
    expect(parseArticles(text, 'a.txt')).toEqual(parseArticles(text, 'a.txt'));
  });
});
