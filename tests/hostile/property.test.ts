/**
 * Property-based tests: random bytes, random well-formed article files, and those files
 * mutated (edits, hostile snippets, damaged bytes, other encodings) go through the parser and
 * through the whole pipeline. Whatever the input: no crash, no hang, every diagnostic well
 * formed, every article read accounted for, and nothing injected into any output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/cli/report.ts';
import { prepareBuild } from '../../src/archive/load-archive.ts';
import { decode } from '../../src/ingest/decode.ts';
import { isValidIsoDate, MAX_TITLE_LENGTH, readHeader } from '../../src/ingest/parse-articles.ts';
import { parseFile, type IngestedFile } from '../../src/ingest/parse-file.ts';
import { planPages } from '../../src/site/pages.ts';
import { runCli, SITE_PROPERTY_LIMITS } from '../build/helpers.ts';
import {
  expectNoInjectedMarkup,
  expectNoInjectedXml,
  expectWellFormed,
  listFiles,
  parseDocument,
  removeTemps,
  SITE_JSON,
  tempDir,
} from './support.ts';

afterAll(removeTemps);

const FILE = 'articles/x.txt';
/** Errors about a whole file: they leave out no counted article. */
const FILE_LEVEL = new Set(['E_NOT_TEXT', 'E_ENCODING_UNSUPPORTED']);
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_TEXT = /[\u0000-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/;

// ---------------------------------------------------------------------------------------------
// Generators

const GREEK = [...'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ'];
const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const SYMBOLS = [
  '<script>alert(1)</script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '&lt;b&gt;',
  '"',
  "'",
  '*έντονο*',
  '_πλάγιο_',
  '`κώδικας`',
  '[σύνδεσμος](javascript:alert(1))',
  '[πηγή](https://example.org/)',
  '![εικόνα](https://evil.example/x.png)',
  ']]>',
  '<!--',
  '{{ 7*7 }}',
  '${1+1}',
  '🎉',
  '👨‍👩‍👧',
  '—',
  '«',
  '»',
  '#',
  '1.',
  '-',
  '>',
  '\\',
  '|',
  '%',
  '€',
];

const greekWord = fc
  .array(fc.constantFrom(...GREEK), { minLength: 1, maxLength: 12 })
  .map((a) => a.join(''));
const latinWord = fc
  .array(fc.constantFrom(...LATIN), { minLength: 1, maxLength: 10 })
  .map((a) => a.join(''));
const word = fc.oneof(
  { weight: 6, arbitrary: greekWord },
  { weight: 2, arbitrary: latinWord },
  { weight: 1, arbitrary: fc.nat(100_000).map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...SYMBOLS) },
);
/** Words separated by single spaces, starting with a Greek word (so never header-like). */
const sentence = (maxWords: number) =>
  fc
    .tuple(greekWord, fc.array(word, { maxLength: maxWords }))
    .map(([first, rest]) => [first, ...rest].join(' '));

const date = fc
  .tuple(
    fc.integer({ min: 1900, max: 2100 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

interface Model {
  date: string;
  ordinal: number;
  title: string;
  paragraphs: string[];
}

const modelArticle: fc.Arbitrary<Model> = fc.record({
  date,
  ordinal: fc.nat(500),
  title: sentence(12).map((t) => [...t].slice(0, MAX_TITLE_LENGTH).join('').trim()),
  paragraphs: fc.array(sentence(40), { minLength: 1, maxLength: 4 }),
});

const modelFile = fc.uniqueArray(modelArticle, {
  minLength: 1,
  maxLength: 6,
  selector: (a) => `${a.date} ${a.ordinal}`,
});

/** An article file as a person would write it; `wrap` splits paragraphs over lines. */
function render(articles: Model[], wrap: number, crlf: boolean): string {
  const text = articles
    .map((a) => {
      const paragraphs = a.paragraphs.map((p) => {
        if (wrap === 0) return p;
        const words = p.split(' ');
        const lines: string[] = [];
        for (let i = 0; i < words.length; i += wrap) lines.push(words.slice(i, i + wrap).join(' '));
        return lines.join('\n');
      });
      return `date ${a.date} ${a.ordinal}\n\n${a.title}\n\n${paragraphs.join('\n\n')}\n`;
    })
    .join('\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
const encoding = fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be');

function encode(text: string, how: Encoding): Uint8Array {
  if (how === 'utf-8') return new TextEncoder().encode(text);
  if (how === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, how === 'utf-16le');
  for (let i = 0; i < text.length; i++)
    view.setUint16(2 + i * 2, text.charCodeAt(i), how === 'utf-16le');
  return bytes;
}

const SNIPPETS = [
  '\n',
  '\n\n',
  '\r',
  '\t',
  '\0',
  '\u0007',
  '\u202E',
  '\u200B',
  '\u00AD',
  '\uFEFF',
  '\uD800',
  'date 2026-01-01 0\n',
  'Date: 2026-02-30 x\n',
  'date 2026-01-01\n',
  'date 2026-01-01 -1\n',
  '\ndate 1999-12-31 7\n\nΤίτλος\n\nΚείμενο.\n',
  'ημερομηνία 2026-01-02 1\n',
  '2026-01-03 4\n',
  'Aθήνα ',
  'µέρα ',
  '<script>alert(1)</script>',
  'Λ'.repeat(400),
  ' '.repeat(300),
];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...SNIPPETS),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    if (m.kind === 'insert') {
      const at = m.at % (t.length + 1);
      t = t.slice(0, at) + m.text + t.slice(at);
    } else if (m.kind === 'delete') {
      const at = m.at % (t.length + 1);
      t = t.slice(0, at) + t.slice(at + m.length);
    } else {
      const lines = t.split('\n');
      if (m.kind === 'duplicate-line') {
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i] as string);
      } else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      }
      t = lines.join('\n');
    }
  }
  return t;
}

