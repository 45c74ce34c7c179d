/**
 * The search index's format and engine together: shards written from article pages
 * (search-shard.ts) and searched as the search page does (search-engine.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldedStopwords } from '../../src/greek/stopwords.ts';
import { excerpt, parseQuery, SearchEngine } from '../../src/site/search-engine.ts';
import {
  bucketOf,
  decodeGaps,
  decodePostings,
  encodePosting,
  queryWords,
  type SearchManifest,
} from '../../src/site/search-format.ts';
import { writeShard } from '../../src/site/search-shard.ts';

const STOPWORDS = new Set(foldedStopwords());

describe('the format', () => {
  it('encodes a posting as gap, title and count, the count capped', () => {
    const encoded = [
      encodePosting(3, true, 1),
      encodePosting(2, false, 2),
      encodePosting(10, false, 40),
    ];
    expect(decodePostings(encoded)).toEqual([
      { doc: 3, inTitle: true, count: 1 },
      { doc: 5, inTitle: false, count: 2 },
      { doc: 15, inTitle: false, count: 4 },
    ]);
    expect(decodeGaps([2, 1, 5])).toEqual([2, 3, 8]);
  });

  it('names buckets by the first two letters, in ASCII', () => {
    expect(bucketOf('υπουργ')).toBe(bucketOf('υποθεσ'));
    expect(bucketOf('υπουργ')).not.toBe(bucketOf('υλη'));
    for (const term of ['υπουργ', 'a', '2026', 'ß']) expect(bucketOf(term)).toMatch(/^[a-z0-9-]+$/);
  });

  it('splits words at hyphens, apostrophes and between letters and digits, and folds them', () => {
    expect(queryWords('ΑΠΕ-ΜΠΕ σ’ ΆΜΥΝΑ COVID19 Ρίχτερ')).toEqual([
      'απε',
      'μπε',
      'σ',
      'αμυνα',
      'covid',
      '19',
      'ριχτερ',
    ]);
  });

  it('leaves out function words and takes the last word as a beginning while it is typed', () => {
    expect(parseQuery('οι υπουργοί της', STOPWORDS)).toEqual([
      { stem: 'υπουργ', prefix: 'υπουργοι' },
    ]);
    expect(parseQuery('υπουργοί ', STOPWORDS)).toEqual([{ stem: 'υπουργ' }]);
    expect(parseQuery('Άμυνας κυ', STOPWORDS)).toEqual([
      { stem: parseQuery('αμυνα ', STOPWORDS)[0]!.stem },
      // Too short to be a beginning worth searching.
      { stem: 'κυ' },
    ]);
    expect(parseQuery('και του', STOPWORDS)).toEqual([]);
  });
});

/** An article page as layouts/article.ts marks it. */
function articleHtml(title: string, paragraphs: string[], topics: string[]): string {
  return (
    `<!doctype html><html lang="el"><body><main><article class="article"><header>` +
    `<h1 data-search-title>${title}</h1><ul class="article-topics">` +
    topics.map((t) => `<li><a href="/t/" rel="tag" data-search-topic>${t}</a></li>`).join('') +
    `</ul></header><div class="article-body" data-search-body>` +
    paragraphs.map((p) => `<p>${p}</p>`).join('') +
    `</div><footer>Κυβέρνηση</footer></article></main></body></html>`
  );
}

