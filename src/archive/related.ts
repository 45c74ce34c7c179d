import type { Article, IsoDate, NameKind } from '../model.ts';

export const RELATED_COUNT = 5;
/** How many of the latest earlier articles sharing a feature are looked at, per feature. */
const CANDIDATES_PER_FEATURE = 40;
/** A shared person says most; places (often whole countries) say least. */
const NAME_WEIGHTS: Readonly<Record<NameKind, number>> = { person: 3, organisation: 2, place: 1.5 };
const KEYWORD_WEIGHT = 1;
const TOPIC_WEIGHT = 0.5;
/** Below this, what two articles share is chance: a shared person, or three shared words. */
const MIN_SCORE = 3;
/** A story's coverage fades: the score halves for an article this many days older. */
const HALF_LIFE_DAYS = 30;

function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    86_400_000
  );
}

/** Numbers features as they are met, so postings are an array rather than a map of strings. */
class FeatureIds {
  #count = 0;
  readonly #byKind = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];

  /** `kind`: 0 a name's key, 1 a keyword, 2 a topic's slug. */
  id(kind: 0 | 1 | 2, value: string): number {
    const ids = this.#byKind[kind]!;
    let id = ids.get(value);
    if (id === undefined) {
      id = this.#count++;
      ids.set(value, id);
    }
    return id;
  }
}

/** What an article's related list is computed from. */
export type RelatedFeatures = Pick<Article, 'names' | 'keywords' | 'topics'>;

/** Calls `add` with each feature of an article and its weight. */
function eachFeature(
  article: RelatedFeatures,
  ids: FeatureIds,
  add: (feature: number, weight: number) => void,
): void {
  for (const n of article.names) add(ids.id(0, n.key), NAME_WEIGHTS[n.kind]);
  for (const k of article.keywords) add(ids.id(1, k), KEYWORD_WEIGHT);
  for (const t of article.topics) add(ids.id(2, t.slug), TOPIC_WEIGHT);
}

function features(article: RelatedFeatures, ids: FeatureIds): [number, number][] {
  const pairs: [number, number][] = [];
  eachFeature(article, ids, (feature, weight) => pairs.push([feature, weight]));
  return pairs;
}

/**
 * The features of every article in flat arrays: article `i` has `feature[j]` with `weight[j]`
 * for `start[i] <= j < start[i + 1]`. One array each instead of a pair per feature spares the
 * garbage collector millions of small objects in a large archive.
 */
interface FeatureTable {
  start: Int32Array;
  feature: Int32Array;
  weight: Float64Array;
}

function featureTable(sorted: readonly Article[], ids: FeatureIds): FeatureTable {
  let total = 0;
  for (const a of sorted) total += a.names.length + a.keywords.length + a.topics.length;
  const table = {
    start: new Int32Array(sorted.length + 1),
    feature: new Int32Array(total),
    weight: new Float64Array(total),
  };
  let j = 0;
  const add = (feature: number, weight: number) => {
    table.feature[j] = feature;
    table.weight[j++] = weight;
  };
  sorted.forEach((a, i) => {
    table.start[i] = j;
    eachFeature(a, ids, add);
  });
  table.start[sorted.length] = j;
  return table;
}

/** What one build remembers of its related lists, for the next build to reuse. */
export interface RelatedMemo {
  /** Article ids, oldest first. */
  ids: string[];
  /** Per article, the hash of its text (which finds its features in the previous cache). */
  hashes: string[];
  /** Per article, the ids of its related articles. */
  related: string[][];
}

/** The previous build's lists, made with the same analysis code and taxonomy. */
export interface PreviousRelated {
  memo: RelatedMemo;
  /** An article of the previous build by the hash of its text, or undefined if unknown. */
  featuresOf(contentHash: string): RelatedFeatures | undefined;
}

export interface RelatedLists {
  /** Per article, indices of its related articles in the given order. */
  lists: number[][];
  memo: RelatedMemo;
}

