/**
 * The taxonomy of topics: read from the file a person edits (`content/topics.yaml`), checked,
 * and compiled into stems → weights for fast matching.
 *
 * The file is YAML (JSON is accepted too, as it is YAML): an optional `settings` mapping and a
 * `topics` list; each topic has a `slug`, a `name` and `terms`, a mapping from ordinary Greek
 * words or phrases to weights (`κυβέρνηση: 3`). Terms are folded and stemmed when loaded, so
 * `κυβέρνηση` also matches `Κυβέρνησης` and `κυβερνήσεις`. See `content/topics.yaml`.
 *
 * Problems are returned as diagnostics naming the file and line, never thrown: a bad term or
 * topic is reported and left out, the rest loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Taxonomy, TopicDefinition } from '../model.ts';
import { loadLearnedWeights, type LearnedWeights } from './topics-learned.ts';
import {
  foldedWords,
  isContentWord,
  isRegularWord,
  stemFolded,
  termStems,
  WordTable,
} from './topics-text.ts';

interface YamlMark {
  line: number;
  column: number;
}
interface YamlError extends Error {
  reason?: string;
  mark?: YamlMark;
}
interface YamlState {
  line: number;
  kind: string | null;
  result: unknown;
}
interface YamlModule {
  load(
    text: string,
    options?: {
      filename?: string;
      listener?: (event: 'open' | 'close', state: YamlState) => void;
    },
  ): unknown;
}

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as YamlModule;

/** How articles are scored; every value has a default and may be set in the file. */
export interface TopicSettings {
  /** How many times a word of the title counts more than one of the body. */
  titleWeight: number;
  /** The least score a topic needs; an article whose best topic scores less gets none. */
  minScore: number;
  /** A further topic needs at least this share of the primary topic's score (0–1). */
  secondaryShare: number;
  /** Most topics per article (1–3). */
  maxTopics: number;
  /** Whether the learned word table (`src/enrich/topics-learned.tsv`) is used besides `terms`. */
  learnedWeights: boolean;
}

export const DEFAULT_SETTINGS: Readonly<TopicSettings> = Object.freeze({
  titleWeight: 3,
  minScore: 6,
  secondaryShare: 0.6,
  maxTopics: 3,
  learnedWeights: true,
});

/** The settings as they are spelled in the file. */
const SETTING_KEYS: Record<string, keyof TopicSettings> = {
  title_weight: 'titleWeight',
  min_score: 'minScore',
  secondary_share: 'secondaryShare',
  max_topics: 'maxTopics',
  learned_weights: 'learnedWeights',
};

export interface TaxonomyParseResult {
  taxonomy: Taxonomy;
  settings: TopicSettings;
  diagnostics: Diagnostic[];
}

/** Lower-case ASCII letters and digits, words joined by single hyphens: part of a URL. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Weights larger than this are surely a typing mistake (the scale is about 1 to 5). */
const MAX_WEIGHT = 100;

// ---------------------------------------------------------------------------------------------
// Where things are in the file: line numbers from the YAML parser.

interface NodeInfo {
  line: number;
  keyLines: Map<string, number>;
}

interface Frame {
  line: number;
  children: { value: unknown; line: number; scalar: boolean }[];
}

/** Parses YAML and records, for every mapping and list, its line and the line of each key. */
function loadWithLines(
  text: string,
  file: string,
): { value: unknown; where: WeakMap<object, NodeInfo> } {
  const where = new WeakMap<object, NodeInfo>();
  const stack: Frame[] = [];
  const value = yaml.load(text, {
    filename: file,
    listener(event, state) {
      if (event === 'open') {
        stack.push({ line: state.line + 1, children: [] });
        return;
      }
      const frame = stack.pop();
      if (frame === undefined) return;
      const result = state.result;
      const isObject = typeof result === 'object' && result !== null;
      if (isObject && !where.has(result)) {
        const keyLines = new Map<string, number>();
        if (!Array.isArray(result)) {
          // Children of a mapping alternate key, value.
          frame.children.forEach((child, index) => {
            if (index % 2 === 0 && child.scalar) {
              const key = String(child.value);
              if (!keyLines.has(key)) keyLines.set(key, child.line);
            }
          });
        }
        where.set(result, { line: frame.line, keyLines });
      }
      stack.at(-1)?.children.push({ value: result, line: frame.line, scalar: !isObject });
    },
  });
  return { value, where };
}

