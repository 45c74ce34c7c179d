import type { ArticlePage, Link, SiteSettings } from '../src/model.ts';

/** What a page tells the site about itself for head metadata (Open Graph, feeds, JSON-LD). */
export interface HeadInfo {
  /** Site-relative URL; absent on pages served at any URL (404). */
  path?: string;
  title: string;
  description: string;
  article?: ArticlePage;
  /** The topic a page belongs to, whose feed it announces. */
  topicSlug?: string;
}

/** What every page needs besides its own view model. Built once by the site plugin. */
export interface PageContext {
  /** Adds the deploy path prefix to a site-relative URL: `/2026/01/` → `/archive/2026/01/`. */
  href(path: string): string;
  site: SiteSettings;
  /** Topics for the header navigation, in the order they are shown. */
  topics: Link[];
  /** Years for the header navigation (label `2026`, URL `/2026/`); none when absent. */
  years?: Link[];
  /** Extra `<head>` markup from the site (metadata the layouts do not decide). */
  head?: (info: HeadInfo) => string;
}
