/**
 * Measures topic assignment against a labelled corpus.
 *
 *   npx tsx scripts/eval-topics.ts --content DIR --labels FILE [options]
 *
 * DIR holds the articles (in DIR/articles/ or DIR itself); FILE is a labels.tsv with the
 * columns file, date, ordinal, source_category, source_url. Each label is mapped to one of our
 * sections by src/enrich/topics-label-map.ts; articles whose label maps to none are left out.
 * Prints per-topic precision, recall and F1, primary-topic accuracy, macro F1 and a confusion
 * table.
 *
 * Options:
 *   --taxonomy FILE   the taxonomy to use (default: content/topics.yaml of ephemeris)
 *   --no-learned      use only the taxonomy's own terms, not the learned word table
 *   --json            print the measurements as JSON instead of a table
 *   --errors N        also list N wrongly classified articles (title, label, topics)
 */
import { parseArgs } from 'node:util';
import {
  compileTaxonomy,
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomyFile,
} from '../src/enrich/taxonomy.ts';
import { evaluate, formatEvaluation, loadLabelledCorpus } from '../src/enrich/topics-eval.ts';
import { assignTopics } from '../src/enrich/topics.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    labels: { type: 'string' },
    taxonomy: { type: 'string' },
    'no-learned': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    errors: { type: 'string' },
  },
});
if (!values.content || !values.labels) {
  console.error(
    'usage: tsx scripts/eval-topics.ts --content DIR --labels FILE [--taxonomy FILE] [--no-learned] [--json] [--errors N]',
  );
  process.exit(2);
}

const loaded = loadTaxonomyFile(values.taxonomy ?? DEFAULT_TAXONOMY_PATH);
for (const d of loaded.diagnostics) console.error(`${d.severity} ${d.code} ${d.message}`);
if (loaded.diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
const compiled = compileTaxonomy(loaded.taxonomy, {
  settings: loaded.settings,
  ...(values['no-learned'] ? { learned: null } : {}),
});

const articles = loadLabelledCorpus(values.content, values.labels);
const started = performance.now();
const predictions = articles.map((a) => assignTopics(a, compiled));
const elapsed = performance.now() - started;
const result = evaluate(
  articles,
  predictions,
  compiled.topics.map((t) => t.slug),
);

if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(
    `taxonomy: ${loaded.path}${values['no-learned'] || !compiled.settings.learnedWeights ? ' (terms only)' : ' + learned word table'}`,
  );
  console.log(formatEvaluation(result));
  console.log(`\nassigned ${articles.length} articles in ${elapsed.toFixed(0)} ms`);
  const n = Number(values.errors ?? 0);
  if (n > 0) {
    console.log(`\nwrongly classified (first ${n}):`);
    let shown = 0;
    articles.forEach((a, i) => {
      const p = predictions[i] ?? [];
      if (a.slug === undefined || p[0]?.slug === a.slug || shown >= n) return;
      shown++;
      const topics = p.map((t) => `${t.slug} ${t.score}`).join(', ') || '-';
      console.log(`${a.file}  [${a.category} → ${a.slug}]  ${a.title.slice(0, 90)}  => ${topics}`);
    });
  }
}