// ---------------------------------------------------------------------------------------------
// Parsing and checking.

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and checks a taxonomy file's text. Pure: no I/O. `file` names the file in diagnostics.
 * Terms keep their spelling here; `compileTaxonomy` folds and stems them.
 */
export function parseTaxonomy(text: string, file: string): TaxonomyParseResult {
  const diagnostics: Diagnostic[] = [];
  const settings: TopicSettings = { ...DEFAULT_SETTINGS };
  const topics: TopicDefinition[] = [];
  const report = (
    severity: Diagnostic['severity'],
    code: string,
    line: number,
    message: string,
    column = 1,
  ): void => {
    diagnostics.push({ code, severity, file, line, column, message });
  };

  let root: unknown;
  let where: WeakMap<object, NodeInfo>;
  try {
    ({ value: root, where } = loadWithLines(text.replace(/^\uFEFF/, ''), file));
  } catch (error) {
    const yamlError = error as YamlError;
    const line = (yamlError.mark?.line ?? 0) + 1;
    const column = (yamlError.mark?.column ?? 0) + 1;
    const reason = yamlError.reason ?? yamlError.message;
    report(
      'error',
      'E_TOPICS_SYNTAX',
      line,
      `${file}:${line}:${column}: not valid YAML (${reason}); no topics were loaded. Check the indentation and that each term is written as "word: weight".`,
      column,
    );
    return { taxonomy: { topics }, settings, diagnostics };
  }
  const lineOf = (node: unknown, key?: string): number => {
    if (typeof node !== 'object' || node === null) return 1;
    const info = where.get(node);
    if (info === undefined) return 1;
    return (key !== undefined ? info.keyLines.get(key) : undefined) ?? info.line;
  };

  if (!isMapping(root)) {
    report(
      'error',
      'E_TOPICS_SHAPE',
      1,
      `${file}: expected a mapping with a "topics:" list at the top level; no topics were loaded.`,
    );
    return { taxonomy: { topics }, settings, diagnostics };
  }
  for (const key of Object.keys(root)) {
    if (key !== 'topics' && key !== 'settings') {
      const line = lineOf(root, key);
      report(
        'warning',
        'W_TOPICS_KEY_UNKNOWN',
        line,
        `${file}:${line}: unknown key "${key}" ignored (expected "settings" and "topics").`,
      );
    }
  }

  readSettings(root['settings'], lineOf(root, 'settings'));

  const list = root['topics'];
  if (!Array.isArray(list)) {
    const line = lineOf(root, 'topics');
    report(
      'error',
      'E_TOPICS_SHAPE',
      line,
      list === undefined
        ? `${file}: no "topics:" list; no topics were loaded.`
        : `${file}:${line}: "topics" must be a list of topics (each starting with "- slug: ..."); no topics were loaded.`,
    );
    return { taxonomy: { topics }, settings, diagnostics };
  }

  const slugs = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const topic = readTopic(entry, index, lineOf(list, undefined));
    if (topic === undefined) return;
    if (slugs.has(topic.slug)) {
      const line = lineOf(entry, 'slug');
      report(
        'error',
        'E_TOPIC_SLUG_DUPLICATE',
        line,
        `${file}:${line}: slug "${topic.slug}" is used by an earlier topic; this topic was left out.`,
      );
      return;
    }
    slugs.add(topic.slug);
    topics.push(topic);
  });
  if (topics.length === 0) {
    report('error', 'E_TOPICS_EMPTY', lineOf(root, 'topics'), `${file}: no usable topic.`);
  }
  return { taxonomy: { topics }, settings, diagnostics };

  function readSettings(value: unknown, line: number): void {
    if (value === undefined || value === null) return;
    if (!isMapping(value)) {
      report(
        'error',
        'E_SETTING_VALUE',
        line,
        `${file}:${line}: "settings" must be a mapping such as "title_weight: 3"; defaults used.`,
      );
      return;
    }
    for (const [key, raw] of Object.entries(value)) {
      const at = lineOf(value, key);
      const name = SETTING_KEYS[key];
      if (name === undefined) {
        report(
          'warning',
          'W_SETTING_UNKNOWN',
          at,
          `${file}:${at}: unknown setting "${key}" ignored (known: ${Object.keys(SETTING_KEYS).join(', ')}).`,
        );
        continue;
      }
      const bad = (expected: string): void =>
        report(
          'error',
          'E_SETTING_VALUE',
          at,
          `${file}:${at}: setting "${key}" must be ${expected}, not ${JSON.stringify(raw)}; the default ${String(DEFAULT_SETTINGS[name])} is used.`,
        );
      if (name === 'learnedWeights') {
        if (typeof raw === 'boolean') settings.learnedWeights = raw;
        else bad('true or false');
      } else if (name === 'maxTopics') {
        if (raw === 1 || raw === 2 || raw === 3) settings.maxTopics = raw;
        else bad('1, 2 or 3');
      } else if (name === 'secondaryShare') {
        if (typeof raw === 'number' && raw > 0 && raw <= 1) settings.secondaryShare = raw;
        else bad('a number above 0 and at most 1');
      } else if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) {
        settings[name] = raw;
      } else {
        bad('a positive number');
      }
    }
  }

  function readTopic(entry: unknown, index: number, listLine: number): TopicDefinition | undefined {
    const ordinal = `topic ${index + 1}`;
    if (!isMapping(entry)) {
      report(
        'error',
        'E_TOPIC_INVALID',
        listLine,
        `${file}:${listLine}: ${ordinal} must be a mapping with slug, name and terms; it was left out.`,
      );
      return undefined;
    }
    const at = (key?: string): number => lineOf(entry, key);
    const slug = entry['slug'];
    if (typeof slug !== 'string' || !SLUG.test(slug)) {
      const line = at('slug');
      report(
        'error',
        'E_TOPIC_SLUG',
        line,
        slug === undefined
          ? `${file}:${line}: ${ordinal} has no slug; it was left out. Add e.g. "slug: politiki".`
          : `${file}:${line}: slug ${JSON.stringify(slug)} of ${ordinal} must be lower-case Latin letters, digits and single hyphens (it is part of the URL /themata/<slug>/); the topic was left out.`,
      );
      return undefined;
    }
    const name = entry['name'];
    if (typeof name !== 'string' || name.trim() === '') {
      const line = at('name');
      report(
        'error',
        'E_TOPIC_NAME',
        line,
        `${file}:${line}: topic "${slug}" needs a name, e.g. "name: Πολιτική"; it was left out.`,
      );
      return undefined;
    }
    for (const key of Object.keys(entry)) {
      if (key !== 'slug' && key !== 'name' && key !== 'terms') {
        const line = at(key);
        report(
          'warning',
          'W_TOPIC_KEY_UNKNOWN',
          line,
          `${file}:${line}: unknown key "${key}" in topic "${slug}" ignored (expected slug, name, terms).`,
        );
      }
    }
    const rawTerms = entry['terms'];
    const terms: Record<string, number> = {};
    if (rawTerms === undefined || rawTerms === null) {
      const line = at('terms');
      report(
        'warning',
        'W_TOPIC_NO_TERMS',
        line,
        `${file}:${line}: topic "${slug}" has no terms; only the learned word table can find it.`,
      );
      return { slug, name: name.trim(), terms };
    }
    if (!isMapping(rawTerms)) {
      const line = at('terms');
      report(
        'error',
        'E_TOPIC_TERMS',
        line,
        `${file}:${line}: "terms" of topic "${slug}" must be a mapping of words to weights, one per line like "κυβέρνηση: 3"; the topic was left out.`,
      );
      return undefined;
    }
    const seen = new Map<string, string>();
    for (const [term, weight] of Object.entries(rawTerms)) {
      const line = lineOf(rawTerms, term);
      if (typeof weight !== 'number' || !Number.isFinite(weight) || Math.abs(weight) > MAX_WEIGHT) {
        report(
          'error',
          'E_TERM_WEIGHT',
          line,
          `${file}:${line}: term "${term}" of topic "${slug}" needs a number from -${MAX_WEIGHT} to ${MAX_WEIGHT} as its weight (e.g. "${term}: 2"), not ${JSON.stringify(weight)}; the term was left out.`,
        );
        continue;
      }
      const stems = termStems(term);
      if (stems.length === 0) {
        report(
          'warning',
          'W_TERM_EMPTY',
          line,
          `${file}:${line}: term "${term}" of topic "${slug}" has no word that counts (only function words, numbers or symbols); it was left out.`,
        );
        continue;
      }
      const irregular = foldedWords(term).filter((w) => isContentWord(w) && !isRegularWord(w));
      if (irregular.length > 0) {
        report(
          'warning',
          'W_TERM_IRREGULAR',
          line,
          `${file}:${line}: term "${term}" of topic "${slug}": "${irregular.join('", "')}" has an irregular stem that articles' words cannot match; write another form of the word (e.g. the plural).`,
        );
      }
      const key = stems.join(' ');
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        report(
          'warning',
          'W_TERM_DUPLICATE',
          line,
          `${file}:${line}: term "${term}" of topic "${slug}" has the same stem (${key}) as "${earlier}"; the larger weight is used.`,
        );
      } else {
        seen.set(key, term);
      }
      terms[term] = weight;
    }
    return { slug, name: name.trim(), terms };
  }
}

