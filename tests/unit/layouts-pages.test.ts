import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articlePage } from '../../layouts/article.ts';
import { basePage } from '../../layouts/base.ts';
import type { PageContext } from '../../layouts/context.ts';
import { dayPage } from '../../layouts/day.ts';
import { homePage } from '../../layouts/home.ts';
import { nameIndexPage, namePage, namesPage } from '../../layouts/name.ts';
import { notFoundPage } from '../../layouts/not-found.ts';
import { topicMonthPage, topicPage, topicsIndexPage } from '../../layouts/topic.ts';
import { yearPage } from '../../layouts/year.ts';
import type {
  Article,
  ArticlePage,
  ArticleRef,
  DayGroup,
  NameGroup,
  NameLink,
  TopicGroup,
  TopicMonthPage,
  YearGroup,
} from '../../src/model.ts';

const HOSTILE = '<script>alert(1)</script>';

/** linkedom's document (the project compiles without the DOM library). */
type Doc = ReturnType<typeof parseHTML>['document'];

function makeCtx(
  site: PageContext['site'] = { title: 'Εφημερίς', description: 'Αρχείο ειδήσεων' },
): PageContext {
  return {
    href: (path) => `/archive${path}`,
    site,
    topics: [
      { url: '/themata/oikonomia/', label: 'Οικονομία' },
      { url: '/themata/amyna/', label: 'Άμυνα' },
    ],
    years: [
      { url: '/2025/', label: '2025' },
      { url: '/2026/', label: '2026' },
    ],
  };
}

const ctx = makeCtx();

function ref(
  date: string,
  ordinal: number,
  title: string,
  excerpt = `Περίληψη ${title}`,
): ArticleRef {
  return {
    id: `${date}-${ordinal}`,
    date,
    ordinal,
    title,
    url: `/${date.replaceAll('-', '/')}/${ordinal}-arthro/`,
    excerpt,
  };
}

/** Checks every page must pass, and returns the parsed document. */
function render(html: string): Doc {
  const { document } = parseHTML(html);
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(document.documentElement.getAttribute('lang')).toBe('el');
  expect(document.querySelectorAll('h1')).toHaveLength(1);
  expect(document.querySelectorAll('main#main')).toHaveLength(1);
  expect(document.querySelectorAll('body > header')).toHaveLength(1);
  expect(document.querySelectorAll('body > footer')).toHaveLength(1);
  expect(document.querySelector('script')).toBeNull();
  expect(document.querySelector('meta[charset="utf-8"]')).not.toBeNull();
  expect(document.querySelector('meta[name="viewport"]')).not.toBeNull();
  expect(document.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
    '/archive/assets/style.css',
  );
  // An icon of our own, so browsers do not ask for a missing /favicon.ico.
  expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe(
    '/archive/assets/favicon.svg',
  );
  // Skip link points at the main landmark.
  expect(document.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
  // Every navigation landmark is labelled, and labels are distinct.
  const navLabels = [...document.querySelectorAll('nav')].map((nav) =>
    nav.getAttribute('aria-label'),
  );
  for (const label of navLabels) expect(label).toBeTruthy();
  expect(new Set(navLabels).size).toBe(navLabels.length);
  // Headings never skip a level, starting from the h1.
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
    Number(h.tagName[1]),
  );
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++)
    expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
  // Every internal link carries the path prefix (a 404 is served at any depth).
  for (const a of document.querySelectorAll('a[href], link[href]')) {
    const href = a.getAttribute('href')!;
    if (href === '#main' || a.getAttribute('rel') === 'canonical') continue;
    expect(href, href).toMatch(/^\/archive\//);
  }
  // Ids are unique.
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  expect(new Set(ids).size).toBe(ids.length);
  return document;
}

function crumbs(document: Doc): { label: string; href: string | null; current: boolean }[] {
  return [...document.querySelectorAll('nav[aria-label="Πλοηγός"] ol > li > a')].map((a) => ({
    label: a.textContent ?? '',
    href: a.getAttribute('href'),
    current: a.getAttribute('aria-current') === 'page',
  }));
}

