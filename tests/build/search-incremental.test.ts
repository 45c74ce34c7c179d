import { statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/site/search-index.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './helpers.ts';

/** When a shard's files were last written: reused shards keep theirs. */
function written(site: BuiltSite, shard: string): number {
  return statSync(path.join(site.out, 'pagefind', shard, 'pagefind.js')).mtimeMs;
}

describe('re-indexing after a change', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), ['--no-search']);
    // Three shards: 2025-12-31, the three articles of 2026-01-27, 2026-02-03.
    await indexSite(site.out, { maxPagesPerShard: 2 });
  });

  it('indexes again only the date ranges with changed articles', async () => {
    const before = ['2025', '2026-01-27', '2026-02'].map((s) => written(site, s));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await indexSite(site.out, {
      maxPagesPerShard: 2,
      changedDates: new Set(['2026-02-03']),
    });
    expect(result).toMatchObject({ pages: 5, shards: 3 });
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
