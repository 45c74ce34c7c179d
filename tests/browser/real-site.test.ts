/**
 * The real Greek corpus built under `/archive/` with a public URL, served, and checked as a
 * reader, a validator, a screen-reader audit and a feed reader would: every internal link and
 * asset resolves, every page type is valid HTML and passes axe-core in Chromium, and the
 * feeds and sitemaps are well-formed XML listing what they should. Built once for the file.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, SHARED, type BuiltSite } from '../build/helpers.ts';
import {
  axeViolations,
  htmlProblems,
  launchChromium,
  serveSite,
  type StaticServer,
} from './helpers.ts';

const REAL = path.join(SHARED, 'corpus/real');
const present = existsSync(path.join(REAL, 'articles'));
const PUBLIC_URL = 'https://example.org/archive/';
const PREFIX = '/archive/';
const ATOM = 'http://www.w3.org/2005/Atom';

function decodeAttribute(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

interface Crawl {
  /** Site path (with prefix, no fragment) → HTTP status. */
  status: Map<string, number>;
  /** Site path → its HTML, for pages. */
  html: Map<string, string>;
  /** Link target (with fragment when there is one) → pages linking to it. */
  links: Map<string, Set<string>>;
}

/**
 * Follows every `href`, `src` and the search page's `data-index` from the home page, over
 * HTTP. Links to the public URL count as internal (canonical links, Open Graph); other hosts
 * are not followed.
 */
async function crawl(server: StaticServer): Promise<Crawl> {
  const result: Crawl = { status: new Map(), html: new Map(), links: new Map() };
  const queue: string[] = [PREFIX];
  const queued = new Set(queue);
  const local = (href: string, base: string): string | undefined => {
    const url = new URL(href, base);
    if (url.href.startsWith(PUBLIC_URL)) {
      return `${PREFIX}${url.href.slice(PUBLIC_URL.length)}`;
    }
    return url.origin === server.origin ? `${url.pathname}${url.hash}` : undefined;
  };
  const visit = async (page: string) => {
    const response = await fetch(`${server.origin}${page}`, { redirect: 'manual' });
    result.status.set(page, response.status);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    if (response.status !== 200 || !type.startsWith('text/html')) return;
    result.html.set(page, body);
    const targets = [...body.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    const index = /\sdata-index="([^"]*)"/.exec(body)?.[1];
    if (index) targets.push(`${decodeAttribute(index)}shards.json`);
    for (const raw of targets) {
      const target = local(decodeAttribute(raw), `${server.origin}${page}`);
      if (target === undefined) continue;
      if (!result.links.has(target)) result.links.set(target, new Set());
      result.links.get(target)!.add(page);
      const bare = target.replace(/#.*$/, '');
      if (!queued.has(bare)) {
        queued.add(bare);
        queue.push(bare);
      }
    }
  };
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await visit(next);
  };
  // Workers stop when the queue is momentarily empty; go again until nothing new is found.
  while (queue.length > 0) await Promise.all(Array.from({ length: 8 }, worker));
  return result;
}