function pagerLinks(
  document: Doc,
  label: string,
): Record<string, { href: string | null; text: string }> {
  const result: Record<string, { href: string | null; text: string }> = {};
  for (const a of document.querySelectorAll(`nav[aria-label="${label}"] a[rel]`)) {
    result[a.getAttribute('rel')!] = { href: a.getAttribute('href'), text: a.textContent ?? '' };
  }
  return result;
}

describe('basePage', () => {
  const html = basePage({
    title: 'Σελίδα',
    description: 'Περιγραφή "με" εισαγωγικά',
    body: '<h1>Σελίδα</h1>',
    ctx,
    breadcrumbs: [
      { url: '/', label: 'Αρχική' },
      { url: '/2026/', label: '2026' },
    ],
    canonicalPath: '/2026/',
  });

  it('writes the head: title with the site title, description, stylesheet', () => {
    const document = render(html);
    expect(document.title).toBe('Σελίδα · Εφημερίς');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Περιγραφή "με" εισαγωγικά',
    );
    // No public URL configured: no canonical link.
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('links the site name home and lists topics and the topics index', () => {
    const document = render(html);
    const home = document.querySelector('header a.site-name');
    expect(home?.textContent).toBe('Εφημερίς');
    expect(home?.getAttribute('href')).toBe('/archive/');
    const nav = document.querySelector('header nav[aria-label="Κύρια πλοήγηση"]');
    const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Οικονομία', '/archive/themata/oikonomia/'],
      ['Άμυνα', '/archive/themata/amyna/'],
      ['Όλα τα θέματα', '/archive/themata/'],
    ]);
  });

  it('lists the years in the footer, the current one marked', () => {
    const nav = render(html).querySelector('footer nav[aria-label="Αρχείο ανά έτος"]');
    const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['2025', '/archive/2025/'],
      ['2026', '/archive/2026/'],
    ]);
    expect(nav?.querySelector('a[aria-current="page"]')?.textContent).toBe('2026');
  });

  it('marks the header link of the page itself, whichever pages of the context came before', () => {
    const page = (canonicalPath: string) =>
      render(
        basePage({ title: 'Σελίδα', description: '', body: '<h1>Σελίδα</h1>', ctx, canonicalPath }),
      );
    const current = (document: Doc) =>
      [...document.querySelectorAll('[aria-current="page"]')].map((a) => a.textContent);
    expect(current(page('/2026/01/27/0-arthro/'))).toEqual([]);
    expect(current(page('/themata/amyna/'))).toEqual(['Άμυνα']);
    expect(current(page('/themata/'))).toEqual(['Όλα τα θέματα']);
    expect(current(page('/anazitisi/'))).toEqual(['Αναζήτηση']);
    expect(current(page('/'))).toEqual(['Εφημερίς']);
    expect(current(page('/2025/'))).toEqual(['2025']);
    expect(current(page('/2026/01/27/1-allo/'))).toEqual([]);
  });

  it('renders breadcrumbs as an ordered list with the current page marked', () => {
    const document = render(html);
    expect(crumbs(document)).toEqual([
      { label: 'Αρχική', href: '/archive/', current: false },
      { label: '2026', href: '/archive/2026/', current: true },
    ]);
  });

  it('adds a canonical link when the site has a public URL', () => {
    const withUrl = makeCtx({
      title: 'Εφημερίς',
      description: '',
      url: 'https://example.org/archive/',
    });
    const document = render(
      basePage({
        title: 'Χ',
        description: '',
        body: '<h1>Χ</h1>',
        ctx: withUrl,
        canonicalPath: '/2026/01/',
      }),
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://example.org/archive/2026/01/',
    );
  });

  it('escapes the site title and description from settings', () => {
    const hostileCtx = makeCtx({ title: HOSTILE, description: HOSTILE });
    const document = render(
      basePage({ title: HOSTILE, description: HOSTILE, body: '<h1>x</h1>', ctx: hostileCtx }),
    );
    expect(document.querySelector('header a.site-name')?.textContent).toBe(HOSTILE);
    expect(document.querySelector('footer')?.textContent).toContain(HOSTILE);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      HOSTILE,
    );
  });
});

