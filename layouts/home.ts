import type { ArticleRef, TopicGroup, YearGroup } from '../src/model.ts';
import { basePage, TOPICS_INDEX_PATH } from './base.ts';
import { barChart, busiestBarText, chartFigure, monthlyBars, yearlyBars } from './charts.ts';
import type { PageContext } from './context.ts';
import { articleCount } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';
import { articleList, countedList } from './list.ts';

export interface HomePageData {
  /** Newest first, as many as the home page should show. */
  latest: readonly ArticleRef[];
  topics: readonly TopicGroup[];
  years: readonly YearGroup[];
}

/**
 * The archive at a glance: articles per year, or per month while the archive spans one year,
 * each bar linking to its page.
 */
function overview(years: readonly YearGroup[], ctx: PageContext): string | false {
  const first = years[0];
  const last = years.at(-1);
  if (!first || !last) return false;
  const single = first === last;
  const bars = single
    ? monthlyBars(first.months, `${first.year}-01`, `${first.year}-12`)
    : yearlyBars(years);
  const total = years.reduce((sum, y) => sum + y.count, 0);
  const period = single ? String(first.year) : `${first.year} – ${last.year}`;
  const summary = `${period}: ${articleCount(total)}. ${busiestBarText(bars)}`;
  const name = single ? `Άρθρα ανά μήνα το ${first.year}` : 'Άρθρα ανά έτος';
  return chartFigure('chart-archive', summary.trim(), barChart(bars, name, ctx));
}

/** The front page: the archive at a glance, newest articles, topics and years. */
export function homePage(data: HomePageData, ctx: PageContext): string {
  const { site } = ctx;
  const body = join([
    `<h1>${escapeHtml(site.title)}</h1>`,
    site.description && `<p class="lead">${escapeHtml(site.description)}</p>`,
    overview(data.years, ctx),
    '<section aria-labelledby="latest-heading">',
    '<h2 id="latest-heading">Πρόσφατα άρθρα</h2>',
    articleList(data.latest, ctx, { headingLevel: 3, showDate: true, showExcerpt: true }),
    '</section>',
    '<section aria-labelledby="topics-heading">',
    '<h2 id="topics-heading">Θέματα</h2>',
    countedList(
      data.topics.map((topic) => ({ url: topic.url, label: topic.name, count: topic.count })),
      ctx,
      'topic-list',
    ),
    `<p><a href="${escapeAttr(ctx.href(TOPICS_INDEX_PATH))}">Όλα τα θέματα</a></p>`,
    '</section>',
    '<section aria-labelledby="years-heading">',
    '<h2 id="years-heading">Αρχείο ανά έτος</h2>',
    countedList(
      data.years.map((year) => ({ url: year.url, label: String(year.year), count: year.count })),
      ctx,
      'year-list',
    ),
    '</section>',
  ]);
  return basePage({
    title: site.title,
    description: site.description,
    body,
    ctx,
    canonicalPath: '/',
  });
}
