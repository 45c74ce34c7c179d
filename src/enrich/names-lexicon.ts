/**
 * Word lists for finding names in Greek news text. General knowledge only: countries come from
 * the Unicode CLDR data built into Node (`Intl.DisplayNames`); the rest are short hand lists of
 * well-known places, organisations, given names, title words and the capitalised common words
 * that are not names. Every list is written in nominative, accented spelling; matching goes
 * through `foldWord` and `nameStem`, so inflected forms (`Μόσχας`, `Κιέβου`) match too.
 */
import { fold } from '../greek/fold.ts';

import type { NameKind } from '../model.ts';

export type { NameKind };

// ---------------------------------------------------------------------------------------------
// Folding and case-ending tolerance

const foldCache: (string | undefined)[] = new Array<string | undefined>(65536);

/**
 * `fold` of one word, computed letter by letter from a cache: the same result as `fold` for
 * Greek and Latin text (the letters fold independently), many times faster on a hot path.
 */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let folded = foldCache[code];
    if (folded === undefined) {
      folded = fold(String.fromCharCode(code));
      foldCache[code] = folded;
    }
    out += folded;
  }
  return out;
}

/**
 * Case endings removed before names are compared (folded: ς is σ): `ουσ`, `ου`, `οσ`, `ησ`,
 * `ασ`, `εσ`, `ωσ`, `ων`, `οι`, `α`, `η`, `ο`, `ε`. No two of them can end the same word, so
 * the last two or three letters tell which one a word has, if any.
 */
export const NAME_ENDINGS = [
  'ουσ',
  'ου',
  'οσ',
  'ησ',
  'ασ',
  'εσ',
  'ωσ',
  'ων',
  'οι',
  'α',
  'η',
  'ο',
  'ε',
] as const;

const ALPHA = 0x3b1;
const EPSILON = 0x3b5;
const ETA = 0x3b7;
const IOTA = 0x3b9;
const NU = 0x3bd;
const OMICRON = 0x3bf;
const SIGMA = 0x3c3;
const UPSILON = 0x3c5;
const OMEGA = 0x3c9;

/** The length of the case ending of a folded word (one of `NAME_ENDINGS`), or 0. */
function endingLength(folded: string): number {
  const n = folded.length;
  const last = folded.charCodeAt(n - 1);
  const before = folded.charCodeAt(n - 2);
  switch (last) {
    case ALPHA:
    case ETA:
    case OMICRON:
    case EPSILON:
      return 1;
    case SIGMA:
      if (before === UPSILON) return folded.charCodeAt(n - 3) === OMICRON ? 3 : 0;
      return before === OMICRON ||
        before === ETA ||
        before === ALPHA ||
        before === EPSILON ||
        before === OMEGA
        ? 2
        : 0;
    case UPSILON:
      return before === OMICRON ? 2 : 0;
    case NU:
      return before === OMEGA ? 2 : 0;
    case IOTA:
      return before === OMICRON ? 2 : 0;
    default:
      return 0;
  }
}

/**
 * The part of a folded word that stays the same across its cases: `μοσχα`/`μοσχασ` → `μοσχ`,
 * `κιεβο`/`κιεβου` → `κιεβ`. Words of other scripts, and stems shorter than three letters
 * (`ιραν`, `γου`), are kept whole.
 */
export function nameStem(folded: string): string {
  const last = folded.charCodeAt(folded.length - 1);
  // Only folded Greek letters (α…ω) carry case endings.
  if (last < ALPHA || last > OMEGA || folded.length < 4) return folded;
  const ending = endingLength(folded);
  return ending > 0 && folded.length - ending >= 3 ? folded.slice(0, -ending) : folded;
}

/** The comparison key of a phrase: the stems of its words, separated by single spaces. */
export function phraseKey(phrase: string): string {
  return phrase
    .split(/[\s\u00a0]+|\s*[-–—]\s*/u)
    .filter((w) => w.length > 0)
    .map((w) => nameStem(foldWord(w.replace(/\.$/u, ''))))
    .join(' ');
}

/** Endings of a nominative (folded) and the other case endings a name takes in news text. */
const INFLECTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['μα', ['μα', 'ματοσ', 'ματα', 'ματων']],
  ['οσ', ['οσ', 'ου', 'ο', 'ε']],
  ['ασ', ['ασ', 'α', 'ωσ', 'εσ', 'ων']],
  ['ησ', ['ησ', 'η', 'εσ', 'ων']],
  ['εσ', ['εσ', 'ων']],
  ['οι', ['οι', 'ων', 'ουσ']],
  ['α', ['α', 'ασ', 'ων', 'οσ', 'εσ']],
  ['η', ['η', 'ησ', 'εσ']],
  ['ο', ['ο', 'ου', 'α', 'ων']],
  ['ι', ['ι', 'ιου', 'ια', 'ιων']],
];

/**
 * The folded forms of one word in the cases news text uses (`Κίεβο` → `κιεβο`, `κιεβου`, …;
 * `Κυριάκος` → `κυριακοσ`, `κυριακου`, `κυριακο`, `κυριακε`). Non-Greek words have one form.
 */
export function wordForms(word: string): string[] {
  const folded = foldWord(word.replace(/\.$/u, ''));
  const last = folded.charCodeAt(folded.length - 1);
  if (last < 0x3b1 || last > 0x3c9 || folded.length < 2 || word === word.toUpperCase())
    return [folded];
  for (const [ending, endings] of INFLECTIONS) {
    if (!folded.endsWith(ending)) continue;
    const base = folded.slice(0, -ending.length);
    return endings.map((e) => base + e);
  }
  return [folded];
}

/** The folded forms of a phrase, every combination of its words' forms, as `formKey` gives them. */
export function phraseForms(phrase: string): string[] {
  const words = phrase.split(/[\s\u00a0]+|\s*[-–—]\s*/u).filter((w) => w.length > 0);
  let forms = [''];
  for (const word of words) {
    const next: string[] = [];
    for (const prefix of forms)
      for (const form of wordForms(word)) next.push(prefix ? `${prefix} ${form}` : form);
    forms = next;
  }
  return forms;
}

/** The look-up key of a phrase as written: its folded words, hyphens as spaces. */
export function formKey(phrase: string): string {
  return phrase
    .split(/[\s\u00a0]+|\s*[-–—]\s*/u)
    .filter((w) => w.length > 0)
    .map((w) => foldWord(w.replace(/\.$/u, '')))
    .join(' ');
}

function list(text: string): string[] {
  return text
    .split('|')
    .map((s) => s.trim().replace(/\s+/gu, ' '))
    .filter((s) => s.length > 0);
}

function stems(text: string): Set<string> {
  return new Set(list(text).map((w) => nameStem(foldWord(w))));
}

function folds(text: string): Set<string> {
  return new Set(list(text).map((w) => foldWord(w)));
}

/** Every inflected folded form of every word of a list. */
function forms(text: string): Set<string> {
  return new Set(list(text).flatMap((w) => wordForms(w)));
}

// ---------------------------------------------------------------------------------------------
// The gazetteer: places and organisations with their canonical (nominative) names

export interface GazetteerEntry {
  /** Canonical display form, nominative. */
  name: string;
  kind: NameKind;
}

/** CLDR region codes that are not current countries or whose name has a qualifier we drop. */
const SKIPPED_REGIONS = new Set(
  'AN BU CS DD DY FX HV NH RH SU TP VD YD YU ZR XA XB ZZ QO EA IC DG CP TA AC CQ'.split(' '),
);

/** Usual Greek news names where CLDR's differs; the CLDR name stays as an alias. */
const COUNTRY_DISPLAY: Readonly<Record<string, string>> = {
  US: 'ΗΠΑ',
  NL: 'Ολλανδία',
  BA: 'Βοσνία-Ερζεγοβίνη',
  HK: 'Χονγκ Κονγκ',
  MO: 'Μακάο',
  MM: 'Μιανμάρ',
  CD: 'Λαϊκή Δημοκρατία του Κονγκό',
  CG: 'Κονγκό',
  PS: 'Παλαιστίνη',
  XK: 'Κόσοβο',
};

const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  US: 'Ηνωμένες Πολιτείες|Ηνωμένες Πολιτείες της Αμερικής|ΗΠΑ|Η.Π.Α.',
  GB: 'Βρετανία|Μεγάλη Βρετανία|ΗΒ',
  NL: 'Κάτω Χώρες',
  CZ: 'Τσεχική Δημοκρατία',
  GR: 'Ελλάς',
  MK: 'ΠΓΔΜ|Σκόπια',
  AE: 'ΗΑΕ|Εμιράτα',
  BA: 'Βοσνία|Βοσνία Ερζεγοβίνη',
  CI: 'Ακτή Ελεφαντοστού',
  RU: 'Ρωσσία|Ρωσική Ομοσπονδία',
  CN: 'Λαϊκή Δημοκρατία της Κίνας',
  KP: 'Β. Κορέα',
  KR: 'Ν. Κορέα',
  NZ: 'Ν. Ζηλανδία',
  ZA: 'Ν. Αφρική',
  XK: 'Κοσσυφοπέδιο',
  MM: 'Βιρμανία',
  SZ: 'Σουαζιλάνδη',
  VA: 'Βατικανό',
  PS: 'Παλαιστινιακά Εδάφη',
  TL: 'Ανατολικό Τιμόρ',
  CV: 'Πράσινο Ακρωτήρι',
};

