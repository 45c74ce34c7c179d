import { articlePage } from '../../layouts/article.ts';
import { favicon, stylesheet } from '../../layouts/assets.ts';
import { FAVICON_PATH, STYLESHEET_PATH } from '../../layouts/base.ts';
import type { HeadInfo, PageContext } from '../../layouts/context.ts';
import { dayPage } from '../../layouts/day.ts';
import { homePage } from '../../layouts/home.ts';
import { monthPage } from '../../layouts/month.ts';
import { notFoundPage } from '../../layouts/not-found.ts';
import { SEARCH_URL, searchPage } from '../../layouts/search.ts';
import { topicMonthPage, topicPage, topicsIndexPage } from '../../layouts/topic.ts';
import { yearPage } from '../../layouts/year.ts';
import { nameIndexPage, namePage, namesPage } from '../../layouts/name.ts';
import { NAME_KINDS, nameIndexUrl, NAMES_URL } from '../archive/names.ts';
import type { BodyStore } from '../archive/article-store.ts';
import { hashText } from '../archive/article-store.ts';
import { fingerprintJson, KeyHash } from '../archive/fingerprint.ts';
import { TOPICS_URL } from '../archive/urls.ts';
import type { Archive, Article, ArticlePage, Link, NameGroup, NameKind } from '../model.ts';
import { atomFeed, feedArticles, SITE_FEED_PATH, topicFeedPath } from './feeds.ts';
import { PageFingerprints } from './page-fingerprints.ts';
import { renderBody } from './markdown.ts';
import { articleJsonLd, pageMetadata, type FeedLink } from './metadata.ts';
import { archiveSitemapUrls, robotsTxt, sitemaps } from './sitemap.ts';

/**
 * One kind of page and all its instances. `fingerprint` is everything the rendered output
 * depends on besides the site-wide context: a page whose fingerprint is unchanged since the
 * last build is byte-identical to the one on disk and is not rendered again.
 */
export interface PageKind<T = unknown> {
  name: string;
  items: readonly T[];
  url(item: T): string;
  render(item: T): string;
  fingerprint(item: T): unknown;
}

export interface PlanOptions {
  pathPrefix: string;
}

function kind<T>(page: PageKind<T>): PageKind {
  return page as PageKind;
}

function single(name: string, url: string, render: () => string, fingerprint: unknown): PageKind {
  return kind({ name, items: [url], url: (u) => u, render, fingerprint: () => fingerprint });
}

export function hrefWithPrefix(pathPrefix: string | undefined): (url: string) => string {
  const prefix = `/${(pathPrefix ?? '/').replace(/^\/+|\/+$/g, '')}`.replace(/\/$/, '');
  return (url) => `${prefix}${url.startsWith('/') ? url : `/${url}`}`;
}

/** Feeds a page announces: the whole archive's, and its topic's. Feeds need a public URL. */
function feedsFor(archive: Archive, topicSlug: string | undefined): FeedLink[] {
  if (!archive.site.url) return [];
  const feeds: FeedLink[] = [{ title: archive.site.title, path: SITE_FEED_PATH }];
  const topic = topicSlug && archive.topics.find((t) => t.slug === topicSlug);
  if (topic) {
    feeds.push({ title: `${topic.name} · ${archive.site.title}`, path: topicFeedPath(topic.slug) });
  }
  return feeds;
}

function headFor(archive: Archive, href: (url: string) => string) {
  return (info: HeadInfo): string => {
    const article = info.article?.article;
    const metadata = pageMetadata({
      site: archive.site,
      path: info.path ?? '/',
      title: info.title,
      description: info.description,
      type: article ? 'article' : 'website',
      article,
      feeds: feedsFor(archive, info.topicSlug ?? article?.topics[0]?.slug),
      href,
    });
    return info.article ? `${metadata}\n${articleJsonLd(archive.site, info.article)}` : metadata;
  };
}

