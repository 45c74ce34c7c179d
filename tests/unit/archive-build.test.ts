import { describe, expect, it } from 'vitest';
import { buildArchive, LATEST_COUNT } from '../../src/archive/build-archive.ts';
import { articleId, articleUrl } from '../../src/archive/urls.ts';
import type { Article, NameMention, TopicScore } from '../../src/model.ts';

const site = { title: 'Αρχείο', description: 'Δοκιμή' };
const topicNames = [
  { slug: 'politiki', name: 'Πολιτική' },
  { slug: 'amyna', name: 'Άμυνα' },
  { slug: 'oikonomia', name: 'Οικονομία' },
];

function article(date: string, ordinal: number, topics: string[] = []): Article {
  const slug = `arthro-${ordinal}`;
  const scores: TopicScore[] = topics.map((s, i) => ({
    slug: s,
    name: topicNames.find((t) => t.slug === s)!.name,
    score: 10 - i,
  }));
  return {
    id: articleId(date, ordinal),
    date,
    ordinal,
    title: `Τίτλος ${date} ${ordinal}`,
    contentHash: `hash-${date}-${ordinal}`,
    summaryHash: `hash-${date}-${ordinal}`,
    source: { file: 'articles/a.txt', line: 1 },
    excerpt: 'Κείμενο.',
    wordCount: 3,
    readingMinutes: 1,
    topics: scores,
    names: [],
    keywords: [],
    slug,
    url: articleUrl(date, ordinal, slug),
  };
}

const articles = [
  article('2026-02-03', 0, ['politiki']),
  article('2026-01-27', 1, ['amyna', 'politiki']),
  article('2026-01-27', 0, ['amyna']),
  article('2025-12-31', 0, []),
];

