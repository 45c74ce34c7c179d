import { describe, expect, it } from 'vitest';
import { parseXml } from './xml-check.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Article, SiteSettings } from '../../src/model.ts';
import {
  archiveSitemapUrls,
  robotsTxt,
  SITEMAP_INDEX_PATH,
  SITEMAP_MAX_URLS,
  sitemapPath,
  sitemaps,
  type SitemapFile,
  type SitemapUrl,
} from '../../src/site/sitemap.ts';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const site: SiteSettings = { title: 't', description: '', url: 'https://example.org/archive/' };

interface Entry {
  loc: string | null;
  lastmod: string | null;
}

/** The root's name and its `<url>` or `<sitemap>` entries, read through the parsed document. */
function read(file: SitemapFile): { root: string; entries: Entry[] } {
  const root = parseXml(file.xml).documentElement!;
  expect(root.getAttribute('xmlns')).toBe(NS);
  const elements = [...root.children];
  const entryName = root.tagName === 'urlset' ? 'url' : 'sitemap';
  expect(elements.filter((e) => e.tagName !== entryName)).toEqual([]);
  const entries = elements.map((entry) => {
    const fields = [...entry.children];
    return {
      loc: fields.find((f) => f.tagName === 'loc')?.textContent ?? null,
      lastmod: fields.find((f) => f.tagName === 'lastmod')?.textContent ?? null,
    };
  });
  return { root: root.tagName, entries };
}

function paths(count: number, lastmod?: (i: number) => string): SitemapUrl[] {
  return Array.from({ length: count }, (_, i) =>
    lastmod ? { path: `/p/${i}/`, lastmod: lastmod(i) } : { path: `/p/${i}/` },
  );
}

// ---------------------------------------------------------------------------------------------