/** UN M.49 areas that CLDR names in Greek (continents and large regions). */
const AREA_CODES =
  '150 002 019 142 009 005 013 029 030 034 035 143 145 151 154 155 039 053 011 014 015 017 018 419';

/** Organisations that CLDR lists among regions. */
const REGION_ORGANISATIONS: Readonly<Record<string, string>> = {
  EU: 'Ευρωπαϊκή Ένωση|ΕΕ|Ε.Ε.',
  UN: 'ΟΗΕ|Ηνωμένα Έθνη|Οργανισμός Ηνωμένων Εθνών',
};

/** Well-known places beyond the countries, nominative. */
const PLACES = `
Ευρώπη|Ασία|Αφρική|Αμερική|Ωκεανία|Ανταρκτική|Αρκτική|Βόρεια Αμερική|Νότια Αμερική|Λατινική Αμερική|
Β. Αμερική|Ν. Αμερική|Νέα Ζηλανδία|
Κεντρική Αμερική|Μέση Ανατολή|Εγγύς Ανατολή|Άπω Ανατολή|Βαλκάνια|Σκανδιναβία|Καραϊβική|Ευρωζώνη|
Μεσόγειος|Ανατολική Μεσόγειος|Αιγαίο|Ιόνιο|Αδριατική|Βαλτική|Μαύρη Θάλασσα|Ερυθρά Θάλασσα|Κασπία|
Ατλαντικός|Ειρηνικός|Ινδικός Ωκεανός|Περσικός Κόλπος|Σουέζ|Βόσπορος|Δαρδανέλια|Σιβηρία|Κριμαία|
Ντονμπάς|Κασμίρ|Θιβέτ|Σιντζιάνγκ|Κουρδιστάν|Δυτική Όχθη|Λωρίδα της Γάζας|Γκολάν|Σινά|Σαχάρα|
Αμαζόνιος|Άλπεις|Ιμαλάια|Έβερεστ|Κιλιμάντζαρο|Αρκτικός Κύκλος|Γη|Σελήνη|Ήλιος|
Αθήνα|Θεσσαλονίκη|Πάτρα|Ηράκλειο|Λάρισα|Βόλος|Ιωάννινα|Χανιά|Ρέθυμνο|Καλαμάτα|Τρίπολη|Κόρινθος|
Ναύπλιο|Άργος|Σπάρτη|Πύργος|Αγρίνιο|Μεσολόγγι|Λαμία|Χαλκίδα|Θήβα|Λιβαδειά|Καρδίτσα|Τρίκαλα|Κοζάνη|
Καστοριά|Φλώρινα|Βέροια|Νάουσα|Έδεσσα|Κατερίνη|Σέρρες|Δράμα|Καβάλα|Ξάνθη|Κομοτηνή|Αλεξανδρούπολη|
Ορεστιάδα|Κιλκίς|Γιαννιτσά|Πολύγυρος|Πρέβεζα|Άρτα|Ηγουμενίτσα|Κέρκυρα|Ζάκυνθος|Κεφαλονιά|Λευκάδα|
Ιθάκη|Ρόδος|Κως|Σάμος|Χίος|Λέσβος|Μυτιλήνη|Λήμνος|Σύρος|Ερμούπολη|Μύκονος|Σαντορίνη|Νάξος|Πάρος|
Άνδρος|Τήνος|Μήλος|Κρήτη|Εύβοια|Αίγινα|Ύδρα|Σπέτσες|Σαλαμίνα|Σκιάθος|Σκόπελος|Αλόννησος|Θάσος|
Σαμοθράκη|Κάρπαθος|Κάλυμνος|Λέρος|Πάτμος|Ικαρία|Καστελλόριζο|Γαύδος|Πειραιάς|Περιστέρι|Καλλιθέα|
Γλυφάδα|Κηφισιά|Μαρούσι|Χαλάνδρι|Νέα Σμύρνη|Παλαιό Φάληρο|Πέραμα|Ελευσίνα|Μέγαρα|Λαύριο|Ραφήνα|
Μαραθώνας|Βύρωνας|Ζωγράφου|Ηλιούπολη|Αιγάλεω|Κερατσίνι|Ελληνικό|Βούλα|Εξάρχεια|Κολωνάκι|Ομόνοια|
Μοναστηράκι|Ακρόπολη|Παρθενώνας|Μετέωρα|Δελφοί|Ολυμπία|Μυκήνες|Επίδαυρος|Άγιο Όρος|Όλυμπος|
Πάρνηθα|Υμηττός|Ταΰγετος|Πίνδος|Αττική|Μακεδονία|Θράκη|Ήπειρος|Θεσσαλία|Πελοπόννησος|Στερεά Ελλάδα|
Κυκλάδες|Δωδεκάνησα|Επτάνησα|Χαλκιδική|Μεσσηνία|Αρκαδία|Αχαΐα|Ηλεία|Λακωνία|Αργολίδα|Κορινθία|
Βοιωτία|Φθιώτιδα|Φωκίδα|Ευρυτανία|Αιτωλοακαρνανία|Μαγνησία|Πιερία|Ημαθία|Πέλλα|Θεσπρωτία|Λασίθι|
Σποράδες|Νέα Φιλαδέλφεια|Νέα Ιωνία|Άνω Λιόσια|Ασπρόπυργος|Μενίδι|Αχαρνές|Βάρη|Σούνιο|Ναύπακτος|
Αγία Παρασκευή|Άγιος Νικόλαος|Άγιος Δημήτριος|Μέγαρο Μουσικής|Καπιτόλιο|
Λονδίνο|Παρίσι|Βερολίνο|Ρώμη|Μαδρίτη|Λισαβόνα|Βρυξέλλες|Άμστερνταμ|Βιέννη|Βέρνη|Ζυρίχη|Γενεύη|
Στοκχόλμη|Όσλο|Κοπεγχάγη|Ελσίνκι|Δουβλίνο|Εδιμβούργο|Βαρσοβία|Πράγα|Βουδαπέστη|Βουκουρέστι|Σόφια|
Βελιγράδι|Ζάγκρεμπ|Σαράγεβο|Τίρανα|Ποντγκόριτσα|Πρίστινα|Λιουμπλιάνα|Μπρατισλάβα|Κίεβο|Μόσχα|
Αγία Πετρούπολη|Μινσκ|Κισινάου|Βίλνιους|Ρίγα|Ταλίν|Λευκωσία|Λεμεσός|Λάρνακα|Πάφος|Αμμόχωστος|
Κερύνεια|Άγκυρα|Κωνσταντινούπολη|Σμύρνη|Αττάλεια|Αδριανούπολη|Τεχεράνη|Βαγδάτη|Δαμασκός|Χαλέπι|
Ιντλίμπ|Βηρυτός|Αμμάν|Ιερουσαλήμ|Τελ Αβίβ|Γάζα|Ριάντ|Τζέντα|Μέκκα|Ντόχα|Ντουμπάι|Άμπου Ντάμπι|
Μασκάτ|Σαναά|Κάιρο|Αλεξάνδρεια|Βεγγάζη|Τύνιδα|Αλγέρι|Ραμπάτ|Καζαμπλάνκα|Χαρτούμ|Αντίς Αμπέμπα|
Ναϊρόμπι|Λάγκος|Αμπούτζα|Γιοχάνεσμπουργκ|Κέιπ Τάουν|Πρετόρια|Κινσάσα|Ουάσινγκτον|Ουάσιγκτον|
Νέα Υόρκη|Ν. Υόρκη|Λος Άντζελες|Σικάγο|Σαν Φρανσίσκο|Βοστώνη|Μαϊάμι|Χιούστον|Ντάλας|Σιάτλ|Λας Βέγκας|
Ατλάντα|Ντιτρόιτ|Φιλαδέλφεια|Μπρούκλιν|Μανχάταν|Σίλικον Βάλεϊ|Οτάβα|Τορόντο|Μόντρεαλ|Βανκούβερ|
Αβάνα|Καράκας|Μπογκοτά|Λίμα|Σαντιάγο|Μπουένος Άιρες|Ρίο ντε Τζανέιρο|Σάο Πάολο|Μπραζίλια|
Μοντεβιδέο|Πεκίνο|Σανγκάη|Γουχάν|Ταϊπέι|Τόκιο|Οσάκα|Φουκουσίμα|Σεούλ|Πιονγκγιάνγκ|Νέο Δελχί|Δελχί|
Βομβάη|Ισλαμαμπάντ|Καμπούλ|Μπανγκόκ|Ανόι|Τζακάρτα|Μανίλα|Κουάλα Λουμπούρ|Σίδνεϊ|Μελβούρνη|
Καμπέρα|Ουέλινγκτον|Όκλαντ|Μιλάνο|Νάπολη|Τορίνο|Βενετία|Φλωρεντία|Μπολόνια|Γένοβα|Παλέρμο|
Βαρκελώνη|Σεβίλλη|Βαλένθια|Πόρτο|Μασσαλία|Λυών|Νίκαια|Μπορντό|Τουλούζη|Στρασβούργο|Μόναχο|
Φρανκφούρτη|Αμβούργο|Κολωνία|Ντίσελντορφ|Στουτγκάρδη|Λειψία|Δρέσδη|Βόννη|Χάγη|Ρότερνταμ|Αμβέρσα|
Μάντσεστερ|Λίβερπουλ|Μπέρμιγχαμ|Γλασκώβη|Μπέλφαστ|Οξφόρδη|Κέμπριτζ|Νταβός|Σεβαστούπολη|Οδησσός|
Χάρκοβο|Ντονέτσκ|Λουχάνσκ|Τασκένδη|Αστάνα|Μπακού|Τιφλίδα|Ερεβάν|Μοσούλη|Ράκα|Ερμπίλ|Κανταχάρ|
Καράτσι|Λαχόρη|Κατμαντού|Ντάκα|Κολόμπο|Γιανγκόν|Πνομ Πενχ|Ουλάν Μπατόρ|Μόντε Κάρλο|
Αλάσκα|Καλιφόρνια|Τέξας|Φλόριντα|Ιλινόις|Μίσιγκαν|Οχάιο|Πενσιλβάνια|Αριζόνα|Νεβάδα|Κολοράντο|
Μασαχουσέτη|Βιρτζίνια|Ουισκόνσιν|Μινεσότα|Όρεγκον|Χαβάη|Λουιζιάνα|Νιου Τζέρσεϊ|Μέριλαντ|
Κονέκτικατ|Αλαμπάμα|Κεντάκι|Τενεσί|Ιντιάνα|Αϊόβα|Μιζούρι|Κάνσας|Οκλαχόμα|Γιούτα|Μοντάνα|Μέιν|
Ρόουντ Άιλαντ|Μισισίπι|Σκωτία|Αγγλία|Ουαλία|Βόρεια Ιρλανδία|Βαυαρία|Καταλονία|Ανδαλουσία|
Λομβαρδία|Τοσκάνη|Σικελία|Σαρδηνία|Κορσική|Νορμανδία|Κεμπέκ|Οντάριο|Ταϊβάν|Μπαλί|Χαβάη`;

