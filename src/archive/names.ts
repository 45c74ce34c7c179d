import { createHash } from 'node:crypto';
import type { Article, ArticleRef, NameGroup, NameKind, NameMention } from '../model.ts';
import { greekCollator, toRef } from './build-archive.ts';
import { KeyHash } from './fingerprint.ts';

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
 * The names of an archive's mentions, tallied. Mention objects are shared, one per name,
 * spelling and count (`MentionInterner`), so each is resolved to its name and spelling once, and
 * the 2 million mentions of 100,000 articles only count in arrays: looking each one's key up in
 * a map and comparing its spelling took a second of every rebuild.
 */
class NameTally {
  /** Per name: its key, how many articles mention it, and only the newest of them (by place). */
  readonly keys: string[] = [];
  readonly counts: number[] = [];
  readonly articles: number[][] = [];
  /** Its first mention in time, and that article's place. */
  readonly first: NameMention[] = [];
  readonly oldest: number[] = [];
  /** Per name, its spellings' texts and numbers; per spelling number, how often it is used. */
  readonly spellings: string[][] = [];
  readonly spellingNumbers: number[][] = [];
  readonly spellingCounts: number[] = [];
  /** The name of each mention, article after article, and where each article's mentions end. */
  readonly mentionNames: number[] = [];
  readonly articleEnds: number[] = [];
  readonly #spellingName: number[] = [];
  readonly #nameOfKey = new Map<string, number>();
  readonly #spellingOf = new Map<NameMention, number>();

  /**
   * Counts a mention in the article at `place`. Articles come newest first, so the last
   * mention met of a name is its first in time.
   */
  add(mention: NameMention, place: number): void {
    let spelling = this.#spellingOf.get(mention);
    if (spelling === undefined) {
      spelling = this.#newSpelling(mention);
      this.#spellingOf.set(mention, spelling);
    }
    const name = this.#spellingName[spelling]!;
    this.mentionNames.push(name);
    if (this.counts[name]!++ < NAME_PAGE_SIZE) this.articles[name]!.push(place);
    this.spellingCounts[spelling]!++;
    this.first[name] = mention;
    this.oldest[name] = place;
  }

  #newSpelling(mention: NameMention): number {
    let name = this.#nameOfKey.get(mention.key);
    if (name === undefined) {
      name = this.keys.length;
      this.#nameOfKey.set(mention.key, name);
      this.keys.push(mention.key);
      this.counts.push(0);
      this.articles.push([]);
      this.first.push(mention);
      this.oldest.push(0);
      this.spellings.push([]);
      this.spellingNumbers.push([]);
    }
    const texts = this.spellings[name]!;
    const at = texts.indexOf(mention.name);
    if (at >= 0) return this.spellingNumbers[name]![at]!;
    const spelling = this.spellingCounts.length;
    texts.push(mention.name);
    this.spellingNumbers[name]!.push(spelling);
    this.spellingCounts.push(0);
    this.#spellingName.push(name);
    return spelling;
  }

  /** A name's most common spelling; of equally common ones, the first in Greek order. */
  mostCommon(name: number): string {
    const texts = this.spellings[name]!;
    const counts = this.spellingNumbers[name]!.map((s) => this.spellingCounts[s]!);
    let best = 0;
    for (let i = 1; i < texts.length; i++) {
      const order = counts[i]! - counts[best]! || greekCollator.compare(texts[best]!, texts[i]!);
      if (order > 0) best = i;
    }
    return texts[best]!;
  }
}

/** Name pages, and what each article's page shows of them. */
export interface GroupedNames {
  groups: NameGroup[];
  /**
   * Per article, in the order given, the digest of the pages of the names it mentions (which
   * have one, their URLs and kinds) in order of mention: what its page shows of them, for its
   * fingerprint, read off the tally instead of each mention again. Words 2i and 2i + 1.
   */
  linksKeys: Int32Array;
}

/**
 * Groups the names of all articles by key and plans a page for each name that at least
 * `minArticles` articles mention. A name's URL comes from its first mention in time (its kind
 * and spelling then), and when two names share a slug the one mentioned first keeps it plain
 * while the other gets a short hash of its key: news added later never moves an existing page.
 */
export function groupNames(newestFirst: readonly Article[], minArticles: number): GroupedNames {
  const tally = new NameTally();
  newestFirst.forEach((article, place) => {
    for (const mention of article.names) tally.add(mention, place);
    tally.articleEnds.push(tally.mentionNames.length);
  });
  const { keys, oldest } = tally;
  const inOrderOfFirstMention = keys
    .map((_, name) => name)
    .sort(
      (a, b) => oldest[b]! - oldest[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0),
    );
  const taken = new Set<string>();
  const groups: NameGroup[] = [];
  const refs: ArticleRef[] = new Array(newestFirst.length);
  // Per name with a page, the digest of its URL and kind as words 2i and 2i + 1.
  const pageKeys = new Int32Array(keys.length * 2);
  const hasPage = new Uint8Array(keys.length);
  for (const name of inOrderOfFirstMention) {
    const key = keys[name]!;
    const { kind, slug: firstSlug } = tally.first[name]!;
    const slug = firstSlug || keyHash(key);
    let url = `${nameIndexUrl(kind)}${slug}/`;
    if (taken.has(url)) url = `${nameIndexUrl(kind)}${slug}-${keyHash(key)}/`;
    taken.add(url);
    const count = tally.counts[name]!;
    if (count < minArticles) continue;
    groups.push({
      key,
      kind,
      name: tally.mostCommon(name),
      url,
      count,
      // One reference per article, however many names list it.
      articles: tally.articles[name]!.map((place) => (refs[place] ??= toRef(newestFirst[place]!))),
    });
    [pageKeys[name * 2], pageKeys[name * 2 + 1]] = new KeyHash().add(url).add(kind).digestWords();
    hasPage[name] = 1;
  }
  groups.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      greekCollator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : 1),
  );
  return { groups, linksKeys: linksKeys(tally, pageKeys, hasPage) };
}

function linksKeys(
  { mentionNames, articleEnds }: NameTally,
  pageKeys: Int32Array,
  hasPage: Uint8Array,
): Int32Array {
  const keys = new Int32Array(articleEnds.length * 2);
  let from = 0;
  articleEnds.forEach((end, article) => {
    const key = new KeyHash();
    let linked = 0;
    for (let i = from; i < end; i++) {
      const name = mentionNames[i]!;
      if (!hasPage[name]) continue;
      key.addWords(pageKeys[name * 2]!, pageKeys[name * 2 + 1]!);
      linked++;
    }
    const [a, b] = key.add(String(linked)).digestWords();
    keys[article * 2] = a;
    keys[article * 2 + 1] = b;
    from = end;
  });
  return keys;
}
