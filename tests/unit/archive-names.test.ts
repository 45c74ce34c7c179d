import { describe, expect, it } from 'vitest';
import { groupNames } from '../../src/archive/names.ts';
import { articleId, articleUrl } from '../../src/archive/urls.ts';
import { slugify } from '../../src/greek/slug.ts';
import type { Article, NameKind, NameMention } from '../../src/model.ts';

/** A mention as the analysis makes it: the slug is its key's. */
function mention(key: string, name: string, kind: NameKind): NameMention {
  return { key, name, kind, count: 1, slug: slugify(key) };
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

const russia = mention('ρωσια', 'Ρωσία', 'place');
const putin = mention('πουτιν', 'Πούτιν', 'person');
const newestFirst = (articles: Article[]) => [...articles].reverse();

describe('name pages', () => {
  const oldest = [
    article('2026-01-01', [russia, putin]),
    article('2026-01-02', [russia]),
    article('2026-01-03', [russia, putin]),
  ];

  it("plans a page for each name in at least the minimum of articles, at its key's slug", () => {
    const groups = groupNames(newestFirst(oldest), 2).groups;
    expect(groups.map((g) => [g.url, g.kind, g.name, g.count])).toEqual([
      ['/onomata/poutin/', 'person', 'Πούτιν', 2],
      ['/onomata/rosia/', 'place', 'Ρωσία', 3],
    ]);
    expect(groups[1]!.articles.map((a) => a.date)).toEqual([
      '2026-01-03',
      '2026-01-02',
      '2026-01-01',
    ]);
    expect(groupNames(newestFirst(oldest), 3).groups.map((g) => g.name)).toEqual(['Ρωσία']);
  });

  it('settles a slug two keys share by the keys alone, whichever name came first', () => {
    const clash = mention('ροσια', 'Ρόσια', 'place');
    const clashes = [article('2026-02-01', [clash]), article('2026-02-02', [clash])];
    for (const articles of [
      [...oldest, ...clashes],
      [...clashes.map((a) => ({ ...a, date: a.date.replace('2026', '2025') })), ...oldest],
    ]) {
      const urls = new Map(groupNames(newestFirst(articles), 2).groups.map((g) => [g.key, g.url]));
      // ο (U+03BF) comes before ω (U+03C9).
      expect(urls.get('ροσια')).toBe('/onomata/rosia/');
      expect(urls.get('ρωσια')).toMatch(/^\/onomata\/rosia-[0-9a-f]{6}\/$/);
    }
    // Only names with a page take a slug.
    const once = new Map(
      groupNames(newestFirst([...oldest, clashes[0]!]), 2).groups.map((g) => [g.key, g.url]),
    );
    expect(once.get('ρωσια')).toBe('/onomata/rosia/');
  });

  it('files a name under the kind most of its articles give it, at an address that stays', () => {
    const asOrganisation = mention('πουτιν', 'Πούτιν', 'organisation');
    const later = (days: string[]) => [
      ...oldest,
      ...days.map((d) => article(`2026-02-${d}`, [asOrganisation])),
    ];
    const putinPage = (articles: Article[]) =>
      groupNames(newestFirst(articles), 2).groups.find((g) => g.key === 'πουτιν');
    expect(putinPage(later(['03']))).toMatchObject({ kind: 'person', url: '/onomata/poutin/' });
    expect(putinPage(later(['03', '04', '05']))).toMatchObject({
      kind: 'organisation',
      url: '/onomata/poutin/',
    });
  });

  it('moves no page when an article is deleted, added before the others or spelled otherwise', () => {
    const archive = [
      article('2026-01-01', [mention('μητσοτακ', 'Μητσοτάκη', 'person'), russia]),
      article('2026-01-02', [mention('μητσοτακ', 'Μητσοτάκης', 'organisation'), putin]),
      article('2026-01-03', [mention('μητσοτακ', 'Μητσοτάκης', 'person'), russia, putin]),
      article('2026-01-04', [mention('μιτσοτακ', 'Μιτσοτάκης', 'person'), putin]),
      article('2026-01-05', [mention('μιτσοτακ', 'Μιτσοτάκης', 'person'), russia]),
    ];
    const urls = (articles: Article[]) =>
      new Map(groupNames(newestFirst(articles), 1).groups.map((g) => [g.key, g.url]));
    const all = urls(archive);
    expect(new Set(all.values()).size).toBe(all.size);
    const variants = [
      ...archive.map((_, i) => archive.filter((__, j) => j !== i)),
      [article('2025-12-31', [mention('μητσοτακ', 'Κυρ. Μητσοτάκης', 'place')]), ...archive],
    ];
    for (const variant of variants) {
      for (const [key, url] of urls(variant)) expect([key, url]).toEqual([key, all.get(key)]);
    }
  });

  it('lists the newest 100 articles of a name, newest first, and counts them all', () => {
    // 2026-01-01 onwards, a day apart: Russia in every article, Putin in every third.
    const days = Array.from({ length: 130 }, (_, i) =>
      article(new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), [
        ...(i % 3 === 0 ? [putin] : []),
        russia,
      ]),
    );
    const { groups } = groupNames(newestFirst(days), 2);
    const datesOf = (key: string) => {
      const group = groups.find((g) => g.key === key)!;
      return [group.count, group.articles.map((a) => a.date)];
    };
    const newest = days.map((a) => a.date).reverse();
    expect(datesOf('ρωσια')).toEqual([130, newest.slice(0, 100)]);
    expect(datesOf('πουτιν')).toEqual([
      44,
      days
        .filter((_, i) => i % 3 === 0)
        .map((a) => a.date)
        .reverse(),
    ]);
  });

  it('counts a spelling across separate mention objects, as a cold build reads them', () => {
    // Αλφα sorts before Ωμέγα, so only counting both copies of Ωμέγα as one spelling picks it.
    const spelled = (name: string) => mention('ωμεγα', name, 'place');
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
    // An earlier article spelling Putin otherwise changes no other article's key.
    const earlier = keysOf([
      article('2025-12-31', [mention('πουτιν', 'Βλαντιμίρ Πούτιν', 'person')]),
      ...oldest,
    ]);
    expect(earlier.slice(1)).toEqual([withBoth, withRussia, again]);
    // Putin filed elsewhere by most articles: every article showing him changes.
    const asPlace = mention('πουτιν', 'Πούτιν', 'place');
    const turned = keysOf([
      ...['2025-12-29', '2025-12-30', '2025-12-31'].map((d) => article(d, [asPlace])),
      ...oldest,
    ]);
    expect(turned.slice(3)).toEqual([turned[3], withRussia, turned[5]]);
    expect([turned[3], turned[5]]).not.toContain(withBoth);
  });
});
