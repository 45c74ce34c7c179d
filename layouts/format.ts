/**
 * Small formatting pieces shared by the layouts: Greek counts, `<time>` elements, month keys,
 * previous/next navigation. Formatting only: nothing here groups, sorts or analyses text.
 */
import type { IsoDate, Link } from '../src/model.ts';
import { formatDate, monthYearHeading } from '../src/greek/dates.ts';
import { memo } from '../src/memo.ts';
import type { PageContext } from './context.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';

const greekNumbers = new Intl.NumberFormat('el');

/**
 * A number as Greek readers write it: `1.137`, `2.750`. Remembered: pages show the same few
 * thousand counts again and again, and each formatting took some microseconds.
 */
export const formatNumber = memo((value: number): string => greekNumbers.format(value));

/** Greek count with the right noun form: `1 άρθρο`, `2 άρθρα`, `0 άρθρα`, `1.137 άρθρα`. */
export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** `1 άρθρο` / `3 άρθρα`. */
export function articleCount(count: number): string {
  return plural(count, 'άρθρο', 'άρθρα');
}

/** `1 λεπτό ανάγνωσης` / `3 λεπτά ανάγνωσης`. */
export function readingTime(minutes: number): string {
  return `${plural(minutes, 'λεπτό', 'λεπτά')} ανάγνωσης`;
}

/** `<time datetime="2026-01-27">27 Ιανουαρίου 2026</time>`, or with the text given. */
export function timeElement(date: IsoDate, text: string = formatDate(date)): string {
  return `<time datetime="${escapeAttr(date)}">${escapeHtml(text)}</time>`;
}

/** Year and month of a `YYYY-MM` key. */
export function parseMonthKey(month: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`Not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** `2026-01` → `Ιανουάριος 2026` (nominative, as a heading wants). */
export function monthKeyHeading(month: string): string {
  const parsed = parseMonthKey(month);
  return monthYearHeading(parsed.year, parsed.month);
}

/** `<a href="…">label</a>` with the path prefix applied. */
export function link(ctx: PageContext, target: Link, attributes = ''): string {
  return `<a href="${escapeAttr(ctx.href(target.url))}"${attributes}>${escapeHtml(target.label)}</a>`;
}

export interface PagerOptions {
  /** The navigation's accessible name, e.g. `Ημέρες`. */
  label: string;
  previous?: Link | undefined;
  next?: Link | undefined;
  /** Words shown before the previous/next label, e.g. `Προηγούμενη ημέρα`. */
  previousText: string;
  nextText: string;
}

/** Previous/next links as `<nav aria-label="…">` with `rel="prev"` and `rel="next"`. */
export function pager(ctx: PageContext, options: PagerOptions): string {
  const { previous, next } = options;
  if (!previous && !next) return '';
  const item = (target: Link, rel: 'prev' | 'next', text: string): string =>
    `<li class="pager-${rel}"><a href="${escapeAttr(ctx.href(target.url))}" rel="${rel}">` +
    `<span class="pager-direction">${escapeHtml(text)}</span> ` +
    `<span class="pager-label">${escapeHtml(target.label)}</span></a></li>`;
  return join([
    `<nav class="pager" aria-label="${escapeAttr(options.label)}"><ul>`,
    previous && item(previous, 'prev', options.previousText),
    next && item(next, 'next', options.nextText),
    '</ul></nav>',
  ]);
}