describe('sitemaps', () => {
  it('splits the URLs into numbered files and ends with the index', () => {
    const day = (i: number) => `2026-01-${String(10 + i).padStart(2, '0')}`;
    const files = sitemaps(site, paths(7, day), 3);
    expect(files.map((f) => f.path)).toEqual([
      '/sitemap-1.xml',
      '/sitemap-2.xml',
      '/sitemap-3.xml',
      '/sitemap.xml',
    ]);
    const [one, two, three, index] = files.map(read);
    expect(one!.root).toBe('urlset');
    expect(one!.entries).toEqual([
      { loc: 'https://example.org/archive/p/0/', lastmod: '2026-01-10' },
      { loc: 'https://example.org/archive/p/1/', lastmod: '2026-01-11' },
      { loc: 'https://example.org/archive/p/2/', lastmod: '2026-01-12' },
    ]);
    expect(two!.entries.map((e) => e.loc)).toEqual(
      [3, 4, 5].map((i) => `https://example.org/archive/p/${i}/`),
    );
    expect(three!.entries).toEqual([
      { loc: 'https://example.org/archive/p/6/', lastmod: '2026-01-16' },
    ]);
    expect(index!.root).toBe('sitemapindex');
    expect(index!.entries).toEqual([
      { loc: 'https://example.org/archive/sitemap-1.xml', lastmod: '2026-01-12' },
      { loc: 'https://example.org/archive/sitemap-2.xml', lastmod: '2026-01-15' },
      { loc: 'https://example.org/archive/sitemap-3.xml', lastmod: '2026-01-16' },
    ]);
  });

  it('splits exactly at the limit: n files for n × max URLs, one more for one more URL', () => {
    const exact = sitemaps(site, paths(6), 3);
    expect(exact.map((f) => f.path)).toEqual(['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap.xml']);
    expect(exact.slice(0, 2).map((f) => read(f).entries.length)).toEqual([3, 3]);
    const more = sitemaps(site, paths(7), 3);
    expect(more.slice(0, 3).map((f) => read(f).entries.length)).toEqual([3, 3, 1]);
    expect(read(more[3]!).entries).toHaveLength(3);
  });

  it('puts at most 50,000 URLs in a file by default', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    const exact = sitemaps(site, paths(50_000));
    expect(exact.map((f) => f.path)).toEqual(['/sitemap-1.xml', '/sitemap.xml']);
    expect(read(exact[0]!).entries).toHaveLength(50_000);

    const urls = paths(100_001);
    const files = sitemaps(site, urls);
    expect(files.map((f) => f.path)).toEqual([
      '/sitemap-1.xml',
      '/sitemap-2.xml',
      '/sitemap-3.xml',
      '/sitemap.xml',
    ]);
    const counts = files.slice(0, 3).map((f) => read(f).entries);
    expect(counts.map((entries) => entries.length)).toEqual([50_000, 50_000, 1]);
    expect(counts[1]![0]!.loc).toBe('https://example.org/archive/p/50000/');
    expect(counts[2]![0]!.loc).toBe('https://example.org/archive/p/100000/');
    expect(read(files[3]!).entries.map((e) => e.loc)).toEqual([
      'https://example.org/archive/sitemap-1.xml',
      'https://example.org/archive/sitemap-2.xml',
      'https://example.org/archive/sitemap-3.xml',
    ]);
    for (const file of files) expect(Buffer.byteLength(file.xml)).toBeLessThan(52_428_800);
  });

  it('also splits by size in bytes', () => {
    const files = sitemaps(site, paths(10), 50_000, 400);
    const urlsets = files.slice(0, -1);
    expect(urlsets.length).toBeGreaterThan(1);
    for (const file of urlsets) expect(Buffer.byteLength(file.xml)).toBeLessThanOrEqual(400);
    const all = urlsets.flatMap((f) => read(f).entries.map((e) => e.loc));
    expect(all).toEqual(paths(10).map((u) => `https://example.org/archive${u.path}`));
    expect(() => sitemaps(site, paths(1), 50_000, 100)).toThrow(/exceeds/);
  });

  it('escapes URLs and keeps them absolute under the public base URL', () => {
    const odd: SiteSettings = { ...site, url: "https://example.org/a&b'c/" };
    const files = sitemaps(odd, [{ path: '/' }, { path: '/x/?q=1&r=<2>' }]);
    expect(files[0]!.xml).toContain('https://example.org/a&amp;b');
    expect(read(files[0]!).entries.map((e) => e.loc)).toEqual([
      "https://example.org/a&b'c/",
      "https://example.org/a&b'c/x/?q=1&r=%3C2%3E",
    ]);
    expect(read(files[1]!).entries[0]!.loc).toBe("https://example.org/a&b'c/sitemap-1.xml");
  });

  it('gives one empty sitemap for no URLs, rejects a bad lastmod and needs a public URL', () => {
    const files = sitemaps(site, []);
    expect(files.map((f) => f.path)).toEqual(['/sitemap-1.xml', SITEMAP_INDEX_PATH]);
    expect(read(files[0]!).entries).toEqual([]);
    expect(read(files[1]!).entries).toEqual([
      { loc: 'https://example.org/archive/sitemap-1.xml', lastmod: null },
    ]);
    expect(() => sitemaps(site, [{ path: '/', lastmod: '27/1/2026' }])).toThrow(RangeError);
    expect(() => sitemaps(site, paths(1), 0)).toThrow(RangeError);
    expect(() => sitemaps({ title: 't', description: '' }, paths(1))).toThrow(/public URL/);
    expect(sitemapPath(12)).toBe('/sitemap-12.xml');
  });
});

