/**
 * Bodies for rendering pages of files this build did not read (archive/article-store.ts
 * `BodyStore`): parsed from the article's own lines, and from the whole file when those do not
 * give the text the cache has.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BodyStore,
  loadContent,
  readInThisThread,
  type StoredFile,
} from '../../src/archive/article-store.ts';
import { articleAnalyzer } from '../../src/enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../../src/enrich/taxonomy.ts';
import type { Article } from '../../src/model.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-bodies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');
mkdirSync(path.join(content, 'articles'), { recursive: true });
const article = (ordinal: number, title: string) =>
  `date 2026-01-27 ${ordinal}\r\n\r\n${title}\r\n\r\nΗ πρώτη παράγραφος του άρθρου ${ordinal}.\r\n\r\nΚαι η δεύτερη.\r\n`;
writeFileSync(
  path.join(content, 'articles/day.txt'),
  article(0, 'Σεισμός στην Κρήτη') +
    article(1, 'Βροχές στην Αθήνα') +
    article(2, 'Χιόνια στη Φλώρινα'),
);

async function loaded() {
  const analyze = articleAnalyzer(loadCompiledTaxonomy(content).compiled);
  const keys = { analysisKey: 'a', textKey: 't' };
  return loadContent(content, keys, (usable) => readInThisThread(analyze, usable));
}

async function stored(): Promise<StoredFile[]> {
  return (await loaded()).files;
}

const asArticle = (a: StoredFile['articles'][number]) => a as unknown as Article;

describe('BodyStore', () => {
  it('gives the bodies this build read, without reading the file again', async () => {
    const { files, bodies: read } = await loaded();
    const file = path.join(content, 'articles/day.txt');
    const original = readFileSync(file);
    rmSync(file);
    try {
      const bodies = new BodyStore(content, read, files);
      expect(files[0]!.articles.map((a) => bodies.paragraphs(asArticle(a)))).toEqual(
        [0, 1, 2].map((n) => [`Η πρώτη παράγραφος του άρθρου ${n}.`, 'Και η δεύτερη.']),
      );
    } finally {
      writeFileSync(file, original);
    }
  });

  it('gives the paragraphs of every article of a file it did not read', async () => {
    const files = await stored();
    const bodies = new BodyStore(content, new Map(), files);
    const paragraphs = files[0]!.articles.map((a) => bodies.paragraphs(asArticle(a)));
    expect(paragraphs).toEqual(
      [0, 1, 2].map((n) => [`Η πρώτη παράγραφος του άρθρου ${n}.`, 'Και η δεύτερη.']),
    );
  });

  it("reads an article from its own lines, whatever became of the file's other ones", async () => {
    const files = await stored();
    // Windows-1253 bytes after the last article: the whole file now reads as that code page.
    const file = path.join(content, 'articles/day.txt');
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from(Array(400).fill(0xe1))]));
    try {
      const bodies = new BodyStore(content, new Map(), files);
      expect(bodies.paragraphs(asArticle(files[0]!.articles[0]!))).toEqual([
        'Η πρώτη παράγραφος του άρθρου 0.',
        'Και η δεύτερη.',
      ]);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('reads the whole file when the header lines it knows cut an article short', async () => {
    const files = await stored();
    // A header it believes in the middle of the first article: its lines alone give half of it.
    const misled = files.map((f) => ({
      ...f,
      rejectedArticles: [{ file: f.file, line: 5, label: 'x', reasons: [] }],
    }));
    const bodies = new BodyStore(content, new Map(), misled);
    expect(bodies.paragraphs(asArticle(files[0]!.articles[0]!))).toEqual([
      'Η πρώτη παράγραφος του άρθρου 0.',
      'Και η δεύτερη.',
    ]);
  });

  it('refuses an article whose text changed since it was read', async () => {
    const files = await stored();
    const bodies = new BodyStore(content, new Map(), files);
    const changed = { ...asArticle(files[0]!.articles[1]!), contentHash: 'other' };
    expect(() => bodies.paragraphs(changed)).toThrow(
      /day\.txt:8 changed while the site was being built/,
    );
  });
});
