import { statSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { plainFile, readInThisThread, type ContentCache } from '../../src/archive/article-store.ts';
import { packPlaceLists, placeList, type PlaceLists } from '../../src/archive/related.ts';
import {
  CacheCodec,
  packCache,
  packRelatedMemo,
  packStrings,
  unpackCache,
  unpackRelatedMemo,
  unpackStrings,
} from '../../src/cli/state-codec.ts';
import { articleAnalyzer } from '../../src/enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../../src/enrich/taxonomy.ts';
import { listArticleFiles } from '../../src/ingest/read-content.ts';

const FIXTURE = path.resolve('tests/fixtures/site');

async function fixtureCache(): Promise<ContentCache> {
  const analyze = articleAnalyzer(loadCompiledTaxonomy(FIXTURE).compiled);
  const jobs = listArticleFiles(FIXTURE).files.map((entry) => {
    const { size, mtimeMs } = statSync(entry.absolute);
    return { entry, stat: { size, mtimeMs } };
  });
  const results = await readInThisThread(analyze)(jobs, () => {});
  return {
    analysisKey: 'key',
    textKey: 'text',
    writtenAt: 123,
    files: results.map((r) => r.stored),
  };
}

describe('the packed content cache of the state file', () => {
  it('unpacks to the same cache, property order included', async () => {
    const cache = await fixtureCache();
    expect(cache.files.flatMap((f) => f.articles.flatMap((a) => a.names)).length).toBeGreaterThan(
      5,
    );
    const unpacked = unpackCache(structuredClone(packCache(cache)));
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(cache));
  });

  it('keeps an article whose source names another file', async () => {
    const cache = await fixtureCache();
    cache.files[0]!.articles[0]!.source = { file: 'articles/elsewhere.txt', line: 7 };
    const unpacked = unpackCache(packCache(cache));
    expect(unpacked.files[0]!.articles[0]!.source).toEqual({
      file: 'articles/elsewhere.txt',
      line: 7,
    });
  });

  it('is smaller than the plain cache, and shares repeated name mentions', async () => {
    const cache = await fixtureCache();
    const one = cache.files[0]!.articles[0]!;
    const repeated: ContentCache = {
      ...cache,
      files: cache.files.map((f) => ({
        ...f,
        articles: [...f.articles, structuredClone(one), structuredClone(one)],
      })),
    };
    expect(serialize(packCache(repeated)).length).toBeLessThan(serialize(repeated).length * 0.8);
    const unpacked = unpackCache(packCache(repeated));
    const copies = unpacked.files[0]!.articles.filter((a) => a.contentHash === one.contentHash);
    expect(copies.length).toBeGreaterThanOrEqual(3);
    expect(copies[1]!.names[0]).toBe(copies[2]!.names[0]);
  });

  it('keeps each value of a shared mention object and of a slug used under two topic names', async () => {
    const cache = await fixtureCache();
    const [first, second] = cache.files.flatMap((f) => f.articles);
    const shared = { key: 'κοινο', name: 'Κοινό', kind: 'place' as const, count: 2, slug: 'koino' };
    const sameText = { ...shared, count: 3 };
    first!.names = [shared, sameText];
    second!.names = [sameText, shared, { ...shared, name: 'Κοινού' }];
    first!.topics = [{ slug: 'ygeia', name: 'Υγεία', score: 0.5 }];
    second!.topics = [
      { slug: 'ygeia', name: 'Υγεία και πρόνοια', score: 0.25 },
      { slug: 'ygeia', name: 'Υγεία', score: 0.125 },
    ];
    const unpacked = unpackCache(structuredClone(packCache(cache)));
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(cache));
  });

  it('packs again only the files changed since the cache was unpacked', async () => {
    const cache = await fixtureCache();
    const codec = new CacheCodec();
    const first = packCache(cache);
    const read = codec.unpack(structuredClone(first));
    const [changed, ...same] = read.files;
    // Copied as files are sent to reading threads: an unpacked article's title and excerpt are
    // getters, which a structured clone alone would leave out.
    const edited = structuredClone(plainFile(changed!));
    edited.articles[0]!.names.push({
      key: 'νεο ονομα',
      name: 'Νέο Όνομα',
      kind: 'person',
      count: 1,
      slug: 'neo-onoma',
    });
    edited.articles[0]!.keywords.push('καινουργ');
    const next = { ...read, files: [edited, ...same] };
    const packed = codec.pack(next);
    expect(JSON.stringify(unpackCache(structuredClone(packed)))).toBe(JSON.stringify(next));
    const unpackedRows = codec.unpack(packed);
    expect(unpackedRows.files).toHaveLength(next.files.length);
    // Files of the state read keep their packed articles; the new name went to the end of the
    // table.
    const again = codec.pack(unpackedRows);
    expect(again.files.every((row, i) => row.articles === packed.files[i]!.articles)).toBe(true);
    expect(again.files).toEqual(packed.files);
    expect(packed.names.at(-1)).toBe(
      ['νεο ονομα', 'Νέο Όνομα', 'person', 'neo-onoma'].join('\u0000'),
    );
    expect(packed.names.slice(0, first.names.length)).toEqual(first.names);
  });

  it('gives titles and excerpts when asked, and to plain copies for other threads', async () => {
    const cache = await fixtureCache();
    const read = unpackCache(structuredClone(packCache(cache)));
    const titles = (c: ContentCache) => c.files.flatMap((f) => f.articles.map((a) => a.title));
    expect(titles(read)).toEqual(titles(cache));
    const sent = read.files.map((f) => structuredClone(plainFile(f)));
    expect(JSON.stringify(sent)).toBe(JSON.stringify(cache.files));
    // Without the plain copy, a clone has neither.
    expect(structuredClone(read.files[0]!).articles[0]!.title).toBeUndefined();
  });

  it('gives back every title and excerpt, in any order, whatever its characters', async () => {
    const cache = await fixtureCache();
    const articles = cache.files.flatMap((f) => f.articles);
    // A Latin letter then U+0400: two zero bytes across two UTF-16 units, not a separator.
    articles[0]!.title = 'AЀ Ѐ';
    articles[0]!.excerpt = 'Ѐ';
    articles.at(-1)!.title = '';
    const read = unpackCache(structuredClone(packCache(cache)));
    const readArticles = read.files.flatMap((f) => f.articles);
    for (const i of [...readArticles.keys()].reverse()) {
      expect(readArticles[i]!.excerpt).toBe(articles[i]!.excerpt);
      expect(readArticles[i]!.title).toBe(articles[i]!.title);
    }
  });

  it('packs afresh for another analysis version', async () => {
    const cache = await fixtureCache();
    const codec = new CacheCodec();
    const read = codec.unpack(packCache(cache));
    const packed = codec.pack({ ...read, analysisKey: 'other' });
    expect(JSON.stringify(unpackCache(packed))).toBe(
      JSON.stringify({ ...read, analysisKey: 'other' }),
    );
  });

  it('takes the rows of files packed ahead, in any order, and only under their analysis', async () => {
    const cache = await fixtureCache();
    expect(cache.files.length).toBeGreaterThan(2);
    const codec = new CacheCodec();
    // As reading threads deliver them: not in the cache's order.
    for (const file of [...cache.files].reverse()) codec.packAhead(cache.analysisKey, file);
    const packed = codec.pack(cache);
    expect(JSON.stringify(unpackCache(structuredClone(packed)))).toBe(JSON.stringify(cache));
    // The tables were filled in the order packed ahead, not the cache's.
    const last = cache.files.at(-1)!.articles.find((a) => a.names.length > 0)!.names[0]!;
    expect(packed.names[0]).toBe([last.key, last.name, last.kind, last.slug].join('\u0000'));
    const again = new CacheCodec();
    again.packAhead(cache.analysisKey, cache.files[0]!);
    const aheadRow = again.pack(cache).files[0]!;
    expect(again.pack(cache).files[0]!.articles).toBe(aheadRow.articles);
    // Rows packed under another analysis point into other tables: packed again.
    const other = new CacheCodec();
    for (const file of cache.files.slice(1)) other.packAhead('other', file);
    other.packAhead(cache.analysisKey, cache.files[0]!);
    expect(JSON.stringify(unpackCache(other.pack(cache)))).toBe(JSON.stringify(cache));
  });
});

