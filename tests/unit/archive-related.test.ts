import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/archive/build-archive.ts';
import {
  packPlaceLists,
  placeList,
  relatedArticles,
  type PreviousRelated,
} from '../../src/archive/related.ts';
import { articleId } from '../../src/archive/urls.ts';
import type { Article, NameKind } from '../../src/model.ts';

const KINDS: NameKind[] = ['person', 'place', 'organisation'];

interface Spec {
  day: number;
  names: number[];
  keywords: number[];
  topics: number[];
  version: number;
}

function toArticles(specs: readonly Spec[]): Article[] {
  const perDay = new Map<number, number>();
  return specs
    .map((s) => {
      const ordinal = perDay.get(s.day) ?? 0;
      perDay.set(s.day, ordinal + 1);
      const date = new Date(Date.UTC(2026, 0, 1 + s.day)).toISOString().slice(0, 10);
      const names = [...new Set(s.names)].map((n) => ({
        key: `name${n}`,
        name: `Όνομα ${n}`,
        kind: KINDS[n % 3]!,
        count: 1,
        slug: `onoma-${n}`,
      }));
      return {
        id: articleId(date, ordinal),
        date,
        ordinal,
        title: 'Τίτλος',
        source: { file: 'articles/a.txt', line: 1 },
        excerpt: '',
        wordCount: 1,
        readingMinutes: 1,
        topics: [...new Set(s.topics)].map((t) => ({ slug: `t${t}`, name: `Θ${t}`, score: 1 })),
        names,
        keywords: [...new Set(s.keywords)].map((k) => `word${k}`),
        contentHash: JSON.stringify([s.names, s.keywords, s.version]),
        summaryHash: JSON.stringify([s.names, s.keywords, s.version]),
        slug: 'titlos',
        url: `/${date}/${ordinal}/`,
      } satisfies Article;
    })
    .sort(compareArticles);
}

const spec = fc.record({
  day: fc.integer({ min: 0, max: 60 }),
  names: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }),
  keywords: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 6 }),
  topics: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
  version: fc.constant<number>(0),
});

/** Articles drawn from a few features: windows fill up and scores tie. */
function crowded(few: { days: number; keywords: number; minKeywords: number }) {
  return fc.record({
    day: fc.integer({ min: 0, max: few.days }),
    names: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
    keywords: fc.array(fc.integer({ min: 0, max: few.keywords }), {
      minLength: few.minKeywords,
      maxLength: 4,
    }),
    topics: fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 1 }),
    version: fc.constant<number>(0),
  });
}

/** Plants `list` as the previous build's related list of article `i`. */
function plant(previous: PreviousRelated, i: number, list: number[]): void {
  const lists = previous.memo.ids.map((_, k) => [...placeList(previous.memo.related, k)]);
  lists[i] = list;
  previous.memo.related = packPlaceLists(lists);
}

function previousOf(articles: readonly Article[]): PreviousRelated {
  const byHash = new Map(articles.map((a) => [a.contentHash, a]));
  return { memo: relatedArticles(articles).memo, featuresOf: (hash) => byHash.get(hash) };
}

/** An archive, then the same with articles added, removed, edited and retouched. */
function changedArchive(article: fc.Arbitrary<Spec>, size: number) {
  return [
    fc.array(article, { minLength: 1, maxLength: size }),
    fc.array(article, { maxLength: 10 }),
    fc.array(fc.nat(), { maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(), article), { maxLength: 5 }),
    fc.array(fc.nat(), { maxLength: 3 }),
  ] as const;
}

function sameAsFromScratch(
  before: Spec[],
  added: Spec[],
  removed: number[],
  edited: [number, Spec][],
  retouched: number[],
): void {
  const after = [...before];
  // An edit of the text that leaves names, key words and topics as they were.
  for (const at of retouched) {
    const i = at % after.length;
    after[i] = { ...after[i]!, version: after[i]!.version + 1 };
  }
  for (const [at, change] of edited) {
    const i = at % after.length;
    after[i] = { ...change, day: after[i]!.day, version: after[i]!.version + 1 };
  }
  for (const at of removed) if (after.length > 1) after.splice(at % after.length, 1);
  after.push(...added);
  const old = toArticles(before);
  const now = toArticles(after);
  expect(relatedArticles(now, previousOf(old)).lists).toEqual(relatedArticles(now).lists);
}

/**
 * The rule, written plainly: each earlier article scores the weights of the features it shares
 * while among the latest 40 earlier articles with that feature, needs 3, and decays by half a
 * month; the best five win, ties to the later article.
 */
