import type { IsoDate, SiteSettings } from '../model.ts';

/**
 * The URL plan. Every URL is lower-case ASCII, site-relative (the deploy path prefix is added
 * at render time) and a function of the page's own data only, so adding articles never moves
 * an existing page.
 */

export function articleId(date: IsoDate, ordinal: number): string {
  return `${date}-${ordinal}`;
}

/** `/2026/01/27/`. Made for every article of every build, so without splitting. */
function datePath(date: IsoDate): string {
  return `/${date.replaceAll('-', '/')}/`;
}

/**
 * The ordinal leads the last segment: (date, ordinal) is unique in a published archive, so the
 * URL is unique by construction even for two articles of a day with the same title, and the
 * readable slug after it may be empty (a title of symbols only).
 */
export function articleUrl(date: IsoDate, ordinal: number, slug: string): string {
  return `${datePath(date)}${slug === '' ? ordinal : `${ordinal}-${slug}`}/`;
}

export function dayUrl(date: IsoDate): string {
  return datePath(date);
}

/** `month` is `YYYY-MM`. */
export function monthUrl(month: string): string {
  return `/${month.replace('-', '/')}/`;
}

export function yearUrl(year: number): string {
  return `/${String(year).padStart(4, '0')}/`;
}

export const TOPICS_URL = '/themata/';

export function topicUrl(slug: string): string {
  return `${TOPICS_URL}${slug}/`;
}

export function topicMonthUrl(slug: string, month: string): string {
  return `${topicUrl(slug)}${month.replace('-', '/')}/`;
}

/** The public base URL with a trailing slash, or `undefined` when the site has none. */
export function baseUrl(site: SiteSettings): string | undefined {
  if (!site.url) return undefined;
  const base = new URL(site.url);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base.href;
}

/**
 * The absolute URL of a site-relative path: the public base URL (which already includes any
 * sub-folder) plus the path without its leading slash.
 * `({ url: 'https://example.org/archive/' }, '/2026/01/27/')` → `https://example.org/archive/2026/01/27/`.
 * Throws when the site has no public URL (feeds and sitemaps cannot exist without one) or when
 * the path would leave the base (`/../`).
 */
export function absoluteUrl(site: SiteSettings, path: string): string {
  const base = baseUrl(site);
  if (base === undefined) {
    throw new Error(
      `The absolute URL of "${path}" needs the site's public URL ("url" in the site settings).`,
    );
  }
  // `./` keeps a first segment with a colon (`a:b`) from being read as a URL scheme.
  const url = new URL(`./${path.replace(/^\/+/, '')}`, base).href;
  if (!url.startsWith(base)) throw new Error(`"${path}" is outside the site at ${base}`);
  return url;
}