/**
 * Well-known organisations: canonical name first, aliases after it, one entry a line. A name
 * written `=Αυγή` is shown but not matched (it is also a common word); its capitals are.
 */
const ORGANISATIONS = `
ΑΠΕ-ΜΠΕ|ΑΠΕ ΜΠΕ|ΑΜΠΕ|Αθηναϊκό-Μακεδονικό Πρακτορείο Ειδήσεων|Αθηναϊκό Μακεδονικό Πρακτορείο Ειδήσεων
ΝΑΤΟ|Βορειοατλαντική Συμμαχία
ΔΝΤ|Διεθνές Νομισματικό Ταμείο
ΕΚΤ|Ευρωπαϊκή Κεντρική Τράπεζα
ΠΟΥ|Παγκόσμιος Οργανισμός Υγείας
Ευρωπαϊκή Επιτροπή|Κομισιόν
Ευρωπαϊκό Κοινοβούλιο|Ευρωβουλή
Eurogroup|Γιούρογκρουπ
Λευκός Οίκος
Κρεμλίνο
Πεντάγωνο
Στέιτ Ντιπάρτμεντ
Κογκρέσο
Γερουσία
Βουλή
Μαξίμου|Μέγαρο Μαξίμου
Νέα Δημοκρατία|ΝΔ|Ν.Δ.
ΣΥΡΙΖΑ
ΚΙΝΑΛ|Κίνημα Αλλαγής
ΠΑΣΟΚ
ΚΚΕ
Ελληνική Λύση
ΜέΡΑ25
Χρυσή Αυγή
ΕΛΑΣ|ΕΛ.ΑΣ.|ΕΛ.ΑΣ|Ελληνική Αστυνομία
ΕΟΔΥ
ΕΣΥ
ΔΕΗ
ΟΤΕ
ΟΠΑΠ
ΕΡΤ
ΣΚΑΪ
ΑΝΤ1
ΕΡΤ1
Mega|MEGA
Alpha|ALPHA
Open|OPEN
Star|STAR
Καθημερινή|ΚΑΘΗΜΕΡΙΝΗ
Τα Νέα|ΤΑ ΝΕΑ
Το Βήμα|ΤΟ ΒΗΜΑ
Ελεύθερος Τύπος|ΕΛΕΥΘΕΡΟΣ ΤΥΠΟΣ
Εφημερίδα των Συντακτών|ΕΦΗΜΕΡΙΔΑ ΤΩΝ ΣΥΝΤΑΚΤΩΝ|ΕφΣυν
Ριζοσπάστης|ΡΙΖΟΣΠΑΣΤΗΣ
=Αυγή|ΑΥΓΗ
=Εστία|ΕΣΤΙΑ
=Δημοκρατία|ΔΗΜΟΚΡΑΤΙΑ
Ναυτεμπορική|ΝΑΥΤΕΜΠΟΡΙΚΗ
Πρώτο Θέμα|ΠΡΩΤΟ ΘΕΜΑ
Το Ποντίκι|ΤΟ ΠΟΝΤΙΚΙ|Ποντίκι
Documento
Real News
Παραπολιτικά|ΠΑΡΑΠΟΛΙΤΙΚΑ
Ημερησία|ΗΜΕΡΗΣΙΑ
Οικονομικός Ταχυδρόμος
Reuters|Ρόιτερς
AFP|Γαλλικό Πρακτορείο
Associated Press
Bloomberg|Μπλούμπεργκ
BBC
CNN
Γκάρντιαν|Guardian|The Guardian
New York Times|Νιου Γιορκ Τάιμς
Washington Post|Ουάσινγκτον Ποστ
Financial Times|Φαϊνάνσιαλ Τάιμς
Wall Street Journal|Γουόλ Στριτ Τζέρναλ
Xinhua|Σινχουά
CCTV
Apple
Google
Microsoft
Amazon
Facebook
Twitter
Instagram
YouTube
Samsung
Huawei
Netflix
Tesla
Uber
Intel
Nvidia
IBM
Sony
Ολυμπιακός
Παναθηναϊκός
ΠΑΟΚ
ΑΕΚ
Άρης
ΟΦΗ
Αστέρας Τρίπολης
Παναιτωλικός
Ατρόμητος
Πανιώνιος
Ηρακλής
ΑΕΛ
Βόλος ΝΠΣ
Ξάνθη
Λαμία
Απόλλων Σμύρνης
Πανσερραϊκός
Περιστέρι
Προμηθέας
Ρεάλ Μαδρίτης|Ρεάλ
Μπαρτσελόνα
Ατλέτικο Μαδρίτης
Γιουβέντους
Μίλαν
Ίντερ
Ρόμα
Λάτσιο
Νάπολι
Μάντσεστερ Γιουνάιτεντ
Μάντσεστερ Σίτι
Λίβερπουλ
Τσέλσι
Άρσεναλ
Τότεναμ
Μπάγερν Μονάχου|Μπάγερν
Ντόρτμουντ
Παρί Σεν Ζερμέν|Παρί ΣΖ
Λιόν
Μαρσέιγ
Άγιαξ
Μπενφίκα
Πόρτο
Φενέρμπαχτσε
Γαλατασαράι
Μπεσίκτας
ΤΣΣΚΑ Μόσχας|ΤΣΣΚΑ
Εφές
Μακάμπι Τελ Αβίβ|Μακάμπι
Euroleague|Ευρωλίγκα
NBA
UEFA|ΟΥΕΦΑ
FIFA|ΦΙΦΑ
Champions League|Τσάμπιονς Λιγκ
Europa League|Γιουρόπα Λιγκ
Super League|Σούπερ Λιγκ
Formula 1|Φόρμουλα 1
ΔΟΕ|Διεθνής Ολυμπιακή Επιτροπή
Ligue 1
Serie A
La Liga
Premier League|Πρέμιερ Λιγκ
Bundesliga|Μπουντεσλίγκα
Εθνική Τράπεζα
Τράπεζα της Ελλάδος|Τράπεζα της Ελλάδας|ΤτΕ`;

/** Place acronyms: all-caps words that name places, not organisations. */
const PLACE_ACRONYMS = folds('ΗΠΑ|ΗΑΕ|ΕΣΣΔ|ΠΓΔΜ|ΗΒ');

export interface Gazetteer {
  /** Entries by every inflected form (`formKey`) of every name and alias. */
  byKey: Map<string, GazetteerEntry>;
  /** The same for the aliases written in capitals (`ΗΠΑ`): all-caps text matches only these. */
  byCapitals: Map<string, GazetteerEntry>;
  /** The longest phrase length (in words) of any entry. */
  maxWords: number;
  /** The first word of every key: a quick test before a longer look-up. */
  firstWords: Set<string>;
}

