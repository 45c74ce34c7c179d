import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Article, ArticlePage, SiteSettings } from '../../src/model.ts';
import { articleJsonLd, pageMetadata, scriptSafeJson } from '../../src/site/metadata.ts';
import { absoluteUrl } from '../../src/archive/urls.ts';

const site: SiteSettings = {
  title: 'Ημερολόγιο',
  description: 'Αρχείο ειδήσεων',
  url: 'https://example.org/archive/',
};
const noUrl: SiteSettings = { title: 'Ημερολόγιο', description: '' };

const HOSTILE =
  'A & B "q" \'a\' <script>alert(1)</script> </script><!-- ]]> \u2028\u2029 \u202Eevil\u202C zw\u200Bj x\u0000y';
const HOSTILE_CLEAN = HOSTILE.replaceAll('\u0000', '');

function makeArticlePage(overrides: Partial<Article> = {}): ArticlePage {
  const article: Article = {
    id: '2026-01-27-1',
    date: '2026-01-27',
    ordinal: 1,
    title: 'Συνάντηση στην Αθήνα',
    contentHash: 'h1',
    summaryHash: 'h1',
    source: { file: 'articles/2026/01.txt', line: 10 },
    excerpt: 'Πρώτη παράγραφος.',
    wordCount: 600,
    readingMinutes: 3,
    topics: [
      { slug: 'oikonomia', name: 'Οικονομία', score: 2 },
      { slug: 'amyna', name: 'Άμυνα', score: 1 },
    ],
    names: [],
    keywords: [],
    slug: 'synantisi-stin-athina',
    url: '/2026/01/27/1-synantisi-stin-athina/',
    ...overrides,
  };
  return {
    article,
    day: { url: '/2026/01/27/', label: '27 Ιανουαρίου 2026' },
    month: { url: '/2026/01/', label: 'Ιανουάριος 2026' },
    year: { url: '/2026/', label: '2026' },
    topics: article.topics.map((t) => ({ url: `/themata/${t.slug}/`, label: t.name })),
    names: [],
    namesKey: [0, 0],
    related: [],
  };
}

/** The metadata inside a real head, parsed as a browser would. */
function head(html: string) {
  const { document } = parseHTML(
    `<!doctype html><html><head>${html}</head><body><p id="after">x</p></body></html>`,
  );
  return document;
}

type Doc = ReturnType<typeof head>;

function metaContents(document: Doc, key: string): (string | null)[] {
  return [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
    m.getAttribute('content'),
  );
}