describe('lists of strings and related lists in the state file', () => {
  it('read back as written, empty lists and non-Latin text included', () => {
    for (const list of [[], [''], ['a', '', 'b'], ['/2026/01/27/0-synamilisan/', 'Αθήνα 🏛', 'x']]) {
      expect(unpackStrings(structuredClone(packStrings(list)))).toEqual(list);
    }
  });

  it('take one byte a character when all are ASCII, two otherwise', () => {
    const urls = ['/2026/01/27/0-synamilisan/', '/onomata/kyriakos-mitsotakis/'];
    const ascii = packStrings(urls);
    expect(ascii.length).toBe(1 + urls.join('\u0000').length + 1);
    expect(unpackStrings(ascii)).toEqual(urls);
    for (const other of ['café', 'Αθήνα', '🏛', '\ud800']) {
      const list = [...urls, other];
      const packed = packStrings(list);
      expect(packed.length).toBe(1 + 2 * (list.join('\u0000').length + 1));
      expect(unpackStrings(packed)).toEqual(list);
    }
    expect(() => unpackStrings(new Uint8Array([0, 0x61, 0]))).toThrow(/unknown form/);
  });

  it('keep every related list, in order, and refuse lists that do not fit the articles', () => {
    const memo = {
      ids: ['2026-01-01-0', '2026-01-02-0', '2026-01-02-1'],
      hashes: ['h0', 'h1', 'h2'],
      related: packPlaceLists([[], [0], [1, 0]]),
    };
    const back = unpackRelatedMemo(structuredClone(packRelatedMemo(memo)));
    expect(back).toEqual(memo);
    expect([0, 1, 2].map((i) => [...placeList(back.related, i)])).toEqual([[], [0], [1, 0]]);
    const unpackWith = (related: PlaceLists) =>
      unpackRelatedMemo(packRelatedMemo({ ...memo, related }));
    expect(() => unpackWith(packPlaceLists([[], [], [3]]))).toThrow(/3 is listed/);
    expect(() => unpackWith(packPlaceLists([[], [0]]))).toThrow(/do not fit/);
    const backwards = packPlaceLists([[], [0], [1, 0]]);
    backwards.starts[1] = 2;
    expect(() => unpackWith(backwards)).toThrow(/do not fit/);
  });
});