function buildGazetteer(): Gazetteer {
  const byKey = new Map<string, GazetteerEntry>();
  const byCapitals = new Map<string, GazetteerEntry>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  const add = (alias: string, entry: GazetteerEntry): void => {
    const capitals = alias === alias.toUpperCase();
    for (const key of phraseForms(alias)) {
      if (key.length === 0) continue;
      if (!byKey.has(key)) byKey.set(key, entry);
      if (capitals && !byCapitals.has(key)) byCapitals.set(key, entry);
      const words = key.split(' ');
      firstWords.add(words[0] ?? '');
      maxWords = Math.max(maxWords, words.length);
    }
  };
  const regions = new Intl.DisplayNames('el', { type: 'region' });
  const countries: [string, GazetteerEntry][] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (SKIPPED_REGIONS.has(code)) continue;
      let cldr: string | undefined;
      try {
        cldr = regions.of(code);
      } catch {
        cldr = undefined;
      }
      if (!cldr || cldr === code || cldr.includes('(')) continue;
      const organisation = REGION_ORGANISATIONS[code];
      if (organisation) {
        const names = list(organisation);
        const entry: GazetteerEntry = { name: names[0] ?? cldr, kind: 'organisation' };
        for (const alias of [...names, cldr]) add(alias, entry);
        continue;
      }
      const entry: GazetteerEntry = { name: COUNTRY_DISPLAY[code] ?? cldr, kind: 'place' };
      countries.push([code, entry]);
      add(entry.name, entry);
      add(cldr, entry);
      for (const alias of list(COUNTRY_ALIASES[code] ?? '')) add(alias, entry);
    }
  }
  for (const code of AREA_CODES.split(' ')) {
    const name = regions.of(code);
    if (name) add(name, { name, kind: 'place' });
  }
  for (const name of list(PLACES)) add(name, { name, kind: 'place' });
  for (const line of ORGANISATIONS.split('\n')) {
    const names = list(line);
    const first = names[0];
    if (!first) continue;
    // `=Αυγή`: a display name only, a common word that must not be matched in running text.
    const entry: GazetteerEntry = { name: first.replace(/^=/u, ''), kind: 'organisation' };
    for (const alias of names) if (!alias.startsWith('=')) add(alias, entry);
  }
  return { byKey, byCapitals, maxWords, firstWords };
}

export const GAZETTEER: Gazetteer = buildGazetteer();

/** The gazetteer entry of a folded acronym that names a place (`ηπα`). */
export function isPlaceAcronym(folded: string): boolean {
  return PLACE_ACRONYMS.has(folded);
}

// ---------------------------------------------------------------------------------------------
// Nationality words → countries

/**
 * Country (canonical gazetteer name), the masculine nationality noun, the feminine one, and the
 * adjective stem (folded, without its ending). Only nationalities that point at one country.
 */
const NATIONALITIES = `
Ελλάδα: Έλληνας, Ελληνίδα, ελληνικ
Κύπρος: Κύπριος, Κυπρία, κυπριακ
ΗΠΑ: Αμερικανός, Αμερικανίδα, αμερικανικ αμερικάνικ
Ηνωμένο Βασίλειο: Βρετανός, Βρετανίδα, βρετανικ
Ρωσία: Ρώσος, Ρωσίδα, ρωσικ ρώσικ
Κίνα: Κινέζος, Κινέζα, κινεζικ κινέζικ
Ουκρανία: Ουκρανός, Ουκρανή, ουκρανικ
Γαλλία: Γάλλος, Γαλλίδα, γαλλικ
Γερμανία: Γερμανός, Γερμανίδα, γερμανικ
Ιταλία: Ιταλός, Ιταλίδα, ιταλικ
Ισπανία: Ισπανός, Ισπανίδα, ισπανικ
Πορτογαλία: Πορτογάλος, Πορτογαλίδα, πορτογαλικ
Τουρκία: Τούρκος, Τουρκάλα, τουρκικ τούρκικ
Ιράν: Ιρανός, Ιρανή, ιρανικ
Ιράκ: Ιρακινός, Ιρακινή, ιρακιν
Συρία: Σύριος, Σύρια, συριακ
Ισραήλ: Ισραηλινός, Ισραηλινή, ισραηλιν
Αίγυπτος: Αιγύπτιος, Αιγύπτια, αιγυπτιακ
Λιβύη: Λίβυος, Λίβυα, λιβυκ
Λίβανος: Λιβανέζος, Λιβανέζα, λιβανικ λιβανέζικ
Ιαπωνία: Ιάπωνας, Ιαπωνέζα, ιαπωνικ γιαπωνέζικ
Βόρεια Κορέα: Βορειοκορεάτης, Βορειοκορεάτισσα, βορειοκορεατικ
Νότια Κορέα: Νοτιοκορεάτης, Νοτιοκορεάτισσα, νοτιοκορεατικ
Ινδία: Ινδός, Ινδή, ινδικ
Πακιστάν: Πακιστανός, Πακιστανή, πακιστανικ
Αφγανιστάν: Αφγανός, Αφγανή, αφγανικ
Βιετνάμ: Βιετναμέζος, Βιετναμέζα, βιετναμικ βιετναμέζικ
Ινδονησία: Ινδονήσιος, Ινδονήσια, ινδονησιακ
Αυστραλία: Αυστραλός, Αυστραλέζα, αυστραλιαν
Καναδάς: Καναδός, Καναδή, καναδικ
Μεξικό: Μεξικανός, Μεξικανή, μεξικανικ μεξικάνικ
Βραζιλία: Βραζιλιάνος, Βραζιλιάνα, βραζιλιανικ βραζιλιάνικ
Αργεντινή: Αργεντινός, , αργεντίνικ
Χιλή: Χιλιανός, Χιλιανή, χιλιαν
Βενεζουέλα: Βενεζουελάνος, Βενεζουελάνα, βενεζουελαν
Κούβα: Κουβανός, Κουβανή, κουβαν
Πολωνία: Πολωνός, Πολωνέζα, πολωνικ
Ολλανδία: Ολλανδός, Ολλανδέζα, ολλανδικ
Βέλγιο: Βέλγος, Βελγίδα, βελγικ
Ελβετία: Ελβετός, Ελβετίδα, ελβετικ
Αυστρία: Αυστριακός, Αυστριακή, αυστριακ
Σουηδία: Σουηδός, Σουηδέζα, σουηδικ
Νορβηγία: Νορβηγός, Νορβηγίδα, νορβηγικ
Δανία: Δανός, Δανέζα, δανικ δανέζικ
Φινλανδία: Φινλανδός, Φινλανδέζα, φινλανδικ
Ιρλανδία: Ιρλανδός, Ιρλανδέζα, ιρλανδικ
Ισλανδία: Ισλανδός, Ισλανδέζα, ισλανδικ
Αλβανία: Αλβανός, Αλβανίδα, αλβανικ
Βουλγαρία: Βούλγαρος, Βουλγάρα, βουλγαρικ
Ρουμανία: Ρουμάνος, Ρουμάνα, ρουμανικ
Σερβία: Σέρβος, Σερβίδα, σερβικ
Κροατία: Κροάτης, Κροάτισσα, κροατικ
Ουγγαρία: Ούγγρος, Ουγγαρέζα, ουγγρικ
Τσεχία: Τσέχος, Τσέχα, τσεχικ
Σλοβακία: Σλοβάκος, Σλοβάκα, σλοβακικ
Σλοβενία: Σλοβένος, Σλοβένα, σλοβενικ
Αρμενία: Αρμένιος, Αρμένια, αρμενικ
Αζερμπαϊτζάν: Αζέρος, , αζερικ
Γεωργία: Γεωργιανός, Γεωργιανή, γεωργιαν
Λευκορωσία: Λευκορώσος, Λευκορωσίδα, λευκορωσικ
Σαουδική Αραβία: Σαουδάραβας, , σαουδαραβικ
Μαρόκο: Μαροκινός, Μαροκινή, μαροκιν
Αλγερία: Αλγερινός, Αλγερινή, αλγεριν
Τυνησία: Τυνήσιος, Τυνήσια, τυνησιακ
Νιγηρία: Νιγηριανός, Νιγηριανή, νιγηριαν
Νότια Αφρική: Νοτιοαφρικανός, Νοτιοαφρικανή, νοτιοαφρικαν
Ταϊβάν: Ταϊβανέζος, Ταϊβανέζα, ταϊβανικ ταϊβανέζικ
Μογγολία: Μογγόλος, , μογγολικ
Νέα Ζηλανδία: Νεοζηλανδός, Νεοζηλανδή, νεοζηλανδικ
Σκωτία: Σκωτσέζος, Σκωτσέζα, σκωτσέζικ σκωτικ
Ουαλία: Ουαλός, Ουαλή, ουαλικ
Παλαιστίνη: Παλαιστίνιος, Παλαιστίνια, παλαιστινιακ`;

const MASCULINE_NOUN_ENDINGS: Readonly<Record<string, string[]>> = {
  οσ: ['οσ', 'ου', 'ο', 'ε', 'οι', 'ων', 'ουσ'],
  ησ: ['ησ', 'η', 'εσ', 'ων'],
  ασ: ['ασ', 'α', 'εσ', 'ων'],
};
const FEMININE_NOUN_ENDINGS: Readonly<Record<string, string[]>> = {
  α: ['α', 'ασ', 'εσ', 'ων'],
  η: ['η', 'ησ', 'εσ', 'ων'],
};
const ADJECTIVE_ENDINGS = ['οσ', 'ου', 'ο', 'ε', 'οι', 'ων', 'ουσ', 'η', 'ησ', 'α', 'εσ'];