describe('an index written and searched', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-search-engine-'));
  const site = path.join(work, 'site');
  const index = path.join(work, 'index');
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let engine: SearchEngine;
  const loaded: string[] = [];

  const articles: [string, string, string[], string[]][] = [
    [
      '2025-12-30',
      'Η κυβέρνηση και ο προϋπολογισμός',
      ['Ψηφίστηκε ο προϋπολογισμός.'],
      ['Πολιτική'],
    ],
    ['2025-12-31', 'Σεισμός στην Κρήτη', ['Η κυβέρνηση έστειλε κλιμάκιο.'], ['Ελλάδα']],
    ['2026-01-02', 'Νέα μέτρα', ['Η κυβέρνηση, η κυβέρνηση, πάλι η κυβέρνηση.'], ['Πολιτική']],
    ['2026-01-02', 'Κυβερνητικός εκπρόσωπος', ['Δηλώσεις για τον σεισμό.'], ['Ελλάδα', 'Πολιτική']],
    ['2026-01-03', 'Αθλητικά', ['Ο Ολυμπιακός νίκησε.'], ['Αθλητισμός']],
  ];

  beforeAll(async () => {
    articles.forEach(([date, title, body, topics], i) => {
      const dir = path.join(site, ...date.split('-'), `${i}-article`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'index.html'), articleHtml(title, body, topics));
    });
    const dates = [...new Set(articles.map(([date]) => date))];
    const result = writeShard({ outDir: site, dates, bundle: path.join(index, 'all') });
    const manifest: SearchManifest = {
      version: 2,
      engine: '',
      pages: result.pages,
      stopwords: [...STOPWORDS],
      shards: [{ path: 'all/', from: dates[0]!, to: dates.at(-1)!, ...result }],
    };
    expect(result.fingerprints.map(([date]) => date)).toEqual(dates);
    writeFileSync(path.join(index, 'shards.json'), JSON.stringify(manifest));
    engine = await SearchEngine.open(async (file) => {
      loaded.push(file);
      return JSON.parse(readFileSync(path.join(index, file), 'utf8'));
    });
  });

  const titles = async (
    q: string,
    options: { topic?: string; year?: string; sort?: '' | 'newest' | 'oldest' } = {},
  ) => (await engine.details(await engine.search({ q, ...options }))).map((f) => f.title);

  it('counts topics and years for the filters', () => {
    expect(engine.counts()).toEqual({
      topics: { Πολιτική: 3, Ελλάδα: 2, Αθλητισμός: 1 },
      years: { 2025: 2, 2026: 3 },
    });
  });

  it('ranks the title and repeated words higher, and ties newest first', async () => {
    expect(await titles('κυβέρνηση ')).toEqual([
      'Η κυβέρνηση και ο προϋπολογισμός',
      'Νέα μέτρα',
      'Σεισμός στην Κρήτη',
    ]);
    expect(await titles('σεισμός ')).toEqual(['Σεισμός στην Κρήτη', 'Κυβερνητικός εκπρόσωπος']);
  });

  it('matches a beginning of the last word only, and needs every word', async () => {
    expect(await titles('κυβερν')).toHaveLength(4);
    expect(await titles('κυβερν σεισμ')).toEqual([]);
    // The rarer word of a title weighs more: «Κυβερνητικός» is in one article, «κυβέρνηση» in three.
    expect(await titles('σεισμός κυβερν')).toEqual([
      'Κυβερνητικός εκπρόσωπος',
      'Σεισμός στην Κρήτη',
    ]);
    expect(await titles('σεισμός ολυμπιακός')).toEqual([]);
  });

  it('orders by date and filters by topic and year', async () => {
    expect(await titles('κυβέρνηση ', { sort: 'oldest' })).toEqual([
      'Η κυβέρνηση και ο προϋπολογισμός',
      'Σεισμός στην Κρήτη',
      'Νέα μέτρα',
    ]);
    expect(await titles('κυβέρνηση ', { year: '2025', sort: 'newest' })).toEqual([
      'Σεισμός στην Κρήτη',
      'Η κυβέρνηση και ο προϋπολογισμός',
    ]);
    expect(await titles('κυβέρνηση ', { topic: 'Ελλάδα' })).toEqual(['Σεισμός στην Κρήτη']);
    // Filters alone list the newest first.
    expect(await titles('', { topic: 'Πολιτική', year: '2026' })).toEqual([
      'Κυβερνητικός εκπρόσωπος',
      'Νέα μέτρα',
    ]);
    expect(await titles('')).toEqual([]);
  });

  it('gives each article its path and date, and reads only the files a query needs', async () => {
    const [found] = await engine.details(await engine.search({ q: 'ολυμπιακός' }));
    expect(found).toEqual({ path: '2026/01/03/4-article/', title: 'Αθλητικά', date: '2026-01-03' });
    const shardFiles = readdirSync(path.join(index, 'all'));
    const asked = new Set(loaded);
    expect(asked.size).toBeLessThan(shardFiles.length);
    // A word of no bucket asks for no file.
    const before = loaded.length;
    expect(await titles('ωωωω')).toEqual([]);
    expect(loaded.length).toBe(before);
  });

  it('does not index function words or the page outside the title and body', async () => {
    expect(await titles('και ')).toEqual([]);
    // «Κυβέρνηση» in every page's footer: only the four articles that say it are found.
    expect(await titles('κυβερνηση ')).toHaveLength(3);
  });
});