/** Where an article stands in the archive's order. */
type Place = Pick<Article, 'date' | 'ordinal'>;

function precedes(a: Place, b: Place): boolean {
  return a.date < b.date || (a.date === b.date && a.ordinal < b.ordinal);
}

/** The place of an article id, `YYYY-MM-DD-N`. */
function placeOf(id: string): Place {
  return { date: id.slice(0, 10), ordinal: Number(id.slice(11)) };
}

function featureSet(features: readonly [number, number][]): Set<string> {
  return new Set(features.map(([feature, weight]) => `${feature} ${weight}`));
}

/** How many of the first `length` indices satisfy `before`, which holds of a prefix of them. */
function countBefore(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The number of items of an ascending array below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  return countBefore(sorted.length, (i) => sorted[i]! < value);
}

/**
 * Decides, article by article in order, whether its previous list still holds. Gets the
 * postings of the articles before it (in today's indices, per feature), and returns its
 * previous list in today's indices, or undefined when the list must be computed.
 */
type Reuse = (index: number, postings: readonly (number[] | undefined)[]) => number[] | undefined;

/**
 * Which previous lists still hold. An article's list depends only on its own features and, for
 * each of them, on the last `CANDIDATES_PER_FEATURE` earlier articles that have it. So the
 * features whose postings changed are those of articles added or removed, and those an edit
 * added or took away; and a change to a feature's postings reaches only the articles with that
 * feature that have fewer than `CANDIDATES_PER_FEATURE` articles with it between the change and
 * themselves: beyond that, the change is out of their window. A list is kept when its article
 * is unchanged (or edited without a change of features) and no change reaches it.
 */
function reusable(
  sorted: readonly Article[],
  own: FeatureTable,
  ids: FeatureIds,
  previous: PreviousRelated | undefined,
): Reuse {
  const none = () => undefined;
  if (!previous) return none;
  const { memo } = previous;
  const before = new Map(memo.ids.map((id, i) => [id, i]));
  // Per feature whose postings changed, where: the index (today) of the first article after
  // each change. Postings at or after it are the same before and after the change.
  const changes = new Map<number, number[]>();
  const touch = (feature: number, after: number) => {
    const list = changes.get(feature);
    if (list) list.push(after);
    else changes.set(feature, [after]);
  };
  // Articles added, or edited so that their features changed: their own lists are computed.
  const recompute = new Set<number>();
  for (const [index, article] of sorted.entries()) {
    const old = before.get(article.id);
    if (old !== undefined && memo.hashes[old] === article.contentHash) continue;
    const was = old === undefined ? undefined : previous.featuresOf(memo.hashes[old]!);
    if (old !== undefined && !was) return none;
    const then = featureSet(was ? features(was, ids) : []);
    const now = featureSet(features(article, ids));
    const difference = [...then].filter((f) => !now.has(f));
    difference.push(...[...now].filter((f) => !then.has(f)));
    if (old === undefined || difference.length > 0) recompute.add(index);
    for (const f of difference) touch(Number(f.split(' ')[0]), index + 1);
  }
  const indexOf = new Map(sorted.map((a, i) => [a.id, i]));
  for (const [old, id] of memo.ids.entries()) {
    if (indexOf.has(id)) continue;
    const gone = previous.featuresOf(memo.hashes[old]!);
    if (!gone) return none;
    const place = placeOf(id);
    const after = countBefore(sorted.length, (i) => precedes(sorted[i]!, place));
    for (const [feature] of features(gone, ids)) touch(feature, after);
  }
  for (const list of changes.values()) list.sort((a, b) => a - b);
  const reached = (index: number, postings: readonly (number[] | undefined)[]) => {
    for (let j = own.start[index]!; j < own.start[index + 1]!; j++) {
      const feature = own.feature[j]!;
      const afterChanges = changes.get(feature);
      if (afterChanges === undefined) continue;
      // The latest change before this article leaves the fewest articles in between.
      const latest = countBelow(afterChanges, index + 1) - 1;
      if (latest < 0) continue;
      const list = postings[feature] ?? [];
      const between = list.length - countBelow(list, afterChanges[latest]!);
      if (between < CANDIDATES_PER_FEATURE) return true;
    }
    return false;
  };
  return (index, postings) => {
    if (recompute.has(index) || (changes.size > 0 && reached(index, postings))) return undefined;
    const old = before.get(sorted[index]!.id)!;
    const list = memo.related[old]!.map((id) => indexOf.get(id));
    return list.every((i) => i !== undefined) ? (list as number[]) : undefined;
  };
}

