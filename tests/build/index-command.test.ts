/** `ephemeris index`: the search index of an already built site, on its own. */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_PATH } from '../../src/site/search-index.ts';
import { buildSite, PROJECT_ROOT, runCli, type BuiltSite, type CliRun } from './helpers.ts';
import { openIndex } from './search-reader.ts';
import { removeFolder } from '../remove-folder.ts';

describe('ephemeris index', () => {
  let site: BuiltSite;
  let run: CliRun;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'tests/fixtures/site'), ['--no-search']);
    // The options of `build` are accepted too, as the benchmark passes them.
    run = await runCli(['index', '--out', site.out, '--content', 'ignored', '--cache', 'ignored']);
  });

  it('indexes a site built without search and says so', async () => {
    expect(existsSync(path.join(site.out, SEARCH_INDEX_PATH))).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Indexed 5 pages in 1 shard in \d+\.\d s\.$/m);
    const index = await openIndex(site.out);
    expect(index.manifest.pages).toBe(site.report.counts.published);
    const quake = site.report.articles.find((a) => a.date === '2026-02-03')!;
    expect(await index.search('σεισμός')).toEqual([quake.url]);
  });

  it('is listed in the help', async () => {
    expect((await runCli(['help'])).stdout).toMatch(/^\s*ephemeris index\b/m);
  });

  it('refuses a folder that is not a built site, saying what to do', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-not-a-site-'));
    try {
      mkdirSync(path.join(work, 'stuff'));
      writeFileSync(path.join(work, 'stuff', 'notes.txt'), 'x');
      for (const dir of [work, path.join(work, 'missing')]) {
        const refused = await runCli(['index', '--out', dir]);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toContain(`${dir} is not a built site`);
        expect(refused.stderr).toContain(`ephemeris build --out ${dir}`);
        expect(existsSync(path.join(dir, SEARCH_INDEX_PATH))).toBe(false);
      }
    } finally {
      removeFolder(work);
    }
  });
});
