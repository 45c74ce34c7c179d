/**
 * Learning word weights for topics from labelled articles (used by
 * `scripts/derive-topic-weights.ts`; nothing here runs during a build).
 *
 * The learned weights are added to the hand-written taxonomy's, so they are learned *with* it:
 * a multinomial logistic regression whose inputs are exactly what `scoreTopics` computes at run
 * time. For an article and a topic t,
 *
 *   score(t) = hand(t) + Σ_s w(t, s) × x(s),   x(s) = titleWeight × (1 + ln n_title) + (1 + ln n_body)
 *
 * where hand(t) is the score from the taxonomy's own terms (held fixed) and w is learned. The
 * weights minimise the cross-entropy of softmax(score / temperature) against the labels, each
 * topic counting alike (so that small sections matter as much as large ones), plus an L2
 * penalty that keeps every learned weight small unless the data insist. The temperature sets
 * how much the hand-written terms count against what the data show: a hand weight of 3 adds
 * 3 / temperature to the odds. A (topic, stem) pair the taxonomy already weighs is not
 * learned: the person's weight is final.
 *
 * Only stems seen in at least `minDocs` articles from at least `minGroups` publishers are
 * learned, and a stem may count for a topic only when that topic's articles from at least
 * `minGroups` publishers use it: a word only one publisher uses for a section (its name, its
 * captions, its spelling of a word) says nothing about other publishers' articles. Topics without labelled articles (e.g. a section no publisher of the
 * corpus had) learn nothing and keep their hand-written terms only.
 */
import type { Taxonomy } from '../model.ts';
import { compileTaxonomy, type TopicSettings } from './taxonomy.ts';
import type { LearnedRow } from './topics-learned.ts';
import { scoreTopics } from './topics.ts';
import { foldedWords, isContentWord, stemFolded } from './topics-text.ts';

/** An article reduced to what learning needs. */
export interface TrainingArticle {
  title: string;
  paragraphs: readonly string[];
  /** Its labelled section. */
  slug: string;
  /** Where it came from (the publisher): evidence must come from several of them. */
  group: string;
}

export interface LearnOptions {
  /** Least number of labelled articles containing a stem. */
  minDocs: number;
  /** Least number of publishers whose articles contain the stem. */
  minGroups: number;
  /** Least number of publishers whose articles of a topic contain the stem for it to count for the topic. */
  minTopicGroups: number;
  /** L2 penalty per weight (in log-odds units), relative to the mean loss of one article. */
  l2: number;
  /** Taxonomy weight units per unit of log-odds (see above). */
  temperature: number;
  /** Gradient steps (full batch, Adam). */
  iterations: number;
  learningRate: number;
  /** Weights (in taxonomy units) whose size is below this are dropped from the table. */
  minAbsWeight: number;
  /** Weights are rounded to this many decimals. */
  decimals: number;
  /**
   * How much each topic's articles count, between 0 (every article alike: large sections
   * dominate) and 1 (every topic alike).
   */
  balance: number;
  /** Words never learned (publishers' names and boilerplate), as folded words. */
  exclude: readonly string[];
}

export const DEFAULT_LEARN_OPTIONS: Readonly<LearnOptions> = Object.freeze({
  minDocs: 3,
  minGroups: 2,
  minTopicGroups: 2,
  l2: 1e-3,
  temperature: 7,
  iterations: 150,
  learningRate: 0.05,
  minAbsWeight: 0.3,
  decimals: 2,
  balance: 1,
  exclude: [],
});

/** Stem counts of an article's title and body, with the folded words seen for each stem. */
interface ArticleCounts {
  title: Map<string, number>;
  body: Map<string, number>;
  forms: Map<string, string[]>;
}

function countStems(article: { title: string; paragraphs: readonly string[] }): ArticleCounts {
  const counts: ArticleCounts = { title: new Map(), body: new Map(), forms: new Map() };
  const add = (text: string, into: Map<string, number>): void => {
    for (const word of foldedWords(text)) {
      if (!isContentWord(word)) continue;
      const s = stemFolded(word);
      into.set(s, (into.get(s) ?? 0) + 1);
      const forms = counts.forms.get(s);
      if (forms === undefined) counts.forms.set(s, [word]);
      else forms.push(word);
    }
  };
  add(article.title, counts.title);
  for (const p of article.paragraphs) add(p, counts.body);
  return counts;
}

