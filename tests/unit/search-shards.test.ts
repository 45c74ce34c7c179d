/**
 * How the index is split into date shards (search-index.ts), how shards are written in threads
 * (search-lanes.ts), and how the search page puts the shards' results back together
 * (search-engine.ts) and shows them (search-client.js).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  articlesFound,
  formatDate,
  readState,
  statusText,
  writeState,
} from '../../layouts/search-client.js';
import { formatDate as archiveDate } from '../../src/greek/dates.ts';
import {
  articlePagesByDay,
  hasSearchIndex,
  indexSite,
  isArticleUrl,
  articleDate,
  articleDays,
  planShards,
  removeSearchIndex,
  type DayPages,
  type SearchShard,
} from '../../src/site/search-index.ts';
import { mergeHits, shardsFor } from '../../src/site/search-engine.ts';
import type { SearchManifest } from '../../src/site/search-format.ts';
import { indexShards } from '../../src/site/search-lanes.ts';

/** `pages` articles a day for `days` days from `start` (UTC calendar arithmetic). */
function days(start: string, count: number, pages: number): DayPages[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(first + i * 86_400_000).toISOString().slice(0, 10),
    pages,
  }));
}

describe('planShards', () => {
  it('puts small neighbouring years together, oldest first', () => {
    const shards = planShards(
      [...days('2019-12-30', 2, 3), { date: '2010-05-01', pages: 4 }, ...days('2020-01-01', 3, 1)],
      100,
    );
    expect(shards).toEqual([
      {
        name: '2010',
        from: '2010-05-01',
        to: '2020-01-03',
        pages: 13,
        dates: ['2010-05-01', '2019-12-30', '2019-12-31', '2020-01-01', '2020-01-02', '2020-01-03'],
      },
    ]);
  });

  it('starts a new shard at a year that would not fit', () => {
    const shards = planShards(
      [...days('2017-01-01', 10, 5), ...days('2018-01-01', 10, 5), ...days('2019-01-01', 2, 5)],
      60,
    );
    expect(shards.map((s) => [s.name, s.pages, s.from, s.to])).toEqual([
      ['2017', 50, '2017-01-01', '2017-01-10'],
      ['2018', 50, '2018-01-01', '2018-01-10'],
      ['2019-01', 10, '2019-01-01', '2019-01-02'],
    ]);
  });

  it('splits a year larger than the cap into months, and a month into days', () => {
    // 2020: January 31 × 2 = 62 pages, February 29 × 1 = 29 pages; cap 40.
    const input = [...days('2020-01-01', 31, 2), ...days('2020-02-01', 29, 1)];
    const shards = planShards(input, 40);
    expect(shards.map((s) => s.pages)).toEqual([40, 22, 29]);
    expect(shards.map((s) => s.name)).toEqual(['2020-01-01', '2020-01-21', '2020-02']);
    expect(shards[0]!.dates[0]).toBe('2020-01-01');
    expect(shards[0]!.dates).toHaveLength(20);
    expect(shards[2]!.dates).toHaveLength(29);
    // Contiguous, disjoint, and every page once.
    for (let i = 1; i < shards.length; i++) expect(shards[i]!.from > shards[i - 1]!.to).toBe(true);
    expect(shards.reduce((sum, s) => sum + s.pages, 0)).toBe(91);
  });

  it('gives a day larger than the cap a shard of its own', () => {
    const shards = planShards([{ date: '2021-03-04', pages: 9 }, ...days('2021-03-05', 2, 1)], 5);
    expect(shards.map((s) => [s.name, s.pages])).toEqual([
      ['2021-03-04', 9],
      ['2021-03-05', 2],
    ]);
  });

  it('is empty for an archive without articles and refuses a cap below one', () => {
    expect(planShards([])).toEqual([]);
    expect(planShards([{ date: '2020-01-01', pages: 0 }])).toEqual([]);
    expect(() => planShards([], 0)).toThrow(RangeError);
    expect(() => planShards([], 1.5)).toThrow(RangeError);
  });
});

