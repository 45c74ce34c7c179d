/**
 * Breadcrumb trails. A page's own URL is the one its view model gives; the year and month pages
 * above a date page come from the archive's URL plan, the one place URLs are decided.
 */
import { monthUrl, yearUrl } from '../src/archive/urls.ts';
import type { IsoDate, Link } from '../src/model.ts';
import { monthName } from '../src/greek/dates.ts';
import { monthKeyHeading } from './format.ts';
import { TOPICS_INDEX_PATH } from './base.ts';

export const HOME: Link = { url: '/', label: 'Αρχική' };
export const TOPICS_INDEX: Link = { url: TOPICS_INDEX_PATH, label: 'Θέματα' };

function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Αρχική › 2026 */
export function yearTrail(year: number, url: string = yearUrl(year)): Link[] {
  return [HOME, { url, label: String(year) }];
}

/** Αρχική › 2026 › Ιανουάριος */
export function monthTrail(year: number, month: number, url?: string): Link[] {
  const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return [...yearTrail(year), { url: url ?? monthUrl(key), label: monthName(month) }];
}

/** Αρχική › 2026 › Ιανουάριος › 27 */
export function dayTrail(date: IsoDate, url: string): Link[] {
  const { year, month, day } = dateParts(date);
  return [...monthTrail(year, month), { url, label: String(day) }];
}

/** Αρχική › Θέματα › Οικονομία (› Ιανουάριος 2026) */
export function topicTrail(topic: Link, month?: { month: string; url: string }): Link[] {
  const trail = [HOME, TOPICS_INDEX, topic];
  return month ? [...trail, { url: month.url, label: monthKeyHeading(month.month) }] : trail;
}

/** The day of an article page with explicit year and month links. */
export function articleTrail(
  date: IsoDate,
  links: { year: Link; month: Link; day: Link },
  article: Link,
): Link[] {
  const { year, month, day } = dateParts(date);
  return [
    HOME,
    { url: links.year.url, label: String(year) },
    { url: links.month.url, label: monthName(month) },
    { url: links.day.url, label: String(day) },
    article,
  ];
}
