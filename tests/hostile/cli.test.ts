/**
 * Every catalogue case that a real build can hold, in one content folder (each case in its own
 * sub-folder, with its own years), through the real command: `ephemeris build` and
 * `ephemeris check`. Then the whole output is searched for anything the input injected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/cli/report.ts';
import type { RejectedArticle } from '../../src/ingest/parse-articles.ts';
import { renderBody } from '../../src/site/markdown.ts';
import { searchRecord } from '../../src/site/search-content.ts';
import { excerpt } from '../../src/site/search-engine.ts';
import { SEARCH_INDEX_PATH } from '../../src/site/search-index.ts';
import { PROJECT_ROOT, runCli, type CliRun } from '../build/helpers.ts';
import { openIndex } from '../build/search-reader.ts';
import { CASES, materialise, missingRequirement } from './catalogue.ts';
import {
  expectNoInjectedMarkup,
  expectNoInjectedXml,
  expectWellFormed,
  listFiles,
  parseDocument,
  removeTemps,
  SITE_JSON,
  tempDir,
} from './support.ts';

const INCLUDED = CASES.filter((c) => c.cli !== false && missingRequirement(c) === undefined);
/** An article URL: date, number, and an optional ASCII slug. Nothing else can reach a path. */
const ARTICLE_URL = /^\/\d{4}\/\d{2}\/\d{2}\/\d+(-[a-z0-9]+)*\/$/;

let work: string;
let out: string;
let build: CliRun;
let check: CliRun;
let report: BuildReport;
let checkReport: BuildReport;

beforeAll(async () => {
  work = tempDir();
  const content = path.join(work, 'content');
  for (const c of INCLUDED) materialise(c, path.join(content, 'articles', c.id));
  fs.writeFileSync(path.join(content, 'site.json'), SITE_JSON);
  out = path.join(work, '_site');
  [build, check] = await Promise.all([
    runCli([
      'build',
      '--content',
      content,
      '--out',
      out,
      '--report',
      path.join(work, 'report.json'),
      '--cache',
      path.join(work, 'cache'),
    ]),
    runCli(['check', '--content', content, '--report', path.join(work, 'check.json')]),
  ]);
  if (build.code !== 0) throw new Error(`build failed (${build.code}):\n${build.stderr}`);
  report = JSON.parse(fs.readFileSync(path.join(work, 'report.json'), 'utf8')) as BuildReport;
  checkReport = JSON.parse(fs.readFileSync(path.join(work, 'check.json'), 'utf8')) as BuildReport;
});
afterAll(removeTemps);

const articleDiagnostics = (r: BuildReport) =>
  r.diagnostics.filter((d) => d.file.startsWith('articles'));

function page(url: string): string {
  return fs.readFileSync(path.join(out, url, 'index.html'), 'utf8');
}

