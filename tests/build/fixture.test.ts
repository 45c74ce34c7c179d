import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, runCli, type BuiltSite } from './helpers.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/site');

describe('building a multi-article fixture with mistakes in it', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(FIXTURE, ['--path-prefix', '/archive/']);
  });

  it('accounts for every article read', () => {
    const { counts } = site.report;
    expect(counts).toEqual({ files: 4, articles_read: 7, published: 5, rejected: 2 });
    expect(site.report.articles.map((a) => a.id).sort()).toEqual([
      '2025-12-31-0',
      '2026-01-27-0',
      '2026-01-27-1',
      '2026-01-27-2',
      '2026-02-03-0',
    ]);
  });

  it('reports the impossible date and the duplicate with file, line and the first copy', () => {
    const errors = site.report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(2);
    const [invalid, duplicate] = [...errors].sort((a, b) => a.line - b.line);
    expect(invalid).toMatchObject({ file: 'articles/2026-02.txt', line: 7 });
    expect(invalid!.message).toContain('2026-02-30');
    expect(duplicate).toMatchObject({ file: 'articles/2026-02.txt', line: 13 });
    expect(duplicate!.message).toContain('articles/2026-01-27-more.txt');
  });

  it('parses CRLF files, indented headers and joined paragraph lines', () => {
    const doc = site.page('/2026/01/27/');
    const titles = [...doc.querySelectorAll('main article h2, main article h3, main li a')].map(
      (a) => a.textContent?.trim(),
    );
    expect(titles).toContain('Ο Ολυμπιακός νίκησε τον Παναθηναϊκό στο ντέρμπι');
    expect(titles).toContain('Νέα έκθεση σύγχρονης τέχνης στο μουσείο');
    const budget = site.report.articles.find((a) => a.id === '2025-12-31-0')!;
    const paragraphs = [
      ...site.page(budget.url.replace(/^/, '')).querySelectorAll('article p'),
    ].map((p) => p.textContent);
    expect(paragraphs).toContain(
      'Η Βουλή ψήφισε τον κρατικό προϋπολογισμό με 158 ψήφους υπέρ, ενώ η αντιπολίτευση καταψήφισε. Ο υπουργός Οικονομικών μίλησε για αύξηση των δημόσιων επενδύσεων.',
    );
  });

  it('lists a day in ordinal order and links neighbouring days under the path prefix', () => {
    const doc = site.page('/2026/01/27/');
    const links = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href') ?? '');
    const articleLinks = links.filter((h) => /^\/archive\/2026\/01\/27\/\d/.test(h));
    expect(articleLinks.map((h) => h.split('/')[5]![0])).toEqual(['0', '1', '2']);
    expect(doc.querySelector('a[href="/archive/2025/12/31/"]')).not.toBeNull();
    expect(doc.querySelector('a[href="/archive/2026/02/03/"]')).not.toBeNull();
  });

  it('links every article to the previous and next article in time', () => {
    const first = site.report.articles.find((a) => a.id === '2026-01-27-0')!;
    const doc = site.page(first.url);
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
      `/archive${site.report.articles.find((a) => a.id === '2025-12-31-0')!.url}`,
    );
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      `/archive${site.report.articles.find((a) => a.id === '2026-01-27-1')!.url}`,
    );
  });

  it('draws each month as a calendar with counts and a nominative heading', () => {
    const doc = site.page('/2026/02/');
    expect(doc.querySelector('h1')?.textContent).toBe('Φεβρουάριος 2026');
    expect(doc.querySelectorAll('table td a').length).toBe(1);
    expect(doc.querySelector('table a[href="/archive/2026/02/03/"]')).not.toBeNull();
    const december = site.page('/2025/12/');
    expect(december.querySelector('h1')?.textContent).toBe('Δεκέμβριος 2025');
  });

  it('writes nothing and exits 1 under --strict when there are errors', async () => {
    const run = await runCli([
      'build',
      '--content',
      FIXTURE,
      '--out',
      path.join(site.out, '../strict'),
      '--strict',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('E_');
  });

  it('check lists the problems and exits 1', async () => {
    const run = await runCli(['check', '--content', FIXTURE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/articles\/2026-02\.txt:7:\d+: error /);
  });

  it('writes an Atom feed of the newest articles and one per topic, announced by each page', () => {
    const xml = readFileSync(path.join(site.out, 'feed.xml'), 'utf8');
    const feed = new DOMParser().parseFromString(xml, 'text/xml');
    const ids = [...feed.querySelectorAll('entry > id')].map((e) => e.textContent);
    expect(ids).toHaveLength(5);
    expect(ids[0]).toBe(
      `https://example.org/archive${site.report.articles.find((a) => a.id === '2026-02-03-0')!.url}`,
    );
    const home = site.page('/');
    expect(
      home
        .querySelector('link[rel="alternate"][type="application/atom+xml"]')
        ?.getAttribute('href'),
    ).toBe('https://example.org/archive/feed.xml');
    const topic = site.report.articles[0]!.topics[0]!.slug;
    expect(site.exists(`/themata/${topic}/feed.xml`)).toBe(true);
  });

  it('writes a sitemap index, its sitemaps and robots.txt pointing to it', () => {
    const index = new DOMParser().parseFromString(
      readFileSync(path.join(site.out, 'sitemap.xml'), 'utf8'),
      'text/xml',
    );
    const maps = [...index.querySelectorAll('sitemap > loc')].map((l) => l.textContent);
    expect(maps).toEqual(['https://example.org/archive/sitemap-1.xml']);
    const sitemap = new DOMParser().parseFromString(
      readFileSync(path.join(site.out, 'sitemap-1.xml'), 'utf8'),
      'text/xml',
    );
    const locs = [...sitemap.querySelectorAll('url > loc')].map((l) => l.textContent);
    for (const a of site.report.articles)
      expect(locs).toContain(`https://example.org/archive${a.url}`);
    expect(readFileSync(path.join(site.out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/archive/sitemap.xml',
    );
  });

  it('gives article pages a canonical URL, Open Graph tags and NewsArticle JSON-LD', () => {
    const article = site.report.articles.find((a) => a.id === '2026-02-03-0')!;
    const doc = site.page(article.url);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://example.org/archive${article.url}`,
    );
    expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    const json = JSON.parse(
      doc.querySelector('script[type="application/ld+json"]')!.textContent!,
    ) as {
      '@graph': { '@type': string; datePublished?: string; inLanguage?: string }[];
    };
    const news = json['@graph'].find((n) => n['@type'] === 'NewsArticle')!;
    expect(news.datePublished).toBe('2026-02-03T00:00:00+02:00');
    expect(news.inLanguage).toBe('el');
    expect(json['@graph'].some((n) => n['@type'] === 'BreadcrumbList')).toBe(true);
  });
});
