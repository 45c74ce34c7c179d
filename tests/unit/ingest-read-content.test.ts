import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.ts';
import { listArticleFiles, readContent, readOneFile } from '../../src/ingest/read-content.ts';
import type { Diagnostic } from '../../src/model.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const BASIC = path.join(FIXTURES, 'content-basic');
const REAL = '/work/shared/corpus/real';
const at = (d: Diagnostic) => [d.code, d.file, d.line, d.column];

const temps: string[] = [];
function tempContent(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ephemeris-ingest-'));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, 'articles'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'articles', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const article = (date: string, n: number, title = 'Τίτλος') =>
  `date ${date} ${n}\n\n${title}\n\nΚείμενο.\n`;

describe('readContent: the fixture content folder', () => {
  const r = readContent(BASIC);

  it('reads the .txt files in sorted order with relative / paths, skipping dot files', () => {
    expect(r.files.map((f) => f.file)).toEqual([
      'articles/2026/01/27.txt',
      'articles/2026/01/28.txt',
      'articles/b-dup.txt',
      'articles/bad.txt',
    ]);
    expect(r.files.every((f) => f.encoding === 'utf-8')).toBe(true);
  });

  it('counts files, articles read, published and rejected consistently', () => {
    expect(r.counts).toEqual({ files: 4, articles_read: 9, published: 6, rejected: 3 });
    expect(r.articles).toHaveLength(r.counts.published);
    expect(r.files.reduce((n, f) => n + f.rejected, 0)).toBe(r.counts.rejected);
    expect(r.files.flatMap((f) => f.articles)).toEqual(r.articles);
  });

  it('returns published articles in file then line order, with lines joined', () => {
    expect(
      r.articles.map((a) => `${a.source.file}:${a.source.line} ${a.date}-${a.ordinal}`),
    ).toEqual([
      'articles/2026/01/27.txt:1 2026-01-27-0',
      'articles/2026/01/27.txt:13 2026-01-27-1',
      'articles/2026/01/27.txt:18 2026-01-27-2',
      'articles/2026/01/28.txt:1 2026-01-28-0',
      'articles/b-dup.txt:7 2026-01-29-0',
      'articles/bad.txt:9 2026-02-01-0',
    ]);
    expect(r.articles[0]?.paragraphs).toEqual([
      'Πρώτη παράγραφος που συνεχίζεται σε δεύτερη γραμμή με κενά.',
      'Δεύτερη παράγραφος.',
      'Τρίτη παράγραφος μετά από δύο κενές γραμμές.',
    ]);
    expect(r.articles[3]?.title).toBe('Ένα άρθρο της 28ης Ιανουαρίου');
  });

  it('rejects the second of two articles with the same date and number, naming the first', () => {
    expect(r.diagnostics.map(at)).toEqual([
      ['E_DUPLICATE_ID', 'articles/b-dup.txt', 1, 1],
      ['E_TEXT_BEFORE_HEADER', 'articles/bad.txt', 1, 1],
      ['E_HEADER_DATE_INVALID', 'articles/bad.txt', 3, 6],
    ]);
    expect(r.diagnostics[0]?.message).toBe(
      'Article "date 2026-01-27 1" has the same date and number as the article at articles/2026/01/27.txt line 13, which was read first, so this one was left out. Give it a number still free on that day, e.g. "date 2026-01-27 3".',
    );
    const dup = r.files.find((f) => f.file === 'articles/b-dup.txt');
    expect(dup?.rejected).toBe(1);
    expect(dup?.articles.map((a) => a.title)).toEqual(['Μοναδικό άρθρο']);
    expect(dup?.diagnostics.map((d) => d.code)).toEqual(['E_DUPLICATE_ID']);
  });

  it('is deterministic', () => {
    expect(readContent(BASIC)).toEqual(r);
  });

  it('reports progress for every file', () => {
    const calls: [number, number][] = [];
    readContent(BASIC, (done, total) => calls.push([done, total]));
    expect(calls).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });
});

describe('readContent: problems with files and folders', () => {
  it('reports a missing articles folder instead of throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ephemeris-ingest-'));
    temps.push(dir);
    const r = readContent(dir);
    expect(r.counts).toEqual({ files: 0, articles_read: 0, published: 0, rejected: 0 });
    expect(r.diagnostics.map(at)).toEqual([['E_ARTICLES_DIR_MISSING', 'articles', 1, 1]]);
    expect(r.diagnostics[0]?.message).toContain(
      `There is no "articles" folder in the content folder ${dir}`,
    );
    expect(readContent(path.join(dir, 'does-not-exist')).diagnostics[0]?.code).toBe(
      'E_ARTICLES_DIR_MISSING',
    );
  });

  it('reports an articles file that is not a folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ephemeris-ingest-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, 'articles'), 'oops');
    const r = readContent(dir);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_ARTICLES_DIR_MISSING']);
    expect(r.diagnostics[0]?.message).toContain('is a file, not a folder');
  });

  it('warns about an articles folder without .txt files', () => {
    const r = readContent(tempContent({ 'readme.md': '# nothing' }));
    expect(r.diagnostics.map(at)).toEqual([['W_NO_FILES', 'articles', 1, 1]]);
    expect(r.counts.files).toBe(0);
  });

  it('decodes each file on its own and names the encoding', () => {
    const winBytes = Uint8Array.from([
      ...new TextEncoder().encode('date 2026-01-27 0\n\n'),
      0xa2,
      0xec,
      0xf5,
      0xed,
      0xe1, // Άμυνα in Windows-1253
      ...new TextEncoder().encode('\n\nx\n'),
    ]);
    const utf16 = Buffer.from(
      '\uFEFF' + article('2026-01-28', 0).replaceAll('\n', '\r\n'),
      'utf16le',
    );
    const dir = tempContent({
      'a.txt': winBytes,
      'b.txt': utf16,
      'c.TXT': article('2026-01-29', 0),
    });
    const r = readContent(dir);
    expect(r.files.map((f) => [f.file, f.encoding])).toEqual([
      ['articles/a.txt', 'windows-1253'],
      ['articles/b.txt', 'utf-16le'],
      ['articles/c.TXT', 'utf-8'],
    ]);
    expect(r.articles.map((a) => a.title)).toEqual(['Άμυνα', 'Τίτλος', 'Τίτλος']);
    expect(r.diagnostics.map(at)).toEqual([['W_ENCODING_LEGACY', 'articles/a.txt', 3, 1]]);
    expect(r.diagnostics[0]?.severity).toBe('warning');
  });

  it('skips a binary file with an error and reads the rest', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const r = readContent(tempContent({ 'image.txt': png, 'ok.txt': article('2026-01-27', 0) }));
    expect(r.diagnostics.map(at)).toEqual([['E_NOT_TEXT', 'articles/image.txt', 1, 1]]);
    expect(r.counts).toEqual({ files: 2, articles_read: 1, published: 1, rejected: 0 });
  });

  it('reports a file that disappears or cannot be read, and goes on', () => {
    const dir = tempContent({
      'a.txt': article('2026-01-27', 0),
      'b.txt': article('2026-01-27', 1),
    });
    const r = readContent(dir, (done) => {
      if (done === 0) fs.rmSync(path.join(dir, 'articles', 'a.txt'));
    });
    expect(r.diagnostics.map(at)).toEqual([['E_UNREADABLE', 'articles/a.txt', 1, 1]]);
    expect(r.diagnostics[0]?.message).toContain('could not be read');
    expect(r.files[0]).toMatchObject({ file: 'articles/a.txt', articles: [], rejected: 0 });
    expect(r.counts).toEqual({ files: 2, articles_read: 1, published: 1, rejected: 0 });
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', () => {
    const dir = tempContent({ 'a.txt': article('2026-01-27', 0) });
    fs.chmodSync(path.join(dir, 'articles', 'a.txt'), 0o000);
    const r = readContent(dir);
    expect(r.diagnostics.map(at)).toEqual([['E_UNREADABLE', 'articles/a.txt', 1, 1]]);
    expect(r.diagnostics[0]?.message).toContain('permission denied');
  });

  it('reports a broken link to a .txt file', () => {
    const dir = tempContent({ 'ok.txt': article('2026-01-27', 0) });
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'articles', 'gone.txt'));
    const r = readContent(dir);
    expect(r.diagnostics.map(at)).toEqual([['E_UNREADABLE', 'articles/gone.txt', 1, 1]]);
    expect(r.diagnostics[0]?.message).toContain('link to something that does not exist');
    expect(r.counts.published).toBe(1);
  });

  it('does not follow link loops, and reads an aliased folder only under its real name', () => {
    const dir = tempContent({
      'z-real/2026.txt': article('2026-01-27', 0),
      'z-real/deeper/2027.txt': article('2027-01-01', 0),
    });
    const articles = path.join(dir, 'articles');
    fs.symlinkSync(articles, path.join(articles, 'z-real', 'deeper', 'loop')); // → ancestor
    fs.symlinkSync(path.join(articles, 'z-real'), path.join(articles, 'a-alias')); // sorts first
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ephemeris-outside-'));
    temps.push(outside);
    fs.writeFileSync(path.join(outside, 'x.txt'), article('2028-01-01', 0));
    fs.symlinkSync(outside, path.join(articles, 'linked'));

    const r = readContent(dir);
    expect(r.files.map((f) => f.file)).toEqual([
      'articles/linked/x.txt',
      'articles/z-real/2026.txt',
      'articles/z-real/deeper/2027.txt',
    ]);
    expect(r.diagnostics.map(at)).toEqual([
      ['W_SYMLINK_SKIPPED', 'articles/a-alias', 1, 1],
      ['W_SYMLINK_SKIPPED', 'articles/z-real/deeper/loop', 1, 1],
    ]);
    expect(r.diagnostics[0]?.message).toContain('leads to articles/z-real, which is already read');
    expect(r.diagnostics[1]?.message).toContain('leads to articles, which is already read');
    expect(r.counts.published).toBe(3);
  });

  it('rejects a duplicate inside one file, naming its line in that file', () => {
    const r = readContent(
      tempContent({
        'a.txt': article('2026-01-27', 0, 'Α') + '\n' + article('2026-01-27', 0, 'Β'),
      }),
    );
    expect(r.articles.map((a) => a.title)).toEqual(['Α']);
    expect(r.diagnostics.map(at)).toEqual([['E_DUPLICATE_ID', 'articles/a.txt', 7, 1]]);
    expect(r.diagnostics[0]?.message).toContain('the article at line 1 of this file');
    expect(r.diagnostics[0]?.message).toContain('e.g. "date 2026-01-27 1"');
    expect(r.counts).toEqual({ files: 1, articles_read: 2, published: 1, rejected: 1 });
  });

  it('suggests a different free number for each duplicate of a day', () => {
    const r = readContent(
      tempContent({
        'a.txt': article('2026-01-27', 0) + '\n' + article('2026-01-27', 2),
        'b.txt': article('2026-01-27', 0),
        'c.txt': article('2026-01-27', 2),
      }),
    );
    expect(r.diagnostics.map((d) => /e\.g\. "date 2026-01-27 (\d+)"/.exec(d.message)?.[1])).toEqual(
      ['1', '3'],
    );
  });

  it('refuses a file larger than the limit', () => {
    const dir = tempContent({ 'big.txt': article('2026-01-27', 0) });
    const file = path.join(dir, 'articles', 'big.txt');
    const f = readOneFile('articles/big.txt', file, 16);
    expect(f).toMatchObject({ file: 'articles/big.txt', articles: [], rejected: 0 });
    expect(f.diagnostics.map(at)).toEqual([['E_FILE_TOO_LARGE', 'articles/big.txt', 1, 1]]);
    expect(f.diagnostics[0]?.message).toContain('Split it into several files');
    expect(readOneFile('articles/big.txt', file).articles).toHaveLength(1);
  });

  it('lists files without reading them', () => {
    const listing = listArticleFiles(BASIC);
    expect(listing.diagnostics).toEqual([]);
    expect(listing.files).toHaveLength(4);
    for (const f of listing.files) expect(f.absolute).toBe(path.join(BASIC, f.file));
  });
});

