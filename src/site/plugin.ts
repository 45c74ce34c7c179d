import path from 'node:path';
import { prepareBuild, type PreparedBuild } from '../archive/load-archive.ts';
import { planPages, type PageKind } from './pages.ts';

/** The part of Eleventy's UserConfig this plugin uses (Eleventy ships no TypeScript types). */
export interface EleventyConfig {
  directories: { input: string };
  pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: object): void;
  ignores: { add(glob: string): void };
}

/** What the CLI has prepared for Eleventy to render, by content folder. */
const prepared = new Map<string, { build: PreparedBuild; only?: ReadonlySet<string> }>();

/**
 * Hands Eleventy an archive the CLI has already loaded (and reported on), and optionally only
 * the URLs that need rendering. Without it, the plugin loads the content folder itself, so a
 * plain `eleventy --config=.eleventy.ts --input=content` works too.
 */
export function setPreparedBuild(
  contentDir: string,
  build: PreparedBuild,
  only?: ReadonlySet<string>,
): void {
  prepared.set(path.resolve(contentDir), { build, only });
}

export function clearPreparedBuild(contentDir: string): void {
  prepared.delete(path.resolve(contentDir));
}

/** A paginating virtual template: one page per item, at the item's own URL. */
function addKind(
  eleventyConfig: EleventyConfig,
  page: PageKind,
  only: ReadonlySet<string> | undefined,
): void {
  const items = only ? page.items.filter((item) => only.has(page.url(item))) : page.items;
  if (items.length === 0) return;
  eleventyConfig.addTemplate(`ephemeris/${page.name}.11ty.js`, {
    data: {
      pagination: { data: 'items', size: 1, alias: 'item' },
      items,
      permalink: (data: { item: unknown }) => page.url(data.item),
      eleventyExcludeFromCollections: true,
    },
    render: (data: { item: unknown }) => page.render(data.item),
  });
}

/**
 * Eleventy renders the archive from data: a handful of paginating templates over pre-grouped
 * arrays, never one template per article (architecture.md measures why).
 */
export default function ephemeris(eleventyConfig: EleventyConfig): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  const { build, only } = prepared.get(contentDir) ?? { build: prepareBuild(contentDir) };
  // Articles are data read by our own ingest, not templates for Eleventy to discover.
  eleventyConfig.ignores.add('articles/**');
  const pathPrefix = eleventyConfig.pathPrefix ?? '/';
  for (const page of planPages(build.archive, build.bodies, { pathPrefix }))
    addKind(eleventyConfig, page, only);
}