function makeArticlePage(
  overrides: Partial<Article> = {},
  page: Partial<ArticlePage> = {},
): ArticlePage {
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
    topics: [{ slug: 'oikonomia', name: 'Οικονομία', score: 2 }],
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
    topics: [
      { url: '/themata/oikonomia/', label: 'Οικονομία' },
      { url: '/themata/amyna/', label: 'Άμυνα' },
    ],
    names: [],
    namesKey: [0, 0],
    related: [],
    previous: { url: '/2026/01/27/0-proto/', label: 'Πρώτο άρθρο' },
    next: { url: '/2026/01/28/0-epomeno/', label: 'Επόμενο άρθρο της Τετάρτης' },
    ...page,
  };
}

describe('articlePage', () => {
  const body = '<p>Πρώτη <em>παράγραφος</em>.</p><p>Δεύτερη.</p>';

  it('renders title, Greek date, reading time, topics and the trusted body', () => {
    const document = render(articlePage(makeArticlePage(), body, ctx));
    const article = document.querySelector('main article');
    expect(article).not.toBeNull();
    expect(article?.querySelector('h1')?.textContent).toBe('Συνάντηση στην Αθήνα');
    expect(document.title).toBe('Συνάντηση στην Αθήνα · Εφημερίς');
    const time = article?.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-01-27');
    expect(time?.textContent).toBe('Τρίτη 27 Ιανουαρίου 2026');
    expect(article?.querySelector('.reading-time')?.textContent).toBe('3 λεπτά ανάγνωσης');
    const topics = [...(article?.querySelectorAll('.article-topics a') ?? [])].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(topics).toEqual([
      ['Οικονομία', '/archive/themata/oikonomia/'],
      ['Άμυνα', '/archive/themata/amyna/'],
    ]);
    // The body is already-rendered HTML: inserted as markup, not escaped.
    expect(article?.querySelector('.article-body em')?.textContent).toBe('παράγραφος');
    expect(article?.querySelectorAll('.article-body p')).toHaveLength(2);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Πρώτη παράγραφος.',
    );
  });

  it('lists the names it mentions by kind, in the order of mention, each linking its page', () => {
    const putin: NameLink = { url: '/onomata/poutin/', label: 'Πούτιν', kind: 'person' };
    const names: NameLink[] = [
      { url: '/onomata/nato/', label: 'ΝΑΤΟ', kind: 'organisation' },
      putin,
      { url: '/onomata/rosia/', label: 'Ρωσία', kind: 'place' },
      { url: '/onomata/a-b/', label: 'Α & <Β>', kind: 'person' },
    ];
    const section = (context: PageContext, links: NameLink[]) => {
      const html = articlePage(makeArticlePage({}, { names: links }), body, context);
      const dl = parseHTML(html).document.querySelector('.article-names dl');
      return [...(dl?.children ?? [])].map((e) =>
        e.tagName === 'DT'
          ? e.textContent
          : [e.textContent, e.querySelector('a')?.getAttribute('href')],
      );
    };
    expect(section(ctx, names)).toEqual([
      'Πρόσωπα',
      ['Πούτιν', '/archive/onomata/poutin/'],
      ['Α & <Β>', '/archive/onomata/a-b/'],
      'Τόποι',
      ['Ρωσία', '/archive/onomata/rosia/'],
      'Φορείς',
      ['ΝΑΤΟ', '/archive/onomata/nato/'],
    ]);
    // The same link objects on another page and under another site: each under its own address.
    expect(section(ctx, [putin])).toEqual(['Πρόσωπα', ['Πούτιν', '/archive/onomata/poutin/']]);
    const elsewhere: PageContext = { ...makeCtx(), href: (path) => path };
    expect(section(elsewhere, [putin])).toEqual(['Πρόσωπα', ['Πούτιν', '/onomata/poutin/']]);
    expect(
      render(articlePage(makeArticlePage(), body, ctx)).querySelector('.article-names'),
    ).toBeNull();
  });

  it('says on paper where the article came from: site, date and address', () => {
    const source = (context: PageContext) =>
      render(articlePage(makeArticlePage(), body, context)).querySelector(
        '.article-footer .print-only',
      )?.textContent;
    expect(source(ctx)).toBe(
      'Εφημερίς · 27 Ιανουαρίου 2026 · /archive/2026/01/27/1-synantisi-stin-athina/',
    );
    const withUrl = makeCtx({ title: 'Εφημερίς', description: '', url: 'https://example.org/a/' });
    expect(source(withUrl)).toBe(
      'Εφημερίς · 27 Ιανουαρίου 2026 · https://example.org/a/2026/01/27/1-synantisi-stin-athina/',
    );
  });

  it('uses the singular for one minute', () => {
    const document = render(articlePage(makeArticlePage({ readingMinutes: 1 }), body, ctx));
    expect(document.querySelector('.reading-time')?.textContent).toBe('1 λεπτό ανάγνωσης');
  });

  it('links the day page and the previous and next articles with rel', () => {
    const document = render(articlePage(makeArticlePage(), body, ctx));
    const dayLink = [...document.querySelectorAll('article a')].find(
      (a) => a.getAttribute('href') === '/archive/2026/01/27/',
    );
    expect(dayLink?.textContent).toBe('Όλα τα άρθρα της ημέρας');
    const pager = pagerLinks(document, 'Άρθρα');
    expect(pager.prev?.href).toBe('/archive/2026/01/27/0-proto/');
    expect(pager.prev?.text).toContain('Πρώτο άρθρο');
    expect(pager.next?.href).toBe('/archive/2026/01/28/0-epomeno/');
    expect(pager.next?.text).toContain('Επόμενο άρθρο της Τετάρτης');
  });

  it('has breadcrumbs Αρχική › 2026 › Ιανουάριος › 27 › title', () => {
    const document = render(articlePage(makeArticlePage(), body, ctx));
    expect(crumbs(document)).toEqual([
      { label: 'Αρχική', href: '/archive/', current: false },
      { label: '2026', href: '/archive/2026/', current: false },
      { label: 'Ιανουάριος', href: '/archive/2026/01/', current: false },
      { label: '27', href: '/archive/2026/01/27/', current: false },
      {
        label: 'Συνάντηση στην Αθήνα',
        href: '/archive/2026/01/27/1-synantisi-stin-athina/',
        current: true,
      },
    ]);
  });

  it('leaves out the article navigation at the ends and topics when there are none', () => {
    const page = makeArticlePage({}, { previous: undefined, next: undefined, topics: [] });
    const document = render(articlePage(page, body, ctx));
    expect(document.querySelector('nav[aria-label="Άρθρα"]')).toBeNull();
    expect(document.querySelector('.article-topics')).toBeNull();
    const onlyNext = render(articlePage(makeArticlePage({}, { previous: undefined }), body, ctx));
    expect(Object.keys(pagerLinks(onlyNext, 'Άρθρα'))).toEqual(['next']);
  });

  it('shows a hostile title as text everywhere', () => {
    const page = makeArticlePage(
      { title: HOSTILE, excerpt: HOSTILE },
      {
        previous: { url: '/2026/01/27/0-x/', label: HOSTILE },
        topics: [{ url: '/themata/x/', label: HOSTILE }],
      },
    );
    const html = articlePage(page, '<p>ok</p>', ctx);
    expect(html).not.toContain('<script>');
    const document = render(html);
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE);
    expect(document.title).toBe(`${HOSTILE} · Εφημερίς`);
    expect(pagerLinks(document, 'Άρθρα').prev?.text).toContain(HOSTILE);
    expect(document.querySelector('.article-topics a')?.textContent).toBe(HOSTILE);
    expect(crumbs(document).at(-1)?.label).toBe(HOSTILE);
  });
});

