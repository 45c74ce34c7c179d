import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseXml } from './xml-check.ts';
import type { Article, ArticlePage, ArticleWithBody, SiteSettings } from '../../src/model.ts';
import {
  atomFeed,
  FEED_SIZE,
  feedArticles,
  SITE_FEED_PATH,
  siteFeedPath,
  topicFeedPath,
} from '../../src/site/feeds.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const site: SiteSettings = {
  title: 'Ημερολόγιο',
  description: 'Αρχείο ειδήσεων',
  url: 'https://example.org/archive/',
};

/** Every hostile thing a title or body may hold. NUL and U+0001 cannot exist in XML 1.0. */
const HOSTILE =
  'A & B <script>alert(1)</script> ]]> </script> "q" \'a\' \u202Eevil\u202C zw\u200Bj\u200D x\u0000y\u0001z';
const HOSTILE_CLEAN = HOSTILE.replaceAll('\u0000', '').replaceAll('\u0001', '');

function makeArticle(overrides: Partial<ArticleWithBody> = {}): ArticleWithBody {
  const date = overrides.date ?? '2026-01-27';
  const ordinal = overrides.ordinal ?? 0;
  return {
    id: `${date}-${ordinal}`,
    date,
    ordinal,
    title: `Άρθρο ${date} ${ordinal}`,
    paragraphs: ['Πρώτη παράγραφος.', 'Δεύτερη παράγραφος.'],
    contentHash: 'h',
    summaryHash: 'h',
    source: { file: 'articles/x.txt', line: 1 },
    excerpt: 'Πρώτη παράγραφος.',
    wordCount: 4,
    readingMinutes: 1,
    topics: [
      { slug: 'oikonomia', name: 'Οικονομία', score: 3 },
      { slug: 'politiki', name: 'Πολιτική', score: 1 },
    ],
    names: [],
    keywords: [],
    slug: 'arthro',
    url: `/${date.replaceAll('-', '/')}/${ordinal}-arthro/`,
    ...overrides,
  };
}

type XmlDocument = ReturnType<typeof parseXml>;
type XmlElement = NonNullable<ReturnType<XmlDocument['querySelector']>>;

/** linkedom leaves references in attribute values undecoded in XML mode. */
function attr(element: XmlElement | null | undefined, name: string): string | null {
  const raw = element?.getAttribute(name) ?? null;
  return raw === null
    ? null
    : raw.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_: string, ref: string) => {
        if (ref[0] === '#') {
          const hex = ref[1] === 'x' || ref[1] === 'X';
          return String.fromCodePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
        }
        return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref.toLowerCase()]!;
      });
}

function children(parent: XmlElement | XmlDocument, name: string): XmlElement[] {
  return [...parent.querySelectorAll(name)].filter(
    (el: XmlElement) => el.parentNode === (parent as unknown),
  );
}

function child(parent: XmlElement, name: string): XmlElement {
  const found = children(parent, name);
  expect(found, `one <${name}>`).toHaveLength(1);
  return found[0]!;
}

function feedOf(xml: string): XmlElement {
  const document = parseXml(xml);
  const feed = document.documentElement as XmlElement;
  expect(feed.tagName).toBe('feed');
  expect(feed.getAttribute('xmlns')).toBe(ATOM);
  return feed;
}

// ---------------------------------------------------------------------------------------------

describe('feed paths and size', () => {
  it('puts the archive feed at /feed.xml and topic feeds beside the topic page', () => {
    expect(FEED_SIZE).toBe(50);
    expect(SITE_FEED_PATH).toBe('/feed.xml');
    expect(siteFeedPath()).toBe('/feed.xml');
    expect(topicFeedPath('oikonomia')).toBe('/themata/oikonomia/feed.xml');
  });
});

