import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/site/search-index.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './helpers.ts';
import { openIndex } from './search-reader.ts';
import { treeDifferences, treeHashes } from './tree.ts';
import { removeFolder } from '../remove-folder.ts';

/** When a shard's files were last written: reused shards keep theirs. */
function written(site: BuiltSite, shard: string): number {
  return statSync(path.join(site.out, 'search-index', shard, 'docs-0.json')).mtimeMs;
}

describe('re-indexing after a change', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), ['--no-search']);
    // Three shards: 2025-12-31, the three articles of 2026-01-27, 2026-02-03.
    await indexSite(site.out, { maxPagesPerShard: 2 });
  });

  /** Rewrites the article pages of a day (as a build would) with `edit`. */
  const rewrite = (date: string, edit: (html: string) => string) => {
    const day = path.join(site.out, ...date.split('-'));
    for (const article of readdirSync(day).filter((a) => a !== 'index.html')) {
      const file = path.join(day, article, 'index.html');
      writeFileSync(file, edit(readFileSync(file, 'utf8')));
    }
  };

  it('indexes again only the date ranges whose indexed text changed', async () => {
    const before = ['2025', '2026-01-27', '2026-02'].map((s) => written(site, s));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 2026-02-03: a word of the body; 2026-01-27: the footer, which is not indexed (as when a
    // new name page is linked from an old article's list of names).
    rewrite('2026-02-03', (html) => html.replaceAll('σεισμός', 'σεισμοί'));
    rewrite('2026-01-27', (html) => html.replace('</footer>', '<p>Νέα σελίδα</p></footer>'));
    const result = await indexSite(site.out, {
      maxPagesPerShard: 2,
      changedDates: new Set(['2026-02-03', '2026-01-27']),
    });
    expect(result).toMatchObject({ pages: 5, shards: 3, indexed: 1 });
    const after = ['2025', '2026-01-27', '2026-02'].map((s) => written(site, s));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBeGreaterThan(before[2]!);
  });

  it('indexes everything again when no changed days are given', async () => {
    const before = written(site, '2025');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await indexSite(site.out, { maxPagesPerShard: 2 });
    expect(written(site, '2025')).toBeGreaterThan(before);
  });
});

describe('an index kept up to date through changes', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-reindex-'));
  afterAll(() => removeFolder(work));
  let site: BuiltSite;
  let template: string;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), ['--no-search']);
    const day = path.join(site.out, '2026/02/03');
    template = readFileSync(
      path.join(
        day,
        readdirSync(day).find((a) => a !== 'index.html')!,
        'index.html',
      ),
      'utf8',
    );
    await indexSite(site.out, { maxPagesPerShard: 2 });
  });

  /** A new article page on a day, as a build would write it (dates and words changed). */
  const addArticle = (date: string, word: string) => {
    const dir = path.join(site.out, ...date.split('-'), `0-${word}`);
    mkdirSync(dir, { recursive: true });
    const html = template.replaceAll('2026-02-03', date).replaceAll('σεισμός', word);
    writeFileSync(path.join(dir, 'index.html'), html);
  };

  /** The index a clean indexing of the same pages writes. */
  const cleanIndex = async () => {
    const clean = path.join(work, 'clean');
    removeFolder(clean);
    cpSync(site.out, clean, { recursive: true, filter: (f) => !f.includes('search-index') });
    await indexSite(clean, { maxPagesPerShard: 2 });
    return treeHashes(path.join(clean, 'search-index'));
  };

  const steps: [string, () => string][] = [
    ['a day in a new month', () => (addArticle('2026-03-01', 'ανεμοθύελλα'), '2026-03-01')],
    ['a day in the same month', () => (addArticle('2026-03-02', 'χιονόπτωση'), '2026-03-02')],
    [
      'an old article deleted',
      () => {
        const day = path.join(site.out, '2026/01/27');
        const article = readdirSync(day).find((a) => a.startsWith('1-'))!;
        rmSync(path.join(day, article), { recursive: true });
        return '2026-01-27';
      },
    ],
  ];

  it.each(steps)('equals a clean index after %s', async (_, change) => {
    const changed = change();
    const result = await indexSite(site.out, {
      maxPagesPerShard: 2,
      changedDates: new Set([changed]),
    });
    expect(
      treeDifferences(treeHashes(path.join(site.out, 'search-index')), await cleanIndex()),
    ).toEqual([]);
    // One shard each time: the new month's (February keeps its own, as January was already
    // too large to share one with it), then the same one, then the shard of the deleted article.
    expect(result).toMatchObject({ shards: 4, indexed: 1 });
  });
});

