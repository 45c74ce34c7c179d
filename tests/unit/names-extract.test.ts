import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/greek/fold.ts';
import { slugify } from '../../src/greek/slug.ts';
import { parseArticleFile } from '../../src/enrich/names-eval.ts';
import {
  foldWord,
  NAME_ENDINGS,
  nameStem,
  phraseForms,
  wordForms,
} from '../../src/enrich/names-lexicon.ts';
import {
  articleText,
  extractNames,
  findNameSpans,
  type NameMention,
} from '../../src/enrich/names.ts';

const root = join(import.meta.dirname, '..', '..');
const sample = parseArticleFile(
  readFileSync(join(root, 'content/articles/2026-01-27.txt'), 'utf8'),
);

/** The names of a short text given as the body of an article. */
function names(...paragraphs: string[]): NameMention[] {
  return extractNames({ title: 'Τίτλος', paragraphs });
}

function byName(list: NameMention[], name: string): NameMention | undefined {
  return list.find((n) => n.name === name);
}

describe('extractNames on the sample article', () => {
  const found = extractNames(sample);

  it('finds exactly the names of the article, each once', () => {
    expect(found.map((n) => n.name).sort()).toEqual(
      [
        'Κίνα',
        'Ρωσία',
        'Ουκρανία',
        'ΗΠΑ',
        'Βενεζουέλα',
        'Ιράν',
        'Γροιλανδία',
        'Αρκτική',
        'Πεκίνο',
        'Μόσχα',
        'Κίεβο',
        'Άμπου Ντάμπι',
        'Ντονγκ Τζουν',
        'Αντρέι Μπελούσοφ',
        'Ντόναλντ Τραμπ',
        'Xinhua',
        'CCTV',
        'ΑΠΕ-ΜΠΕ',
      ].sort(),
    );
    expect(new Set(found.map((n) => n.key)).size).toBe(found.length);
  });

  it('gives kinds, counts and ELOT 743 slugs', () => {
    expect(byName(found, 'Ντόναλντ Τραμπ')).toMatchObject({
      kind: 'person',
      count: 2,
      slug: 'ntonalnt-tramp',
    });
    expect(byName(found, 'Αντρέι Μπελούσοφ')).toMatchObject({ kind: 'person', count: 2 });
    expect(byName(found, 'Ντονγκ Τζουν')).toMatchObject({ kind: 'person', count: 2 });
    expect(byName(found, 'Πεκίνο')).toMatchObject({ kind: 'place', count: 3, slug: 'pekino' });
    expect(byName(found, 'Xinhua')?.kind).toBe('organisation');
    expect(byName(found, 'ΑΠΕ-ΜΠΕ')?.kind).toBe('organisation');
    for (const n of found) expect(n.slug).toBe(slugify(n.key));
  });

  it("slugs a name by its key, the same for every form of it, and not by this article's spelling", () => {
    const [once] = names('Ο Κυριάκος Μητσοτάκης μίλησε.');
    const [again] = names('Ο πρωθυπουργός Κυριάκο Μητσοτάκη ρώτησαν.');
    expect(once).toMatchObject({ name: 'Κυριάκος Μητσοτάκης', slug: 'kyriak-mitsotak' });
    expect(again?.slug).toBe('kyriak-mitsotak');
  });

  it('lists names in order of first mention', () => {
    expect(found.slice(0, 4).map((n) => n.name)).toEqual(['Κίνα', 'Ρωσία', 'Πεκίνο', 'Μόσχα']);
  });

  it('gives spans whose offsets slice the text to the mention', () => {
    const text = articleText(sample);
    const spans = findNameSpans(text);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    const keyOf = (written: string): string | undefined =>
      spans.find((s) => s.text === written)?.key;
    // A surname or given name alone carries the full name's key.
    expect(keyOf('Μπελούσοφ')).toBe(keyOf('Αντρέι Μπελούσοφ'));
    expect(keyOf('Τραμπ')).toBe(keyOf('Ντόναλντ Τραμπ'));
    expect(keyOf('Ντονγκ')).toBe(keyOf('Ντονγκ Τζουν'));
    expect(keyOf('ΑΠΕ ΜΠΕ')).toBeDefined();
    // Titles and weekdays are not names.
    expect(spans.map((s) => s.text)).not.toContain('Άμυνας');
    expect(spans.map((s) => s.text)).not.toContain('Παρασκευή');
    expect(spans.map((s) => s.text)).not.toContain('Σάββατο');
  });

  it('is deterministic', () => {
    const again = extractNames(JSON.parse(JSON.stringify(sample)) as typeof sample);
    expect(again).toEqual(found);
    expect(findNameSpans(articleText(sample))).toEqual(findNameSpans(articleText(sample)));
  });
});

