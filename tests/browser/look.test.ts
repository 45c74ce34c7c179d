/**
 * The real Greek corpus as a reader sees it, built once for the file: every page type fits a
 * phone without sideways scrolling, the charts are there with Greek accessible names, and
 * screenshots of each page type at phone and desktop widths, light and dark, are written to
 * `test-artifacts/screenshots/` for a person to look at. Then Lighthouse on an article and a
 * year page: accessibility, best practices and SEO at 95 or more (performance is a timing,
 * printed by `npm run audit`, not asserted).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPages, auditTargets } from '../../scripts/lighthouse.ts';
import { buildSite, PROJECT_ROOT, SHARED, type BuiltSite } from '../build/helpers.ts';
import { launchChromium, serveSite, type StaticServer } from './helpers.ts';

const REAL = path.join(SHARED, 'corpus/real');
const present = existsSync(path.join(REAL, 'articles'));
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-artifacts/screenshots');
const WIDTHS = [375, 1280];
const SCHEMES = ['light', 'dark'] as const;
/** Accented capitals (and tonos with dialytika): never right in text shown in capitals. */
const ACCENTED = /[ΆΈΉΊΌΎΏΐΰ]|[\u0301\u0344]/u;

describe.skipIf(!present)('the real corpus as a reader sees it', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  /** Site path of one page of each type. */
  let pages: Record<string, string>;

  beforeAll(async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'ephemeris-look-'));
    cpSync(path.join(REAL, 'articles'), path.join(content, 'articles'), { recursive: true });
    // No public URL, as content/site.json ships: what `npm run build` makes.
    writeFileSync(
      path.join(content, 'site.json'),
      JSON.stringify({ title: 'Αρχείο ειδήσεων', description: 'Ειδήσεις στα ελληνικά.' }),
    );
    [site, browser] = await Promise.all([buildSite(content, ['--no-search']), launchChromium()]);
    server = await serveSite(site.out, '/');
    const { year, article } = auditTargets(site.out);
    const day = article.replace(/[^/]+\/$/, '');
    pages = {
      home: '/',
      article,
      day,
      month: day.replace(/\d{2}\/$/, ''),
      year,
      topic: '/themata/ygeia/',
    };
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    url: string,
    width: number,
    colorScheme: (typeof SCHEMES)[number],
  ): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.emulateMedia({ colorScheme });
    const response = await page.goto(`${server.origin}${url}`);
    expect(response?.status(), url).toBe(200);
    return page;
  }

  it('fits every page type into a 320 px wide phone without sideways scrolling', async () => {
    const overflowing: string[] = [];
    for (const [type, url] of Object.entries(pages)) {
      const page = await open(url, 320, 'light');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${type} ${url}: ${width} px`);
      await page.close();
    }
    expect(overflowing).toEqual([]);
  });

  it('writes a screenshot of every page type at phone and desktop widths, light and dark', async () => {
    const problems: string[] = [];
    for (const [type, url] of Object.entries(pages)) {
      for (const width of WIDTHS) {
        for (const scheme of SCHEMES) {
          const page = await open(url, width, scheme);
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width) problems.push(`${type} ${width} ${scheme}: ${scrollWidth} px`);
          // The scheme really applies: the page background follows it.
          const background = await page.evaluate(
            () => getComputedStyle(document.body).backgroundColor,
          );
          const dark = background === 'rgb(20, 21, 23)';
          if (dark !== (scheme === 'dark')) problems.push(`${type} ${scheme}: ${background}`);
          const file = path.join(SCREENSHOTS, `${type}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          if (statSync(file).size < 5_000) problems.push(`${file} is nearly empty`);
          await page.close();
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('draws the year heat-map, topic timeline and home overview with Greek accessible names', async () => {
    const year = await open(pages.year!, 1280, 'light');
    const yearNumber = pages.year!.slice(1, 5);
    for (const half of [
      `Ιανουάριος – Ιούνιος ${yearNumber}`,
      `Ιούλιος – Δεκέμβριος ${yearNumber}`,
    ]) {
      await expect(year.getByRole('group', { name: half }).count()).resolves.toBe(1);
    }
    // Each day with articles is a link named by its <title>, leading to the day's page.
    const dayLinks = year.locator('figure.chart-year svg a');
    expect(await dayLinks.count()).toBeGreaterThan(10);
    const first = dayLinks.first();
    const name = await first.evaluate((a) => a.querySelector('title')?.textContent ?? '');
    expect(name).toMatch(/^\d{1,2} \p{Script=Greek}+ \d{4}: [\d.]+ άρθρ(ο|α)$/u);
    await expect(year.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    await first.click();
    await year.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\/$/);
    await year.close();

    const topic = await open(pages.topic!, 375, 'dark');
    await expect(
      topic.getByRole('group', { name: 'Άρθρα του θέματος «Υγεία» ανά μήνα' }).count(),
    ).resolves.toBe(1);
    await topic.close();

    const home = await open('/', 375, 'light');
    await expect(home.getByRole('group', { name: 'Άρθρα ανά έτος' }).count()).resolves.toBe(1);
    await home.close();
  });

  it('shows its capitals without accents, whether written so or made so by CSS', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const [type, url] of Object.entries(pages)) {
      const page = await open(url, 1280, 'light');
      // What the layouts write in capitals (chart labels, calendar headers), and anything the
      // stylesheet would upper-case, as Chromium renders it (innerText applies text-transform).
      const capitals = await page.evaluate(() => [
        ...[...document.querySelectorAll('svg text, .calendar th [aria-hidden]')].map(
          (element) => element.textContent ?? '',
        ),
        ...[...document.querySelectorAll<HTMLElement>('body *')]
          .filter((element) => getComputedStyle(element).textTransform === 'uppercase')
          .map((element) => element.innerText),
      ]);
      checked += capitals.length;
      for (const text of capitals) if (ACCENTED.test(text)) found.push(`${type}: ${text}`);
      await page.close();
    }
    expect(checked).toBeGreaterThan(20);
    expect([...new Set(found)]).toEqual([]);
  });

  it('scores 95 or more in Lighthouse accessibility, best practices and SEO', async () => {
    const { year, article } = auditTargets(site.out);
    const audits = await auditPages([article, year].map((p) => `${server.origin}${p}`));
    const low = audits.flatMap((audit) =>
      (['accessibility', 'best-practices', 'seo'] as const)
        .filter((category) => audit.scores[category] < 0.95)
        .map((category) => `${audit.url} ${category} ${audit.scores[category]}`),
    );
    expect(low, audits.flatMap((a) => a.failures).join('\n')).toEqual([]);
  }, 180_000);
});
