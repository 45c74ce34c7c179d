import { createHash } from 'node:crypto';
import type { Article, NameGroup, NameKind, NameMention } from '../model.ts';
import { greekCollator, toRef } from './build-archive.ts';

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

function shortHash(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 6);
}

function mostCommon<T extends string>(counts: Map<T, number>): T {
  return [...counts].sort((a, b) => b[1] - a[1] || greekCollator.compare(a[0], b[0]))[0]![0];
}

/**
 * Groups the names of all articles by key and plans a page for each name that at least
 * `minArticles` articles mention. A name's URL comes from its first mention in time (its kind
 * and spelling then), and when two names share a slug the one mentioned first keeps it plain
 * while the other gets a short hash of its key: news added later never moves an existing page.
 */
export function buildNameGroups(newestFirst: readonly Article[], minArticles: number): NameGroup[] {
  const byKey = new Map<
    string,
    { articles: Article[]; names: Map<string, number>; first: NameMention; firstSeen: number }
  >();
  newestFirst.forEach((article, index) => {
    for (const mention of article.names) {
      let group = byKey.get(mention.key);
      if (!group) {
        group = { articles: [], names: new Map(), first: mention, firstSeen: 0 };
        byKey.set(mention.key, group);
      }
      group.articles.push(article);
      group.names.set(mention.name, (group.names.get(mention.name) ?? 0) + 1);
      // Newest first: the last mention met is the oldest.
      group.first = mention;
      group.firstSeen = newestFirst.length - index;
    }
  });
  const taken = new Set<string>();
  const groups: NameGroup[] = [];
  const inOrderOfFirstMention = [...byKey].sort(
    ([a, x], [b, y]) => x.firstSeen - y.firstSeen || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const [key, g] of inOrderOfFirstMention) {
    const { kind } = g.first;
    const slug = g.first.slug || shortHash(key);
    let url = `${nameIndexUrl(kind)}${slug}/`;
    if (taken.has(url)) url = `${nameIndexUrl(kind)}${slug}-${shortHash(key)}/`;
    taken.add(url);
    if (g.articles.length < minArticles) continue;
    groups.push({
      key,
      kind,
      name: mostCommon(g.names),
      url,
      count: g.articles.length,
      articles: g.articles.slice(0, NAME_PAGE_SIZE).map(toRef),
    });
  }
  return groups.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      greekCollator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : 1),
  );
}