describe('inflected forms', () => {
  it('merge into one name, shown in the nominative', () => {
    const found = names(
      'Οι συνομιλίες στη Μόσχα και στο Κίεβο συνεχίζονται, ενώ η Ρωσία απαντά.',
      'Η αντιπροσωπεία της Μόσχας έφυγε από το αεροδρόμιο του Κιέβου για λογαριασμό της Ρωσίας, ενώ το Πεκίνο και η Κίνα σιωπούν.',
      'Σύμφωνα με το Πεκίνου δελτίο, η θέση της Κίνας δεν αλλάζει.',
    );
    expect(byName(found, 'Μόσχα')?.count).toBe(2);
    expect(byName(found, 'Κίεβο')?.count).toBe(2);
    expect(byName(found, 'Ρωσία')?.count).toBe(2);
    expect(byName(found, 'Κίνα')?.count).toBe(2);
    expect(found.filter((n) => n.kind === 'place').map((n) => n.name)).not.toContain('Μόσχας');
  });

  it('merge a person mentioned by surname, given name or initial into the full name', () => {
    const found = names(
      'Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε με τον υπουργό Άμυνας Νίκο Παναγιωτόπουλο.',
      'Ο κ. Μητσοτάκης δήλωσε ικανοποιημένος, ενώ ο Παναγιωτόπουλος δεν έκανε δηλώσεις.',
      'Νωρίτερα ο Κ. Μητσοτάκης είχε μιλήσει για την επίσκεψη του Κυριάκου Μητσοτάκη στην Ουάσινγκτον.',
    );
    const pm = byName(found, 'Κυριάκος Μητσοτάκης');
    expect(pm).toMatchObject({ kind: 'person', count: 4 });
    expect(found.filter((n) => n.kind === 'person')).toHaveLength(2);
    expect(byName(found, 'Νίκος Παναγιωτόπουλος')?.count).toBe(2);
  });

  it('keep one key across articles for every case of a name', () => {
    const a = names('Συνάντηση στη Μόσχα.').find((n) => n.name === 'Μόσχα');
    const b = names('Η ανακοίνωση της Μόσχας ήταν σαφής.').find((n) => n.name === 'Μόσχα');
    expect(a?.key).toBeDefined();
    expect(a?.key).toBe(b?.key);
    expect(a?.key).toBe(fold('Μόσχα'));
  });

  it('are generated for gazetteer look-ups', () => {
    expect(wordForms('Κίεβο')).toEqual(expect.arrayContaining(['κιεβο', 'κιεβου']));
    expect(wordForms('Μόσχα')).toEqual(expect.arrayContaining(['μοσχα', 'μοσχασ']));
    expect(wordForms('Κυριάκος')).toEqual(
      expect.arrayContaining(['κυριακοσ', 'κυριακου', 'κυριακο']),
    );
    expect(wordForms('ΗΠΑ')).toEqual(['ηπα']);
    expect(phraseForms('Βόρεια Κορέα')).toContain('βορειασ κορεασ');
  });
});

