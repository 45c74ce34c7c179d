import { createHash } from 'node:crypto';
import type { Article, ArticleRef, NameGroup, NameKind, NameMention } from '../model.ts';
import { greekCollator, toRef } from './build-archive.ts';
import { KeyHash } from './fingerprint.ts';

/** Folders of the pages listing every name of a kind: πρόσωπα, τόποι, φορείς. */
export const NAME_FOLDERS: Readonly<Record<NameKind, string>> = {
  person: 'prosopa',
  place: 'topoi',
  organisation: 'foreis',
};

/** The kinds in `NAME_FOLDERS`' order: their lists' order, and how ties of counts are settled. */
export const NAME_KINDS = Object.keys(NAME_FOLDERS) as NameKind[];
const KIND_NUMBERS = Object.fromEntries(NAME_KINDS.map((kind, i) => [kind, i])) as Readonly<
  Record<NameKind, number>
>;

/** The page listing every name of a kind: `/prosopa/`. */
export function nameIndexUrl(kind: NameKind): string {
  return `/${NAME_FOLDERS[kind]}/`;
}

/** The folder of every name's page, and the page that leads from it to the lists by kind. */
export const NAMES_URL = '/onomata/';

/**
 * A name's page, whatever its kind: `/onomata/kyriak-mitsotak/`. A kind is what most articles
 * make of a name, and a majority can turn; the folder does not, so the address never does.
 */