// ---------------------------------------------------------------------------------------------
// Loading.

/** Taxonomy files looked for in a content folder, in this order. */
export const TAXONOMY_FILES = ['topics.yaml', 'topics.yml', 'topics.json'] as const;

/** The taxonomy that ships with ephemeris, used when a content folder has none. */
export const DEFAULT_TAXONOMY_PATH = fileURLToPath(
  new URL('../../content/topics.yaml', import.meta.url),
);

export interface LoadedTaxonomy extends TaxonomyParseResult {
  /** The file read (absolute path). */
  path: string;
}

/**
 * Reads the taxonomy of a content folder (`topics.yaml`, `topics.yml` or `topics.json`), or the
 * default one that ships with ephemeris when the folder has none. Diagnostics name the file
 * relative to the content folder.
 */
export function loadTaxonomy(contentDir: string): LoadedTaxonomy {
  for (const name of TAXONOMY_FILES) {
    const file = path.join(contentDir, name);
    if (existsSync(file)) return { ...parseTaxonomy(readFileSync(file, 'utf8'), name), path: file };
  }
  return loadTaxonomyFile(DEFAULT_TAXONOMY_PATH);
}

/** Reads one taxonomy file; diagnostics name it by its base name. */
export function loadTaxonomyFile(file: string): LoadedTaxonomy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const name = path.basename(file);
    return {
      taxonomy: { topics: [] },
      settings: { ...DEFAULT_SETTINGS },
      diagnostics: [
        {
          code: 'E_TOPICS_READ',
          severity: 'error',
          file: name,
          line: 1,
          column: 1,
          message: `${name}: cannot be read (${(error as Error).message}).`,
        },
      ],
      path: file,
    };
  }
  return { ...parseTaxonomy(text, path.basename(file)), path: file };
}

