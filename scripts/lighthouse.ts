/**
 * Lighthouse on pages of a built site, in Debian's Chromium: the four category scores of each
 * page. Lighthouse's default settings: a mid-range phone on a slow 4G connection, simulated,
 * so the performance score stands for a slow phone rather than for this machine.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageAudit {
  url: string;
  /** 0–1 per category, as Lighthouse reports them. */
  scores: Record<Category, number>;
  /** Titles of the audits that lost points outside performance, to say what to fix. */
  failures: string[];
}

/** Runs Lighthouse on each URL in turn, in one Chromium. */
export async function auditPages(urls: readonly string[]): Promise<PageAudit[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
  });
  try {
    const audits: PageAudit[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? 0]),
      ) as Record<Category, number>;
      const failures = CATEGORIES.filter((id) => id !== 'performance').flatMap((id) =>
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${id}: ${lhr.audits[ref.id]?.title ?? ref.id}`),
      );
      audits.push({ url, scores, failures });
    }
    return audits;
  } finally {
    await chrome.kill();
  }
}

/**
 * The pages worth auditing in a built site: the newest year page and the newest article (their
 * site paths, e.g. `/2020/` and `/2020/05/11/3-…/`).
 */
export function auditTargets(siteDir: string): { year: string; article: string } {
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`)
    .sort();
  const year = pages.filter((p) => /^\/\d{4}\/$/.test(p)).at(-1);
  const article = pages.filter((p) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(p)).at(-1);
  if (!year || !article) throw new Error(`${siteDir} has no year or article page: build it first`);
  return { year, article };
}
