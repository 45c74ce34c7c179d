import { describe, expect, it } from 'vitest';
import { groupNames } from '../../src/archive/names.ts';
import { articleId, articleUrl } from '../../src/archive/urls.ts';
import type { Article, NameKind, NameMention } from '../../src/model.ts';

function mention(key: string, name: string, kind: NameKind, slug: string): NameMention {
  return { key, name, kind, count: 1, slug };
}

function article(date: string, names: NameMention[]): Article {
  return {
    id: articleId(date, 0),
    date,
    ordinal: 0,
    title: `Άρθρο ${date}`,
    contentHash: date,
    summaryHash: date,
    source: { file: 'articles/a.txt', line: 1 },
    excerpt: '',
    wordCount: 1,
    readingMinutes: 1,
    topics: [],
    names,
    keywords: [],
    slug: 'arthro',
    url: articleUrl(date, 0, 'arthro'),
  };
}

const russia = mention('ρωσια', 'Ρωσία', 'place', 'rosia');
const putin = mention('πουτιν', 'Πούτιν', 'person', 'poutin');
const newestFirst = (articles: Article[]) => [...articles].reverse();

describe('name pages', () => {
  const oldest = [
    article('2026-01-01', [russia, putin]),
    article('2026-01-02', [russia]),
    article('2026-01-03', [russia, putin]),
  ];

  it('plans a page for each name in at least the minimum of articles, under its kind', () => {
    const groups = groupNames(newestFirst(oldest), 2).groups;
    expect(groups.map((g) => [g.url, g.name, g.count])).toEqual([
      ['/prosopa/poutin/', 'Πούτιν', 2],
      ['/topoi/rosia/', 'Ρωσία', 3],
    ]);
    expect(groups[1]!.articles.map((a) => a.date)).toEqual([
      '2026-01-03',
      '2026-01-02',
      '2026-01-01',
    ]);
    expect(groupNames(newestFirst(oldest), 3).groups.map((g) => g.name)).toEqual(['Ρωσία']);
  });

  it('keeps a page where it is when later news brings a name with the same slug', () => {
    const clash = mention('ροσια', 'Ρόσια', 'place', 'rosia');
    const later = [...oldest, article('2026-02-01', [clash]), article('2026-02-02', [clash])];
    const urls = new Map(groupNames(newestFirst(later), 2).groups.map((g) => [g.key, g.url]));
    expect(urls.get('ρωσια')).toBe('/topoi/rosia/');
    expect(urls.get('ροσια')).toMatch(/^\/topoi\/rosia-[0-9a-f]{6}\/$/);
  });

  it('takes the URL from the first mention, whatever the later majority', () => {
    const asOrganisation = mention('πουτιν', 'Πούτιν', 'organisation', 'poutin');
    const later = [
      ...oldest,
      ...['03', '04', '05'].map((d) => article(`2026-02-${d}`, [asOrganisation])),
    ];
    const putinPage = groupNames(newestFirst(later), 2).groups.find((g) => g.key === 'πουτιν');
    expect(putinPage?.url).toBe('/prosopa/poutin/');
    expect(putinPage?.kind).toBe('person');
  });

  it('counts a spelling across separate mention objects, as a cold build reads them', () => {
    // Αλφα sorts before Ωμέγα, so only counting both copies of Ωμέγα as one spelling picks it.
    const spelled = (name: string) => mention('ωμεγα', name, 'place', 'omega');
    const copies = [
      article('2026-03-01', [spelled('Ωμέγα')]),
      article('2026-03-02', [spelled('Αλφα')]),
      article('2026-03-03', [spelled('Ωμέγα')]),
    ];
    expect(groupNames(newestFirst(copies), 2).groups.map((g) => [g.name, g.count])).toEqual([
      ['Ωμέγα', 3],
    ]);
  });

  it('keys what each article shows of name pages: which names have one, their URLs and kinds', () => {
    const keysOf = (articles: Article[], min = 2) => {
      const { linksKeys } = groupNames(newestFirst(articles), min);
      // Back to oldest first, one pair of words per article.
      return Array.from({ length: articles.length }, (_, i) =>
        String(linksKeys.subarray(2 * i, 2 * i + 2)),
      ).reverse();
    };
    const [withBoth, withRussia, again] = keysOf(oldest);
    expect(again).toBe(withBoth);
    expect(withRussia).not.toBe(withBoth);
    // Only Russia has a page at 3: the first article shows what the second does.
    const [russiaOnly, russiaAlone] = keysOf(oldest, 3);
    expect(russiaOnly).toBe(russiaAlone);
    expect(russiaOnly).toBe(withRussia);
    // No page at all, as for an article without names.
    const none = keysOf([...oldest, article('2026-01-04', [])], 4);
    expect(new Set(none).size).toBe(1);
    // Putin's page moves with his first mention, and the key of every article showing it.
    const moved = keysOf([
      article('2025-12-31', [mention('πουτιν', 'Πούτιν', 'person', 'vladimir-poutin')]),
      ...oldest,
    ]);
    expect(moved.slice(1)).not.toContain(withBoth);
    expect(moved[2]).toBe(withRussia);
  });
});
