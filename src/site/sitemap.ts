/**
 * XML sitemaps (sitemaps.org 0.9) and robots.txt. The URLs are split into files of at most
 * 50,000 URLs and 50 MB each, `/sitemap-1.xml`, `/sitemap-2.xml` …, listed by a sitemap index
 * at `/sitemap.xml`. Pure and deterministic: no build time in the output.
 */
import type { Archive, IsoDate, NameKind, SiteSettings } from '../model.ts';
import { nameIndexUrl, NAMES_URL } from '../archive/names.ts';
import { absoluteUrl, baseUrl, TOPICS_URL } from '../archive/urls.ts';
import { escapeXmlText } from './xml.ts';

/** The protocol's limits for one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 52_428_800;

/** Site-relative URL of the sitemap index, the one file crawlers are pointed to. */
export const SITEMAP_INDEX_PATH = '/sitemap.xml';

/** `/sitemap-1.xml` for `n = 1`. */
export function sitemapPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

export interface SitemapUrl {
  /** Site-relative URL of the page, e.g. `/2026/01/27/`. */
  path: string;
  /** The day the page's content last changed. */
  lastmod?: IsoDate;
}

export interface SitemapFile {
  /** Site-relative URL of the file. */
  path: string;
  xml: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const URLSET_OPEN = `${XML_DECLARATION}\n<urlset xmlns="${NAMESPACE}">\n`;
const URLSET_CLOSE = '</urlset>\n';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function lastmodElement(lastmod: IsoDate | undefined): string {
  if (lastmod === undefined) return '';
  if (!ISO_DATE.test(lastmod)) throw new RangeError(`lastmod is not YYYY-MM-DD: "${lastmod}"`);
  return `<lastmod>${lastmod}</lastmod>`;
}

interface Chunk {
  entries: string[];
  bytes: number;
  lastmod?: IsoDate;
}

/**
 * The sitemap files and their index, index last. Every URL is absolute, from the site's public
 * URL (throws without one). A file holds at most `maxPerFile` URLs and `maxBytes` bytes; an
 * empty list still gives one (empty) sitemap so that the index always points somewhere. The
 * index's `lastmod` of a file is the newest `lastmod` of its URLs.
 */
export function sitemaps(
  site: SiteSettings,
  urls: readonly SitemapUrl[],
  maxPerFile: number = SITEMAP_MAX_URLS,
  maxBytes: number = SITEMAP_MAX_BYTES,
): SitemapFile[] {
  if (!Number.isInteger(maxPerFile) || maxPerFile < 1) {
    throw new RangeError(`maxPerFile must be a positive integer, not ${maxPerFile}`);
  }
  const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE);
  const chunks: Chunk[] = [];
  let chunk: Chunk = { entries: [], bytes: frame };
  chunks.push(chunk);
  for (const { path, lastmod } of urls) {
    const entry =
      `<url><loc>${escapeXmlText(absoluteUrl(site, path))}</loc>` +
      `${lastmodElement(lastmod)}</url>\n`;
    const bytes = Buffer.byteLength(entry);
    if (frame + bytes > maxBytes) {
      throw new RangeError(`the sitemap entry of "${path}" alone exceeds ${maxBytes} bytes`);
    }
    if (chunk.entries.length >= maxPerFile || chunk.bytes + bytes > maxBytes) {
      chunk = { entries: [], bytes: frame };
      chunks.push(chunk);
    }
    chunk.entries.push(entry);
    chunk.bytes += bytes;
    if (lastmod !== undefined && (chunk.lastmod === undefined || lastmod > chunk.lastmod)) {
      chunk.lastmod = lastmod;
    }
  }

  const files: SitemapFile[] = chunks.map((c, i) => ({
    path: sitemapPath(i + 1),
    xml: `${URLSET_OPEN}${c.entries.join('')}${URLSET_CLOSE}`,
  }));
  const index = [
    XML_DECLARATION,
    `<sitemapindex xmlns="${NAMESPACE}">`,
    ...files.map(
      (file, i) =>
        `<sitemap><loc>${escapeXmlText(absoluteUrl(site, file.path))}</loc>` +
        `${lastmodElement(chunks[i]!.lastmod)}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
  files.push({ path: SITEMAP_INDEX_PATH, xml: index });
  return files;
}

/**
 * Every indexable page of the archive, with the date of its newest article as `lastmod`:
 * home, the topics index, years, months, days, articles, topics and their month pages.
 * Pages outside the archive model (the 404 page, the search page) are not included.
 */
export function archiveSitemapUrls(archive: Archive): SitemapUrl[] {
  const url = (path: string, lastmod: IsoDate | undefined): SitemapUrl =>
    lastmod === undefined ? { path } : { path, lastmod };
  const latest = archive.latest[0]?.date;
  const monthLastmod = new Map<string, IsoDate>();
  for (const day of archive.days) monthLastmod.set(day.date.slice(0, 7), day.date);
  const urls: SitemapUrl[] = [url('/', latest), url(TOPICS_URL, latest)];
  for (const year of archive.years) {
    const lastMonth = year.months.at(-1);
    urls.push(url(year.url, lastMonth && monthLastmod.get(lastMonth.month)));
  }
  for (const month of archive.months) urls.push(url(month.url, monthLastmod.get(month.month)));
  for (const day of archive.days) urls.push(url(day.url, day.date));
  for (const { article } of archive.articles) urls.push(url(article.url, article.date));
  for (const topic of archive.topics) urls.push(url(topic.url, topic.latest[0]?.date));
  for (const page of archive.topicMonths) urls.push(url(page.url, page.articles[0]?.date));
  if (archive.names.length > 0) urls.push(url(NAMES_URL, latest));
  const kinds = new Set<NameKind>();
  for (const name of archive.names) {
    if (!kinds.has(name.kind)) urls.push(url(nameIndexUrl(name.kind), latest));
    kinds.add(name.kind);
    urls.push(url(name.url, name.articles[0]?.date));
  }
  return urls;
}

/**
 * robots.txt: everything may be crawled, and the sitemap index is given by its absolute URL
 * (left out when the site has no public URL, since the line must be absolute). Crawlers only
 * read robots.txt at the root of a host: for a site in a sub-folder (`pathPrefix` `/archive/`,
 * by default the public URL's path) the file says so, and its lines belong in the host's own.
 */
export function robotsTxt(site: SiteSettings, pathPrefix?: string): string {
  const base = baseUrl(site);
  const given = pathPrefix ?? (base === undefined ? '/' : new URL(base).pathname);
  // Through the URL parser: percent-encoded, and no line break can start a new rule.
  const trimmed = given.replace(/^\/+|\/+$/g, '');
  const prefix = new URL(trimmed === '' ? '/' : `/${trimmed}/`, 'http://host').pathname;
  const lines: string[] = [];
  if (prefix !== '/') {
    lines.push(
      `# This site lives under ${prefix}; crawlers only read /robots.txt at the root of the host,`,
      '# so copy these lines into that file.',
    );
  }
  lines.push('User-agent: *', `Allow: ${prefix}`);
  if (base !== undefined) lines.push('', `Sitemap: ${absoluteUrl(site, SITEMAP_INDEX_PATH)}`);
  return `${lines.join('\n')}\n`;
}
