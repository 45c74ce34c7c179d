import type { TopicGroup, TopicMonthPage } from '../src/model.ts';
import { basePage, TOPICS_INDEX_PATH } from './base.ts';
import { HOME, topicTrail, TOPICS_INDEX } from './breadcrumbs.ts';
import { barChart, busiestBarText, chartFigure, monthlyBars } from './charts.ts';
import type { PageContext } from './context.ts';
import { articleCount, monthKeyHeading, pager } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';
import { articleList, countedList } from './list.ts';

/** The topic's articles per month across the whole archive, as bars. */
function timeline(topic: TopicGroup, ctx: PageContext): string {
  const { first, last } = topic.span;
  const bars = monthlyBars(topic.months, first, last);
  const summary =
    `${monthKeyHeading(first)} – ${monthKeyHeading(last)}: ${articleCount(topic.count)}. ` +
    busiestBarText(bars);
  const name = `Άρθρα του θέματος «${topic.name}» ανά μήνα`;
  return chartFigure('chart-topic', summary.trim(), barChart(bars, name, ctx));
}

/** A topic: its timeline, its newest articles and its months, each linking to its page. */
export function topicPage(topic: TopicGroup, ctx: PageContext): string {
  const count = articleCount(topic.count);
  const months = topic.months.map((month) => ({
    url: month.url,
    label: monthKeyHeading(month.month),
    count: month.count,
  }));
  const body = join([
    `<h1>${escapeHtml(topic.name)}</h1>`,
    `<p class="count">${escapeHtml(count)}</p>`,
    timeline(topic, ctx),
    '<section aria-labelledby="latest-heading">',
    '<h2 id="latest-heading">Πρόσφατα άρθρα</h2>',
    articleList(topic.latest, ctx, { headingLevel: 3, showDate: true, showExcerpt: true }),
    '</section>',
    '<section aria-labelledby="months-heading">',
    '<h2 id="months-heading">Αρχείο ανά μήνα</h2>',
    countedList(months, ctx, 'month-list'),
    '</section>',
  ]);
  return basePage({
    title: topic.name,
    description: `${topic.name}: ${count}`,
    body,
    ctx,
    breadcrumbs: topicTrail({ url: topic.url, label: topic.name }),
    canonicalPath: topic.url,
    topicSlug: topic.slug,
  });
}

/** A topic's articles of one calendar month, newest first as given. */
export function topicMonthPage(page: TopicMonthPage, ctx: PageContext): string {
  const monthHeading = monthKeyHeading(page.month);
  const heading = `${page.name}: ${monthHeading}`;
  const count = articleCount(page.articles.length);
  const body = join([
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="count">${escapeHtml(count)} · ` +
      `<a href="${escapeAttr(ctx.href(page.topicUrl))}">Όλοι οι μήνες του θέματος</a></p>`,
    articleList(page.articles, ctx, { headingLevel: 2, showDate: true, showExcerpt: true }),
    pager(ctx, {
      label: 'Μήνες θέματος',
      previous: page.newer,
      next: page.older,
      previousText: 'Νεότερα:',
      nextText: 'Παλαιότερα:',
    }),
  ]);
  return basePage({
    title: heading,
    description: `${heading}: ${count}`,
    body,
    ctx,
    breadcrumbs: topicTrail(
      { url: page.topicUrl, label: page.name },
      { month: page.month, url: page.url },
    ),
    topicSlug: page.slug,
    canonicalPath: page.url,
  });
}

/** All topics with their counts, in the order given. */
export function topicsIndexPage(topics: readonly TopicGroup[], ctx: PageContext): string {
  const body = join([
    '<h1>Θέματα</h1>',
    countedList(
      topics.map((topic) => ({ url: topic.url, label: topic.name, count: topic.count })),
      ctx,
      'topic-list',
    ),
  ]);
  return basePage({
    title: 'Θέματα',
    description: `Τα θέματα του αρχείου ${ctx.site.title}`,
    body,
    ctx,
    breadcrumbs: [HOME, TOPICS_INDEX],
    canonicalPath: TOPICS_INDEX_PATH,
  });
}
