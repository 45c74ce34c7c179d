import type { ArticlePage, NameKind, NameLink } from '../src/model.ts';
import { absoluteUrl } from '../src/archive/urls.ts';
import { formatDate, formatLongDate } from '../src/greek/dates.ts';
import { basePage } from './base.ts';
import { articleTrail } from './breadcrumbs.ts';
import type { PageContext } from './context.ts';
import { link, pager, readingTime, timeElement } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';
import { articleList } from './list.ts';

/** How each kind of name is headed on an article page. */
export const NAME_KIND_LABELS: Readonly<Record<NameKind, string>> = {
  person: 'Πρόσωπα',
  place: 'Τόποι',
  organisation: 'Φορείς',
};

/**
 * Each name link's list item, by page context: a link object stands for one name page and
 * spelling, shared by every article that writes the name so (the archive's 2 million mentions
 * are some 60,000 spellings), so its item is made once a build rather than once a mention.
 */
const nameItems = new WeakMap<PageContext, WeakMap<NameLink, string>>();

function namesSection(names: readonly NameLink[], ctx: PageContext): string | false {
  if (names.length === 0) return false;
  let items = nameItems.get(ctx);
  if (!items) nameItems.set(ctx, (items = new WeakMap()));
  const byKind: Record<NameKind, string> = { person: '', place: '', organisation: '' };
  for (const name of names) {
    let item = items.get(name);
    if (item === undefined) items.set(name, (item = `<dd>${link(ctx, name)}</dd>`));
    byKind[name.kind] += item;
  }
  let groups = '';
  for (const kind of Object.keys(NAME_KIND_LABELS) as NameKind[]) {
    if (byKind[kind]) groups += `<dt>${NAME_KIND_LABELS[kind]}</dt>${byKind[kind]}`;
  }
  return join([
    '<section class="article-names" aria-labelledby="names-heading">',
    '<h2 id="names-heading">Στο άρθρο</h2>',
    '<dl>',
    groups,
    '</dl>',
    '</section>',
  ]);
}

/**
 * What the search index reads (search-content.ts): the title, the body and the topics' names,
 * marked `data-search-*`. Navigation, the date line, names, related articles and footers are
 * never searchable; the date comes from the URL.
 */

/**
 * Where a printed article came from, shown on paper only: its address and its date, since
 * paper has no address bar.
 */
function printSource(page: ArticlePage, ctx: PageContext): string {
  const { article } = page;
  const address = ctx.site.url ? absoluteUrl(ctx.site, article.url) : ctx.href(article.url);
  return (
    `<p class="print-only">${escapeHtml(ctx.site.title)} · ${escapeHtml(formatDate(article.date))}` +
    ` · ${escapeHtml(address)}</p>`
  );
}

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
      ...page.topics.map((topic) => `<li>${link(ctx, topic, ' rel="tag" data-search-topic')}</li>`),
      '</ul>',
    ]);
  const body = join([
    '<article class="article">',
    '<header class="article-header">',
    `<h1 data-search-title>${escapeHtml(article.title)}</h1>`,
    '<p class="meta">',
    timeElement(article.date, formatLongDate(article.date)),
    ` <span class="separator" aria-hidden="true">·</span> `,
    `<span class="reading-time">${escapeHtml(readingTime(article.readingMinutes))}</span>`,
    '</p>',
    topics,
    '</header>',
    `<div class="article-body" data-search-body>${bodyHtml}</div>`,
    '<footer class="article-footer">',
    `<p class="day-link"><a href="${escapeAttr(ctx.href(page.day.url))}">Όλα τα άρθρα της ημέρας</a></p>`,
    printSource(page, ctx),
    '</footer>',
    '</article>',
    namesSection(page.names, ctx),
    page.related.length > 0 &&
      join([
        '<section class="related" aria-labelledby="related-heading">',
        '<h2 id="related-heading">Σχετικά άρθρα</h2>',
        articleList(page.related, ctx, { headingLevel: 3, showDate: true, showExcerpt: true }),
        '</section>',
      ]),
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
