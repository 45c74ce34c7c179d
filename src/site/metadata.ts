/**
 * What a page's `<head>` says about it to search engines, social sites and feed readers:
 * Open Graph, feed links, and schema.org JSON-LD for articles.
 * Pure functions returning HTML; every value is escaped for where it goes.
 */
import { articleTrail } from '../../layouts/breadcrumbs.ts';
import { athensDateTime } from '../greek/dates.ts';
import type { Article, ArticlePage, Link, SiteSettings } from '../model.ts';
import { absoluteUrl, baseUrl } from '../archive/urls.ts';
import { mayHoldMarked, unitsMatching } from '../unit-table.ts';
import { escapeXmlAttr, stripInvalidXmlChars } from './xml.ts';

export interface FeedLink {
  title: string;
  /** Site-relative URL of the feed, e.g. `/feed.xml`. */
  path: string;
}

export interface PageMetadataOptions {
  site: SiteSettings;
  /** Site-relative URL of the page, e.g. `/2026/01/27/0-slug/`. */
  path: string;
  /** The page's own title, without the site's. */
  title: string;
  description: string;
  type: 'website' | 'article';
  /** For `type: 'article'`: its date and topics become `article:*` properties. */
  article?: Article;
  /** Feeds to announce with `<link rel="alternate" type="application/atom+xml">`. */
  feeds?: readonly FeedLink[];
  /**
   * Adds the deploy path prefix to a site-relative URL; used for feed links only when the
   * site has no public URL (everything else that needs a URL is then left out).
   */
  href?: (path: string) => string;
}

const OG_LOCALE = 'el_GR';

