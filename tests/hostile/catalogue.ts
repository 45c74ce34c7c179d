/**
 * The catalogue of bad input (issue 6): every case with its documented outcome. Each case is a
 * content folder: committed under `tests/fixtures/hostile/<id>/articles/`, or generated at test
 * time (huge files, links, permissions, names a repository should not hold). `docs/bad-input.md`
 * is the same table for people; a test keeps the two in step.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readOneFile, type ReadContentResult } from '../../src/ingest/read-content.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** Accepted as is; accepted with a warning (a named normalisation, or a flag); rejected. */
export type Outcome = 'accepted' | 'warning' | 'rejected';

export type Group = 'Encodings' | 'Structure' | 'Content' | 'Files';

/** `[code, file (relative to the case's articles folder), line, column, message pattern?]`. */
export type ExpectedDiagnostic = [string, string, number, number, RegExp?];

/** What a case needs from the machine; without it, its test is skipped with the reason. */
export type Requirement = 'non-root' | 'mkfifo';

export interface HostileCase {
  id: string;
  group: Group;
  /** One line for the catalogue document: what the input is. */
  input: string;
  outcome: Outcome;
  /** Every ingest diagnostic the case must produce, and no other. */
  diagnostics: ExpectedDiagnostic[];
  /** Ids (`YYYY-MM-DD-N`) of the articles published. */
  published: string[];
  /** When the ids are too many to list: how many are published. */
  publishedCount?: number;
  rejected: number;
  /** `.txt` files found (readable or not). */
  files: number;
  /** Writes the case's files into its articles folder at test time (instead of a fixture). */
  generate?: (articlesDir: string) => void;
  /** Reads the case some other way than `readContent` (e.g. with a smaller size limit). */
  read?: (contentDir: string) => ReadContentResult;
  /** Further checks on what was read. */
  check?: (result: ReadContentResult) => void;
  /** Also built through the CLI in the combined build (default: yes). */
  cli?: boolean;
  requires?: Requirement;
}

