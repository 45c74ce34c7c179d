import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../src/archive/article-store.ts';
import { articleAnalyzer } from '../../src/enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../../src/enrich/taxonomy.ts';

const analyze = articleAnalyzer(loadCompiledTaxonomy(path.resolve('tests/fixtures/site')).compiled);
const dir = mkdtempSync(path.join(tmpdir(), 'ephemeris-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEAD = 'Η κυβέρνηση ανακοίνωσε νέα μέτρα για τη στήριξη των νοικοκυριών.';
const LATER = 'Τα μέτρα θα ισχύσουν από τον επόμενο μήνα, σύμφωνα με το υπουργείο.';

/** The summary hash of the one article of a file with this header, title and paragraphs. */
function summaryOf(header: string, title: string, paragraphs: string[]): string {
  const absolute = path.join(dir, 'day.txt');
  writeFileSync(absolute, `${header}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`);
  const { size, mtimeMs } = statSync(absolute);
  const { stored } = storeFile(
    { entry: { file: 'articles/day.txt', absolute }, stat: { size, mtimeMs } },
    () => undefined,
    analyze,
  );
  expect(stored.articles).toHaveLength(1);
  return stored.articles[0]!.summaryHash;
}

describe('the summary hash, which stands for an article in the fingerprints of lists', () => {
  const base = summaryOf('date 2026-01-27 0', 'Νέα μέτρα στήριξης', [LEAD, LATER]);

  it('is short: hundreds of them are joined into one page fingerprint', () => {
    expect(base).toMatch(/^[\w-]{11}$/);
  });

  it('changes with everything a list shows: date, ordinal (the URL), title and excerpt', () => {
    const variants = [
      summaryOf('date 2026-01-28 0', 'Νέα μέτρα στήριξης', [LEAD, LATER]),
      summaryOf('date 2026-01-27 1', 'Νέα μέτρα στήριξης', [LEAD, LATER]),
      summaryOf('date 2026-01-27 0', 'Νέα μέτρα ενίσχυσης', [LEAD, LATER]),
      summaryOf('date 2026-01-27 0', 'Νέα μέτρα στήριξης', [`${LEAD} Άμεσα.`, LATER]),
    ];
    expect(new Set([base, ...variants]).size).toBe(5);
  });

  it('stays the same when only text past the excerpt changes', () => {
    expect(summaryOf('date 2026-01-27 0', 'Νέα μέτρα στήριξης', [LEAD, `${LATER} Τέλος.`])).toBe(
      base,
    );
  });
});