/** Learns the word table from labelled articles, on top of the taxonomy's own terms. */
export function learnTopicWeights(
  articles: readonly TrainingArticle[],
  taxonomy: Taxonomy,
  settings: TopicSettings,
  options: Partial<LearnOptions> = {},
): LearnedRow[] {
  const o: LearnOptions = { ...DEFAULT_LEARN_OPTIONS, ...options };
  const slugs = taxonomy.topics.map((t) => t.slug);
  const topicOf = new Map(slugs.map((s, i) => [s, i]));
  const k = slugs.length;
  const hand = compileTaxonomy(taxonomy, { settings, learned: null });
  const excluded = new Set(o.exclude.map((w) => stemFolded(w)));

  // Read every article once: hand scores, stem counts, publishers per stem.
  const docs: { topic: number; hand: Float64Array; counts: ArticleCounts }[] = [];
  const docFreq = new Map<string, number>();
  const groups = new Map<string, Set<string>>();
  /** Publishers of each topic's articles that contain a stem: `${topic} ${stem}` → publishers. */
  const topicGroups = new Map<string, Set<string>>();
  const groupsOfTopic = slugs.map(() => new Set<string>());
  const forms = new Map<string, Map<string, number>>();
  for (const article of articles) {
    const topic = topicOf.get(article.slug);
    if (topic === undefined) continue;
    const counts = countStems(article);
    docs.push({ topic, hand: scoreTopics(article, hand), counts });
    const seen = new Set([...counts.title.keys(), ...counts.body.keys()]);
    groupsOfTopic[topic]!.add(article.group);
    for (const s of seen) {
      const key = `${topic} ${s}`;
      let tg = topicGroups.get(key);
      if (tg === undefined) topicGroups.set(key, (tg = new Set()));
      tg.add(article.group);
      docFreq.set(s, (docFreq.get(s) ?? 0) + 1);
      let g = groups.get(s);
      if (g === undefined) groups.set(s, (g = new Set()));
      g.add(article.group);
    }
    for (const [s, words] of counts.forms) {
      let f = forms.get(s);
      if (f === undefined) forms.set(s, (f = new Map()));
      for (const w of words) f.set(w, (f.get(w) ?? 0) + 1);
    }
  }
  const allGroups = new Set(articles.map((a) => a.group)).size;
  const needGroups = Math.min(o.minGroups, allGroups);

  // The vocabulary: stems common enough, from enough publishers.
  const vocabulary: string[] = [];
  for (const [s, df] of docFreq) {
    if (df < o.minDocs || excluded.has(s) || (groups.get(s)?.size ?? 0) < needGroups) continue;
    if (/\d/.test(s)) continue;
    vocabulary.push(s);
  }
  vocabulary.sort();
  const featureOf = new Map(vocabulary.map((s, i) => [s, i]));
  const n = vocabulary.length;

  // Topics that have labelled articles take part; pairs the taxonomy weighs are not learned.
  const size = new Float64Array(k);
  for (const d of docs) size[d.topic]!++;
  const active = [...Array(k).keys()].filter((t) => size[t]! > 0);
  const learnable = new Uint8Array(n * k);
  const handTerms = new Set<string>();
  taxonomy.topics.forEach((topic, t) => {
    for (const term of Object.keys(topic.terms)) {
      const stems = foldedWords(term).filter(isContentWord).map(stemFolded);
      if (stems.length === 1) handTerms.add(`${t} ${stems[0]}`);
    }
  });
  // A stem may count *for* a topic only when the topic's articles from several publishers use
  // it (a house style, a spelling, a caption marker is one publisher's habit, not the topic's);
  // it may count *against* any topic.
  const mayBePositive = new Uint8Array(n * k);
  for (let f = 0; f < n; f++) {
    for (const t of active) {
      if (handTerms.has(`${t} ${vocabulary[f]}`)) continue;
      learnable[f * k + t] = 1;
      const need = Math.min(o.minTopicGroups, groupsOfTopic[t]!.size);
      if ((topicGroups.get(`${t} ${vocabulary[f]}`)?.size ?? 0) >= need)
        mayBePositive[f * k + t] = 1;
    }
  }

  // Sparse inputs x(s) as at run time.
  const tw = settings.titleWeight;
  const rows = docs.map((d) => {
    const ids: number[] = [];
    const xs: number[] = [];
    const stems = new Set([...d.counts.title.keys(), ...d.counts.body.keys()]);
    for (const s of [...stems].sort()) {
      const f = featureOf.get(s);
      if (f === undefined) continue;
      const nt = d.counts.title.get(s) ?? 0;
      const nb = d.counts.body.get(s) ?? 0;
      ids.push(f);
      xs.push((nt > 0 ? tw * (1 + Math.log(nt)) : 0) + (nb > 0 ? 1 + Math.log(nb) : 0));
    }
    return { ids: Int32Array.from(ids), xs: Float64Array.from(xs) };
  });

  // Each article's share of the loss: topics count alike (balance 1) or articles do (0).
  const docWeight = docs.map((d) => Math.pow(size[d.topic]!, -o.balance));
  const totalWeight = docWeight.reduce((a, b) => a + b, 0);
  for (let i = 0; i < docWeight.length; i++) docWeight[i]! /= totalWeight;

  // Full-batch gradient descent with Adam: deterministic, no sampling.
  const w = new Float64Array(n * k);
  const m = new Float64Array(n * k);
  const v = new Float64Array(n * k);
  const grad = new Float64Array(n * k);
  const logits = new Float64Array(k);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const isActive = new Uint8Array(k);
  for (const t of active) isActive[t] = 1;
  const g = new Float64Array(k);
  for (let step = 1; step <= o.iterations; step++) {
    grad.fill(0);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const { ids, xs } = rows[i]!;
      for (let t = 0; t < k; t++) logits[t] = d.hand[t]! / o.temperature;
      for (let j = 0; j < ids.length; j++) {
        const row = ids[j]! * k;
        const x = xs[j]!;
        for (let t = 0; t < k; t++) logits[t]! += w[row + t]! * x;
      }
      let max = -Infinity;
      for (const t of active) if (logits[t]! > max) max = logits[t]!;
      let sum = 0;
      for (const t of active) sum += logits[t] = Math.exp(logits[t]! - max);
      for (let t = 0; t < k; t++) {
        g[t] = isActive[t] ? docWeight[i]! * (logits[t]! / sum - (t === d.topic ? 1 : 0)) : 0;
      }
      for (let j = 0; j < ids.length; j++) {
        const row = ids[j]! * k;
        const x = xs[j]!;
        for (let t = 0; t < k; t++) grad[row + t]! += g[t]! * x;
      }
    }
    const lr = o.learningRate;
    const c1 = 1 - Math.pow(beta1, step);
    const c2 = 1 - Math.pow(beta2, step);
    for (let p = 0; p < n * k; p++) {
      if (learnable[p] === 0) continue;
      const gp = grad[p]! + o.l2 * w[p]!;
      m[p] = beta1 * m[p]! + (1 - beta1) * gp;
      v[p] = beta2 * v[p]! + (1 - beta2) * gp * gp;
      w[p]! -= (lr * (m[p]! / c1)) / (Math.sqrt(v[p]! / c2) + 1e-8);
      if (w[p]! > 0 && mayBePositive[p] === 0) w[p] = 0;
    }
  }

  const out: LearnedRow[] = [];
  const scale = Math.pow(10, o.decimals);
  for (const t of active) {
    const topicRows: LearnedRow[] = [];
    for (let f = 0; f < n; f++) {
      const weight = Math.round(w[f * k + t]! * o.temperature * scale) / scale;
      if (learnable[f * k + t] === 0 || Math.abs(weight) < o.minAbsWeight) continue;
      topicRows.push({
        topic: slugs[t]!,
        stem: vocabulary[f]!,
        weight,
        example: example(forms.get(vocabulary[f]!)!),
      });
    }
    topicRows.sort((a, b) => b.weight - a.weight || (a.stem < b.stem ? -1 : 1));
    out.push(...topicRows);
  }
  return out;
}

/** The most frequent folded word of a stem (ties: the shorter, then alphabetical). */
function example(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [word, count] of forms) {
    if (
      count > bestCount ||
      (count === bestCount &&
        (word.length < best.length || (word.length === best.length && word < best)))
    ) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}