export function pageContext(archive: Archive, pathPrefix: string): PageContext {
  const href = hrefWithPrefix(pathPrefix);
  return {
    href,
    head: headFor(archive, href),
    site: archive.site,
    topics: archive.topics.map((t) => ({ url: t.url, label: t.name })),
    years: archive.years.map((y) => ({ url: y.url, label: String(y.year) })),
  };
}

/** What every page depends on: a change here renders the whole site again. */
export function siteFingerprint(archive: Archive, options: PlanOptions): string {
  const ctx = pageContext(archive, options.pathPrefix);
  return hashText(
    JSON.stringify([
      options.pathPrefix,
      archive.site,
      ctx.topics,
      ctx.years,
      archive.topics.map((t) => t.slug),
    ]),
  );
}

/**
 * An article page's fingerprint, hashed by hand: there are as many as articles, and the JSON of
 * the whole view model was most of the cost of planning a rebuild. The article's own key covers
 * its text (title, body, excerpt, and so which names it mentions and how it spells them), date
 * and topics; topic names are in the site fingerprint; the rest is what the page shows of other
 * pages; of its names, `namesKey`.
 */
function articlePageKey(page: ArticlePage): string {
  const key = new KeyHash().addKey(page.article);
  addLink(key, page.previous);
  addLink(key, page.next);
  // How many, so that the list cannot end where what follows would begin.
  key.add(String(page.related.length));
  for (const ref of page.related) key.addKey(ref);
  return key.addDigest(page.namesKey).digest();
}

/** A name page's fingerprint, hashed by hand like an article page's: there are thousands. */
export function namePageKey(name: NameGroup): string {
  const key = new KeyHash().add(name.url).add(name.kind).add(name.name).add(String(name.count));
  for (const ref of name.articles) key.addKey(ref);
  return key.digest();
}

function addLink(key: KeyHash, link: Link | undefined): void {
  if (link) key.addKey(link);
  else key.add('');
}

/** The list of names of each kind that has any, and the page leading to those lists. */
function namesIndexPages(names: readonly NameGroup[], ctx: PageContext): PageKind[] {
  const pages: PageKind[] = [];
  const counts: [NameKind, number][] = [];
  for (const nameKind of NAME_KINDS) {
    const ofKind = names.filter((n) => n.kind === nameKind);
    if (ofKind.length === 0) continue;
    const summary = ofKind.map((n) => [n.url, n.name, n.count]);
    const render = () => nameIndexPage(nameKind, ofKind, ctx);
    pages.push(single(`names-${nameKind}`, nameIndexUrl(nameKind), render, summary));
    counts.push([nameKind, ofKind.length]);
  }
  if (counts.length > 0)
    pages.push(single('names', NAMES_URL, () => namesPage(counts, ctx), counts));
  return pages;
}

/** Feeds, sitemaps and robots.txt: what crawlers and feed readers fetch. */
function machinePages(archive: Archive, bodies: BodyStore, options: PlanOptions): PageKind[] {
  const robots = single(
    'robots',
    '/robots.txt',
    () => robotsTxt(archive.site, options.pathPrefix),
    null,
  );
  const { site } = archive;
  if (!site.url) return [robots];
  const withBodies = (articles: Article[]) => articles.map((a) => bodies.withBody(a));
  const topicFeeds = archive.topics.map((t) => ({
    topic: t,
    articles: feedArticles(archive.articles, t.slug),
  }));
  const siteFeed = feedArticles(archive.articles);
  const maps = sitemaps(site, archiveSitemapUrls(archive));
  return [
    robots,
    single(
      'feed',
      SITE_FEED_PATH,
      () =>
        atomFeed({
          site,
          title: site.title,
          feedPath: SITE_FEED_PATH,
          pagePath: '/',
          articles: withBodies(siteFeed),
        }),
      siteFeed,
    ),
    kind({
      name: 'topic-feed',
      items: topicFeeds,
      url: ({ topic }) => topicFeedPath(topic.slug),
      render: ({ topic, articles }) =>
        atomFeed({
          site,
          title: `${topic.name} · ${site.title}`,
          feedPath: topicFeedPath(topic.slug),
          pagePath: topic.url,
          articles: withBodies(articles),
        }),
      fingerprint: ({ topic, articles }) => [topic.name, articles],
    }),
    kind({
      name: 'sitemap',
      items: maps,
      url: (f) => f.path,
      render: (f) => f.xml,
      fingerprint: (f) => f.xml,
    }),
  ];
}

