/**
 * Which files a build reads again (archive/article-store.ts `loadContent`): only those whose
 * bytes changed. A file with a new time and the same bytes (a fresh checkout in CI, a copy, a
 * restore) is found unchanged by the hash of its bytes and keeps its entry, under its new time.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleFinder,
  loadContent,
  readInThisThread,
  type Analyze,
  type ContentCache,
  type StoredFile,
} from '../../src/archive/article-store.ts';
import { CacheCodec } from '../../src/cli/state-codec.ts';
import { articleAnalyzer } from '../../src/enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../../src/enrich/taxonomy.ts';
import { parseFile } from '../../src/ingest/parse-file.ts';
import { listArticleFiles } from '../../src/ingest/read-content.ts';

const FIXTURE = path.resolve('tests/fixtures/site');
const KEYS = { analysisKey: 'analysis', textKey: 'text' };
const analyze = articleAnalyzer(loadCompiledTaxonomy(FIXTURE).compiled);
const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-load-'));
const content = path.join(work, 'content');

async function load(cache?: ContentCache, analyse = analyze) {
  const loaded = await loadContent(
    content,
    KEYS,
    (usable) => readInThisThread(analyse, usable),
    cache,
  );
  const next: ContentCache = { ...KEYS, writtenAt: loaded.startedAt, files: loaded.files };
  return { loaded, next };
}

/** Sets a file's times, as a checkout or a copy does. */
function retime(file: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

let files: string[];
beforeAll(() => {
  cpSync(FIXTURE, content, { recursive: true });
  files = listArticleFiles(content).files.map((f) => f.absolute);
  // Older than the build that reads them by more than a clock tick: not racy.
  for (const file of files) retime(file, 3600);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('loadContent', () => {
  it('reads nothing again when no file changed', async () => {
    const first = await load();
    expect(first.loaded.filesRead).toBe(files.length);
    const again = await load(first.next);
    expect(again.loaded.filesRead).toBe(0);
    again.loaded.files.forEach((f, i) => expect(f).toBe(first.next.files[i]));
  });

  it('keeps the entry of a file with a new time and the same bytes, under its new time', async () => {
    const { next: cache } = await load();
    const touched = files[0]!;
    retime(touched, 60);
    const { loaded } = await load(cache);
    expect(loaded.filesRead).toBe(0);
    const i = cache.files.findIndex((f) => touched.endsWith(f.file));
    expect(loaded.files[i]!.mtimeMs).not.toBe(cache.files[i]!.mtimeMs);
    expect(loaded.files[i]!.articles).toBe(cache.files[i]!.articles);
    expect({ ...loaded.files[i], mtimeMs: 0 }).toEqual({ ...cache.files[i], mtimeMs: 0 });
  });

  it('reads again a file with the same size and other bytes', async () => {
    const { next: cache } = await load();
    const file = files[1]!;
    const text = readFileSync(file, 'utf8');
    // One Greek letter for another: the same number of bytes.
    writeFileSync(file, text.replace('α', 'ε'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    const { loaded } = await load(cache);
    expect(loaded.filesRead).toBe(1);
    writeFileSync(file, text);
    retime(file, 3600);
  });

  it('analyses nothing again for an article moved to another file', async () => {
    const { next: cache } = await load();
    const file = files.find((f) => f.endsWith('2026-02.txt'))!;
    const text = readFileSync(file, 'utf8');
    const second = [...text.matchAll(/^ *date /gm)][1]!.index;
    const moved = path.join(path.dirname(file), '2026-02-moved.txt');
    writeFileSync(file, text.slice(0, second));
    writeFileSync(moved, text.slice(second));
    let analysed = 0;
    const counting: Analyze = (article, known) => {
      analysed++;
      return analyze(article, known);
    };
    const { loaded } = await load(cache, counting);
    expect(loaded.filesRead).toBe(2);
    expect(analysed).toBe(0);
    const movedArticle = loaded.files.find((f) => f.file.endsWith('moved.txt'))!.articles[0]!;
    const before = cache.files.find((f) => file.endsWith(f.file))!.articles[1]!;
    expect(movedArticle.contentHash).toBe(before.contentHash);
    expect(movedArticle.names).toEqual(before.names);
    rmSync(moved);
    writeFileSync(file, text);
    retime(file, 3600);
  });
});

describe('files read one after another', () => {
  it('are each parsed and hashed from their own bytes, not what a longer one left', async () => {
    const dir = path.join(content, 'articles');
    const long = readFileSync(path.join(dir, '2026-01-27.txt'));
    const short = readFileSync(path.join(dir, '2026-02.txt'));
    expect(long.length).toBeGreaterThan(short.length);
    // Read in this order, the longer first.
    const written = { 'x-1-long.txt': long, 'x-2-short.txt': short };
    for (const [name, bytes] of Object.entries(written)) {
      writeFileSync(path.join(dir, name), bytes);
      retime(path.join(dir, name), 3600);
    }
    try {
      const { loaded } = await load();
      for (const [name, bytes] of Object.entries(written)) {
        const stored = loaded.files.find((f) => f.file.endsWith(name))!;
        expect(stored.bytesHash).toBe(createHash('sha1').update(bytes).digest('base64url'));
        const alone = parseFile(bytes, stored.file);
        expect(stored.articles.map((a) => a.title)).toEqual(alone.articles.map((a) => a.title));
        expect(stored.diagnostics).toEqual(alone.diagnostics);
      }
    } finally {
      for (const name of Object.keys(written)) rmSync(path.join(dir, name));
    }
  });
});

describe('an article finder', () => {
  const file = (name: string, hashes: string[]): StoredFile =>
    ({ file: name, articles: hashes.map((contentHash) => ({ contentHash, slug: name })) }) as never;
  const files = [file('a', ['1', '2']), file('b', ['3', '2'])];

  it('finds the last article with a text, whether it looks through them or in a map', () => {
    const find = articleFinder(files);
    // The first questions are answered by a look through the articles, the rest by a map.
    const answers = Array.from({ length: 12 }, (_, i) => find(['1', '2', '3', '4'][i % 4]!)?.slug);
    expect(answers.slice(0, 4)).toEqual(['a', 'b', 'b', undefined]);
    expect(answers).toEqual(Array.from({ length: 3 }, () => answers.slice(0, 4)).flat());
  });
});

describe('a file larger than the buffer its bytes are hashed in', () => {
  it('is found unchanged, and changed by its last bytes', async () => {
    const big = path.join(content, 'articles', 'big.txt');
    const paragraph = 'Η Βουλή συνεδρίασε σήμερα για τον προϋπολογισμό του νέου έτους.';
    const body = Array.from({ length: 24_000 }, () => paragraph).join('\n\n');
    writeFileSync(big, `date 2025-06-01 0\n\nΜεγάλο άρθρο\n\n${body}\n`);
    expect(readFileSync(big).length).toBeGreaterThan(2 << 20);
    retime(big, 3600);
    const { next: cache } = await load();
    retime(big, 60);
    expect((await load(cache)).loaded.filesRead).toBe(0);
    writeFileSync(big, readFileSync(big, 'utf8').replace(/έτους\.\n$/, 'έτουσ.\n'));
    retime(big, 30);
    expect((await load(cache)).loaded.filesRead).toBe(1);
    rmSync(big);
  });
});

describe('the state of a file found unchanged under a new time', () => {
  it('keeps its packed articles and takes its new time', async () => {
    const codec = new CacheCodec();
    const packed = codec.pack((await load()).next);
    const cache = codec.unpack(packed);
    const touched = files[2]!;
    retime(touched, 30);
    const { loaded, next } = await load(cache);
    expect(loaded.filesRead).toBe(0);
    const repacked = codec.pack(next);
    const i = packed.files.findIndex((f) => touched.endsWith(f.file));
    expect(repacked.files[i]!.articles).toBe(packed.files[i]!.articles);
    expect(repacked.files[i]!.mtimeMs).toBe(loaded.files[i]!.mtimeMs);
    expect(repacked.files[i]!.mtimeMs).not.toBe(packed.files[i]!.mtimeMs);
  });
});
