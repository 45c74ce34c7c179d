/* global document, location, history, fetch, setTimeout, clearTimeout, console, URLSearchParams, DOMParser */
/**
 * The search page's script, inlined by layouts/search.ts as a module. It reads the index's
 * manifest and imports its engine (`<index>/engine.js`, src/site/search-engine.ts), which reads
 * the rest of the index, and shows what it finds, a page of results at a time: titles and
 * dates at once, then each excerpt around the words found, from the article's own page (the
 * index keeps no copy of the texts).
 * The pure helpers are exported for the unit tests; in a browser the module starts itself.
 */

export const PAGE_SIZE = 20;

/** The form's state in the page URL: `?q=…&topic=…&year=…&sort=newest|oldest`. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    year: params.get('year') ?? '',
    sort: sort === 'newest' || sort === 'oldest' ? sort : '',
  };
}

export function writeState(state) {
  const params = new URLSearchParams();
  for (const key of ['q', 'topic', 'year', 'sort']) if (state[key]) params.set(key, state[key]);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function articlesFound(count) {
  if (count === 0) return 'Δεν βρέθηκαν άρθρα';
  return count === 1 ? 'Βρέθηκε 1 άρθρο' : `Βρέθηκαν ${count.toLocaleString('el-GR')} άρθρα`;
}

/** `Βρέθηκαν 3 άρθρα για «άμυνα» στο θέμα Άμυνα, το 2026.` */
export function statusText(count, state) {
  let text = articlesFound(count);
  const q = state.q.trim();
  if (q) text += ` για «${q}»`;
  const where = [state.topic && `στο θέμα ${state.topic}`, state.year && `το ${state.year}`];
  const filters = where.filter(Boolean);
  if (filters.length > 0) text += ` ${filters.join(', ')}`;
  return `${text}.`;
}

const LONG_DATE = new Intl.DateTimeFormat('el-GR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-01-27` → `27 Ιανουαρίου 2026`, as the archive's lists write dates. */
export function formatDate(date) {
  const [year, month, day] = date.split('-').map(Number);
  return LONG_DATE.format(new Date(Date.UTC(year, month - 1, day)));
}

/** An excerpt's parts (search-engine.ts) as text and `<mark>`s: nothing else reaches the page. */
function excerptNodes(parts) {
  return parts.map(({ text, mark }) => {
    if (!mark) return document.createTextNode(text);
    const el = document.createElement('mark');
    el.textContent = text;
    return el;
  });
}

/** The text of an article page's body, which the index read (layouts/article.ts). */
async function articleText(url) {
  const response = await fetch(url);
  if (!response.ok) return '';
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const paragraphs = page.querySelectorAll('[data-search-body] p');
  return [...paragraphs].map((p) => p.textContent ?? '').join(' ');
}

function element(name, attributes = {}, ...children) {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  el.append(...children);
  return el;
}

function resultItem(found) {
  return element(
    'li',
    {},
    element(
      'article',
      { class: 'article-summary' },
      element('h2', {}, element('a', { href: found.url }, found.title || found.url)),
      element(
        'p',
        { class: 'meta' },
        element('time', { datetime: found.date }, formatDate(found.date)),
      ),
      element('p', { class: 'excerpt' }),
    ),
  );
}

function fillSelect(select, counts, chosen, compare) {
  const values = Object.keys(counts ?? {}).sort(compare);
  if (chosen && !values.includes(chosen)) values.unshift(chosen);
  for (const value of values) {
    const label = counts?.[value] === undefined ? value : `${value} (${counts[value]})`;
    select.append(element('option', { value }, label));
  }
  select.value = chosen;
}

async function start(form) {
  const $ = (id) => document.getElementById(id);
  const input = $('search-q');
  const topic = $('search-topic');
  const year = $('search-year');
  const sort = $('search-sort');
  const status = $('search-status');
  const list = $('search-results');
  const more = $('search-more');
  const indexBase = form.dataset.index;
  const siteBase = form.dataset.base;
  const say = (text) => {
    status.textContent = text;
  };

  // A shard's files by its version (cached copies of a rebuilt shard are never mixed with the
  // new), and the manifest, which has none, always fresh.
  const load = async (file, version) => {
    const response = version
      ? await fetch(`${indexBase}${file}?v=${version}`)
      : await fetch(`${indexBase}${file}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return response.json();
  };
  let engine;
  let excerpt;
  try {
    // The engine of the same build as the manifest, whatever a cache holds.
    const manifest = await load('shards.json');
    const module = await import(`${indexBase}engine.js?v=${manifest.engine}`);
    excerpt = module.excerpt;
    engine = new module.SearchEngine(manifest, load);
  } catch (error) {
    console.error(error);
    say('Η αναζήτηση δεν είναι διαθέσιμη: το αρχείο δημοσιεύτηκε χωρίς ευρετήριο αναζήτησης.');
    return;
  }
  if (engine.manifest.shards.length === 0) {
    say('Το αρχείο δεν έχει ακόμη άρθρα για αναζήτηση.');
    return;
  }

  const initial = readState(location.search);
  input.value = initial.q;
  sort.value = initial.sort;
  $('search-box').hidden = false;
  const counts = engine.counts();
  fillSelect(topic, counts.topics, initial.topic, (a, b) => a.localeCompare(b, 'el'));
  fillSelect(year, counts.years, initial.year, (a, b) => b.localeCompare(a));

  let run = 0;
  let query = initial;
  let hits = [];
  let shown = 0;

  // Titles and dates first; each excerpt follows when its article's page has loaded.
  const showMore = async (focusFirst) => {
    const page = hits.slice(shown, shown + PAGE_SIZE);
    const current = run;
    const found = await engine.details(page);
    if (current !== run) return;
    const items = found.map((f) => resultItem({ ...f, url: `${siteBase}${f.path}` }));
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= hits.length;
    if (focusFirst && items[0]) items[0].querySelector('a')?.focus();
    const { q } = query;
    found.forEach((f, i) => {
      articleText(`${siteBase}${f.path}`)
        .then((text) => {
          if (current !== run) return;
          items[i]
            .querySelector('.excerpt')
            .append(...excerptNodes(excerpt(text, q, engine.stopwords)));
        })
        .catch((error) => console.error(error));
    });
  };

  const search = async () => {
    const state = { q: input.value, topic: topic.value, year: year.value, sort: sort.value };
    history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
    const current = ++run;
    if (!state.q.trim() && !state.topic && !state.year) {
      hits = [];
      list.replaceChildren();
      more.hidden = true;
      say('');
      return;
    }
    say('Αναζήτηση…');
    const found = await engine.search(state);
    if (current !== run) return;
    query = state;
    hits = found;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (current === run) say(statusText(hits.length, state));
  };

  let timer;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search().catch(fail), 300);
  };
  const fail = (error) => {
    console.error(error);
    say('Η αναζήτηση απέτυχε. Δοκιμάστε ξανά.');
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search().catch(fail);
  });
  input.addEventListener('input', soon);
  for (const select of [topic, year, sort]) select.addEventListener('change', soon);
  more.addEventListener('click', () => void showMore(true).catch(fail));
  form.dataset.ready = 'true';
  // From the page's URL, or typed while the index was loading.
  if (input.value.trim() || topic.value || year.value) await search();
}

if (typeof document !== 'undefined') {
  const form = document.getElementById('search-form');
  if (form) start(form).catch((error) => console.error(error));
}
