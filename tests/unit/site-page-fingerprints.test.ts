import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyStore, type StoredArticle } from '../../src/archive/article-store.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { prepareBuild, toArticle } from '../../src/archive/load-archive.ts';
import { Fingerprinted } from '../../src/archive/fingerprint.ts';
import type { ArticleRef, NameGroup, NameKind, NameMention } from '../../src/model.ts';
import {
  namePageKey,
  pageFingerprints,
  planPages,
  siteFingerprint,
  type PageKind,
} from '../../src/site/pages.ts';

/**
 * Incremental builds render a page again only when its fingerprint changed, so a fingerprint
 * must cover everything the page shows. Checked here on pairs of archives that differ by one
 * change: every page whose fingerprint is the same in both must render the same in both.
 */

const NAMES = ['Κυριάκος Μητσοτάκης', 'Αλέξης Τσίπρας', 'Θεσσαλονίκη', 'ΟΗΕ', 'Εμανουέλ Μακρόν'];
const WORDS = ['κυβέρνηση', 'οικονομία', 'σεισμός', 'εκλογές', 'ομάδα', 'μουσείο', 'βουλή'];
/**
 * Made-up words that match no topic and rarely repeat between articles: most related lists
 * stay empty, so a page's neighbours and names are what changes it (or should).
 */
const SYLLABLES = ['κα', 'λο', 'μη', 'ρε', 'τυ', 'φα', 'νι', 'σο'];
const RARE = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `${a}${b}${a}ς`));

interface Draft {
  date: string;
  title: string;
  lead: string;
  body: string;
}

const sentence = (seed: number, names: boolean) => {
  const words = Array.from({ length: 8 }, (_, i) => RARE[(seed * 11 + i * 5) % RARE.length]!);
  if (names) words.splice(2, 0, 'με τον', NAMES[seed % NAMES.length]!);
  return `${words.join(' ')}.`;
};

const draft: fc.Arbitrary<Draft> = fc
  .record({
    day: fc.integer({ min: 1, max: 6 }),
    seed: fc.nat(RARE.length - 1),
    names: fc.boolean(),
  })
  .map(({ day, seed, names }) => ({
    date: `2026-0${1 + (day % 2)}-0${day}`,
    title: `${names ? NAMES[seed % NAMES.length] : 'Ανακοίνωση'} για ${RARE[seed]} ${seed}`,
    lead: sentence(seed, names),
    body: sentence(seed + 1, false),
  }));

type Change =
  | { kind: 'title'; at: number; seed: number }
  | { kind: 'lead'; at: number; seed: number }
  | { kind: 'body'; at: number; seed: number }
  | { kind: 'remove'; at: number }
  | { kind: 'add'; draft: Draft };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('title' as const), at: fc.nat(), seed: fc.nat(50) }),
  fc.record({ kind: fc.constant('lead' as const), at: fc.nat(), seed: fc.nat(50) }),
  fc.record({ kind: fc.constant('body' as const), at: fc.nat(), seed: fc.nat(50) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), draft }),
);

function applyChange(drafts: Draft[], c: Change): Draft[] {
  const next = [...drafts];
  if (c.kind === 'add') return [...next, c.draft];
  const at = c.at % next.length;
  if (c.kind === 'remove') next.splice(at, 1);
  else if (c.kind === 'title') next[at] = { ...next[at]!, title: `Νέα ${RARE[c.seed]} ${c.seed}` };
  else if (c.kind === 'lead') next[at] = { ...next[at]!, lead: sentence(c.seed, true) };
  else next[at] = { ...next[at]!, body: sentence(c.seed, false) };
  return next;
}

const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-fingerprints-'));
let folders = 0;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every page's URL with its fingerprint and its rendering. */
async function site(drafts: readonly Draft[]): Promise<Map<string, [string, string]>> {
  const content = path.join(work, String(folders++));
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  writeFileSync(
    path.join(content, 'site.json'),
    JSON.stringify({ title: 'Αρχείο', url: 'https://example.org/' }),
  );
  // Articles that no change touches, on every topic the words can give: without them a change
  // often adds or removes a topic, which changes every page (the menu lists the topics).
  const anchors = WORDS.map((w, i) => ({
    date: '2026-01-01',
    title: `${w} ${WORDS[(i + 1) % WORDS.length]} ${w}`,
    lead: `${w} ${w} ${w}.`,
    body: `${w} ${WORDS[(i + 2) % WORDS.length]}.`,
  }));
  const byDate = new Map<string, Draft[]>();
  for (const d of anchors) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  for (const d of drafts) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  for (const [date, day] of byDate) {
    const text = day
      .map((d, i) => `date ${date} ${i}\n\n${d.title}\n\n${d.lead}\n\n${d.body}\n`)
      .join('\n');
    writeFileSync(path.join(content, 'articles', `${date}.txt`), text);
  }
  const prepared = await prepareBuild(content, { threads: 1 });
  const options = { pathPrefix: '/' };
  const kinds: PageKind[] = planPages(prepared.archive, prepared.bodies, options);
  const fingerprints = pageFingerprints(kinds, siteFingerprint(prepared.archive, options));
  const pages = new Map<string, [string, string]>();
  for (const k of kinds) {
    for (const item of k.items) {
      const url = k.url(item);
      pages.set(url, [fingerprints.get(url)!, k.render(item)]);
    }
  }
  return pages;
}

