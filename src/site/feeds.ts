/**
 * Atom 1.0 feeds (RFC 4287) of the newest articles: one for the whole archive and one per
 * topic. Pure and deterministic: the same articles give the same bytes, with no build time in
 * them, so an unchanged feed is never rewritten and a shard can build it alone.
 */
import { absoluteUrl, TOPICS_URL, topicUrl } from '../archive/urls.ts';
import { athensDateTime } from '../greek/dates.ts';
import type { Article, ArticlePage, ArticleWithBody, IsoDate, SiteSettings } from '../model.ts';
import { escapeXmlAttr, escapeXmlText } from './xml.ts';

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 50;

/** Site-relative URL of the whole archive's feed. */
export const SITE_FEED_PATH = '/feed.xml';

export function siteFeedPath(): string {
  return SITE_FEED_PATH;
}

/** `/themata/<slug>/feed.xml`, next to the topic's own page. */
export function topicFeedPath(slug: string): string {
  return `${topicUrl(slug)}feed.xml`;
}

/** `updated` of a feed without articles and without an explicit date: fixed, never "now". */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00Z';

/**
 * The newest `limit` articles, newest first, of the whole archive or of one topic.
 * `pages` is in the archive's chronological order (`Archive.articles`), so this walks back
 * from the end and stops as soon as the feed is full.
 */
export function feedArticles(
  pages: readonly ArticlePage[],
  topicSlug?: string,
  limit: number = FEED_SIZE,
): Article[] {
  const articles: Article[] = [];
  for (let i = pages.length - 1; i >= 0 && articles.length < limit; i--) {
    const { article } = pages[i]!;
    if (topicSlug === undefined || article.topics.some((t) => t.slug === topicSlug)) {
      articles.push(article);
    }
  }
  return articles;
}

export interface AtomFeedOptions {
  site: SiteSettings;
  /** The feed's title, e.g. the site's title or `Οικονομία · <site title>`. */
  title: string;
  /** Site-relative URL of the feed itself, e.g. `/feed.xml`. */
  feedPath: string;
  /** Site-relative URL of the HTML page the feed mirrors, e.g. `/` or `/themata/oikonomia/`. */
  pagePath: string;
  /** Newest first, already limited (see `feedArticles`). */
  articles: readonly ArticleWithBody[];
  /** The feed's `updated` day; by default the newest article's date. */
  updated?: IsoDate;
}

/** An element with escaped text content, on its own line. */
function element(name: string, text: string, indent: string, attrs = ''): string {
  return `${indent}<${name}${attrs}>${escapeXmlText(text)}</${name}>`;
}

function link(rel: string, type: string, href: string, indent: string): string {
  return `${indent}<link rel="${rel}" type="${type}" href="${escapeXmlAttr(href)}"/>`;
}

/** The body as HTML paragraphs; the caller escapes the whole again as the element's text. */
function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeXmlText(p)}</p>`).join('\n');
}

function entry(site: SiteSettings, article: ArticleWithBody): string {
  const url = absoluteUrl(site, article.url);
  const time = athensDateTime(article.date);
  const scheme = absoluteUrl(site, TOPICS_URL);
  const lines = [
    '  <entry>',
    element('id', url, '    '),
    element('title', article.title, '    ', ' type="text"'),
    link('alternate', 'text/html', url, '    '),
    element('published', time, '    '),
    element('updated', time, '    '),
    ...article.topics.map(
      (t) =>
        `    <category term="${escapeXmlAttr(t.slug)}" label="${escapeXmlAttr(t.name)}"` +
        ` scheme="${escapeXmlAttr(scheme)}"/>`,
    ),
  ];
  if (article.excerpt !== '')
    lines.push(element('summary', article.excerpt, '    ', ' type="text"'));
  lines.push(element('content', paragraphsHtml(article.paragraphs), '    ', ' type="html"'));
  lines.push('  </entry>');
  return lines.join('\n');
}

function newestDate(articles: readonly Article[]): IsoDate | undefined {
  let newest: IsoDate | undefined;
  for (const { date } of articles) if (newest === undefined || date > newest) newest = date;
  return newest;
}

/**
 * An Atom 1.0 feed. Every URL is absolute, from the site's public URL (throws without one).
 * Entry ids are the articles' absolute URLs, which never change; dates are local midnight in
 * Athens with its offset. Characters that XML 1.0 cannot hold are dropped; all text is escaped.
 */
export function atomFeed(options: AtomFeedOptions): string {
  const { site, title, feedPath, pagePath, articles } = options;
  const feedUrl = absoluteUrl(site, feedPath);
  const newest = options.updated ?? newestDate(articles);
  const updated = newest === undefined ? EMPTY_FEED_UPDATED : athensDateTime(newest);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="el">',
    element('id', feedUrl, '  '),
    element('title', title, '  ', ' type="text"'),
  ];
  if (site.description !== '') {
    lines.push(element('subtitle', site.description, '  ', ' type="text"'));
  }
  lines.push(
    link('self', 'application/atom+xml', feedUrl, '  '),
    link('alternate', 'text/html', absoluteUrl(site, pagePath), '  '),
    element('updated', updated, '  '),
    '  <author>',
    element('name', site.title, '    '),
    element('uri', absoluteUrl(site, '/'), '    '),
    '  </author>',
    element('generator', 'ephemeris', '  '),
    ...articles.map((article) => entry(site, article)),
    '</feed>',
    '',
  );
  return lines.join('\n');
}
