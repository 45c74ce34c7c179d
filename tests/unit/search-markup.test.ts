/**
 * What the layouts mark for the search index (title, body, topics) and the search page
 * itself: Greek labels, a form that works under a path prefix, a message without JavaScript.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articlePage } from '../../layouts/article.ts';
import { basePage } from '../../layouts/base.ts';
import type { PageContext } from '../../layouts/context.ts';
import { dayPage } from '../../layouts/day.ts';
import { homePage } from '../../layouts/home.ts';
import { notFoundPage } from '../../layouts/not-found.ts';
import { SEARCH_INDEX_PATH, SEARCH_URL, searchPage, searchScript } from '../../layouts/search.ts';
import type { Article, ArticlePage } from '../../src/model.ts';
import { SEARCH_ENGINE_FILE } from '../../src/site/search-bundle.ts';

type Doc = ReturnType<typeof parseHTML>['document'];

const ctx: PageContext = {
  href: (path) => `/archive${path}`,
  site: { title: 'Εφημερίς', description: 'Αρχείο ειδήσεων' },
  topics: [{ url: '/themata/amyna/', label: 'Άμυνα' }],
  years: [{ url: '/2026/', label: '2026' }],
};

function page(html: string): Doc {
  return parseHTML(html).document;
}

function articleFixture(): ArticlePage {
  const article: Article = {
    id: '2026-01-27-0',
    date: '2026-01-27',
    ordinal: 0,
    title: 'Συναμίλησαν οι υπουργοί Άμυνας',
    contentHash: 'h',
    summaryHash: 'h',
    source: { file: 'articles/2026-01-27.txt', line: 1 },
    excerpt: 'Ο Μπελούσοφ μίλησε.',
    wordCount: 300,
    readingMinutes: 2,
    topics: [
      { slug: 'amyna', name: 'Άμυνα', score: 3 },
      { slug: 'kosmos', name: 'Κόσμος', score: 1 },
    ],
    names: [],
    keywords: [],
    slug: 'synamilisan-oi-ypourgoi-amynas',
    url: '/2026/01/27/0-synamilisan-oi-ypourgoi-amynas/',
  };
  return {
    article,
    day: { url: '/2026/01/27/', label: '27 Ιανουαρίου 2026' },
    month: { url: '/2026/01/', label: 'Ιανουάριος 2026' },
    year: { url: '/2026/', label: '2026' },
    topics: [
      { url: '/themata/amyna/', label: 'Άμυνα' },
      { url: '/themata/kosmos/', label: 'Κόσμος' },
    ],
    names: [],
    namesKey: [0, 0],
    related: [],
    previous: { url: '/2026/01/26/0-x/', label: 'Προηγούμενο' },
  };
}

describe('search markup of an article page', () => {
  const doc = page(articlePage(articleFixture(), '<p>Ο Μπελούσοφ μίλησε.</p>', ctx));

  it('marks only the title and the body as indexed text', () => {
    const title = [...doc.querySelectorAll('[data-search-title]')];
    const bodies = [...doc.querySelectorAll('[data-search-body]')];
    expect(title.map((el) => el.tagName.toLowerCase())).toEqual(['h1']);
    expect(title[0]!.textContent).toBe('Συναμίλησαν οι υπουργοί Άμυνας');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.classList.contains('article-body')).toBe(true);
    for (const el of [...title, ...bodies]) {
      expect(el.querySelector('nav, header, footer, .article-topics, .meta')).toBeNull();
      expect(el.closest('nav, footer, .article-topics')).toBeNull();
    }
  });

  it('marks the Greek topic names, in the list of topics', () => {
    const topics = [...doc.querySelectorAll('[data-search-topic]')];
    expect(topics.map((a) => a.textContent)).toEqual(['Άμυνα', 'Κόσμος']);
    expect(topics.every((a) => a.closest('.article-topics') !== null)).toBe(true);
  });

  it('keeps the index away from every other page type', () => {
    const others = [
      dayPage({ date: '2026-01-27', url: '/2026/01/27/', articles: [] }, ctx),
      homePage({ latest: [], topics: [], years: [] }, ctx),
      notFoundPage(ctx),
      searchPage(ctx),
    ];
    for (const html of others) {
      expect(
        page(html).querySelector('[data-search-title], [data-search-body], [data-search-topic]'),
      ).toBeNull();
    }
  });
});

describe('the header link to search', () => {
  it('is a plain link on every page, current on the search page', () => {
    const other = page(basePage({ title: 'Χ', description: '', body: '<h1>Χ</h1>', ctx }));
    const link = other.querySelector('header a.site-search')!;
    expect(link.textContent).toBe('Αναζήτηση');
    expect(link.getAttribute('href')).toBe('/archive/anazitisi/');
    expect(link.hasAttribute('aria-current')).toBe(false);
    const search = page(searchPage(ctx));
    expect(search.querySelector('header a.site-search')?.getAttribute('aria-current')).toBe('page');
  });
});

describe('searchPage', () => {
  const html = searchPage(ctx);
  const doc = page(html);

  it('is at /anazitisi/ with a Greek heading, breadcrumbs and a description', () => {
    expect(SEARCH_URL).toBe('/anazitisi/');
    expect(doc.documentElement.getAttribute('lang')).toBe('el');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')?.textContent).toBe('Αναζήτηση');
    expect(doc.title).toBe('Αναζήτηση · Εφημερίς');
    const crumbs = [...doc.querySelectorAll('.breadcrumbs a')].map((a) => a.textContent);
    expect(crumbs).toEqual(['Αρχική', 'Αναζήτηση']);
  });

  it('labels every control in Greek', () => {
    const labelOf = (id: string) => doc.querySelector(`label[for="${id}"]`)?.textContent;
    expect(labelOf('search-q')).toBe('Λέξεις αναζήτησης');
    expect(labelOf('search-topic')).toBe('Θέμα');
    expect(labelOf('search-year')).toBe('Έτος');
    expect(labelOf('search-sort')).toBe('Σειρά');
    expect(doc.querySelector('#search-q')?.getAttribute('type')).toBe('search');
    expect(doc.querySelector('#search-q')?.getAttribute('name')).toBe('q');
    expect(doc.querySelector('button[type="submit"]')?.textContent).toBe('Αναζήτηση');
    expect(doc.querySelector('legend')?.textContent).toBe('Περιορισμός και σειρά');
    const options = (id: string) =>
      [...doc.querySelectorAll(`#${id} option`)].map((o) => [
        o.getAttribute('value'),
        o.textContent,
      ]);
    expect(options('search-sort')).toEqual([
      ['', 'Πιο σχετικά πρώτα'],
      ['newest', 'Νεότερα πρώτα'],
      ['oldest', 'Παλαιότερα πρώτα'],
    ]);
    // The index fills topics and years; "all" comes first.
    expect(options('search-topic')).toEqual([['', 'Όλα τα θέματα']]);
    expect(options('search-year')).toEqual([['', 'Όλα τα έτη']]);
  });

  it('finds the index and the pages under the path prefix', () => {
    const form = doc.querySelector('form#search-form')!;
    expect(form.getAttribute('action')).toBe('/archive/anazitisi/');
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('data-index')).toBe(`/archive${SEARCH_INDEX_PATH}`);
    expect(form.getAttribute('data-base')).toBe('/archive/');
    // The client loads the engine the indexer writes beside the shards.
    expect(searchScript).toContain(`\${indexBase}${SEARCH_ENGINE_FILE}`);
  });

  it('hides the form and says in Greek that search needs JavaScript, when it is off', () => {
    expect(doc.querySelector('search')?.hasAttribute('hidden')).toBe(true);
    const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
    expect(noscript).toContain('Η αναζήτηση χρειάζεται JavaScript');
    expect(noscript).toContain('href="/archive/themata/"');
  });

  it('announces results in a live region and inlines its script as one module', () => {
    expect(doc.querySelector('#search-status')?.getAttribute('role')).toBe('status');
    expect(doc.querySelector('ol#search-results')).not.toBeNull();
    const more = doc.querySelector('#search-more')!;
    expect(more.getAttribute('type')).toBe('button');
    expect(more.hasAttribute('hidden')).toBe(true);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('module');
    expect(scripts[0]!.hasAttribute('src')).toBe(false);
    expect(searchScript.length).toBeLessThan(12_000);
  });

  it('has unique ids and only prefixed internal links', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of doc.querySelectorAll('a[href], link[href]')) {
      const href = a.getAttribute('href')!;
      if (href !== '#main') expect(href).toMatch(/^\/archive\//);
    }
  });
});
