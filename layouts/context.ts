import type { Link, SiteSettings } from '../src/model.ts';

/** What every page needs besides its own view model. Built once by the site plugin. */
export interface PageContext {
  /** Adds the deploy path prefix to a site-relative URL: `/2026/01/` → `/archive/2026/01/`. */
  href(path: string): string;
  site: SiteSettings;
  /** Topics for the header navigation, in the order they are shown. */
  topics: Link[];
  /** Years for the header navigation (label `2026`, URL `/2026/`); none when absent. */
  years?: Link[];
}
