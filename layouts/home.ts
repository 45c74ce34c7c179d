import type { ArticleRef, TopicGroup, YearGroup } from '../src/model.ts';
import { basePage, TOPICS_INDEX_PATH } from './base.ts';
import type { PageContext } from './context.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';
import { articleList, countedList } from './list.ts';

export interface HomePageData {
  /** Newest first, as many as the home page should show. */
  latest: readonly ArticleRef[];
  topics: readonly TopicGroup[];
  years: readonly YearGroup[];
}

/** The front page: newest articles, topics and years, in the orders given. */
export function homePage(data: HomePageData, ctx: PageContext): string {
  const { site } = ctx;
  const body = join([
    `<h1>${escapeHtml(site.title)}</h1>`,
    site.description && `<p class="lead">${escapeHtml(site.description)}</p>`,
    '<section aria-labelledby="latest-heading">',
    '<h2 id="latest-heading">Πρόσφατα άρθρα</h2>',
    articleList(data.latest, ctx, { headingLevel: 3, showDate: true }),
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