function nationalityForms(): Map<string, string> {
  const forms = new Map<string, string>();
  for (const line of NATIONALITIES.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const country = line.slice(0, colon).trim();
    const [masculine = '', feminine = '', adjectives = ''] = line
      .slice(colon + 1)
      .split(',')
      .map((s) => s.trim());
    const addNoun = (word: string, table: Readonly<Record<string, string[]>>): void => {
      if (!word) return;
      const folded = foldWord(word);
      for (const [ending, endings] of Object.entries(table)) {
        if (!folded.endsWith(ending)) continue;
        const base = folded.slice(0, -ending.length);
        for (const e of endings) forms.set(base + e, country);
        return;
      }
      forms.set(folded, country);
    };
    addNoun(masculine, MASCULINE_NOUN_ENDINGS);
    addNoun(feminine, FEMININE_NOUN_ENDINGS);
    for (const adjective of adjectives.split(/\s+/u).filter(Boolean)) {
      const base = foldWord(adjective);
      for (const e of ADJECTIVE_ENDINGS) forms.set(base + e, country);
    }
  }
  return forms;
}

const NATIONALITY_FORMS = nationalityForms();

/** The country a folded nationality word points at (`ρωσικη` → `Ρωσία`), if any. */
export function nationalityCountry(folded: string): string | undefined {
  return NATIONALITY_FORMS.get(folded);
}

/**
 * Whether a capitalised word looks like a nationality or demonym even when no country is known
 * for it (`Βιετναμέζα`, `Χαλκιδαίων`, `Καταλανός`): such words are not names. Accents matter:
 * `Μεξικανή` (stress on the ending) is a demonym, `Αριστοφάνη` is not.
 */
export function looksLikeDemonym(word: string): boolean {
  const lower = word.toLowerCase().replaceAll('ς', 'σ');
  return DEMONYM_ENDINGS.test(lower);
}
const DEMONYM_ENDINGS =
  /(?:έζ(?:οσ|ου|ο|οι|ων|ουσ|α|εσ|ασ)|ίδα|ίδασ|ίδεσ|ίδων|αίοσ|αίου|αίο|αίοι|αίων|αίουσ|αία|ανόσ|ανού|ανό|ανοί|ανών|ανούσ|ανή|ανήσ|ανέσ|άτησ|άτεσ|ιώτησ|ιώτεσ|ιώτισσα|ιώτισσεσ)$/u;

// ---------------------------------------------------------------------------------------------
// People: given names and the words that introduce a person

/** Common given names (Greek, and foreign ones as Greek news spells them), nominative. */
const GIVEN_NAMES = `
Αλέξανδρος|Αλέξης|Ανδρέας|Αντώνης|Απόστολος|Αριστείδης|Άγγελος|Βαγγέλης|Ευάγγελος|Βασίλης|Βασίλειος|
Γιάννης|Ιωάννης|Γιώργος|Γεώργιος|Γρηγόρης|Δημήτρης|Δημήτριος|Διονύσης|Ηλίας|Θανάσης|Αθανάσιος|
Θεόδωρος|Θοδωρής|Θεοφάνης|Θωμάς|Άρης|Ευκλείδης|Άδωνις|Αδωνις|Κυριάκος|Κώστας|Κωνσταντίνος|Κωστής|Λάκης|Λευτέρης|Ελευθέριος|
Λεωνίδας|Μανώλης|Εμμανουήλ|Μάρκος|Μιχάλης|Μιχαήλ|Μπάμπης|Χαράλαμπος|Νίκος|Νικόλαος|Νικήτας|
Όθωνας|Πάνος|Παναγιώτης|Παύλος|Πέτρος|Πολύκαρπος|Σάκης|Σπύρος|Σπυρίδων|Σταύρος|Στέλιος|Στυλιανός|
Στέφανος|Τάκης|Τάσος|Αναστάσιος|Φώτης|Χρήστος|Χρίστος|Χρύσανθος|Άδωνις|Άκης|Αχιλλέας|Γεράσιμος|
Ευκλείδης|Ευριπίδης|Ζήσης|Ιάσονας|Ιορδάνης|Κλέων|Λάμπρος|Μάκης|Μάριος|Μηνάς|Νεκτάριος|Οδυσσέας|
Περικλής|Προκόπης|Ραφαήλ|Σωκράτης|Σωτήρης|Τηλέμαχος|Τρύφωνας|Φίλιππος|Φραγκίσκος|Χάρης|
Άννα|Αγγελική|Αικατερίνη|Κατερίνα|Αλεξάνδρα|Αναστασία|Άρτεμις|Βασιλική|Βάσω|Γεωργία|Δέσποινα|
Δήμητρα|Ελένη|Έλενα|Ελισάβετ|Ευαγγελία|Ευγενία|Ζωή|Θεοδώρα|Ιωάννα|Καλλιόπη|Κωνσταντίνα|Λίνα|
Μαρία|Μαρίνα|Μυρτώ|Νίκη|Ντόρα|Όλγα|Παναγιώτα|Ράνια|Σοφία|Σταυρούλα|Στέλλα|Φωτεινή|Χαρίκλεια|
Χριστίνα|Χρυσούλα|Αφροδίτη|Ειρήνη|Αθηνά|Μελίνα|Μαρίζα|Σεμίνα|Τζένη|Ευτυχία|Φρειδερίκη|Ιφιγένεια|
Ντόναλντ|Τζο|Μπαράκ|Χίλαρι|Μπιλ|Τζορτζ|Ρόναλντ|Τζον|Τζέιμς|Τζόζεφ|Ρόμπερτ|Ρίτσαρντ|Μάικλ|Ντέιβιντ|
Ουίλιαμ|Τόμας|Τσαρλς|Κρίστοφερ|Ντάνιελ|Μάθιου|Άντονι|Μαρκ|Πολ|Στίβεν|Άντριου|Αντριου|Κέβιν|Μπράιαν|
Τζορτζ|Έντουαρντ|Ρόναλντ|Τίμοθι|Τζέισον|Τζεφ|Ράιαν|Τζέικομπ|Γκάρι|Νίκολας|Έρικ|Τζόναθαν|Στίβεν|
Λάρι|Τζάστιν|Σκοτ|Μπρένταν|Φρανκ|Μπέντζαμιν|Γκρέγκορι|Σάμιουελ|Ρέιμοντ|Πάτρικ|Αλεξάντερ|Τζακ|
Ντένις|Τζέρι|Τάιλερ|Άαρον|Χένρι|Ντάγκλας|Πίτερ|Νέβιλ|Εντ|Κιρ|Μπόρις|Τερέζα|Τόνι|Γκόρντον|Νάιτζελ|
Τζέρεμι|Ρίσι|Λιζ|Μάικ|Νάνσι|Κάμαλα|Μπέρνι|Ελίζαμπεθ|Τζένιφερ|Σάρα|Τζέσικα|Κάρεν|Λόρα|Έμιλι|Έμα|
Ολίβια|Σόφι|Κέιτ|Τζούλια|Μέγκαν|Χάρι|Ουίλ|Τεντ|Ελφιν|Τζόσουα|Ρούντολφ|Λάιονελ|Ουίνστον|Ρόμπερτ|
Εμανουέλ|Ζαν|Πιερ|Φρανσουά|Νικολά|Μισέλ|Ζακ|Φιλίπ|Σεμπαστιάν|Τιερί|Ζινεντίν|Μαρίν|Ροξάνα|
Άνγκελα|Όλαφ|Φρανκ-Βάλτερ|Χάικο|Βόλφγκανγκ|Χέλμουτ|Γκέρχαρντ|Ούρσουλα|Άνεγκρετ|Μάρτιν|Στέφαν|
Ματέο|Τζουζέπε|Σίλβιο|Σέρτζιο|Σέρτζιου|Στέφανο|Μπρούνο|Λεονάρντο|Φραντσέσκο|Τζόρτζια|Τζοβάνι|Μάριο|
Πέδρο|Μαριάνο|Χοσέ|Χουάν|Κάρλος|Αντόνιο|Λουίς|Χόρχε|Μιγκέλ|Φερνάντο|Ενρίκε|Φράνκο|Γκαμπριέλα|
Φερνάντα|Ζαΐρ|Νικολάς|Ζοάο|Κριστιάνο|Λιονέλ|Βλαντιμίρ|Ντμίτρι|Σεργκέι|Αντρέι|Αλεξέι|Μιχαήλ|
Γιούρι|Ιγκόρ|Ολέγκ|Βίκτορ|Βολοντιμίρ|Πέτρο|Βιτάλι|Γιούλια|Ρετζέπ|Μεβλούτ|Αχμέτ|Μεχμέτ|Μουσταφά|
Χουλουσί|Ιμπραήμ|Κεμάλ|Φαζίλ|Φασίλ|Χασάν|Αλί|Μοχάμεντ|Μοχάμεντ|Αχμάντ|Χαμίντ|Χάλιντ|Μπασάρ|
Άμπου|Μαχμούντ|Ιμπραχίμ|Αμπντέλ|Σι|Λι|Γουάνγκ|Τζανγκ|Κιμ|Σίνζο|Γιόκο|Ναρέντρα|Ιμράν|Μπέντζαμιν|
Μπένι|Γιαΐρ|Νεφταλί|Άριελ|Σιμόν|Ίνγκα|Μέτε|Γιενς|Στεφάν|Άλεξις|Ρέμπεκα|Φίλιπ|Τζέραρντ|Ρούμπεν|
Τζάνις|Ντίμα|Ατσουνόμπου|Γιμίν|Τζούλιαν|Ντόρις|Σεμπάστιαν|Μαρκ|Ιβάν|Βλάντιμιρ|Μπόιτσο|Αλεξάνταρ|
Ζόραν|Έντι|Ίλιρ|Σαλί|Έντι|Χένρικ|Μπάρμπαρα|Γκρέτα|Μάλαλα|Μαρίκ|Σοκούφε|Νιλς|Στέλιο|Κιμ`;

