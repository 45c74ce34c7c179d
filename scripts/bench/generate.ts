/**
 * A synthetic, realistic Greek news archive for the benchmark (issue 5): N articles, about 30 a
 * day over consecutive days, one file per day in the input format, deterministic for a seed.
 *
 * The words come from a bigram model built at bench time from the real corpus
 * (`../shared/corpus/real`, or `$EPHEMERIS_BENCH_CORPUS`), one model per coarse subject of
 * `labels.tsv`, so an article stays on one subject and topic/name analysis does realistic work.
 * Without the corpus, a small built-in set of Greek news sentences (written for this file) feeds
 * the same model. Generated texts are written only to the folder asked for, never to the project.
 *
 *   articles/YYYY/MM/YYYY-MM-DD.txt    date YYYY-MM-DD N / title / 4–10 paragraphs of 30–90 words
 *   topics.yaml, site.json             copied from the project's content/ when they exist
 *
 * Mutation helpers for the rebuild steps: addDay, editOldArticle, deleteArticle, touchAll.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_CORPUS = path.resolve(PROJECT_ROOT, '../shared/corpus/real');
export const DEFAULT_START_DATE = '2015-01-01';

/** Shape of the generated archive (the issue's "realistic" numbers). */
export const SHAPE = {
  perDay: { min: 25, max: 35 },
  newDay: 30,
  titleWords: { min: 8, max: 14 },
  paragraphs: { min: 4, max: 10 },
  paragraphWords: { min: 30, max: 90 },
} as const;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (xmur3 string hash → sfc32)

export type Seed = number | string;
export type Rng = () => number;

export function makeRng(seed: Seed): Rng {
  const s = String(seed);
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const rng = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) rng();
  return rng;
}

/** An integer in [min, max]. */
function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

// ---------------------------------------------------------------------------------------------
// The word model

/** Successors in compressed rows: the successors of word w are next[start[w] .. start[w+1]). */
interface Successors {
  start: Int32Array;
  next: Int32Array;
}

interface Group {
  name: string;
  /** Number of source articles: how often the group is picked. */
  weight: number;
  body: Successors;
  title: Successors;
  bodyStarts: Int32Array;
  titleStarts: Int32Array;
}

export interface WordModel {
  /** Where the words came from: the corpus folder, or "built-in sentences". */
  source: string;
  sourceArticles: number;
  sourceWords: number;
  words: string[];
  /** Every group's body text together, for words a group has no successor for. */
  all: Successors;
  allStarts: Int32Array;
  groups: Group[];
  /** Cumulative group weights, for picking a group. */
  cumulative: number[];
}

