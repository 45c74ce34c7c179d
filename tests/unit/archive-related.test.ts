import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/archive/build-archive.ts';
import { relatedArticles, type PreviousRelated } from '../../src/archive/related.ts';
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

function previousOf(articles: readonly Article[]): PreviousRelated {
  const byHash = new Map(articles.map((a) => [a.contentHash, a]));
  return { memo: relatedArticles(articles).memo, featuresOf: (hash) => byHash.get(hash) };
}

describe('related articles, computed again only where they may have changed', () => {
  it('equal the lists computed from scratch after any additions, edits and removals', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 80 }),
        fc.array(spec, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), spec), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (before, added, removed, edited, retouched) => {
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
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reuses the lists of articles that nothing changed touches', () => {
    const shared = { names: [1], keywords: [1, 2, 3], topics: [0], version: 0 };
    const old = toArticles([
      { day: 0, ...shared },
      { day: 1, ...shared },
      { day: 2, names: [5], keywords: [7], topics: [1], version: 0 },
    ]);
    const previous = previousOf(old);
    expect(previous.memo.related[1]).toEqual([old[0]!.id]);
    // A list the previous build (say) got wrong is kept as long as nothing it reads changed…
    previous.memo.related[1] = [];
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
    previous.memo.related[1] = [];
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
    expect(previous.memo.related[2]).toEqual([old[1]!.id]);
    previous.memo.related[2] = [];
    const now = toArticles([
      { day: 1, ...story },
      { day: 2, ...story },
    ]);
    expect(relatedArticles(now, previous).lists).toEqual([[], [0]]);
  });
});