/**
 * The best few candidates offered, by score and then by index, highest first: what sorting all
 * of them would put first, without keeping or sorting the hundreds an article can have.
 */
class TopCandidates {
  readonly #size: number;
  readonly #candidates: number[] = [];
  readonly #scores: number[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  clear(): void {
    this.#candidates.length = 0;
    this.#scores.length = 0;
  }

  offer(candidate: number, score: number): void {
    const candidates = this.#candidates;
    const scores = this.#scores;
    let at = candidates.length;
    while (
      at > 0 &&
      (scores[at - 1]! < score || (scores[at - 1] === score && candidates[at - 1]! < candidate))
    )
      at--;
    if (at >= this.#size) return;
    candidates.splice(at, 0, candidate);
    scores.splice(at, 0, score);
    if (candidates.length > this.#size) {
      candidates.pop();
      scores.pop();
    }
  }

  list(): number[] {
    return [...this.#candidates];
  }
}

/**
 * For each article (in the given chronological order), the indices of up to five earlier
 * articles about the same story: shared names weigh most, then shared keywords and topics,
 * and nearer dates win. Only earlier articles are candidates, so adding news never changes
 * an old page's list; an edit reaches only the later articles that share a feature with the
 * edited one, and only those are computed again when `previous` lists are given.
 */
export function relatedArticles(
  sorted: readonly Article[],
  previous?: PreviousRelated,
): RelatedLists {
  const days = Float64Array.from(sorted, (a) => dayNumber(a.date));
  const ids = new FeatureIds();
  const own = featureTable(sorted, ids);
  const reuse = reusable(sorted, own, ids, previous);
  // Scores of the current article's candidates, reset after each article through `touched`.
  const scores = new Float64Array(sorted.length);
  const touched: number[] = [];
  const best = new TopCandidates(RELATED_COUNT);
  const postings: number[][] = [];
  const lists = sorted.map((_, index) => {
    const kept = reuse(index, postings);
    const from = own.start[index]!;
    const to = own.start[index + 1]!;
    if (!kept) {
      for (let j = from; j < to; j++) {
        const list = postings[own.feature[j]!];
        if (!list) continue;
        const weight = own.weight[j]!;
        for (let i = Math.max(0, list.length - CANDIDATES_PER_FEATURE); i < list.length; i++) {
          const candidate = list[i]!;
          if (scores[candidate] === 0) touched.push(candidate);
          scores[candidate]! += weight;
        }
      }
    }
    for (let j = from; j < to; j++) {
      const list = postings[own.feature[j]!];
      if (list) list.push(index);
      else postings[own.feature[j]!] = [index];
    }
    if (kept) return kept;
    best.clear();
    for (const candidate of touched) {
      const shared = scores[candidate]!;
      scores[candidate] = 0;
      if (shared < MIN_SCORE) continue;
      best.offer(candidate, shared * 2 ** (-(days[index]! - days[candidate]!) / HALF_LIFE_DAYS));
    }
    touched.length = 0;
    return best.list();
  });
  return {
    lists,
    memo: {
      ids: sorted.map((a) => a.id),
      hashes: sorted.map((a) => a.contentHash),
      related: lists.map((list) => list.map((i) => sorted[i]!.id)),
    },
  };
}
