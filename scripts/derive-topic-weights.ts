/**
 * Derives the learned word table (src/enrich/topics-learned.tsv) from a labelled corpus, and
 * shows by cross-validation how well it generalises.
 *
 *   npx tsx scripts/derive-topic-weights.ts --content DIR --labels FILE [--write] [--cv]
 *
 * DIR and FILE are as for scripts/eval-topics.ts. Only the derived table is written (stems,
 * weights and one example word per stem), never article text.
 *
 * Options:
 *   --write          write the table learned from the whole corpus (default: only report)
 *   --out FILE       where to write it (default: src/enrich/topics-learned.tsv)
 *   --cv             2-fold cross-validation: learn on one half, measure on the other, and back
 *   --folds N        N-fold cross-validation (N > 2), pooled
 *   --by-publisher   leave-one-publisher-out: learn without a publisher, measure on it
 *   --set NAME=VALUE override a learning option (see LearnOptions), for experiments
 *   --verbose        print the full report of each cross-validation
 *   --taxonomy FILE  hand taxonomy combined with the table (default: content/topics.yaml)
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Taxonomy } from '../src/model.ts';
import {
  compileTaxonomy,
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomyFile,
  type TopicSettings,
} from '../src/enrich/taxonomy.ts';
import {
  evaluate,
  formatEvaluation,
  loadLabelledCorpus,
  type Evaluation,
  type LabelledArticle,
} from '../src/enrich/topics-eval.ts';
import {
  DEFAULT_LEARN_OPTIONS,
  learnTopicWeights,
  type LearnOptions,
  type TrainingArticle,
} from '../src/enrich/topics-learn.ts';
import {
  formatLearnedWeights,
  LEARNED_WEIGHTS_PATH,
  parseLearnedWeights,
  type LearnedRow,
} from '../src/enrich/topics-learned.ts';
import { assignTopics } from '../src/enrich/topics.ts';

/**
 * Words never learned: the publishers' own names and page furniture. They are frequent in one
 * publisher's articles of one section and would teach "this site" rather than "this topic".
 */
const EXCLUDED_WORDS = [
  'cnn',
  'greece',
  'gazzetta',
  'sport',
  'insomnia',
  'naftemporiki',
  'protagon',
  'newpost',
  'periodista',
  'tanea',
  'νεα',
  'βημα',
  'tovima',
  'efsyn',
  'iefimerida',
  'thetoc',
  'reader',
  'lifo',
  'popaganda',
  'topontiki',
  'ποντικι',
  'thepressproject',
  'in',
  'gr',
  'www',
  'http',
  'https',
  'com',
  'διαβαστε',
  'δειτε',
  'σχετικα',
  'φωτογραφια',
  'φωτογραφιες',
  'πηγη',
  'βιντεο',
  'video',
  'photo',
  'getty',
  'images',
  'shutterstock',
  'eurokinissi',
  'reuters',
  'ap',
  'afp',
  'ape',
  'απε',
  'μπε',
  'intime',
  'newsroom',
  'photos',
  'pic',
  'pics',
  'vid',
  'videos',
  'εφημεριδα',
  'εφημεριδεσ',
  'πρωτοσελιδα',
  'πρωτοσελιδο',
  'επισκοπηση',
  // Spellings of one word that differ by publisher (house style), not by topic.
  'κορωνοιοσ',
  'κορονοιοσ',
  'κοροναιοσ',
  'κορωνοιου',
  'κορονοιου',
  'κοροναιου',
];

/** The learning settings used for the shipped table. */
const LEARN_OPTIONS: LearnOptions = { ...DEFAULT_LEARN_OPTIONS, exclude: EXCLUDED_WORDS };

function training(articles: readonly LabelledArticle[]): TrainingArticle[] {
  return articles
    .filter((a): a is LabelledArticle & { slug: string } => a.slug !== undefined)
    .map((a) => ({ title: a.title, paragraphs: a.paragraphs, slug: a.slug, group: a.publisher }));
}

