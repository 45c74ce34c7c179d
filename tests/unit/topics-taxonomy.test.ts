import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Taxonomy } from '../../src/model.ts';
import {
  compileTaxonomy,
  DEFAULT_SETTINGS,
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomy,
  parseTaxonomy,
} from '../../src/enrich/taxonomy.ts';
import {
  loadLearnedWeights,
  parseLearnedWeights,
  readLearnedWeights,
} from '../../src/enrich/topics-learned.ts';
import { scoreTopics } from '../../src/enrich/topics.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/topics/', import.meta.url));
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('the default taxonomy (content/topics.yaml)', () => {
  const parsed = parseTaxonomy(readFileSync(DEFAULT_TAXONOMY_PATH, 'utf8'), 'topics.yaml');

  it('loads without errors or warnings', () => {
    expect(parsed.diagnostics).toEqual([]);
  });

  it('has the required sections, slugs and names', () => {
    const names = Object.fromEntries(parsed.taxonomy.topics.map((t) => [t.slug, t.name]));
    expect(names).toMatchObject({
      politiki: 'Πολιτική',
      oikonomia: 'Οικονομία',
      kosmos: 'Κόσμος',
      koinonia: 'Κοινωνία',
      politismos: 'Πολιτισμός',
      athlitismos: 'Αθλητισμός',
      technologia: 'Τεχνολογία',
      perivallon: 'Περιβάλλον',
      ygeia: 'Υγεία',
      amyna: 'Άμυνα',
      gefsi: 'Γεύση',
    });
  });

  it('gives every section weighted terms written as ordinary Greek words', () => {
    for (const topic of parsed.taxonomy.topics) {
      const terms = Object.entries(topic.terms);
      expect(terms.length, topic.slug).toBeGreaterThanOrEqual(30);
      for (const [, weight] of terms) expect(Number.isFinite(weight)).toBe(true);
    }
    expect(parsed.taxonomy.topics.find((t) => t.slug === 'politiki')?.terms['κυβέρνηση']).toBe(3);
  });

  it('explains how to edit it in comments', () => {
    const text = readFileSync(DEFAULT_TAXONOMY_PATH, 'utf8');
    expect(text).toMatch(/^# .*HOW TO EDIT/m);
    expect(text).toContain('learned_weights');
  });
});

describe('parseTaxonomy', () => {
  it('reads settings, topics and terms as written', () => {
    const { taxonomy, settings, diagnostics } = parseTaxonomy(fixture('valid.yaml'), 'valid.yaml');
    expect(diagnostics).toEqual([]);
    expect(settings).toEqual({
      titleWeight: 3,
      minScore: 2,
      secondaryShare: 0.5,
      maxTopics: 3,
      learnedWeights: false,
    });
    expect(taxonomy.topics.map((t) => t.slug)).toEqual(['politiki', 'athlitismos', 'amyna']);
    expect(taxonomy.topics[2]).toEqual({
      slug: 'amyna',
      name: 'Άμυνα',
      terms: { 'υπουργός Άμυνας': 4, στρατός: 2 },
    });
  });

  it('accepts JSON', () => {
    const { taxonomy, settings, diagnostics } = parseTaxonomy(
      fixture('topics.json'),
      'topics.json',
    );
    expect(diagnostics).toEqual([]);
    expect(settings.learnedWeights).toBe(false);
    expect(taxonomy.topics.map((t) => t.slug)).toEqual(['politiki', 'gefsi']);
  });

  it('reports a YAML syntax error with its file and line, and loads nothing', () => {
    const { taxonomy, diagnostics } = parseTaxonomy(fixture('syntax.yaml'), 'syntax.yaml');
    expect(taxonomy.topics).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ code: 'E_TOPICS_SYNTAX', severity: 'error', file: 'syntax.yaml' });
    expect(d!.line).toBeGreaterThanOrEqual(5);
    expect(d!.message).toMatch(/^syntax\.yaml:\d+:\d+: not valid YAML/);
  });

  it('reports each mistake at its line, leaves out only what is wrong', () => {
    const { taxonomy, settings, diagnostics } = parseTaxonomy(
      fixture('errors.yaml'),
      'errors.yaml',
    );
    const found = diagnostics.map((d) => [d.code, d.line]);
    expect(found).toEqual([
      ['E_SETTING_VALUE', 2],
      ['W_SETTING_UNKNOWN', 3],
      ['E_TERM_WEIGHT', 8],
      ['W_TERM_EMPTY', 10],
      ['E_TOPIC_SLUG', 12],
      ['E_TOPIC_SLUG_DUPLICATE', 16],
      ['E_TOPIC_NAME', 20],
      ['E_TOPIC_TERMS', 25],
      ['W_TOPIC_KEY_UNKNOWN', 28],
    ]);
    for (const d of diagnostics) {
      expect(d.file).toBe('errors.yaml');
      expect(d.message.startsWith(`errors.yaml:${d.line}`)).toBe(true);
    }
    expect(diagnostics.find((d) => d.code === 'E_TERM_WEIGHT')?.message).toContain('"κυβέρνηση"');
    expect(diagnostics.find((d) => d.code === 'E_TOPIC_SLUG')?.message).toContain('Οικονομία');
    // The bad setting keeps its default; good topics and terms load.
    expect(settings.titleWeight).toBe(DEFAULT_SETTINGS.titleWeight);
    expect(taxonomy.topics.map((t) => t.slug)).toEqual(['politiki', 'technologia']);
    expect(taxonomy.topics[0]!.terms).toEqual({ Βουλή: 2, κυβερνήσεις: 2 });
  });

  it('warns when two terms of a topic have the same stem', () => {
    const text =
      'topics:\n  - slug: a\n    name: A\n    terms:\n      υπουργός: 1\n      υπουργείο: 3\n';
    const { diagnostics } = parseTaxonomy(text, 't.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'W_TERM_DUPLICATE',
      line: 6,
      severity: 'warning',
    });
    expect(diagnostics[0]!.message).toContain('"υπουργός"');
  });

  it('rejects a file without a topics list', () => {
    const { taxonomy, diagnostics } = parseTaxonomy('settings:\n  min_score: 3\n', 'x.yaml');
    expect(taxonomy.topics).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['E_TOPICS_SHAPE']);
  });
});