function plainLists(sorted: readonly Article[]): number[][] {
  const weights = { person: 3, organisation: 2, place: 1.5 };
  const featuresOf = (a: Article) =>
    new Map<string, number>([
      ...a.names.map((n): [string, number] => [`n ${n.key}`, weights[n.kind]]),
      ...a.keywords.map((k): [string, number] => [`k ${k}`, 1]),
      ...a.topics.map((t): [string, number] => [`t ${t.slug}`, 0.5]),
    ]);
  const features = sorted.map(featuresOf);
  const day = (a: Article) => Date.parse(a.date) / 86_400_000;
  return sorted.map((article, i) => {
    const scores = new Map<number, number>();
    for (const [feature, weight] of features[i]!) {
      const having = features.slice(0, i).flatMap((f, j) => (f.has(feature) ? [j] : []));
      for (const j of having.slice(-40)) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    return [...scores]
      .filter(([, score]) => score >= 3)
      .map(([j, score]) => [j, score * 2 ** (-(day(article) - day(sorted[j]!)) / 30)] as const)
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, 5)
      .map(([j]) => j);
  });
}

describe('related articles', () => {
  it('follow the rule written plainly, ties and all', () => {
    // Few features and days: equal scores on the same day are common.
    const tied = crowded({ days: 3, keywords: 4, minKeywords: 1 });
    fc.assert(
      fc.property(fc.array(fc.oneof(tied, spec), { minLength: 1, maxLength: 120 }), (specs) => {
        const sorted = toArticles(specs);
        expect(relatedArticles(sorted).lists).toEqual(plainLists(sorted));
      }),
      { numRuns: 200 },
    );
  });

  it('follow it in archives of thousands of features, and articles of hundreds', () => {
    // More features than the postings are first laid out for, and more candidates for one
    // article than its first scratch space holds: both must grow without losing any.
    const wide = fc.record({
      day: fc.integer({ min: 0, max: 30 }),
      names: fc.array(fc.noBias(fc.integer({ min: 0, max: 3000 })), {
        minLength: 20,
        maxLength: 40,
      }),
      keywords: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 20, maxLength: 60 }),
      topics: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
      version: fc.constant<number>(0),
    });
    fc.assert(
      fc.property(fc.array(wide, { minLength: 60, maxLength: 150 }), (specs) => {
        const sorted = toArticles(specs);
        expect(relatedArticles(sorted).lists).toEqual(plainLists(sorted));
      }),
      // Shrinking archives this large would take minutes: the first failure is reported as is.
      { numRuns: 20, endOnFailure: true },
    );
  });

  it('take the later of two equal candidates, even one met after the list is full', () => {
    // Seven articles of one day naming one person: six candidates of equal score for the last.
    const same = { day: 0, names: [0], keywords: [], topics: [], version: 0 };
    const sorted = toArticles(Array.from({ length: 7 }, () => same));
    expect(relatedArticles(sorted).lists[6]).toEqual([5, 4, 3, 2, 1]);
    expect(plainLists(sorted)[6]).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('related articles, computed again only where they may have changed', () => {
  it('equal the lists computed from scratch after any additions, edits and removals', () => {
    fc.assert(fc.property(...changedArchive(spec, 80), sameAsFromScratch), { numRuns: 300 });
  });

  it('equal them too in archives where each feature has more articles than a list looks at', () => {
    // Few features and many articles: an article's window on a feature (the latest 40 earlier
    // articles with it) often ends after a change, which then no longer reaches it.
    const busy = crowded({ days: 200, keywords: 3, minKeywords: 2 });
    fc.assert(fc.property(...changedArchive(busy, 200), sameAsFromScratch), { numRuns: 60 });
  });

  it('keeps the lists that a change is too far back to reach', () => {
    const shared = { names: [], keywords: [1, 2, 3], topics: [0], version: 0 };
    const specs = Array.from({ length: 60 }, (_, day) => ({ day, ...shared }));
    const old = toArticles(specs);
    const previous = previousOf(old);
    // Planted lists, kept only if nothing they read changed.
    plant(previous, 20, []);
    plant(previous, 59, []);
    const edited = toArticles([{ ...specs[0]!, keywords: [1, 2], version: 1 }, ...specs.slice(1)]);
    const { lists } = relatedArticles(edited, previous);
    // Article 20 has article 0 in its window on keyword 3 (19 articles in between): computed.
    expect(lists[20]).toEqual(relatedArticles(edited).lists[20]);
    expect(lists[20]).not.toEqual([]);
    // Article 59 has 58 articles with keyword 3 after article 0: the change is out of reach.
    expect(lists[59]).toEqual([]);
  });

  it('reaches an article whose window on a feature just holds the change', () => {
    // Article 40 shares key words 1, 2 and 3 with article 0 (a score of 3, enough to list it)
    // and key word 1 with the 39 articles in between: its window on key word 1 is articles
    // 0–39. Article 0 dropping key word 1 leaves a score of 2, too low to list.
    const specs = [
      { day: 0, names: [], keywords: [1, 2, 3], topics: [], version: 0 },
      ...Array.from({ length: 39 }, (_, i) => ({
        day: i + 1,
        names: [],
        keywords: [1],
        topics: [],
        version: 0,
      })),
      { day: 40, names: [], keywords: [1, 2, 3], topics: [], version: 0 },
    ];
    const old = toArticles(specs);
    expect(relatedArticles(old).lists[40]).toEqual([0]);
    const edited = toArticles([
      { ...specs[0]!, keywords: [2, 3, 4], version: 1 },
      ...specs.slice(1),
    ]);
    expect(relatedArticles(edited, previousOf(old)).lists[40]).toEqual([]);
  });

  it('reaches an article whose window a removal opens to an older article', () => {
    // Article 41's window on key word 1 holds articles 1–40; article 0, which shares key
    // words 2 and 3 with it too, is just outside. Removing article 1 lets article 0 in.
    const filler = (day: number) => ({ day, names: [], keywords: [1], topics: [], version: 0 });
    const story = (day: number) => ({
      day,
      names: [],
      keywords: [1, 2, 3],
      topics: [],
      version: 0,
    });
    const specs = [story(0), ...Array.from({ length: 40 }, (_, i) => filler(i + 1)), story(41)];
    const old = toArticles(specs);
    expect(relatedArticles(old).lists[41]).toEqual([]);
    const removed = toArticles([specs[0]!, ...specs.slice(2)]);
    expect(relatedArticles(removed, previousOf(old)).lists[40]).toEqual([0]);
  });

  it('reuses the lists of articles that nothing changed touches', () => {
    const shared = { names: [1], keywords: [1, 2, 3], topics: [0], version: 0 };
    const old = toArticles([
      { day: 0, ...shared },
      { day: 1, ...shared },
      { day: 2, names: [5], keywords: [7], topics: [1], version: 0 },
    ]);
    const previous = previousOf(old);
    expect([...placeList(previous.memo.related, 1)]).toEqual([0]);
    // A list the previous build (say) got wrong is kept as long as nothing it reads changed…
    plant(previous, 1, []);
    const added = toArticles([
      { day: 0, ...shared },
      { day: 1, ...shared },
      { day: 2, names: [5], keywords: [7], topics: [1], version: 0 },
      { day: 3, names: [9], keywords: [9], topics: [2], version: 0 },
    ]);
    expect(relatedArticles(added, previous).lists[1]).toEqual([]);
    // …even when an article it lists is edited without a change to what it shares…
    const retouched = toArticles([
      { day: 0, ...shared, version: 1 },
      { day: 1, ...shared },
      { day: 2, names: [5], keywords: [7], topics: [1], version: 0 },
    ]);
    expect(relatedArticles(retouched, previous).lists[1]).toEqual([]);
    // …and computed again once an article sharing one of its features changes them.
    const edited = toArticles([
      { day: 0, ...shared, keywords: [1, 2], version: 1 },
      { day: 1, ...shared },
      { day: 2, names: [5], keywords: [7], topics: [1], version: 0 },
    ]);
    expect(relatedArticles(edited, previous).lists[1]).toEqual([0]);
  });

  it('keeps the lists of earlier articles when news on the same story is added', () => {
    const story = { names: [1], keywords: [1, 2, 3], topics: [0], version: 0 };
    const old = toArticles([
      { day: 0, ...story },
      { day: 1, ...story },
    ]);
    const previous = previousOf(old);
    plant(previous, 1, []);
    const now = toArticles([
      { day: 0, ...story },
      { day: 1, ...story },
      { day: 2, ...story },
    ]);
    const { lists } = relatedArticles(now, previous);
    // The new article lists both; the earlier lists cannot see it and are kept as they were.
    expect(lists[2]).toEqual([1, 0]);
    expect(lists[1]).toEqual([]);
  });

  it('computes everything when an article that is gone cannot be looked up', () => {
    const story = { names: [1], keywords: [1, 2], topics: [0], version: 0 };
    const other = { day: 0, names: [7], keywords: [8], topics: [3], version: 0 };
    const old = toArticles([other, { day: 1, ...story }, { day: 2, ...story }]);
    const previous: PreviousRelated = { ...previousOf(old), featuresOf: () => undefined };
    expect([...placeList(previous.memo.related, 2)]).toEqual([1]);
    plant(previous, 2, []);
    const now = toArticles([
      { day: 1, ...story },
      { day: 2, ...story },
    ]);
    expect(relatedArticles(now, previous).lists).toEqual([[], [0]]);
  });
});