describe('page fingerprints', () => {
  it('change whenever the rendered page changes', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(draft, { minLength: 3, maxLength: 10 }),
        change,
        async (drafts, c) => {
          const before = await site(drafts);
          const after = await site(applyChange(drafts, c));
          for (const [url, [fingerprint, html]] of after) {
            const old = before.get(url);
            if (!old || old[0] !== fingerprint) continue;
            compared++;
            expect(html, `${url} after ${JSON.stringify(c)}`).toBe(old[1]);
          }
        },
      ),
      { numRuns: 40 },
    );
    // Most changes leave most pages as they were: the property did compare renderings.
    expect(compared).toBeGreaterThan(100);
  });
});

describe('an article page fingerprint', () => {
  const stored = (date: string, contentHash: string, names: NameMention[]): StoredArticle => ({
    date,
    ordinal: 0,
    title: 'Τίτλος',
    source: { file: 'articles/a.txt', line: 1 },
    excerpt: '',
    wordCount: 10,
    readingMinutes: 1,
    topics: [],
    names,
    keywords: [],
    contentHash,
    summaryHash: `summary-${date}`,
    textLength: 100,
    slug: 'titlos',
  });
  const macron = (kind: NameKind): NameMention => ({
    key: 'μακρον',
    name: 'Μακρόν',
    kind,
    count: 1,
    slug: 'makron',
  });
  const fingerprintsOf = (articles: StoredArticle[]) => {
    const archive = buildArchive(articles.map(toArticle), [], { title: 'Α', description: '' });
    const kinds = planPages(archive, new BodyStore('/nowhere', new Map(), []), { pathPrefix: '/' });
    return pageFingerprints(kinds, siteFingerprint(archive, { pathPrefix: '/' }));
  };

  it('changes when the page of a name it links to is filed under another kind, and only then', () => {
    // Most articles now make Μακρόν an organisation: the newer article's page files him there.
    const later = stored('2026-01-05', 'later', [macron('person')]);
    const older = (version: string, kind: NameKind) => [
      stored('2026-01-01', version, [macron(kind)]),
      stored('2026-01-02', version, [macron(kind)]),
    ];
    const before = fingerprintsOf([...older('v1', 'person'), later]);
    const edited = fingerprintsOf([...older('v2', 'person'), later]);
    const after = fingerprintsOf([...older('v2', 'organisation'), later]);
    for (const fingerprints of [before, edited, after]) {
      expect(fingerprints.has('/onomata/makron/')).toBe(true);
    }
    const url = '/2026/01/05/0-titlos/';
    expect(before.get(url)).toBeDefined();
    expect(edited.get(url)).toBe(before.get(url));
    expect(after.get(url)).not.toBe(before.get(url));
  });

  it('changes when a name the article mentions gets a page, and nothing else about it does', async () => {
    const draftOn = (date: string, lead: string): Draft => ({
      date,
      title: `Ανακοίνωση ${date}`,
      lead,
      body: `${RARE[3]} ${RARE[4]}.`,
    });
    const first = draftOn('2026-01-02', `${RARE[1]} ${RARE[2]} με τον Εμανουέλ Μακρόν ${RARE[5]}.`);
    const filler = draftOn('2026-01-03', `${RARE[6]} ${RARE[7]} ${RARE[8]}.`);
    const second = draftOn('2026-01-04', `${RARE[9]} με τον Εμανουέλ Μακρόν ${RARE[10]}.`);
    // The second mention, two days on, leaves the first article's neighbours as they were.
    const before = await site([first, filler]);
    const after = await site([first, filler, second]);
    const url = [...before.keys()].find((u) => u.startsWith('/2026/01/02/'))!;
    const [oldKey, oldHtml] = before.get(url)!;
    const [newKey, newHtml] = after.get(url)!;
    expect(oldHtml).not.toContain('/onomata/');
    expect(newHtml).toContain('/onomata/emanouel-makron/');
    expect(newKey).not.toBe(oldKey);
  });
});

describe('a name page fingerprint', () => {
  /** A reference that stands in fingerprints as `key`, as the archive's own do. */
  class Ref extends Fingerprinted implements ArticleRef {
    date = '2026-01-01';
    ordinal = 0;
    title = 'Τίτλος';
    url: string;
    excerpt = '';

    constructor(
      readonly id: string,
      key: string,
    ) {
      super(key);
      this.url = `/${id}/`;
    }
  }
  const ref = (id: string, key: string): ArticleRef => new Ref(id, key);
  const group: NameGroup = {
    key: 'μητσοτακ',
    kind: 'person',
    name: 'Κυριάκος Μητσοτάκης',
    url: '/onomata/kyriak-mitsotak/',
    count: 2,
    articles: [ref('a', 'a 1'), ref('b', 'b 1')],
  };

  it('changes with everything the page shows', () => {
    const variants: NameGroup[] = [
      { ...group, name: 'Κ. Μητσοτάκης' },
      { ...group, kind: 'organisation' },
      { ...group, url: '/onomata/mitsotak/' },
      { ...group, count: 3 },
      { ...group, articles: [ref('a', 'a 1')] },
      { ...group, articles: [ref('a', 'a 2'), ref('b', 'b 1')] },
      { ...group, articles: [ref('b', 'b 1'), ref('a', 'a 1')] },
    ];
    const keys = new Set([group, ...variants].map(namePageKey));
    expect(keys.size).toBe(variants.length + 1);
  });
});
