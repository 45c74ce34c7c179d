/**
 * The one markup for lists of articles (day, topic, topic month, home pages) and for lists of
 * links with counts (months of a year, topics, years).
 */
import type { ArticleRef } from '../src/model.ts';
import type { PageContext } from './context.ts';
import { articleCount, timeElement } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';

export interface ArticleListOptions {
  /** Level of each article's title heading: one below the heading above the list. */
  headingLevel: 2 | 3 | 4;
  /** Show each article's date (off on a day page, where every article shares it). */
  showDate: boolean;
  /**
   * Show each article's excerpt: off on name pages, which list up to 100 articles and are a
   * fifth of a large archive's pages; titles and dates keep them quick to scan and to load.
   */
  showExcerpt: boolean;
}

/** Articles in the order given: title link, date, excerpt. */
export function articleList(
  articles: readonly ArticleRef[],
  ctx: PageContext,
  options: ArticleListOptions,
): string {
  if (articles.length === 0) return '<p class="empty">Δεν υπάρχουν άρθρα.</p>';
  const known = options.showExcerpt ? undefined : itemsWithoutExcerpt(ctx, options);
  let items = '';
  for (const article of articles) {
    let item = known?.get(article);
    if (item === undefined) {
      item = listItem(article, ctx, options);
      known?.set(article, item);
    }
    items += item;
  }
  return `<ol class="article-list">${items}</ol>`;
}

function listItem(article: ArticleRef, ctx: PageContext, options: ArticleListOptions): string {
  const h = `h${options.headingLevel}`;
  return join([
    '<li><article class="article-summary">',
    `<${h}><a href="${escapeAttr(ctx.href(article.url))}">${escapeHtml(article.title)}</a></${h}>`,
    options.showDate && `<p class="meta">${timeElement(article.date)}</p>`,
    options.showExcerpt &&
      article.excerpt &&
      `<p class="excerpt">${escapeHtml(article.excerpt)}</p>`,
    '</article></li>',
  ]);
}

/**
 * The items of lists without excerpts, by page context, options and article: those are the name
 * pages' lists, where an article comes back once for each name it mentions that has a page.
 * Short, so keeping one per article costs little; items with excerpts are not kept.
 */
const shortItems = new WeakMap<PageContext, Map<string, WeakMap<ArticleRef, string>>>();

function itemsWithoutExcerpt(
  ctx: PageContext,
  options: ArticleListOptions,
): WeakMap<ArticleRef, string> {
  let byOptions = shortItems.get(ctx);
  if (!byOptions) shortItems.set(ctx, (byOptions = new Map()));
  const key = `${options.headingLevel} ${options.showDate}`;
  let items = byOptions.get(key);
  if (!items) byOptions.set(key, (items = new WeakMap()));
  return items;
}

export interface CountedLink {
  url: string;
  label: string;
  count: number;
}

/**
 * Links each followed by its count, in words: `Ιανουάριος · 3 άρθρα` (`counted` says what is
 * counted; articles unless told).
 */
export function countedList(
  items: readonly CountedLink[],
  ctx: PageContext,
  className: string,
  counted: (count: number) => string = articleCount,
): string {
  if (items.length === 0) return '<p class="empty">Δεν υπάρχουν άρθρα.</p>';
  const rows = items.map(
    (item) =>
      `<li><a href="${escapeAttr(ctx.href(item.url))}">${escapeHtml(item.label)}</a> ` +
      `<span class="count">${escapeHtml(counted(item.count))}</span></li>`,
  );
  return `<ul class="counted-list ${escapeAttr(className)}">${rows.join('')}</ul>`;
}
