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

/** A feature's kind: 0 a name's key, 1 a keyword, 2 a topic's slug. */
type FeatureKind = 0 | 1 | 2;

/** What an article's related list is computed from. */
export type RelatedFeatures = Pick<Article, 'names' | 'keywords' | 'topics'>;

/** Calls `each` with each feature of an article and its weight. */
function eachFeature(
  article: RelatedFeatures,
  each: (kind: FeatureKind, value: string, weight: number) => void,
): void {
  for (const n of article.names) each(0, n.key, NAME_WEIGHTS[n.kind]);
  for (const k of article.keywords) each(1, k, KEYWORD_WEIGHT);
  for (const t of article.topics) each(2, t.slug, TOPIC_WEIGHT);
}

/** A list of numbers per feature, in three maps by kind: no string is built to look one up. */
class FeatureLists {
  readonly #byKind = [
    new Map<string, number[]>(),
    new Map<string, number[]>(),
    new Map<string, number[]>(),
  ];

  get(kind: FeatureKind, value: string): number[] | undefined {
    return this.#byKind[kind]!.get(value);
  }

  /** The feature's list, made empty on first use. */
  listOf(kind: FeatureKind, value: string): number[] {
    const lists = this.#byKind[kind]!;
    let list = lists.get(value);
    if (!list) lists.set(value, (list = []));
    return list;
  }

  get size(): number {
    return this.#byKind[0]!.size + this.#byKind[1]!.size + this.#byKind[2]!.size;
  }

  *values(): Generator<number[]> {
    for (const map of this.#byKind) yield* map.values();
  }
}

/**
 * Numbers for features, so that their postings live in typed arrays. Open numbering numbers
 * every feature met; closed numbering only the features given beforehand, which is all an
 * incremental build needs and spares it the postings of every feature of a large archive.
 */
class FeatureNumbers {
  readonly #byKind = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];
  readonly #open: boolean;
  count = 0;

  constructor(open: boolean) {
    this.#open = open;
  }

  add(kind: FeatureKind, value: string): number {
    const numbers = this.#byKind[kind]!;
    let number = numbers.get(value);
    if (number === undefined) numbers.set(value, (number = this.count++));
    return number;
  }

  /** The feature's number, or -1 for a feature closed numbering was not given. */
  get(kind: FeatureKind, value: string): number {
    return this.#open ? this.add(kind, value) : (this.#byKind[kind]!.get(value) ?? -1);
  }
}

/**
 * Lists of articles' places, all in one array: list i is `items` from `starts[i]` up to
 * `starts[i + 1]`. A build reads and writes 100,000 related lists as two arrays, not as
 * 100,000 arrays of its heap.
 */
export interface PlaceLists {
  starts: Int32Array;
  items: Int32Array;
}

/** The lists in one array (`PlaceLists`). */
export function packPlaceLists(lists: readonly (readonly number[])[]): PlaceLists {
  const starts = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (starts[i + 1] = starts[i]! + list.length));
  const items = new Int32Array(starts[lists.length]!);
  lists.forEach((list, i) => items.set(list, starts[i]));
  return { starts, items };
}

/** List `i` of `lists`, as a view of its array. */
export function placeList({ starts, items }: PlaceLists, i: number): Int32Array {
  return items.subarray(starts[i], starts[i + 1]);
}

