/* global document, location, history, fetch, setTimeout, clearTimeout, console, URLSearchParams */
/**
 * The search page's script, inlined by layouts/search.ts as a module. It reads
 * `<index>/shards.json` (src/site/search-index.ts), searches each shard with that shard's own
 * `pagefind.js` and merges the results: by score for relevance, and for a date order by
 * concatenating the shards (disjoint date ranges, each sorted by date by Pagefind) in date order.
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

/** The shards to search, newest first: all, or those whose dates overlap the year. */
export function shardsFor(manifest, year) {
  const shards = [...manifest.shards].sort((a, b) => (a.from < b.from ? 1 : -1));
  if (!year) return shards;
  return shards.filter((s) => s.from.slice(0, 4) <= year && s.to.slice(0, 4) >= year);
}

/**
 * One list from the shards' results (`perShard` in the order of `shardsFor`, newest first).
 * Relevance: by score, as Pagefind's own `mergeIndex` does. Newest or oldest: each shard's
 * results are already in date order, and shards do not overlap in dates.
 */
export function mergeResults(perShard, sort) {
  if (sort === 'newest') return perShard.flat();
  if (sort === 'oldest') return [...perShard].reverse().flat();
  return perShard.flat().sort((a, b) => b.score - a.score);
}

/** Adds counts of the same filter value from several shards. */
export function mergeFilters(all) {
  const merged = {};
  for (const filters of all) {
    for (const [name, values] of Object.entries(filters ?? {})) {
      const target = (merged[name] ??= {});
      for (const [value, count] of Object.entries(values))
        target[value] = (target[value] ?? 0) + count;
    }
  }
  return merged;
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

/** `…/2026/01/27/0-slug/` → `2026-01-27`: article URLs begin with their date (urls.ts). */
export function articleDate(url) {
  const match = /\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/$/.exec(url);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : '';
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

/** Pagefind's excerpt keeps only its text and `<mark>`s: nothing else reaches the page. */
function excerptNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  }
  return nodes;
}

function element(name, attributes = {}, ...children) {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  el.append(...children);
  return el;
}

function resultItem(data) {
  const date = articleDate(data.url);
  return element(
    'li',
    {},
    element(
      'article',
      { class: 'article-summary' },
      element('h2', {}, element('a', { href: data.url }, data.meta.title ?? data.url)),
      date
        ? element('p', { class: 'meta' }, element('time', { datetime: date }, formatDate(date)))
        : '',
      element('p', { class: 'excerpt' }, ...excerptNodes(data.excerpt ?? '')),
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
  const say = (text) => {
    status.textContent = text;
  };

  let manifest;
  try {
    const response = await fetch(`${indexBase}shards.json`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${response.status}`);
    manifest = await response.json();
  } catch {
    say('Η αναζήτηση δεν είναι διαθέσιμη: το αρχείο δημοσιεύτηκε χωρίς ευρετήριο αναζήτησης.');
    return;
  }
  if (manifest.shards.length === 0) {
    say('Το αρχείο δεν έχει ακόμη άρθρα για αναζήτηση.');
    return;
  }
  // Each shard through its own copy of pagefind.js: one module's instances share one
  // WebAssembly memory, and Pagefind's mergeIndex would order merged results by score only.
  const instances = new Map();
  const instance = (shard) => {
    if (!instances.has(shard.path)) {
      const basePath = `${indexBase}${shard.path}`;
      const created = import(`${basePath}pagefind.js`).then((pagefind) =>
        pagefind.createInstance({ basePath, baseUrl: form.dataset.base }),
      );
      instances.set(shard.path, created);
    }
    return instances.get(shard.path);
  };

  const initial = readState(location.search);
  input.value = initial.q;
  sort.value = initial.sort;
  $('search-box').hidden = false;
  try {
    const all = shardsFor(manifest, '');
    const counts = mergeFilters(
      await Promise.all(all.map(async (s) => (await instance(s)).filters())),
    );
    fillSelect(topic, counts.topic, initial.topic, (a, b) => a.localeCompare(b, 'el'));
    fillSelect(year, counts.year, initial.year, (a, b) => b.localeCompare(a));
  } catch (error) {
    console.error(error);
    say('Η αναζήτηση δεν είναι διαθέσιμη: το ευρετήριο δεν φορτώθηκε.');
    return;
  }

  let run = 0;
  let results = [];
  let shown = 0;

  const showMore = async (focusFirst) => {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const current = run;
    const data = await Promise.all(page.map((r) => r.data()));
    if (current !== run) return;
    const items = data.map(resultItem);
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= results.length;
    if (focusFirst && items[0]) items[0].querySelector('a')?.focus();
  };

  const search = async () => {
    const state = { q: input.value, topic: topic.value, year: year.value, sort: sort.value };
    history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
    const current = ++run;
    const term = state.q.trim() || null;
    if (term === null && !state.topic && !state.year) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      say('');
      return;
    }
    const filters = {};
    if (state.topic) filters.topic = state.topic;
    if (state.year) filters.year = state.year;
    // Without words there is no relevance: filter-only searches list the newest first.
    const order = state.sort || (term === null ? 'newest' : '');
    const options = { filters, sort: order ? { date: order === 'oldest' ? 'asc' : 'desc' } : {} };
    say('Αναζήτηση…');
    const shards = shardsFor(manifest, state.year);
    const perShard = await Promise.all(
      shards.map(async (s) => (await (await instance(s)).search(term, options)).results),
    );
    if (current !== run) return;
    results = mergeResults(perShard, order);
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (current === run) say(statusText(results.length, state));
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
  // From the page's URL, or typed while the filters were loading.
  if (input.value.trim() || topic.value || year.value) await search();
}

if (typeof document !== 'undefined') {
  const form = document.getElementById('search-form');
  if (form) start(form).catch((error) => console.error(error));
}