function meta(attribute: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attribute}="${key}" content="${escapeXmlAttr(content)}">`;
}

function hasText(text: string): boolean {
  return stripInvalidXmlChars(text).trim() !== '';
}

/**
 * The page's head metadata beyond what the page layout writes itself (title, description,
 * canonical link), one tag a line. `og:url` needs the site's public URL and is left out
 * without one; an empty description is left out too.
 */
export function pageMetadata(options: PageMetadataOptions): string {
  const { site, path, title, description, type, article } = options;
  const url = baseUrl(site) === undefined ? undefined : absoluteUrl(site, path);
  const lines: string[] = [];
  lines.push(meta('property', 'og:type', type), meta('property', 'og:title', title));
  if (hasText(description)) lines.push(meta('property', 'og:description', description));
  if (url !== undefined) lines.push(meta('property', 'og:url', url));
  lines.push(
    meta('property', 'og:locale', OG_LOCALE),
    meta('property', 'og:site_name', site.title),
  );
  if (type === 'article' && article) {
    lines.push(meta('property', 'article:published_time', athensDateTime(article.date)));
    const primary = article.topics[0];
    if (primary) lines.push(meta('property', 'article:section', primary.name));
    for (const topic of article.topics) lines.push(meta('property', 'article:tag', topic.name));
  }
  const href = options.href ?? ((p: string) => p);
  for (const feed of options.feeds ?? []) {
    const feedUrl = url === undefined ? href(feed.path) : absoluteUrl(site, feed.path);
    lines.push(
      `<link rel="alternate" type="application/atom+xml" title="${escapeXmlAttr(feed.title)}"` +
        ` href="${escapeXmlAttr(feedUrl)}">`,
    );
  }
  return lines.join('\n');
}

/** `<`, `>`, `&`, U+2028, U+2029 and invisible format characters, as `\uXXXX` JSON escapes. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029\p{Cf}]/gu;
/** The same, by code unit (surrogates are looked at apart). */
const UNSAFE_UNIT = unitsMatching(UNSAFE_IN_SCRIPT);

function unicodeEscape(char: string): string {
  let escaped = '';
  for (let i = 0; i < char.length; i++) {
    escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return escaped;
}

/**
 * JSON that can sit inside a `<script>` element: no `<` (so neither `</script` nor `<!--`),
 * `>` or `&` appear literally, nor U+2028 and U+2029. It parses back to the same value.
 */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  return mayHoldMarked(UNSAFE_UNIT, json) ? json.replace(UNSAFE_IN_SCRIPT, unicodeEscape) : json;
}

/** Text for JSON-LD: without the characters that XML 1.0 (and HTML) cannot hold. */
function clean(text: string): string {
  return stripInvalidXmlChars(text);
}

/** JSON-LD that the article pages of a site share: its publisher, and each day's crumbs. */
interface SharedJsonLd {
  publisher: string;
  /** The crumbs before the article's own, by their links and labels. */
  dayCrumbs: Map<string, string>;
}

const sharedJsonLd = new WeakMap<SiteSettings, SharedJsonLd>();

/**
 * schema.org JSON-LD for an article page: a `NewsArticle` and the `BreadcrumbList` of its
 * visible trail (Αρχική › year › month › day › article). URLs (`url`, `mainEntityOfPage`,
 * each crumb's `item`) are absolute and only present when the site has a public URL.
 *
 * The publisher and a day's crumbs are the same on thousands of pages: their JSON is made once
 * and put in place of what `JSON.stringify` of the whole would write there (the same text, as
 * JSON and its escapes are written value by value). Half the time of this function went to
 * making them again on every page.
 */
export function articleJsonLd(site: SiteSettings, page: ArticlePage): string {
  const { article } = page;
  const hasUrl = baseUrl(site) !== undefined;
  const url = (path: string): string | undefined => (hasUrl ? absoluteUrl(site, path) : undefined);
  const articleUrl = url(article.url);
  const topics = article.topics.map((t) => clean(t.name));

  const newsArticle: Record<string, unknown> = {
    '@type': 'NewsArticle',
    headline: clean(article.title),
  };
  if (hasText(article.excerpt)) newsArticle.description = clean(article.excerpt);
  newsArticle.datePublished = athensDateTime(article.date);
  newsArticle.inLanguage = 'el';
  if (topics[0] !== undefined) newsArticle.articleSection = topics[0];
  if (topics.length > 0) newsArticle.keywords = topics;
  newsArticle.wordCount = article.wordCount;
  if (articleUrl !== undefined) {
    newsArticle.url = articleUrl;
    newsArticle.mainEntityOfPage = { '@type': 'WebPage', '@id': articleUrl };
  }

  let shared = sharedJsonLd.get(site);
  if (!shared) {
    const publisher: Record<string, unknown> = { '@type': 'Organization', name: clean(site.title) };
    if (hasUrl) publisher.url = url('/');
    shared = { publisher: scriptSafeJson(publisher), dayCrumbs: new Map() };
    sharedJsonLd.set(site, shared);
  }
  const crumbJson = (crumb: Link, i: number): string => {
    const item: Record<string, unknown> = {
      '@type': 'ListItem',
      position: i + 1,
      name: clean(crumb.label),
    };
    const crumbUrl = url(crumb.url);
    if (crumbUrl !== undefined) item.item = crumbUrl;
    return scriptSafeJson(item);
  };
  const trail = articleTrail(article.date, page, { url: article.url, label: article.title });
  const day = trail.slice(0, -1);
  const dayKey = day.map((c) => `${c.url}\u0000${c.label}`).join('\u0000');
  let dayCrumbs = shared.dayCrumbs.get(dayKey);
  if (dayCrumbs === undefined) {
    dayCrumbs = day.map(crumbJson).join(',');
    shared.dayCrumbs.set(dayKey, dayCrumbs);
  }
  const crumbs = [dayCrumbs, crumbJson(trail.at(-1)!, day.length)].filter((c) => c !== '');

  const news = scriptSafeJson(newsArticle);
  const json =
    `{"@context":"https://schema.org","@graph":[${news.slice(0, -1)},"publisher":${shared.publisher}},` +
    `{"@type":"BreadcrumbList","itemListElement":[${crumbs.join(',')}]}]}`;
  return `<script type="application/ld+json">${json}</script>`;
}