describe('ephemeris build and check over the whole catalogue', () => {
  it('includes most of the catalogue', () => {
    expect(INCLUDED.length).toBeGreaterThanOrEqual(65);
  });

  it('build publishes the rest despite the errors, and check exits 1 listing every error', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(check.code).toBe(1);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(15);
    for (const d of errors) {
      const line = `${d.file}:${d.line}:${d.column}: error ${d.code}: ${d.message}`;
      expect(check.stderr).toContain(line);
      expect(build.stderr).toContain(line);
    }
    expect(check.stderr).toMatch(
      /Checked \d+ files: \d+ articles read, \d+ publishable, \d+ rejected/,
    );
  });

  it('reports the same diagnostics from check and build', () => {
    expect(checkReport.diagnostics).toEqual(report.diagnostics);
    expect(checkReport.counts).toEqual(report.counts);
  });

  it('accounts for every article read: published + rejected = read', () => {
    const sum = (f: (c: (typeof INCLUDED)[number]) => number) =>
      INCLUDED.reduce((n, c) => n + f(c), 0);
    expect(report.counts).toEqual({
      files: sum((c) => c.files),
      articles_read: sum((c) => c.published.length + c.rejected),
      published: sum((c) => c.published.length),
      rejected: sum((c) => c.rejected),
    });
    expect(report.articles.map((a) => a.id).sort()).toEqual(
      INCLUDED.flatMap((c) => c.published).sort(),
    );
  });

  it('gives each case exactly its diagnostics, at the same file, line and column', () => {
    // W_DUPLICATE_TEXT is checked on its own below.
    const got = articleDiagnostics(report).filter((d) => d.code !== 'W_DUPLICATE_TEXT');
    for (const d of got) expectWellFormed(d);
    for (const c of INCLUDED) {
      const prefix = `articles/${c.id}/`;
      const mine = got
        .filter((d) => d.file.startsWith(prefix))
        .map((d) => [d.code, d.severity, d.file.slice(prefix.length), d.line, d.column]);
      const expected = c.diagnostics
        .filter(([code]) => code !== 'W_DUPLICATE_TEXT')
        .map(([code, file, line, column]) => [
          code,
          code.startsWith('E_') ? 'error' : 'warning',
          file,
          line,
          column,
        ]);
      const order = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(order(mine), c.id).toEqual(order(expected));
    }
    // And nothing about the articles that no case expects.
    expect(
      got.filter((d) => !INCLUDED.some((c) => d.file.startsWith(`articles/${c.id}/`))),
    ).toEqual([]);
  });

  it('warns about the same text under two headers (ingest warnDuplicateTexts, after rejectDuplicates)', () => {
    expect(
      articleDiagnostics(report)
        .filter((d) => d.code === 'W_DUPLICATE_TEXT')
        .map((d) => [d.file, d.line, d.column]),
    ).toEqual([['articles/str-22-same-text-two-headers/a.txt', 9, 1]]);
  });

  it('lists every rejected article in the report, with its reasons', () => {
    const rejected = (report as BuildReport & { rejected?: RejectedArticle[] }).rejected;
    expect(rejected, 'report.rejected').toBeDefined();
    expect(rejected).toHaveLength(report.counts.rejected);
    const errors = new Set(report.diagnostics.map((d) => JSON.stringify(d)));
    for (const r of rejected ?? []) {
      expect(r.file).toMatch(/^articles\//);
      expect(r.line).toBeGreaterThanOrEqual(1);
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(errors.has(JSON.stringify(reason))).toBe(true);
    }
  });

  it('shows every published article under its title, as text', () => {
    for (const a of report.articles) {
      const doc = parseDocument(page(a.url));
      expect(doc.querySelectorAll('h1')).toHaveLength(1);
      expect(doc.querySelector('h1')?.textContent, a.id).toBe(a.title);
    }
  });

  it('writes every URL from the date, the number and an ASCII slug of at most 80 characters', () => {
    for (const a of report.articles) {
      expect(a.url).toMatch(ARTICLE_URL);
      expect(a.url.split('/')[4]!.length).toBeLessThanOrEqual(80 + 1 + String(a.ordinal).length);
    }
    expect(report.articles.find((a) => a.id === '1973-01-01-0')?.url).toBe('/1973/01/01/0/');
  });

  it('puts no markup or script from the input into any page', () => {
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(report.articles.length);
    for (const f of pages) expectNoInjectedMarkup(fs.readFileSync(path.join(out, f), 'utf8'), f);
  });

  it('puts no markup from the input into any XML file (feeds, sitemaps)', () => {
    for (const f of listFiles(out).filter((x) => x.endsWith('.xml'))) {
      expectNoInjectedXml(fs.readFileSync(path.join(out, f), 'utf8'), f);
    }
  });

  it('keeps hostile titles as text in the search index, and excerpts as text', async () => {
    expect(fs.existsSync(path.join(out, SEARCH_INDEX_PATH)), 'the build wrote a search index').toBe(
      true,
    );
    const index = await openIndex(out);
    const titles = new Map(report.articles.map((a) => [a.url, a.title]));
    let found = 0;
    for (const term of ['alert', 'script', 'onerror', 'javascript', 'iframe']) {
      const hits = await index.engine.search({ q: term });
      for (const { path: page, title } of await index.engine.details(hits)) {
        found++;
        const url = `/${page}`;
        expect(title, url).toBe(titles.get(url));
        // The excerpt is pieces of the body's text (the page puts them in as text nodes and
        // <mark>s): the hostile markup stays text, as the article page shows it.
        const body = searchRecord(
          fs.readFileSync(path.join(out, page, 'index.html'), 'utf8'),
        )!.body;
        const text = excerpt(body, term, index.engine.stopwords)
          .map((part) => part.text)
          .join('')
          .replace(/^… | …$/g, '');
        expect(body, url).toContain(text);
      }
    }
    expect(found).toBeGreaterThan(5);
  });

  it('keeps hostile titles as text in JSON-LD', () => {
    for (const a of report.articles) {
      const doc = parseDocument(page(a.url));
      for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
        const text = script.textContent ?? '';
        expect(text).not.toMatch(/<\/script/i);
        const json = JSON.stringify(JSON.parse(text));
        if (a.title.includes('<')) expect(json).toContain(JSON.stringify(a.title).slice(1, -1));
      }
    }
  });

  it('writes nothing outside the output folder, runs no file name as a command', () => {
    // The output, the report and the cache asked for on the command line; nothing else.
    expect(fs.readdirSync(work).sort()).toEqual([
      '_site',
      'cache',
      'check.json',
      'content',
      'report.json',
    ]);
    for (const dir of [work, PROJECT_ROOT, process.cwd(), path.join(work, 'content')]) {
      expect(fs.existsSync(path.join(dir, 'pwned')), dir).toBe(false);
    }
    for (const f of listFiles(out)) {
      expect(fs.lstatSync(path.join(out, f)).isSymbolicLink(), f).toBe(false);
      expect(f).toMatch(/^[a-z0-9._/-]+$/);
    }
  });
});

