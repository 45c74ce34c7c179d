import { daysInMonth, formatDate, monthYearHeading } from '../greek/dates.ts';
import type {
  Archive,
  Article,
  ArticlePage,
  ArticleRef,
  DayGroup,
  Link,
  MonthGroup,
  NameLink,
  NameMention,
  SiteSettings,
  TopicGroup,
  TopicMonthPage,
  YearGroup,
} from '../model.ts';
import { Fingerprinted } from './fingerprint.ts';
import { memo } from '../memo.ts';
import { groupNames, type GroupedNames } from './names.ts';
import { relatedArticles, type PreviousRelated, type RelatedMemo } from './related.ts';
import { dayUrl, monthUrl, topicMonthUrl, topicUrl, yearUrl } from './urls.ts';

/** Names mentioned in fewer articles than this get no page unless site.json says otherwise. */
export const DEFAULT_NAME_PAGE_MIN_ARTICLES = 2;

/** How many of the newest articles the home page and each topic page list. */
export const LATEST_COUNT = 20;

export interface TopicName {
  slug: string;
  name: string;
}

/** Greek alphabetical order, for topic and name lists. */
export const greekCollator = new Intl.Collator('el');

export function compareArticles(a: Article, b: Article): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.ordinal - b.ordinal;
}

/** A list's reference to an article: in fingerprints, the article's summary hash. */
class Ref extends Fingerprinted implements ArticleRef {
  /** Title and excerpt are read from it when a page shows them: few pages of a rebuild do. */
  readonly #article: Article;
  id: string;
  date: string;
  ordinal: number;
  url: string;

  constructor(article: Article) {
    super(article.summaryHash);
    this.#article = article;
    this.id = article.id;
    this.date = article.date;
    this.ordinal = article.ordinal;
    this.url = article.url;
  }

  get title(): string {
    return this.#article.title;
  }

  get excerpt(): string {
    return this.#article.excerpt;
  }
}

/**
 * A link to an article's page from its neighbours'. In their fingerprints it stands as the
 * article's summary hash, which decides its URL and title: short, and without Greek text,
 * which would double the bytes of every key it joins.
 */
class ArticleLink extends Fingerprinted implements Link {
  readonly #article: Article;
  url: string;

  constructor(article: Article) {
    super(article.summaryHash);
    this.#article = article;
    this.url = article.url;
  }

  get label(): string {
    return this.#article.title;
  }
}

/**
 * An article's page. Its links to name pages are made each time they are read, which is when
 * the page is rendered: some 2 million at 100,000 articles, of which a rebuild renders a few
 * pages' worth, and a cold build need not keep them once a page is written. Its fingerprint
 * does not read them (see `articlePageKey`).
 */
class ArticlePageView implements ArticlePage {
  article: Article;
  day: Link;
  month: Link;
  year: Link;
  topics: Link[];
  related: ArticleRef[];
  previous?: Link;
  next?: Link;
  namesKey: readonly [number, number];
  readonly #nameLink: (mention: NameMention) => NameLink | undefined;

  constructor(
    fields: Omit<ArticlePage, 'names'>,
    nameLink: (mention: NameMention) => NameLink | undefined,
  ) {
    this.article = fields.article;
    this.day = fields.day;
    this.month = fields.month;
    this.year = fields.year;
    this.topics = fields.topics;
    this.related = fields.related;
    this.namesKey = fields.namesKey;
    if (fields.previous) this.previous = fields.previous;
    if (fields.next) this.next = fields.next;
    this.#nameLink = nameLink;
  }

  get names(): NameLink[] {
    const names: NameLink[] = [];
    for (const mention of this.article.names) {
      const link = this.#nameLink(mention);
      if (link) names.push(link);
    }
    return names;
  }

  toJSON(): ArticlePage {
    return { ...this, names: this.names };
  }
}

const refs = new WeakMap<Article, ArticleRef>();

/** One reference per article, shared by every list it is in. */
export function toRef(article: Article): ArticleRef {
  let ref = refs.get(article);
  if (!ref) refs.set(article, (ref = new Ref(article)));
  return ref;
}

/** Consecutive runs of equal keys; `items` must already be sorted by that key. */
function groupRuns<T, K>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const runs: [K, T[]][] = [];
  for (const item of items) {
    const k = key(item);
    const last = runs.at(-1);
    if (last && last[0] === k) last[1].push(item);
    else runs.push([k, [item]]);
  }
  return runs;
}

