import type { ArticlePage } from '../src/model.ts';
import { formatLongDate } from '../src/greek/dates.ts';
import { basePage } from './base.ts';
import { articleTrail } from './breadcrumbs.ts';
import type { PageContext } from './context.ts';
import { link, pager, readingTime, timeElement } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';

/**
 * One article. `bodyHtml` is the article body already rendered by markdown-it (trusted);
 * everything else comes from the view model and is escaped.
 */
export function articlePage(page: ArticlePage, bodyHtml: string, ctx: PageContext): string {
  const { article } = page;
  const topics =
    page.topics.length > 0 &&
    join([
      '<ul class="article-topics" aria-label="Θέματα του άρθρου">',
      ...page.topics.map((topic) => `<li>${link(ctx, topic, ' rel="tag"')}</li>`),
      '</ul>',
    ]);
  const body = join([
    '<article class="article">',
    '<header class="article-header">',
    `<h1>${escapeHtml(article.title)}</h1>`,
    '<p class="meta">',
    timeElement(article.date, formatLongDate(article.date)),
    ` <span class="separator" aria-hidden="true">·</span> `,
    `<span class="reading-time">${escapeHtml(readingTime(article.readingMinutes))}</span>`,
    '</p>',
    topics,
    '</header>',
    `<div class="article-body">${bodyHtml}</div>`,
    '<footer class="article-footer">',
    `<p><a href="${escapeAttr(ctx.href(page.day.url))}">Όλα τα άρθρα της ημέρας</a></p>`,
    '</footer>',
    '</article>',
    pager(ctx, {
      label: 'Άρθρα',
      previous: page.previous,
      next: page.next,
      previousText: 'Προηγούμενο άρθρο:',
      nextText: 'Επόμενο άρθρο:',
    }),
  ]);
  return basePage({
    title: article.title,
    description: article.excerpt,
    body,
    ctx,
    breadcrumbs: articleTrail(article.date, page, { url: article.url, label: article.title }),
    canonicalPath: article.url,
    article: page,
  });
}
