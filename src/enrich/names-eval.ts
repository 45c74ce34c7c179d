/**
 * Measures the name finder against hand-annotated articles (tests/fixtures/names/annotations.json):
 * precision and recall by exact span and by distinct name per article, with and without the kind.
 * The fixture holds offsets and the names' surface forms only; the article texts are read from
 * the corpus folder and checked against the recorded SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleText, findNameSpans, type NameKind, type NameSpan } from './names.ts';
import { groupBy } from '../group-by.ts';

export interface GoldSpan {
  start: number;
  end: number;
  kind: NameKind;
  text: string;
  /** The name the mention belongs to (e.g. `Ντόναλντ Τραμπ` for `Τραμπ`). */
  entity: string;
}

export interface AnnotatedArticle {
  file: string;
  sha256: string;
  section: string;
  date: string;
  /**
   * `dev`: the rules were tuned on their mistakes; `test`: measured first, looked at later;
   * `holdout`: annotated after the rules were written and never looked at while tuning.
   */
  split: 'dev' | 'test' | 'holdout';
  spans: GoldSpan[];
}

export interface AnnotationFile {
  articles: AnnotatedArticle[];
}

export function loadAnnotations(path: string): AnnotatedArticle[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as AnnotationFile;
  return parsed.articles;
}

/** Title and paragraphs of an article file (`date …` header, blank line, title, paragraphs). */
export function parseArticleFile(raw: string): { title: string; paragraphs: string[] } {
  const blocks = raw.replace(/\r\n?/gu, '\n').split(/\n{2,}/u);
  const [, title = '', ...paragraphs] = blocks;
  return {
    title: title.trim(),
    paragraphs: paragraphs.map((p) => p.trim()).filter((p) => p.length > 0),
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface LoadedArticle extends AnnotatedArticle {
  text: string;
}

/**
 * The annotated articles with their texts, read from `corpusDir`. An article whose text no
 * longer has the recorded hash is reported in `mismatched` and left out.
 */
export function loadAnnotatedCorpus(
  corpusDir: string,
  annotations: AnnotatedArticle[],
): { articles: LoadedArticle[]; missing: string[]; mismatched: string[] } {
  const articles: LoadedArticle[] = [];
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const a of annotations) {
    const path = join(corpusDir, a.file);
    if (!existsSync(path)) {
      missing.push(a.file);
      continue;
    }
    const text = articleText(parseArticleFile(readFileSync(path, 'utf8')));
    if (sha256(text) !== a.sha256) {
      mismatched.push(a.file);
      continue;
    }
    articles.push({ ...a, text });
  }
  return { articles, missing, mismatched };
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  articles: number;
  goldSpans: number;
  predictedSpans: number;
  /** A predicted span is right when its offsets equal a gold span's. */
  spans: Counts;
  /** The same, and the kind must agree too. */
  spansWithKind: Counts;
  /**
   * Per article, distinct names: gold names are the annotated entities, predicted names the
   * keys of the predicted spans; matched one to one by their shared exact spans.
   */
  names: Counts;
  namesWithKind: Counts;
  /** Share of exactly matched spans whose kind agrees. */
  kindAccuracy: number;
}

export interface ArticleResult {
  file: string;
  gold: GoldSpan[];
  predicted: NameSpan[];
}

function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

const spanId = (s: { start: number; end: number }): string => `${s.start}:${s.end}`;

/** Runs the name finder over the loaded articles. */
export function predict(articles: LoadedArticle[]): ArticleResult[] {
  return articles.map((a) => ({ file: a.file, gold: a.spans, predicted: findNameSpans(a.text) }));
}

export function evaluate(results: ArticleResult[]): Evaluation {
  let spanTp = 0;
  let spanKindTp = 0;
  let goldSpans = 0;
  let predictedSpans = 0;
  let nameTp = 0;
  let nameKindTp = 0;
  let goldNames = 0;
  let predictedNames = 0;
  for (const r of results) {
    goldSpans += r.gold.length;
    predictedSpans += r.predicted.length;
    const goldById = new Map(r.gold.map((g) => [spanId(g), g]));
    for (const p of r.predicted) {
      const g = goldById.get(spanId(p));
      if (!g) continue;
      spanTp++;
      if (g.kind === p.kind) spanKindTp++;
    }

    const goldEntities = groupBy(r.gold, (g) => g.entity);
    const predictedEntities = groupBy(r.predicted, (p) => p.key);
    goldNames += goldEntities.size;
    predictedNames += predictedEntities.size;
    const pairs: { gold: string; predicted: string; shared: number }[] = [];
    for (const [pKey, pSpans] of predictedEntities) {
      const ids = new Set(pSpans.map(spanId));
      for (const [gKey, gSpans] of goldEntities) {
        const shared = gSpans.filter((g) => ids.has(spanId(g))).length;
        if (shared > 0) pairs.push({ gold: gKey, predicted: pKey, shared });
      }
    }
    pairs.sort(
      (a, b) => b.shared - a.shared || compare(a.gold, b.gold) || compare(a.predicted, b.predicted),
    );
    const usedGold = new Set<string>();
    const usedPredicted = new Set<string>();
    for (const pair of pairs) {
      if (usedGold.has(pair.gold) || usedPredicted.has(pair.predicted)) continue;
      usedGold.add(pair.gold);
      usedPredicted.add(pair.predicted);
      nameTp++;
      const goldKind = majorityKind((goldEntities.get(pair.gold) ?? []).map((g) => g.kind));
      const predictedKind = predictedEntities.get(pair.predicted)?.[0]?.kind;
      if (goldKind === predictedKind) nameKindTp++;
    }
  }
  return {
    articles: results.length,
    goldSpans,
    predictedSpans,
    spans: counts(spanTp, predictedSpans - spanTp, goldSpans - spanTp),
    spansWithKind: counts(spanKindTp, predictedSpans - spanKindTp, goldSpans - spanKindTp),
    names: counts(nameTp, predictedNames - nameTp, goldNames - nameTp),
    namesWithKind: counts(nameKindTp, predictedNames - nameKindTp, goldNames - nameKindTp),
    kindAccuracy: spanTp === 0 ? 0 : spanKindTp / spanTp,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function majorityKind(kinds: NameKind[]): NameKind | undefined {
  const tally = new Map<NameKind, number>();
  for (const k of kinds) tally.set(k, (tally.get(k) ?? 0) + 1);
  let best: NameKind | undefined;
  for (const [k, n] of tally) if (!best || n > (tally.get(best) ?? 0)) best = k;
  return best;
}

/** The mistakes of one article, for reading: missed gold spans and spurious predicted ones. */
export function errors(result: ArticleResult): {
  missed: GoldSpan[];
  spurious: NameSpan[];
  wrongKind: NameSpan[];
} {
  const goldById = new Map(result.gold.map((g) => [spanId(g), g]));
  const predictedIds = new Set(result.predicted.map(spanId));
  return {
    missed: result.gold.filter((g) => !predictedIds.has(spanId(g))),
    spurious: result.predicted.filter((p) => !goldById.has(spanId(p))),
    wrongKind: result.predicted.filter((p) => {
      const g = goldById.get(spanId(p));
      return g !== undefined && g.kind !== p.kind;
    }),
  };
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function formatEvaluation(e: Evaluation, label = 'all'): string {
  const row = (name: string, c: Counts): string =>
    `  ${name.padEnd(22)} P ${percent(c.precision).padStart(6)}  R ${percent(c.recall).padStart(6)}  F1 ${percent(c.f1).padStart(6)}  (tp ${c.truePositives}, fp ${c.falsePositives}, fn ${c.falseNegatives})`;
  return [
    `${label}: ${e.articles} articles, ${e.goldSpans} gold spans, ${e.predictedSpans} predicted`,
    row('exact span', e.spans),
    row('exact span + kind', e.spansWithKind),
    row('distinct name', e.names),
    row('distinct name + kind', e.namesWithKind),
    `  kind accuracy on matched spans ${percent(e.kindAccuracy)}`,
  ].join('\n');
}
