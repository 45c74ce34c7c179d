/**
 * What the search index reads of an article page: the title, the body's text and the topics,
 * which layouts/article.ts marks with `data-search-title`, `data-search-body` and
 * `data-search-topic`. Nothing else of the page is searchable: not the navigation, the date
 * line, the names or the related articles.
 *
 * Per day, a fingerprint of those records, so that a page changed elsewhere (a new name page
 * linked from its list of names, which a day of news does to a few old articles anywhere in the
 * archive) does not make its whole shard be indexed again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import type { IsoDate } from '../model.ts';

export interface SearchRecord {
  title: string;
  /** The body's text, paragraphs apart by a space. */
  body: string;
  topics: string[];
}

/** One article page of a day: its folder's name and what the index reads of it. */
export interface DayArticle {
  folder: string;
  record: SearchRecord;
}

/** Block tags part words; inline ones (`<em>`, `<a>`) may sit inside a word. */
const BLOCK_TAG = /<\/?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|hr)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;

function textOf(html: string): string {
  return decodeHTML(html.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '')).trim();
}

/** The end of the element whose opening tag ends at `from`: where its matching closing tag starts. */
function contentEnd(html: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index;
  }
  return html.length;
}

/** The inner HTML of each element whose opening tag carries `attribute`. */
function marked(html: string, attribute: string): string[] {
  const found: string[] = [];
  for (let at = html.indexOf(attribute); at >= 0; at = html.indexOf(attribute, at + 1)) {
    const start = html.lastIndexOf('<', at);
    // Inside a tag only: an article may write the attribute's name in its text.
    if (html.lastIndexOf('>', at) > start) continue;
    const name = /^<([a-zA-Z][\w-]*)/.exec(html.slice(start, at))?.[1];
    const open = html.indexOf('>', at) + 1;
    if (!name || open === 0) continue;
    found.push(html.slice(open, contentEnd(html, name, open)));
  }
  return found;
}

/** What the index reads of an article page; `undefined` for a page without a marked body. */
export function searchRecord(html: string): SearchRecord | undefined {
  const body = marked(html, 'data-search-body');
  if (body.length === 0) return undefined;
  return {
    title: marked(html, 'data-search-title').map(textOf).join(' '),
    body: body.map(textOf).join(' '),
    topics: marked(html, 'data-search-topic').map(textOf),
  };
}

/** Whether two pages (either possibly missing) give the index the same record. */
export function sameSearchRecord(a: string | undefined, b: string | undefined): boolean {
  const x = a === undefined ? undefined : searchRecord(a);
  const y = b === undefined ? undefined : searchRecord(b);
  if (!x || !y) return x === y;
  return (
    x.title === y.title &&
    x.body === y.body &&
    x.topics.length === y.topics.length &&
    x.topics.every((topic, i) => topic === y.topics[i])
  );
}

/** The article pages of a day of a built site, by folder name; none when the day is gone. */
export function dayArticles(outDir: string, date: IsoDate): DayArticle[] {
  const dayDir = path.join(outDir, ...date.split('-'));
  let folders: string[];
  try {
    folders = readdirSync(dayDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
  const articles: DayArticle[] = [];
  for (const folder of folders) {
    let html: string;
    try {
      html = readFileSync(path.join(dayDir, folder, 'index.html'), 'utf8');
    } catch {
      continue; // not a page
    }
    const record = searchRecord(html);
    if (record) articles.push({ folder, record });
  }
  return articles;
}

/** A hash of a day's records and folder names, in order; `undefined` for a day without any. */
export function dayFingerprint(articles: readonly DayArticle[]): string | undefined {
  if (articles.length === 0) return undefined;
  const hash = createHash('sha256');
  for (const { folder, record } of articles) {
    hash.update(`${folder}\0${record.title}\0${record.body}\0${record.topics.join('\0')}\0`);
  }
  return hash.digest('base64url').slice(0, 22);
}

/** Fingerprints of the given days of a built site; a day without article pages has none. */
export function dayFingerprints(outDir: string, dates: Iterable<IsoDate>): Map<IsoDate, string> {
  const fingerprints = new Map<IsoDate, string>();
  for (const date of dates) {
    const fingerprint = dayFingerprint(dayArticles(outDir, date));
    if (fingerprint) fingerprints.set(date, fingerprint);
  }
  return fingerprints;
}