/** Every HTML file of the built site, as prefixed site paths (`/archive/2020/`). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map(
      (file) =>
        `${PREFIX}${file
          .split(path.sep)
          .join('/')
          .replace(/(^|\/)index\.html$/, '$1')}`,
    );
}

describe.skipIf(!present)('the real corpus, built under /archive/ and served', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let result: Crawl;
  /** One or a few pages of each type, prefixed. */
  let samples: Record<string, string[]>;

  beforeAll(async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'ephemeris-real-'));
    cpSync(path.join(REAL, 'articles'), path.join(content, 'articles'), { recursive: true });
    writeFileSync(
      path.join(content, 'site.json'),
      JSON.stringify({ title: 'Αρχείο ειδήσεων', description: 'Δοκιμή', url: PUBLIC_URL }),
    );
    [site, browser] = await Promise.all([
      buildSite(content, ['--path-prefix', PREFIX]),
      launchChromium(),
    ]);
    server = await serveSite(site.out, PREFIX);
    result = await crawl(server);

    const articles = [...site.report.articles].sort((a, b) =>
      a.date === b.date ? a.ordinal - b.ordinal : a.date < b.date ? -1 : 1,
    );
    const pick = <T>(items: readonly T[]): T[] => [
      ...new Set([items[0]!, items[Math.floor(items.length / 2)]!, items.at(-1)!]),
    ];
    const pages = htmlFiles(site.out);
    const matching = (pattern: RegExp) => pages.filter((p) => pattern.test(p)).sort();
    samples = {
      home: [PREFIX],
      year: matching(/^\/archive\/\d{4}\/$/),
      month: pick(matching(/^\/archive\/\d{4}\/\d{2}\/$/)),
      day: pick(matching(/^\/archive\/\d{4}\/\d{2}\/\d{2}\/$/)),
      article: pick(articles).map((a) => `/archive${a.url}`),
      topics: [`${PREFIX}themata/`],
      topic: matching(/^\/archive\/themata\/[^/]+\/$/),
      'topic month': pick(matching(/^\/archive\/themata\/[^/]+\/\d{4}\/\d{2}\/$/)),
      names: [`${PREFIX}onomata/`],
      'names of a kind': [`${PREFIX}prosopa/`, `${PREFIX}topoi/`, `${PREFIX}foreis/`],
      name: pick(matching(/^\/archive\/onomata\/[^/]+\/$/)),
      search: [`${PREFIX}anazitisi/`],
      'not found': [`${PREFIX}404.html`],
    };
    for (const [type, list] of Object.entries(samples))
      expect(list.length, type).toBeGreaterThan(0);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no broken internal link or asset', () => {
    const broken = [...result.links]
      .filter(([target]) => result.status.get(target.replace(/#.*$/, '')) !== 200)
      .map(
        ([target, from]) =>
          `${target} (${result.status.get(target.replace(/#.*$/, ''))}) ← ${[...from][0]}`,
      );
    expect(broken).toEqual([]);
    // The crawl covered the site: stylesheet, search index, feeds, sitemaps.
    for (const asset of [
      'assets/style.css',
      'search-index/shards.json',
      'feed.xml',
      'anazitisi/',
    ]) {
      expect(result.status.get(`${PREFIX}${asset}`), asset).toBe(200);
    }
    expect(result.html.size).toBeGreaterThan(site.report.counts.published);
  });

  it('has no link to a missing fragment', () => {
    const missing = [...result.links]
      .filter(([target]) => target.includes('#'))
      .flatMap(([target, from]) => {
        const [page, id] = target.split('#') as [string, string];
        const html = result.html.get(page);
        return html && !html.includes(` id="${id}"`) ? [`${target} ← ${[...from][0]}`] : [];
      });
    expect(missing).toEqual([]);
  });

  it('reaches every page by following links from the home page', () => {
    const unreached = htmlFiles(site.out).filter(
      (page) => page !== `${PREFIX}404.html` && !result.html.has(page),
    );
    expect(unreached).toEqual([]);
  });

  it('loads every search shard the manifest lists', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(site.out, 'search-index/shards.json'), 'utf8'),
    ) as {
      pages: number;
      shards: { path: string }[];
    };
    expect(manifest.pages).toBe(site.report.counts.published);
    for (const shard of manifest.shards) {
      for (const file of ['docs-0.json', 'topics.json']) {
        expect(existsSync(path.join(site.out, 'search-index', shard.path, file)), file).toBe(true);
      }
    }
  });

  const htmlAt = (url: string) =>
    readFileSync(
      path.join(site.out, url.slice(PREFIX.length).replace(/(^|\/)$/, '$1index.html')),
      'utf8',
    );

  it('writes valid HTML on every page type', async () => {
    const problems: string[] = [];
    for (const pages of Object.values(samples)) {
      for (const page of pages) {
        problems.push(...(await htmlProblems(htmlAt(page), page)));
      }
    }
    expect(problems).toEqual([]);
  });

  async function open(url: string, colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ colorScheme, locale: 'el-GR' });
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await page.goto(`${server.origin}${url}`);
    return page;
  }

  it('passes axe-core in Chromium on every page type, in light and dark mode', async () => {
    const problems: string[] = [];
    // Dark mode changes only the colour variables: checked on the pages that carry every
    // coloured component (links, calendar cells, charts, topic labels, pager, breadcrumbs).
    const dark = new Set(['home', 'month', 'year', 'article', 'topic', 'topic month']);
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [type, pages] of Object.entries(samples)) {
        if (type === 'search' || (colorScheme === 'dark' && !dark.has(type))) continue;
        const page = await open(pages[0]!, colorScheme);
        problems.push(...(await axeViolations(page)));
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows search results that pass axe-core and html-validate', async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(
        `${PREFIX}anazitisi/?q=${encodeURIComponent('κυβέρνηση')}`,
        colorScheme,
      );
      await page.locator('#search-results li').first().waitFor();
      expect(await page.locator('#search-results li').count()).toBeGreaterThan(5);
      if (colorScheme === 'light') {
        // The page as its script left it, before axe adds a script of its own.
        problems.push(...(await htmlProblems(await page.content(), 'search results', true)));
        // "More results" adds the next ones and moves focus to the first of them.
        const more = page.getByRole('button', { name: 'Περισσότερα αποτελέσματα' });
        if (await more.isVisible()) {
          const before = await page.locator('#search-results li').count();
          await more.click();
          await expect
            .poll(() => page.locator('#search-results li').count())
            .toBeGreaterThan(before);
          expect(await page.evaluate(() => document.activeElement?.closest('li') !== null)).toBe(
            true,
          );
        }
      }
      problems.push(...(await axeViolations(page)));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  /** Parses XML with Chromium's own parser, which rejects anything not well-formed. */
  let xmlPage: Page | undefined;
  async function parseXml(xml: string): Promise<{ error?: string; links: string[] }> {
    xmlPage ??= await browser.newPage();
    return xmlPage.evaluate(
      ([text, atom]) => {
        const doc = new DOMParser().parseFromString(text!, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        if (error) return { error: error.textContent ?? 'parse error', links: [] };
        const entries = [...doc.getElementsByTagNameNS(atom!, 'entry')];
        if (entries.length > 0 || doc.documentElement.localName === 'feed') {
          return {
            links: entries.map(
              (e) => e.getElementsByTagNameNS(atom!, 'link')[0]?.getAttribute('href') ?? '',
            ),
          };
        }
        return { links: [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? '') };
      },
      [xml, ATOM],
    );
  }

  const xmlAt = (url: string) =>
    readFileSync(path.join(site.out, url.slice(PREFIX.length)), 'utf8');
  const newestFirst = () =>
    [...site.report.articles].sort((a, b) =>
      a.date === b.date ? b.ordinal - a.ordinal : a.date < b.date ? 1 : -1,
    );

  it('writes feeds as Atom XML of the newest articles, of the archive and of each topic', async () => {
    const site_ = await parseXml(xmlAt(`${PREFIX}feed.xml`));
    expect(site_.error).toBeUndefined();
    expect(site_.links).toEqual(
      newestFirst()
        .slice(0, 50)
        .map((a) => `${PUBLIC_URL}${a.url.slice(1)}`),
    );
    const topics = readdirSync(path.join(site.out, 'themata'));
    let feeds = 0;
    for (const slug of topics) {
      const file = `${PREFIX}themata/${slug}/feed.xml`;
      if (!existsSync(path.join(site.out, 'themata', slug, 'feed.xml'))) continue;
      feeds++;
      const feed = await parseXml(xmlAt(file));
      expect(feed.error, file).toBeUndefined();
      const expected = newestFirst()
        .filter((a) => a.topics.some((t) => t.slug === slug))
        .slice(0, 50)
        .map((a) => `${PUBLIC_URL}${a.url.slice(1)}`);
      expect(feed.links, file).toEqual(expected);
      // Every page of a topic announces its feed.
      expect(result.links.has(file), file).toBe(true);
    }
    expect(feeds).toBeGreaterThan(0);
  });

  it('writes sitemaps as XML listing every page but the 404 and search pages', async () => {
    const index = await parseXml(xmlAt(`${PREFIX}sitemap.xml`));
    expect(index.error).toBeUndefined();
    expect(index.links.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const loc of index.links) {
      expect(loc.startsWith(PUBLIC_URL), loc).toBe(true);
      const sitemap = await parseXml(xmlAt(`${PREFIX}${loc.slice(PUBLIC_URL.length)}`));
      expect(sitemap.error, loc).toBeUndefined();
      listed.push(...sitemap.links);
    }
    const expected = htmlFiles(site.out)
      .filter((p) => p !== `${PREFIX}404.html` && p !== `${PREFIX}anazitisi/`)
      .map((p) => `${PUBLIC_URL}${p.slice(PREFIX.length)}`);
    expect(listed.sort()).toEqual(expected.sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(xmlAt(`${PREFIX}robots.txt`)).toContain(`Sitemap: ${PUBLIC_URL}sitemap.xml`);
  });
});