describe('planShards: the newest month', () => {
  // 2019 at 10 pages a day, then 2020-01-01 to 2020-02-09; cap 1,000.
  const archive = [...days('2019-01-01', 365, 10), ...days('2020-01-01', 40, 10)];
  const summary = (shards: SearchShard[]) => shards.map((s) => [s.name, s.from, s.to, s.pages]);

  it('is a shard of its own, so that a new day re-indexes that month only', () => {
    const shards = planShards(archive, 1000);
    expect(summary(shards).slice(-3)).toEqual([
      ['2019-10', '2019-10-01', '2019-12-31', 920],
      ['2020-01', '2020-01-01', '2020-01-31', 310],
      ['2020-02', '2020-02-01', '2020-02-09', 90],
    ]);
    expect(shards.at(-1)!.dates).toHaveLength(9);
    // The rest of the newest year goes by month.
    expect(shards.at(-2)!.dates).toHaveLength(31);
    const nextDay = planShards([...archive, { date: '2020-02-10', pages: 30 }], 1000);
    expect(summary(nextDay).slice(0, -1)).toEqual(summary(shards).slice(0, -1));
    expect(summary(nextDay).at(-1)).toEqual(['2020-02', '2020-02-01', '2020-02-10', 120]);
  });

  it('joins the older shards when the next month begins, changing only the last of them', () => {
    const before = planShards(archive, 1000);
    const after = planShards([...archive, { date: '2020-03-01', pages: 10 }], 1000);
    expect(summary(after).slice(0, -2)).toEqual(summary(before).slice(0, -2));
    expect(summary(after).slice(-2)).toEqual([
      ['2020-01', '2020-01-01', '2020-02-09', 400],
      ['2020-03', '2020-03-01', '2020-03-01', 10],
    ]);
  });

  it('stays with the rest of a small archive, and splits into days above the cap', () => {
    expect(summary(planShards(days('2020-01-01', 40, 1)))).toEqual([
      ['2020', '2020-01-01', '2020-02-09', 40],
    ]);
    const busy = planShards([...days('2020-01-01', 31, 1), ...days('2020-02-01', 5, 50)], 100);
    expect(summary(busy)).toEqual([
      ['2020-01', '2020-01-01', '2020-01-31', 31],
      ['2020-02-01', '2020-02-01', '2020-02-02', 100],
      ['2020-02-03', '2020-02-03', '2020-02-04', 100],
      ['2020-02-05', '2020-02-05', '2020-02-05', 50],
    ]);
  });

  it('gives disjoint, ordered shards of every page once, within the cap', () => {
    const day = fc
      .tuple(fc.integer({ min: 0, max: 3 * 366 }), fc.integer({ min: 0, max: 60 }))
      .map(([offset, pages]) => ({
        date: new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10),
        pages,
      }));
    const input = fc.uniqueArray(day, { selector: (d) => d.date, maxLength: 200 });
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 400 }), (list, cap) => {
        const shards = planShards(list, cap);
        const withPages = list.filter((d) => d.pages > 0);
        expect(shards.reduce((sum, s) => sum + s.pages, 0)).toBe(
          withPages.reduce((sum, d) => sum + d.pages, 0),
        );
        expect(new Set(shards.map((s) => s.name)).size).toBe(shards.length);
        shards.forEach((s, i) => {
          expect(s.from <= s.to).toBe(true);
          if (i > 0) expect(s.from > shards[i - 1]!.to).toBe(true);
          if (s.from !== s.to) expect(s.pages).toBeLessThanOrEqual(cap);
        });
        // Each day is in the dates of one shard, the one whose range holds it: a page in two
        // would be indexed, and found, twice.
        for (const { date } of withPages) {
          const holder = shards.filter((s) => s.from <= date && date <= s.to);
          expect(holder).toHaveLength(1);
          expect(shards.filter((s) => s.dates.includes(date))).toEqual(holder);
        }
        for (const s of shards) expect(s.dates).toEqual([...s.dates].sort());
        // The newest month starts a shard once the archive before it is an eighth of a shard.
        const newest = withPages
          .map((d) => d.date.slice(0, 7))
          .sort()
          .at(-1);
        const older = withPages.filter((d) => d.date.slice(0, 7) < newest!);
        if (older.reduce((sum, d) => sum + d.pages, 0) >= cap / 8 && older.length > 0) {
          expect(shards.some((s) => s.from.startsWith(newest!))).toBe(true);
          expect(
            shards.every((s) => s.from.slice(0, 7) === s.to.slice(0, 7) || s.to < newest!),
          ).toBe(true);
        }
      }),
    );
  });
});

