import type { IsoDate } from '../model.ts';

/**
 * The URL plan. Every URL is lower-case ASCII, site-relative (the deploy path prefix is added
 * at render time) and a function of the page's own data only, so adding articles never moves
 * an existing page.
 */

export function articleId(date: IsoDate, ordinal: number): string {
  return `${date}-${ordinal}`;
}

function datePath(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `/${year}/${month}/${day}/`;
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
  return `/${year}/`;
}

export const TOPICS_URL = '/themata/';

export function topicUrl(slug: string): string {
  return `${TOPICS_URL}${slug}/`;
}

export function topicMonthUrl(slug: string, month: string): string {
  return `${topicUrl(slug)}${month.replace('-', '/')}/`;
}