describe('parseFile', () => {
  it('turns decode problems into diagnostics of the file', () => {
    const bytes = new TextEncoder().encode('date 2026-01-27 0\n\nΤ\u0007\n\nΚ\n');
    const f = parseFile(bytes, 'articles/x.txt');
    expect(f.encoding).toBe('utf-8');
    expect(f.articles[0]?.title).toBe('Τ');
    expect(f.diagnostics.map(at)).toEqual([['W_CONTROL_CHARS', 'articles/x.txt', 3, 2]]);
  });

  it('gives an empty result for a file that is not text', () => {
    const f = parseFile(Uint8Array.from([0, 1, 2, 3, 0, 0]), 'articles/x.txt');
    expect(f).toMatchObject({ file: 'articles/x.txt', articles: [], rejected: 0 });
    expect(f.diagnostics.map(at)).toEqual([['E_NOT_TEXT', 'articles/x.txt', 1, 1]]);
  });
});

describe.skipIf(!fs.existsSync(path.join(REAL, 'articles')))('readContent: the real corpus', () => {
  it('reads all 2,750 articles without errors', () => {
    const started = performance.now();
    const r = readContent(REAL);
    const ms = performance.now() - started;
    console.log(`readContent(real corpus): ${r.counts.files} files in ${ms.toFixed(0)} ms`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.counts).toEqual({ files: 2750, articles_read: 2750, published: 2750, rejected: 0 });
    expect(new Set(r.articles.map((a) => `${a.date}-${a.ordinal}`)).size).toBe(2750);
    for (const a of r.articles) {
      expect(a.title).not.toBe('');
      expect(a.paragraphs.length).toBeGreaterThan(0);
    }
  });
});