describe('archiveSitemapUrls', () => {
  function article(date: string, ordinal: number, topics: string[]): Article {
    return {
      id: `${date}-${ordinal}`,
      date,
      ordinal,
      title: 'x',
      contentHash: 'x',
      summaryHash: 'x',
      source: { file: 'a.txt', line: 1 },
      excerpt: 'x',
      wordCount: 1,
      readingMinutes: 1,
      topics: topics.map((slug) => ({ slug, name: slug, score: 1 })),
      names: [],
      keywords: [],
      slug: 'x',
      url: `/${date.replaceAll('-', '/')}/${ordinal}-x/`,
    };
  }

  it('lists every page of the archive with the date of its newest article', () => {
    const archive = buildArchive(
      [
        article('2025-12-31', 0, ['oikonomia']),
        article('2026-01-27', 0, ['oikonomia', 'amyna']),
        article('2026-01-27', 1, []),
        article('2026-02-03', 0, ['amyna']),
      ],
      [
        { slug: 'oikonomia', name: 'Οικονομία' },
        { slug: 'amyna', name: 'Άμυνα' },
      ],
      site,
    );
    const urls = archiveSitemapUrls(archive);
    const byPath = new Map(urls.map((u) => [u.path, u.lastmod]));
    expect(byPath.size).toBe(urls.length);
    expect(Object.fromEntries(byPath)).toEqual({
      '/': '2026-02-03',
      '/themata/': '2026-02-03',
      '/2025/': '2025-12-31',
      '/2026/': '2026-02-03',
      '/2025/12/': '2025-12-31',
      '/2026/01/': '2026-01-27',
      '/2026/02/': '2026-02-03',
      '/2025/12/31/': '2025-12-31',
      '/2026/01/27/': '2026-01-27',
      '/2026/02/03/': '2026-02-03',
      '/2025/12/31/0-x/': '2025-12-31',
      '/2026/01/27/0-x/': '2026-01-27',
      '/2026/01/27/1-x/': '2026-01-27',
      '/2026/02/03/0-x/': '2026-02-03',
      '/themata/oikonomia/': '2026-01-27',
      '/themata/amyna/': '2026-02-03',
      '/themata/oikonomia/2026/01/': '2026-01-27',
      '/themata/oikonomia/2025/12/': '2025-12-31',
      '/themata/amyna/2026/02/': '2026-02-03',
      '/themata/amyna/2026/01/': '2026-01-27',
    });
    // Every one of them makes a valid sitemap.
    expect(read(sitemaps(site, urls)[0]!).entries).toHaveLength(urls.length);
  });

  it('lists name pages, the lists of their kinds and the page leading to those', () => {
    const named = (date: string) => ({
      ...article(date, 0, []),
      names: [{ key: 'ρωσια', name: 'Ρωσία', kind: 'place' as const, count: 1, slug: 'rosia' }],
    });
    const archive = buildArchive([named('2026-01-27'), named('2026-02-03')], [], site);
    const byPath = new Map(archiveSitemapUrls(archive).map((u) => [u.path, u.lastmod]));
    expect(byPath.get('/onomata/')).toBe('2026-02-03');
    expect(byPath.get('/topoi/')).toBe('2026-02-03');
    expect(byPath.get('/onomata/rosia/')).toBe('2026-02-03');
    expect(byPath.has('/prosopa/')).toBe(false);
  });
});

describe('robotsTxt', () => {
  it('points crawlers to the absolute sitemap index', () => {
    expect(robotsTxt({ ...site, url: 'https://example.org/' })).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n',
    );
  });

  it('notes that a site in a sub-folder needs its lines at the host root', () => {
    const text = robotsTxt(site);
    expect(text).toContain('Sitemap: https://example.org/archive/sitemap.xml\n');
    expect(text).toContain('Allow: /archive/\n');
    expect(text).toMatch(/^# .*\/archive\//);
    expect(robotsTxt(site, '/other')).toContain('Allow: /other/\n');
  });

  it('leaves the sitemap out without a public URL and cannot be injected through the prefix', () => {
    const text = robotsTxt({ title: 't', description: '' }, '/a\nDisallow: /');
    expect(text).not.toContain('Sitemap:');
    expect(text.split('\n').filter((line) => line.startsWith('Disallow'))).toEqual([]);
    expect(robotsTxt({ title: 't', description: '' })).toBe('User-agent: *\nAllow: /\n');
  });
});