describe('re-indexing a shard of several days', () => {
  it('copies the unchanged days from the shard as last written, and reads the changed ones', async () => {
    const site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), ['--no-search']);
    // Two shards: 2025-12-31 with 2026-01-27, and the newest month, 2026-02-03.
    expect(await indexSite(site.out, { maxPagesPerShard: 10 })).toMatchObject({ shards: 2 });
    const rewrite = (date: string, from: string, to: string) => {
      const day = path.join(site.out, ...date.split('-'));
      for (const article of readdirSync(day).filter((a) => a !== 'index.html')) {
        const file = path.join(day, article, 'index.html');
        writeFileSync(file, readFileSync(file, 'utf8').replaceAll(from, to));
      }
    };
    // A word changed on a day the build reports, and one on a day it does not: only the first
    // is read again; the second comes from the shard's files as they were.
    rewrite('2026-01-27', 'Μπελούσοφ', 'Σοϊγκού');
    rewrite('2025-12-31', 'προϋπολογισμό', 'ισολογισμό');
    const result = await indexSite(site.out, {
      maxPagesPerShard: 10,
      changedDates: new Set(['2026-01-27']),
    });
    expect(result).toMatchObject({ shards: 2, indexed: 1, pages: 5 });
    const index = await openIndex(site.out);
    expect(await index.search('Σοϊγκού')).toHaveLength(1);
    expect(await index.search('Μπελούσοφ')).toEqual([]);
    expect(await index.search('προϋπολογισμό ')).toHaveLength(1);
    expect(await index.search('ισολογισμό ')).toEqual([]);
    // Told of every day, it reads them all.
    await indexSite(site.out, {
      maxPagesPerShard: 10,
      changedDates: new Set(['2025-12-31', '2026-01-27', '2026-02-03']),
    });
    expect(await (await openIndex(site.out)).search('ισολογισμό ')).toHaveLength(1);
  });
});

describe('random changes to a shard of many days', () => {
  it('leave the index equal to a clean one after each', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-reindex-random-'));
    try {
      const site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), ['--no-search']);
      const quakeDay = path.join(site.out, '2026/02/03');
      const template = readFileSync(
        path.join(
          quakeDay,
          readdirSync(quakeDay).find((a) => a !== 'index.html')!,
          'index.html',
        ),
        'utf8',
      );
      const words = ['ανεμοθύελλα', 'χιονόπτωση', 'πλημμύρα', 'καύσωνας', 'παγετός', 'χαλάζι'];
      const days = ['2026-02-03', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-11'];
      const pageOf = (date: string, folder: string) =>
        path.join(site.out, ...date.split('-'), folder, 'index.html');
      const write = (date: string, folder: string, word: string) => {
        mkdirSync(path.dirname(pageOf(date, folder)), { recursive: true });
        writeFileSync(
          pageOf(date, folder),
          template.replaceAll('2026-02-03', date).replaceAll('σεισμός', word),
        );
      };
      const articles = (date: string) => {
        try {
          return readdirSync(path.join(site.out, ...date.split('-'))).filter(
            (a) => a !== 'index.html',
          );
        } catch {
          return [];
        }
      };
      const options = { maxPagesPerShard: 100 };
      await indexSite(site.out, options);
      // A fixed sequence from a seeded generator: the same on every run.
      let seed = 7;
      const next = (n: number) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed % n;
      };
      for (let step = 0; step < 12; step++) {
        const date = days[next(days.length)]!;
        const present = articles(date);
        const action = present.length === 0 ? 0 : next(3);
        if (action === 0) write(date, `${step}-neo`, words[next(words.length)]!);
        else if (action === 1)
          write(date, present[next(present.length)]!, words[next(words.length)]!);
        else
          rmSync(path.dirname(pageOf(date, present[next(present.length)]!)), { recursive: true });
        if (articles(date).length === 0)
          rmSync(path.join(site.out, ...date.split('-')), { recursive: true, force: true });
        const result = await indexSite(site.out, { ...options, changedDates: new Set([date]) });
        const clean = path.join(work, `clean-${step}`);
        cpSync(site.out, clean, { recursive: true, filter: (f) => !f.includes('search-index') });
        await indexSite(clean, options);
        expect(
          treeDifferences(
            treeHashes(path.join(site.out, 'search-index')),
            treeHashes(path.join(clean, 'search-index')),
          ),
          `step ${step}: ${['added to', 'edited on', 'deleted from'][action]} ${date}`,
        ).toEqual([]);
        expect(result.indexed, `step ${step}`).toBeLessThanOrEqual(1);
        removeFolder(clean);
      }
    } finally {
      removeFolder(work);
    }
  });
});