describe('every paragraph of a published article appears on its page', () => {
  it('as the same number of paragraphs, each with the text Markdown gives it', async () => {
    const { readContent } = await import('../../src/ingest/read-content.ts');
    const read = readContent(path.join(work, 'content'));
    expect(read.articles.length).toBe(report.articles.length);
    const urls = new Map(report.articles.map((a) => [a.id, a.url]));
    let plain = 0;
    for (const a of read.articles) {
      const id = `${a.date}-${a.ordinal}`;
      const doc = parseDocument(page(urls.get(id)!));
      const shown = [...doc.querySelectorAll('.article-body p')].map((p) => p.textContent);
      const expected = [...parseDocument(renderBody(a.paragraphs)).querySelectorAll('p')].map(
        (p) => p.textContent,
      );
      expect(shown, id).toEqual(expected);
      // A paragraph without Markdown or HTML syntax is shown exactly as written.
      a.paragraphs.forEach((p, i) => {
        if (!/[\\`*_[\]<>&!]/.test(p)) {
          expect(shown[i], `${id} paragraph ${i + 1}`).toBe(p);
          plain++;
        }
      });
    }
    expect(plain).toBeGreaterThan(60);
  });

  it('shows raw HTML and dangerous links in bodies as text', () => {
    const doc = parseDocument(page(report.articles.find((a) => a.id === '1961-01-01-0')!.url));
    const body = doc.querySelector('.article-body')!;
    expect(body.textContent).toContain('<iframe src="https://evil.example/"></iframe>');
    expect(body.textContent).toContain('<div onclick="alert(1)">Κείμενο σε div</div>');
    expect(body.querySelectorAll('iframe, div, a').length).toBe(0);

    const links = parseDocument(page(report.articles.find((a) => a.id === '1964-01-01-0')!.url));
    const text = links.querySelector('.article-body')!.textContent ?? '';
    for (const shown of [
      '[α](javascript:alert(1))',
      '[ε](vbscript:msgbox(5))',
      '[κ](file:///etc/passwd)',
    ]) {
      expect(text).toContain(shown);
    }
  });

  it('turns a Markdown image into a plain link, loading nothing', () => {
    const doc = parseDocument(page(report.articles.find((a) => a.id === '1963-01-01-0')!.url));
    const hrefs = [...doc.querySelectorAll('.article-body a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://www.amna.gr/',
      'https://example.org/',
      'https://evil.example/pixel.png',
    ]);
    expect(doc.querySelectorAll('img, picture, source').length).toBe(0);
  });
});
