import { nameIndexUrl } from '../src/archive/names.ts';
import type { NameGroup, NameKind } from '../src/model.ts';
import { NAME_KIND_LABELS } from './article.ts';
import { basePage } from './base.ts';
import { HOME } from './breadcrumbs.ts';
import type { PageContext } from './context.ts';
import { articleCount } from './format.ts';
import { escapeHtml, join } from './html.ts';
import { articleList, countedList } from './list.ts';

/** What a name is, in the singular, under its heading. */
const NAME_KIND_SINGULAR: Readonly<Record<NameKind, string>> = {
  person: 'Πρόσωπο',
  place: 'Τόπος',
  organisation: 'Φορέας',
};

/** A person, place or organisation: the newest articles that mention it. */
export function namePage(name: NameGroup, ctx: PageContext): string {
  const count = articleCount(name.count);
  const shown = name.articles.length;
  const body = join([
    `<h1>${escapeHtml(name.name)}</h1>`,
    `<p class="count">${NAME_KIND_SINGULAR[name.kind]} · αναφέρεται σε ${escapeHtml(count)}</p>`,
    '<section aria-labelledby="mentions-heading">',
    `<h2 id="mentions-heading">${shown < name.count ? `Τα ${shown} νεότερα άρθρα` : 'Άρθρα'}</h2>`,
    articleList(name.articles, ctx, { headingLevel: 3, showDate: true, showExcerpt: false }),
    '</section>',
  ]);
  return basePage({
    title: name.name,
    description: `${name.name}: ${count}`,
    body,
    ctx,
    breadcrumbs: [
      HOME,
      { url: nameIndexUrl(name.kind), label: NAME_KIND_LABELS[name.kind] },
      { url: name.url, label: name.name },
    ],
    canonicalPath: name.url,
  });
}

/** Every name of one kind with its count, in the order given (Greek alphabetical). */
export function nameIndexPage(
  kind: NameKind,
  names: readonly NameGroup[],
  ctx: PageContext,
): string {
  const label = NAME_KIND_LABELS[kind];
  const url = nameIndexUrl(kind);
  const body = join([
    `<h1>${label}</h1>`,
    countedList(
      names.map((n) => ({ url: n.url, label: n.name, count: n.count })),
      ctx,
      'name-list',
    ),
  ]);
  return basePage({
    title: label,
    description: `${label} του αρχείου ${ctx.site.title}`,
    body,
    ctx,
    breadcrumbs: [HOME, { url, label }],
    canonicalPath: url,
  });
}