function feedLinks(document: Doc): [string | null, string | null][] {
  return [...document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map(
    (l) => [l.getAttribute('title'), l.getAttribute('href')],
  );
}

describe('absoluteUrl', () => {
  it('joins the public base URL and the site-relative path without its slash', () => {
    expect(absoluteUrl(site, '/2026/01/27/0-slug/')).toBe(
      'https://example.org/archive/2026/01/27/0-slug/',
    );
    expect(absoluteUrl(site, '/')).toBe('https://example.org/archive/');
    expect(absoluteUrl({ ...site, url: 'https://example.org/archive' }, '/feed.xml')).toBe(
      'https://example.org/archive/feed.xml',
    );
    expect(absoluteUrl({ ...site, url: 'https://example.org' }, '/feed.xml')).toBe(
      'https://example.org/feed.xml',
    );
    // A colon in the first segment is a path, not a scheme; `..` cannot leave the site.
    expect(absoluteUrl(site, '/a:b/')).toBe('https://example.org/archive/a:b/');
    expect(() => absoluteUrl(site, '/../../etc/')).toThrow(/outside/);
    expect(() => absoluteUrl(noUrl, '/')).toThrow(/public URL/);
  });
});

describe('pageMetadata', () => {
  it('describes a page with Open Graph and feeds, leaving title, description and canonical to the layout', () => {
    const html = pageMetadata({
      site,
      path: '/themata/oikonomia/',
      title: 'Οικονομία',
      description: 'Άρθρα για την οικονομία',
      type: 'website',
      feeds: [
        { title: 'Ημερολόγιο', path: '/feed.xml' },
        { title: 'Οικονομία', path: '/themata/oikonomia/feed.xml' },
      ],
    });
    const document = head(html);
    expect(document.querySelector('#after')).not.toBeNull();
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
    expect(metaContents(document, 'description')).toEqual([]);
    expect(metaContents(document, 'og:title')).toEqual(['Οικονομία']);
    expect(metaContents(document, 'og:description')).toEqual(['Άρθρα για την οικονομία']);
    expect(metaContents(document, 'og:type')).toEqual(['website']);
    expect(metaContents(document, 'og:url')).toEqual([
      'https://example.org/archive/themata/oikonomia/',
    ]);
    expect(metaContents(document, 'og:locale')).toEqual(['el_GR']);
    expect(metaContents(document, 'og:site_name')).toEqual(['Ημερολόγιο']);
    expect(document.querySelectorAll('meta[property^="article:"]')).toHaveLength(0);
    expect(feedLinks(document)).toEqual([
      ['Ημερολόγιο', 'https://example.org/archive/feed.xml'],
      ['Οικονομία', 'https://example.org/archive/themata/oikonomia/feed.xml'],
    ]);
  });

  it('adds the date with the Athens offset, the section and the tags of an article', () => {
    const { article } = makeArticlePage();
    const document = head(
      pageMetadata({
        site,
        path: article.url,
        title: article.title,
        description: article.excerpt,
        type: 'article',
        article,
      }),
    );
    expect(metaContents(document, 'og:type')).toEqual(['article']);
    expect(metaContents(document, 'article:published_time')).toEqual(['2026-01-27T00:00:00+02:00']);
    expect(metaContents(document, 'article:section')).toEqual(['Οικονομία']);
    expect(metaContents(document, 'article:tag')).toEqual(['Οικονομία', 'Άμυνα']);

    const summer = makeArticlePage({ date: '2025-07-15', topics: [] }).article;
    const summerDoc = head(
      pageMetadata({
        site,
        path: '/',
        title: 't',
        description: '',
        type: 'article',
        article: summer,
      }),
    );
    expect(metaContents(summerDoc, 'article:published_time')).toEqual([
      '2025-07-15T00:00:00+03:00',
    ]);
    expect(metaContents(summerDoc, 'article:section')).toEqual([]);
    expect(metaContents(summerDoc, 'og:description')).toEqual([]);
  });

  it('leaves out canonical and og:url without a public URL and prefixes feed links instead', () => {
    const document = head(
      pageMetadata({
        site: noUrl,
        path: '/',
        title: 'Ημερολόγιο',
        description: 'Αρχείο',
        type: 'website',
        feeds: [{ title: 'Ροή', path: '/feed.xml' }],
        href: (p) => `/archive${p}`,
      }),
    );
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
    expect(metaContents(document, 'og:url')).toEqual([]);
    expect(metaContents(document, 'og:title')).toEqual(['Ημερολόγιο']);
    expect(feedLinks(document)).toEqual([['Ροή', '/archive/feed.xml']]);
  });

  it('escapes every attribute value so that hostile text cannot add markup', () => {
    const { article } = makeArticlePage({
      title: HOSTILE,
      topics: [{ slug: 'x', name: HOSTILE, score: 1 }],
    });
    const html = pageMetadata({
      site: { ...site, title: HOSTILE },
      path: '/x/',
      title: HOSTILE,
      description: HOSTILE,
      type: 'article',
      article,
      feeds: [{ title: HOSTILE, path: '/feed.xml' }],
    });
    for (const raw of ['<script', '</script', '<!--', '\u0000', '\u202E']) {
      expect(html).not.toContain(raw);
    }
    const lines = html.split('\n');
    expect(lines.every((line) => /^<(meta|link) [^<>]*>$/.test(line))).toBe(true);
    const document = head(html);
    expect(document.head.children).toHaveLength(lines.length);
    expect(document.querySelector('script')).toBeNull();
    expect(metaContents(document, 'og:title')).toEqual([HOSTILE_CLEAN]);
    expect(metaContents(document, 'og:description')).toEqual([HOSTILE_CLEAN]);
    expect(metaContents(document, 'og:site_name')).toEqual([HOSTILE_CLEAN]);
    expect(metaContents(document, 'article:tag')).toEqual([HOSTILE_CLEAN]);
    expect(feedLinks(document)).toEqual([[HOSTILE_CLEAN, 'https://example.org/archive/feed.xml']]);
  });
});

/** The script element's text, checked to be the only element the output makes. */
function jsonLdOf(html: string): { [key: string]: unknown } {
  expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
  expect(html.endsWith('</script>')).toBe(true);
  const text = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
  expect(text.toLowerCase()).not.toContain('</script');
  expect(text).not.toMatch(/[<>&\u2028\u2029]/);

  const { document } = parseHTML(
    `<!doctype html><html><head>${html}</head><body><p id="after">x</p></body></html>`,
  );
  const scripts = [...document.querySelectorAll('script')];
  expect(scripts).toHaveLength(1);
  expect(scripts[0]!.textContent).toBe(text);
  expect(document.querySelector('#after')).not.toBeNull();
  return JSON.parse(text) as { [key: string]: unknown };
}

interface Graph {
  '@context': string;
  '@graph': [Record<string, unknown>, { '@type': string; itemListElement: unknown[] }];
}

describe('articleJsonLd', () => {
  it('describes a NewsArticle and its breadcrumb trail with absolute URLs', () => {
    const data = jsonLdOf(articleJsonLd(site, makeArticlePage())) as unknown as Graph;
    expect(data['@context']).toBe('https://schema.org');
    const [news, crumbs] = data['@graph'];
    const url = 'https://example.org/archive/2026/01/27/1-synantisi-stin-athina/';
    expect(news).toEqual({
      '@type': 'NewsArticle',
      headline: 'Συνάντηση στην Αθήνα',
      description: 'Πρώτη παράγραφος.',
      datePublished: '2026-01-27T00:00:00+02:00',
      inLanguage: 'el',
      articleSection: 'Οικονομία',
      keywords: ['Οικονομία', 'Άμυνα'],
      wordCount: 600,
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      publisher: {
        '@type': 'Organization',
        name: 'Ημερολόγιο',
        url: 'https://example.org/archive/',
      },
    });
    expect(crumbs['@type']).toBe('BreadcrumbList');
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Αρχική', item: 'https://example.org/archive/' },
      { '@type': 'ListItem', position: 2, name: '2026', item: 'https://example.org/archive/2026/' },
      {
        '@type': 'ListItem',
        position: 3,
        name: 'Ιανουάριος',
        item: 'https://example.org/archive/2026/01/',
      },
      {
        '@type': 'ListItem',
        position: 4,
        name: '27',
        item: 'https://example.org/archive/2026/01/27/',
      },
      { '@type': 'ListItem', position: 5, name: 'Συνάντηση στην Αθήνα', item: url },
    ]);
  });

  it('writes what scriptSafeJson writes of the whole, for each page of a day and site', () => {
    const hostileSite = { ...site, title: `${HOSTILE}\u2028` };
    for (const settings of [site, noUrl, hostileSite]) {
      const pages = [
        makeArticlePage(),
        makeArticlePage({
          id: '2026-01-27-2',
          ordinal: 2,
          title: `Άλλο <${HOSTILE}>`,
          excerpt: '',
        }),
        makeArticlePage({ id: '2026-01-28-0', date: '2026-01-28', topics: [] }),
        makeArticlePage(),
      ];
      const texts = pages.map((page) => {
        const html = articleJsonLd(settings, page);
        const text = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
        expect(scriptSafeJson(JSON.parse(text))).toBe(text);
        return JSON.parse(text) as Graph;
      });
      const lastCrumbs = texts.map(
        (t) => (t['@graph'][1].itemListElement.at(-1) as { name: string }).name,
      );
      // Each page's own last crumb: its headline (both cleaned of what XML cannot hold).
      expect(lastCrumbs).toEqual(texts.map((t) => t['@graph'][0].headline));
      expect(new Set(lastCrumbs).size).toBe(2);
      const days = texts.map((t) => (t['@graph'][1].itemListElement[3] as { name: string }).name);
      expect(days).toEqual(['27', '27', '28', '27']);
      expect(texts[0]!['@graph'][0].publisher).toEqual(texts[2]!['@graph'][0].publisher);
    }
  });

  it('has no URLs without a public URL, and no section or keywords without topics', () => {
    const data = jsonLdOf(
      articleJsonLd(noUrl, makeArticlePage({ topics: [], date: '2025-07-15' })),
    ) as unknown as Graph;
    const [news, crumbs] = data['@graph'];
    expect(news.datePublished).toBe('2025-07-15T00:00:00+03:00');
    for (const key of ['url', 'mainEntityOfPage', 'articleSection', 'keywords']) {
      expect(news).not.toHaveProperty(key);
    }
    expect(news.publisher).toEqual({ '@type': 'Organization', name: 'Ημερολόγιο' });
    expect(crumbs.itemListElement).toHaveLength(5);
    for (const crumb of crumbs.itemListElement) expect(crumb).not.toHaveProperty('item');
  });

  it('cannot be closed or broken by a hostile title and still parses to the same text', () => {
    const html = articleJsonLd(
      { ...site, title: HOSTILE },
      makeArticlePage({
        title: HOSTILE,
        excerpt: HOSTILE,
        topics: [{ slug: 'x', name: HOSTILE, score: 1 }],
      }),
    );
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<!--|\u2028|\u2029|\u202E|\u200B/);
    expect(html).toContain('\\u003c/script\\u003e');
    const [news, crumbs] = (jsonLdOf(html) as unknown as Graph)['@graph'];
    expect(news.headline).toBe(HOSTILE_CLEAN);
    expect(news.description).toBe(HOSTILE_CLEAN);
    expect(news.keywords).toEqual([HOSTILE_CLEAN]);
    expect((news.publisher as { name: string }).name).toBe(HOSTILE_CLEAN);
    expect(crumbs.itemListElement.at(-1)).toMatchObject({ name: HOSTILE_CLEAN });
  });
});

describe('scriptSafeJson', () => {
  it('escapes what could end a script element and round-trips through JSON.parse', () => {
    const value = { a: '</script><!-- & > \u2028 \u2029 \u{E0041} \u00AD', n: [1, null] };
    const json = scriptSafeJson(value);
    expect(json).toBe(
      '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e \\u2028 \\u2029 \\udb40\\udc41 \\u00ad","n":[1,null]}',
    );
    expect(JSON.parse(json)).toEqual(value);
  });
});