describe('dayPage', () => {
  const day: DayGroup = {
    date: '2026-01-27',
    url: '/2026/01/27/',
    // Deliberately not in ordinal order: the layout keeps the order it is given.
    articles: [
      ref('2026-01-27', 2, 'Τρίτο'),
      ref('2026-01-27', 0, 'Πρώτο'),
      ref('2026-01-27', 1, HOSTILE, HOSTILE),
    ],
    previous: { url: '/2026/01/26/', label: 'Δευτέρα 26 Ιανουαρίου 2026' },
    next: { url: '/2026/01/28/', label: 'Τετάρτη 28 Ιανουαρίου 2026' },
  };

  it('has the long Greek date as its h1 and the article count', () => {
    const document = render(dayPage(day, ctx));
    expect(document.querySelector('h1')?.textContent).toBe('Τρίτη 27 Ιανουαρίου 2026');
    expect(document.querySelector('main .count')?.textContent).toBe('3 άρθρα');
  });

  it('lists the articles in the given order with title links and excerpts', () => {
    const document = render(dayPage(day, ctx));
    const items = [...document.querySelectorAll('main ol.article-list > li')];
    expect(items.map((li) => li.querySelector('h2 a')?.textContent)).toEqual([
      'Τρίτο',
      'Πρώτο',
      HOSTILE,
    ]);
    expect(items[0]?.querySelector('h2 a')?.getAttribute('href')).toBe(
      '/archive/2026/01/27/2-arthro/',
    );
    expect(items[1]?.querySelector('.excerpt')?.textContent).toBe('Περίληψη Πρώτο');
    expect(items[2]?.querySelector('.excerpt')?.textContent).toBe(HOSTILE);
  });

  it('links the previous and next days and has date breadcrumbs', () => {
    const document = render(dayPage(day, ctx));
    const pager = pagerLinks(document, 'Ημέρες');
    expect(pager.prev?.href).toBe('/archive/2026/01/26/');
    expect(pager.next?.href).toBe('/archive/2026/01/28/');
    expect(crumbs(document).map((c) => [c.label, c.href])).toEqual([
      ['Αρχική', '/archive/'],
      ['2026', '/archive/2026/'],
      ['Ιανουάριος', '/archive/2026/01/'],
      ['27', '/archive/2026/01/27/'],
    ]);
  });

  it('uses the singular for a day with one article', () => {
    const document = render(dayPage({ ...day, articles: [ref('2026-01-27', 0, 'Μόνο')] }, ctx));
    expect(document.querySelector('main .count')?.textContent).toBe('1 άρθρο');
  });
});