describe('acronyms', () => {
  it('are kept whole, hyphenated, spaced or dotted', () => {
    const found = names(
      'Το ΝΑΤΟ και οι ΗΠΑ ενημέρωσαν το ΑΠΕ-ΜΠΕ και το ΑΠΕ ΜΠΕ, ενώ η ΕΛ.ΑΣ. ήταν σε επιφυλακή.',
      'Όπως μετέδωσε το ΑΠΕ - ΜΠΕ, το ΚΚΕ και ο ΣΥΡΙΖΑ αντέδρασαν.',
    );
    expect(byName(found, 'ΑΠΕ-ΜΠΕ')?.count).toBe(3);
    expect(byName(found, 'ΝΑΤΟ')?.kind).toBe('organisation');
    expect(byName(found, 'ΗΠΑ')?.kind).toBe('place');
    expect(byName(found, 'ΕΛΑΣ')?.kind).toBe('organisation');
    expect(byName(found, 'ΚΚΕ')?.kind).toBe('organisation');
    expect(byName(found, 'ΣΥΡΙΖΑ')?.kind).toBe('organisation');
  });

  it('split where an acronym meets a name, and are found inside glued words', () => {
    const found = names(
      'Ο πρόεδρος των ΗΠΑ Ντόναλντ Τραμπ επέκρινε τουΣΥΡΙΖΑότι και στιςΗΠΑ.Ειδικότερα μίλησε.',
    );
    expect(found.map((n) => n.name)).toEqual(['ΗΠΑ', 'Ντόναλντ Τραμπ', 'ΣΥΡΙΖΑ']);
    expect(byName(found, 'ΗΠΑ')?.count).toBe(2);
  });

  it('leave out abbreviations and common words in capitals', () => {
    const found = names(
      'Το ΑΕΠ και ο ΦΠΑ αυξήθηκαν, οι ασθενείς στη ΜΕΘ μειώθηκαν, σύμφωνα με τα ΜΜΕ για τον COVID-19.',
    );
    expect(found).toEqual([]);
  });
});

describe('nationality words', () => {
  it('point at their country', () => {
    const found = names(
      'Ο Κινέζος υπουργός και ο Ρώσος ομόλογός του συμφώνησαν, σύμφωνα με τη ρωσική πλευρά και το κινεζικό πρακτορείο.',
    );
    expect(found.map((n) => n.name).sort()).toEqual(['Κίνα', 'Ρωσία']);
    expect(byName(found, 'Κίνα')).toMatchObject({ kind: 'place', count: 2, key: fold('Κίνα') });
    expect(byName(found, 'Ρωσία')?.count).toBe(2);
  });

  it('add to the count of a country named in the text', () => {
    const found = names('Η Ρωσία απάντησε. Ρώσοι και Ουκρανοί διαπραγματευτές συναντήθηκαν.');
    expect(byName(found, 'Ρωσία')?.count).toBe(2);
    expect(byName(found, 'Ουκρανία')?.count).toBe(1);
  });

  it('are not names themselves', () => {
    const spans = findNameSpans(
      'Ο Κινέζος υπουργός μίλησε με τον Ρώσο ομόλογό του και με Αμερικανούς αξιωματούχους.',
    );
    expect(spans).toEqual([]);
  });

  it('inside the name of an organisation are part of that name', () => {
    const found = names('Η Ελληνική Λύση και η Εθνική Τράπεζα σχολίασαν.');
    expect(found.map((n) => n.name)).toEqual(['Ελληνική Λύση', 'Εθνική Τράπεζα']);
  });
});