/** Latin-script given names (lower case); a Latin run starting with one is a person. */
const LATIN_GIVEN_NAMES = folds(`
john|james|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|matthew|
anthony|mark|donald|steven|steve|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|ronald|
edward|jason|jeffrey|jeff|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|scott|
brandon|benjamin|samuel|gregory|alexander|frank|patrick|raymond|jack|dennis|jerry|tyler|aaron|
jose|adam|nathan|henry|douglas|zachary|peter|kyle|ethan|walter|noah|jeremy|christian|keith|roger|
terry|gerald|harold|sean|austin|carl|arthur|lawrence|dylan|jesse|jordan|bryan|billy|joe|bruce|
gabriel|logan|albert|willie|alan|juan|wayne|elijah|randy|roy|vincent|ralph|eugene|russell|bobby|
mason|philip|louis|bill|tim|tom|tony|mike|dave|chris|nick|marc|joel|jean|pierre|michel|francois|
emmanuel|nicolas|jacques|philippe|sebastien|thierry|angela|olaf|wolfgang|helmut|ursula|martin|
stefan|matteo|giuseppe|silvio|sergio|stefano|bruno|leonardo|francesco|giorgia|giovanni|mario|
pedro|mariano|carlos|antonio|luis|jorge|miguel|fernando|enrique|franco|gabriela|fernanda|
vladimir|dmitry|sergei|sergey|andrei|alexei|yuri|igor|oleg|viktor|volodymyr|petro|yulia|
mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|betty|
margaret|sandra|ashley|kimberly|emily|donna|michelle|dorothy|carol|amanda|melissa|deborah|
stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|shirley|angela|helen|anna|brenda|pamela|
nicole|emma|samantha|katherine|christine|debra|rachel|catherine|carolyn|janet|ruth|maria|
heather|diane|virginia|julie|joyce|victoria|olivia|kelly|christina|lauren|joan|evelyn|judith|
megan|cheryl|andrea|hannah|martha|jacqueline|frances|gloria|ann|teresa|kathryn|sara|janice|
jean|alice|madison|doris|abigail|julia|judy|grace|denise|amber|marilyn|beverly|danielle|
theresa|sophia|marie|diana|brittany|natalie|isabella|charlotte|rose|alexis|kayla|kim|elon|
jeff|mark|sundar|satya|tim|bill|warren|jack|larry|sergey|sheryl|marissa|susan|jensen|lisa|
yeong|dai|jun|joong|hamish|anne|ted|neville|kwon|seol|eom`);

/**
 * Words that introduce a person (titles, roles, kinship), stems of folded forms. A capitalised
 * word right after one of them is a person's name, not a sentence start or a place.
 */
const PERSON_CUES = stems(`
πρόεδρος|αντιπρόεδρος|πρωθυπουργός|υπουργός|υφυπουργός|αναπληρωτής|βουλευτής|ευρωβουλευτής|
εκπρόσωπος|δήμαρχος|περιφερειάρχης|αντιπεριφερειάρχης|κυβερνήτης|γερουσιαστής|πρέσβης|πρέσβειρα|
επίτροπος|αρχηγός|ηγέτης|διοικητής|στρατηγός|ναύαρχος|καγκελάριος|βασιλιάς|βασίλισσα|πρίγκιπας|
πριγκίπισσα|πάπας|πατριάρχης|αρχιεπίσκοπος|μητροπολίτης|προπονητής|τεχνικός|παίκτης|παίκτρια|
ποδοσφαιριστής|μπασκετμπολίστας|αθλητής|αθλήτρια|επιθετικός|αμυντικός|τερματοφύλακας|πασαδόρος|
ακραίος|κεντρικός|διαγώνιος|λίμπερο|γκαρντ|φόργουορντ|σέντερ|χαφ|μέσος|οδηγός|πιλότος|ηθοποιός|
συγγραφέας|σκηνοθέτης|σκηνοθέτις|συνθέτης|ζωγράφος|ποιητής|ποιήτρια|τραγουδιστής|τραγουδίστρια|
μουσικός|πιανίστας|πιανίστα|βιολιστής|σολίστ|χορογράφος|φωτογράφος|δημοσιογράφος|αρθρογράφος|
καθηγητής|καθηγήτρια|ερευνητής|ερευνήτρια|επιστήμονας|γιατρός|λοιμωξιολόγος|ιολόγος|γεωχημικός|
βιολόγος|δικηγόρος|εισαγγελέας|δικαστής|ανακριτής|διευθυντής|διευθύντρια|γενικός|γραμματέας|
επικεφαλής|ιδρυτής|συνιδρυτής|ιδιοκτήτης|μεγαλομέτοχος|επιχειρηματίας|εφοπλιστής|αναλυτής|
σύζυγος|αδελφός|αδελφή|αδερφός|αδερφή|γιος|κόρη|πατέρας|μητέρα|θείος|θεία|ανιψιός|εγγονός|
συνάδελφος|δρ|σερ|λόρδος|κύριος|κυρία|κ|κα|κας|αιδεσιμότατος|πατήρ|αγιότατος|υποψήφιος|
κάτοχος|πρωταθλητής|πρωταθλήτρια|ολυμπιονίκης|σταρ|ράπερ|influencer|ceo`);

/** Titles and the department words that follow them (`υπουργός Άμυνας` names no one). */
const TITLE_WORDS = stems(`
πρόεδρος|αντιπρόεδρος|πρωθυπουργός|υπουργός|υφυπουργός|υπουργείο|αναπληρωτής|γενικός|γραμματέας|
γραμματεία|διεύθυνση|διευθυντής|επιτροπή|εκπρόσωπος|κυβέρνηση|βουλευτής|επικεφαλής|αρχηγός|
αρχηγείο|διοικητής|τμήμα|σχολή|υπηρεσία|Πρόεδρος|Πρωθυπουργός|καθηγητής|καθηγήτρια|
πτυχίο|διδάκτορας|διδακτορικό|μεταπτυχιακό|κλινική|εργαστήριο`);

const DEPARTMENTS = stems(`
Άμυνας|Εθνικής|Εξωτερικών|Εσωτερικών|Οικονομικών|Οικονομίας|Ανάπτυξης|Επενδύσεων|Υγείας|Παιδείας|
Θρησκευμάτων|Πολιτισμού|Αθλητισμού|Δικαιοσύνης|Εργασίας|Κοινωνικών|Κοινωνικής|Υποθέσεων|Ασφάλισης|
Αλληλεγγύης|Υποδομών|Μεταφορών|Ναυτιλίας|Νησιωτικής|Πολιτικής|Τουρισμού|Αγροτικής|Τροφίμων|
Περιβάλλοντος|Ενέργειας|Κλιματικής|Αλλαγής|Προστασίας|Πολίτη|Δημόσιας|Δημοσίας|Τάξης|Μετανάστευσης|
Ασύλου|Ψηφιακής|Διακυβέρνησης|Επικρατείας|Εμπορίου|Βιομηχανίας|Καινοτομίας|Έρευνας|Τεχνολογίας|
Πληροφοριών|Ασφαλείας|Δημοσίων|Έργων|Διοικητικής|Ανασυγκρότησης|Οικογένειας|Ισότητας|Γεωργίας|
Αλιείας|Εκπαίδευσης|Δημοκρατίας|Αθλητισμού|Πολιτισμού|Επικοινωνίας|Ενημέρωσης|Μέσων|
Επικοινωνιών|Στρατού|Άμυνα|Κυβερνήσεως|Δημοσιονομικής|Φορολογικής|Ερευνών|Επιχειρήσεων|
Λοιμωξιολογίας|Ιατρικής|Φυσικής|Χημείας|Βιολογίας|Πληροφορικής|Μαθηματικών|Ιστορίας|Φιλοσοφίας|
Νομικής|Ψυχολογίας|Κοινωνιολογίας|Επιστημών|Μηχανικής|Γεωλογίας|Αρχιτεκτονικής|Φαρμακολογίας|
Παθολογίας|Χειρουργικής|Καρδιολογίας|Παιδιατρικής|Επιδημιολογίας|Πνευμονολογίας|Ογκολογίας|
Νευρολογίας|Ψυχιατρικής|Οικονομίας|Λογιστικής|Στατιστικής|Αστροφυσικής|Γενετικής|Μικροβιολογίας`);

/** Words that precede a place (`πόλη Χ`, `νησί Χ`), stems. */
const PLACE_CUES = stems(`
πόλη|πρωτεύουσα|χώρα|νησί|νήσος|περιοχή|δήμος|χωριό|επαρχία|πολιτεία|κομητεία|λίμνη|ποταμός|όρος|
βουνό|οδός|οδό|λεωφόρος|πλατεία|γειτονιά|συνοικία|κωμόπολη|ήπειρος|θάλασσα|κόλπος|ακτή|παραλία|
αεροδρόμιο|λιμάνι|στάδιο|γήπεδο|κράτος|εμιράτο|βασίλειο|δημοκρατία|προάστιο|νομός|περιφέρεια`);

