/**
 * The one typed model of the archive. Every layer reads and writes these types; templates
 * read nothing else. Types only: no behaviour lives here.
 */

/** A calendar day as `YYYY-MM-DD`. Never an instant: it must not pass through a time zone. */
export type IsoDate = string;

export type Severity = 'error' | 'warning';

/** A problem found in the input, as a value a person can act on. */
export interface Diagnostic {
  /** Stable identifier, e.g. `E_DATE_INVALID`; documented in README. */
  code: string;
  severity: Severity;
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** Where a piece of the archive came from. */
export interface SourceLocation {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** 1-based line of the article's header. */
  line: number;
}

/** What identifies an article and where it came from: everything but its body. */
export interface ArticleHeader {
  date: IsoDate;
  /** 0-based position within its day. */
  ordinal: number;
  title: string;
  source: SourceLocation;
}

/** An article as read from a file, before any analysis. */
export interface SourceArticle extends ArticleHeader {
  /** Body paragraphs, each on one line (lines inside a paragraph joined with a space). */
  paragraphs: string[];
}

/** The result of reading one file: its articles and what was wrong with it. */
export interface ParsedFile {
  file: string;
  /** Encoding the bytes were decoded from, e.g. `utf-8`, `windows-1253`. */
  encoding: string;
  articles: SourceArticle[];
  diagnostics: Diagnostic[];
  /** Articles whose header was found but which were left out; each has an error diagnostic. */
  rejected: number;
}

/** A section of the taxonomy, as the user wrote it in `content/topics.json`. */
export interface TopicDefinition {
  slug: string;
  name: string;
  /** Words or stems that signal the topic, each with a weight. */
  terms: Record<string, number>;
}

export interface Taxonomy {
  topics: TopicDefinition[];
}

/** A topic assigned to an article. The first one of an article is its primary topic. */
export interface TopicScore {
  slug: string;
  name: string;
  score: number;
}

export type NameKind = 'person' | 'place' | 'organisation';

/** One distinct name (person, place, organisation) an article mentions. */
export interface NameMention {
  /**
   * Stable folded key, the same for every inflected form of the name: `fold` of the canonical
   * name for gazetteer names (`ρωσια`, `ηπα`), the case-ending-free stems of the words
   * otherwise (`κυριακ μητσοτακ`). A surname mentioned alone in an article carries the key of
   * the full name mentioned in the same article.
   */
  key: string;
  /** Display form, nominative where that can be told. */
  name: string;
  kind: NameKind;
  /** Mentions in the article, nationality words pointing at a country included. */
  count: number;
  /**
   * ELOT 743 slug of `key` (`kyriak-mitsotak`), not of a spelling: the name page's address
   * then depends on nothing but the name, and never moves as articles come and go.
   */
  slug: string;
}

/** What the analysis adds to a source article (cacheable by the article's content). */
export interface Analysis {
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  topics: TopicScore[];
  names: NameMention[];
  /** Stems that say what it is about (title and lead), for related articles. */
  keywords: string[];
}

/**
 * A published article: everything the site knows about it except its body, which is read
 * again only when a page that shows it is rendered (so 100,000 of these stay small).
 */
export interface Article extends ArticleHeader, Analysis {
  /** `YYYY-MM-DD-N`. */
  id: string;
  /** Hash of the title and body: equal hashes, equal text. */
  contentHash: string;
  /**
   * Short hash of what a list or a neighbour's link shows of it: its date, ordinal (which with
   * the title decide its URL), title and excerpt. It stands for the article in the fingerprints
   * of those pages, so an edit further down its text changes none of them.
   */
  summaryHash: string;
  /** ELOT 743 slug of the title. */
  slug: string;
  /** Site-relative URL without path prefix, e.g. `/2026/01/27/0-synamilisan-.../`. */
  url: string;
}

/** An article with its body, for the few outputs that show the text (its page, feeds). */
export type ArticleWithBody = Article & Pick<SourceArticle, 'paragraphs'>;

/** A light reference to an article for lists: no body text. */
export interface ArticleRef {
  id: string;
  date: IsoDate;
  ordinal: number;
  title: string;
  url: string;
  excerpt: string;
}

export interface Link {
  url: string;
  label: string;
}

/** A link to a name's page, with what kind of name it is. */
export interface NameLink extends Link {
  kind: NameKind;
}

export interface ArticlePage {
  article: Article;
  day: Link;
  month: Link;
  year: Link;
  topics: Link[];
  /** Names of the article that have a page of their own, in order of first mention. */
  names: NameLink[];
  /**
   * For the page's fingerprint, a digest of what `names` shows of those pages (which names have
   * one, their URLs and kinds), worked out with the name pages: the links themselves are made
   * only for the pages rendered.
   */
  namesKey: readonly [number, number];
  /** Up to five earlier articles on the same story, most related first. */
  related: ArticleRef[];
  previous?: Link;
  next?: Link;
}

export interface DayGroup {
  date: IsoDate;
  url: string;
  articles: ArticleRef[];
  previous?: Link;
  next?: Link;
}

export interface MonthDayCount {
  date: IsoDate;
  day: number;
  count: number;
  /** Present when the day has articles. */
  url?: string;
}

export interface MonthGroup {
  /** `YYYY-MM`. */
  month: string;
  year: number;
  monthNumber: number;
  url: string;
  count: number;
  /** Every day of the month, in order, with zero counts for days without articles. */
  days: MonthDayCount[];
  previous?: Link;
  next?: Link;
}

/** A day with articles, and how many: a cell of a year's heat-map. */
export interface DayCount {
  date: IsoDate;
  count: number;
  url: string;
}

export interface YearGroup {
  year: number;
  url: string;
  count: number;
  /** Months with articles, in calendar order. */
  months: { month: string; monthNumber: number; url: string; count: number }[];
  /** Days with articles, in calendar order. */
  days: DayCount[];
  previous?: Link;
  next?: Link;
}

/** One page of a topic's articles, anchored to a calendar month so that it never renumbers. */
export interface TopicMonthPage {
  slug: string;
  name: string;
  month: string;
  url: string;
  /** Newest first. */
  articles: ArticleRef[];
  topicUrl: string;
  /** The neighbouring months of this topic that have articles. */
  newer?: Link;
  older?: Link;
}

export interface TopicGroup {
  slug: string;
  name: string;
  url: string;
  count: number;
  /** The newest articles, newest first. */
  latest: ArticleRef[];
  /** Months with articles of this topic, newest first. */
  months: { month: string; url: string; count: number }[];
  /**
   * The archive's first and last month (`YYYY-MM`), which the topic's timeline spans: the same
   * for every topic, so that their timelines compare.
   */
  span: { first: string; last: string };
}

/** A person, place or organisation mentioned across the archive, with its page. */
export interface NameGroup {
  key: string;
  kind: NameKind;
  /** The display form most articles use. */
  name: string;
  url: string;
  /** Articles that mention it. */
  count: number;
  /** The newest of them, newest first. */
  articles: ArticleRef[];
}

export interface SiteSettings {
  title: string;
  description: string;
  /** Public base URL, e.g. `https://example.org/archive/`; absent when the user gave none. */
  url?: string;
  /** A name gets a page of its own when this many articles mention it (default 2). */
  namePageMinArticles?: number;
}

/** The whole archive, grouped and planned into pages. */
export interface Archive {
  site: SiteSettings;
  articles: ArticlePage[];
  days: DayGroup[];
  months: MonthGroup[];
  years: YearGroup[];
  topics: TopicGroup[];
  topicMonths: TopicMonthPage[];
  /** Names with pages, by kind, in Greek alphabetical order. */
  names: NameGroup[];
  /** Newest first. */
  latest: ArticleRef[];
}
