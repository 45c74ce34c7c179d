import type { DayGroup } from '../src/model.ts';
import { formatDate, formatLongDate } from '../src/greek/dates.ts';
import { basePage } from './base.ts';
import { dayTrail } from './breadcrumbs.ts';
import type { PageContext } from './context.ts';
import { articleCount, pager } from './format.ts';
import { escapeHtml, join } from './html.ts';
import { articleList } from './list.ts';

/** The articles of one day, in the order given. */
export function dayPage(day: DayGroup, ctx: PageContext): string {
  const heading = formatLongDate(day.date);
  const count = articleCount(day.articles.length);
  const body = join([
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="count">${escapeHtml(count)}</p>`,
    articleList(day.articles, ctx, { headingLevel: 2, showDate: false, showExcerpt: true }),
    pager(ctx, {
      label: 'Ημέρες',
      previous: day.previous,
      next: day.next,
      previousText: 'Προηγούμενη ημέρα:',
      nextText: 'Επόμενη ημέρα:',
    }),
  ]);
  return basePage({
    title: heading,
    description: `${formatDate(day.date)}: ${count}`,
    body,
    ctx,
    breadcrumbs: dayTrail(day.date, day.url),
    canonicalPath: day.url,
  });
}