/** Words that precede an organisation (`εφημερίδα Χ`, `εταιρεία Χ`), stems. */
const ORGANISATION_CUES = stems(`
εφημερίδα|εταιρεία|εταιρία|πρακτορείο|σταθμός|σταθμό|κανάλι|δίκτυο|ομάδα|σύλλογος|κόμμα|τράπεζα|
οργανισμός|ιστοσελίδα|ιστότοπος|περιοδικό|οίκος|όμιλος|ΠΑΕ|ΚΑΕ|ΤΑΠ|πλατφόρμα|κολοσσός|
κατασκευαστής|αλυσίδα|ίδρυμα|πανεπιστήμιο|ινστιτούτο|brand|startup|ΜΚΟ|οργάνωση|συνδικάτο|
ένωση|ομοσπονδία|πρωτάθλημα|διοργάνωση|τουρνουά|φεστιβάλ|μέσο|μέσα|δίκτυα|επιμελητήριο|
εκδόσεις|εκδόσεων|εκδοτικός|ραδιοσταθμός|τηλεοπτικός|κλαμπ`);

/** Head nouns that start the names of organisations (`Πανεπιστήμιο Χ`, `Τράπεζα της Χ`). */
const ORGANISATION_HEADS = forms(`
Πανεπιστήμιο|Πολυτεχνείο|Ίδρυμα|Ιδρύματος|Ένωση|Οργανισμός|Τράπεζα|Κόμμα|Όμιλος|Σύλλογος|Επιτροπή|
Ινστιτούτο|Ακαδημία|Κέντρο|Ομοσπονδία|Εταιρεία|Επιμελητήριο|Σχολή|Συμβούλιο|Δικαστήριο|Μουσείο|
Θέατρο|Θεάτρου|Φεστιβάλ|Πινακοθήκη|Χρηματιστήριο|Ταμείο|Γραμματεία|Υπηρεσία|Πρακτορείο|Εκκλησία|
Νοσοκομείο|Εργαστήρι|Εργαστήριο|Σωματείο|Σύνδεσμος|Κίνημα|Μέτωπο|Συμμαχία|Δήμος|Αστυνομία|
Λιμενικό|Πυροσβεστική|Σώμα|Αρχή|Γραφείο|Ορχήστρα|Χορωδία|Λέσχη|Κλινική|Ομάδα|Στρατός|
Οίκος|Βουλή|Κοινοβούλιο|Γερουσία|Συνομοσπονδία|Σχολείο|Κολέγιο|Φορέας|Πρεσβεία|
Προξενείο|Συνέλευση|Ναυτικό|Αεροπορία|Κοινότητα|Κύπελλο|Πρωτάθλημα|Λίγκα|Διάσκεψη|Συνδιάσκεψη|
Σύνοδος|Συνέδριο|Τεχνόπολη|Μέγαρο|Ταμείο|Όμιλος|Πρακτορείο|Εφημερίδα|Δίκτυο|Κανάλι`);

/** Latin words that mark the name of an organisation (`Alpha Bank`, `Daily Mail`). */
const LATIN_ORGANISATION_WORDS = folds(`
bank|airlines|airways|air|times|news|journal|post|mail|today|sport|sports|cup|league|university|
college|institute|school|group|media|festival|inc|ltd|llc|plc|corp|corporation|company|co|
foundation|centre|center|tank|oil|properties|motors|technologies|technology|systems|labs|lab|
studios|records|entertainment|games|pictures|network|tv|radio|press|agency|association|
federation|council|committee|party|fc|club|team|capital|partners|holdings|energy|pharma|
digital|electronics|telecom|mobile|software|express|magazine|review|reports|science|police|
music|market|markets|finance|financial|health|insurance|security|fund|trust|union|office|
service|services|store|stores|society|academy|museum|hospital|clinic|house|hotel|hotels|
brands|industries|international|global|world|national|one|plus|pay|bet|research|consulting|analytics|
investments|labs|studio|robotics|ventures|airport|port`);

/** Acronym prefixes of Greek club names (`ΑΟ Θήρας`, `ΓΣ Ηρακλής`): they join the next word. */
export const CLUB_PREFIXES = folds(
  'ΑΟ|ΑΣ|ΓΣ|ΓΣΚ|ΑΣΚ|ΑΟΝ|ΕΟ|ΠΑΣ|ΚΑΕ|ΠΑΕ|ΑΕ|ΓΑΣ|ΑΠΣ|ΝΟ|ΟΑ|ΑΠΟ|ΠΣ|ΑΓΣ|ΜΓΣ|ΑΓΕΤ|ΟΦ|ΓΕ|ΑΕΚ|ΠΑΟ',
);

/** Particles inside foreign names (`Λεονάρντο ντα Βίντσι`, `Corriere della Sera`). */
export const NAME_PARTICLES = folds(
  'ντε|ντα|ντι|ντελ|ντος|ντου|φον|φαν|βαν|λα|λε|ελ|αλ|μπιν|ιμπν|de|da|di|del|della|des|du|van|von|der|den|la|le|el|al|bin|ibn|y',
);

/** Lower-case Latin words that may stand inside a Latin name (`Bank of America`). */
export const LATIN_CONNECTORS = folds('of|the|and|for|on|&|at|in|de|du|des|la|le|der|di|della');

// ---------------------------------------------------------------------------------------------
// Capitalised words that are not names

/** Weekdays, months, feasts: never names on their own (`Παρασκευή`, `Μαΐου`, `Πάσχα`). */
const CALENDAR = forms(`
Δευτέρα|Τρίτη|Τετάρτη|Πέμπτη|Παρασκευή|Σάββατο|Σαββάτου|Σαββάτων|Κυριακή|
Ιανουάριος|Φεβρουάριος|Μάρτιος|Απρίλιος|Μάιος|Μάης|Μαΐου|Μαΐου|Ιούνιος|Ιούλιος|Αύγουστος|
Σεπτέμβριος|Οκτώβριος|Νοέμβριος|Δεκέμβριος|Γενάρης|Φλεβάρης|Μάρτης|Απρίλης|Ιούνης|Ιούλης|
Αύγουστος|Σεπτέμβρης|Οκτώβρης|Νοέμβρης|Δεκέμβρης|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|
Ιουνίου|Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου|
Πάσχα|Χριστούγεννα|Χριστουγέννων|Πρωτομαγιά|Πρωτοχρονιά|Θεοφάνεια|Απόκριες|Σαρακοστή|
Δεκαπενταύγουστος|Ραμαζάνι|Μπαϊράμι|Ανάσταση|Επιτάφιος|Καθαρά|Ευαγγελισμός|Πεντηκοστή|
Σαββατοκύριακο|Σαββατοκύριακα|Χριστουγεννιάτικο|
Αγίου Πνεύματος|Μεγάλη Εβδομάδα`);

/**
 * Capitalised common words that Greek writers capitalise out of respect or habit but that name
 * no one on their own: institutions in general, titles, school levels, wars, periods, units.
 */
