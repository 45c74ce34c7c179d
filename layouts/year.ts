import type { YearGroup } from '../src/model.ts';
import { monthName } from '../src/greek/dates.ts';
import { basePage } from './base.ts';
import { yearTrail } from './breadcrumbs.ts';
import { yearHeatmap } from './charts.ts';
import type { PageContext } from './context.ts';
import { articleCount, pager } from './format.ts';
import { escapeHtml, join } from './html.ts';
import { countedList } from './list.ts';

/** One year: its days as a heat-map, and its months (nominative names) with their counts. */
export function yearPage(year: YearGroup, ctx: PageContext): string {
  const heading = String(year.year);
  const count = articleCount(year.count);
  const months = year.months.map((month) => ({
    url: month.url,
    label: monthName(month.monthNumber),
    count: month.count,
  }));
  const body = join([
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="count">${escapeHtml(count)}</p>`,
    yearHeatmap(year.year, year.days, ctx),
    '<h2>Μήνες</h2>',
    countedList(months, ctx, 'month-list'),
    pager(ctx, {
      label: 'Έτη',
      previous: year.previous,
      next: year.next,
      previousText: 'Προηγούμενο έτος:',
      nextText: 'Επόμενο έτος:',
    }),
  ]);
  return basePage({
    title: heading,
    description: `${heading}: ${count}`,
    body,
    ctx,
    breadcrumbs: yearTrail(year.year, year.url),
    canonicalPath: year.url,
  });
}
