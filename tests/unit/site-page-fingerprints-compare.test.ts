/**
 * Comparing two builds' page fingerprints (site/page-fingerprints.ts): by URL, whatever the
 * order, though most pages come in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageFingerprints } from '../../src/site/page-fingerprints.ts';

/** Fingerprints of pages given as [url, word]: each page's two words are `word` and `-word`. */
function fingerprints(...pages: [string, number][]): PageFingerprints {
  return new PageFingerprints(
    pages.map(([url]) => url),
    Int32Array.from(pages.flatMap(([, word]) => [word, -word])),
  );
}

describe('page fingerprints compared', () => {
  const before = fingerprints(['/a/', 1], ['/b/', 2], ['/c/', 3], ['/d/', 4]);

  it('find nothing changed between equal builds', () => {
    expect(
      before.changesFrom(fingerprints(['/a/', 1], ['/b/', 2], ['/c/', 3], ['/d/', 4])),
    ).toEqual({ changed: [], removed: [] });
  });

  it('find a page whose fingerprint changed in either word', () => {
    const now = new PageFingerprints(before.urls, before.words.slice());
    now.words[3] = 99;
    now.words[6] = 99;
    expect(now.changesFrom(before)).toEqual({ changed: ['/b/', '/d/'], removed: [] });
  });

  it('find pages added and removed anywhere, and only those', () => {
    const now = fingerprints(
      ['/new-1/', 9],
      ['/a/', 1],
      ['/c/', 3],
      ['/new-2/', 8],
      ['/d/', 4],
      ['/new-3/', 7],
    );
    expect(now.changesFrom(before)).toEqual({
      changed: ['/new-1/', '/new-2/', '/new-3/'],
      removed: ['/b/'],
    });
  });

  it('compare pages by URL when they come in another order', () => {
    const now = fingerprints(['/d/', 4], ['/c/', 30], ['/b/', 2], ['/a/', 1]);
    expect(now.changesFrom(before)).toEqual({ changed: ['/c/'], removed: [] });
    expect(before.changesFrom(now)).toEqual({ changed: ['/c/'], removed: [] });
  });

  it('find every page new when there was none, and every page gone when there is none', () => {
    const none = fingerprints();
    expect(before.changesFrom(none)).toEqual({
      changed: ['/a/', '/b/', '/c/', '/d/'],
      removed: [],
    });
    expect(none.changesFrom(before)).toEqual({
      changed: [],
      removed: ['/a/', '/b/', '/c/', '/d/'],
    });
  });

  it('give a page its fingerprint as 16 hex digits, and none to an unknown page', () => {
    const page = new PageFingerprints(['/a/'], Int32Array.of(0x01234567, 0x89abcdef | 0));
    expect(page.get('/a/')).toBe('0123456789abcdef');
    expect(page.has('/a/')).toBe(true);
    expect(page.get('/z/')).toBeUndefined();
    expect(page.has('/z/')).toBe(false);
  });

  it('leave out the pages asked for', () => {
    const rest = before.without(['/b/', '/z/']);
    expect(rest.urls).toEqual(['/a/', '/c/', '/d/']);
    expect([...rest.words]).toEqual([1, -1, 3, -3, 4, -4]);
    expect(rest.changesFrom(before)).toEqual({ changed: [], removed: ['/b/'] });
  });

  it('agree with a comparison by map, whatever was added, removed, moved or changed', () => {
    // Pages drawn from few URLs, so that lists share most of them in runs, as builds do.
    const pages = fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3 })),
      {
        selector: ([url]) => url,
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(pages, pages, fc.boolean(), (a, b, sorted) => {
        const order = (list: [number, number][]) =>
          sorted ? [...list].sort((x, y) => x[0] - y[0]) : list;
        const now = fingerprints(
          ...order(a).map(([url, word]): [string, number] => [`/${url}/`, word]),
        );
        const then = fingerprints(
          ...order(b).map(([url, word]): [string, number] => [`/${url}/`, word]),
        );
        const before = new Map(then.urls.map((url) => [url, then.get(url)]));
        expect(now.changesFrom(then)).toEqual({
          changed: now.urls.filter((url) => before.get(url) !== now.get(url)),
          removed: then.urls.filter((url) => !now.has(url)),
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuse words that do not match the URLs', () => {
    expect(() => new PageFingerprints(['/a/'], new Int32Array(3))).toThrow(/3 words for 1 pages/);
  });
});
