import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TopicScore } from '../../src/model.ts';
import {
  compileTaxonomy,
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomyFile,
} from '../../src/enrich/taxonomy.ts';
import {
  evaluate,
  formatEvaluation,
  loadLabelledCorpus,
  parseLabels,
  readArticleText,
  type LabelledArticle,
} from '../../src/enrich/topics-eval.ts';
import { mapSourceLabel } from '../../src/enrich/topics-label-map.ts';
import { learnTopicWeights } from '../../src/enrich/topics-learn.ts';
import { formatLearnedWeights, parseLearnedWeights } from '../../src/enrich/topics-learned.ts';
import { assignTopics } from '../../src/enrich/topics.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINI = fileURLToPath(new URL('../fixtures/topics/mini/', import.meta.url));
const REAL = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const realPresent = existsSync(`${REAL}labels.tsv`);

describe('mapSourceLabel', () => {
  it.each([
    ['world', 'kosmos'],
    ['Κόσμος', 'kosmos'],
    ['ΚΟΣΜΟΣ', 'kosmos'],
    ['tech', 'technologia'],
    ['Tech', 'technologia'],
    ['hardware', 'technologia'],
    ['games', 'technologia'],
    ['sports', 'athlitismos'],
    ['football', 'athlitismos'],
    ['ΜΠΑΣΚΕΤ', 'athlitismos'],
    ['ΛΟΙΠΑ ΑΘΛΗΜΑΤΑ', 'athlitismos'],
    ['MOTORSPORTS', 'athlitismos'],
    ['Recipes', 'gefsi'],
    ['Food', 'gefsi'],
    ['environment', 'perivallon'],
    ['Περιβάλλον', 'perivallon'],
    ['agores', 'oikonomia'],
    ['epixeiriseis', 'oikonomia'],
    ['Politics', 'politiki'],
    ['Culture', 'politismos'],
    ['Greece', 'koinonia'],
    ['Society', 'koinonia'],
    ['Greece/Society', 'koinonia'],
    ['health', 'ygeia'],
    ['defence', 'amyna'],
  ])('%s → %s', (label, slug) => {
    expect(mapSourceLabel(label)).toBe(slug);
  });

  it('leaves out labels that name no section of ours, or mix several', () => {
    for (const label of ['moda', 'style', 'story', 'transport', 'various', 'health & life', '']) {
      expect(mapSourceLabel(label), label).toBeUndefined();
    }
  });

  it("prefers the site's own section in the URL's folders", () => {
    expect(mapSourceLabel('Greece', 'https://www.tanea.gr/2019/05/02/economy/some-slug/')).toBe(
      'oikonomia',
    );
    expect(mapSourceLabel('health & life', 'https://www.in.gr/2020/02/14/health/ereyna/')).toBe(
      'ygeia',
    );
    expect(mapSourceLabel('health & life', 'https://www.in.gr/2020/02/14/life/fizz/x/')).toBe(
      undefined,
    );
    expect(mapSourceLabel('story', 'https://www.cnn.gr/oikonomia/story/150131/x')).toBe(
      'oikonomia',
    );
    expect(mapSourceLabel('football', 'https://www.sport24.gr/football/ellada/slug.html')).toBe(
      'athlitismos',
    );
    // The article's own slug is not a folder, and unknown folders fall back to the label.
    expect(mapSourceLabel('world', 'https://example.gr/news/sports')).toBe('kosmos');
  });
});

describe('reading a labelled corpus', () => {
  it('reads labels.tsv by its header', () => {
    expect(parseLabels('file\tsource_category\tdate\na.txt\tworld\t2020-01-01\n\n')).toEqual([
      { file: 'a.txt', date: '2020-01-01', ordinal: 0, category: 'world', url: '' },
    ]);
    expect(() => parseLabels('name\tlabel\n')).toThrow(/file/);
  });

  it('reads articles: header, title, paragraphs; a leading space or BOM is fine', () => {
    const text =
      '\uFEFF date 2026-01-27 0\n\nΤίτλος ένα\n\nΠρώτη\nγραμμή.\n\nΔεύτερη.\ndate 2026-01-27 1\n\nΤίτλος δύο\n\nΣώμα.';
    expect(readArticleText(text)).toEqual([
      {
        date: '2026-01-27',
        ordinal: 0,
        title: 'Τίτλος ένα',
        paragraphs: ['Πρώτη γραμμή.', 'Δεύτερη.'],
      },
      { date: '2026-01-27', ordinal: 1, title: 'Τίτλος δύο', paragraphs: ['Σώμα.'] },
    ]);
  });

  it('maps each article to a section, or leaves it out', () => {
    const corpus = loadLabelledCorpus(MINI, `${MINI}labels.tsv`);
    expect(corpus.map((a) => [a.file, a.slug, a.publisher])).toEqual([
      ['0001.txt', 'politiki', 'example.gr'],
      ['0002.txt', 'athlitismos', 'example.gr'],
      ['0003.txt', 'kosmos', 'example.gr'],
      ['0004.txt', undefined, 'example.gr'],
      ['0005.txt', 'athlitismos', 'example.gr'],
    ]);
    expect(corpus[2]!.title).toBe('Ο υπουργός Άμυνας επισκέφθηκε μονάδα του στρατού');
  });
});

