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

function features(article: Article, ids: FeatureIds): [number, number][] {
  return [
    ...article.names.map((n): [number, number] => [ids.id(0, n.key), NAME_WEIGHTS[n.kind]]),
    ...article.keywords.map((k): [number, number] => [ids.id(1, k), KEYWORD_WEIGHT]),
    ...article.topics.map((t): [number, number] => [ids.id(2, t.slug), TOPIC_WEIGHT]),
  ];
}

/**
 * For each article (in the given chronological order), the indices of up to five earlier
 * articles about the same story: shared names weigh most, then shared keywords and topics,
 * and nearer dates win. Only earlier articles are candidates, so adding news never changes
 * an old page's list; an edit reaches only the few later articles that may list the edited one.
 */
export function relatedArticles(sorted: readonly Article[]): number[][] {
  const days = Float64Array.from(sorted, (a) => dayNumber(a.date));
  // Scores of the current article's candidates, reset after each article through `touched`.
  const scores = new Float64Array(sorted.length);
  const touched: number[] = [];
  const ids = new FeatureIds();
  const postings: number[][] = [];
  return sorted.map((article, index) => {
    const own = features(article, ids);
    for (const [feature, weight] of own) {
      const list = postings[feature];
      if (!list) continue;
      for (let i = Math.max(0, list.length - CANDIDATES_PER_FEATURE); i < list.length; i++) {
        const candidate = list[i]!;
        if (scores[candidate] === 0) touched.push(candidate);
        scores[candidate]! += weight;
      }
    }
    for (const [feature] of own) {
      const list = postings[feature];
      if (list) list.push(index);
      else postings[feature] = [index];
    }
    const ranked: [number, number][] = [];
    for (const candidate of touched) {
      const shared = scores[candidate]!;
      scores[candidate] = 0;
      if (shared < MIN_SCORE) continue;
      ranked.push([candidate, shared * 2 ** (-(days[index]! - days[candidate]!) / HALF_LIFE_DAYS)]);
    }
    touched.length = 0;
    ranked.sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    return ranked.slice(0, RELATED_COUNT).map(([candidate]) => candidate);
  });
}
