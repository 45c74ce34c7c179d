import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileTaxonomy,
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomyFile,
  parseTaxonomy,
} from '../../src/enrich/taxonomy.ts';
import { readArticleText } from '../../src/enrich/topics-eval.ts';
import { assignTopics, scoreTopics } from '../../src/enrich/topics.ts';

const SEED_DIR = fileURLToPath(new URL('../../../shared/corpus/seed/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/topics/', import.meta.url));

/** The taxonomy that ships, with the learned table, as the site uses it. */
const shipped = loadTaxonomyFile(DEFAULT_TAXONOMY_PATH);
const full = compileTaxonomy(shipped.taxonomy, { settings: shipped.settings });

/** A small hand taxonomy without learned weights, for exact arithmetic. */
const small = (() => {
  const { taxonomy, settings } = parseTaxonomy(
    readFileSync(`${FIXTURES}valid.yaml`, 'utf8'),
    'valid.yaml',
  );
  return compileTaxonomy(taxonomy, { settings, learned: null });
})();

const article = (title: string, ...paragraphs: string[]) => ({ title, paragraphs });

describe('assignTopics', () => {
  it('weighs a word of the title title_weight times a word of the body', () => {
    const inTitle = scoreTopics(article('ποδόσφαιρο', 'κείμενο'), small);
    const inBody = scoreTopics(article('τίτλος', 'ποδόσφαιρο'), small);
    expect(inBody[1]).toBe(3);
    expect(inTitle[1]).toBe(3 * 3);
    // So a title word outweighs a heavier body word.
    const topics = assignTopics(article('Ο προπονητής', 'Η κυβέρνηση και η κυβέρνηση'), small);
    expect(topics[0]?.slug).toBe('athlitismos');
  });

  it('counts repeats sublinearly: one word twenty times does not outweigh the title', () => {
    const repeated = Array(20).fill('κυβέρνηση').join(' ');
    const s = scoreTopics(article('τίτλος', repeated), small);
    expect(s[0]).toBeCloseTo(3 * (1 + Math.log(20)), 10);
  });

  it('returns the primary topic and at most two more, best first, with scores', () => {
    const topics = assignTopics(
      article(
        'Η κυβέρνηση, ο στρατός και το ποδόσφαιρο',
        'Η κυβέρνηση και ο υπουργός Άμυνας μίλησαν για τον στρατό και το ποδόσφαιρο με τον προπονητή.',
      ),
      small,
    );
    // athlitismos 3×3 + 3 + 2 = 14; politiki 3×3 + 3 = 12; amyna 2×3 + 2 + 4 (phrase) = 12,
    // tied with politiki, which comes first in the taxonomy.
    expect(topics.map((t) => t.slug)).toEqual(['athlitismos', 'politiki', 'amyna']);
    expect(topics[0]).toEqual({ slug: 'athlitismos', name: 'Αθλητισμός', score: 14 });
    for (let i = 1; i < topics.length; i++) {
      expect(topics[i]!.score).toBeLessThanOrEqual(topics[i - 1]!.score);
    }
    // The full taxonomy never gives more than three either.
    const busy = article(
      'Κυβέρνηση, ποδόσφαιρο, ταινία, smartphone, συνταγή, κλιματική αλλαγή, στρατός, καρκίνος',
      'Η κυβέρνηση, το ποδόσφαιρο, η ταινία, το smartphone, η συνταγή, η κλιματική αλλαγή.',
    );
    expect(assignTopics(busy, full).length).toBeLessThanOrEqual(3);
  });

  it('leaves out further topics below secondary_share of the primary', () => {
    const topics = assignTopics(
      article('Η κυβέρνηση στη Βουλή', 'Η κυβέρνηση. Ο προπονητής.'),
      small,
    );
    // politiki: 3×3 + 2×3 + 3 = 18; athlitismos: 2 < 0.5 × 18.
    expect(topics).toEqual([{ slug: 'politiki', name: 'Πολιτική', score: 18 }]);
  });

  it('gives no topic to a text without a clear signal', () => {
    expect(assignTopics(article('', ''), full)).toEqual([]);
    expect(assignTopics(article('Καλημέρα', 'Καλημέρα σε όλους και καλή συνέχεια.'), full)).toEqual(
      [],
    );
    expect(
      assignTopics(article('Σημείωση', 'Το κείμενο αυτό είναι μια σύντομη σημείωση.'), full),
    ).toEqual([]);
    expect(assignTopics(article('Lorem ipsum', 'dolor sit amet, consectetur'), full)).toEqual([]);
    // The small taxonomy: one body word of weight 2 is below min_score 2? No: it reaches it.
    expect(assignTopics(article('Τίτλος', 'Ο στρατός.'), small)).toEqual([
      { slug: 'amyna', name: 'Άμυνα', score: 2 },
    ]);
    expect(
      assignTopics(article('Τίτλος', 'Η Βουλή.'), {
        ...small,
        settings: { ...small.settings, minScore: 2.5 },
      }),
    ).toEqual([]);
  });

  it('is deterministic: same article, same topics, whatever came before', () => {
    const a = article(
      'Συνταγή για κέικ σοκολάτας',
      'Ανακατεύουμε το αλεύρι με τη ζάχαρη, προσθέτουμε τα αυγά και ψήνουμε στον φούρνο.',
    );
    const first = assignTopics(a, full);
    for (const other of ['Ο Ολυμπιακός νίκησε τον ΠΑΟΚ', 'Νέο smartphone από τη Samsung']) {
      assignTopics(article(other, other), full);
    }
    expect(assignTopics(a, full)).toEqual(first);
    expect(first[0]?.slug).toBe('gefsi');
    const again = compileTaxonomy(shipped.taxonomy, { settings: shipped.settings });
    expect(assignTopics(a, again)).toEqual(first);
  });

  it('breaks ties by the order of the taxonomy', () => {
    const tie = compileTaxonomy(
      {
        topics: [
          { slug: 'b', name: 'B', terms: { ταινία: 3 } },
          { slug: 'a', name: 'A', terms: { θέατρο: 3 } },
        ],
      },
      { learned: null, settings: { minScore: 1 } },
    );
    const topics = assignTopics(article('', 'θέατρο και ταινία'), tie);
    expect(topics.map((t) => t.slug)).toEqual(['b', 'a']);
  });

  it('gives the sample article (Chinese and Russian defence ministers) amyna or kosmos', () => {
    // The seed corpus beside the project, or the same article in the project's sample content.
    const files = existsSync(SEED_DIR)
      ? readdirSync(SEED_DIR)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => `${SEED_DIR}${f}`)
      : [fileURLToPath(new URL('../../content/articles/2026-01-27.txt', import.meta.url))];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const [seed] = readArticleText(readFileSync(file, 'utf8'));
      expect(seed?.title).toContain('υπουργοί Άμυνας');
      const topics = assignTopics(seed!, full);
      expect(['amyna', 'kosmos']).toContain(topics[0]?.slug);
      expect(topics.map((t) => t.slug)).toContain('amyna');
    }
  });

  it('recognises clear articles of every section', () => {
    const cases: [string, string, string][] = [
      [
        'politiki',
        'Ο πρωθυπουργός στη Βουλή',
        'Το νομοσχέδιο ψηφίστηκε από την Ολομέλεια με τις ψήφους της ΝΔ, ενώ ο ΣΥΡΙΖΑ και η αξιωματική αντιπολίτευση καταψήφισαν.',
      ],
      [
        'oikonomia',
        'Άνοδος στο Χρηματιστήριο',
        'Ο Γενικός Δείκτης έκλεισε με κέρδη 1,2%, με τις μετοχές των τραπεζών να οδηγούν την αγορά και τον τζίρο στα 80 εκατ. ευρώ.',
      ],
      [
        'kosmos',
        'Ο Τραμπ συναντά τον Πούτιν',
        'Ο Λευκός Οίκος ανακοίνωσε ότι ο πρόεδρος των ΗΠΑ θα συναντήσει τον Ρώσο πρόεδρο στη Μόσχα.',
      ],
      [
        'koinonia',
        'Σύλληψη για τη ληστεία',
        'Η αστυνομία συνέλαβε τον δράστη της ληστείας, ο οποίος οδηγήθηκε στον εισαγγελέα.',
      ],
      [
        'politismos',
        'Νέα παράσταση στο θέατρο',
        'Η σκηνοθεσία και οι ηθοποιοί της παράστασης ενθουσίασαν τους θεατές στην πρεμιέρα.',
      ],
      [
        'athlitismos',
        'Ο Ολυμπιακός νίκησε τον ΠΑΟΚ',
        'Με δύο γκολ στο δεύτερο ημίχρονο η ομάδα πήρε τη νίκη στο πρωτάθλημα, είπε ο προπονητής.',
      ],
      [
        'technologia',
        'Νέο smartphone από τη Samsung',
        'Η συσκευή έχει οθόνη 6,5 ιντσών, επεξεργαστή νέας γενιάς και μπαταρία μεγάλης διάρκειας με Android.',
      ],
      [
        'perivallon',
        'Η κλιματική αλλαγή απειλεί τη βιοποικιλότητα',
        'Οι εκπομπές διοξειδίου του άνθρακα και η ρύπανση των ωκεανών καταστρέφουν οικοσυστήματα.',
      ],
      [
        'ygeia',
        'Τα συμπτώματα του διαβήτη',
        'Η έγκαιρη διάγνωση και η σωστή διατροφή βοηθούν στη θεραπεία, λένε οι γιατροί για την υγεία της καρδιάς.',
      ],
      [
        'amyna',
        'Νέες φρεγάτες για το Πολεμικό Ναυτικό',
        'Οι Ένοπλες Δυνάμεις αποκτούν οπλικά συστήματα, ανακοίνωσε το ΓΕΕΘΑ για τα εξοπλιστικά προγράμματα.',
      ],
      [
        'gefsi',
        'Συνταγή για σπανακόπιτα',
        'Ανακατεύουμε το σπανάκι με τη φέτα, τον άνηθο και το ελαιόλαδο, στρώνουμε τα φύλλα στο ταψί και ψήνουμε.',
      ],
    ];
    for (const [slug, title, body] of cases) {
      expect(assignTopics(article(title, body), full)[0]?.slug, title).toBe(slug);
    }
  });
});

describe('speed', () => {
  it('reads thousands of ~3 KB articles a second, new words included', () => {
    const sample = readArticleText(
      readFileSync(
        fileURLToPath(new URL('../../content/articles/2026-01-27.txt', import.meta.url)),
        'utf8',
      ),
    )[0]!;
    const body = sample.paragraphs.join(' ').slice(0, 1600);
    const compiled = compileTaxonomy(shipped.taxonomy, { settings: shipped.settings });
    const n = 5000;
    const started = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      // A new word in every article, as a growing archive brings.
      const paragraphs = [`${body} λέξη${i.toString(36).replace(/\d/g, 'α')}`];
      assignTopics({ title: sample.title, paragraphs }, compiled);
    }
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    // About 0.2 s here; the bound only catches a collapse (100,000 articles must take seconds).
    expect(seconds).toBeLessThan(5);
  });
});
