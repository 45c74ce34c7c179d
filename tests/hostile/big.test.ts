/**
 * The 10 MB article through the real command: built, and every one of its 5,000 paragraphs on
 * its page. (The catalogue reads it, and the 50,000-article file, through ingest.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/cli/report.ts';
import { runCli } from '../build/helpers.ts';
import { CASES, materialise, TEN_MB_PARAGRAPHS, tenMbParagraph } from './catalogue.ts';
import { parseDocument, removeTemps, SITE_JSON, tempDir } from './support.ts';

afterAll(removeTemps);

describe('a 10 MB article', () => {
  it('is built, with every paragraph on its page', async () => {
    const work = tempDir();
    const content = path.join(work, 'content');
    materialise(
      CASES.find((c) => c.id === 'str-28-10mb-article')!,
      path.join(content, 'articles'),
    );
    expect(fs.statSync(path.join(content, 'articles', 'big.txt')).size).toBeGreaterThan(10_000_000);
    fs.writeFileSync(path.join(content, 'site.json'), SITE_JSON);
    const out = path.join(work, '_site');
    const reportFile = path.join(work, 'report.json');
    const run = await runCli([
      'build',
      '--content',
      content,
      '--out',
      out,
      '--report',
      reportFile,
      '--cache',
      path.join(work, 'cache'),
      '--no-search',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as BuildReport;
    expect(report.counts).toEqual({ files: 1, articles_read: 1, published: 1, rejected: 0 });
    const html = fs.readFileSync(path.join(out, report.articles[0]!.url, 'index.html'), 'utf8');
    const shown = [...parseDocument(html).querySelectorAll('.article-body p')].map(
      (p) => p.textContent,
    );
    expect(shown).toHaveLength(TEN_MB_PARAGRAPHS);
    const wrong = shown.filter((text, i) => text !== tenMbParagraph(i));
    expect(wrong).toEqual([]);
  });
});