// ---------------------------------------------------------------------------------------------
// Compiling: stems → weights per topic.

/** Id of a word that is not a content word (stopword, single letter): skipped entirely. */
export const SKIPPED_WORD = -2;
/** Id of a content word that signals no topic: it breaks phrases but scores nothing. */
export const OTHER_WORD = -1;

/** A phrase of the taxonomy: consecutive content words, scored as one more feature. */
export interface CompiledPhrase {
  /** Feature ids of its words, in order. */
  words: number[];
  /** Its own feature id (weights row). */
  feature: number;
}

/** A taxonomy ready for matching. Treat as opaque; build with `compileTaxonomy`. */
export interface CompiledTaxonomy {
  readonly topics: readonly { slug: string; name: string }[];
  readonly settings: Readonly<TopicSettings>;
  /** Number of features: stems, then phrases. */
  readonly featureCount: number;
  /** `weights[feature * topics.length + topic]`. */
  readonly weights: Float64Array;
  /** Stem → feature id. */
  readonly features: ReadonlyMap<string, number>;
  /** Phrases by the feature id of their last word. */
  readonly phrasesByLast: ReadonlyMap<number, readonly CompiledPhrase[]>;
  /** Longest phrase, in words (0 without phrases). */
  readonly longestPhrase: number;
  /** Folded word → feature id, `OTHER_WORD` or `SKIPPED_WORD`, filled as words are met. */
  readonly words: WordTable;
}

export interface CompileOptions {
  /** Settings (from `parseTaxonomy`); missing ones take their defaults. */
  settings?: Partial<TopicSettings>;
  /**
   * The learned word table; by default the one shipped in `src/enrich/topics-learned.tsv` when
   * `settings.learnedWeights` is on. `null` uses the hand-written terms only.
   */
  learned?: LearnedWeights | null;
}

/**
 * Folds and stems every term and builds the matching tables. The taxonomy's own terms win over
 * the learned table: a stem the taxonomy gives a weight (even 0) for a topic takes that weight
 * instead of the learned one. Learned weights of slugs not in the taxonomy are ignored.
 */