/** End of a text: no successor. */
const END = -1;
const SENTENCE_END = /[.!;?·…]["'»)”’]*$/;
const HAS_WORD = /[\p{L}\p{N}]/u;
const STARTS_SENTENCE = /^["'«“(]*[\p{Lu}\p{N}]/u;
/** A sentence glued to the previous one by the crawler: `ημέρες.Το` → `ημέρες. Το`. */
const GLUED = /([.!;?])(?=\p{Lu}\p{Ll})/gu;
/** Not allowed to end a paragraph or title. */
const TRAILING = /[,:;·\-–—«"“(]+$/;
/** The parser reads a line starting with `date` and a digit as an article header. */
const LOOKS_LIKE_HEADER = /^\s*date\s*:?\s*(\d|$)/i;

interface SourceText {
  group: string;
  title: string;
  body: string;
}

const modelCache = new Map<string, WordModel>();

/** The bigram model of a corpus folder (cached per folder), or of the built-in sentences. */
export function loadWordModel(corpusDir: string | null = defaultCorpusDir()): WordModel {
  const key = corpusDir ?? '';
  let model = modelCache.get(key);
  if (!model) {
    const texts = corpusDir ? readCorpus(corpusDir) : undefined;
    model =
      texts && texts.length > 0
        ? buildModel(texts, corpusDir as string)
        : buildModel(BUILT_IN, 'built-in sentences');
    modelCache.set(key, model);
  }
  return model;
}

function defaultCorpusDir(): string {
  return process.env.EPHEMERIS_BENCH_CORPUS || DEFAULT_CORPUS;
}

/** `<dir>/articles/*.txt` in the input format, with `<dir>/labels.tsv` for subjects if present. */
function readCorpus(dir: string): SourceText[] | undefined {
  const articlesDir = path.join(dir, 'articles');
  if (!fs.existsSync(articlesDir)) return undefined;
  const labels = new Map<string, string>();
  const labelsFile = path.join(dir, 'labels.tsv');
  if (fs.existsSync(labelsFile)) {
    for (const line of fs.readFileSync(labelsFile, 'utf8').split('\n').slice(1)) {
      const [file, , , category] = line.split('\t');
      if (file && category) labels.set(file, coarseGroup(category));
    }
  }
  const texts: SourceText[] = [];
  for (const rel of listTxt(articlesDir)) {
    const name = path.basename(rel);
    const text = fs.readFileSync(path.join(articlesDir, rel), 'utf8').replace(/^\uFEFF/, '');
    for (const a of splitArticles(text)) {
      texts.push({
        group: labels.get(name) ?? 'all',
        title: a.title,
        body: a.paragraphs.join('\n'),
      });
    }
  }
  return texts;
}

/** The corpus's mixed crawler labels → a few subjects (as documented in its SOURCE.md). */
function coarseGroup(category: string): string {
  const c = category.toLowerCase();
  const table: [RegExp, string][] = [
    [/^(world|κόσμος)$/, 'world'],
    [/^(greece|ελλάδα|ελλαδα|society)$/, 'society'],
    [/^(agores|epixeiriseis|insights|story)$/, 'economy'],
    [/sport|football|basket|volley|ποδοσφαιρο|μπασκετ|αθληματα/, 'sports'],
    [/culture/, 'culture'],
    [/tech|hardware|games|internet|transport|various/, 'tech'],
    [/environment|περιβάλλον/, 'environment'],
    [/food|recipes/, 'food'],
    [/politics/, 'politics'],
    [/health/, 'health'],
  ];
  for (const [re, group] of table) if (re.test(c)) return group;
  return 'other';
}

/** A word mixing Greek and Latin letters is a crawler defect (ephemeris warns about it). */
const GREEK = /\p{sc=Greek}/u;
const LATIN = /\p{sc=Latin}/u;
/** Invisible and control characters the crawler left (ephemeris warns about them). */
const INVISIBLE = /[\p{Cf}\p{Cc}\uFFFD]/gu;

function tokens(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(/µ/g, 'μ') // the micro sign typed for mu
    .replace(GLUED, '$1 ')
    .split(/\s+/)
    .filter((t) => HAS_WORD.test(t) && t.length <= 32 && !(GREEK.test(t) && LATIN.test(t)));
}

function buildModel(texts: SourceText[], source: string): WordModel {
  // Small subjects would only copy their few articles: they join the "other" group.
  const sizes = new Map<string, number>();
  for (const t of texts) sizes.set(t.group, (sizes.get(t.group) ?? 0) + 1);
  const minGroup = texts.length >= 400 ? 40 : 1;
  const groupOf = (t: SourceText) => ((sizes.get(t.group) ?? 0) >= minGroup ? t.group : 'other');

  const ids = new Map<string, number>();
  const words: string[] = [];
  const id = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) {
      i = words.length;
      ids.set(w, i);
      words.push(w);
    }
    return i;
  };

  interface Seqs {
    weight: number;
    bodies: number[][];
    titles: number[][];
  }
  const byGroup = new Map<string, Seqs>();
  let sourceWords = 0;
  for (const t of texts) {
    const g = groupOf(t);
    let seqs = byGroup.get(g);
    if (!seqs) byGroup.set(g, (seqs = { weight: 0, bodies: [], titles: [] }));
    seqs.weight++;
    const title = tokens(t.title.replace(/[.]+$/, '')).map(id);
    if (title.length > 0) seqs.titles.push(title);
    for (const paragraph of t.body.split('\n')) {
      const body = tokens(paragraph).map(id);
      sourceWords += body.length;
      if (body.length > 0) seqs.bodies.push(body);
    }
  }

  const vocabulary = words.length;
  const groups: Group[] = [];
  const allBodies: number[][] = [];
  for (const [name, seqs] of [...byGroup].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const b of seqs.bodies) allBodies.push(b);
    groups.push({
      name,
      weight: seqs.weight,
      body: successors(seqs.bodies, vocabulary),
      title: successors(seqs.titles, vocabulary),
      bodyStarts: sentenceStarts(seqs.bodies, words),
      titleStarts: Int32Array.from(seqs.titles.map((s) => s[0] as number)),
    });
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (const g of groups) cumulative.push((sum += g.weight));
  return {
    source,
    sourceArticles: texts.length,
    sourceWords,
    words,
    all: successors(allBodies, vocabulary),
    allStarts: sentenceStarts(allBodies, words),
    groups,
    cumulative,
  };
}

function successors(seqs: number[][], vocabulary: number): Successors {
  const start = new Int32Array(vocabulary + 1);
  for (const s of seqs) for (const w of s) start[w + 1]!++;
  for (let w = 0; w < vocabulary; w++) start[w + 1]! += start[w]!;
  const fill = start.slice(0, vocabulary);
  const next = new Int32Array(start[vocabulary]!);
  for (const s of seqs) {
    for (let i = 0; i < s.length; i++) next[fill[s[i]!]!++] = i + 1 < s.length ? s[i + 1]! : END;
  }
  return { start, next };
}

/** Paragraph-initial words and capitalised words after a sentence end. */
function sentenceStarts(seqs: number[][], words: string[]): Int32Array {
  const starts: number[] = [];
  for (const s of seqs) {
    for (let i = 0; i < s.length; i++) {
      const w = words[s[i]!]!;
      const afterEnd = i === 0 || SENTENCE_END.test(words[s[i - 1]!]!);
      if (afterEnd && STARTS_SENTENCE.test(w) && !LOOKS_LIKE_HEADER.test(w)) starts.push(s[i]!);
    }
  }
  if (starts.length === 0) for (const s of seqs) starts.push(s[0]!);
  return Int32Array.from(starts);
}

function pick(rng: Rng, list: Int32Array): number {
  return list[Math.floor(rng() * list.length)]!;
}

/** A successor of w: from the group, else from every text, else undefined. */
function follow(rng: Rng, w: number, own: Successors, all: Successors): number | undefined {
  for (const s of [own, all]) {
    const from = s.start[w]!;
    const n = s.start[w + 1]! - from;
    if (n > 0) {
      const next = s.next[from + Math.floor(rng() * n)]!;
      return next === END ? undefined : next;
    }
  }
  return undefined;
}

function pickGroup(rng: Rng, model: WordModel): Group {
  const total = model.cumulative[model.cumulative.length - 1]!;
  const r = rng() * total;
  let i = 0;
  while (model.cumulative[i]! <= r) i++;
  return model.groups[i]!;
}

/** A text of exactly `count` words walking the chain; restarts at a sentence start at a dead end. */
function walk(
  rng: Rng,
  model: WordModel,
  count: number,
  first: number,
  own: Successors,
  restart: () => number,
): string[] {
  const out: string[] = [];
  let w = first;
  for (;;) {
    out.push(model.words[w]!);
    if (out.length === count) break;
    w = follow(rng, w, own, model.all) ?? restart();
  }
  return out;
}

/** Short lower-case words (articles, prepositions: "της", "και") do not end a title or paragraph. */
const WEAK = /^\p{Ll}{1,3}[,:;·]?$/u;

function trimWeakEnd(words: string[], min: number): void {
  while (words.length > min && WEAK.test(words[words.length - 1]!)) words.pop();
}

function finishSentence(words: string[]): void {
  let last = words[words.length - 1]!.replace(TRAILING, '');
  if (!HAS_WORD.test(last)) last = 'σήμερα';
  words[words.length - 1] = SENTENCE_END.test(last) ? last : `${last}.`;
}

export interface GeneratedArticle {
  title: string;
  paragraphs: string[];
}

export function generateArticle(rng: Rng, model: WordModel): GeneratedArticle {
  const group = pickGroup(rng, model);
  const bodyStart = () =>
    group.bodyStarts.length > 0 ? pick(rng, group.bodyStarts) : pick(rng, model.allStarts);

  const titleLength = between(rng, SHAPE.titleWords.min, SHAPE.titleWords.max);
  const firstTitleWord = group.titleStarts.length > 0 ? pick(rng, group.titleStarts) : bodyStart();
  const titleWords = walk(rng, model, titleLength, firstTitleWord, group.title, bodyStart);
  trimWeakEnd(titleWords, SHAPE.titleWords.min);
  titleWords[titleWords.length - 1] =
    titleWords[titleWords.length - 1]!.replace(/[,:;·.\-–—«"“(]+$/, '') || 'σήμερα';
  const title = titleWords.join(' ');

  const paragraphs: string[] = [];
  const count = between(rng, SHAPE.paragraphs.min, SHAPE.paragraphs.max);
  for (let p = 0; p < count; p++) paragraphs.push(generateParagraph(rng, model, group));
  return { title: LOOKS_LIKE_HEADER.test(title) ? `Ειδήσεις: ${title}` : title, paragraphs };
}

function generateParagraph(rng: Rng, model: WordModel, group?: Group): string {
  const g = group ?? pickGroup(rng, model);
  const start = () =>
    g.bodyStarts.length > 0 ? pick(rng, g.bodyStarts) : pick(rng, model.allStarts);
  const length = between(rng, SHAPE.paragraphWords.min, SHAPE.paragraphWords.max);
  const words = walk(rng, model, length, start(), g.body, start);
  trimWeakEnd(words, SHAPE.paragraphWords.min);
  finishSentence(words);
  return words.join(' ');
}

function formatArticle(date: string, ordinal: number, a: GeneratedArticle): string {
  return `date ${date} ${ordinal}\n\n${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Dates and files

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** `articles/YYYY/MM/YYYY-MM-DD.txt`, relative to the content folder. */
export function dayFile(date: string): string {
  return `articles/${date.slice(0, 4)}/${date.slice(5, 7)}/${date}.txt`;
}

/** Every `.txt` under dir, relative, `/`-separated, sorted. */
function listTxt(dir: string): string[] {
  const out: string[] = [];
  const walkDir = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walkDir(r);
      else if (e.name.toLowerCase().endsWith('.txt')) out.push(r);
    }
  };
  walkDir('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function writeDay(contentDir: string, date: string, text: string): string {
  const rel = dayFile(date);
  const abs = path.join(contentDir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return rel;
}

// ---------------------------------------------------------------------------------------------
// The archive

export interface GenerateOptions {
  articles: number;
  /** The content folder to create (articles/, topics.yaml, site.json). */
  outDir: string;
  seed?: Seed;
  /** The first day; default 2015-01-01. */
  startDate?: string;
  /** The corpus folder; null for the built-in sentences. Default: ../shared/corpus/real. */
  corpusDir?: string | null;
  /** Where topics.yaml and site.json are copied from; default: the project's content/. */
  projectContentDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  contentDir: string;
  articles: number;
  days: number;
  files: number;
  bytes: number;
  firstDate: string;
  lastDate: string;
  /** The word model's source, its size. */
  vocabulary: { source: string; articles: number; words: number; distinct: number };
  copied: string[];
  seconds: number;
}

export function generateArchive(options: GenerateOptions): GenerateResult {
  const started = performance.now();
  const { articles: total, outDir } = options;
  if (!Number.isInteger(total) || total < 1)
    throw new Error(`articles must be a positive integer, not ${total}`);
  const seed = options.seed ?? 1;
  const model = loadWordModel(
    options.corpusDir === undefined ? defaultCorpusDir() : options.corpusDir,
  );
  const rng = makeRng(`ephemeris-bench:${seed}`);
  fs.mkdirSync(path.join(outDir, 'articles'), { recursive: true });

  let date = options.startDate ?? DEFAULT_START_DATE;
  let done = 0;
  let days = 0;
  let bytes = 0;
  const firstDate = date;
  let lastDate = date;
  while (done < total) {
    const count = Math.min(total - done, between(rng, SHAPE.perDay.min, SHAPE.perDay.max));
    const parts: string[] = [];
    for (let n = 0; n < count; n++) parts.push(formatArticle(date, n, generateArticle(rng, model)));
    const text = parts.join('\n');
    writeDay(outDir, date, text);
    bytes += Buffer.byteLength(text);
    done += count;
    days++;
    lastDate = date;
    date = addDays(date, 1);
    options.onProgress?.(done, total);
  }

  const copied: string[] = [];
  const projectContent = options.projectContentDir ?? path.join(PROJECT_ROOT, 'content');
  for (const name of ['topics.yaml', 'site.json']) {
    const from = path.join(projectContent, name);
    if (fs.existsSync(from)) {
      fs.copyFileSync(from, path.join(outDir, name));
      copied.push(name);
    }
  }
  return {
    contentDir: outDir,
    articles: done,
    days,
    files: days,
    bytes,
    firstDate,
    lastDate,
    vocabulary: {
      source: model.source,
      articles: model.sourceArticles,
      words: model.sourceWords,
      distinct: model.words.length,
    },
    copied,
    seconds: (performance.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations for the rebuild steps

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\d+)\s*$/;

interface ArticleSpan {
  date: string;
  ordinal: number;
  /** 0-based line range [from, to) of the article, header included. */
  from: number;
  to: number;
}

function spans(lines: string[]): ArticleSpan[] {
  const out: ArticleSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]!);
    if (!m) continue;
    const prev = out[out.length - 1];
    if (prev) prev.to = i;
    out.push({ date: m[1]!, ordinal: Number(m[2]), from: i, to: lines.length });
  }
  return out;
}

/** Title and paragraphs of one article's text, for reading the corpus. */
function splitArticles(text: string): { title: string; paragraphs: string[] }[] {
  const lines = text.split(/\r\n|\r|\n/);
  return spans(lines).flatMap((s) => {
    const blocks = blocksOf(lines, s.from + 1, s.to).map((b) => b.lines.join(' ').trim());
    const [title, ...paragraphs] = blocks;
    return title && paragraphs.length > 0 ? [{ title, paragraphs }] : [];
  });
}

function blocksOf(lines: string[], from: number, to: number): { from: number; lines: string[] }[] {
  const blocks: { from: number; lines: string[] }[] = [];
  let current: { from: number; lines: string[] } | undefined;
  for (let i = from; i < to; i++) {
    if (lines[i]!.trim() === '') current = undefined;
    else if (current) current.lines.push(lines[i]!);
    else blocks.push((current = { from: i, lines: [lines[i]!] }));
  }
  return blocks;
}

function articleFiles(contentDir: string): string[] {
  return listTxt(path.join(contentDir, 'articles')).map((f) => `articles/${f}`);
}

function readLines(contentDir: string, rel: string): string[] {
  return fs.readFileSync(path.join(contentDir, rel), 'utf8').split('\n');
}

export interface Mutation {
  /** The file changed, relative to the content folder. */
  file: string;
  date: string;
  /** The article(s) concerned. */
  ordinals: number[];
}

export interface MutationOptions {
  corpusDir?: string | null;
}

/** Writes `SHAPE.newDay` (30) new articles on the day after the last day of the archive. */
export function addDay(
  contentDir: string,
  seed: Seed = 1,
  options: MutationOptions = {},
): Mutation {
  let last = '';
  for (const rel of articleFiles(contentDir)) {
    for (const s of spans(readLines(contentDir, rel))) if (s.date > last) last = s.date;
  }
  if (!last) throw new Error(`No article in ${contentDir}: nothing to add a day after.`);
  const date = addDays(last, 1);
  const model = loadWordModel(
    options.corpusDir === undefined ? defaultCorpusDir() : options.corpusDir,
  );
  const rng = makeRng(`ephemeris-bench-day:${seed}:${date}`);
  const parts: string[] = [];
  const ordinals: number[] = [];
  for (let n = 0; n < SHAPE.newDay; n++) {
    parts.push(formatArticle(date, n, generateArticle(rng, model)));
    ordinals.push(n);
  }
  return { file: writeDay(contentDir, date, parts.join('\n')), date, ordinals };
}

/** The files of the first month, in order, with their articles. */
function firstMonth(
  contentDir: string,
): { rel: string; lines: string[]; articles: ArticleSpan[] }[] {
  const files = articleFiles(contentDir);
  const out: { rel: string; lines: string[]; articles: ArticleSpan[] }[] = [];
  let month: string | undefined;
  for (const rel of files) {
    const lines = readLines(contentDir, rel);
    const articles = spans(lines);
    if (articles.length === 0) continue;
    const m = articles[0]!.date.slice(0, 7);
    month ??= m;
    if (m !== month) break;
    out.push({ rel, lines, articles });
  }
  if (out.length === 0) throw new Error(`No article in ${contentDir}.`);
  return out;
}

/**
 * Replaces the second paragraph of the middle article of the first day with a new paragraph
 * (a different one each time: its seed is the old text). The rest of the file is unchanged.
 */
export function editOldArticle(
  contentDir: string,
  options: MutationOptions = {},
): Mutation & { paragraph: number } {
  const { rel, lines, articles } = firstMonth(contentDir)[0]!;
  const a = articles[Math.floor(articles.length / 2)]!;
  const blocks = blocksOf(lines, a.from + 1, a.to);
  const index = blocks.length > 2 ? 2 : blocks.length - 1; // blocks[0] is the title
  const block = blocks[index]!;
  const model = loadWordModel(
    options.corpusDir === undefined ? defaultCorpusDir() : options.corpusDir,
  );
  const rng = makeRng(`ephemeris-bench-edit:${block.lines.join('\n')}`);
  let paragraph = generateParagraph(rng, model);
  while (LOOKS_LIKE_HEADER.test(paragraph)) paragraph = generateParagraph(rng, model);
  lines.splice(block.from, block.lines.length, paragraph);
  fs.writeFileSync(path.join(contentDir, rel), lines.join('\n'));
  return { file: rel, date: a.date, ordinals: [a.ordinal], paragraph: index - 1 };
}

/**
 * Removes the middle article of an old day file (the second day of the first month when there
 * is one) with the blank lines after it; the other articles keep their lines and ordinals.
 */
export function deleteArticle(contentDir: string): Mutation {
  const month = firstMonth(contentDir);
  const candidates = month.filter((f) => f.articles.length >= 2);
  if (candidates.length === 0)
    throw new Error(`No old day file with two articles or more in ${contentDir}.`);
  const { rel, lines, articles } = candidates[Math.min(1, candidates.length - 1)]!;
  const a = articles[Math.floor(articles.length / 2)]!;
  lines.splice(a.from, a.to - a.from);
  fs.writeFileSync(path.join(contentDir, rel), lines.join('\n'));
  return { file: rel, date: a.date, ordinals: [a.ordinal] };
}

/**
 * Sets the time of every article file to now, their bytes unchanged: what a fresh checkout (a
 * CI run) or a copy does to a content folder. Returns how many files it touched.
 */
export function touchAll(contentDir: string): number {
  const now = new Date();
  const files = articleFiles(contentDir);
  for (const rel of files) fs.utimesSync(path.join(contentDir, rel), now, now);
  return files.length;
}

// ---------------------------------------------------------------------------------------------
// Built-in sentences: the fallback when the corpus is absent (written for this file)

const BUILT_IN: SourceText[] = [
  {
    group: 'politics',
    title: 'Νέο νομοσχέδιο για την ψηφιακή διακυβέρνηση κατέθεσε η κυβέρνηση στη Βουλή',
    body: 'Η κυβέρνηση κατέθεσε στη Βουλή το νέο νομοσχέδιο για την ψηφιακή διακυβέρνηση. Ο υπουργός Εσωτερικών δήλωσε ότι οι δήμοι θα αποκτήσουν νέες αρμοδιότητες μέσα στο επόμενο έτος. Η αντιπολίτευση ζήτησε περισσότερο χρόνο για τη συζήτηση στην αρμόδια επιτροπή. Ο πρωθυπουργός συναντήθηκε το πρωί με τους βουλευτές της πλειοψηφίας στο Μέγαρο Μαξίμου.\nΣύμφωνα με πηγές του υπουργείου, η ψηφοφορία αναμένεται την επόμενη εβδομάδα. Τα κόμματα της αντιπολίτευσης κατήγγειλαν ότι το σχέδιο νόμου δεν πέρασε από διαβούλευση.',
  },
  {
    group: 'politics',
    title: 'Συνάντηση του πρωθυπουργού με τον πρόεδρο της Κυπριακής Δημοκρατίας στην Αθήνα',
    body: 'Ο πρωθυπουργός υποδέχθηκε σήμερα στην Αθήνα τον πρόεδρο της Κυπριακής Δημοκρατίας. Οι δύο ηγέτες συζήτησαν τις εξελίξεις στην ανατολική Μεσόγειο και τις σχέσεις με την Τουρκία. Στις δηλώσεις τους τόνισαν τη σημασία της συνεργασίας στον τομέα της ενέργειας.\nΗ συνάντηση διήρκεσε περίπου δύο ώρες και ακολούθησε γεύμα εργασίας με τους υπουργούς Εξωτερικών των δύο χωρών.',
  },
  {
    group: 'economy',
    title: 'Αύξηση των εξαγωγών και πτώση της ανεργίας δείχνουν τα στοιχεία της ΕΛΣΤΑΤ',
    body: 'Σύμφωνα με τα στοιχεία της ΕΛΣΤΑΤ, οι εξαγωγές αυξήθηκαν κατά επτά τοις εκατό τον προηγούμενο μήνα. Η ανεργία υποχώρησε στο χαμηλότερο επίπεδο της τελευταίας δεκαετίας. Οι τράπεζες ανακοίνωσαν νέα προγράμματα δανείων για μικρές και μεσαίες επιχειρήσεις.\nΤο Χρηματιστήριο Αθηνών έκλεισε με άνοδο, ενώ ο τζίρος των συναλλαγών ξεπέρασε τα εκατό εκατομμύρια ευρώ. Οι αναλυτές εκτιμούν ότι ο πληθωρισμός θα επιβραδυνθεί μέσα στο καλοκαίρι.',
  },
  {
    group: 'economy',
    title: 'Ο προϋπολογισμός του νέου έτους προβλέπει μειώσεις φόρων για τις οικογένειες',
    body: 'Το υπουργείο Οικονομικών παρουσίασε το σχέδιο του προϋπολογισμού για το νέο έτος. Προβλέπονται μειώσεις φόρων για τις οικογένειες με παιδιά και αυξήσεις στις συντάξεις. Ο υπουργός δήλωσε ότι η ανάπτυξη της οικονομίας θα ξεπεράσει τις αρχικές εκτιμήσεις.\nΗ Ευρωπαϊκή Επιτροπή θα εξετάσει το σχέδιο τον επόμενο μήνα στις Βρυξέλλες.',
  },
  {
    group: 'sports',
    title: 'Σημαντική νίκη του Ολυμπιακού στο Φάληρο με δύο γκολ στο δεύτερο ημίχρονο',
    body: 'Ο Ολυμπιακός πήρε σημαντική νίκη με δύο γκολ στο δεύτερο ημίχρονο και παραμένει στην κορυφή της βαθμολογίας. Ο προπονητής της ομάδας δήλωσε μετά τον αγώνα ότι οι παίκτες έδειξαν χαρακτήρα. Ο Παναθηναϊκός ηττήθηκε εκτός έδρας και έμεινε πέντε βαθμούς πίσω.\nΣτο μπάσκετ, η ΑΕΚ επικράτησε του ΠΑΟΚ σε ένα συναρπαστικό παιχνίδι που κρίθηκε στην παράταση. Η Εθνική ομάδα ετοιμάζεται για τα προκριματικά του Ευρωμπάσκετ.',
  },
  {
    group: 'sports',
    title: 'Στον τελικό του πρωταθλήματος πόλο η ομάδα του Πειραιά μετά από δραματικό αγώνα',
    body: 'Η ομάδα του Πειραιά προκρίθηκε στον τελικό του πρωταθλήματος πόλο μετά από δραματικό αγώνα. Οι φίλαθλοι γέμισαν το κολυμβητήριο από νωρίς το απόγευμα. Ο αρχηγός της ομάδας σημείωσε τέσσερα γκολ και αναδείχθηκε κορυφαίος του αγώνα.\nΟ τελικός θα διεξαχθεί το επόμενο Σάββατο στο Ολυμπιακό Κολυμβητήριο.',
  },
  {
    group: 'world',
    title: 'Σε κατάσταση έκτακτης ανάγκης οι περιοχές που επλήγησαν από τον σεισμό στην Τουρκία',
    body: 'Σε κατάσταση έκτακτης ανάγκης κηρύχθηκαν οι περιοχές που επλήγησαν από τον ισχυρό σεισμό. Οι αρχές ανακοίνωσαν ότι τα σωστικά συνεργεία συνεχίζουν τις έρευνες στα ερείπια. Η Ελλάδα έστειλε ομάδα διασωστών και ανθρωπιστική βοήθεια.\nΟ γενικός γραμματέας του ΟΗΕ εξέφρασε τη συμπαράστασή του στις οικογένειες των θυμάτων. Η Ευρωπαϊκή Ένωση ενεργοποίησε τον μηχανισμό πολιτικής προστασίας.',
  },
  {
    group: 'world',
    title: 'Νέος γύρος διαπραγματεύσεων για το κλίμα ξεκινά στις Βρυξέλλες με τη συμμετοχή των ΗΠΑ',
    body: 'Ο πρόεδρος των ΗΠΑ συναντήθηκε με τους ηγέτες της Ευρωπαϊκής Ένωσης στις Βρυξέλλες. Στο επίκεντρο των συνομιλιών βρέθηκαν το κλίμα, η ενέργεια και ο πόλεμος στην Ουκρανία. Η Γερμανία και η Γαλλία ζήτησαν κοινή στάση απέναντι στη Ρωσία.\nΟι διαπραγματεύσεις θα συνεχιστούν τον επόμενο μήνα στο Παρίσι.',
  },
  {
    group: 'culture',
    title: 'Μεγάλη έκθεση για την αρχαία ελληνική τέχνη εγκαινιάζεται στο Μουσείο της Ακρόπολης',
    body: 'Το Μουσείο της Ακρόπολης εγκαινιάζει μεγάλη έκθεση για την αρχαία ελληνική τέχνη. Η έκθεση περιλαμβάνει περισσότερα από διακόσια εκθέματα από μουσεία της Ευρώπης. Ο διευθυντής του μουσείου δήλωσε ότι πρόκειται για μια σπάνια ευκαιρία για το κοινό.\nΤο Φεστιβάλ Αθηνών ανακοίνωσε το πρόγραμμα του καλοκαιριού με θεατρικές παραστάσεις και συναυλίες στο Ηρώδειο. Η νέα ταινία του Έλληνα σκηνοθέτη βραβεύτηκε στο φεστιβάλ των Καννών.',
  },
  {
    group: 'tech',
    title: 'Νέα κινητά τηλέφωνα με τεχνητή νοημοσύνη παρουσίασαν οι μεγάλες εταιρείες τεχνολογίας',
    body: 'Οι μεγάλες εταιρείες τεχνολογίας παρουσίασαν νέα κινητά τηλέφωνα με εφαρμογές τεχνητής νοημοσύνης. Οι χρήστες θα μπορούν να μεταφράζουν συνομιλίες σε πραγματικό χρόνο. Η νέα έκδοση του λογισμικού θα είναι διαθέσιμη από τον επόμενο μήνα.\nΕιδικοί προειδοποιούν για τους κινδύνους στην ασφάλεια των προσωπικών δεδομένων στο διαδίκτυο. Η Ευρωπαϊκή Επιτροπή ετοιμάζει νέους κανόνες για τις ψηφιακές πλατφόρμες.',
  },
  {
    group: 'society',
    title: 'Κλειστά τα σχολεία σε πολλές περιοχές της Αττικής λόγω της κακοκαιρίας και του χιονιού',
    body: 'Κλειστά θα παραμείνουν αύριο τα σχολεία σε πολλές περιοχές της Αττικής λόγω της κακοκαιρίας. Η Πολιτική Προστασία ζητά από τους πολίτες να αποφεύγουν τις άσκοπες μετακινήσεις. Η Εθνική Μετεωρολογική Υπηρεσία προβλέπει χιονοπτώσεις και στα ορεινά της Θεσσαλονίκης.\nΣυνεργεία του δήμου εργάζονται όλη τη νύχτα για να καθαρίσουν τους δρόμους. Η κυκλοφορία στην Εθνική Οδό Αθηνών - Λαμίας διεξάγεται με αλυσίδες.',
  },
  {
    group: 'society',
    title: 'Νέα μέτρα για την υγεία και τα νοσοκομεία ανακοίνωσε ο υπουργός Υγείας στη Θεσσαλονίκη',
    body: 'Ο υπουργός Υγείας ανακοίνωσε νέα μέτρα για την ενίσχυση των νοσοκομείων. Θα προσληφθούν χίλιοι γιατροί και νοσηλευτές μέσα στο έτος. Οι εργαζόμενοι στα νοσοκομεία της Θεσσαλονίκης πραγματοποίησαν στάση εργασίας.\nΣύμφωνα με την ανακοίνωση, τα νέα κέντρα υγείας θα λειτουργούν όλο το εικοσιτετράωρο.',
  },
  {
    group: 'environment',
    title: 'Μεγάλη πυρκαγιά στην Εύβοια καίει δάσος και απειλεί χωριά για δεύτερη ημέρα',
    body: 'Μεγάλη πυρκαγιά καίει για δεύτερη ημέρα δάσος στη βόρεια Εύβοια. Η Πυροσβεστική Υπηρεσία έχει κινητοποιήσει εκατοντάδες πυροσβέστες και εναέρια μέσα. Οι κάτοικοι δύο χωριών απομακρύνθηκαν προληπτικά με οδηγίες των αρχών.\nΟι επιστήμονες προειδοποιούν ότι η κλιματική αλλαγή αυξάνει τον κίνδυνο πυρκαγιών κάθε καλοκαίρι.',
  },
];