describe('atomFeed', () => {
  const articles = [
    makeArticle({ date: '2026-01-28', ordinal: 1 }),
    makeArticle({ date: '2026-01-28', ordinal: 0 }),
    makeArticle({ date: '2026-01-27', ordinal: 0, excerpt: 'Περίληψη με & και <b>.' }),
  ];
  const xml = atomFeed({ site, title: site.title, feedPath: '/feed.xml', pagePath: '/', articles });

  it('is an Atom 1.0 feed in Greek with absolute self and alternate links', () => {
    const feed = feedOf(xml);
    expect(feed.getAttribute('xml:lang')).toBe('el');
    expect(child(feed, 'id').textContent).toBe('https://example.org/archive/feed.xml');
    expect(child(feed, 'title').textContent).toBe('Ημερολόγιο');
    expect(child(feed, 'subtitle').textContent).toBe('Αρχείο ειδήσεων');
    const links = children(feed, 'link');
    expect(links.map((l) => [attr(l, 'rel'), attr(l, 'type'), attr(l, 'href')])).toEqual([
      ['self', 'application/atom+xml', 'https://example.org/archive/feed.xml'],
      ['alternate', 'text/html', 'https://example.org/archive/'],
    ]);
    expect(child(child(feed, 'author'), 'name').textContent).toBe('Ημερολόγιο');
  });

  it('dates the feed by its newest article, at midnight in Athens: no build time', () => {
    const feed = feedOf(xml);
    expect(child(feed, 'updated').textContent).toBe('2026-01-28T00:00:00+02:00');
    expect(xml).not.toMatch(/Z<\/updated>|\.\d{3}/);
    const again = atomFeed({
      site,
      title: site.title,
      feedPath: '/feed.xml',
      pagePath: '/',
      articles: articles.map((a) => ({ ...a })),
    });
    expect(again).toBe(xml);
  });

  it('uses the summer offset for a summer date and honours an explicit updated day', () => {
    const summer = atomFeed({
      site,
      title: 't',
      feedPath: '/feed.xml',
      pagePath: '/',
      articles: [makeArticle({ date: '2025-07-15' })],
    });
    const feed = feedOf(summer);
    expect(child(feed, 'updated').textContent).toBe('2025-07-15T00:00:00+03:00');
    expect(child(child(feed, 'entry'), 'published').textContent).toBe('2025-07-15T00:00:00+03:00');

    const explicit = atomFeed({
      site,
      title: 't',
      feedPath: '/feed.xml',
      pagePath: '/',
      articles,
      updated: '2026-03-01',
    });
    expect(child(feedOf(explicit), 'updated').textContent).toBe('2026-03-01T00:00:00+02:00');
  });

  it('writes one entry per article, in the given order, with a stable absolute id', () => {
    const entries = children(feedOf(xml), 'entry');
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => child(e, 'id').textContent)).toEqual([
      'https://example.org/archive/2026/01/28/1-arthro/',
      'https://example.org/archive/2026/01/28/0-arthro/',
      'https://example.org/archive/2026/01/27/0-arthro/',
    ]);
    const [first] = entries;
    expect(attr(child(first!, 'link'), 'href')).toBe(child(first!, 'id').textContent);
    expect(attr(child(first!, 'link'), 'rel')).toBe('alternate');
    expect(child(first!, 'title').textContent).toBe('Άρθρο 2026-01-28 1');
    expect(child(first!, 'published').textContent).toBe('2026-01-28T00:00:00+02:00');
    expect(child(first!, 'updated').textContent).toBe('2026-01-28T00:00:00+02:00');
    expect(
      children(first!, 'category').map((c) => [
        attr(c, 'term'),
        attr(c, 'label'),
        attr(c, 'scheme'),
      ]),
    ).toEqual([
      ['oikonomia', 'Οικονομία', 'https://example.org/archive/themata/'],
      ['politiki', 'Πολιτική', 'https://example.org/archive/themata/'],
    ]);
  });

  it('gives the excerpt as summary and the paragraphs as escaped HTML content', () => {
    const entries = children(feedOf(xml), 'entry');
    const last = entries[2]!;
    expect(child(last, 'summary').textContent).toBe('Περίληψη με & και <b>.');
    const content = child(last, 'content');
    expect(attr(content, 'type')).toBe('html');
    expect(content.children).toHaveLength(0);
    const html = content.textContent ?? '';
    expect(html).toBe('<p>Πρώτη παράγραφος.</p>\n<p>Δεύτερη παράγραφος.</p>');
  });

  it('keeps an entry identical whichever feed it is in and whatever comes before it', () => {
    const entryText = (feedXml: string) => feedXml.slice(feedXml.lastIndexOf('<entry>'));
    const longer = atomFeed({
      site,
      title: 'Οικονομία',
      feedPath: topicFeedPath('oikonomia'),
      pagePath: '/themata/oikonomia/',
      articles: [makeArticle({ date: '2026-02-01' }), ...articles],
    });
    expect(entryText(longer)).toBe(entryText(xml));
  });

  it('escapes hostile titles, excerpts and paragraphs and strips what XML cannot hold', () => {
    const hostile = makeArticle({
      title: HOSTILE,
      excerpt: HOSTILE,
      paragraphs: [HOSTILE, '</p><script>x()</script>'],
      topics: [{ slug: 'a"b', name: HOSTILE, score: 1 }],
    });
    const hostileXml = atomFeed({
      site: { ...site, title: HOSTILE, description: HOSTILE },
      title: HOSTILE,
      feedPath: '/feed.xml',
      pagePath: '/',
      articles: [hostile],
    });
    for (const raw of ['<script', '</script', '\u0000', '\u0001', '\u202E', '\u200B']) {
      expect(hostileXml).not.toContain(raw);
    }
    expect(hostileXml).toContain('&#x202E;evil&#x202C; zw&#x200B;j&#x200D;');
    const feed = feedOf(hostileXml);
    expect(child(feed, 'title').textContent).toBe(HOSTILE_CLEAN);
    expect(child(feed, 'subtitle').textContent).toBe(HOSTILE_CLEAN);
    expect(child(child(feed, 'author'), 'name').textContent).toBe(HOSTILE_CLEAN);
    const entry = child(feed, 'entry');
    expect(child(entry, 'title').textContent).toBe(HOSTILE_CLEAN);
    expect(child(entry, 'title').children).toHaveLength(0);
    expect(child(entry, 'summary').textContent).toBe(HOSTILE_CLEAN);
    expect(attr(child(entry, 'category'), 'label')).toBe(HOSTILE_CLEAN);
    expect(attr(child(entry, 'category'), 'term')).toBe('a"b');

    // The content is HTML once the XML is read: two paragraphs of text, no script.
    const { document } = parseHTML(
      `<!doctype html><html><body>${child(entry, 'content').textContent}</body></html>`,
    );
    const paragraphs = [...document.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([HOSTILE_CLEAN, '</p><script>x()</script>']);
    expect(document.querySelector('script')).toBeNull();
  });

  it('stays valid with no articles, dated at a fixed moment', () => {
    const empty = atomFeed({
      site,
      title: 't',
      feedPath: '/feed.xml',
      pagePath: '/',
      articles: [],
    });
    const feed = feedOf(empty);
    expect(children(feed, 'entry')).toHaveLength(0);
    expect(child(feed, 'updated').textContent).toBe('1970-01-01T00:00:00Z');
  });

  it('builds URLs at the root of a host too, and needs a public URL', () => {
    const rootSite = { ...site, url: 'https://example.org' };
    const feed = feedOf(
      atomFeed({
        site: rootSite,
        title: 't',
        feedPath: topicFeedPath('oikonomia'),
        pagePath: '/themata/oikonomia/',
        articles: articles.slice(0, 1),
      }),
    );
    expect(child(feed, 'id').textContent).toBe('https://example.org/themata/oikonomia/feed.xml');
    expect(child(child(feed, 'entry'), 'id').textContent).toBe(
      'https://example.org/2026/01/28/1-arthro/',
    );
    expect(() =>
      atomFeed({
        site: { title: 't', description: '' },
        title: 't',
        feedPath: '/feed.xml',
        pagePath: '/',
        articles,
      }),
    ).toThrow(/public URL/);
  });
});