describe('yearPage', () => {
  const year: YearGroup = {
    year: 2026,
    url: '/2026/',
    count: 13,
    months: [
      { month: '2026-01', monthNumber: 1, url: '/2026/01/', count: 1 },
      { month: '2026-03', monthNumber: 3, url: '/2026/03/', count: 12 },
    ],
    days: [
      { date: '2026-01-27', count: 1, url: '/2026/01/27/' },
      { date: '2026-03-02', count: 12, url: '/2026/03/02/' },
    ],
    previous: { url: '/2025/', label: '2025' },
  };

  it('lists its months by nominative name with counts', () => {
    const document = render(yearPage(year, ctx));
    expect(document.querySelector('h1')?.textContent).toBe('2026');
    expect(document.querySelector('main .count')?.textContent).toBe('13 άρθρα');
    const rows = [...document.querySelectorAll('main .month-list li')].map((li) => [
      li.querySelector('a')?.textContent,
      li.querySelector('a')?.getAttribute('href'),
      li.querySelector('.count')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Ιανουάριος', '/archive/2026/01/', '1 άρθρο'],
      ['Μάρτιος', '/archive/2026/03/', '12 άρθρα'],
    ]);
    expect(pagerLinks(document, 'Έτη')).toEqual({
      prev: { href: '/archive/2025/', text: expect.stringContaining('2025') },
    });
    expect(crumbs(document).map((c) => c.label)).toEqual(['Αρχική', '2026']);
  });

  it('shows its days as a heat-map linking the days with articles', () => {
    const document = render(yearPage(year, ctx));
    const figure = document.querySelector('main figure.chart-year');
    expect(figure?.querySelectorAll('svg rect')).toHaveLength(365);
    expect(
      [...(figure?.querySelectorAll('svg a') ?? [])].map((a) => a.getAttribute('href')),
    ).toEqual(['/archive/2026/01/27/', '/archive/2026/03/02/']);
  });
});

