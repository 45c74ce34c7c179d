/**
 * The built site in Chromium, served under `/archive/` as a static host would: a reader's
 * path through the archive, and searching in Greek.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/site/search-index.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../build/helpers.ts';
import {
  axeViolations,
  htmlProblems,
  launchChromium,
  serveSite,
  type StaticServer,
} from './helpers.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/site');
const ARTICLE_TITLE = 'Συναμίλησαν οι υπουργοί Άμυνας των δύο χωρών';

describe('the archive in a browser, under /archive/', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  /** Errors a page reported: uncaught exceptions and console errors. */
  const errors: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([
      buildSite(FIXTURE, ['--path-prefix', '/archive/']),
      launchChromium(),
    ]);
    server = await serveSite(site.out, '/archive/');
    context = await browser.newContext({ locale: 'el-GR' });
    // Browsers ask for /favicon.ico at the host's root, outside the site: not the site's link.
    await context.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    await page.goto(url);
    return page;
  }

  /** Types a query as a reader would and waits for the status line to report the search. */
  async function search(page: Page, query: string): Promise<string[]> {
    await page.locator('#search-form[data-ready]').waitFor();
    await page.getByLabel('Λέξεις αναζήτησης').fill('');
    await page.getByLabel('Λέξεις αναζήτησης').pressSequentially(query, { delay: 20 });
    await expect.poll(() => page.locator('#search-status').textContent()).toContain(`«${query}»`);
    return page.locator('#search-results h2 a').allTextContents();
  }

  it('walks home → year → month → day → article → topic with prefixed URLs', async () => {
    const page = await open(server.root);
    expect(await page.locator('html').getAttribute('lang')).toBe('el');
    const main = page.locator('main');

    await main.getByRole('link', { name: '2026', exact: true }).click();
    expect(page.url()).toBe(`${server.root}2026/`);
    expect(await page.locator('h1').textContent()).toContain('2026');

    await page
      .locator('main')
      .getByRole('link', { name: /Ιανουάριος/ })
      .first()
      .click();
    expect(page.url()).toBe(`${server.root}2026/01/`);
    expect(await page.locator('h1').textContent()).toBe('Ιανουάριος 2026');

    await page.locator('main table a[href$="/2026/01/27/"]').click();
    expect(page.url()).toBe(`${server.root}2026/01/27/`);

    await page.locator('main').getByRole('link', { name: ARTICLE_TITLE }).click();
    expect(page.url()).toMatch(/\/archive\/2026\/01\/27\/0-synamilisan-[a-z-]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(ARTICLE_TITLE);

    const topic = page.locator('.article-topics a').first();
    const topicName = (await topic.textContent())!;
    await topic.click();
    expect(page.url()).toMatch(/\/archive\/themata\/[a-z-]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(topicName);
    expect(await page.locator('main').getByRole('link', { name: ARTICLE_TITLE }).count()).toBe(1);
    await page.close();
  });

  it('finds the article from the header search link, whatever the accents, case or inflection', async () => {
    const page = await open(server.root);
    await page.locator('header').getByRole('link', { name: 'Αναζήτηση' }).click();
    expect(page.url()).toBe(`${server.root}anazitisi/`);
    expect(await page.locator('h1').textContent()).toBe('Αναζήτηση');
    for (const query of ['ΑΜΥΝΑΣ', 'αμυνα', 'υπουργοι', 'Μπελουσοφ']) {
      expect(await search(page, query), query).toContain(ARTICLE_TITLE);
    }
    // The result leads to the article, under the prefix; the date is shown in Greek.
    const result = page.locator('#search-results li', { hasText: ARTICLE_TITLE });
    expect(await result.locator('time').textContent()).toBe('27 Ιανουαρίου 2026');
    // The excerpt, from the article's page, marks the words found.
    await expect.poll(() => result.locator('.excerpt mark').count()).toBeGreaterThan(0);
    await result.getByRole('link').click();
    expect(page.url()).toMatch(/\/archive\/2026\/01\/27\/0-synamilisan-/);
    await page.close();
  });

  it('keeps the query in the URL and restores it, with filters and order', async () => {
    const page = await open(`${server.root}anazitisi/?q=${encodeURIComponent('υπουργός')}`);
    await page.locator('#search-form[data-ready]').waitFor();
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Βρέθηκαν 2 /);
    expect(await page.getByLabel('Λέξεις αναζήτησης').inputValue()).toBe('υπουργός');

    // Topic names are the Greek ones, with counts; years newest first.
    const topics = await page.locator('#search-topic option').allTextContents();
    expect(topics[0]).toBe('Όλα τα θέματα');
    expect(topics).toContain('Άμυνα (1)');
    expect(await page.locator('#search-year option').allTextContents()).toEqual([
      'Όλα τα έτη',
      '2026 (4)',
      '2025 (1)',
    ]);

    const dates = () =>
      page
        .locator('#search-results time')
        .evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    await page.getByLabel('Σειρά', { exact: true }).selectOption('oldest');
    await expect.poll(dates).toEqual(['2025-12-31', '2026-01-27']);
    await page.getByLabel('Σειρά', { exact: true }).selectOption('newest');
    await expect.poll(dates).toEqual(['2026-01-27', '2025-12-31']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');

    await page.getByLabel('Έτος', { exact: true }).selectOption('2025');
    await expect.poll(dates).toEqual(['2025-12-31']);
    expect(await page.locator('#search-status').textContent()).toBe(
      'Βρέθηκε 1 άρθρο για «υπουργός» το 2025.',
    );
    await page.getByLabel('Έτος', { exact: true }).selectOption('');
    await page.getByLabel('Θέμα', { exact: true }).selectOption('Άμυνα');
    await expect.poll(dates).toEqual(['2026-01-27']);

    // A topic alone, without words, lists its articles newest first.
    await page.getByLabel('Λέξεις αναζήτησης').fill('');
    await page.getByLabel('Θέμα', { exact: true }).selectOption('Κόσμος');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('Βρέθηκαν 2 άρθρα στο θέμα Κόσμος.');
    const listed = await dates();
    expect(listed).toEqual([...listed].sort().reverse());

    const reloaded = await open(page.url());
    await expect.poll(() => reloaded.locator('#search-results li').count()).toBe(2);
    expect(await reloaded.getByLabel('Θέμα', { exact: true }).inputValue()).toBe('Κόσμος');
    await page.close();
    await reloaded.close();
  });

  it('shows results that are valid HTML and pass axe-core, in light and dark mode', async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme, locale: 'el-GR' });
      await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
      await page.goto(`${server.root}anazitisi/?q=${encodeURIComponent('υπουργός')}&sort=newest`);
      await page.locator('#search-results li').first().waitFor();
      problems.push(...(await htmlProblems(await page.content(), `search (${colorScheme})`, true)));
      problems.push(...(await axeViolations(page)));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('writes every page of the fixture as valid HTML', async () => {
    const files = readdirSync(site.out, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && !file.startsWith('search-index'),
    );
    expect(files.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const file of files) {
      problems.push(...(await htmlProblems(readFileSync(path.join(site.out, file), 'utf8'), file)));
    }
    expect(problems).toEqual([]);
  });

  it('says when nothing is found', async () => {
    const page = await open(`${server.root}anazitisi/`);
    expect(await search(page, 'ζζζζζζ')).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toBe(
      'Δεν βρέθηκαν άρθρα για «ζζζζζζ».',
    );
    await page.close();
  });

  it('orders by date across several index shards', async () => {
    // Index the same site again in three date shards (2025-12-31, 2026-01-27, 2026-02-03).
    expect(await indexSite(site.out, { maxPagesPerShard: 2 })).toMatchObject({ shards: 3 });
    const page = await open(
      `${server.root}anazitisi/?q=${encodeURIComponent('ημέρες')}&sort=oldest`,
    );
    const dates = () =>
      page
        .locator('#search-results time')
        .evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
    await expect.poll(async () => (await dates()).length).toBeGreaterThan(1);
    const oldest = await dates();
    expect(oldest).toEqual([...oldest].sort());
    expect(new Set(oldest.map((d) => d.slice(0, 7))).size).toBeGreaterThan(1);
    await page.getByLabel('Σειρά', { exact: true }).selectOption('newest');
    await expect.poll(dates).toEqual([...oldest].reverse());
    // Every shard was asked which buckets of terms it has, and none for a missing one.
    for (const shard of ['2025', '2026-01-27', '2026-02']) {
      const asked = `/archive/search-index/${shard}/buckets.json`;
      expect(server.requests.some((r) => r.path === asked)).toBe(true);
    }
    expect(
      server.requests.filter((r) => r.status !== 200 && r.path.includes('search-index/')),
    ).toEqual([]);
    await page.close();
  });

  it('explains itself without JavaScript, or without an index', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.root}anazitisi/`);
    expect(await page.locator('noscript').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Η αναζήτηση χρειάζεται JavaScript');
    expect(await page.locator('#search-form').isVisible()).toBe(false);
    await noJs.close();

    const missing = await context.newPage();
    await missing.route('**/search-index/shards.json', (route) => route.fulfill({ status: 404 }));
    await missing.goto(`${server.root}anazitisi/`);
    await expect
      .poll(() => missing.locator('#search-status').textContent())
      .toContain('Η αναζήτηση δεν είναι διαθέσιμη');
    await missing.close();
  });

  it('reported no script errors', () => {
    expect(errors).toEqual([]);
  });
});