describe('buildArchive', () => {
  const archive = buildArchive(articles, topicNames, site);

  it('orders article pages by date then ordinal and links neighbours in time', () => {
    expect(archive.articles.map((p) => p.article.id)).toEqual([
      '2025-12-31-0',
      '2026-01-27-0',
      '2026-01-27-1',
      '2026-02-03-0',
    ]);
    const second = archive.articles[1]!;
    expect(second.previous?.url).toBe(archive.articles[0]!.article.url);
    expect(second.next?.url).toBe(archive.articles[2]!.article.url);
    expect(archive.articles[0]!.previous).toBeUndefined();
    expect(archive.articles[3]!.next).toBeUndefined();
  });

  it('links each article to its day, month, year and topics', () => {
    const page = archive.articles[2]!;
    expect(page.day).toEqual({ url: '/2026/01/27/', label: '27 Ιανουαρίου 2026' });
    expect(page.month).toEqual({ url: '/2026/01/', label: 'Ιανουάριος 2026' });
    expect(page.year).toEqual({ url: '/2026/', label: '2026' });
    expect(page.topics.map((t) => t.url)).toEqual(['/themata/amyna/', '/themata/politiki/']);
  });

  it('groups days in ordinal order and links days that have articles', () => {
    expect(archive.days.map((d) => d.date)).toEqual(['2025-12-31', '2026-01-27', '2026-02-03']);
    const jan27 = archive.days[1]!;
    expect(jan27.articles.map((a) => a.ordinal)).toEqual([0, 1]);
    expect(jan27.previous?.url).toBe('/2025/12/31/');
    expect(jan27.next?.url).toBe('/2026/02/03/');
  });

  it('gives every month a full calendar with counts', () => {
    const january = archive.months.find((m) => m.month === '2026-01')!;
    expect(january.days).toHaveLength(31);
    expect(january.count).toBe(2);
    expect(january.days[26]).toEqual({
      date: '2026-01-27',
      day: 27,
      count: 2,
      url: '/2026/01/27/',
    });
    expect(january.days[0]).toEqual({ date: '2026-01-01', day: 1, count: 0 });
    const february = archive.months.find((m) => m.month === '2026-02')!;
    expect(february.days).toHaveLength(28);
    expect(january.previous?.label).toBe('Δεκέμβριος 2025');
    expect(january.next?.label).toBe('Φεβρουάριος 2026');
  });

  it('lists each year with its months and counts', () => {
    expect(archive.years.map((y) => [y.year, y.count])).toEqual([
      [2025, 1],
      [2026, 3],
    ]);
    expect(archive.years[1]!.months.map((m) => [m.monthNumber, m.count])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('counts the days with articles of each year, for its heat-map', () => {
    expect(archive.years[1]!.days).toEqual([
      { date: '2026-01-27', count: 2, url: '/2026/01/27/' },
      { date: '2026-02-03', count: 1, url: '/2026/02/03/' },
    ]);
  });

  it('spans the timeline of every topic over the whole archive', () => {
    for (const topic of archive.topics) {
      expect(topic.span).toEqual({ first: '2025-12', last: '2026-02' });
    }
  });

  it('lists topics with articles in Greek alphabetical order, newest first inside', () => {
    expect(archive.topics.map((t) => t.slug)).toEqual(['amyna', 'politiki']);
    const politics = archive.topics[1]!;
    expect(politics.count).toBe(2);
    expect(politics.latest.map((a) => a.id)).toEqual(['2026-02-03-0', '2026-01-27-1']);
    expect(politics.months.map((m) => m.url)).toEqual([
      '/themata/politiki/2026/02/',
      '/themata/politiki/2026/01/',
    ]);
  });

  it('pages topics by month so that old pages do not change when new articles arrive', () => {
    const later = buildArchive(
      [...articles, article('2026-03-01', 0, ['politiki'])],
      topicNames,
      site,
    );
    const before = archive.topicMonths.find((p) => p.url === '/themata/politiki/2026/01/')!;
    const after = later.topicMonths.find((p) => p.url === '/themata/politiki/2026/01/')!;
    expect(after.articles).toEqual(before.articles);
    const feb = later.topicMonths.find((p) => p.url === '/themata/politiki/2026/02/')!;
    expect(feb.newer?.url).toBe('/themata/politiki/2026/03/');
    expect(feb.older?.url).toBe('/themata/politiki/2026/01/');
  });

  it('keeps the newest articles for the home page', () => {
    expect(archive.latest.map((a) => a.id)).toEqual([
      '2026-02-03-0',
      '2026-01-27-1',
      '2026-01-27-0',
      '2025-12-31-0',
    ]);
    const many = Array.from({ length: LATEST_COUNT + 5 }, (_, i) => article('2026-05-01', i));
    expect(buildArchive(many, topicNames, site).latest).toHaveLength(LATEST_COUNT);
  });

  it('shows an article in every list through one reference, which adds nothing to it', () => {
    const inDay = archive.days[1]!.articles[0]!;
    const inTopic = archive.topics.find((t) => t.slug === 'amyna')!.latest.at(-1)!;
    const inLatest = archive.latest.find((r) => r.id === inDay.id)!;
    expect(inDay.id).toBe('2026-01-27-0');
    expect(inTopic).toBe(inDay);
    expect(inLatest).toBe(inDay);
    const source = articles[2]!;
    expect(Object.keys(source)).toEqual(Object.keys(article('2026-01-27', 0, ['amyna'])));
    expect(JSON.parse(JSON.stringify(source))).toEqual(article('2026-01-27', 0, ['amyna']));
  });

  it('gives all the articles that spell a name alike one link to its page', () => {
    // Separate mention objects, as a cold build's reading threads give them.
    const mention = (name: string): NameMention => ({
      key: 'μακρον',
      name,
      kind: 'person',
      count: 1,
      slug: 'makron',
    });
    const withName = (ordinal: number, name: string) => ({
      ...article('2026-04-01', ordinal),
      names: [mention(name)],
    });
    const pages = buildArchive(
      [withName(0, 'Εμανουέλ Μακρόν'), withName(1, 'Εμανουέλ Μακρόν'), withName(2, 'Μακρόν')],
      topicNames,
      site,
    ).articles;
    const [first, second, third] = pages.map((p) => p.names[0]!);
    expect(second).toBe(first);
    expect(first).toEqual({
      url: '/onomata/makron/',
      label: 'Εμανουέλ Μακρόν',
      kind: 'person',
    });
    expect(third).not.toBe(first);
    expect(third).toEqual({ ...first, label: 'Μακρόν' });
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = buildArchive([...articles].reverse(), topicNames, site);
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(archive));
  });
});
