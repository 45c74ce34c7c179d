import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './helpers.ts';
import { treeDifferences, treeHashes } from './tree.ts';

const ARTICLE_URL = '/2026/01/27/0-synamilisan-oi-ypourgoi-amynas-ton-dyo-choron/';

describe('building the shipped sample', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(path.join(PROJECT_ROOT, 'content'));
  });

  it('publishes the one sample article; the only diagnostic is the missing public URL', () => {
    expect(site.report.counts).toEqual({ files: 1, articles_read: 1, published: 1, rejected: 0 });
    expect(site.report.diagnostics.map((d) => d.code)).toEqual(['W_SITE_URL_MISSING']);
    expect(site.report.articles[0]).toMatchObject({
      id: '2026-01-27-0',
      file: 'articles/2026-01-27.txt',
      line: 1,
      date: '2026-01-27',
      ordinal: 0,
      title: 'Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών',
      url: ARTICLE_URL,
    });
  });

  it('writes the article page in Greek with its long date and every paragraph', () => {
    const doc = site.page(ARTICLE_URL);
    expect(doc.documentElement.getAttribute('lang')).toBe('el');
    expect(doc.querySelector('h1')?.textContent).toBe(
      'Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών',
    );
    const time = doc.querySelector('article time');
    expect(time?.getAttribute('datetime')).toBe('2026-01-27');
    expect(time?.textContent).toBe('Τρίτη 27 Ιανουαρίου 2026');
    expect(doc.querySelectorAll('article p').length).toBeGreaterThanOrEqual(10);
    expect(doc.querySelector('a[href="/2026/01/27/"]')).not.toBeNull();
  });

  it('writes the day, month and year pages', () => {
    const day = site.page('/2026/01/27/');
    expect(day.querySelector(`a[href="${ARTICLE_URL}"]`)).not.toBeNull();
    const month = site.page('/2026/01/');
    expect(month.querySelector('h1')?.textContent).toBe('Ιανουάριος 2026');
    expect(month.querySelector('table a[href="/2026/01/27/"]')).not.toBeNull();
    const year = site.page('/2026/');
    expect(year.querySelector('a[href="/2026/01/"]')).not.toBeNull();
  });

  it('reports the names of the sample, each once', () => {
    const names = site.report.articles[0]!.names.map((n) => n.name);
    for (const expected of [
      'Κίνα',
      'Ρωσία',
      'ΗΠΑ',
      'Πεκίνο',
      'Αντρέι Μπελούσοφ',
      'Ντόναλντ Τραμπ',
      'ΑΠΕ-ΜΠΕ',
    ]) {
      expect(names).toContain(expected);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives the sample a topic with its own page listing it', () => {
    const topics = site.report.articles[0]!.topics;
    expect(topics.length).toBeGreaterThan(0);
    const primary = topics[0]!;
    expect(['amyna', 'kosmos']).toContain(primary.slug);
    const topicPage = site.page(`/themata/${primary.slug}/`);
    expect(topicPage.querySelector(`a[href="${ARTICLE_URL}"]`)).not.toBeNull();
    expect(
      site.page('/themata/').querySelector(`a[href="/themata/${primary.slug}/"]`),
    ).not.toBeNull();
    expect(site.exists(`/themata/${primary.slug}/2026/01/`)).toBe(true);
  });

  it('writes the home page, the 404 page and the stylesheet', () => {
    expect(site.page('/').querySelector(`a[href="${ARTICLE_URL}"]`)).not.toBeNull();
    expect(site.page('/404.html').querySelector('h1')).not.toBeNull();
    expect(site.exists('/assets/style.css')).toBe(true);
  });

  it('ends with a summary of articles, pages, warnings, errors and seconds', () => {
    expect(site.run.stderr).toMatch(
      /Built 1 articles \(0 rejected\) into .*: \d+ pages; 1 warnings, 0 errors, [\d.]+ s \(read [\d.]+ s, plan [\d.]+ s, render [\d.]+ s, state [\d.]+ s\)\./,
    );
  });

  it('is what plain Eleventy writes with the project config, search index apart', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'ephemeris-eleventy-')), '_site');
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'node_modules/@11ty/eleventy/cmd.cjs',
        '--config=.eleventy.ts',
        '--input=content',
        `--output=${out}`,
      ],
      { cwd: PROJECT_ROOT },
    );
    const ours = new Map([...treeHashes(site.out)].filter(([f]) => !f.startsWith('search-index')));
    const eleventy = treeHashes(out);
    expect(eleventy.has(`${ARTICLE_URL.slice(1)}index.html`)).toBe(true);
    expect(treeDifferences(ours, eleventy)).toEqual([]);
  });
});
