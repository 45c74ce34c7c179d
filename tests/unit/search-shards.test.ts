/**
 * How the index is split into date shards (search-index.ts) and how the search page puts the
 * shards' results back together (search-client.js), without Pagefind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
} from '../../src/site/search-index.ts';

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
    const shards = planShards([...days('2018-01-01', 10, 5), ...days('2019-01-01', 10, 5)], 60);
    expect(shards.map((s) => [s.name, s.pages, s.from, s.to])).toEqual([
      ['2018', 50, '2018-01-01', '2018-01-10'],
      ['2019', 50, '2019-01-01', '2019-01-10'],
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
