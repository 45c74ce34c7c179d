/**
 * Topic assignment: which sections of the taxonomy an article belongs to, from its own words.
 *
 * Every word of the title and body is folded and stemmed, stopwords are dropped, and each stem
 * (and phrase) of the compiled taxonomy adds its weight to its topics:
 *
 *   score(topic) = Σ weight(stem, topic) × (titleWeight × (1 + ln n_title) + (1 + ln n_body))
 *
 * where n_title and n_body count the stem in the title and in the body (a term only present in
 * one of them contributes only that part). The logarithm keeps one word repeated twenty times
 * from outweighing many different words of a topic. The best topic is the primary one; up to
 * two more follow when they reach `secondaryShare` of its score. An article whose best score is
 * below `minScore` has no clear signal and gets no topic. Ties go to the topic listed first in
 * the taxonomy, so the result depends on nothing but the article and the taxonomy.
 */
import type { TopicScore } from '../model.ts';
import type { CompiledTaxonomy } from './taxonomy.ts';

export type { CompiledTaxonomy } from './taxonomy.ts';
export { compileTaxonomy, loadCompiledTaxonomy, loadTaxonomy, parseTaxonomy } from './taxonomy.ts';

/** The parts of an article topics are read from. */
export interface TopicInput {
  title: string;
  paragraphs: readonly string[];
}

/** Reusable buffers of one compiled taxonomy (assignment is synchronous, so one set suffices). */
interface Scratch {
  title: Float64Array;
  body: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
  scores: Float64Array;
  ids: Int32Array;
}

const scratches = new WeakMap<CompiledTaxonomy, Scratch>();

function scratchFor(compiled: CompiledTaxonomy): Scratch {
  let scratch = scratches.get(compiled);
  if (scratch === undefined) {
    const n = compiled.featureCount;
    scratch = {
      title: new Float64Array(n),
      body: new Float64Array(n),
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      scores: new Float64Array(compiled.topics.length),
      ids: new Int32Array(4096),
    };
    scratches.set(compiled, scratch);
  }
  return scratch;
}

/** Raw topic scores of an article, in taxonomy order (for evaluation and debugging). */
export function scoreTopics(article: TopicInput, compiled: CompiledTaxonomy): Float64Array {
  return Float64Array.from(score(article, compiled));
}

/** The scores in a buffer reused by the next call. */
function score(article: TopicInput, compiled: CompiledTaxonomy): Float64Array {
  const scratch = scratchFor(compiled);
  const { title, body, seen, touched, scores } = scratch;
  let touchedCount = 0;

  const read = (text: string, counts: Float64Array): void => {
    if (scratch.ids.length < text.length + 2) {
      scratch.ids = new Int32Array(Math.max(text.length + 2, scratch.ids.length * 2));
    }
    const ids = scratch.ids;
    const end = compiled.words.scan(text, ids, 0);
    const phrases = compiled.phrasesByLast;
    for (let i = 0; i < end; i++) {
      const f = ids[i]!;
      if (f < 0) continue;
      counts[f]!++;
      if (seen[f] === 0) {
        seen[f] = 1;
        touched[touchedCount++] = f;
      }
      if (phrases.size === 0) continue;
      const candidates = phrases.get(f);
      if (candidates === undefined) continue;
      for (const phrase of candidates) {
        const words = phrase.words;
        const first = i - words.length + 1;
        if (first < 0) continue;
        let k = 0;
        while (k < words.length - 1 && ids[first + k] === words[k]) k++;
        if (k < words.length - 1) continue;
        const p = phrase.feature;
        counts[p]!++;
        if (seen[p] === 0) {
          seen[p] = 1;
          touched[touchedCount++] = p;
        }
      }
    }
  };

  read(article.title, title);
  for (const paragraph of article.paragraphs) read(paragraph, body);

  const topicCount = compiled.topics.length;
  const weights = compiled.weights;
  const titleWeight = compiled.settings.titleWeight;
  scores.fill(0);
  for (let k = 0; k < touchedCount; k++) {
    const f = touched[k]!;
    const inTitle = title[f]!;
    const inBody = body[f]!;
    const x =
      (inTitle > 0 ? titleWeight * (1 + Math.log(inTitle)) : 0) +
      (inBody > 0 ? 1 + Math.log(inBody) : 0);
    const row = f * topicCount;
    for (let t = 0; t < topicCount; t++) {
      const w = weights[row + t]!;
      if (w !== 0) scores[t]! += w * x;
    }
    title[f] = 0;
    body[f] = 0;
    seen[f] = 0;
  }
  return scores;
}

/**
 * The topics of an article, best first: a primary topic and at most two more, each with its
 * score (rounded to 2 decimals). An article without a clear signal gets `[]`.
 */
export function assignTopics(article: TopicInput, compiled: CompiledTaxonomy): TopicScore[] {
  const scores = score(article, compiled);
  const { minScore, secondaryShare, maxTopics } = compiled.settings;
  const order: number[] = [];
  for (let t = 0; t < scores.length; t++) if (scores[t]! >= minScore) order.push(t);
  if (order.length === 0) return [];
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const best = scores[order[0]!]!;
  const result: TopicScore[] = [];
  for (const t of order) {
    if (result.length >= maxTopics) break;
    if (result.length > 0 && scores[t]! < secondaryShare * best) break;
    const topic = compiled.topics[t]!;
    result.push({ slug: topic.slug, name: topic.name, score: Math.round(scores[t]! * 100) / 100 });
  }
  return result;
}