describe('loadTaxonomy', () => {
  it('reads topics.yaml from the content folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'topics-'));
    writeFileSync(path.join(dir, 'topics.yaml'), fixture('valid.yaml'));
    const loaded = loadTaxonomy(dir);
    expect(loaded.path).toBe(path.join(dir, 'topics.yaml'));
    expect(loaded.taxonomy.topics).toHaveLength(3);
  });

  it('falls back to the taxonomy that ships with ephemeris', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'topics-'));
    const loaded = loadTaxonomy(dir);
    expect(loaded.path).toBe(DEFAULT_TAXONOMY_PATH);
    expect(loaded.taxonomy.topics.length).toBeGreaterThanOrEqual(11);
  });
});

describe('compileTaxonomy', () => {
  const taxonomy: Taxonomy = {
    topics: [
      { slug: 'politiki', name: 'Πολιτική', terms: { κυβέρνηση: 3, 'υπουργός Άμυνας': 1 } },
      { slug: 'amyna', name: 'Άμυνα', terms: { στρατός: 2 } },
    ],
  };
  const body = (text: string) => ({ title: '', paragraphs: [text] });

  it('folds and stems terms: an accented term matches other cases, accents and forms', () => {
    const compiled = compileTaxonomy(taxonomy, { learned: null });
    for (const form of ['κυβέρνηση', 'ΚΥΒΕΡΝΗΣΗ', 'Κυβέρνησης', 'κυβερνήσεις', 'κυβερνησεων']) {
      expect(scoreTopics(body(form), compiled)[0], form).toBe(3);
    }
    expect(scoreTopics(body('στρατού'), compiled)[1]).toBe(2);
    expect(scoreTopics(body('κυβερνητικός'), compiled)[0]).toBe(0);
  });

  it('matches a phrase only when its words follow one another (function words aside)', () => {
    const compiled = compileTaxonomy(taxonomy, { learned: null });
    expect(scoreTopics(body('ο υπουργός Άμυνας'), compiled)[0]).toBe(1);
    expect(scoreTopics(body('το Υπουργείο της Άμυνας'), compiled)[0]).toBe(1);
    expect(scoreTopics(body('ο υπουργός μίλησε για την άμυνα'), compiled)[0]).toBe(0);
  });

  it('lets the taxonomy win over the learned table, and the table extend it', () => {
    const learned = parseLearnedWeights(
      [
        '# test table',
        'politiki\tκυβερνησ\t9\tκυβερνηση',
        'politiki\tβουλ\t2.5\tβουλη',
        'amyna\tστρατ\t7\tστρατοσ',
        'unknown\tβουλ\t5\tβουλη',
      ].join('\n'),
    );
    const compiled = compileTaxonomy(taxonomy, { learned });
    expect(scoreTopics(body('κυβέρνηση'), compiled)[0]).toBe(3); // hand 3 beats learned 9
    expect(scoreTopics(body('στρατός'), compiled)[1]).toBe(2);
    expect(scoreTopics(body('Βουλή'), compiled)[0]).toBe(2.5); // learned extends
    expect([...scoreTopics(body('Βουλή'), compiled)]).toEqual([2.5, 0]); // unknown slug ignored
    const off = compileTaxonomy(
      { topics: [{ slug: 'politiki', name: 'Πολιτική', terms: { Βουλή: 0 } }] },
      { learned },
    );
    expect(scoreTopics(body('Βουλή'), off)[0]).toBe(0); // weight 0 switches a learned word off
  });

  it('reads the shipped learned table, and stops with a message when a table is missing', () => {
    expect(loadLearnedWeights().get('politiki')?.size).toBeGreaterThan(10);
    const missing = path.join(tmpdir(), 'no-such-folder', 'topics-learned.tsv');
    expect(() => readLearnedWeights(missing)).toThrow(
      /no-such-folder[\\/]topics-learned\.tsv cannot be read .*"learned_weights: false"/,
    );
  });
});
