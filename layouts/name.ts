import { nameIndexUrl, NAMES_URL } from '../src/archive/names.ts';
import type { NameGroup, NameKind } from '../src/model.ts';
import { NAME_KIND_LABELS } from './article.ts';
import { basePage } from './base.ts';
import { HOME } from './breadcrumbs.ts';
import type { PageContext } from './context.ts';
import { articleCount, plural } from './format.ts';
import { escapeHtml, join } from './html.ts';
import { articleList, countedList } from './list.ts';

/** What a name is, in the singular, under its heading. */
const NAME_KIND_SINGULAR: Readonly<Record<NameKind, string>> = {
  person: 'Πρόσωπο',
  place: 'Τόπος',
  organisation: 'Φορέας',
};

/** The page of all names' lists, first of each name page's and list's breadcrumbs. */
const NAMES_CRUMB = { url: NAMES_URL, label: 'Ονόματα' };

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
      NAMES_CRUMB,
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
    breadcrumbs: [HOME, NAMES_CRUMB, { url, label }],
    canonicalPath: url,
  });
}

/**
 * The folder of name pages (`/onomata/`), for readers who climb up from a name's address: the
 * lists of names by kind, with how many each has.
 */
export function namesPage(
  counts: readonly (readonly [NameKind, number])[],
  ctx: PageContext,
): string {
  const { label } = NAMES_CRUMB;
  const lists = counts.map(([kind, count]) => ({
    url: nameIndexUrl(kind),
    label: NAME_KIND_LABELS[kind],
    count,
  }));
  const names = (count: number) => plural(count, 'όνομα', 'ονόματα');
  return basePage({
    title: label,
    description: `Πρόσωπα, τόποι και φορείς του αρχείου ${ctx.site.title}`,
    body: `<h1>${label}</h1>${countedList(lists, ctx, 'name-kind-list', names)}`,
    ctx,
    breadcrumbs: [HOME, NAMES_CRUMB],
    canonicalPath: NAMES_URL,
  });
}
