/** The search index as the build writes it, queried as the search page does. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchScript } from '../../layouts/search.ts';
import { excerpt } from '../../src/site/search-engine.ts';
import { searchRecord } from '../../src/site/search-content.ts';
import { indexSite, SEARCH_INDEX_PATH } from '../../src/site/search-index.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './helpers.ts';
import { openIndex } from './search-reader.ts';

const ARTICLE_URL = '/2026/01/27/0-synamilisan-oi-ypourgoi-amynas-ton-dyo-choron/';

describe('search over the shipped sample', () => {
  let site: BuiltSite;
  let index: Awaited<ReturnType<typeof openIndex>>;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'content'));
    index = await openIndex(site.out);
  });

  it('says how many pages it indexed and how long it took', () => {
    expect(site.run.stderr).toMatch(/^Search index: 1 pages in \d+\.\d s$/m);
    expect(index.manifest).toMatchObject({ version: 2, pages: 1 });
  });

  it('names in its manifest the engine of the same build, for the page to ask for', () => {
    const engine = readFileSync(path.join(site.out, SEARCH_INDEX_PATH, 'engine.js'));
    const hash = createHash('sha256').update(engine).digest('base64url').slice(0, 12);
    expect(index.manifest.engine).toBe(hash);
    expect(searchScript).toContain('engine.js?v=${manifest.engine}');
  });

  it.each(['ΑΜΥΝΑΣ', 'αμυνα', 'υπουργοι', 'Μπελουσοφ', 'Άμυνας', 'συναμιλησαν'])(
    'finds the article for %s, whatever the accents, case or inflection',
    async (query) => {
      expect(await index.search(query)).toEqual([ARTICLE_URL]);
    },
  );

  it('indexes the title and body only: not the navigation, meta line, topics or footer', async () => {
    const doc = site.page(ARTICLE_URL);
    const record = searchRecord(site.read(ARTICLE_URL))!;
    expect(record.title).toBe(doc.querySelector('h1')!.textContent);
    expect(record.body).toContain('Μπελούσοφ');
    for (const outside of ['header', 'nav', '.meta', '.article-footer', 'body > footer']) {
      const text = doc.querySelector(outside)?.textContent?.trim();
      expect(text, outside).toBeTruthy();
      expect(record.body, outside).not.toContain(text);
    }
    // Words of the page outside the title and body: the site's name, the reading time, the date.
    for (const word of ['Αρχείο', 'ανάγνωσης', 'Ιανουαρίου', '2026', 'Τρίτη']) {
      expect(await index.search(word), word).toEqual([]);
    }
  });

  it('finds a word as it is being typed, and needs every word', async () => {
    expect(await index.search('Μπελού')).toEqual([ARTICLE_URL]);
    expect(await index.search('υπουργοί Άμυνας')).toEqual([ARTICLE_URL]);
    expect(await index.search('υπουργοί Ρίχτερ')).toEqual([]);
    // A beginning counts for the last word only: the others are whole words.
    expect(await index.search('Μπελού Άμυνας')).toEqual([]);
    // Function words alone find nothing, and beside other words they are left out.
    expect(await index.search('του και')).toEqual([]);
    expect(await index.search('του Μπελούσοφ')).toEqual([ARTICLE_URL]);
  });

  it('indexes article pages only, into static files', () => {
    const shard = readdirSync(
      path.join(site.out, SEARCH_INDEX_PATH, index.manifest.shards[0]!.path),
    );
    expect(shard).toContain('docs-0.json');
    expect(shard).toContain('topics.json');
    expect(shard.every((file) => file.endsWith('.json'))).toBe(true);
    expect(index.manifest.pages).toBe(site.report.counts.published);
  });

  it('filters by the Greek topic names and the year, and shows the title and date', async () => {
    const counts = index.engine.counts();
    const topics = site.report.articles[0]!.topics.map((t) => t.name);
    expect(Object.keys(counts.topics).sort()).toEqual([...topics].sort());
    expect(counts.years).toEqual({ '2026': 1 });
    expect(await index.search('αμυνα', { topic: topics[0]!, year: '2026' })).toEqual([ARTICLE_URL]);
    expect(await index.search('αμυνα', { topic: 'Αθλητισμός' })).toEqual([]);
    expect(await index.search('αμυνα', { year: '2025' })).toEqual([]);
    expect(await index.search(null, { topic: topics[0]! })).toEqual([ARTICLE_URL]);
    const hits = await index.engine.search({ q: 'αμυνα' });
    expect(await index.engine.details(hits)).toEqual([
      {
        path: ARTICLE_URL.slice(1),
        title: 'Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών',
        date: '2026-01-27',
      },
    ]);
    const parts = excerpt(
      searchRecord(site.read(ARTICLE_URL))!.body,
      'αμυνα',
      index.engine.stopwords,
    );
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toContain('Άμυνας');
  });
});

describe('search over an archive split into date shards', () => {
  let site: BuiltSite;
  let index: Awaited<ReturnType<typeof openIndex>>;
  let byDate: string[];
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), [
      '--path-prefix',
      '/archive/',
    ]);
    // Three shards: 2025-12-31, the three articles of 2026-01-27, 2026-02-03; two indexed at
    // once, each in a thread of its own.
    const result = await indexSite(site.out, { maxPagesPerShard: 2, concurrency: 2 });
    expect(result).toMatchObject({ pages: 5, shards: 3, indexed: 3 });
    index = await openIndex(site.out, '/archive/');
    byDate = [...site.report.articles]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((a) => `/archive${a.url}`);
  });
  it('writes one folder per shard and a manifest of their dates', () => {
    expect(
      index.manifest.shards.map(({ path, from, to, pages, years }) => ({
        path,
        from,
        to,
        pages,
        years,
      })),
    ).toEqual([
      { path: '2025/', from: '2025-12-31', to: '2025-12-31', pages: 1, years: { 2025: [0, 1] } },
      {
        path: '2026-01-27/',
        from: '2026-01-27',
        to: '2026-01-27',
        pages: 3,
        years: { 2026: [0, 3] },
      },
      { path: '2026-02/', from: '2026-02-03', to: '2026-02-03', pages: 1, years: { 2026: [0, 1] } },
    ]);
    for (const shard of index.manifest.shards) {
      expect(existsSync(path.join(site.out, SEARCH_INDEX_PATH, shard.path, 'docs-0.json'))).toBe(
        true,
      );
    }
  });

  const day = (url: string) => url.split('/').slice(2, 5).join('-');

  it('lists results newest or oldest first across shards, with prefixed URLs', async () => {
    // Filter-only searches (no words) list every article of the year, from two shards in 2026.
    const all = async (sort: 'newest' | 'oldest') => {
      const years = await Promise.all(
        ['2025', '2026'].map((year) => index.search(null, { sort, year })),
      );
      return (sort === 'newest' ? years.reverse() : years).flat();
    };
    expect((await all('newest')).map(day)).toEqual([...byDate].reverse().map(day));
    expect((await all('oldest')).map(day)).toEqual(byDate.map(day));
    expect(new Set(await all('oldest'))).toEqual(new Set(byDate));
    // A word of articles in several shards, in date order.
    const oldest = await index.search('υπουργός', { sort: 'oldest' });
    const newest = await index.search('υπουργός', { sort: 'newest' });
    expect(new Set(oldest.map((u) => u.split('/').slice(2, 4).join('-'))).size).toBeGreaterThan(1);
    expect(oldest.map(day)).toEqual([...oldest.map(day)].sort());
    expect(newest.map(day)).toEqual([...oldest.map(day)].reverse());
    expect(new Set(newest)).toEqual(new Set(oldest));
  });

  it('lists a year without words, newest first, from its shards only', async () => {
    const year = byDate.filter((u) => u.startsWith('/archive/2026/'));
    expect((await index.search(null, { sort: 'newest', year: '2026' })).map(day)).toEqual(
      [...year].reverse().map(day),
    );
    const quake = site.report.articles.find((a) => a.date === '2026-02-03')!;
    expect(await index.search('σεισμός', { year: '2026' })).toEqual([`/archive${quake.url}`]);
    expect(await index.search('σεισμός', { year: '2025' })).toEqual([]);
  });
});

describe('building without search', () => {
  it('writes the search page but no index', async () => {
    const site = await buildSite(path.join(PROJECT_ROOT, 'content'), ['--no-search']);
    expect(site.exists('/anazitisi/')).toBe(true);
    expect(existsSync(path.join(site.out, SEARCH_INDEX_PATH))).toBe(false);
    expect(site.run.stderr).not.toMatch(/Search index/);
  });
});