function measure(
  taxonomy: Taxonomy,
  settings: TopicSettings,
  rows: readonly LearnedRow[] | null,
  test: readonly LabelledArticle[],
): Evaluation {
  const learned = rows === null ? null : parseLearnedWeights(formatLearnedWeights([], rows));
  const compiled = compileTaxonomy(taxonomy, { settings, learned });
  const predictions = test.map((a) => assignTopics(a, compiled));
  return evaluate(
    test,
    predictions,
    compiled.topics.map((t) => t.slug),
  );
}

/** Deterministic half of an article: by a hash of its file name. */
function half(article: LabelledArticle): 0 | 1 {
  return (createHash('sha256').update(article.file).digest()[0]! & 1) as 0 | 1;
}

const line = (name: string, e: Evaluation): string =>
  `${name}: accuracy ${(100 * e.accuracy).toFixed(1)}% (${e.correct}/${e.measured}), macro F1 ${e.macroF1.toFixed(3)}; F1 ${e.perTopic
    .filter((m) => m.support > 0)
    .map((m) => `${m.slug} ${m.f1.toFixed(2)}`)
    .join(', ')}`;

function main(): void {
  const { values } = parseArgs({
    options: {
      content: { type: 'string' },
      labels: { type: 'string' },
      write: { type: 'boolean', default: false },
      out: { type: 'string' },
      cv: { type: 'boolean', default: false },
      'by-publisher': { type: 'boolean', default: false },
      taxonomy: { type: 'string' },
      set: { type: 'string', multiple: true },
      verbose: { type: 'boolean', default: false },
      folds: { type: 'string' },
    },
  });
  // --set name=value overrides a learning option (for experiments; the table records them).
  const options: LearnOptions = { ...LEARN_OPTIONS };
  for (const pair of values.set ?? []) {
    const [name, value] = pair.split('=');
    if (!name || value === undefined || !(name in options))
      throw new Error(`--set ${pair}: unknown option`);
    (options as unknown as Record<string, number>)[name] = Number(value);
  }
  if (!values.content || !values.labels) {
    console.error(
      'usage: tsx scripts/derive-topic-weights.ts --content DIR --labels FILE [--write] [--out FILE] [--cv] [--by-publisher]',
    );
    process.exit(2);
  }
  const loaded = loadTaxonomyFile(values.taxonomy ?? DEFAULT_TAXONOMY_PATH);
  const { taxonomy, settings } = loaded;
  const slugs = taxonomy.topics.map((t) => t.slug);
  const articles = loadLabelledCorpus(values.content, values.labels);
  const measured = articles.filter((a) => a.slug !== undefined);
  console.log(
    `${articles.length} articles, ${measured.length} with a label that maps to a section`,
  );

  const report: string[] = [];
  const note = (text: string): void => {
    console.log(text);
    report.push(text);
  };
  note(
    line(
      'terms only (no learned table), whole corpus',
      measure(taxonomy, settings, null, articles),
    ),
  );

  if (values.cv) {
    const halves = [0, 1].map((h) => articles.filter((a) => half(a) === h));
    for (const h of [0, 1]) {
      const train = halves[h]!;
      const test = halves[1 - h]!;
      const rows = learnTopicWeights(training(train), taxonomy, settings, options);
      const e = measure(taxonomy, settings, rows, test);
      note(
        line(
          `2-fold CV, learned on half ${h} (${train.length}), measured on half ${1 - h} (${test.length})`,
          e,
        ),
      );
      if (values.verbose) console.log(formatEvaluation(e));
      note(
        line(
          `  same table measured on its own half ${h}`,
          measure(taxonomy, settings, rows, train),
        ),
      );
    }
  }

  const folds = Number(values.folds ?? 0);
  if (folds > 2) {
    const foldOf = (a: LabelledArticle): number =>
      createHash('sha256').update(a.file).digest().readUInt32BE(0) % folds;
    const all: LabelledArticle[] = [];
    const predictions: ReturnType<typeof assignTopics>[] = [];
    for (let f = 0; f < folds; f++) {
      const train = articles.filter((a) => foldOf(a) !== f);
      const test = articles.filter((a) => foldOf(a) === f);
      const rows = learnTopicWeights(training(train), taxonomy, settings, options);
      const compiled = compileTaxonomy(taxonomy, {
        settings,
        learned: parseLearnedWeights(formatLearnedWeights([], rows)),
      });
      for (const a of test) {
        all.push(a);
        predictions.push(assignTopics(a, compiled));
      }
    }
    const e = evaluate(all, predictions, slugs);
    note(
      line(`${folds}-fold CV (learned on ${folds - 1}/${folds}, measured on the rest), pooled`, e),
    );
    if (values.verbose) console.log(formatEvaluation(e));
  }

  if (values['by-publisher']) {
    const publishers = [...new Set(measured.map((a) => a.publisher))].sort();
    const all: LabelledArticle[] = [];
    const predictions: ReturnType<typeof assignTopics>[] = [];
    for (const p of publishers) {
      const train = articles.filter((a) => a.publisher !== p);
      const test = articles.filter((a) => a.publisher === p && a.slug !== undefined);
      const rows = learnTopicWeights(training(train), taxonomy, settings, options);
      const compiled = compileTaxonomy(taxonomy, {
        settings,
        learned: parseLearnedWeights(formatLearnedWeights([], rows)),
      });
      const e = measure(taxonomy, settings, rows, test);
      console.log(`  without ${p} (${test.length}): accuracy ${(100 * e.accuracy).toFixed(1)}%`);
      for (const a of test) {
        all.push(a);
        predictions.push(assignTopics(a, compiled));
      }
    }
    note(line('leave-one-publisher-out, pooled', evaluate(all, predictions, slugs)));
  }

  const rows = learnTopicWeights(training(articles), taxonomy, settings, options);
  note(
    line(
      'learned on the whole corpus, measured on it',
      measure(taxonomy, settings, rows, articles),
    ),
  );
  const perTopic = slugs.map((s) => `${s} ${rows.filter((r) => r.topic === s).length}`).join(', ');
  console.log(`table: ${rows.length} rows (${perTopic})`);

  if (values.write) {
    const o = options;
    const comments = [
      'Learned word weights for topic assignment (ephemeris). Generated: do not edit by hand;',
      'change content/topics.yaml instead (its terms win over this table), or re-derive with',
      '  npx tsx scripts/derive-topic-weights.ts --content DIR --labels FILE --cv --folds 4 --by-publisher --write',
      '',
      `Learned from ${measured.length} labelled Greek news articles (${articles.length - measured.length} more left out: their label maps to no section),`,
      "publishers' section labels mapped by src/enrich/topics-label-map.ts. No article text is stored here:",
      'each row is a stem, its weight for one topic, and the most frequent (folded) word with that stem.',
      'Method (src/enrich/topics-learn.ts): multinomial logistic regression on the same inputs as the',
      'run-time scorer, on top of the hand-written terms of content/topics.yaml (held fixed); each topic',
      `counts alike; temperature ${o.temperature}, L2 ${o.l2}, ${o.iterations} full-batch Adam steps; a stem is learned when in`,
      `>= ${o.minDocs} articles from >= ${o.minGroups} publishers, and counts for a topic only when used in that topic's articles`,
      `of >= ${o.minTopicGroups} publishers; weights below ${o.minAbsWeight} in size are dropped. Negative weights count against a`,
      "topic. Topics without labelled articles (amyna) learn nothing. Publishers' names, caption markers and",
      'house spellings are never learned (EXCLUDED_WORDS in the script).',
      '',
      'Cross-validation learns on part of the corpus and measures on the rest (articles split by a hash',
      'of their file name; leave-one-publisher-out learns without each publisher in turn): these are the',
      'figures to expect on articles the table has not seen. "Measured on it" is the fit to its own data.',
      '',
      'Measured with content/topics.yaml:',
      ...report,
      '',
    ];
    const out = values.out ?? LEARNED_WEIGHTS_PATH;
    writeFileSync(out, formatLearnedWeights(comments, rows));
    console.log(`wrote ${out}`);
  }
}

main();
