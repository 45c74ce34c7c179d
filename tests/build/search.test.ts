/** The search index as the build writes it, queried as the search page does. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/site/search-index.ts';
import { serveSite, type StaticServer } from '../browser/helpers.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './helpers.ts';
import { openIndex } from './pagefind-index.ts';

const ARTICLE_URL = '/2026/01/27/0-synamilisan-oi-ypourgoi-amynas-ton-dyo-choron/';

describe('search over the shipped sample', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let index: Awaited<ReturnType<typeof openIndex>>;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'content'));
    server = await serveSite(site.out, '/');
    index = await openIndex(site.out, server);
  });
  afterAll(() => server?.close());

  it('says how many pages it indexed and how long it took', () => {
    expect(site.run.stderr).toMatch(/^Search index: 1 pages in \d+\.\d s$/m);
    expect(index.manifest).toMatchObject({ version: 1, pages: 1 });
  });

  it.each(['ΑΜΥΝΑΣ', 'αμυνα', 'υπουργοι', 'Μπελουσοφ', 'Άμυνας', 'συναμιλησαν'])(
    'finds the article for %s, whatever the accents, case or inflection',
    async (query) => {
      expect(await index.search(query)).toEqual([ARTICLE_URL]);
    },
  );

  it('indexes the title and body only: not the navigation, meta line, topics or footer', async () => {
    const [result] = (await index.shards[0]!.index.search('αμυνα')).results;
    const { content } = await result!.data();
    const doc = site.page(ARTICLE_URL);
    const title = doc.querySelector('h1')!.textContent!;
    expect(content.startsWith(`${title}.`)).toBe(true);
    expect(content).toContain('Μπελούσοφ');
    for (const outside of [
      'header',
      'nav',
      '.meta',
      '.article-topics',
      '.article-footer',
      'body > footer',
    ]) {
      const text = doc.querySelector(outside)?.textContent?.trim();
      expect(text, outside).toBeTruthy();
      expect(content, outside).not.toContain(text);
    }
    // Words of the page outside the title and body (site name, reading time, the date line;
    // Pagefind would find metadata too, so none is given). Words chosen so that Pagefind's
    // fallback for unknown words (it tries words sharing a prefix: «Τρίτη» finds «τον») is quiet.
    for (const word of ['Αρχείο', 'ανάγνωσης', 'Ιανουαρίου', '2026']) {
      expect(await index.search(word), word).toEqual([]);
    }
  });

  it('indexes article pages only', async () => {
    const pages = readdirSync(path.join(site.out, 'pagefind', index.manifest.shards[0]!.path));
    expect(pages).toContain('pagefind.js');
    expect(pages).not.toContain('pagefind-ui.js');
    expect(index.manifest.pages).toBe(site.report.counts.published);
  });

  it('filters by the Greek topic names and the year, and shows the date', async () => {
    const filters = await index.shards[0]!.index.filters();
    const topics = site.report.articles[0]!.topics.map((t) => t.name);
    expect(Object.keys(filters.topic ?? {}).sort()).toEqual([...topics].sort());
    expect(filters.year).toEqual({ '2026': 1 });
    expect(await index.search('αμυνα', { topic: topics[0]!, year: '2026' })).toEqual([ARTICLE_URL]);
    expect(await index.search('αμυνα', { year: '2025' })).toEqual([]);
    const [result] = (await index.shards[0]!.index.search('αμυνα')).results;
    const data = await result!.data();
    expect(data.meta).toEqual({ title: 'Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών' });
    expect(data.excerpt).toContain('<mark>');
  });
});

describe('search over an archive split into date shards', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let index: Awaited<ReturnType<typeof openIndex>>;
  let byDate: string[];
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), [
      '--path-prefix',
      '/archive/',
    ]);
    // Three shards: 2025-12-31, the three articles of 2026-01-27, 2026-02-03; two indexed at
    // once, the second by a Pagefind process of its own.
    const result = await indexSite(site.out, { maxPagesPerShard: 2, concurrency: 2 });
    expect(result).toMatchObject({ pages: 5, shards: 3, indexed: 3 });
    server = await serveSite(site.out, '/archive/');
    index = await openIndex(site.out, server, '/archive/');
    byDate = [...site.report.articles]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((a) => `/archive${a.url}`);
  });
  afterAll(() => server?.close());

  it('writes one bundle per shard and a manifest of their dates', () => {
    expect(index.manifest.shards).toEqual([
      { path: '2025/', from: '2025-12-31', to: '2025-12-31', pages: 1 },
      { path: '2026-01-27/', from: '2026-01-27', to: '2026-01-27', pages: 3 },
      { path: '2026-02/', from: '2026-02-03', to: '2026-02-03', pages: 1 },
    ]);
    for (const shard of index.manifest.shards) {
      expect(existsSync(path.join(site.out, 'pagefind', shard.path, 'pagefind.js'))).toBe(true);
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
    const oldest = await index.search('στο', { sort: 'oldest' });
    const newest = await index.search('στο', { sort: 'newest' });
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
    expect(existsSync(path.join(site.out, 'pagefind'))).toBe(false);
    expect(site.run.stderr).not.toMatch(/Search index/);
  });
});
