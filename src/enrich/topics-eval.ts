/**
 * Measuring topic assignment against a labelled corpus: the corpus reader, the metrics and the
 * report printed by `scripts/eval-topics.ts` (and checked by the tests).
 *
 * A labelled corpus is a content folder plus a `labels.tsv` with the columns
 * `file, date, ordinal, source_category, source_url` (header line first). Each article's label
 * is mapped to one of our sections by `mapSourceLabel`; articles whose label maps to none are
 * left out. Only the primary topic is measured: an article is right when its first topic is the
 * labelled section, and an article that gets no topic counts as wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TopicScore } from '../model.ts';
import { mapSourceLabel } from './topics-label-map.ts';

export interface LabelRow {
  file: string;
  date: string;
  ordinal: number;
  category: string;
  url: string;
}

/** An article of a labelled corpus, with its label mapped to our sections. */
export interface LabelledArticle {
  file: string;
  title: string;
  paragraphs: string[];
  /** The publisher's label, verbatim. */
  category: string;
  url: string;
  /** Host name of the URL (the publisher), `''` when unknown. */
  publisher: string;
  /** Our section, or undefined when the label maps to none. */
  slug: string | undefined;
}

/** Reads `labels.tsv`: a header line naming the columns, then one article per line. */
export function parseLabels(text: string): LabelRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim());
  const col = (name: string): number => header.indexOf(name);
  const [iFile, iDate, iOrdinal, iCategory, iUrl] = [
    col('file'),
    col('date'),
    col('ordinal'),
    col('source_category'),
    col('source_url'),
  ];
  if (iFile < 0 || iCategory < 0) {
    throw new Error(
      'labels: the header must name at least the columns "file" and "source_category"',
    );
  }
  const rows: LabelRow[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    rows.push({
      file: cells[iFile] ?? '',
      date: iDate >= 0 ? (cells[iDate] ?? '') : '',
      ordinal: iOrdinal >= 0 ? Number(cells[iOrdinal] ?? 0) : 0,
      category: cells[iCategory] ?? '',
      url: iUrl >= 0 ? (cells[iUrl] ?? '') : '',
    });
  }
  return rows;
}

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\d+)\s*$/;

/**
 * A minimal reader of article files (`date YYYY-MM-DD N`, blank line, title, blank line,
 * paragraphs separated by blank lines; several articles may follow one another). Enough for
 * clean evaluation corpora; the site itself reads content with `src/ingest`.
 */
export function readArticleText(
  text: string,
): { date: string; ordinal: number; title: string; paragraphs: string[] }[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r?\n/);
  const articles: { date: string; ordinal: number; title: string; paragraphs: string[] }[] = [];
  let current: { date: string; ordinal: number; blocks: string[][] } | undefined;
  const finish = (): void => {
    if (current === undefined) return;
    const blocks = current.blocks.filter((b) => b.length > 0).map((b) => b.join(' ').trim());
    articles.push({
      date: current.date,
      ordinal: current.ordinal,
      title: blocks[0] ?? '',
      paragraphs: blocks.slice(1),
    });
  };
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header) {
      finish();
      current = { date: header[1]!, ordinal: Number(header[2]), blocks: [[]] };
      continue;
    }
    if (current === undefined) continue;
    if (line.trim() === '') current.blocks.push([]);
    else current.blocks.at(-1)!.push(line.trim());
  }
  finish();
  return articles;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Reads a labelled corpus: each row's file (looked up in `<contentDir>/articles/`, then in
 * `contentDir`), the article with the row's date and ordinal (or its only article).
 */
