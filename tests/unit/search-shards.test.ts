/**
 * How the index is split into date shards (search-index.ts) and how the search page puts the
 * shards' results back together (search-client.js), without Pagefind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  articleDate,
  articlesFound,
  formatDate,
  mergeFilters,
  mergeResults,
  readState,
  shardsFor,
  statusText,
  writeState,
} from '../../layouts/search-client.js';
import { formatDate as archiveDate } from '../../src/greek/dates.ts';
import {
  articlePagesByDay,
  hasSearchIndex,
  indexSite,
  isArticleUrl,
  planShards,
  removeSearchIndex,
  type DayPages,
  type SearchShard,
} from '../../src/site/search-index.ts';
import { indexShards } from '../../src/site/search-pagefind.ts';

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
        globs: ['2010/*/*/*/index.html', '2019/*/*/*/index.html', '2020/*/*/*/index.html'],
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
    expect(shards[0]!.globs[0]).toBe('2020/01/01/*/index.html');
    expect(shards[0]!.globs).toHaveLength(20);
    expect(shards[2]!.globs).toEqual(['2020/02/*/*/index.html']);
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
    expect(shards.at(-1)!.globs).toEqual(['2020/02/*/*/index.html']);
    // The rest of the newest year goes by month: its year's glob would take in February too.
    expect(shards.at(-2)!.globs).toEqual(['2020/01/*/*/index.html']);
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
        // Each day is matched by one glob of all the shards', the one whose dates hold it: a
        // page matched by two would be indexed, and found, twice.
        const matches = (glob: string, date: string) =>
          glob
            .split('/')
            .slice(0, 3)
            .every((part, i) => part === '*' || part === date.split('-')[i]);
        for (const { date } of withPages) {
          const holder = shards.filter((s) => s.from <= date && date <= s.to);
          expect(holder).toHaveLength(1);
          const matching = shards.flatMap((s) => s.globs.filter((g) => matches(g, date)));
          expect(matching).toHaveLength(1);
          expect(holder[0]!.globs).toContain(matching[0]);
        }
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
    file('pagefind/2026/pagefind.js');
    mkdirSync(path.join(dir, '2026/01/28/empty'), { recursive: true });
    expect(articlePagesByDay(dir)).toEqual([
      { date: '2025-12-31', pages: 1 },
      { date: '2026-01-27', pages: 2 },
    ]);
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
      mkdirSync(path.join(dir, `pagefind.building-${dead}`));
      mkdirSync(path.join(dir, `pagefind.old-${dead}`));
      writeFileSync(path.join(dir, `pagefind.old-${dead}`, 'shards.json'), '{}');
      expect(await indexSite(dir)).toMatchObject({ pages: 0, shards: 0 });
      expect(JSON.parse(readFileSync(path.join(dir, 'pagefind/shards.json'), 'utf8'))).toEqual({
        version: 1,
        pages: 0,
        shards: [],
      });
      expect(existsSync(path.join(dir, `pagefind.building-${dead}`))).toBe(false);
      expect(existsSync(path.join(dir, `pagefind.old-${dead}`))).toBe(false);
      expect(hasSearchIndex(dir)).toBe(true);
      removeSearchIndex(dir);
      expect(hasSearchIndex(dir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indexShards', () => {
  it('reports a Pagefind error from a second Pagefind process after the first one finished', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ephemeris-lanes-'));
    try {
      mkdirSync(path.join(dir, 'site/a'), { recursive: true });
      writeFileSync(
        path.join(dir, 'site/a/index.html'),
        '<html lang="el"><body><main data-pagefind-body>Σεισμός</main></body></html>',
      );
      const site = path.join(dir, 'site');
      const jobs = [
        { outDir: site, globs: ['a/index.html'], bundle: path.join(dir, 'good') },
        // Not a glob Pagefind can parse; the smaller job, so the second lane (a worker) takes it.
        { outDir: site, globs: ['a/[index.html'], bundle: path.join(dir, 'bad') },
      ];
      const done: number[] = [];
      await expect(
        indexShards(
          jobs,
          2,
          (i) => 2 - i,
          (i) => done.push(i),
        ),
      ).rejects.toThrow(/indexing a\/\[index\.html failed/);
      expect(done).toEqual([0]);
      expect(existsSync(path.join(dir, 'good/pagefind.js'))).toBe(true);
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
  const manifest = {
    shards: [
      { path: '2018/', from: '2018-01-01', to: '2019-12-31', pages: 10 },
      { path: '2020/', from: '2020-01-01', to: '2020-06-30', pages: 10 },
      { path: '2020-07/', from: '2020-07-01', to: '2021-02-01', pages: 10 },
    ],
  };

  it('searches newest shards first, and only those of the year asked for', () => {
    expect(shardsFor(manifest, '').map((s) => s.path)).toEqual(['2020-07/', '2020/', '2018/']);
    expect(shardsFor(manifest, '2020').map((s) => s.path)).toEqual(['2020-07/', '2020/']);
    expect(shardsFor(manifest, '2019').map((s) => s.path)).toEqual(['2018/']);
    expect(shardsFor(manifest, '2021').map((s) => s.path)).toEqual(['2020-07/']);
    expect(shardsFor(manifest, '2030')).toEqual([]);
  });

  const r = (id: string, score: number) => ({ id, score });
  // Newest shard first; within each shard, Pagefind's own order (newest first when sorted).
  const perShard = [
    [r('2020-09', 0.2), r('2020-08', 0.9)],
    [r('2020-02', 0.5)],
    [r('2018-05', 0.7)],
  ];

  it('orders by relevance across shards, by score', () => {
    expect(mergeResults(perShard, '').map((x) => x.id)).toEqual([
      '2020-08',
      '2018-05',
      '2020-02',
      '2020-09',
    ]);
  });

  it('orders by date by putting shards in date order', () => {
    expect(mergeResults(perShard, 'newest').map((x) => x.id)).toEqual([
      '2020-09',
      '2020-08',
      '2020-02',
      '2018-05',
    ]);
    // Sorted oldest first, each shard's list is oldest first already.
    const ascending = [[r('2020-08', 0), r('2020-09', 0)], [r('2020-02', 0)], [r('2018-05', 0)]];
    expect(mergeResults(ascending, 'oldest').map((x) => x.id)).toEqual([
      '2018-05',
      '2020-02',
      '2020-08',
      '2020-09',
    ]);
  });

  it('adds up filter counts', () => {
    expect(
      mergeFilters([
        { topic: { Άμυνα: 2, Κόσμος: 1 }, year: { '2020': 3 } },
        undefined,
        { topic: { Άμυνα: 1 }, year: { '2021': 1 } },
      ]),
    ).toEqual({ topic: { Άμυνα: 3, Κόσμος: 1 }, year: { '2020': 3, '2021': 1 } });
  });
});

describe('what a result shows', () => {
  it('takes the date from the article URL, under any prefix', () => {
    expect(articleDate('/archive/2026/01/27/0-synamilisan/')).toBe('2026-01-27');
    expect(articleDate('/2020/12/01/12/')).toBe('2020-12-01');
    expect(articleDate('/2026/01/27/')).toBe('');
  });

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