describe('articlePagesByDay and isArticleUrl', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ephemeris-shards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the article pages of each day of a built site', () => {
    const file = (p: string) => {
      mkdirSync(path.join(dir, path.dirname(p)), { recursive: true });
      writeFileSync(path.join(dir, p), '<!doctype html>');
    };
    file('2026/01/27/index.html');
    file('2026/01/27/0-a/index.html');
    file('2026/01/27/1-b/index.html');
    file('2026/01/index.html');
    file('2025/12/31/0-c/index.html');
    file('themata/amyna/2026/01/index.html');
    file('search-index/2026/docs-0.json');
    mkdirSync(path.join(dir, '2026/01/29'), { recursive: true });
    expect(articlePagesByDay(dir)).toEqual([
      { date: '2025-12-31', pages: 1 },
      { date: '2026-01-27', pages: 2 },
    ]);
  });

  it('counts the same pages from the URLs a build wrote', () => {
    const urls = [
      '/2026/01/27/',
      '/2026/01/27/0-a/',
      '/2026/01/27/1-b/',
      '/2026/01/',
      '/2025/12/31/0-c/',
      '/themata/amyna/2026/01/',
      '/',
    ];
    expect(articleDays(urls).sort((a, b) => (a.date < b.date ? -1 : 1))).toEqual(
      articlePagesByDay(dir),
    );
    expect(articleDate('/2025/12/31/0-c/')).toBe('2025-12-31');
    expect(articleDate('/2025/12/31/')).toBeUndefined();
  });

  it('tells article URLs from other pages', () => {
    expect(isArticleUrl('/2026/01/27/0-synamilisan/')).toBe(true);
    expect(isArticleUrl('/2026/01/27/3/')).toBe(true);
    for (const url of ['/2026/01/27/', '/2026/01/', '/', '/themata/amyna/2026/01/', '/feed.xml']) {
      expect(isArticleUrl(url), url).toBe(false);
    }
  });
});

