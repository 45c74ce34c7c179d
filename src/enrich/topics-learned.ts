/**
 * The learned word table: for each topic, stems and the weight each adds to the topic's score.
 * It is derived from a labelled corpus by `scripts/derive-topic-weights.ts` and shipped as
 * `topics-learned.tsv` beside this file (a readable table; no article text). The hand-written
 * taxonomy (`content/topics.yaml`) extends it and wins where both give a stem a weight.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Topic slug → stem → weight. */
export type LearnedWeights = ReadonlyMap<string, ReadonlyMap<string, number>>;

export const LEARNED_WEIGHTS_PATH = fileURLToPath(new URL('./topics-learned.tsv', import.meta.url));

/** One row of the table: the example is a (folded) word of the corpus with that stem. */
export interface LearnedRow {
  topic: string;
  stem: string;
  weight: number;
  example: string;
}

/**
 * Reads the table: `#` comment lines, then rows `topic<TAB>stem<TAB>weight<TAB>example`.
 * Throws on a malformed row: the file is generated, so a bad row is a bug, not user input.
 */
export function parseLearnedWeights(text: string): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    const [topic, stem, weightText] = line.split('\t');
    const weight = Number(weightText);
    if (!topic || !stem || weightText === undefined || !Number.isFinite(weight)) {
      throw new Error(`topics-learned.tsv:${index + 1}: expected topic, stem, weight, example`);
    }
    let row = table.get(topic);
    if (row === undefined) table.set(topic, (row = new Map()));
    row.set(stem, weight);
  });
  return table;
}

/** Writes rows in the table's format, after the given comment lines. */
export function formatLearnedWeights(
  comments: readonly string[],
  rows: readonly LearnedRow[],
): string {
  const lines = comments.map((c) => (c === '' ? '#' : `# ${c}`));
  lines.push('# topic\tstem\tweight\texample');
  for (const r of rows) lines.push(`${r.topic}\t${r.stem}\t${r.weight}\t${r.example}`);
  return `${lines.join('\n')}\n`;
}

let cached: LearnedWeights | undefined;

/**
 * The shipped table (read once). A missing table is an error, not an empty table: every
 * article's topics would change without a word.
 */
export function loadLearnedWeights(): LearnedWeights {
  cached ??= readLearnedWeights(LEARNED_WEIGHTS_PATH);
  return cached;
}

/** The table in `file`; throws, naming the file and what to do, when it cannot be read. */
export function readLearnedWeights(file: string): LearnedWeights {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The learned topic table ${file} cannot be read (${reason}). It ships with ephemeris: install it again, or set "learned_weights: false" under settings in topics.yaml to assign topics from its own terms only.`,
      { cause: error },
    );
  }
  return parseLearnedWeights(text);
}
