/**
 * Measures the name finder against the hand-annotated articles, and its speed.
 *
 *   npx tsx scripts/eval-names.ts [--corpus DIR] [--annotations FILE] [--split dev|test|all]
 *                                 [--errors N] [--json] [--bench]
 *
 * DIR holds the article files named in the annotations (default: ../shared/corpus/real/articles
 * beside the project). Prints precision and recall by exact span and by distinct name per
 * article, with and without the kind, for all articles and for each split and section.
 *
 * Options:
 *   --errors N   also list the mistakes of the first N articles with any (missed, spurious)
 *   --json       print the measurements as JSON
 *   --bench      time extractNames over every article file in DIR (ms per article)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractNames } from '../src/enrich/names.ts';
import {
  errors,
  evaluate,
  formatEvaluation,
  loadAnnotatedCorpus,
  loadAnnotations,
  parseArticleFile,
  predict,
} from '../src/enrich/names-eval.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus/real/articles') },
    annotations: { type: 'string', default: join(root, 'tests/fixtures/names/annotations.json') },
    split: { type: 'string', default: 'all' },
    errors: { type: 'string' },
    json: { type: 'boolean', default: false },
    bench: { type: 'boolean', default: false },
  },
});

const annotations = loadAnnotations(values.annotations).filter(
  (a) => values.split === 'all' || a.split === values.split,
);
const loaded = loadAnnotatedCorpus(values.corpus, annotations);
if (loaded.missing.length > 0)
  console.error(`missing from ${values.corpus}: ${loaded.missing.length} files`);
for (const file of loaded.mismatched) console.error(`text changed since it was annotated: ${file}`);
if (loaded.articles.length === 0) {
  console.error('no annotated article found: pass --corpus DIR');
  process.exit(2);
}

const results = predict(loaded.articles);
const overall = evaluate(results);
const bySplit = ['dev', 'test', 'holdout'].map((split) => ({
  split,
  evaluation: evaluate(results.filter((_, i) => loaded.articles[i]?.split === split)),
}));
const sections = [...new Set(loaded.articles.map((a) => a.section))].sort();
const bySection = sections.map((section) => ({
  section,
  evaluation: evaluate(results.filter((_, i) => loaded.articles[i]?.section === section)),
}));

let bench:
  { articles: number; msPerArticle: number; cpuMsPerArticle: number; names: number } | undefined;
if (values.bench) {
  const files = readdirSync(values.corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const articles = files.map((f) => parseArticleFile(readFileSync(join(values.corpus, f), 'utf8')));
  for (const a of articles.slice(0, 300)) extractNames(a);
  let names = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const a of articles) names += extractNames(a).length;
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  bench = {
    articles: articles.length,
    msPerArticle: elapsed / articles.length,
    cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / articles.length,
    names,
  };
}

if (values.json) {
  console.log(JSON.stringify({ overall, bySplit, bySection, bench }, null, 2));
} else {
  console.log(formatEvaluation(overall));
  for (const { split, evaluation } of bySplit)
    if (evaluation.articles > 0) console.log(formatEvaluation(evaluation, split));
  console.log('\nby section (exact span P/R, distinct name P/R):');
  for (const { section, evaluation: e } of bySection) {
    const p = (x: number): string => (100 * x).toFixed(0).padStart(3);
    console.log(
      `  ${section.padEnd(12)} ${String(e.articles).padStart(3)} articles  span ${p(e.spans.precision)}/${p(e.spans.recall)}  name ${p(e.names.precision)}/${p(e.names.recall)}`,
    );
  }
  if (bench) {
    console.log(
      `\nspeed: ${bench.articles} articles, ${bench.msPerArticle.toFixed(3)} ms per article wall, ` +
        `${bench.cpuMsPerArticle.toFixed(3)} ms CPU (${bench.names} names)`,
    );
  }
  const limit = Number(values.errors ?? 0);
  let shown = 0;
  for (const r of results) {
    if (shown >= limit) break;
    const e = errors(r);
    if (e.missed.length === 0 && e.spurious.length === 0 && e.wrongKind.length === 0) continue;
    shown++;
    console.log(`\n${r.file}`);
    for (const m of e.missed)
      console.log(`  missed   ${m.start}-${m.end} ${m.kind.padEnd(12)} ${m.text}`);
    for (const s of e.spurious)
      console.log(`  spurious ${s.start}-${s.end} ${s.kind.padEnd(12)} ${s.text}`);
    for (const s of e.wrongKind)
      console.log(`  kind     ${s.start}-${s.end} ${s.kind.padEnd(12)} ${s.text}`);
  }
}