describe('indexSite without articles', () => {
  it('writes an empty manifest and clears what a killed indexing left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ephemeris-index-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      mkdirSync(path.join(dir, `search-index.building-${dead}`));
      mkdirSync(path.join(dir, `search-index.old-${dead}`));
      writeFileSync(path.join(dir, `search-index.old-${dead}`, 'shards.json'), '{}');
      expect(await indexSite(dir)).toMatchObject({ pages: 0, shards: 0 });
      const manifest = JSON.parse(
        readFileSync(path.join(dir, 'search-index/shards.json'), 'utf8'),
      ) as SearchManifest;
      expect(manifest).toMatchObject({ version: 2, pages: 0, shards: [] });
      expect(manifest.stopwords).toContain('και');
      expect(existsSync(path.join(dir, `search-index.building-${dead}`))).toBe(false);
      expect(existsSync(path.join(dir, `search-index.old-${dead}`))).toBe(false);
      expect(hasSearchIndex(dir)).toBe(true);
      removeSearchIndex(dir);
      expect(hasSearchIndex(dir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indexShards', () => {
  it('reports an error from a second thread after the first one finished', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ephemeris-lanes-'));
    try {
      const page = path.join(dir, 'site/2026/01/27/0-a/index.html');
      mkdirSync(path.dirname(page), { recursive: true });
      writeFileSync(
        page,
        '<html lang="el"><body><h1 data-search-title>Σεισμός</h1><div data-search-body><p>Σεισμός</p></div></body></html>',
      );
      // A file where the second shard's folder should go: it cannot be written.
      writeFileSync(path.join(dir, 'blocked'), '');
      const site = path.join(dir, 'site');
      const jobs = [
        { outDir: site, dates: ['2026-01-27'], bundle: path.join(dir, 'good') },
        // The smaller job, so the second lane (a worker) takes it.
        { outDir: site, dates: ['2026-01-27'], bundle: path.join(dir, 'blocked/bad') },
      ];
      const done: number[] = [];
      await expect(
        indexShards(
          jobs,
          2,
          (i) => 2 - i,
          (i) => done.push(i),
        ),
      ).rejects.toThrow(/blocked/);
      expect(done).toEqual([0]);
      expect(existsSync(path.join(dir, 'good/docs-0.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the search page state in its URL', () => {
  it('reads and writes q, topic, year and sort', () => {
    const state = { q: 'άμυνα ρωσία', topic: 'Άμυνα', year: '2026', sort: 'oldest' } as const;
    expect(readState(writeState(state))).toEqual(state);
    expect(writeState({ q: '', topic: '', year: '', sort: '' })).toBe('');
    expect(readState('?q=x&sort=sideways')).toEqual({ q: 'x', topic: '', year: '', sort: '' });
  });
});

describe('merging the shards', () => {
  const shard = (path: string, years: string[]) => ({
    path,
    from: '',
    to: '',
    pages: 10,
    version: '',
    years: Object.fromEntries(years.map((y) => [y, [0, 1] as [number, number]])),
    topics: {},
  });
  const manifest: SearchManifest = {
    version: 2,
    engine: '',
    pages: 30,
    stopwords: [],
    shards: [
      shard('2018/', ['2018', '2019']),
      shard('2020/', ['2020']),
      shard('2020-07/', ['2020', '2021']),
    ],
  };

  it('searches newest shards first, and only those of the year asked for', () => {
    expect(shardsFor(manifest)).toEqual([2, 1, 0]);
    expect(shardsFor(manifest, '2020')).toEqual([2, 1]);
    expect(shardsFor(manifest, '2019')).toEqual([0]);
    expect(shardsFor(manifest, '2021')).toEqual([2]);
    expect(shardsFor(manifest, '2030')).toEqual([]);
  });

  // Newest shard first; within each shard, the query's order (newest first when sorted).
  const hit = (shard: number, doc: number, score: number) => ({ shard, doc, score });
  const perShard = [[hit(2, 9, 0.2), hit(2, 8, 0.9)], [hit(1, 2, 0.5)], [hit(0, 5, 0.7)]];
  const ids = (hits: { shard: number; doc: number }[]) => hits.map((h) => `${h.shard}:${h.doc}`);

  it('orders by relevance across shards, by score', () => {
    expect(ids(mergeHits(perShard, ''))).toEqual(['2:8', '0:5', '1:2', '2:9']);
  });

  it('orders by date by putting shards in date order', () => {
    expect(ids(mergeHits(perShard, 'newest'))).toEqual(['2:9', '2:8', '1:2', '0:5']);
    const ascending = [[hit(2, 8, 0), hit(2, 9, 0)], [hit(1, 2, 0)], [hit(0, 5, 0)]];
    expect(ids(mergeHits(ascending, 'oldest'))).toEqual(['0:5', '1:2', '2:8', '2:9']);
  });
});

describe('what a result shows', () => {
  it('writes dates in Greek as the archive does', () => {
    for (const date of ['2026-01-27', '2020-05-01', '2019-08-15', '2010-11-18', '2024-02-29']) {
      expect(formatDate(date)).toBe(archiveDate(date));
    }
  });

  it('says how many articles were found, for what, where', () => {
    expect(articlesFound(0)).toBe('Δεν βρέθηκαν άρθρα');
    expect(articlesFound(1)).toBe('Βρέθηκε 1 άρθρο');
    expect(articlesFound(1234)).toBe('Βρέθηκαν 1.234 άρθρα');
    const state = { q: ' αμυνα ', topic: '', year: '', sort: '' } as const;
    expect(statusText(2, state)).toBe('Βρέθηκαν 2 άρθρα για «αμυνα».');
    expect(statusText(1, { ...state, topic: 'Άμυνα', year: '2026' })).toBe(
      'Βρέθηκε 1 άρθρο για «αμυνα» στο θέμα Άμυνα, το 2026.',
    );
    expect(statusText(0, { ...state, q: '', year: '2020' })).toBe('Δεν βρέθηκαν άρθρα το 2020.');
  });
});