/** Sets `previous` and `next` on each item of a chronological list. */
function linkNeighbours<T extends { previous?: Link; next?: Link }>(
  items: readonly T[],
  link: (item: T) => Link,
): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const before = items[i - 1];
    const after = items[i + 1];
    if (before) item.previous = link(before);
    if (after) item.next = link(after);
  }
}

function buildDays(sorted: readonly Article[]): DayGroup[] {
  const days: DayGroup[] = groupRuns(sorted, (a) => a.date).map(([date, articles]) => ({
    date,
    url: dayUrl(date),
    articles: articles.map(toRef),
  }));
  linkNeighbours(days, (d) => ({ url: d.url, label: formatDate(d.date) }));
  return days;
}

function buildMonths(days: readonly DayGroup[]): MonthGroup[] {
  const months: MonthGroup[] = groupRuns(days, (d) => d.date.slice(0, 7)).map(
    ([month, monthDays]) => {
      const year = Number(month.slice(0, 4));
      const monthNumber = Number(month.slice(5, 7));
      const byDay = new Map(monthDays.map((d) => [Number(d.date.slice(8, 10)), d]));
      const calendar = Array.from({ length: daysInMonth(year, monthNumber) }, (_, i) => {
        const day = i + 1;
        const group = byDay.get(day);
        const date = `${month}-${String(day).padStart(2, '0')}`;
        return group
          ? { date, day, count: group.articles.length, url: group.url }
          : { date, day, count: 0 };
      });
      return {
        month,
        year,
        monthNumber,
        url: monthUrl(month),
        count: calendar.reduce((sum, d) => sum + d.count, 0),
        days: calendar,
      };
    },
  );
  linkNeighbours(months, (m) => ({ url: m.url, label: monthYearHeading(m.year, m.monthNumber) }));
  return months;
}

function buildYears(months: readonly MonthGroup[]): YearGroup[] {
  const years: YearGroup[] = groupRuns(months, (m) => m.year).map(([year, yearMonths]) => ({
    year,
    url: yearUrl(year),
    count: yearMonths.reduce((sum, m) => sum + m.count, 0),
    months: yearMonths.map(({ month, monthNumber, url, count }) => ({
      month,
      monthNumber,
      url,
      count,
    })),
    days: yearMonths.flatMap((m) =>
      m.days.flatMap(({ date, count, url }) => (url ? [{ date, count, url }] : [])),
    ),
  }));
  linkNeighbours(years, (y) => ({ url: y.url, label: String(y.year) }));
  return years;
}

/**
 * Topic lists are split by calendar month, newest first inside each, so a new article only
 * changes its own month's page and the topic's front page: old pages keep their URLs and content.
 */
function buildTopics(
  newestFirst: readonly Article[],
  topicNames: readonly TopicName[],
): { topics: TopicGroup[]; topicMonths: TopicMonthPage[] } {
  const span = {
    first: newestFirst.at(-1)?.date.slice(0, 7) ?? '',
    last: newestFirst[0]?.date.slice(0, 7) ?? '',
  };
  const bySlug = new Map<string, Article[]>();
  for (const article of newestFirst) {
    for (const { slug } of article.topics) {
      const list = bySlug.get(slug);
      if (list) list.push(article);
      else bySlug.set(slug, [article]);
    }
  }
  const topics: TopicGroup[] = [];
  const topicMonths: TopicMonthPage[] = [];
  const named = [...topicNames].sort((a, b) => greekCollator.compare(a.name, b.name));
  for (const { slug, name } of named) {
    const articles = bySlug.get(slug);
    if (!articles) continue;
    const url = topicUrl(slug);
    const pages: TopicMonthPage[] = groupRuns(articles, (a) => a.date.slice(0, 7)).map(
      ([month, monthArticles]) => ({
        slug,
        name,
        month,
        url: topicMonthUrl(slug, month),
        topicUrl: url,
        articles: monthArticles.map(toRef),
      }),
    );
    // Newest first here, so "newer" is the item before and "older" the one after.
    const label = (p: TopicMonthPage) =>
      monthYearHeading(Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7)));
    pages.forEach((page, i) => {
      const newer = pages[i - 1];
      const older = pages[i + 1];
      if (newer) page.newer = { url: newer.url, label: label(newer) };
      if (older) page.older = { url: older.url, label: label(older) };
    });
    topics.push({
      slug,
      name,
      url,
      count: articles.length,
      latest: articles.slice(0, LATEST_COUNT).map(toRef),
      months: pages.map((p) => ({ month: p.month, url: p.url, count: p.articles.length })),
      span,
    });
    topicMonths.push(...pages);
  }
  return { topics, topicMonths };
}