const article = (date: string, n: number | string, title: string, paragraphs: string[]) =>
  `date ${date} ${n}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;

function write(dir: string, name: string, content: string | Uint8Array): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** The one published article of a case, by its id. */
function only(r: ReadContentResult, id: string) {
  const a = r.articles.find((x) => `${x.date}-${x.ordinal}` === id);
  expect(a, `article ${id}`).toBeDefined();
  return a!;
}

function encodingOf(r: ReadContentResult, name: string): string | undefined {
  return r.files.find((f) => f.file.endsWith(`/${name}`))?.encoding;
}

const GREEK_TEXT = 'Η Άμυνα και ο Ευαγγελισμός στο κείμενο.';

/** A deterministic paragraph of about `size` characters (words of Greek news prose). */
export function prose(seed: number, size: number): string {
  const words = [
    'η',
    'κυβέρνηση',
    'ανακοίνωσε',
    'σήμερα',
    'νέα',
    'μέτρα',
    'για',
    'την',
    'οικονομία',
    'και',
    'υγεία',
    'των',
    'πολιτών',
    'στην',
    'Αθήνα',
    'Θεσσαλονίκη',
  ];
  let x = seed * 2654435761 + 1;
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const w = words[x % words.length] as string;
    out.push(w);
    length += w.length + 1;
  }
  return `${out.join(' ')}.`;
}

/** Paragraphs of the 10 MB article, generated (not committed). */
export const TEN_MB_PARAGRAPHS = 5000;
export function tenMbParagraph(i: number): string {
  return `${i}: ${prose(i, 2100)}`;
}

export const CASES: HostileCase[] = [
  // -------------------------------------------------------------------------------------------
  // Encodings
  {
    id: 'enc-01-utf8-bom',
    group: 'Encodings',
    input: 'UTF-8 with a byte order mark',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1901-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      expect(encodingOf(r, 'a.txt')).toBe('utf-8');
      expect(only(r, '1901-01-01-0').paragraphs).toEqual([GREEK_TEXT]);
    },
  },
  {
    id: 'enc-02-utf16le-bom',
    group: 'Encodings',
    input: 'UTF-16 little-endian with a byte order mark',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1902-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      expect(encodingOf(r, 'a.txt')).toBe('utf-16le');
      expect(only(r, '1902-01-01-0').paragraphs).toEqual([GREEK_TEXT]);
    },
  },
  {
    id: 'enc-03-utf16be-bom',
    group: 'Encodings',
    input: 'UTF-16 big-endian with a byte order mark',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1903-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      expect(encodingOf(r, 'a.txt')).toBe('utf-16be');
      expect(only(r, '1903-01-01-0').paragraphs).toEqual([GREEK_TEXT]);
    },
  },
  {
    id: 'enc-04-utf16le-no-bom',
    group: 'Encodings',
    input: 'UTF-16 little-endian without a byte order mark',
    outcome: 'warning',
    diagnostics: [['W_ENCODING_GUESSED', 'a.txt', 1, 1, /UTF-16LE/]],
    published: ['1904-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => expect(only(r, '1904-01-01-0').paragraphs).toEqual([GREEK_TEXT]),
  },
  {
    id: 'enc-05-iso-8859-7',
    group: 'Encodings',
    input: 'ISO-8859-7 (legacy Greek, `Ά` as 0xB6)',
    outcome: 'warning',
    diagnostics: [['W_ENCODING_LEGACY', 'a.txt', 3, 1, /read as ISO-8859-7/]],
    published: ['1905-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      expect(encodingOf(r, 'a.txt')).toBe('iso-8859-7');
      expect(only(r, '1905-01-01-0').title).toBe('Άμυνα: άρθρο σε ISO-8859-7');
    },
  },
  {
    id: 'enc-06-windows-1253',
    group: 'Encodings',
    input: 'Windows-1253 (legacy Greek, `Ά` as 0xA2, curly quotes)',
    outcome: 'warning',
    diagnostics: [['W_ENCODING_LEGACY', 'a.txt', 3, 1, /read as Windows-1253/]],
    published: ['1906-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      expect(encodingOf(r, 'a.txt')).toBe('windows-1253');
      const a = only(r, '1906-01-01-0');
      expect(a.title).toBe('Άμυνα: άρθρο σε Windows-1253');
      expect(a.paragraphs).toEqual(['Ο υπουργός είπε «ναι» και “όχι” – μετά.']);
    },
  },
  {
    id: 'enc-07-invalid-utf8',
    group: 'Encodings',
    input: 'UTF-8 with an invalid byte (0xFF) in the middle of a paragraph',
    outcome: 'warning',
    diagnostics: [['W_INVALID_UTF8', 'a.txt', 7, 5, /0xFF/]],
    published: ['1907-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1907-01-01-0').paragraphs).toEqual([
        'Η πρώτη παράγραφος είναι εντάξει.',
        'Εδώ \uFFFD υπάρχει ένα άκυρο byte.',
      ]),
  },
  {
    id: 'enc-08-nul-bytes',
    group: 'Encodings',
    input: 'A text file with two stray NUL bytes (under 1% of its bytes)',
    outcome: 'warning',
    diagnostics: [
      [
        'W_CONTROL_CHARS',
        'a.txt',
        5,
        5,
        /2 invisible control character\(s\), the first \(U\+0000\)/,
      ],
    ],
    published: ['1908-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const [first] = only(r, '1908-01-01-0').paragraphs;
      expect(first).toMatch(/^Εδώ υπάρχουν δύο μηδενικά bytes\. Η κυβέρνηση/);
      expect(first).not.toContain('\u0000');
    },
  },
  {
    id: 'enc-09-mostly-nul',
    group: 'Encodings',
    input: 'A file where NUL bytes are everywhere (not UTF-16): binary',
    outcome: 'rejected',
    diagnostics: [['E_NOT_TEXT', 'a.txt', 1, 1, /NUL bytes/]],
    published: [],
    rejected: 0,
    files: 1,
  },
  {
    id: 'enc-10-png-named-txt',
    group: 'Encodings',
    input: 'A PNG image named `photo.txt` beside a good article file',
    outcome: 'rejected',
    diagnostics: [['E_NOT_TEXT', 'photo.txt', 1, 1, /PNG image/]],
    published: ['1910-01-01-0'],
    rejected: 0,
    files: 2,
  },
  {
    id: 'enc-11-image-among-articles',
    group: 'Encodings',
    input: 'A PNG image `photo.png` among the article files',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1911-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'enc-12-empty-file',
    group: 'Encodings',
    input: 'An empty file (0 bytes) and a file of blank lines',
    outcome: 'warning',
    diagnostics: [
      ['W_FILE_EMPTY', 'blank.txt', 1, 1],
      ['W_FILE_EMPTY', 'empty.txt', 1, 1],
    ],
    published: [],
    rejected: 0,
    files: 2,
  },
  {
    id: 'enc-13-utf32',
    group: 'Encodings',
    input: 'UTF-32 with a byte order mark',
    outcome: 'rejected',
    diagnostics: [['E_ENCODING_UNSUPPORTED', 'a.txt', 1, 1, /UTF-32/]],
    published: [],
    rejected: 0,
    files: 1,
  },
  {
    id: 'enc-14-control-chars',
    group: 'Encodings',
    input: 'Form feed, ESC and BEL control characters in a paragraph',
    outcome: 'warning',
    diagnostics: [
      [
        'W_CONTROL_CHARS',
        'a.txt',
        5,
        4,
        /3 invisible control character\(s\), the first \(U\+000C\)/,
      ],
    ],
    published: ['1914-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1914-01-01-0').paragraphs).toEqual([
        'Εδώ υπάρχει form feed και ESC και BEL.',
      ]),
  },
  {
    id: 'enc-15-line-endings',
    group: 'Encodings',
    input: 'CRLF, CR-only and mixed line endings',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1915-01-01-0', '1915-01-02-0', '1915-01-03-0'],
    rejected: 0,
    files: 3,
    check: (r) => {
      for (const a of r.articles) {
        expect(a.paragraphs).toEqual(['Πρώτη γραμμή δεύτερη γραμμή.', 'Δεύτερη παράγραφος.']);
      }
    },
  },
  {
    id: 'enc-16-nfd',
    group: 'Encodings',
    input: 'Decomposed accents (NFD, as some Mac tools write)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1916-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1916-01-01-0');
      expect(a.title).toBe('Άμυνα και Ευαγγελισμός σε NFD'.normalize('NFC'));
      expect(a.title).toBe(a.title.normalize('NFC'));
      expect(a.paragraphs[0]).toBe('Ο υπουργός Άμυνας μίλησε, ΐ ΰ.'.normalize('NFC'));
    },
  },

  // -------------------------------------------------------------------------------------------
  // Structure
  {
    id: 'str-01-no-header',
    group: 'Structure',
    input: 'A file with text but no `date` header at all',
    outcome: 'rejected',
    diagnostics: [['E_TEXT_BEFORE_HEADER', 'a.txt', 1, 1, /no article header/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-02-date-capitalised',
    group: 'Structure',
    input: '`Date 1932-01-01 0` (capital D)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'a.txt', 1, 1, /"Date" for "date"/]],
    published: ['1932-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'str-03-date-colon',
    group: 'Structure',
    input: '`date: 1933-01-01 0` (a colon)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'a.txt', 1, 5, /a colon after "date"/]],
    published: ['1933-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'str-04-greek-keyword',
    group: 'Structure',
    input: '`ημερομηνία 1934-01-01 0`, and `Ημερομηνία: …` after a normal article',
    outcome: 'warning',
    diagnostics: [
      ['W_HEADER_FORM', 'a.txt', 1, 1, /"ημερομηνία" for "date"/],
      ['W_HEADER_FORM', 'a.txt', 13, 1, /"Ημερομηνία" for "date"; a colon after "date"/],
    ],
    published: ['1934-01-01-0', '1934-01-02-0', '1934-01-03-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      // The Greek header after a normal article starts a new article: nothing is merged.
      expect(only(r, '1934-01-02-0').paragraphs).toEqual(['Κείμενο.']);
      expect(only(r, '1934-01-03-0').title).toBe('Μετά από κανονικό άρθρο');
    },
  },
  {
    id: 'str-05-tab-in-header',
    group: 'Structure',
    input: '`date⇥1935-01-01⇥0` (tabs for spaces)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'a.txt', 1, 5, /a tab between "date" and the date; a tab/]],
    published: ['1935-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'str-06-bare-date',
    group: 'Structure',
    input: '`1936-01-01 0` alone on a line (no `date`)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'a.txt', 1, 1, /no "date" before the date/]],
    published: ['1936-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'str-07-february-30',
    group: 'Structure',
    input: '`date 2026-02-30 0`, then a valid article',
    outcome: 'rejected',
    diagnostics: [['E_HEADER_DATE_INVALID', 'a.txt', 1, 6, /February 2026 has 28 days/]],
    published: ['1937-01-01-0'],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-08-month-13',
    group: 'Structure',
    input: '`date 2026-13-01 0`',
    outcome: 'rejected',
    diagnostics: [['E_HEADER_DATE_INVALID', 'a.txt', 1, 6, /no month 13/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-09-year-zero',
    group: 'Structure',
    input: '`date 0000-01-01 0`',
    outcome: 'rejected',
    diagnostics: [['E_HEADER_DATE_INVALID', 'a.txt', 1, 6, /no year 0000/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-10-day-first-date',
    group: 'Structure',
    input: '`date 27/01/2026 0` (day first)',
    outcome: 'rejected',
    diagnostics: [
      ['E_HEADER_DATE_INVALID', 'a.txt', 1, 6, /if you mean 27 January 2026, 2026-01-27/],
    ],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-11-missing-number',
    group: 'Structure',
    input: '`date 1941-01-01` (no article number)',
    outcome: 'rejected',
    diagnostics: [['E_HEADER_ORDINAL', 'a.txt', 1, 16, /no article number/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-12-negative-number',
    group: 'Structure',
    input: '`date 1942-01-01 -1`',
    outcome: 'rejected',
    diagnostics: [['E_HEADER_ORDINAL', 'a.txt', 1, 17, /negative/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-13-non-numeric-number',
    group: 'Structure',
    input: '`date 1943-01-01 α` and `date 1943-01-02 1.5`',
    outcome: 'rejected',
    diagnostics: [
      ['E_HEADER_ORDINAL', 'a.txt', 1, 17, /"α" is not a whole number/],
      ['E_HEADER_ORDINAL', 'a.txt', 7, 17, /"1\.5" is not a whole number/],
    ],
    published: [],
    rejected: 2,
    files: 1,
  },
  {
    id: 'str-14-trailing-text',
    group: 'Structure',
    input: 'The title on the header line: `date 1944-01-01 0 Ο τίτλος…`',
    outcome: 'rejected',
    diagnostics: [
      ['E_HEADER_TRAILING_TEXT', 'a.txt', 1, 19, /extra text \("Ο τίτλος στην κεφαλίδα"\)/],
      ['E_BODY_MISSING', 'a.txt', 3, 1],
    ],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-15-two-headers',
    group: 'Structure',
    input: 'Two headers in a row',
    outcome: 'rejected',
    diagnostics: [['E_TITLE_MISSING', 'a.txt', 1, 1, /the next header \(line 2\) comes first/]],
    published: ['1945-01-01-1'],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-16-header-at-end',
    group: 'Structure',
    input: 'A header on the last line of the file',
    outcome: 'rejected',
    diagnostics: [['E_TITLE_MISSING', 'a.txt', 7, 1, /the end of the file comes first/]],
    published: ['1946-01-01-0'],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-17-title-no-body',
    group: 'Structure',
    input: 'A title with no body',
    outcome: 'rejected',
    diagnostics: [['E_BODY_MISSING', 'a.txt', 3, 1, /"Μόνο τίτλος"/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-18-body-no-title',
    group: 'Structure',
    input: 'A body with no title (its first paragraph, 424 characters, in the title place)',
    outcome: 'rejected',
    diagnostics: [['E_TITLE_TOO_LONG', 'a.txt', 3, 1, /424 characters.*the title is missing/]],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-19-text-before-header',
    group: 'Structure',
    input: 'Two lines of notes before the first header',
    outcome: 'rejected',
    diagnostics: [['E_TEXT_BEFORE_HEADER', 'a.txt', 1, 1, /first article header \(line 4\)/]],
    published: ['1949-01-01-0'],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-20-duplicate-id-same-file',
    group: 'Structure',
    input: 'The same (date, N) twice in one file',
    outcome: 'rejected',
    diagnostics: [['E_DUPLICATE_ID', 'a.txt', 7, 1, /line 1 of this file.*"date 1950-01-01 1"/]],
    published: ['1950-01-01-0'],
    rejected: 1,
    files: 1,
    check: (r) => expect(only(r, '1950-01-01-0').title).toBe('Πρώτο'),
  },
  {
    id: 'str-21-duplicate-id-across-files',
    group: 'Structure',
    input: 'The same (date, N) in two files',
    outcome: 'rejected',
    diagnostics: [['E_DUPLICATE_ID', 'b.txt', 1, 1, /a\.txt line 1/]],
    published: ['1951-01-01-0'],
    rejected: 1,
    files: 2,
    check: (r) => expect(only(r, '1951-01-01-0').title).toBe('Στο πρώτο αρχείο'),
  },
  {
    id: 'str-22-same-text-two-headers',
    group: 'Structure',
    input: 'The same title and text (≥ 200 characters) under two headers',
    outcome: 'warning',
    diagnostics: [
      ['W_DUPLICATE_TEXT', 'a.txt', 9, 1, /same title and text as article "date 1952-01-01 0"/],
    ],
    published: ['1952-01-01-0', '1952-01-01-1'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'str-23-title-5000-chars',
    group: 'Structure',
    input: 'A 5,000-character title',
    outcome: 'rejected',
    diagnostics: [
      ['E_TITLE_TOO_LONG', 'a.txt', 3, 1, /5000 characters; a title may have at most 300/],
    ],
    published: [],
    rejected: 1,
    files: 1,
  },
  {
    id: 'str-24-title-300-chars',
    group: 'Structure',
    input: 'A title of exactly 300 characters (the limit)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1954-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => expect([...only(r, '1954-01-01-0').title]).toHaveLength(300),
  },
  {
    id: 'str-25-missing-blank-lines',
    group: 'Structure',
    input: 'No blank line after the header, nor after the title',
    outcome: 'warning',
    diagnostics: [
      ['W_BLANK_LINE_MISSING', 'a.txt', 2, 1, /between the header \(line 1\) and the title/],
      ['W_BLANK_LINE_MISSING', 'a.txt', 3, 1, /no blank line after the title/],
    ],
    published: ['1955-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1955-01-01-0').paragraphs).toEqual([
        'Πρώτη γραμμή του κειμένου.',
        'Δεύτερη παράγραφος.',
      ]),
  },
  {
    id: 'str-26-ordinal-leading-zeros',
    group: 'Structure',
    input: '`date 1956-01-01 007` (leading zeros)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'a.txt', 1, 17, /number "007" read as 7/]],
    published: ['1956-01-01-7'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'str-27-date-like-text',
    group: 'Structure',
    input: 'Body lines that only look like headers (`Date of birth…`, `Ημερομηνία 12 Μαΐου…`)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1957-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1957-01-01-0').paragraphs).toEqual([
        'Date of birth: 1990.',
        'Ημερομηνία 12 Μαΐου 2020, στην Αθήνα.',
        'dated 2020',
        'Η ημερομηνία 2026-01-27 ορίστηκε χθες.',
      ]),
  },
  {
    id: 'str-28-10mb-article',
    group: 'Structure',
    input: 'A 10 MB article (5,000 paragraphs of ~2,100 characters), generated',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1958-01-01-0'],
    rejected: 0,
    files: 1,
    cli: false,
    generate: (dir) => {
      const paragraphs = Array.from({ length: TEN_MB_PARAGRAPHS }, (_, i) => tenMbParagraph(i));
      write(dir, 'big.txt', article('1958-01-01', 0, 'Ένα άρθρο δέκα megabyte', paragraphs));
    },
    check: (r) => {
      const a = only(r, '1958-01-01-0');
      expect(a.paragraphs).toHaveLength(TEN_MB_PARAGRAPHS);
      expect(a.paragraphs[4321]).toBe(tenMbParagraph(4321));
    },
  },
  {
    id: 'str-29-50k-articles',
    group: 'Structure',
    input: '50,000 articles in one file, generated',
    outcome: 'accepted',
    diagnostics: [],
    published: [],
    publishedCount: 50_000,
    rejected: 0,
    files: 1,
    cli: false,
    generate: (dir) => {
      const parts: string[] = [];
      for (let i = 0; i < 50_000; i++) {
        const day = 1 + (i % 28);
        const month = 1 + (Math.floor(i / 28) % 12);
        const ordinal = Math.floor(i / (28 * 12));
        const date = `1959-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        parts.push(article(date, ordinal, `Άρθρο ${i}`, [`Κείμενο του άρθρου ${i}.`]));
      }
      write(dir, 'many.txt', parts.join('\n'));
    },
    check: (r) => {
      expect(r.articles).toHaveLength(50_000);
      expect(new Set(r.articles.map((a) => `${a.date}-${a.ordinal}`)).size).toBe(50_000);
      expect(r.articles[49_999]?.title).toBe('Άρθρο 49999');
      expect(r.articles[49_999]?.source.line).toBe(49_999 * 6 + 1);
    },
  },
  {
    id: 'str-30-huge-number',
    group: 'Structure',
    input: '`date 1960-01-01 99999999999999999999` (beyond safe integers)',
    outcome: 'rejected',
    diagnostics: [['E_HEADER_ORDINAL', 'a.txt', 1, 17, /too large/]],
    published: [],
    rejected: 1,
    files: 1,
  },

  // -------------------------------------------------------------------------------------------
  // Content
  {
    id: 'con-01-html',
    group: 'Content',
    input:
      'HTML in the title (`<b>`, `<img onerror>`) and body (`<iframe>`, `<a href="javascript:">`, `<div onclick>`)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1961-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1961-01-01-0').title).toBe('<b>Έκτακτο</b> <img src=x onerror=alert(1)>'),
  },
  {
    id: 'con-02-script',
    group: 'Content',
    input: '`<script>` in the title and body, `<style>`, `<svg onload>`',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1962-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-03-markdown-links-images',
    group: 'Content',
    input: 'Markdown links, an autolink and a Markdown image of a remote file',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1963-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-04-javascript-urls',
    group: 'Content',
    input:
      '`javascript:`, `vbscript:`, `data:`, `file:` links, in any case and with entities or escapes',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1964-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-05-script-close-in-title',
    group: 'Content',
    input: '`</script>`, `]]>`, `<!--` and `&amp;` in the title and body (JSON-LD, feeds)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1965-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-06-bidi-override',
    group: 'Content',
    input: 'Bidirectional override, isolate and mark characters (U+202E, U+2066…, U+200F)',
    outcome: 'warning',
    diagnostics: [
      [
        'W_INVISIBLE_CHARS',
        'a.txt',
        3,
        8,
        /5 invisible formatting.*U\+202E RIGHT-TO-LEFT OVERRIDE/,
      ],
    ],
    published: ['1966-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1966-01-01-0');
      expect(a.title).toBe('Τίτλος σοτίτ με ανάποδο κείμενο');
      expect(a.paragraphs).toEqual(['Κείμενο με απομονώσεις και σημάδια.']);
    },
  },
  {
    id: 'con-07-zero-width',
    group: 'Content',
    input: 'Zero-width space, joiner, non-joiner, word joiner and soft hyphen inside Greek words',
    outcome: 'warning',
    diagnostics: [
      ['W_INVISIBLE_CHARS', 'a.txt', 3, 3, /5 invisible formatting.*U\+200B ZERO WIDTH SPACE/],
    ],
    published: ['1967-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1967-01-01-0');
      expect(a.title).toBe('Κυβέρνηση');
      expect(a.paragraphs).toEqual(['Υπουργός και λέξη και τέλος.']);
    },
  },
  {
    id: 'con-08-latin-lookalikes',
    group: 'Content',
    input:
      'Latin look-alike letters inside Greek words (`Aθήνα`, `ΚOΙΝΩΝΙΑ`, `Ηράκλειo`, `Bουλευτής`)',
    outcome: 'warning',
    diagnostics: [
      ['W_MIXED_SCRIPT', 'a.txt', 3, 1, /3 words.*"Aθήνα" → "Αθήνα"/],
      ['W_MIXED_SCRIPT', 'a.txt', 5, 3, /2 words.*"Bουλευτής" → "Βουλευτής"/],
    ],
    published: ['1968-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1968-01-01-0');
      expect(a.title).toBe('Αθήνα: ΚΟΙΝΩΝΙΑ και Ηράκλειο');
      expect(a.title).not.toMatch(/[A-Za-z]/);
      expect(a.paragraphs).toEqual(['Ο Βουλευτής μίλησε στην Κυβέρνηση.']);
    },
  },
  {
    id: 'con-09-glued-words',
    group: 'Content',
    input: 'A Greek and a Latin word glued together (`τηςTesla`)',
    outcome: 'warning',
    diagnostics: [['W_MIXED_SCRIPT', 'a.txt', 5, 12, /Kept as written.*"τηςTesla"/]],
    published: ['1969-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1969-01-01-0').paragraphs).toEqual(['Οι μετοχές τηςTesla ανέβηκαν.']),
  },
  {
    id: 'con-10-micro-sign',
    group: 'Content',
    input: 'The micro sign `µ` (U+00B5) typed for `μ` in a Greek word; `µm` left alone',
    outcome: 'warning',
    diagnostics: [['W_MIXED_SCRIPT', 'a.txt', 3, 5, /"µέρα" → "μέρα"/]],
    published: ['1970-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1970-01-01-0');
      expect(a.title).toBe('Μια μέρα στην Αθήνα');
      expect(a.paragraphs[0]).toContain('5 \u00b5m');
    },
  },
  {
    id: 'con-11-emoji',
    group: 'Content',
    input: 'Emoji, with ZWJ sequences, skin tones, flags and a tag-sequence flag',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1971-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1971-01-01-0');
      expect(a.title).toBe('Γιορτή 🎉 στην Αθήνα');
      for (const emoji of ['👨\u200d👩\u200d👧', '🇬🇷', '❤\ufe0f\u200d🔥', '👍🏽']) {
        expect(a.paragraphs[0]).toContain(emoji);
      }
      expect(a.paragraphs[0]).toContain('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}');
    },
  },
  {
    id: 'con-12-long-unbroken',
    group: 'Content',
    input: 'A 20,000-character word, a 5,000-character URL, a 250-letter title without spaces',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1972-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => {
      const a = only(r, '1972-01-01-0');
      expect(a.title).toBe('Α'.repeat(250));
      expect(a.paragraphs[0]).toHaveLength('Κείμενο: '.length + 20_000 + ' τέλος.'.length);
    },
  },
  {
    id: 'con-13-symbol-title',
    group: 'Content',
    input: 'A title of symbols only (`★★★ — !!!`), which gives no slug',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1973-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-14-markdown-blocks',
    group: 'Content',
    input:
      'Paragraphs that look like Markdown blocks (`#`, `1.`, `-`, `>`, fences, tables, references)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1974-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-15-entities',
    group: 'Content',
    input: 'HTML entity references (`&lt;script&gt;`, `&#60;b&#62;`) in the title and body',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1975-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'con-16-rtl-scripts',
    group: 'Content',
    input: 'Arabic, Hebrew and Persian quotations (with a needed ZWNJ)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1976-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) => expect(only(r, '1976-01-01-0').paragraphs[0]).toContain('می\u200cخواهم'),
  },
  {
    id: 'con-17-title-markdown',
    group: 'Content',
    input: 'Markdown in a title (`**bold**`, a `javascript:` link, backticks)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1977-01-01-0'],
    rejected: 0,
    files: 1,
  },

  {
    id: 'con-18-template-syntax',
    group: 'Content',
    input: 'Template syntax in the title and body (`{{ 7*7 }}`, `{% if %}`, `${…}`, `<%= %>`)',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1978-01-01-0'],
    rejected: 0,
    files: 1,
    check: (r) =>
      expect(only(r, '1978-01-01-0').title).toBe(
        'Πρότυπα {{ 7*7 }} {% raw %} ${7*7} <%= 7*7 %> {{{ x }}}',
      ),
  },

  // -------------------------------------------------------------------------------------------
  // Files
  {
    id: 'fil-01-spaces-in-name',
    group: 'Files',
    input: 'A file name with spaces (`my article file.txt`)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'my article file.txt', 1, 1]],
    published: ['1981-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'fil-02-greek-name',
    group: 'Files',
    input: 'A file name in Greek (`Αρχείο Ιανουαρίου.txt`)',
    outcome: 'warning',
    diagnostics: [['W_HEADER_FORM', 'Αρχείο Ιανουαρίου.txt', 1, 1]],
    published: ['1982-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'fil-03-shell-characters',
    group: 'Files',
    input: "File names with shell syntax: `$(touch pwned).txt`, ``a;b&c'd`e`.txt``",
    outcome: 'warning',
    diagnostics: [
      ['W_HEADER_FORM', '$(touch pwned).txt', 1, 1],
      ['W_HEADER_FORM', "a;b&c'd`e`.txt", 1, 1],
    ],
    published: ['1983-01-01-0', '1983-01-02-0'],
    rejected: 0,
    files: 2,
  },
  {
    id: 'fil-04-odd-names',
    group: 'Files',
    input: 'File names with markup, a line break, `*?|"`, or a leading `-`, generated',
    outcome: 'warning',
    diagnostics: [
      ['W_HEADER_FORM', '*?|".txt', 1, 1],
      ['W_HEADER_FORM', '--out=x.txt', 1, 1],
      ['W_HEADER_FORM', '-rf.txt', 1, 1],
      ['W_HEADER_FORM', '<img src=x onerror=alert(1)>.txt', 1, 1],
      ['W_HEADER_FORM', 'new\nline.txt', 1, 1],
    ],
    published: ['1984-01-01-0', '1984-01-02-0', '1984-01-03-0', '1984-01-04-0', '1984-01-05-0'],
    rejected: 0,
    files: 5,
    generate: (dir) => {
      const names = [
        '<img src=x onerror=alert(1)>.txt',
        'new\nline.txt',
        '*?|".txt',
        '-rf.txt',
        '--out=x.txt',
      ];
      names.forEach((name, i) =>
        write(dir, name, `Date 1984-01-0${i + 1} 0\n\nΠερίεργο όνομα ${i}\n\nΚείμενο.\n`),
      );
    },
  },
  {
    id: 'fil-05-symlink-loop',
    group: 'Files',
    input: 'A folder link that leads back to its parent (a loop), generated',
    outcome: 'warning',
    diagnostics: [['W_SYMLINK_SKIPPED', 'a/loop', 1, 1, /link loop/]],
    published: ['1985-01-01-0'],
    rejected: 0,
    files: 1,
    generate: (dir) => {
      write(dir, 'a/a.txt', article('1985-01-01', 0, 'Δίπλα σε βρόχο', ['Κείμενο.']));
      fs.symlinkSync('..', path.join(dir, 'a/loop'));
    },
  },
  {
    id: 'fil-06-unreadable',
    group: 'Files',
    input: 'A file without read permission (mode 000), generated',
    outcome: 'rejected',
    diagnostics: [['E_UNREADABLE', 'secret.txt', 1, 1, /permission denied/]],
    published: ['1986-01-01-0'],
    rejected: 0,
    files: 2,
    requires: 'non-root',
    generate: (dir) => {
      write(dir, 'a.txt', article('1986-01-01', 0, 'Αναγνώσιμο', ['Κείμενο.']));
      write(dir, 'secret.txt', article('1986-01-02', 0, 'Κρυφό', ['Κείμενο.']));
      fs.chmodSync(path.join(dir, 'secret.txt'), 0o000);
    },
  },
  {
    id: 'fil-07-broken-link',
    group: 'Files',
    input: 'A `.txt` link to a file that does not exist, generated',
    outcome: 'rejected',
    diagnostics: [['E_UNREADABLE', 'dangling.txt', 1, 1, /does not exist \(ENOENT\)/]],
    published: ['1987-01-01-0'],
    rejected: 0,
    files: 1,
    generate: (dir) => {
      write(dir, 'a.txt', article('1987-01-01', 0, 'Δίπλα σε σπασμένο σύνδεσμο', ['Κείμενο.']));
      fs.symlinkSync('missing.txt', path.join(dir, 'dangling.txt'));
    },
  },
  {
    id: 'fil-08-hidden-and-other-files',
    group: 'Files',
    input: 'Dot files (`.hidden.txt`, `._mac.txt`), `notes.md`, and `UPPER.TXT`',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1988-01-02-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'fil-09-folder-named-txt',
    group: 'Files',
    input: 'A folder named `folder.txt` holding an article file',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1989-01-01-0'],
    rejected: 0,
    files: 1,
  },
  {
    id: 'fil-10-link-to-itself',
    group: 'Files',
    input: 'A `.txt` link that points to itself (ELOOP), generated',
    outcome: 'rejected',
    diagnostics: [['E_UNREADABLE', 'self.txt', 1, 1, /leads back to itself.*ELOOP/]],
    published: ['1990-01-01-0'],
    rejected: 0,
    files: 1,
    generate: (dir) => {
      write(dir, 'a.txt', article('1990-01-01', 0, 'Δίπλα σε σύνδεσμο σε βρόχο', ['Κείμενο.']));
      fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
    },
  },
  {
    id: 'fil-11-named-pipe',
    group: 'Files',
    input: 'A named pipe (FIFO) called `pipe.txt`, which would block a reader, generated',
    outcome: 'accepted',
    diagnostics: [],
    published: ['1991-01-01-0'],
    rejected: 0,
    files: 1,
    requires: 'mkfifo',
    generate: (dir) => {
      write(dir, 'a.txt', article('1991-01-01', 0, 'Δίπλα σε σωλήνα', ['Κείμενο.']));
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    },
  },
  {
    id: 'fil-12-too-large',
    group: 'Files',
    input: 'A file larger than the size limit (256 MiB; tested with a 1 KiB limit)',
    outcome: 'rejected',
    diagnostics: [
      ['E_FILE_TOO_LARGE', 'big.txt', 1, 1, /an article file may have; it was not read/],
    ],
    published: [],
    rejected: 0,
    files: 1,
    cli: false,
    generate: (dir) => write(dir, 'big.txt', article('1992-01-01', 0, 'Μεγάλο', [prose(1, 2000)])),
    read: (contentDir) => {
      const f = readOneFile('articles/big.txt', path.join(contentDir, 'articles/big.txt'), 1024);
      return {
        files: [f],
        articles: f.articles,
        diagnostics: f.diagnostics,
        rejectedArticles: f.rejectedArticles,
        counts: { files: 1, articles_read: f.rejected, published: 0, rejected: f.rejected },
      };
    },
  },
];

/** Why a case cannot run on this machine, or undefined when it can. */
export function missingRequirement(c: HostileCase): string | undefined {
  if (c.requires === 'non-root' && process.getuid?.() === 0) {
    return 'running as root, so a mode-000 file is still readable';
  }
  if (c.requires === 'mkfifo') {
    try {
      execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    } catch {
      return 'no mkfifo command on this machine';
    }
  }
  return undefined;
}

/** Writes a case's files (copied from its fixture, or generated) into `articlesDir`. */
export function materialise(c: HostileCase, articlesDir: string): void {
  fs.mkdirSync(articlesDir, { recursive: true });
  const fixture = path.join(FIXTURES, c.id, 'articles');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, articlesDir, { recursive: true });
  c.generate?.(articlesDir);
}

export function hasFixture(c: HostileCase): boolean {
  return fs.existsSync(path.join(FIXTURES, c.id, 'articles'));
}