describe('words that are not names', () => {
  it('leaves out titles and their departments', () => {
    const found = names(
      'Ο υπουργός Άμυνας και ο υφυπουργός Προστασίας του Πολίτη Λευτέρης Οικονόμου συναντήθηκαν με τον Πρόεδρο της Δημοκρατίας.',
      'Το υπουργείο Εξωτερικών και ο υπουργός Περιβάλλοντος και Ενέργειας Κωστής Χατζηδάκης ανακοίνωσαν μέτρα.',
    );
    expect(found.map((n) => n.name)).toEqual(['Λευτέρης Οικονόμου', 'Κωστής Χατζηδάκης']);
  });

  it('leaves out weekdays, months and feasts', () => {
    const found = names(
      'Η συνάντηση έγινε την Παρασκευή και το Σάββατο, όχι την Κυριακή 8 Μαρτίου.',
      'Μετά το Πάσχα και την Πρωτομαγιά, τον Ιούνιο, ο Κυριάκος Μητσοτάκης θα ταξιδέψει.',
    );
    expect(found.map((n) => n.name)).toEqual(['Κυριάκος Μητσοτάκης']);
  });

  it('leaves out capitalised common words at the start of sentences', () => {
    const found = names(
      'Δυτικές κυβερνήσεις διαφωνούν. Σύμφωνα με την ανακοίνωση, τίποτα δεν άλλαξε. Συνομίλησαν για ώρες.',
      'Ανακατεύουμε καλά. Προσθέτουμε αλάτι και πιπέρι.',
    );
    expect(found).toEqual([]);
  });

  it('keeps a name at the start of a sentence when the text names it elsewhere', () => {
    const found = names('Ο Αντρέι Μπελούσοφ μίλησε. Μπελούσοφ και Κίνα συμφώνησαν.');
    expect(byName(found, 'Αντρέι Μπελούσοφ')?.count).toBe(2);
    expect(byName(found, 'Κίνα')?.count).toBe(1);
  });

  it('gives weekday names a chance as places and people', () => {
    const found = names('Η συγκέντρωση έγινε στην Αγία Παρασκευή την Τρίτη.');
    expect(found.map((n) => n.name)).toEqual(['Αγία Παρασκευή']);
    expect(found[0]?.kind).toBe('place');
  });
});

describe('kinds and display forms', () => {
  it('tells people, places and organisations apart from context', () => {
    const found = names(
      'Η εφημερίδα Daily Mail έγραψε ότι ο διοικητής της Τράπεζας της Αγγλίας Άντριου Μπέιλι μίλησε στο Πανεπιστήμιο του Σίδνεϊ.',
    );
    expect(byName(found, 'Daily Mail')?.kind).toBe('organisation');
    expect(byName(found, 'Τράπεζα της Αγγλίας')?.kind).toBe('organisation');
    expect(byName(found, 'Άντριου Μπέιλι')?.kind).toBe('person');
    expect(byName(found, 'Πανεπιστήμιο του Σίδνεϊ')?.kind).toBe('organisation');
  });

  it('shows a person in the nominative when the given name tells the case', () => {
    const found = names('Η δήλωση του Κυριάκου Μητσοτάκη ήταν σαφής.');
    expect(found.map((n) => n.name)).toEqual(['Κυριάκος Μητσοτάκης']);
  });

  it('folds keys like the project fold', () => {
    for (const word of ['Άμυνας', 'ΗΠΑ', 'Ρωσίας', 'Γροιλανδία', 'Xinhua'])
      expect(foldWord(word)).toBe(fold(word));
  });
});

describe('nameStem', () => {
  /** The plain reading of the endings: the first that ends the word and leaves three letters. */
  function reference(folded: string): string {
    const last = folded.charCodeAt(folded.length - 1);
    if (last < 0x3b1 || last > 0x3c9 || folded.length < 4) return folded;
    for (const ending of NAME_ENDINGS) {
      if (folded.length - ending.length >= 3 && folded.endsWith(ending)) {
        return folded.slice(0, -ending.length);
      }
    }
    return folded;
  }

  it('cuts the case ending off like the plain reading of the ending list, on any word', () => {
    const letter = fc.constantFrom(...'αβγεηιλμνοπρσυωxς'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: letter, maxLength: 8 }), (word) => {
        expect(nameStem(word)).toBe(reference(word));
      }),
      { numRuns: 5000 },
    );
    expect(nameStem('μοσχασ')).toBe('μοσχ');
    expect(nameStem('κιεβου')).toBe('κιεβ');
    expect(nameStem('τουσ')).toBe('τουσ');
  });
});