function buildArticlePages(
  sorted: readonly Article[],
  { groups: names, linksKeys }: GroupedNames,
  options: ArchiveOptions,
): ArticlePage[] {
  // Per name with a page, one link per spelling, shared by every article that spells it so:
  // 100,000 articles mention names 2 million times.
  const nameLinks = new Map(names.map((n) => [n.key, { group: n, links: [] as NameLink[] }]));
  const { lists: related, memo: relatedMemo } = relatedArticles(sorted, options.previousRelated);
  options.onRelated?.(relatedMemo);
  // Links to date, topic and name pages: one object for all the articles that show the same.
  const linksOf = memo((date: string): Pick<ArticlePage, 'day' | 'month' | 'year'> => {
    const year = Number(date.slice(0, 4));
    const month = date.slice(0, 7);
    return {
      day: { url: dayUrl(date), label: formatDate(date) },
      month: { url: monthUrl(month), label: monthYearHeading(year, Number(month.slice(5))) },
      year: { url: yearUrl(year), label: String(year) },
    };
  });
  const topicLinks = new Map<string, Link>();
  const topicLink = ({ slug, name }: { slug: string; name: string }): Link => {
    let link = topicLinks.get(slug);
    if (!link) topicLinks.set(slug, (link = { url: topicUrl(slug), label: name }));
    return link;
  };
  const spellingLink = (mention: NameMention): NameLink | null => {
    const named = nameLinks.get(mention.key);
    if (!named) return null;
    for (const link of named.links) if (link.label === mention.name) return link;
    const { url, kind } = named.group;
    // The kind is the name page's, so an article never files a name elsewhere than its page.
    const link = { url, label: mention.name, kind };
    named.links.push(link);
    return link;
  };
  // Mentions are shared objects (MentionInterner): each is resolved once, not once per article
  // that makes it, which cost a sixth of rendering an article page.
  const linkOfMention = new Map<NameMention, NameLink | null>();
  const nameLink = (mention: NameMention): NameLink | undefined => {
    let link = linkOfMention.get(mention);
    if (link === undefined) linkOfMention.set(mention, (link = spellingLink(mention)));
    return link ?? undefined;
  };
  // One link per article, for its neighbours' pages.
  const neighbourLinks = sorted.map((a) => new ArticleLink(a));
  return sorted.map((article, i) => {
    // The names' keys are newest first, two words each.
    const names = 2 * (sorted.length - 1 - i);
    return new ArticlePageView(
      {
        article,
        ...linksOf(article.date),
        topics: article.topics.map(topicLink),
        related: related[i]!.map((j) => toRef(sorted[j]!)),
        previous: neighbourLinks[i - 1],
        next: neighbourLinks[i + 1],
        namesKey: [linksKeys[names]!, linksKeys[names + 1]!],
      },
      nameLink,
    );
  });
}

export interface ArchiveOptions {
  /** The previous build's related lists, to compute only those that may have changed. */
  previousRelated?: PreviousRelated;
  /** Receives this build's related lists, for the next build. */
  onRelated?: (memo: RelatedMemo) => void;
}

/** Groups published articles into every page of the site. Pure: same input, same archive. */
export function buildArchive(
  articles: readonly Article[],
  topicNames: readonly TopicName[],
  site: SiteSettings,
  options: ArchiveOptions = {},
): Archive {
  const sorted = [...articles].sort(compareArticles);
  const newestFirst = [...sorted].reverse();
  const days = buildDays(sorted);
  const months = buildMonths(days);
  const years = buildYears(months);
  const { topics, topicMonths } = buildTopics(newestFirst, topicNames);
  const names = groupNames(newestFirst, site.namePageMinArticles ?? DEFAULT_NAME_PAGE_MIN_ARTICLES);
  return {
    site,
    articles: buildArticlePages(sorted, names, options),
    days,
    months,
    years,
    topics,
    topicMonths,
    names: names.groups,
    latest: newestFirst.slice(0, LATEST_COUNT).map(toRef),
  };
}