const topic: TopicGroup = {
  slug: 'oikonomia',
  name: 'Οικονομία',
  url: '/themata/oikonomia/',
  count: 21,
  latest: [ref('2026-02-03', 0, 'Νεότερο'), ref('2026-01-27', 1, 'Παλαιότερο')],
  months: [
    { month: '2026-02', url: '/themata/oikonomia/2026/02/', count: 1 },
    { month: '2026-01', url: '/themata/oikonomia/2026/01/', count: 20 },
  ],
  span: { first: '2025-11', last: '2026-02' },
};

describe('topicPage', () => {
  it('shows a timeline of the topic across the archive, one bar per month', () => {
    const document = render(topicPage(topic, ctx));
    const svg = document.querySelector('main figure.chart-topic svg');
    expect(svg?.getAttribute('aria-label')).toBe('Άρθρα του θέματος «Οικονομία» ανά μήνα');
    expect([...(svg?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/archive/themata/oikonomia/2026/01/',
      '/archive/themata/oikonomia/2026/02/',
    ]);
    expect(document.querySelector('main figure.chart-topic figcaption')?.textContent).toBe(
      'Νοέμβριος 2025 – Φεβρουάριος 2026: 21 άρθρα. Τα περισσότερα: Ιανουάριος 2026 (20 άρθρα).',
    );
  });

  it('shows the latest articles with dates and the months with counts', () => {
    const document = render(topicPage(topic, ctx));
    expect(document.querySelector('h1')?.textContent).toBe('Οικονομία');
    expect(document.querySelector('main .count')?.textContent).toBe('21 άρθρα');
    const latest = [...document.querySelectorAll('main .article-list > li')];
    expect(latest.map((li) => li.querySelector('h3 a')?.textContent)).toEqual([
      'Νεότερο',
      'Παλαιότερο',
    ]);
    expect(latest[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-02-03');
    expect(latest[0]?.querySelector('time')?.textContent).toBe('3 Φεβρουαρίου 2026');
    const months = [...document.querySelectorAll('main .month-list li')].map((li) => [
      li.querySelector('a')?.textContent,
      li.querySelector('a')?.getAttribute('href'),
      li.querySelector('.count')?.textContent,
    ]);
    expect(months).toEqual([
      ['Φεβρουάριος 2026', '/archive/themata/oikonomia/2026/02/', '1 άρθρο'],
      ['Ιανουάριος 2026', '/archive/themata/oikonomia/2026/01/', '20 άρθρα'],
    ]);
    expect(crumbs(document).map((c) => [c.label, c.href])).toEqual([
      ['Αρχική', '/archive/'],
      ['Θέματα', '/archive/themata/'],
      ['Οικονομία', '/archive/themata/oikonomia/'],
    ]);
  });
});

describe('topicMonthPage', () => {
  const page: TopicMonthPage = {
    slug: 'oikonomia',
    name: 'Οικονομία',
    month: '2026-01',
    url: '/themata/oikonomia/2026/01/',
    articles: [ref('2026-01-27', 1, 'Α'), ref('2026-01-05', 0, 'Β')],
    topicUrl: '/themata/oikonomia/',
    newer: { url: '/themata/oikonomia/2026/02/', label: 'Φεβρουάριος 2026' },
    older: { url: '/themata/oikonomia/2025/12/', label: 'Δεκέμβριος 2025' },
  };

  it('has the topic and nominative month as heading and links newer/older months', () => {
    const document = render(topicMonthPage(page, ctx));
    expect(document.querySelector('h1')?.textContent).toBe('Οικονομία: Ιανουάριος 2026');
    expect(document.querySelector('main .count')?.textContent).toContain('2 άρθρα');
    expect(
      [...document.querySelectorAll('main .article-list h2 a')].map((a) => a.textContent),
    ).toEqual(['Α', 'Β']);
    expect(
      [...document.querySelectorAll('main .article-list time')].map((t) =>
        t.getAttribute('datetime'),
      ),
    ).toEqual(['2026-01-27', '2026-01-05']);
    const pager = pagerLinks(document, 'Μήνες θέματος');
    expect(pager.prev?.href).toBe('/archive/themata/oikonomia/2026/02/');
    expect(pager.next?.href).toBe('/archive/themata/oikonomia/2025/12/');
    expect(crumbs(document).map((c) => [c.label, c.href, c.current])).toEqual([
      ['Αρχική', '/archive/', false],
      ['Θέματα', '/archive/themata/', false],
      ['Οικονομία', '/archive/themata/oikonomia/', false],
      ['Ιανουάριος 2026', '/archive/themata/oikonomia/2026/01/', true],
    ]);
  });
});

describe('topicsIndexPage', () => {
  it('lists the topics in the order given, with counts', () => {
    const amyna: TopicGroup = {
      ...topic,
      slug: 'amyna',
      name: 'Άμυνα',
      url: '/themata/amyna/',
      count: 1,
    };
    const document = render(topicsIndexPage([topic, amyna], ctx));
    expect(document.querySelector('h1')?.textContent).toBe('Θέματα');
    const rows = [...document.querySelectorAll('main li')].map((li) => [
      li.querySelector('a')?.textContent,
      li.querySelector('a')?.getAttribute('href'),
      li.querySelector('.count')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Οικονομία', '/archive/themata/oikonomia/', '21 άρθρα'],
      ['Άμυνα', '/archive/themata/amyna/', '1 άρθρο'],
    ]);
  });
});

describe('homePage', () => {
  it('shows the site title, the latest articles, topics and years', () => {
    const year: YearGroup = { year: 2026, url: '/2026/', count: 1, months: [], days: [] };
    const document = render(
      homePage(
        { latest: [ref('2026-01-27', 0, 'Τελευταίο')], topics: [topic], years: [year] },
        ctx,
      ),
    );
    expect(document.title).toBe('Εφημερίς');
    expect(document.querySelector('h1')?.textContent).toBe('Εφημερίς');
    expect(document.querySelector('main .article-list h3 a')?.getAttribute('href')).toBe(
      '/archive/2026/01/27/0-arthro/',
    );
    expect(document.querySelector('main .topic-list a')?.textContent).toBe('Οικονομία');
    expect(document.querySelector('main .year-list li')?.textContent).toContain('1 άρθρο');
    expect(document.querySelector('main .year-list a')?.getAttribute('href')).toBe(
      '/archive/2026/',
    );
    // No breadcrumbs on the home page.
    expect(document.querySelector('nav[aria-label="Πλοηγός"]')).toBeNull();
  });

  it('shows the archive at a glance: a bar per year linking to the year pages', () => {
    const years: YearGroup[] = [
      { year: 2024, url: '/2024/', count: 3, months: [], days: [] },
      { year: 2026, url: '/2026/', count: 1, months: [], days: [] },
    ];
    const document = render(homePage({ latest: [], topics: [], years }, ctx));
    const svg = document.querySelector('main figure.chart-archive svg');
    expect(svg?.getAttribute('aria-label')).toBe('Άρθρα ανά έτος');
    expect([...(svg?.querySelectorAll('a title') ?? [])].map((t) => t.textContent)).toEqual([
      '2024: 3 άρθρα',
      '2026: 1 άρθρο',
    ]);
  });

  it('shows months instead while the archive spans a single year', () => {
    const year: YearGroup = {
      year: 2026,
      url: '/2026/',
      count: 4,
      months: [{ month: '2026-03', monthNumber: 3, url: '/2026/03/', count: 4 }],
      days: [],
    };
    const document = render(homePage({ latest: [], topics: [], years: [year] }, ctx));
    const svg = document.querySelector('main figure.chart-archive svg');
    expect(svg?.getAttribute('aria-label')).toBe('Άρθρα ανά μήνα το 2026');
    expect(svg?.querySelector('a')?.getAttribute('href')).toBe('/archive/2026/03/');
  });

  it('says so when there are no articles yet', () => {
    const document = render(homePage({ latest: [], topics: [], years: [] }, ctx));
    expect(document.querySelector('main .empty')?.textContent).toBe('Δεν υπάρχουν άρθρα.');
  });
});

describe('notFoundPage', () => {
  it('explains in Greek and links home with the prefix', () => {
    const document = render(notFoundPage(ctx));
    expect(document.querySelector('h1')?.textContent).toBe('Η σελίδα δεν βρέθηκε');
    const home = [...document.querySelectorAll('main a')].find((a) =>
      a.textContent?.includes('αρχική'),
    );
    expect(home?.getAttribute('href')).toBe('/archive/');
  });

  it('works at the root too', () => {
    const rootCtx: PageContext = { ...ctx, href: (path) => path };
    const { document } = parseHTML(notFoundPage(rootCtx));
    expect(document.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
      '/assets/style.css',
    );
  });
});

describe('namePage', () => {
  const name: NameGroup = {
    key: 'πουτιν',
    kind: 'person',
    name: 'Πούτιν',
    url: '/onomata/poutin/',
    count: 2,
    articles: [ref('2026-01-28', 0, 'Δεύτερο'), ref('2026-01-27', 1, 'Πρώτο')],
  };

  it('lists the articles that mention the name by title and date, without excerpts', () => {
    const document = render(namePage(name, ctx));
    expect(document.querySelector('h1')?.textContent).toContain('Πούτιν');
    const items = [...document.querySelectorAll('main ol.article-list > li')];
    expect(items.map((li) => li.querySelector('a')?.textContent)).toEqual(['Δεύτερο', 'Πρώτο']);
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toMatch(/^2026-01-28/);
    expect(document.querySelector('.excerpt')).toBeNull();
    expect(document.body.textContent).not.toContain('Περίληψη');
  });

  it('has breadcrumbs Αρχική › Ονόματα › its kind › name, as has the list of its kind', () => {
    const home = { label: 'Αρχική', href: '/archive/', current: false };
    const names = { label: 'Ονόματα', href: '/archive/onomata/', current: false };
    expect(crumbs(render(namePage(name, ctx)))).toEqual([
      home,
      names,
      { label: 'Πρόσωπα', href: '/archive/prosopa/', current: false },
      { label: 'Πούτιν', href: '/archive/onomata/poutin/', current: true },
    ]);
    expect(crumbs(render(nameIndexPage('person', [name], ctx)))).toEqual([
      home,
      names,
      { label: 'Πρόσωπα', href: '/archive/prosopa/', current: true },
    ]);
  });
});

describe('namesPage', () => {
  it('leads to the list of each kind of name, with how many names it has', () => {
    const document = render(
      namesPage(
        [
          ['person', 1],
          ['organisation', 1234],
        ],
        ctx,
      ),
    );
    expect(document.querySelector('h1')?.textContent).toBe('Ονόματα');
    expect(
      [...document.querySelectorAll('main li')].map((li) => [
        li.querySelector('a')?.getAttribute('href'),
        li.textContent,
      ]),
    ).toEqual([
      ['/archive/prosopa/', 'Πρόσωπα 1 όνομα'],
      ['/archive/foreis/', 'Φορείς 1.234 ονόματα'],
    ]);
    expect(crumbs(document)).toEqual([
      { label: 'Αρχική', href: '/archive/', current: false },
      { label: 'Ονόματα', href: '/archive/onomata/', current: true },
    ]);
  });
});

describe('namePage lists', () => {
  const name = (articles: ArticleRef[]) => ({
    key: 'παπαδοπουλ',
    kind: 'person' as const,
    name: 'Παπαδόπουλος',
    url: '/onomata/papadopoul/',
    count: articles.length,
    articles,
  });

  it('list an article the same on every name page of a build, and by each build its own way', () => {
    const shared = ref('2026-01-27', 0, 'Κοινό άρθρο');
    const first = namePage(name([shared]), ctx);
    const second = namePage(name([ref('2026-01-28', 0, 'Άλλο'), shared]), ctx);
    const item = (html: string) =>
      parseHTML(html).document.querySelector(`a[href$="${shared.url}"]`)?.closest('li')?.outerHTML;
    expect(item(first)).toBeDefined();
    expect(item(second)).toBe(item(first));
    // Another build, under another path prefix: its own links, not the first build's.
    const other = namePage(name([shared]), { ...makeCtx(), href: (path) => `/other${path}` });
    expect(item(other)).toContain(`href="/other${shared.url}"`);
    expect(item(first)).toContain(`href="/archive${shared.url}"`);
  });
});