export function compileTaxonomy(
  taxonomy: Taxonomy,
  options: CompileOptions = {},
): CompiledTaxonomy {
  const settings: TopicSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const topicCount = taxonomy.topics.length;
  const features = new Map<string, number>();
  const rows: Map<number, number>[] = []; // feature → (topic → weight)
  const featureOf = (key: string): number => {
    let id = features.get(key);
    if (id === undefined) {
      id = rows.length;
      features.set(key, id);
      rows.push(new Map());
    }
    return id;
  };

  const learned =
    options.learned === undefined
      ? settings.learnedWeights
        ? loadLearnedWeights()
        : null
      : options.learned;
  if (learned !== null) {
    taxonomy.topics.forEach((topic, t) => {
      const table = learned.get(topic.slug);
      if (table === undefined) return;
      for (const [stemKey, weight] of table) rows[featureOf(stemKey)]!.set(t, weight);
    });
  }

  // Hand-written terms: single words are stems; phrases get their own feature (key with spaces).
  const phraseKeys = new Map<string, string[]>();
  taxonomy.topics.forEach((topic, t) => {
    const own = new Map<string, number>();
    for (const [term, weight] of Object.entries(topic.terms)) {
      const stems = termStems(term);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      if (stems.length > 1) phraseKeys.set(key, stems);
      const before = own.get(key);
      own.set(key, before === undefined ? weight : Math.max(before, weight));
    }
    for (const [key, weight] of own) rows[featureOf(key)]!.set(t, weight);
  });
  // Words of phrases need feature ids even when they weigh nothing on their own.
  for (const stems of phraseKeys.values()) for (const s of stems) featureOf(s);

  const featureCount = rows.length;
  const weights = new Float64Array(featureCount * topicCount);
  rows.forEach((row, f) => {
    for (const [t, weight] of row) weights[f * topicCount + t] = weight;
  });

  const phrasesByLast = new Map<number, CompiledPhrase[]>();
  let longestPhrase = 0;
  for (const [key, stems] of phraseKeys) {
    const words = stems.map((s) => features.get(s)!);
    const phrase: CompiledPhrase = { words, feature: features.get(key)! };
    const last = words.at(-1)!;
    const list = phrasesByLast.get(last) ?? [];
    list.push(phrase);
    phrasesByLast.set(last, list);
    longestPhrase = Math.max(longestPhrase, words.length);
  }

  // Single-word stems (not phrase keys) are what a word can resolve to.
  const stemFeatures = new Map<string, number>();
  let longestStem = 0;
  for (const [key, id] of features) {
    if (key.includes(' ')) continue;
    stemFeatures.set(key, id);
    longestStem = Math.max(longestStem, key.length);
  }
  const resolve = (folded: string): number => {
    if (!isContentWord(folded)) return SKIPPED_WORD;
    // A stem is the start of its word, so a word that no feature stem begins needs no
    // stemming (stemming is the slow part of reading a new word). The stemmer's few irregular
    // stems that are not a start of their word (παλιός → παλαι) are not matched.
    let candidate = false;
    const longest = Math.min(folded.length, longestStem);
    for (
      let n = folded.length < MIN_STEM ? folded.length : MIN_STEM;
      n <= longest && !candidate;
      n++
    ) {
      candidate = stemFeatures.has(folded.slice(0, n));
    }
    if (!candidate) return OTHER_WORD;
    const s = stemFolded(folded);
    return folded.startsWith(s) ? (stemFeatures.get(s) ?? OTHER_WORD) : OTHER_WORD;
  };

  return {
    topics: taxonomy.topics.map(({ slug, name }) => ({ slug, name })),
    settings,
    featureCount,
    weights,
    features,
    phrasesByLast,
    longestPhrase,
    words: new WordTable(resolve, OTHER_WORD),
  };
}

/** Shortest stem of a longer word: the stemmer keeps a word whole rather than cut it shorter. */
const MIN_STEM = 3;

/** Reads the taxonomy of a content folder and compiles it; diagnostics as `loadTaxonomy`. */
export function loadCompiledTaxonomy(
  contentDir: string,
  options: CompileOptions = {},
): { compiled: CompiledTaxonomy; diagnostics: Diagnostic[]; definition: string } {
  const loaded = loadTaxonomy(contentDir);
  const settings = { ...loaded.settings, ...options.settings };
  return {
    compiled: compileTaxonomy(loaded.taxonomy, { ...options, settings }),
    diagnostics: loaded.diagnostics,
    // What topics are computed from, without the file's comments and layout: a comment added
    // to topics.yaml must not make a build analyse 100,000 articles again.
    definition: JSON.stringify([loaded.taxonomy, settings]),
  };
}
