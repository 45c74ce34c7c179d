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

/** A few hex digits of a name's key: a slug for a name without one, or to tell two apart. */
function keyHash(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 6);
}

/**
 * What grouping keeps of one name: how many articles mention it, only the newest of them (a
 * page lists no more), and its spellings with their counts in two short arrays (a name has one
 * or a few), so the millions of mentions of a large archive cost no map or array of their own.
 */
interface NameTally {
  count: number;
  articles: Article[];
  spellings: string[];
  spellingCounts: number[];
  /** Its first mention in time, and that article's place counting from the oldest. */
  first: NameMention;
  firstSeen: number;
}

function mostCommon({ spellings, spellingCounts }: NameTally): string {
  let best = 0;
  for (let i = 1; i < spellings.length; i++) {
    const order =
      spellingCounts[i]! - spellingCounts[best]! ||
      greekCollator.compare(spellings[best]!, spellings[i]!);
    if (order > 0) best = i;
  }
  return spellings[best]!;
}

/**
 * Groups the names of all articles by key and plans a page for each name that at least
 * `minArticles` articles mention. A name's URL comes from its first mention in time (its kind
 * and spelling then), and when two names share a slug the one mentioned first keeps it plain
 * while the other gets a short hash of its key: news added later never moves an existing page.
 */
export function buildNameGroups(newestFirst: readonly Article[], minArticles: number): NameGroup[] {
  const byKey = new Map<string, NameTally>();
  for (let index = 0; index < newestFirst.length; index++) {
    const article = newestFirst[index]!;
    for (const mention of article.names) {
      let tally = byKey.get(mention.key);
      if (!tally) {
        tally = {
          count: 0,
          articles: [],
          spellings: [],
          spellingCounts: [],
          first: mention,
          firstSeen: 0,
        };
        byKey.set(mention.key, tally);
      }
      if (tally.count++ < NAME_PAGE_SIZE) tally.articles.push(article);
      const { spellings } = tally;
      let at = 0;
      while (at < spellings.length && spellings[at] !== mention.name) at++;
      if (at === spellings.length) {
        spellings.push(mention.name);
        tally.spellingCounts.push(1);
      } else tally.spellingCounts[at]!++;
      // Newest first: the last mention met is the oldest.
      tally.first = mention;
      tally.firstSeen = newestFirst.length - index;
    }
  }
  const taken = new Set<string>();
  const groups: NameGroup[] = [];
  const inOrderOfFirstMention = [...byKey].sort(
    ([a, x], [b, y]) => x.firstSeen - y.firstSeen || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const [key, g] of inOrderOfFirstMention) {
    const { kind } = g.first;
    const slug = g.first.slug || keyHash(key);
    let url = `${nameIndexUrl(kind)}${slug}/`;
    if (taken.has(url)) url = `${nameIndexUrl(kind)}${slug}-${keyHash(key)}/`;
    taken.add(url);
    if (g.count < minArticles) continue;
    groups.push({
      key,
      kind,
      name: mostCommon(g),
      url,
      count: g.count,
      articles: g.articles.map(toRef),
    });
  }
  return groups.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      greekCollator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : 1),
  );
}
