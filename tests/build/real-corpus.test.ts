import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, SHARED, type BuiltSite } from './helpers.ts';

const REAL = path.join(SHARED, 'corpus/real');
const present = existsSync(path.join(REAL, 'labels.tsv'));

describe.skipIf(!present)('building the real Greek corpus (../shared/corpus/real)', () => {
  let site: BuiltSite;
  let labels: { file: string; date: string; ordinal: number }[];
  beforeAll(async () => {
    site = await buildSite(REAL);
    labels = readFileSync(path.join(REAL, 'labels.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [file, date, ordinal] = line.split('\t');
        return { file: file!, date: date!, ordinal: Number(ordinal) };
      });
  }, 300_000);

  it('publishes every article with no errors', () => {
    expect(site.report.counts.articles_read).toBe(labels.length);
    expect(site.report.counts.published).toBe(labels.length);
    expect(site.report.counts.rejected).toBe(0);
    expect(site.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes a day page for every date in labels.tsv, listing its articles', () => {
    const byDate = new Map<string, number>();
    for (const { date } of labels) byDate.set(date, (byDate.get(date) ?? 0) + 1);
    for (const [date, count] of byDate) {
      const url = `/${date.replaceAll('-', '/')}/`;
      expect(site.exists(url), url).toBe(true);
      const doc = site.page(url);
      const links = doc.querySelectorAll(`main a[href^="${url}"]`);
      expect(links.length, url).toBeGreaterThanOrEqual(count);
    }
  });

  it('writes every article page at its reported URL, with unique URLs', () => {
    const urls = site.report.articles.map((a) => a.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(site.exists(url), url).toBe(true);
  });

  it('keeps the source file and line of each article', () => {
    const fromLabels = new Set(labels.map((l) => `articles/${l.file}:${l.date}-${l.ordinal}`));
    for (const a of site.report.articles) expect(fromLabels.has(`${a.file}:${a.id}`)).toBe(true);
  });
});
