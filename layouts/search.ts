/**
 * The search page `/anazitisi/`: a Greek form over the archive's search index (search-index.ts)
 * with topic and year filters and a date order. Its script (search-client.js, inlined) loads
 * the index's engine, fills the filters and shows results; without JavaScript the page says so
 * and points to the archive's own lists.
 * Every URL goes through `ctx.href`, so the page and the index work under a path prefix.
 */
import { readFileSync } from 'node:fs';
import { basePage, SEARCH_PATH, TOPICS_INDEX_PATH } from './base.ts';
import { HOME } from './breadcrumbs.ts';
import type { PageContext } from './context.ts';
import { escapeAttr, join } from './html.ts';

/** Site-relative URL of the search page. */
export const SEARCH_URL = SEARCH_PATH;
/** Site-relative URL of the folder the build writes the search index into (search-index.ts). */
export const SEARCH_INDEX_PATH = '/search-index/';
export const SEARCH_TITLE = 'Αναζήτηση';

/** The client script, inlined as a module. */
export const searchScript: string = readFileSync(
  new URL('./search-client.js', import.meta.url),
  'utf8',
);
if (/<\/script|<!--/i.test(searchScript)) {
  throw new Error('search-client.js must not contain "</script" or "<!--": it is inlined');
}

function option(value: string, label: string): string {
  return `<option value="${escapeAttr(value)}">${label}</option>`;
}

export function searchPage(ctx: PageContext): string {
  const attr = (url: string) => escapeAttr(ctx.href(url));
  const body = join([
    `<h1>${SEARCH_TITLE}</h1>`,
    '<p class="lead">Αναζητήστε άρθρα με λέξεις του τίτλου ή του κειμένου τους. ' +
      'Τόνοι, κεφαλαία και καταλήξεις δεν μετρούν: το «αμυνα» βρίσκει και την «Άμυνας».</p>',
    '<noscript><p class="search-noscript">Η αναζήτηση χρειάζεται JavaScript, που είναι ' +
      'απενεργοποιημένη σε αυτόν τον φυλλομετρητή. Μπορείτε να βρείτε τα άρθρα από την ' +
      `<a href="${attr('/')}">αρχική σελίδα</a>, ανά έτος, ή ανά ` +
      `<a href="${attr(TOPICS_INDEX_PATH)}">θέμα</a>.</p></noscript>`,
    '<search id="search-box" hidden>',
    `<form id="search-form" class="search-form" action="${attr(SEARCH_URL)}" method="get" ` +
      `data-index="${attr(SEARCH_INDEX_PATH)}" data-base="${attr('/')}">`,
    '<p class="search-field">',
    '<label for="search-q">Λέξεις αναζήτησης</label>',
    '<input id="search-q" name="q" type="search" autocomplete="off" spellcheck="false">',
    `<button type="submit">${SEARCH_TITLE}</button>`,
    '</p>',
    '<fieldset class="search-options">',
    '<legend>Περιορισμός και σειρά</legend>',
    '<p><label for="search-topic">Θέμα</label>',
    `<select id="search-topic" name="topic">${option('', 'Όλα τα θέματα')}</select></p>`,
    '<p><label for="search-year">Έτος</label>',
    `<select id="search-year" name="year">${option('', 'Όλα τα έτη')}</select></p>`,
    '<p><label for="search-sort">Σειρά</label>',
    '<select id="search-sort" name="sort">' +
      option('', 'Πιο σχετικά πρώτα') +
      option('newest', 'Νεότερα πρώτα') +
      option('oldest', 'Παλαιότερα πρώτα') +
      '</select></p>',
    '</fieldset>',
    '</form>',
    '</search>',
    '<p id="search-status" class="search-status" role="status"></p>',
    '<ol id="search-results" class="article-list search-results"></ol>',
    '<p><button type="button" id="search-more" class="search-more" hidden>' +
      'Περισσότερα αποτελέσματα</button></p>',
    `<script type="module">\n${searchScript}</script>`,
  ]);
  return basePage({
    title: SEARCH_TITLE,
    description: 'Αναζήτηση στα άρθρα του αρχείου, με φίλτρα θέματος και έτους.',
    body,
    ctx,
    breadcrumbs: [HOME, { url: SEARCH_URL, label: SEARCH_TITLE }],
    canonicalPath: SEARCH_URL,
  });
}
