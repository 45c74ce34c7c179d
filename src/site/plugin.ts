import path from 'node:path';
import { articlePage } from '../../layouts/article.ts';
import { stylesheet } from '../../layouts/assets.ts';
import type { HeadInfo, PageContext } from '../../layouts/context.ts';
import { dayPage } from '../../layouts/day.ts';
import { homePage } from '../../layouts/home.ts';
import { monthPage } from '../../layouts/month.ts';
import { notFoundPage } from '../../layouts/not-found.ts';
import { topicMonthPage, topicPage, topicsIndexPage } from '../../layouts/topic.ts';
import { yearPage } from '../../layouts/year.ts';
import { loadArchive, type LoadedArchive } from '../archive/load-archive.ts';
import { TOPICS_URL } from '../archive/urls.ts';
import type {
  Archive,
  ArticlePage,
  DayGroup,
  MonthGroup,
  TopicGroup,
  TopicMonthPage,
  YearGroup,
} from '../model.ts';
import { atomFeed, FEED_SIZE, feedArticles, SITE_FEED_PATH, topicFeedPath } from './feeds.ts';
import { renderBody } from './markdown.ts';
import { articleJsonLd, pageMetadata, type FeedLink } from './metadata.ts';
import { archiveSitemapUrls, robotsTxt, sitemaps } from './sitemap.ts';

/** The part of Eleventy's UserConfig this plugin uses (Eleventy ships no TypeScript types). */
export interface EleventyConfig {
  directories: { input: string };
  pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: object): void;
  ignores: { add(glob: string): void };
}

/** Loaded archives by content folder, so the CLI's load (for diagnostics) is not done twice. */
const loaded = new Map<string, LoadedArchive>();

export function prepareArchive(contentDir: string, load = loadArchive): LoadedArchive {
  const key = path.resolve(contentDir);
  let result = loaded.get(key);
  if (!result) {
    result = load(key);
    loaded.set(key, result);
  }
  return result;
}

export function forgetArchive(contentDir: string): void {
  loaded.delete(path.resolve(contentDir));
}

export function hrefWithPrefix(pathPrefix: string | undefined): (url: string) => string {
  const prefix = `/${(pathPrefix ?? '/').replace(/^\/+|\/+$/g, '')}`.replace(/\/$/, '');
  return (url) => `${prefix}${url.startsWith('/') ? url : `/${url}`}`;
}

/** A paginating virtual template: one page per item of `items`, at the item's own URL. */
function addPages<T>(
  eleventyConfig: EleventyConfig,
  name: string,
  items: readonly T[],
  permalink: (item: T) => string,
  render: (item: T) => string,
): void {
  eleventyConfig.addTemplate(`ephemeris/${name}.11ty.js`, {
    data: {
      pagination: { data: 'items', size: 1, alias: 'item', addAllPagesToCollections: false },
      items,
      permalink: (data: { item: T }) => permalink(data.item),
      eleventyExcludeFromCollections: true,
    },
    render: (data: { item: T }) => render(data.item),
  });
}

function addPage(
  eleventyConfig: EleventyConfig,
  name: string,
  permalink: string,
  render: () => string,
): void {
  eleventyConfig.addTemplate(`ephemeris/${name}.11ty.js`, {
    data: { permalink, eleventyExcludeFromCollections: true },
    render,
  });
}

/** Feeds a page announces: the whole archive's, and its topic's. Feeds need a public URL. */
function feedsFor(archive: Archive, topicSlug: string | undefined): FeedLink[] {
  if (!archive.site.url) return [];
  const feeds: FeedLink[] = [{ title: archive.site.title, path: SITE_FEED_PATH }];
  const topic = topicSlug && archive.topics.find((t) => t.slug === topicSlug);
  if (topic)
    feeds.push({ title: `${topic.name} · ${archive.site.title}`, path: topicFeedPath(topic.slug) });
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

/** Feeds, sitemaps and robots.txt: what crawlers and feed readers fetch. */
function addMachinePages(
  eleventyConfig: EleventyConfig,
  archive: Archive,
  pathPrefix: string | undefined,
): void {
  addPage(eleventyConfig, 'robots', '/robots.txt', () => robotsTxt(archive.site, pathPrefix));
  if (!archive.site.url) return;
  const { site } = archive;
  addPage(eleventyConfig, 'feed', SITE_FEED_PATH, () =>
    atomFeed({
      site,
      title: site.title,
      feedPath: SITE_FEED_PATH,
      pagePath: '/',
      articles: feedArticles(archive.articles),
    }),
  );
  addPages(
    eleventyConfig,
    'topic-feed',
    archive.topics,
    (t) => topicFeedPath(t.slug),
    (t) =>
      atomFeed({
        site,
        title: `${t.name} · ${site.title}`,
        feedPath: topicFeedPath(t.slug),
        pagePath: t.url,
        articles: feedArticles(archive.articles, t.slug, FEED_SIZE),
      }),
  );
  addPages(
    eleventyConfig,
    'sitemap',
    sitemaps(site, archiveSitemapUrls(archive)),
    (f) => f.path,
    (f) => f.xml,
  );
}

/**
 * Eleventy renders the archive from data: a handful of paginating templates over pre-grouped
 * arrays, never one template per article (architecture.md measures why).
 */
export default function ephemeris(eleventyConfig: EleventyConfig): void {
  const { archive } = prepareArchive(eleventyConfig.directories.input);
  // Articles are data read by our own ingest, not templates for Eleventy to discover.
  eleventyConfig.ignores.add('articles/**');

  const href = hrefWithPrefix(eleventyConfig.pathPrefix);
  const ctx: PageContext = {
    href,
    head: headFor(archive, href),
    site: archive.site,
    topics: archive.topics.map((t) => ({ url: t.url, label: t.name })),
    years: archive.years.map((y) => ({ url: y.url, label: String(y.year) })),
  };

  addPages<ArticlePage>(
    eleventyConfig,
    'article',
    archive.articles,
    (p) => p.article.url,
    (p) => articlePage(p, renderBody(p.article.paragraphs), ctx),
  );
  addPages<DayGroup>(
    eleventyConfig,
    'day',
    archive.days,
    (d) => d.url,
    (d) => dayPage(d, ctx),
  );
  addPages<MonthGroup>(
    eleventyConfig,
    'month',
    archive.months,
    (m) => m.url,
    (m) => monthPage(m, ctx),
  );
  addPages<YearGroup>(
    eleventyConfig,
    'year',
    archive.years,
    (y) => y.url,
    (y) => yearPage(y, ctx),
  );
  addPages<TopicGroup>(
    eleventyConfig,
    'topic',
    archive.topics,
    (t) => t.url,
    (t) => topicPage(t, ctx),
  );
  addPages<TopicMonthPage>(
    eleventyConfig,
    'topic-month',
    archive.topicMonths,
    (p) => p.url,
    (p) => topicMonthPage(p, ctx),
  );
  addPage(eleventyConfig, 'topics', TOPICS_URL, () => topicsIndexPage(archive.topics, ctx));
  addPage(eleventyConfig, 'home', '/', () =>
    homePage({ latest: archive.latest, topics: archive.topics, years: archive.years }, ctx),
  );
  addPage(eleventyConfig, 'not-found', '/404.html', () => notFoundPage(ctx));
  addPage(eleventyConfig, 'stylesheet', '/assets/style.css', () => stylesheet);
  addMachinePages(eleventyConfig, archive, eleventyConfig.pathPrefix);
}
