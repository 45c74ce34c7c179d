import path from 'node:path';
import { prepareBuild } from '../archive/load-archive.ts';
import { planPages, type PageKind } from './pages.ts';
import { writePages } from './write-pages.ts';

/** The part of Eleventy's UserConfig this plugin uses (Eleventy ships no TypeScript types). */
export interface EleventyConfig {
  directories: { input: string };
  pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: object): void;
  ignores: { add(glob: string): void };
  on(event: 'eleventy.after', listener: (event: EleventyAfterEvent) => unknown): void;
}

interface EleventyAfterEvent {
  directories: { output: string };
  /** `fs` when Eleventy writes files (not `--to=json`). */
  outputMode: string;
}

/** Pages the CLI has planned for Eleventy to render, and which of them to render now. */
export interface RenderBatch {
  kinds: readonly PageKind[];
  /** URLs to render; all pages when absent. */
  only?: ReadonlySet<string>;
  /** Told how many pages the plugin wrote itself, besides those Eleventy reports. */
  onWritten?: (pages: number) => void;
}

/**
 * Kinds whose pages the plugin renders and writes itself, after Eleventy has written the rest:
 * one page per article or per name, nearly all of a large site. Through Eleventy's paginated
 * templates each page cost about 0.13 ms of Eleventy's own work (pagination, data cascade,
 * permalinks, its writer) on top of our layout and the file write, and Eleventy keeps every
 * page it renders until its run ends (measured at 10,000 articles, 25,695 pages: layouts 3.4 s,
 * writes 2.2 s, Eleventy 3.4 s; at 100,000 the resident memory grew by 1 GB while rendering).
 */
const WRITTEN_BY_PLUGIN = new Set(['article', 'name']);

export function writtenByPlugin(kind: PageKind): boolean {
  return WRITTEN_BY_PLUGIN.has(kind.name);
}

const batches = new Map<string, RenderBatch>();

/**
 * Hands Eleventy pages the CLI has already planned (from an archive it loaded and reported
 * on). Without it, the plugin loads the content folder itself, so a plain
 * `eleventy --config=.eleventy.ts --input=content` works too.
 */
export function setRenderBatch(contentDir: string, batch: RenderBatch): void {
  batches.set(path.resolve(contentDir), batch);
}

export function clearRenderBatch(contentDir: string): void {
  batches.delete(path.resolve(contentDir));
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
export default async function ephemeris(eleventyConfig: EleventyConfig): Promise<void> {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  const pathPrefix = eleventyConfig.pathPrefix ?? '/';
  let batch = batches.get(contentDir);
  if (!batch) {
    const build = await prepareBuild(contentDir);
    batch = { kinds: planPages(build.archive, build.bodies, { pathPrefix }) };
  }
  // Articles are data read by our own ingest, not templates for Eleventy to discover.
  eleventyConfig.ignores.add('articles/**');
  const ours: PageKind[] = [];
  for (const page of batch.kinds) {
    if (writtenByPlugin(page)) ours.push(page);
    else addKind(eleventyConfig, page, batch.only);
  }
  const { only, onWritten } = batch;
  eleventyConfig.on('eleventy.after', async ({ directories, outputMode }) => {
    if (outputMode !== 'fs') return;
    const written = await writePages(directories.output, ours, only);
    onWritten?.(written);
  });
}