const COMMON_CAPITALISED = forms(`
Κυβέρνηση|Κράτος|Δημόσιο|Πολιτεία|Σύνταγμα|Τύπος|Τύπου|Θεός|Θεού|Θεό|Δικαιοσύνη|Αντιπολίτευση|
Ολομέλεια|Συμμαχία|Ένωση|Επιτροπή|Κέντρο|Υπουργείο|Υπουργός|Υπηρεσία|Αρχή|Αρχές|Αρχών|Πρεσβεία|
Δήμος|Περιφέρεια|Λύκειο|Λυκείου|Γυμνάσιο|Δημοτικό|Πανεπιστήμιο|Πανελλαδικές|Πανελλήνιες|Πόλεμος|
Παγκόσμιος|Επανάσταση|Περίοδος|Εποχή|Αναγέννηση|Μεσαίωνας|Αρχαιότητα|Κελσίου|Φαρενάιτ|
Πρόεδρος|Πρωθυπουργός|Αντιπρόεδρος|Υφυπουργός|Βουλευτής|Διευθύνων|
Σύμβουλος|Γραμματέας|Νόμος|Σχέδιο|Πρόγραμμα|Διαδίκτυο|Ίντερνετ|Internet|
Όμιλος|Οργανισμός|Εταιρεία|Τράπεζα|Κόμμα|Βασιλική|Οικογένεια|Δημοκρατία|Δημοκρατίες|
Διεθνής|Διεθνή|Κοινότητα|Υγεία|Παιδεία|Ενέργεια|Οικονομία|Άνθρωπος|Κοινωνία|Περιβάλλον|Φύση|
Ρύποι|Διατροφή|Πληθυσμός|Αγορά|Χρηματιστήριο|Δείκτης|Πρώτος|Δεύτερος|Τρίτος|Μαγείρεμα|Ανθός|Αλάτι|Πιπέρι|Ζάχαρη|
Ευρωπαϊκή|Ελληνική|Εθνική|Αρχηγείο|Αναζήτηση|Αλπινίστρια|Ενημέρωση|Νέα|Ειδήσεις|
Πινακοθήκη|Σχολή|Επεισόδιο|Βίντεο|Φωτογραφία|Πηγή|Υλικά|Εκτέλεση|Ντρέσινγκ|Σάλτσα|Γέμιση|
Διαδικασία|Προετοιμασία|Συνταγή|Μερίδες|Σημείωση|Σχόλια|Κορωνοϊός|Κορονοϊός|Κοροναϊός|Covid|
Αστυνομία|Πυροσβεστική|Στρατός|Εκκλησία|Πατρίδα|Έθνος|Λαός|Γένος|Ορθοδοξία|Δύση|Ανατολή|
Βορράς|Νότος|Πρωτεύουσα|Μητρόπολη|Ευαγγέλιο|Παναγία|Χριστός|Ιησούς|Πληροφορίες|Πληροφορία|
Υπεύθυνος|Υπεύθυνη|Διευθυντής|Διευθύντρια|Εκπρόσωπος|Αρχηγός|Διοικητής|Επικεφαλής|Γενικός|
Υποστράτηγος|Αντιστράτηγος|Στρατηγός|Ταξίαρχος|Υποπτέραρχος|Αντιπτέραρχος|Πτέραρχος|Ναύαρχος|
Υποναύαρχος|Αντιναύαρχος|Συνταγματάρχης|Αντισυνταγματάρχης|Ταγματάρχης|Λοχαγός|Υπολοχαγός|
Αρχιεπίσκοπος|Μητροπολίτης|Επίσκοπος|Πατριάρχης|Καθηγητής|Καθηγήτρια|Πράξη|Πρόγραμμα|Σημείωμα|
Σκηνοθέτης|Σκηνοθεσία|Μουσική|Σκηνικά|Κοστούμια|Φωτισμοί|Ερμηνεύουν|Παίζουν|Συντελεστές|Διάρκεια|
Εισιτήρια|Πληροφορίες|Κρατήσεις|Τιμή|Ώρα|Ημερομηνία|Τόπος|Διεύθυνση|Τηλέφωνο|Σύστημα|Βάση|
Άγιος|Αγία|Άγιο|Ιερός|Ιερά|Ιερό|Μονή|Ναός|Θεωρία|Κανονισμός|Οδηγία|Συνθήκη|Σύμβαση|Ψήφισμα|
Απόφαση|Έκθεση|Μελέτη|Έρευνα|Ιστορία|Επιστήμη|Τέχνη|Πολιτισμός|Φιλοσοφία|Ιατρική|Κυρία|Κύριος|
Εισαγγελία|Δικαστήριο|Εφετείο|Πρωτοδικείο`);

/** Greek words left out of the stop list that are still never names when capitalised. */
const EXTRA_STOPWORDS = folds(`
σύμφωνα|μέσω|όμως|ωστόσο|επίσης|ακόμη|ακόμα|πλέον|τώρα|σήμερα|χθες|αύριο|εδώ|εκεί|μάλιστα|
πάντως|παράλληλα|ειδικότερα|συγκεκριμένα|τέλος|αρχικά|επιπλέον|αντίθετα|αντιθέτως|στόχος|
επομένως|άλλωστε|βέβαια|φυσικά|δηλαδή|όπως|όταν|ενώ|καθώς|αφού|μέχρι|έως|γιατί|επειδή|
πώς|πού|τι|ποιος|ποια|ποιο|κάθε|βάσει|όλοι|όλες|όλα|ένας|μία|μια|ένα|δύο|τρία|τρεις|τέσσερα|τέσσερις|
πρώτα|πρώτη|πρώτος|πρώτο|μετά|πριν|κατά|υπό|προς|χωρίς|εντός|εκτός|λόγω|παρά|αντί|διά|μεταξύ|
οποίος|οποία|οποίο|είναι|ήταν|έχει|έχουν|θα|να|δεν|μην|μη|ναι|όχι|οπως|πως|κι|αν|και|ή|
αντίστοιχα|ειδικά|κυρίως|τελικά|συνεπώς|ουσιαστικά|πρακτικά|ταυτόχρονα|εντωμεταξύ|παρόλα|
παρ'|ενδεχομένως|πιθανότατα|σαφώς|προφανώς|ευτυχώς|δυστυχώς|αναμφίβολα|επιπροσθέτως|ακολούθως`);

/** Acronyms and all-caps words that are not names (`ΑΕΠ`, `ΜΜΕ`, `COVID`, `ΥΛΙΚΑ`). */
const NON_NAME_ACRONYMS = folds(`
ΑΕΠ|ΦΠΑ|ΜΜΕ|ΜΕΘ|ΦΕΚ|ΑΦΜ|ΑΜΚΑ|ΚΥΑ|ΠΝΠ|ΔΣ|ΕΠΕ|ΟΕ|ΙΚΕ|ΜΚΟ|ΚΤΕΟ|ΔΕΘ|ΠτΔ|ΑμεΑ|ΑΜΕΑ|ΤΤ|ΟΚ|ΣΟΣ|
ΥΛΙΚΑ|ΔΙΑΔΙΚΑΣΙΑ|ΕΚΤΕΛΕΣΗ|ΣΥΝΤΑΓΗ|ΠΡΟΕΤΟΙΜΑΣΙΑ|ΜΕΡΙΔΕΣ|ΠΗΓΗ|ΦΩΤΟ|ΒΙΝΤΕΟ|ΔΕΙΤΕ|ΔΙΑΒΑΣΤΕ|
ΣΧΟΛΙΑ|ΕΚΤΑΚΤΟ|ΑΠΟΚΛΕΙΣΤΙΚΟ|ΤΩΡΑ|ΝΕΟ|ΝΕΑ|ΠΡΙΝ|ΜΕΤΑ|ΤΙ|ΠΩΣ|ΓΙΑΤΙ|ΣΗΜΕΡΑ|ΑΥΡΙΟ|
COVID|SARS|MERS|DNA|RNA|PCR|CEO|CFO|CTO|GDP|USB|CPU|GPU|RAM|SSD|HDD|LED|LCD|OLED|HD|UHD|TV|PC|
AI|VR|AR|API|SDK|OS|GPS|SMS|PDF|URL|HTML|CSS|IT|IOT|LTE|MHZ|GHZ|GB|MB|TB|KB|SOS|OK|VIP|DJ|MVP|
FIR|CO|NOX|PM|VX|RT|BIOS|CUDA|GDDR|RTX|GTX|HOF|PCB|ID|FAQ|PS|PPS|NB|AM|FM|USD|EUR|MW|KW|GW|
TWH|KWH|CD|DVD|LP|EP|MP|HIV|AIDS|ICU|ER|UV|ETF|IPO|ESG|QR|IBAN|VAR|PIN|ΝΟ|Νο|Α.Ε.|Α.Ε|Ο.Ε.|Ε.Π.Ε.|Ι.Κ.Ε.|ΑΕ|Κ.Α.|ΗΛΕ|ΝΑ|ΒΑ|ΒΔ|ΝΔΑ|ΑΑ|PR|TBA|
WIFI|NFC|SIM|APP|IOS|HDR|FPS|RGB|SUV|EV|HP|BHP|ABS|ESP|KM|CM|MM|KG|MG|ML|XL|XXL|PSI|CV|ΥΓ|ΚΛΠ`);

export function isCalendarWord(folded: string): boolean {
  return CALENDAR.has(folded);
}
export function isCommonCapitalised(folded: string): boolean {
  return COMMON_CAPITALISED.has(folded);
}
export function isExtraStopword(folded: string): boolean {
  return EXTRA_STOPWORDS.has(folded);
}
export function isNonNameAcronym(folded: string): boolean {
  return NON_NAME_ACRONYMS.has(folded);
}
export function isTitleWord(stem: string): boolean {
  return TITLE_WORDS.has(stem);
}
export function isDepartment(stem: string): boolean {
  return DEPARTMENTS.has(stem);
}
export function isPersonCue(stem: string): boolean {
  return PERSON_CUES.has(stem);
}
export function isPlaceCue(stem: string): boolean {
  return PLACE_CUES.has(stem);
}
export function isOrganisationCue(stem: string): boolean {
  return ORGANISATION_CUES.has(stem);
}
export function isOrganisationHead(folded: string): boolean {
  return ORGANISATION_HEADS.has(folded);
}
export function isLatinOrganisationWord(folded: string): boolean {
  return LATIN_ORGANISATION_WORDS.has(folded);
}
export function isLatinGivenName(folded: string): boolean {
  return LATIN_GIVEN_NAMES.has(folded);
}

/** Given names by stem, with their nominative and grammatical gender. */
export interface GivenName {
  nominative: string;
  feminine: boolean;
}

function buildGivenNames(): Map<string, GivenName> {
  const names = new Map<string, GivenName>();
  for (const name of list(GIVEN_NAMES)) {
    const folded = foldWord(name);
    const feminine = /[αη]$/u.test(folded) && !/(?:ασ|ησ)$/u.test(folded);
    for (const form of wordForms(name))
      if (!names.has(form)) names.set(form, { nominative: name, feminine });
  }
  return names;
}

const GIVEN_NAME_FORMS = buildGivenNames();

/** The given name a folded word is a form of (`κυριακου` → Κυριάκος), if it is a known one. */
export function givenName(folded: string): GivenName | undefined {
  return GIVEN_NAME_FORMS.get(folded);
}