describe('evaluate', () => {
  const doc = (slug: string | undefined, category = slug ?? 'moda'): LabelledArticle => ({
    file: '',
    title: '',
    paragraphs: [],
    category,
    url: '',
    publisher: '',
    slug,
  });
  const topic = (slug: string): TopicScore => ({ slug, name: slug, score: 1 });

  it('computes accuracy, per-topic precision, recall, F1, macro F1 and the confusion table', () => {
    const articles = [doc('a'), doc('a'), doc('a'), doc('b'), doc('b'), doc(undefined)];
    const predictions = [
      [topic('a')],
      [topic('a'), topic('b')],
      [topic('b'), topic('a')],
      [topic('b')],
      [],
      [topic('a')],
    ];
    const e = evaluate(articles, predictions, ['a', 'b', 'c']);
    expect(e).toMatchObject({
      total: 6,
      measured: 5,
      correct: 3,
      unassigned: 1,
      inTopics: 4,
      accuracy: 0.6,
      unmapped: { moda: 1 },
      confusion: { a: { a: 2, b: 1 }, b: { b: 1, '-': 1 } },
    });
    const [a, b, c] = e.perTopic;
    expect(a).toMatchObject({ slug: 'a', support: 3, predicted: 2, correct: 2, precision: 1 });
    expect(a!.recall).toBeCloseTo(2 / 3);
    expect(a!.f1).toBeCloseTo(0.8);
    expect(b).toMatchObject({ support: 2, predicted: 2, correct: 1, precision: 0.5, recall: 0.5 });
    expect(c).toMatchObject({ support: 0, predicted: 0, f1: 0 });
    expect(e.macroF1).toBeCloseTo((0.8 + 0.5) / 2); // over sections with labelled articles
    const report = formatEvaluation(e);
    expect(report).toContain('primary-topic accuracy: 60.0% (3/5); macro F1: 0.650');
    expect(report).toContain('left out (label maps to no section): moda 1');
  });
});

describe('scripts/eval-topics.ts', () => {
  it('prints the measurements for a labelled corpus', () => {
    const out = execFileSync(
      `${ROOT}node_modules/.bin/tsx`,
      [
        'scripts/eval-topics.ts',
        '--content',
        MINI,
        '--labels',
        `${MINI}labels.tsv`,
        '--taxonomy',
        'tests/fixtures/topics/valid.yaml',
        '--no-learned',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out).toContain('measured (label maps to a section): 4, left out: 1');
    expect(out).toContain('primary-topic accuracy: 50.0% (2/4); macro F1: 0.444');
    expect(out).toMatch(/politiki +1 +2 +50\.0% +100\.0% +0\.667/);
    expect(out).toMatch(/kosmos +1 +0 +0\.0% +0\.0% +0\.000/);
    expect(out).toMatch(/\nkosmos +0 +0 +1\n/);
    expect(out).toContain('left out (label maps to no section): moda 1');
  });
});

describe.skipIf(!realPresent)('topic assignment on the real corpus (../shared/corpus/real)', () => {
  const corpus = realPresent ? loadLabelledCorpus(REAL, `${REAL}labels.tsv`) : [];
  const shipped = loadTaxonomyFile(DEFAULT_TAXONOMY_PATH);

  it('reaches the targets with the shipped taxonomy: accuracy ≥ 85%, macro F1 ≥ 0.8', () => {
    const compiled = compileTaxonomy(shipped.taxonomy, { settings: shipped.settings });
    const e = evaluate(
      corpus,
      corpus.map((a) => assignTopics(a, compiled)),
      compiled.topics.map((t) => t.slug),
    );
    expect(e.measured).toBeGreaterThan(2600);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.8);
  });

  it('generalises: learned on one half, measured on the other', () => {
    const half = (a: LabelledArticle) => createHash('sha256').update(a.file).digest()[0]! & 1;
    const train = corpus
      .filter((a) => a.slug !== undefined && half(a) === 0)
      .map((a) => ({
        title: a.title,
        paragraphs: a.paragraphs,
        slug: a.slug!,
        group: a.publisher,
      }));
    const test = corpus.filter((a) => half(a) === 1);
    const rows = learnTopicWeights(train, shipped.taxonomy, shipped.settings, { iterations: 150 });
    const compiled = compileTaxonomy(shipped.taxonomy, {
      settings: shipped.settings,
      learned: parseLearnedWeights(formatLearnedWeights([], rows)),
    });
    const e = evaluate(
      test,
      test.map((a) => assignTopics(a, compiled)),
      compiled.topics.map((t) => t.slug),
    );
    expect(e.accuracy).toBeGreaterThanOrEqual(0.83);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.75);
    // The hand-written terms alone already do far better than chance on unseen text.
    const hand = compileTaxonomy(shipped.taxonomy, { settings: shipped.settings, learned: null });
    const h = evaluate(
      test,
      test.map((a) => assignTopics(a, hand)),
      hand.topics.map((t) => t.slug),
    );
    expect(h.accuracy).toBeGreaterThanOrEqual(0.65);
  });
});
