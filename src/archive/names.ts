import { createHash } from 'node:crypto';
import type { Article, NameGroup, NameKind } from '../model.ts';
import { toRef } from './build-archive.ts';

/** Folders of name pages, by kind: πρόσωπα, τόποι, φορείς. */
export const NAME_FOLDERS: Readonly<Record<NameKind, string>> = {
  person: 'prosopa',
  place: 'topoi',
  organisation: 'foreis',
};

/** The page listing every name of a kind: `/prosopa/`. */
export function nameIndexUrl(kind: NameKind): string {
  return `/${NAME_FOLDERS[kind]}/`;
}

/** How many of a name's articles its page lists (the newest). */
export const NAME_PAGE_SIZE = 100;

const greekCollator = new Intl.Collator('el');

function shortHash(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 6);
}

function mostCommon<T extends string>(counts: Map<T, number>): T {
  return [...counts].sort((a, b) => b[1] - a[1] || greekCollator.compare(a[0], b[0]))[0]![0];
}

/**
 * Groups the names of all articles by key and plans a page for each name that at least
 * `minArticles` articles mention. Two names with the same slug (rare) are told apart by a
 * short hash of their key, except the first in key order, so URLs do not depend on counts.
 */
export function buildNameGroups(newestFirst: readonly Article[], minArticles: number): NameGroup[] {
  const byKey = new Map<
    string,
    {
      articles: Article[];
      names: Map<string, number>;
      kinds: Map<NameKind, number>;
      slugs: Map<string, number>;
    }
  >();
  for (const article of newestFirst) {
    for (const mention of article.names) {
      let group = byKey.get(mention.key);
      if (!group) {
        group = { articles: [], names: new Map(), kinds: new Map(), slugs: new Map() };
        byKey.set(mention.key, group);
      }
      group.articles.push(article);
      group.names.set(mention.name, (group.names.get(mention.name) ?? 0) + 1);
      group.kinds.set(mention.kind, (group.kinds.get(mention.kind) ?? 0) + 1);
      group.slugs.set(mention.slug, (group.slugs.get(mention.slug) ?? 0) + 1);
    }
  }
  const planned = [...byKey]
    .filter(([, g]) => g.articles.length >= minArticles)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => {
      const name = mostCommon(g.names);
      const slug = mostCommon(g.slugs) || shortHash(key);
      return { key, kind: mostCommon(g.kinds), name, slug, articles: g.articles };
    });
  const taken = new Set<string>();
  const groups = planned.map(({ key, kind, name, slug, articles }) => {
    let path = `${nameIndexUrl(kind)}${slug}/`;
    if (taken.has(path)) path = `${nameIndexUrl(kind)}${slug}-${shortHash(key)}/`;
    taken.add(path);
    return {
      key,
      kind,
      name,
      url: path,
      count: articles.length,
      articles: articles.slice(0, NAME_PAGE_SIZE).map(toRef),
    };
  });
  return groups.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      greekCollator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : 1),
  );
}