describe('feedArticles', () => {
  function pagesOf(list: Article[]): ArticlePage[] {
    const link = { url: '/', label: '' };
    return list.map((article) => ({
      article,
      day: link,
      month: link,
      year: link,
      topics: [],
      names: [],
      namesKey: [0, 0] as const,
      related: [],
    }));
  }
  // Chronological, as Archive.articles is.
  const chronological = Array.from({ length: 120 }, (_, i) =>
    makeArticle({
      date: `2026-01-${String(1 + Math.floor(i / 4)).padStart(2, '0')}`,
      ordinal: i % 4,
      topics: i % 3 === 0 ? [{ slug: 'amyna', name: 'Άμυνα', score: 1 }] : [],
    }),
  );

  it('takes the newest FEED_SIZE articles, newest first', () => {
    const picked = feedArticles(pagesOf(chronological));
    expect(picked).toHaveLength(FEED_SIZE);
    expect(picked[0]).toBe(chronological[119]);
    expect(picked.at(-1)).toBe(chronological[70]);
  });

  it('filters by topic and honours a limit', () => {
    const picked = feedArticles(pagesOf(chronological), 'amyna', 5);
    expect(picked.map((a) => chronological.indexOf(a as ArticleWithBody))).toEqual([
      117, 114, 111, 108, 105,
    ]);
    expect(feedArticles(pagesOf(chronological), 'none')).toEqual([]);
  });
});