export function loadLabelledCorpus(contentDir: string, labelsFile: string): LabelledArticle[] {
  const rows = parseLabels(readFileSync(labelsFile, 'utf8'));
  const out: LabelledArticle[] = [];
  for (const row of rows) {
    const candidates = [
      path.join(contentDir, 'articles', row.file),
      path.join(contentDir, row.file),
    ];
    const file = candidates.find((c) => existsSync(c));
    if (file === undefined) throw new Error(`labels: ${row.file} not found under ${contentDir}`);
    const articles = readArticleText(readFileSync(file, 'utf8'));
    const article =
      articles.length === 1
        ? articles[0]
        : articles.find((a) => a.date === row.date && a.ordinal === row.ordinal);
    if (article === undefined) {
      throw new Error(`labels: no article ${row.date} ${row.ordinal} in ${row.file}`);
    }
    out.push({
      file: row.file,
      title: article.title,
      paragraphs: article.paragraphs,
      category: row.category,
      url: row.url,
      publisher: hostOf(row.url),
      slug: mapSourceLabel(row.category, row.url),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metrics.

export interface TopicMetrics {
  slug: string;
  /** Labelled articles of this section. */
  support: number;
  /** Articles whose primary topic is this section. */
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  /** Articles read. */
  total: number;
  /** Articles whose label maps to a section (the ones measured). */
  measured: number;
  /** Measured articles whose primary topic is the labelled section. */
  correct: number;
  /** Measured articles that got no topic. */
  unassigned: number;
  /** Measured articles whose labelled section is among their (up to 3) topics. */
  inTopics: number;
  accuracy: number;
  /** Mean F1 over the sections that have labelled articles. */
  macroF1: number;
  perTopic: TopicMetrics[];
  /** `confusion[labelled][predicted primary]`; the predicted key `-` means no topic. */
  confusion: Record<string, Record<string, number>>;
  /** Labels (verbatim) left out because they map to no section, with counts. */
  unmapped: Record<string, number>;
}

/** Scores predictions against mapped labels. `slugs` lists the taxonomy's sections in order. */
export function evaluate(
  articles: readonly LabelledArticle[],
  predictions: readonly (readonly TopicScore[])[],
  slugs: readonly string[],
): Evaluation {
  const confusion: Record<string, Record<string, number>> = {};
  const unmapped: Record<string, number> = {};
  const support = new Map<string, number>();
  const predicted = new Map<string, number>();
  const correctBy = new Map<string, number>();
  let measured = 0;
  let correct = 0;
  let unassigned = 0;
  let inTopics = 0;
  articles.forEach((article, i) => {
    const gold = article.slug;
    if (gold === undefined) {
      unmapped[article.category] = (unmapped[article.category] ?? 0) + 1;
      return;
    }
    const topics = predictions[i] ?? [];
    const primary = topics[0]?.slug ?? '-';
    measured++;
    support.set(gold, (support.get(gold) ?? 0) + 1);
    if (primary === '-') unassigned++;
    else predicted.set(primary, (predicted.get(primary) ?? 0) + 1);
    if (primary === gold) {
      correct++;
      correctBy.set(gold, (correctBy.get(gold) ?? 0) + 1);
    }
    if (topics.some((t) => t.slug === gold)) inTopics++;
    const row = (confusion[gold] ??= {});
    row[primary] = (row[primary] ?? 0) + 1;
  });
  const known = [...slugs, ...[...support.keys()].filter((s) => !slugs.includes(s)).sort()];
  const perTopic: TopicMetrics[] = known.map((slug) => {
    const s = support.get(slug) ?? 0;
    const p = predicted.get(slug) ?? 0;
    const c = correctBy.get(slug) ?? 0;
    const precision = p > 0 ? c / p : 0;
    const recall = s > 0 ? c / s : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { slug, support: s, predicted: p, correct: c, precision, recall, f1 };
  });
  const scored = perTopic.filter((m) => m.support > 0);
  const macroF1 = scored.length > 0 ? scored.reduce((a, m) => a + m.f1, 0) / scored.length : 0;
  return {
    total: articles.length,
    measured,
    correct,
    unassigned,
    inTopics,
    accuracy: measured > 0 ? correct / measured : 0,
    macroF1,
    perTopic,
    confusion,
    unmapped,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const pad = (s: string, n: number): string => s.padStart(n);

/** The evaluation as a plain-text report. */
export function formatEvaluation(e: Evaluation): string {
  const out: string[] = [];
  out.push(
    `articles: ${e.total}, measured (label maps to a section): ${e.measured}, left out: ${e.total - e.measured}`,
  );
  out.push(
    `primary-topic accuracy: ${pct(e.accuracy)} (${e.correct}/${e.measured}); macro F1: ${e.macroF1.toFixed(3)}; no topic: ${e.unassigned}; label among the article's topics: ${pct(e.measured ? e.inTopics / e.measured : 0)}`,
  );
  out.push('');
  out.push('topic           support  predicted  precision  recall     F1');
  for (const m of e.perTopic) {
    out.push(
      `${m.slug.padEnd(14)} ${pad(String(m.support), 8)} ${pad(String(m.predicted), 10)} ${pad(pct(m.precision), 10)} ${pad(pct(m.recall), 7)} ${pad(m.f1.toFixed(3), 6)}`,
    );
  }
  const rows = e.perTopic.filter((m) => m.support > 0).map((m) => m.slug);
  const cols = [...e.perTopic.map((m) => m.slug), '-'].filter((c) =>
    rows.some((r) => (e.confusion[r]?.[c] ?? 0) > 0),
  );
  out.push('');
  out.push('confusion (rows: labelled section, columns: primary topic; "-" = no topic)');
  const short = (s: string): string => s.slice(0, 6);
  out.push(`${''.padEnd(12)}${cols.map((c) => pad(short(c), 7)).join('')}`);
  for (const r of rows) {
    out.push(
      `${r.padEnd(12)}${cols.map((c) => pad(String(e.confusion[r]?.[c] ?? 0), 7)).join('')}`,
    );
  }
  const left = Object.entries(e.unmapped).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (left.length > 0) {
    out.push('');
    out.push(
      `left out (label maps to no section): ${left.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
  }
  return out.join('\n');
}