/** Damage at the byte level: a flipped byte, a stray NUL or 0xFF. */
const byteDamage = fc.array(
  fc.tuple(fc.nat(), fc.constantFrom(0x00, 0xff, 0x80, 0xc3, 0xa2, 0xb6)),
  {
    maxLength: 3,
  },
);

function damage(bytes: Uint8Array, edits: [number, number][]): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (const [at, value] of edits) if (out.length > 0) out[at % out.length] = value;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** What must hold of any parsed file, whatever its bytes. */
function expectSound(parsed: IngestedFile, bytes: Uint8Array): void {
  for (const d of parsed.diagnostics) {
    expectWellFormed(d);
    expect(d.file).toBe(FILE);
  }
  expect(parsed.rejectedArticles).toHaveLength(parsed.rejected);
  const reasons = new Set(parsed.rejectedArticles.flatMap((r) => r.reasons));
  for (const r of parsed.rejectedArticles) expect(r.reasons.length).toBeGreaterThan(0);
  for (const d of parsed.diagnostics) {
    if (d.severity === 'error' && !FILE_LEVEL.has(d.code)) expect(reasons.has(d)).toBe(true);
  }
  const ids = new Set<string>();
  for (const a of parsed.articles) {
    expect(isValidIsoDate(a.date), a.date).toBe(true);
    expect(Number.isSafeInteger(a.ordinal) && a.ordinal >= 0).toBe(true);
    ids.add(`${a.date} ${a.ordinal}`);
    expect(a.title.trim()).toBe(a.title);
    expect(a.title).not.toBe('');
    expect([...a.title].length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(a.paragraphs.length).toBeGreaterThan(0);
    for (const text of [a.title, ...a.paragraphs]) {
      expect(text).not.toMatch(FORBIDDEN_IN_TEXT);
      expect(text).not.toContain('\n');
      expect(text).toBe(text.normalize('NFC'));
      expect(text.trim()).not.toBe('');
    }
  }
  // Every header line is one article read, published or rejected, plus one for stray text.
  const decoded = decode(bytes);
  if (decoded.error) {
    expect(parsed.articles).toEqual([]);
    expect(parsed.rejected).toBe(0);
    return;
  }
  const lines = decoded.text.split('\n');
  const headerLines = lines.flatMap((l, i) => (readHeader(l, i + 1, FILE) ? [i] : []));
  const firstHeader = headerLines[0] ?? lines.length;
  const stray = lines.slice(0, firstHeader).some((l) => l.trim() !== '') ? 1 : 0;
  expect(parsed.articles.length + parsed.rejected).toBe(headerLines.length + stray);
}

function timed<T>(f: () => T, limitMs: number): T {
  const started = performance.now();
  const result = f();
  expect(performance.now() - started, 'time taken').toBeLessThan(limitMs);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The parser

describe('the parser, on any input', () => {
  it('survives random bytes, with or without a byte order mark', () => {
    const prefix = fc.constantFrom(
      [],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0xff, 0xfe, 0, 0],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    );
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 3000 }), (head, body) => {
        const bytes = Uint8Array.from([...head, ...body]);
        expectSound(
          timed(() => parseFile(bytes, FILE), 2000),
          bytes,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('survives random text (any code points, header-like lines mixed in)', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(...SNIPPETS),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), encoding, (lines, how) => {
        const bytes = encode(lines.join('\n'), how);
        expectSound(
          timed(() => parseFile(bytes, FILE), 2000),
          bytes,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads well-formed files exactly: every article, title and paragraph, no diagnostic', () => {
    fc.assert(
      fc.property(
        modelFile,
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        encoding,
        (articles, wrap, crlf, how) => {
          const bytes = encode(render(articles, wrap, crlf), how);
          const parsed = parseFile(bytes, FILE);
          expect(parsed.diagnostics).toEqual([]);
          expect(
            parsed.articles.map(({ date, ordinal, title, paragraphs }) => ({
              date,
              ordinal,
              title,
              paragraphs,
            })),
          ).toEqual(articles);
          expectSound(parsed, bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays sound on mutated files: every article read is published or rejected with a reason', () => {
    fc.assert(
      fc.property(
        modelFile,
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        encoding,
        byteDamage,
        (articles, mutations, how, edits) => {
          const bytes = damage(encode(mutate(render(articles, 0, false), mutations), how), edits);
          expectSound(
            timed(() => parseFile(bytes, FILE), 2000),
            bytes,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes linear time on long lines of white space, digits or header look-alikes', () => {
    for (const line of [
      `date${' '.repeat(200_000)}x`,
      `date${' \t'.repeat(100_000)}:x`,
      `ημερομηνία${' '.repeat(200_000)}x`,
      `2026-01-01${' '.repeat(200_000)}x`,
      `${' '.repeat(200_000)}date`,
      `date 2026-01-01 ${'1'.repeat(200_000)}x`,
      `date 2026-01-01 0\n\nΤ\n\n${'Aα'.repeat(100_000)}`,
      `date 2026-01-01 0\n\nΤ\n\n${'\u200D'.repeat(100_000)}`,
    ]) {
      const bytes = new TextEncoder().encode(line);
      expectSound(
        timed(() => parseFile(bytes, FILE), 1500),
        bytes,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The whole pipeline

/** A content folder of 1–3 generated files, some mutated. */
const contentFolder = fc.array(
  fc.record({
    articles: modelFile,
    mutations: fc.array(mutation, { maxLength: 3 }),
    how: encoding,
  }),
  { minLength: 1, maxLength: 3 },
);

function writeContent(
  files: { articles: Model[]; mutations: Mutation[]; how: Encoding }[],
): string {
  const dir = tempDir('ephemeris-property-');
  fs.mkdirSync(path.join(dir, 'articles'));
  fs.writeFileSync(path.join(dir, 'site.json'), SITE_JSON);
  files.forEach((f, i) => {
    const text = mutate(render(f.articles, i, i === 1), f.mutations);
    fs.writeFileSync(path.join(dir, 'articles', `f${i}.txt`), encode(text, f.how));
  });
  return dir;
}

const SAFE_URL = /^\/([a-z0-9-]+\/)*([a-z0-9-]+\.[a-z]+)?$/;

describe('the whole pipeline, on random and mutated content', () => {
  it('renders every page with nothing injected and every paragraph shown (in process)', async () => {
    await fc.assert(
      fc.asyncProperty(contentFolder, async (files) => {
        const dir = writeContent(files);
        const prepared = await prepareBuild(dir);
        const { counts, archive } = prepared;
        expect(counts.articles_read).toBe(counts.published + counts.rejected);
        expect(archive.articles).toHaveLength(counts.published);
        for (const d of prepared.diagnostics)
          if (d.file.startsWith('articles')) expectWellFormed(d);
        const urls = new Set<string>();
        const kinds = planPages(archive, prepared.bodies, { pathPrefix: '/archive/' });
        for (const kind of kinds) {
          for (const item of kind.items) {
            const url = kind.url(item);
            expect(url).toMatch(SAFE_URL);
            expect(urls.has(url), `${url} twice`).toBe(false);
            urls.add(url);
            const output = kind.render(item);
            if (url.endsWith('.xml')) expectNoInjectedXml(output, url);
            else if (url.endsWith('/') || url.endsWith('.html'))
              expectNoInjectedMarkup(output, url);
          }
        }
        const articlePages = kinds.find((k) => k.name === 'article')!;
        for (const page of archive.articles) {
          const paragraphs = prepared.bodies.paragraphs(page.article);
          const doc = parseDocument(articlePages.render(page));
          expect(doc.querySelector('h1')?.textContent).toBe(page.article.title);
          const shown = [...doc.querySelectorAll('.article-body p')].map((p) => p.textContent);
          expect(shown).toHaveLength(paragraphs.length);
          paragraphs.forEach((p, i) => {
            if (!/[\\`*_[\]<>&!]/.test(p)) expect(shown[i]).toBe(p);
          });
        }
      }),
      { numRuns: 12, ...SITE_PROPERTY_LIMITS },
    );
  });

  it('builds with the real command: exit 0, counts add up, nothing injected', async () => {
    await fc.assert(
      fc.asyncProperty(contentFolder, async (files) => {
        const dir = writeContent(files);
        const out = path.join(dir, '_site');
        const reportFile = path.join(dir, 'report.json');
        const run = await runCli([
          'build',
          '--content',
          dir,
          '--out',
          out,
          '--report',
          reportFile,
          '--cache',
          path.join(dir, 'cache'),
          '--no-search',
        ]);
        expect(run.code, run.stderr).toBe(0);
        const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as BuildReport;
        expect(report.counts.articles_read).toBe(report.counts.published + report.counts.rejected);
        expect(report.articles).toHaveLength(report.counts.published);
        for (const f of listFiles(out)) {
          const text = fs.readFileSync(path.join(out, f), 'utf8');
          if (f.endsWith('.html')) expectNoInjectedMarkup(text, f);
          if (f.endsWith('.xml')) expectNoInjectedXml(text, f);
        }
        for (const a of report.articles) {
          const doc = parseDocument(fs.readFileSync(path.join(out, a.url, 'index.html'), 'utf8'));
          expect(doc.querySelector('h1')?.textContent).toBe(a.title);
        }
      }),
      { numRuns: 2, ...SITE_PROPERTY_LIMITS },
    );
  });
});
