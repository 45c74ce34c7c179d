/**
 * The ingest rules added for hostile input, each at its edges: stray NUL bytes, invisible
 * formatting characters, mixed scripts, headers a person clearly meant, the title limit, the
 * same text twice, and the list of rejected articles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.ts';
import { fixMixedScript } from '../../src/ingest/mixed-script.ts';
import { MAX_TITLE_LENGTH, parseArticles } from '../../src/ingest/parse-articles.ts';
import { parseFile } from '../../src/ingest/parse-file.ts';
import {
  duplicateTextKey,
  MIN_DUPLICATE_TEXT_LENGTH,
  rejectDuplicates,
  warnDuplicateTexts,
} from '../../src/ingest/read-content.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codes = (text: string) =>
  parseArticles(text, 'articles/x.txt').diagnostics.map((d) => d.code);

describe('NUL bytes', () => {
  it('removes up to 1% of NUL bytes from text, pointing at the first', () => {
    const text = `${'α'.repeat(100)}\n${'β'.repeat(50)}\0${'γ'.repeat(50)}\0`;
    const r = decode(utf8(text));
    expect(r.error).toBeUndefined();
    expect(r.text).toBe(text.replaceAll('\0', ''));
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'W_CONTROL_CHARS', line: 2, column: 51 }),
    ]);
  });

  it('still refuses a file with more NUL bytes than that as binary', () => {
    const bytes = utf8(`${'a'.repeat(97)}\0\0\0`);
    expect(decode(bytes).error?.code).toBe('E_NOT_TEXT');
  });
});

describe('invisible formatting characters', () => {
  const clean = (text: string) => decode(utf8(text));

  it('removes bidi controls, zero-width spaces, word joiners and soft hyphens, with one warning', () => {
    const r = clean('α\u202Eβ\u2066γ\u2069δ\u200Bε\u2060ζ\u00ADη\u200Eθ\u061C');
    expect(r.text).toBe('αβγδεζηθ');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'W_INVISIBLE_CHARS', line: 1, column: 2 });
    expect(r.warnings[0]?.message).toContain('8 invisible formatting character(s)');
    expect(r.warnings[0]?.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
  });

  it('keeps joiners that emoji and other scripts need, and flag tag sequences', () => {
    for (const text of [
      '👨\u200D👩\u200D👧',
      '❤\uFE0F\u200D🔥',
      'می\u200Cخواهم',
      '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
    ]) {
      const r = clean(text);
      expect(r.text).toBe(text);
      expect(r.warnings).toEqual([]);
    }
  });

  it('removes joiners between Greek or Latin letters, and stray tag characters', () => {
    const r = clean('Κυ\u200Dβέρ\u200Cνηση a\u200Db \u{E0041}x');
    expect(r.text).toBe('Κυβέρνηση ab x');
    expect(r.warnings[0]?.message).toContain('4 invisible');
  });

  it('removes every other format character of the Basic Multilingual Plane', () => {
    const kept = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\uFEFF]/;
    let checked = 0;
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (code >= 0xd800 && code < 0xe000) continue;
      if (!/^\p{Cf}$/u.test(char) || kept.test(char)) continue;
      const r = clean(`αβ${char}γ`);
      expect(r.text, `U+${code.toString(16)}`).toBe('αβγ');
      expect(r.warnings.map((w) => w.code)).toEqual(['W_INVISIBLE_CHARS']);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps the visible Arabic number sign', () => {
    expect(clean('\u0600١٢').text).toBe('\u0600١٢');
  });
});

describe('words mixing Greek and Latin letters', () => {
  it('rewrites a word in its majority script when every odd letter has a look-alike', () => {
    expect(fixMixedScript('Aθήνα και Ηράκλειo').text).toBe('Αθήνα και Ηράκλειο');
    expect(fixMixedScript('Τwitter και IBΜ').text).toBe('Twitter και IBM');
    expect(fixMixedScript('Áμυνα').text).toBe('Άμυνα');
    expect(fixMixedScript('µέρα').text).toBe('μέρα');
  });

  it('tries the other script when the majority cannot take every letter (ΑΙDS)', () => {
    expect(fixMixedScript('ΑΙDS').text).toBe('AIDS');
  });

  it('keeps a word it cannot make one script, and reports where each word starts', () => {
    const r = fixMixedScript('Οι μετοχές τηςTesla και Aθήνα');
    expect(r.text).toBe('Οι μετοχές τηςTesla και Αθήνα');
    expect(r.words).toEqual([
      { index: 11, word: 'τηςTesla' },
      { index: 24, word: 'Aθήνα', fixed: 'Αθήνα' },
    ]);
  });

  it('leaves words in one script alone, whatever they hold', () => {
    for (const text of ['ΝΑΤΟ NATO', 'ΑΠΕ-ΜΠΕ', 'COVID-19 και mRNA', '5 µm', 'Ελλάδα2004']) {
      expect(fixMixedScript(text)).toEqual({ text, words: [] });
    }
  });

  it('reports exactly the words that hold letters of both scripts, on any line', () => {
    const unit = fc.constantFrom(
      ...'αβΑΒάΐabAZéµ -,.5\u0301\u00a0'.split(''),
      '\u{1D400}',
      '\u{1DF00}',
      '\u{1F600}',
      'ω\u0308',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (line) => {
        const mixed = [...line.matchAll(/[\p{L}\p{M}]+/gu)]
          .filter((m) => /\p{sc=Greek}/u.test(m[0]) && /[\p{sc=Latin}µ]/u.test(m[0]))
          .map((m) => m.index);
        const result = fixMixedScript(line);
        expect(result.words.map((w) => w.index)).toEqual(mixed);
        if (mixed.length === 0) expect(result.text).toBe(line);
      }),
      { numRuns: 3000 },
    );
  });

  it('warns once per line, at the first word, and never touches header lines', () => {
    const r = parseArticles(
      'date 2026-01-27 0\n\nAθήνα και Kυβέρνηση\n\nΚείμενο.\n',
      'articles/x.txt',
    );
    expect(r.articles[0]?.title).toBe('Αθήνα και Κυβέρνηση');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'W_MIXED_SCRIPT', line: 3, column: 1 }),
    ]);
    expect(r.diagnostics[0]?.message).toContain('2 words on this line mix');
  });
});

describe('headers a person clearly meant', () => {
  it('reads the Greek keyword in any case and accent, and a bare date line', () => {
    for (const header of [
      'ημερομηνία 2026-01-27 0',
      'ΗΜΕΡΟΜΗΝΙΑ 2026-01-27 0',
      'Ημερομηνια: 2026-01-27 0',
      '2026-01-27 0',
      '  2026-01-27\t0  ',
    ]) {
      const r = parseArticles(`${header}\n\nΤίτλος\n\nΚείμενο.\n`, 'articles/x.txt');
      expect(
        r.articles.map((a) => [a.date, a.ordinal]),
        header,
      ).toEqual([['2026-01-27', 0]]);
      expect(
        r.diagnostics.map((d) => d.code),
        header,
      ).toEqual(['W_HEADER_FORM']);
    }
  });

  it('rejects a Greek header with a day-first date instead of merging it', () => {
    expect(codes('ημερομηνία 27/01/2026 0\n\nΤίτλος\n\nΚείμενο.\n')).toEqual([
      'E_HEADER_DATE_INVALID',
    ]);
  });

  it('leaves sentences that start like a header as text', () => {
    for (const line of [
      'Ημερομηνία 12 Μαΐου 2020, στην Αθήνα.',
      'Ημερομηνία γέννησης: άγνωστη',
      '2026-01-27 ήταν Τρίτη',
      '2026-01-27 0 και κάτι ακόμη',
    ]) {
      const r = parseArticles(`date 2026-01-27 0\n\nΤίτλος\n\n${line}\n`, 'articles/x.txt');
      expect(r.articles[0]?.paragraphs, line).toEqual([line]);
    }
  });
});

describe('the title limit', () => {
  const title = (n: number) => 'Τ'.repeat(n);
  it(`accepts ${MAX_TITLE_LENGTH} characters and rejects one more, counting code points`, () => {
    expect(codes(`date 2026-01-27 0\n\n${title(MAX_TITLE_LENGTH)}\n\nΚ.\n`)).toEqual([]);
    expect(codes(`date 2026-01-27 0\n\n${title(MAX_TITLE_LENGTH + 1)}\n\nΚ.\n`)).toEqual([
      'E_TITLE_TOO_LONG',
    ]);
    // 300 emoji are 600 UTF-16 units but 300 characters.
    expect(codes(`date 2026-01-27 0\n\n${'🎉'.repeat(MAX_TITLE_LENGTH)}\n\nΚ.\n`)).toEqual([]);
  });

  it('says the title is probably missing when a long first paragraph is alone', () => {
    const r = parseArticles(`date 2026-01-27 0\n\n${title(400)}\n`, 'articles/x.txt');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_TITLE_TOO_LONG']);
    expect(r.diagnostics[0]?.message).toContain('there is no other text under it');
    expect(r.diagnostics[0]?.message).toContain('the title is missing');
    expect(r.rejectedArticles).toEqual([
      expect.objectContaining({ line: 1, reasons: [r.diagnostics[0]] }),
    ]);
  });
});

describe('the same text under two headers', () => {
  const body = 'Κ'.repeat(MIN_DUPLICATE_TEXT_LENGTH);
  const file = (name: string, text: string) => parseFile(utf8(text), name);

  it('warns on the later copy, across files, naming the first', () => {
    const files = [
      file('articles/a.txt', `date 2026-01-27 0\n\nΤίτλος\n\n${body}\n`),
      file('articles/b.txt', `date 2026-01-28 0\n\nΤίτλος\n\n${body}\n`),
    ];
    const before = files[1]!.diagnostics;
    const added = warnDuplicateTexts(files);
    expect(added.map((d) => [d.code, d.file, d.line])).toEqual([
      ['W_DUPLICATE_TEXT', 'articles/b.txt', 1],
    ]);
    expect(added[0]?.message).toContain('articles/a.txt line 1');
    expect(files[1]!.diagnostics).toEqual(added);
    expect(before).toEqual([]); // a new array: a cached file is not changed
  });

  it('ignores short texts, which can repeat (a daily notice)', () => {
    expect(duplicateTextKey({ title: 'Καιρός', paragraphs: ['Αίθριος.'] })).toBeUndefined();
    expect(duplicateTextKey({ title: 'Τίτλος', paragraphs: [body] })).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});

describe('rejected articles', () => {
  it('are listed with every error that left them out, in line order', () => {
    const r = parseArticles(
      'Σημειώσεις\n\ndate 2026-02-30 x\n\nΤίτλος\n\nΚείμενο.\n\ndate 2026-01-27 1\n\nΜόνο τίτλος\n',
      'articles/x.txt',
    );
    expect(r.rejected).toBe(3);
    expect(r.rejectedArticles.map((a) => [a.line, a.label, a.reasons.map((d) => d.code)])).toEqual([
      [1, 'text before the first header', ['E_TEXT_BEFORE_HEADER']],
      [3, '"date 2026-02-30 x"', ['E_HEADER_DATE_INVALID', 'E_HEADER_ORDINAL']],
      [9, '"date 2026-01-27 1"', ['E_BODY_MISSING']],
    ]);
  });

  it('include duplicates, added without changing the arrays of the files given', () => {
    const a = parseFile(utf8('date 2026-01-27 0\n\nΑ\n\nΚ.\n'), 'articles/a.txt');
    const b = parseFile(utf8('date 2026-01-27 0\n\nΒ\n\nΚ.\n'), 'articles/b.txt');
    const cached = b.rejectedArticles;
    rejectDuplicates([a, b]);
    expect(cached).toEqual([]);
    expect(b.rejected).toBe(1);
    expect(b.rejectedArticles).toEqual([
      expect.objectContaining({
        file: 'articles/b.txt',
        line: 1,
        label: '"date 2026-01-27 0"',
        reasons: [expect.objectContaining({ code: 'E_DUPLICATE_ID' })],
      }),
    ]);
  });
});