/** What one build remembers of its related lists, for the next build to reuse. */
export interface RelatedMemo {
  /** Article ids, oldest first. */
  ids: string[];
  /** Per article, the hash of its text (which finds its features in the previous cache). */
  hashes: string[];
  /**
   * Per article, its related articles by their place in `ids`: numbers, so that no build looks
   * up half a million ids to keep or store the lists.
   */
  related: PlaceLists;
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

/** An article's features with their weights, by a text that tells two versions of it apart. */
function featureSet(article: RelatedFeatures | undefined): Map<string, [FeatureKind, string]> {
  const set = new Map<string, [FeatureKind, string]>();
  if (article)
    eachFeature(article, (kind, value, weight) =>
      set.set(`${kind} ${weight} ${value}`, [kind, value]),
    );
  return set;
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
 * Which lists must be computed, with the previous lists (in today's indices) of the others; or
 * undefined when every list must be computed.
 *
 * An article's list depends only on its own features and, for each of them, on the last
 * `CANDIDATES_PER_FEATURE` earlier articles that have it. So the features whose postings
 * changed are those of articles added or removed, and those an edit added or took away; and a
 * change to a feature's postings reaches only the articles with that feature that have fewer
 * than `CANDIDATES_PER_FEATURE` articles with it between the change and themselves: beyond
 * that, the change is out of their window. A list is kept when its article is unchanged (or
 * edited without a change of features) and no change reaches it.
 */
function reusable(
  sorted: readonly Article[],
  previous: PreviousRelated,
): { compute: Set<number>; kept: (number[] | undefined)[] } | undefined {
  const { memo } = previous;
  // Each article of the previous build by its place now (-1 if gone), and the other way round.
  // Both lists are in the archive's order, so one walk matches them, without a map of every
  // id (an article it failed to match would only have its list computed again).
  const now = new Int32Array(memo.ids.length);
  const before = new Int32Array(sorted.length).fill(-1);
  let next = 0;
  memo.ids.forEach((id, old) => {
    if (sorted[next]?.id !== id) {
      const place = placeOf(id);
      while (next < sorted.length && precedes(sorted[next]!, place)) next++;
    }
    const index = sorted[next]?.id === id ? next++ : -1;
    now[old] = index;
    if (index >= 0) before[index] = old;
  });
  // Per feature whose postings changed, where: the index (today) of the first article after
  // each change. Postings at or after it are the same before and after the change.
  const changes = new FeatureLists();
  const touchAll = (features: Iterable<[FeatureKind, string]>, after: number) => {
    for (const [kind, value] of features) changes.listOf(kind, value).push(after);
  };
  // Articles added, or edited so that their features changed: their own lists are computed.
  const compute = new Set<number>();
  for (const [index, article] of sorted.entries()) {
    const old = before[index]!;
    if (old >= 0 && memo.hashes[old] === article.contentHash) continue;
    const was = old < 0 ? undefined : previous.featuresOf(memo.hashes[old]!);
    if (old >= 0 && !was) return undefined;
    const then = featureSet(was);
    const features = featureSet(article);
    const difference = [...then].filter(([f]) => !features.has(f));
    difference.push(...[...features].filter(([f]) => !then.has(f)));
    if (old < 0 || difference.length > 0) compute.add(index);
    touchAll(
      difference.map(([, feature]) => feature),
      index + 1,
    );
  }
  for (const [old, id] of memo.ids.entries()) {
    if (now[old]! >= 0) continue;
    const gone = previous.featuresOf(memo.hashes[old]!);
    if (!gone) return undefined;
    const place = placeOf(id);
    touchAll(
      featureSet(gone).values(),
      countBefore(sorted.length, (i) => precedes(sorted[i]!, place)),
    );
  }
  if (changes.size > 0) {
    let first = sorted.length;
    for (const list of changes.values()) {
      list.sort((a, b) => a - b);
      first = Math.min(first, list[0]!);
    }
    // The postings of the changed features, built in order: at each article they hold the
    // earlier articles with the feature, which tells whether a change is in its window. Those
    // before the first change are never counted, so a new day looks at itself alone.
    const postings = new FeatureLists();
    for (let index = first; index < sorted.length; index++) {
      eachFeature(sorted[index]!, (kind, value) => {
        const afterChanges = changes.get(kind, value);
        if (!afterChanges) return;
        const list = postings.listOf(kind, value);
        // The latest change before this article leaves the fewest articles in between.
        const latest = countBelow(afterChanges, index + 1) - 1;
        if (
          latest >= 0 &&
          list.length - countBelow(list, afterChanges[latest]!) < CANDIDATES_PER_FEATURE
        )
          compute.add(index);
        list.push(index);
      });
    }
  }
  const kept = sorted.map((_, index) => {
    if (compute.has(index)) return undefined;
    const list: number[] = [];
    for (const old of placeList(memo.related, before[index]!)) {
      const place = now[old]!;
      // An article it listed is gone: computed again.
      if (place < 0) {
        compute.add(index);
        return undefined;
      }
      list.push(place);
    }
    return list;
  });
  return { compute, kept };
}

/**
 * The best few candidates offered, by score and then by index, highest first: what sorting all
 * of them would put first, without keeping or sorting the hundreds an article can have. Kept in
 * typed arrays shifted by hand: through `splice` on plain arrays, offers took a sixth of the
 * time of computing 100,000 lists.
 */
class TopCandidates {
  readonly #size: number;
  readonly #candidates: Int32Array;
  readonly #scores: Float64Array;
  #count = 0;

  constructor(size: number) {
    this.#size = size;
    this.#candidates = new Int32Array(size);
    this.#scores = new Float64Array(size);
  }

  clear(): void {
    this.#count = 0;
  }

  offer(candidate: number, score: number): void {
    const candidates = this.#candidates;
    const scores = this.#scores;
    let at = this.#count;
    while (
      at > 0 &&
      (scores[at - 1]! < score || (scores[at - 1] === score && candidates[at - 1]! < candidate))
    )
      at--;
    if (at >= this.#size) return;
    const last = Math.min(this.#count, this.#size - 1);
    candidates.copyWithin(at + 1, at, last);
    scores.copyWithin(at + 1, at, last);
    candidates[at] = candidate;
    scores[at] = score;
    if (this.#count < this.#size) this.#count++;
  }

  /** The lowest score offered that could still get in; 0 until the list is full. */
  get floor(): number {
    return this.#count < this.#size ? 0 : this.#scores[this.#size - 1]!;
  }

  list(): number[] {
    return Array.from(this.#candidates.subarray(0, this.#count));
  }
}

/** An `Int32Array` with room for at least `length` numbers, keeping the first `used`. */
function withRoom(
  array: Int32Array<ArrayBuffer>,
  length: number,
  used: number,
): Int32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const larger = new Int32Array(Math.max(length, array.length * 2));
  larger.set(array.subarray(0, used));
  return larger;
}

/**
 * The lists of the articles `wanted` says, from the postings of their features: the earlier
 * articles sharing most with each, nearer dates first. Closed numbering must know the features
 * of every wanted article.
 *
 * A list only reads the last `CANDIDATES_PER_FEATURE` articles of each feature, so that is all
 * the postings keep: a ring of them per feature, all in one typed array. For 100,000 articles
 * (120 million candidate scores), one growing array per feature took 5.2–6.5 s; the rings
 * and a table of the decay by distance, 3.3–4.6 s.
 */
function computeLists(
  sorted: readonly Article[],
  wanted: (index: number) => boolean,
  numbers: FeatureNumbers,
  lists: (number[] | undefined)[],
): void {
  const window = CANDIDATES_PER_FEATURE;
  // Per feature, how many articles have had it, and the latest `window` of them at
  // `feature * window + (that count mod window)`.
  let seen = new Int32Array(Math.max(numbers.count, 1024));
  let recent = new Int32Array(seen.length * window);
  // Scores of the current article's candidates, reset after each article through `touched`.
  const scores = new Float64Array(sorted.length);
  let touched = new Int32Array(1024);
  const best = new TopCandidates(RELATED_COUNT);
  const own: number[] = [];
  const weights: number[] = [];
  const collect = (kind: FeatureKind, value: string, weight: number) => {
    const feature = numbers.get(kind, value);
    if (feature < 0) return;
    own.push(feature);
    weights.push(weight);
  };
  // Only the articles computed need their day, but any earlier article may be a candidate.
  let last = -1;
  for (let index = 0; index < sorted.length; index++) if (wanted(index)) last = index;
  const days = Float64Array.from(sorted.slice(0, last + 1), (a) => dayNumber(a.date));
  // The decay by days apart, worked out once per distance instead of once per candidate.
  const decay = Float64Array.from(
    { length: last < 0 ? 0 : days[last]! - days[0]! + 1 },
    (_, apart) => 2 ** (-apart / HALF_LIFE_DAYS),
  );
  for (let index = 0; index <= last; index++) {
    own.length = 0;
    weights.length = 0;
    eachFeature(sorted[index]!, collect);
    if (numbers.count > seen.length) {
      seen = withRoom(seen, numbers.count, seen.length);
      recent = withRoom(recent, seen.length * window, recent.length);
    }
    touched = withRoom(touched, own.length * window, 0);
    const computing = wanted(index);
    let touchedCount = 0;
    if (computing) {
      for (let f = 0; f < own.length; f++) {
        const feature = own[f]!;
        const weight = weights[f]!;
        const from = feature * window;
        const to = from + Math.min(seen[feature]!, window);
        for (let i = from; i < to; i++) {
          const candidate = recent[i]!;
          if (scores[candidate] === 0) touched[touchedCount++] = candidate;
          scores[candidate]! += weight;
        }
      }
    }
    for (const feature of own) recent[feature * window + (seen[feature]!++ % window)] = index;
    if (!computing) continue;
    best.clear();
    for (let t = 0; t < touchedCount; t++) {
      const candidate = touched[t]!;
      const shared = scores[candidate]!;
      scores[candidate] = 0;
      // The decay only lowers a score: below the list's floor already, it cannot get in.
      if (shared < MIN_SCORE || shared < best.floor) continue;
      best.offer(candidate, shared * decay[days[index]! - days[candidate]!]!);
    }
    lists[index] = best.list();
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
  const reuse = previous && reusable(sorted, previous);
  const lists: (number[] | undefined)[] = reuse ? reuse.kept : [];
  if (!reuse) computeLists(sorted, () => true, new FeatureNumbers(true), lists);
  else if (reuse.compute.size > 0) {
    const numbers = new FeatureNumbers(false);
    for (const index of reuse.compute)
      eachFeature(sorted[index]!, (kind, value) => numbers.add(kind, value));
    computeLists(sorted, (index) => reuse.compute.has(index), numbers, lists);
  }
  const done = lists as number[][];
  return {
    lists: done,
    memo: {
      ids: sorted.map((a) => a.id),
      hashes: sorted.map((a) => a.contentHash),
      related: packPlaceLists(done),
    },
  };
}
