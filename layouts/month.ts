import type { MonthDayCount, MonthGroup } from '../src/model.ts';
import {
  formatDate,
  monthYearHeading,
  weekdayIndex,
  weekdayNames,
  weekdayShortNames,
} from '../src/greek/dates.ts';
import { upperGreek } from '../src/greek/fold.ts';
import { basePage } from './base.ts';
import { monthTrail } from './breadcrumbs.ts';
import { levelLegend, volumeLevel } from './charts.ts';
import type { PageContext } from './context.ts';
import { articleCount, pager } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';

/**
 * One month: a calendar of its days (weeks start on Monday), each with its article count and
 * shaded by it.
 */
export function monthPage(month: MonthGroup, ctx: PageContext): string {
  const heading = monthYearHeading(month.year, month.monthNumber);
  const count = articleCount(month.count);
  const body = join([
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="count">${escapeHtml(count)}</p>`,
    calendar(month, heading, ctx),
    pager(ctx, {
      label: 'Μήνες',
      previous: month.previous,
      next: month.next,
      previousText: 'Προηγούμενος μήνας:',
      nextText: 'Επόμενος μήνας:',
    }),
  ]);
  return basePage({
    title: heading,
    description: `${heading}: ${count}`,
    body,
    ctx,
    breadcrumbs: monthTrail(month.year, month.monthNumber, month.url),
    canonicalPath: month.url,
  });
}

function calendar(month: MonthGroup, heading: string, ctx: PageContext): string {
  const names = weekdayNames();
  const shortNames = weekdayShortNames();
  const head = names
    .map(
      (name, index) =>
        `<th scope="col"><span aria-hidden="true">${escapeHtml(upperGreek(shortNames[index] ?? name))}</span>` +
        `<span class="visually-hidden">${escapeHtml(name)}</span></th>`,
    )
    .join('');

  const first = month.days[0];
  const max = Math.max(0, ...month.days.map((d) => d.count));
  const cells: string[] = [];
  const leading = first ? weekdayIndex(first.date) : 0;
  for (let i = 0; i < leading; i++) cells.push('<td class="blank"></td>');
  for (const day of month.days) cells.push(dayCell(day, max, ctx));
  while (cells.length % 7 !== 0) cells.push('<td class="blank"></td>');

  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`<tr>${cells.slice(i, i + 7).join('')}</tr>`);

  return join([
    '<table class="calendar">',
    `<caption>Ημερολόγιο άρθρων: ${escapeHtml(heading)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    max > 0 && levelLegend(max, (level) => `cal-${level}`),
  ]);
}

/**
 * A day cell. What a screen reader hears (and the link's name) is the whole phrase,
 * `27 Ιανουαρίου 2026: 3 άρθρα`; what the eye sees is the day number and a count badge.
 */
function dayCell(day: MonthDayCount, max: number, ctx: PageContext): string {
  const spoken = `<span class="visually-hidden">${escapeHtml(`${formatDate(day.date)}: ${articleCount(day.count)}`)}</span>`;
  // The space keeps `1` and `1` apart when the page is read without the stylesheet.
  const shown = join(
    [
      `<span class="day-number" aria-hidden="true">${day.day}</span>`,
      day.count > 0 && `<span class="day-count" aria-hidden="true">${day.count}</span>`,
    ],
    ' ',
  );
  if (day.url && day.count > 0) {
    const level = volumeLevel(day.count, max);
    return `<td class="has-articles cal-${level}"><a href="${escapeAttr(ctx.href(day.url))}">${spoken}${shown}</a></td>`;
  }
  return `<td class="no-articles">${spoken}${shown}</td>`;
}
