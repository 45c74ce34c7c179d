/**
 * Publishers' section labels → sections of our taxonomy, for measuring topic assignment.
 *
 * Written by hand. A labelled corpus (such as a crawler's `labels.tsv`) names each article's
 * section the way its publisher or crawler did: in English or Greek, in Latin transliteration,
 * coarse (`world`) or fine (`football`, `agores`). Evaluation needs them in our terms.
 *
 * How a label is read (`mapSourceLabel`):
 * 1. The URL's path, when given: the first folder that names a section decides (`/oikonomia/agores/`
 *    → oikonomia, `/news/kosmos/` → kosmos). A site's own folder is the most precise label there
 *    is: one crawler's "Greece" spider also fetched the site's `/economy/` pages. The last part of
 *    the path (the article's own slug) and numbers are not read.
 * 2. Otherwise the label itself, compared folded (case and accents do not matter). A label made of
 *    parts (`Greece/Society`, `health & life`) maps when every part maps to the same section.
 * 3. Otherwise the article is left out of the measurement: a label such as `style`, `life`,
 *    `story` or `news` says nothing about our sections, and a mixed one such as `health & life`
 *    (health pages, recipes and celebrity news together) would measure the labels, not us.
 */
import { fold } from '../greek/fold.ts';

/** Folded label or URL folder → topic slug. `null` marks a label known to map to no section. */
export const SECTION_LABELS: Readonly<Record<string, string | null>> = {
  // Πολιτική
  politics: 'politiki',
  politiki: 'politiki',
  politikh: 'politiki',
  πολιτικη: 'politiki',
  // Οικονομία: markets, business, finance
  economy: 'oikonomia',
  economics: 'oikonomia',
  business: 'oikonomia',
  finance: 'oikonomia',
  markets: 'oikonomia',
  money: 'oikonomia',
  oikonomia: 'oikonomia',
  agores: 'oikonomia',
  epixeiriseis: 'oikonomia',
  epiheiriseis: 'oikonomia',
  οικονομια: 'oikonomia',
  αγορεσ: 'oikonomia',
  επιχειρησεισ: 'oikonomia',
  // Κόσμος: foreign news
  world: 'kosmos',
  international: 'kosmos',
  kosmos: 'kosmos',
  diethni: 'kosmos',
  diethnh: 'kosmos',
  κοσμοσ: 'kosmos',
  διεθνη: 'kosmos',
  // Κοινωνία: domestic news, society
  society: 'koinonia',
  greece: 'koinonia',
  ellada: 'koinonia',
  koinonia: 'koinonia',
  koinwnia: 'koinonia',
  κοινωνια: 'koinonia',
  ελλαδα: 'koinonia',
  // Πολιτισμός: arts, books, cinema, music, theatre
  culture: 'politismos',
  arts: 'politismos',
  politismos: 'politismos',
  tehnes: 'politismos',
  texnes: 'politismos',
  lifearts: 'politismos',
  books: 'politismos',
  cinema: 'politismos',
  music: 'politismos',
  theatre: 'politismos',
  πολιτισμοσ: 'politismos',
  τεχνεσ: 'politismos',
  βιβλιο: 'politismos',
  σινεμα: 'politismos',
  μουσικη: 'politismos',
  θεατρο: 'politismos',
  // Αθλητισμός: every sport
  sport: 'athlitismos',
  sports: 'athlitismos',
  athlitika: 'athlitismos',
  athlhtika: 'athlitismos',
  athlitismos: 'athlitismos',
  football: 'athlitismos',
  soccer: 'athlitismos',
  basket: 'athlitismos',
  basketball: 'athlitismos',
  volleyball: 'athlitismos',
  tennis: 'athlitismos',
  motorsports: 'athlitismos',
  αθλητικα: 'athlitismos',
  αθλητισμοσ: 'athlitismos',
  ποδοσφαιρο: 'athlitismos',
  μπασκετ: 'athlitismos',
  βολει: 'athlitismos',
  τενισ: 'athlitismos',
  'λοιπα αθληματα': 'athlitismos',
  // Τεχνολογία: tech, hardware, internet, games, science
  tech: 'technologia',
  technology: 'technologia',
  texnologia: 'technologia',
  technologia: 'technologia',
  'science-technology': 'technologia',
  hardware: 'technologia',
  software: 'technologia',
  internet: 'technologia',
  games: 'technologia',
  gaming: 'technologia',
  mobile: 'technologia',
  gadgets: 'technologia',
  τεχνολογια: 'technologia',
  // Περιβάλλον
  environment: 'perivallon',
  green: 'perivallon',
  climate: 'perivallon',
  perivallon: 'perivallon',
  περιβαλλον: 'perivallon',
  // Υγεία
  health: 'ygeia',
  ygeia: 'ygeia',
  igeia: 'ygeia',
  υγεια: 'ygeia',
  // Άμυνα
  defence: 'amyna',
  defense: 'amyna',
  military: 'amyna',
  amyna: 'amyna',
  αμυνα: 'amyna',
  // Γεύση: food, recipes
  food: 'gefsi',
  recipes: 'gefsi',
  gastronomy: 'gefsi',
  gastronomie: 'gefsi',
  gefsi: 'gefsi',
  geysi: 'gefsi',
  gefsignostis: 'gefsi',
  syntages: 'gefsi',
  γευση: 'gefsi',
  συνταγεσ: 'gefsi',
  γαστρονομια: 'gefsi',
  // Labels that say nothing about our sections (left out).
  news: null,
  story: null,
  life: null,
  lifestyle: null,
  style: null,
  moda: null,
  fashion: null,
  transport: null,
  various: null,
  opinion: null,
  print: null,
  articles: null,
  article: null,
};

function lookup(label: string): string | null | undefined {
  const key = fold(label.trim());
  if (key === '') return undefined;
  if (Object.hasOwn(SECTION_LABELS, key)) return SECTION_LABELS[key];
  return undefined;
}

/** The section named by one label, trying its parts (`Greece/Society`) when the whole is unknown. */
function fromLabel(label: string): string | undefined {
  const whole = lookup(label);
  if (whole !== undefined) return whole ?? undefined;
  const parts = label.split(/\s*[/&|,>+]\s*|\s+and\s+|\s+και\s+/u).filter((p) => p.trim() !== '');
  if (parts.length < 2) return undefined;
  const slugs = new Set(parts.map((p) => lookup(p)));
  if (slugs.size !== 1) return undefined;
  const [only] = slugs;
  return only ?? undefined;
}

/** The section named by the folders of a URL's path, outermost first. */
function fromUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const folders = pathname.split('/').filter((part) => part !== '');
  folders.pop(); // the article's own slug
  for (const folder of folders) {
    let name: string;
    try {
      name = decodeURIComponent(folder);
    } catch {
      name = folder;
    }
    if (/^\d+$/.test(name)) continue;
    const slug = lookup(name);
    if (slug) return slug;
  }
  return undefined;
}

/** Our section for a publisher's label (and the article's URL, when known), or undefined. */
export function mapSourceLabel(label: string, url?: string): string | undefined {
  const byUrl = url ? fromUrl(url) : undefined;
  return byUrl ?? fromLabel(label);
}