describe('excerpt', () => {
  const text =
    'Η συνεδρίαση άρχισε νωρίς. Στη Βουλή συζητήθηκαν πολλά θέματα της επικαιρότητας και ' +
    'πολλές τροπολογίες. Ο υπουργός Άμυνας μίλησε για την άμυνα της χώρας και για τις ' +
    'αμυντικές δαπάνες. Η συζήτηση έληξε αργά.';
  const shown = (q: string, length?: number) =>
    excerpt(text, q, STOPWORDS, length)
      .map((p) => (p.mark ? `[${p.text}]` : p.text))
      .join('');

  it('marks the words found, whatever their accents, case or ending', () => {
    expect(shown('ΑΜΥΝΑ ', 60)).toContain('υπουργός [Άμυνας] μίλησε για την [άμυνα] της');
  });

  it('shows the stretch with the most words found, with what comes before it', () => {
    const result = shown('άμυνα ', 12);
    expect(result.startsWith('… ')).toBe(true);
    expect(result.endsWith(' …')).toBe(true);
    expect(result).toContain('[Άμυνας]');
    expect(result).toContain('[άμυνα]');
  });

  it('shows the beginning when nothing is found, and nothing of an empty text', () => {
    expect(shown('ολυμπιακός ', 4)).toBe('Η συνεδρίαση άρχισε νωρίς …');
    expect(excerpt('', 'άμυνα', STOPWORDS)).toEqual([]);
  });
});

describe('a shard of many distinct words', () => {
  it('keeps every word found as its table of words grows', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-search-words-'));
    try {
      // 70,000 distinct four-letter words, more than the table's first 65,536 slots hold.
      const letters = 'αβγδεζηθικλμνξοπρστυφχψω';
      const word = (n: number) =>
        [0, 1, 2, 3]
          .map((k) => letters[Math.floor(n / letters.length ** k) % letters.length])
          .join('');
      const words = Array.from({ length: 70_000 }, (_, n) => word(n));
      const dir = path.join(work, 'site/2026/01/02/0-many');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'index.html'), articleHtml('Λέξεις', [words.join(' ')], []));
      const other = path.join(work, 'site/2026/01/02/1-few');
      mkdirSync(other, { recursive: true });
      writeFileSync(
        path.join(other, 'index.html'),
        articleHtml('Λίγες', [words.slice(0, 5).join(' ')], []),
      );
      const result = writeShard({
        outDir: path.join(work, 'site'),
        dates: ['2026-01-02'],
        bundle: path.join(work, 'index/all'),
      });
      const manifest: SearchManifest = {
        version: 2,
        engine: '',
        pages: result.pages,
        stopwords: [...STOPWORDS],
        shards: [{ path: 'all/', from: '2026-01-02', to: '2026-01-02', ...result }],
      };
      const engine = new SearchEngine(manifest, async (file) =>
        JSON.parse(readFileSync(path.join(work, 'index', file), 'utf8')),
      );
      for (const n of [0, 4, 5, 40_000, 69_999]) {
        const q = `${words[n]!} `;
        if (STOPWORDS.has(words[n]!)) continue;
        const found = await engine.details(await engine.search({ q }));
        expect(found.map((f) => f.title).sort(), q).toEqual(
          n < 5 ? ['Λέξεις', 'Λίγες'] : ['Λέξεις'],
        );
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a download that fails', () => {
  it('is asked for again by the next search', async () => {
    const manifest: SearchManifest = {
      version: 2,
      engine: '',
      pages: 1,
      stopwords: [],
      shards: [
        {
          path: 'all/',
          from: '2026-01-02',
          to: '2026-01-02',
          pages: 1,
          version: 'v1',
          years: { 2026: [0, 1] },
          topics: {},
        },
      ],
    };
    const files: Record<string, unknown> = {
      'all/buckets.json': [bucketOf('σεισμ')],
      [`all/terms-${bucketOf('σεισμ')}.json`]: { σεισμ: [encodePosting(0, true, 1)] },
    };
    let offline = true;
    const asked: string[] = [];
    const engine = new SearchEngine(manifest, async (file, version) => {
      asked.push(`${file}?v=${version}`);
      if (offline) throw new Error('offline');
      return files[file];
    });
    await expect(engine.search({ q: 'σεισμός ' })).rejects.toThrow('offline');
    offline = false;
    expect(await engine.search({ q: 'σεισμός ' })).toEqual([
      { shard: 0, doc: 0, score: expect.any(Number) },
    ]);
    expect(asked).toEqual([
      'all/buckets.json?v=v1',
      'all/buckets.json?v=v1',
      `all/terms-${bucketOf('σεισμ')}.json?v=v1`,
    ]);
  });
});
