/**
 * What the search index is made of, per day: a fingerprint of what Pagefind reads of each
 * article page, so that a page changed elsewhere (a new name page linked from its list of
 * names, which a day of news does to a few old articles anywhere in the archive) does not make
 * its whole shard be indexed again.
 *
 * A fingerprint may hold more than Pagefind reads (that costs a needless re-indexing) but never
 * less (that would keep a stale shard). It therefore keeps every tag with a `data-pagefind-*`
 * attribute, with all its content when Pagefind takes text from it (`data-pagefind-body`, and
 * filters and metadata without a `:value`), the first `<h1>` and `<img>` (Pagefind's default
 * title and image), and the whole page when it has no `data-pagefind-body`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../model.ts';

/** Attributes whose value comes from the element's text: `data-pagefind-filter="topic"`. */
const TEXT_VALUED = /\bdata-pagefind-(?:body|(?:filter|meta)="[^":]*")/;
const VOID_ELEMENTS = new Set(['img', 'meta', 'link', 'input', 'br', 'hr', 'source']);

/** The end of the element whose opening tag ends at `from`: after its matching closing tag. */
function elementEnd(html: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return html.length;
}

/** The parts of an HTML page that Pagefind's indexing reads (a superset; see above). */
export function indexedParts(html: string): string {
  if (!html.includes('data-pagefind-body')) return html;
  const parts = [/<h1\b[\s\S]*?<\/h1>/i.exec(html)?.[0], /<img\b[^>]*>/i.exec(html)?.[0]];
  // Every tag with a data-pagefind-* attribute, found from the attribute (cheaper than a
  // regular expression over every tag of the page).
  for (let at = html.indexOf('data-pagefind-'); at >= 0;) {
    const start = html.lastIndexOf('<', at);
    const end = html.indexOf('>', at) + 1;
    const tag = html.slice(start, end);
    const name = /^<([a-zA-Z][\w-]*)/.exec(tag)?.[1]?.toLowerCase() ?? '';
    const withText = TEXT_VALUED.test(tag) && !VOID_ELEMENTS.has(name) && !tag.endsWith('/>');
    parts.push(withText ? html.slice(start, elementEnd(html, name, end)) : tag);
    at = html.indexOf('data-pagefind-', end);
  }
  return parts.join('\n');
}

/**
 * Fingerprints of the given days of a built site: a hash of each article page's folder name
 * and indexed parts, in order. A day without article pages has none. It yields after each day,
 * so that Pagefind's replies are handled meanwhile (synchronous reads cost less CPU).
 */
export async function dayFingerprints(
  outDir: string,
  dates: Iterable<IsoDate>,
): Promise<Map<IsoDate, string>> {
  const fingerprints = new Map<IsoDate, string>();
  for (const date of dates) {
    await new Promise((resolve) => setImmediate(resolve));
    const dayDir = path.join(outDir, ...date.split('-'));
    let articles: string[];
    try {
      articles = readdirSync(dayDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    } catch {
      continue; // the day is gone
    }
    const hash = createHash('sha256');
    let pages = 0;
    for (const article of articles) {
      let html: string;
      try {
        html = readFileSync(path.join(dayDir, article, 'index.html'), 'utf8');
      } catch {
        continue; // not an article page
      }
      hash.update(`${article}\0${indexedParts(html)}\0`);
      pages++;
    }
    if (pages > 0) fingerprints.set(date, hash.digest('base64url').slice(0, 22));
  }
  return fingerprints;
}