/**
 * Every page of the site, by kind. Eleventy renders them through a handful of paginating
 * templates (architecture.md measures why never one template per article); incremental
 * builds use the same list to find what changed.
 */
export function planPages(archive: Archive, bodies: BodyStore, options: PlanOptions): PageKind[] {
  const ctx = pageContext(archive, options.pathPrefix);
  const home = { latest: archive.latest, topics: archive.topics, years: archive.years };
  const identity = <T>(item: T) => item;
  return [
    kind({
      name: 'article',
      items: archive.articles,
      url: (p) => p.article.url,
      render: (p) => articlePage(p, renderBody(bodies.paragraphs(p.article)), ctx),
      fingerprint: articlePageKey,
    }),
    kind({
      name: 'day',
      items: archive.days,
      url: (d) => d.url,
      render: (d) => dayPage(d, ctx),
      fingerprint: identity,
    }),
    kind({
      name: 'month',
      items: archive.months,
      url: (m) => m.url,
      render: (m) => monthPage(m, ctx),
      fingerprint: identity,
    }),
    kind({
      name: 'year',
      items: archive.years,
      url: (y) => y.url,
      render: (y) => yearPage(y, ctx),
      fingerprint: identity,
    }),
    kind({
      name: 'topic',
      items: archive.topics,
      url: (t) => t.url,
      render: (t) => topicPage(t, ctx),
      fingerprint: identity,
    }),
    kind({
      name: 'topic-month',
      items: archive.topicMonths,
      url: (p) => p.url,
      render: (p) => topicMonthPage(p, ctx),
      fingerprint: identity,
    }),
    kind({
      name: 'name',
      items: archive.names,
      url: (n) => n.url,
      render: (n) => namePage(n, ctx),
      fingerprint: namePageKey,
    }),
    ...namesIndexPages(archive.names, ctx),
    single('topics', TOPICS_URL, () => topicsIndexPage(archive.topics, ctx), archive.topics),
    single('home', '/', () => homePage(home, ctx), home),
    single('not-found', '/404.html', () => notFoundPage(ctx), null),
    single('search', SEARCH_URL, () => searchPage(ctx), null),
    single('stylesheet', STYLESHEET_PATH, () => stylesheet, null),
    single('favicon', FAVICON_PATH, () => favicon, null),
    ...machinePages(archive, bodies, options),
  ];
}

function fingerprintText(fingerprint: unknown): string {
  return typeof fingerprint === 'string' ? fingerprint : fingerprintJson(fingerprint);
}

/**
 * The fingerprint of every page, for comparing two builds: a `KeyHash` of the site's, the
 * page's kind and its own, which for most pages is a digest already (SHA-1 of each page's text,
 * as before, cost a tenth of planning a rebuild and told versions apart no better here).
 */
export function pageFingerprints(kinds: readonly PageKind[], site: string): PageFingerprints {
  const siteKey = new KeyHash().add(site).digestWords();
  let count = 0;
  for (const k of kinds) count += k.items.length;
  const urls: string[] = [];
  const words = new Int32Array(count * 2);
  for (const k of kinds) {
    for (const item of k.items) {
      const key = new KeyHash().addDigest(siteKey).add(k.name);
      [words[urls.length * 2], words[urls.length * 2 + 1]] = key
        .add(fingerprintText(k.fingerprint(item)))
        .digestWords();
      urls.push(k.url(item));
    }
  }
  return new PageFingerprints(urls, words);
}