export function nameUrl(slug: string): string {
  return `${NAMES_URL}${slug}/`;
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
  /** Per name: its key and how many articles mention it. */
  readonly keys: string[] = [];
  readonly counts: number[] = [];
  /** Its key's slug, and how many of its mentions make it each kind (words 3i to 3i + 2). */
  readonly slugs: string[] = [];
  readonly kindCounts: number[] = [];
  /** Per name, its spellings' texts and numbers; per spelling number, how often it is used. */
  readonly spellings: string[][] = [];
  readonly spellingNumbers: number[][] = [];
  readonly spellingCounts: number[] = [];
  /**
   * The name of each mention, article after article, and where each article's mentions end:
   * typed arrays of their final length, outside the collected heap, rather than a 2-million-item
   * array grown by `push` (copies, and fresh memory at each growth).
   */
  readonly mentionNames: Int32Array;
  readonly articleEnds: Int32Array;
  #mentions = 0;
  readonly #spellingName: number[] = [];
  readonly #nameOfKey = new Map<string, number>();
  /** Per mention object, its spelling's number times 4 plus its kind's number. */
  readonly #spellingOf = new Map<NameMention, number>();

  constructor(articles: readonly Article[]) {
    let mentions = 0;
    for (const article of articles) mentions += article.names.length;
    this.mentionNames = new Int32Array(mentions);
    this.articleEnds = new Int32Array(articles.length);
  }

  /** Counts the mentions of the article at `place`. */
  addArticle({ names }: Article, place: number): void {
    for (const mention of names) {
      let found = this.#spellingOf.get(mention);
      if (found === undefined) {
        found = this.#newSpelling(mention) * 4 + KIND_NUMBERS[mention.kind];
        this.#spellingOf.set(mention, found);
      }
      const spelling = found >> 2;
      const name = this.#spellingName[spelling]!;
      this.mentionNames[this.#mentions++] = name;
      this.counts[name]!++;
      this.spellingCounts[spelling]!++;
      this.kindCounts[name * 3 + (found & 3)]!++;
    }
    this.articleEnds[place] = this.#mentions;
  }

  #newSpelling(mention: NameMention): number {
    let name = this.#nameOfKey.get(mention.key);
    if (name === undefined) {
      name = this.keys.length;
      this.#nameOfKey.set(mention.key, name);
      this.keys.push(mention.key);
      this.counts.push(0);
      this.slugs.push(mention.slug);
      this.kindCounts.push(0, 0, 0);
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

  /**
   * The places of the newest articles (`NAME_PAGE_SIZE` at most) of each of `names`, in one
   * list: those of `names[i]` from `starts[i]` to `starts[i + 1]`. Read off the mentions' names
   * once they are counted, into a list of its final length: pushing to one array per name as
   * mentions came cost a fifth of a second in growing arrays.
   */
  newestArticles(names: readonly number[]): { places: Int32Array; starts: Int32Array } {
    const { counts, mentionNames, articleEnds } = this;
    const slot = new Int32Array(counts.length).fill(-1);
    const starts = new Int32Array(names.length + 1);
    names.forEach((name, i) => {
      slot[name] = i;
      starts[i + 1] = starts[i]! + Math.min(counts[name]!, NAME_PAGE_SIZE);
    });
    const places = new Int32Array(starts[names.length]!);
    const next = starts.slice(0, names.length);
    let from = 0;
    articleEnds.forEach((end, place) => {
      for (let m = from; m < end; m++) {
        const i = slot[mentionNames[m]!]!;
        if (i >= 0 && next[i]! < starts[i + 1]!) places[next[i]!++] = place;
      }
      from = end;
    });
    return { places, starts };
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

  /** A name's most common kind; of equally common ones, the first of `NAME_KINDS`. */
  mostCommonKind(name: number): NameKind {
    const counts = this.kindCounts;
    let best = 0;
    for (let kind = 1; kind < NAME_KINDS.length; kind++) {
      if (counts[name * 3 + kind]! > counts[name * 3 + best]!) best = kind;
    }
    return NAME_KINDS[best]!;
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
 * `minArticles` articles mention, filed under the kind most of its mentions give it. A page's
 * URL is its key's slug (`pageSlugs`), so no article added, edited or deleted moves another
 * name's page, nor the links to it on every article that names it.
 */
export function groupNames(newestFirst: readonly Article[], minArticles: number): GroupedNames {
  const tally = new NameTally(newestFirst);
  newestFirst.forEach((article, place) => tally.addArticle(article, place));
  const { keys, counts } = tally;
  const named: number[] = [];
  for (let name = 0; name < keys.length; name++) if (counts[name]! >= minArticles) named.push(name);
  const slugs = pageSlugs(named, tally);
  const { places, starts } = tally.newestArticles(named);
  const groups: NameGroup[] = [];
  const refs: ArticleRef[] = new Array(newestFirst.length);
  // Per name with a page, the digest of its URL and kind as words 2i and 2i + 1.
  const pageKeys = new Int32Array(keys.length * 2);
  const hasPage = new Uint8Array(keys.length);
  named.forEach((name, i) => {
    const key = keys[name]!;
    const kind = tally.mostCommonKind(name);
    const url = nameUrl(slugs[i]!);
    groups.push({
      key,
      kind,
      name: tally.mostCommon(name),
      url,
      count: counts[name]!,
      // One reference per article, however many names list it.
      articles: Array.from(
        places.subarray(starts[i]!, starts[i + 1]!),
        (place) => (refs[place] ??= toRef(newestFirst[place]!)),
      ),
    });
    [pageKeys[name * 2], pageKeys[name * 2 + 1]] = new KeyHash().add(url).add(kind).digestWords();
    hasPage[name] = 1;
  });
  groups.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      greekCollator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : 1),
  );
  return { groups, linksKeys: linksKeys(tally, pageKeys, hasPage) };
}

/**
 * The slugs of the pages of `names`: each key's slug (a short hash of the key for a key with
 * none). Of keys with one slug (`αμαζον` and `amazon`, `ναπολι` and `ναπολη`), the first in
 * code-point order keeps it and the others add a short hash of their key: which one keeps it
 * depends on those keys alone, never on dates or on which article came first.
 */
function pageSlugs(names: readonly number[], { keys, slugs }: NameTally): string[] {
  const chosen = names.map((name) => slugs[name] || keyHash(keys[name]!));
  const holder = new Map<string, number>();
  const hashed: number[] = [];
  chosen.forEach((slug, i) => {
    const other = holder.get(slug);
    if (other === undefined) {
      holder.set(slug, i);
    } else if (keys[names[i]!]! < keys[names[other]!]!) {
      holder.set(slug, i);
      hashed.push(other);
    } else {
      hashed.push(i);
    }
  });
  for (const i of hashed) chosen[i] = `${chosen[i]}-${keyHash(keys[names[i]!]!)}`;
  return chosen;
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
