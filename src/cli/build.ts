import { existsSync, rmSync } from 'node:fs';
import { prepareBuild, type PreparedBuild } from '../archive/load-archive.ts';
import { pageFingerprints, planPages, siteFingerprint, type PageKind } from '../site/pages.ts';
import { stopWriterThreads } from '../site/page-writer.ts';
import { clearRenderBatch, setRenderBatch, writtenByPlugin } from '../site/plugin.ts';
import { renderSite } from '../site/render-site.ts';
import {
  articleDays,
  changedSearchDays,
  type DayPages,
  hasSearchIndex,
  indexSite,
  removeSearchIndex,
} from '../site/search-index.ts';
import {
  DEFAULT_CACHE_DIR,
  packAhead,
  readState,
  type BuildState,
  stateFile,
  writePending,
  writeStateAhead,
  type StateWrite,
} from './build-state.ts';
import { codeVersion } from './code-version.ts';
import { countBySeverity, printDiagnostics } from './diagnostics-output.ts';
import { applyPages, recoverInterruptedBuilds, replaceFolder, stagingFolder } from './output.ts';
import { fileProgress } from './progress.ts';
import { buildReport, writeReport } from './report.ts';
import { Stopwatch } from './stopwatch.ts';

/** Pages per Eleventy run: bounds the memory Eleventy holds (see `render`). */
const RENDER_BATCH_PAGES = 20_000;
/** Above this share of changed pages, a full render with a folder swap is cheaper. */
const FULL_RENDER_SHARE = 0.5;

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix: string;
  reportFile?: string;
  strict: boolean;
  /** Where builds keep what the next build can reuse. */
  cacheDir?: string;
  /** Render every page, whatever the previous build left. */
  full?: boolean;
  /** Build the search index (default); `--no-search` turns it off. */
  search?: boolean;
  log?: (line: string) => void;
}

export interface BuildOutcome {
  prepared: PreparedBuild;
  /** Pages rendered by this build (all of them in a full build). */
  pages: number;
  /** Pages of the site, rendered now or kept from the previous build. */
  totalPages: number;
  removed: number;
  incremental: boolean;
  errors: number;
  warnings: number;
  seconds: number;
  /** False when `--strict` refused to publish because of errors. */
  written: boolean;
}

interface RenderPlan {
  /** URLs to render; undefined for all. */
  only?: Set<string>;
  removed: string[];
  /** Pages an interrupted build was replacing or deleting: what they hold is not known. */
  unverified: ReadonlySet<string>;
}

/** Indexes a site for search, or removes its index with `--no-search` so none is stale. */
async function updateSearch(
  siteDir: string,
  options: BuildOptions,
  log: (line: string) => void,
  days: readonly DayPages[],
  changedDates?: ReadonlySet<string>,
) {
  if (options.search === false) return removeSearchIndex(siteDir);
  const { pages, seconds } = await indexSite(siteDir, { changedDates, days });
  log(`Search index: ${pages} pages in ${seconds.toFixed(1)} s`);
}

/** The staging folder being written, if any: what an interruption must remove. */
let renderingInto: string | undefined;
/** The next state, written while the pages render: an interruption deletes it too. */
let stateAhead: StateWrite | undefined;

let stopping = false;

/**
 * Ctrl-C or a kill request: drop the half-written staging folder and next state, and stop. The
 * handler runs between steps, never inside the synchronous moves into the output folder, so
 * the site is either as it was or completely updated.
 */
async function stopOnSignal(signal: NodeJS.Signals): Promise<void> {
  // Ctrl-C in a terminal reaches this process twice when `bin/heap-limit.js` started it: from
  // the terminal and from the process that started it.
  if (stopping) return;
  stopping = true;
  if (renderingInto) {
    const folder = renderingInto;
    await stopWriterThreads();
    rmSync(folder, { recursive: true, force: true });
  }
  await stateAhead?.abandon();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Renders into a sibling folder, then either swaps the whole folder in (full build) or moves
 * the changed pages into place and deletes the pages that are gone (incremental build). A
 * failed render leaves the previous site as it was. The search index is built over the whole
 * site: in the staging folder before the swap, or in place after an incremental build.
 */
async function render(
  options: BuildOptions,
  kinds: readonly PageKind[],
  plan: RenderPlan,
  log: (line: string) => void,
): Promise<number> {
  const staging = stagingFolder(options.outDir);
  rmSync(staging, { recursive: true, force: true });
  renderingInto = staging;
  try {
    let pages = 0;
    const byEleventy: string[] = [];
    const byPlugin: string[] = [];
    const articleUrls: string[] = [];
    for (const k of kinds) {
      const urls = writtenByPlugin(k) ? byPlugin : byEleventy;
      for (const item of k.items) {
        const url = k.url(item);
        if (k.name === 'article') articleUrls.push(url);
        if (!plan.only || plan.only.has(url)) urls.push(url);
      }
    }
    // What the site holds once this build is in place, so the index need not count folders.
    const days = articleDays(articleUrls);
    // Eleventy keeps every page it renders in memory until the end of its run: its pages go in
    // batches, at the cost of starting Eleventy once per batch. The pages the plugin writes
    // itself are kept by nobody and all go with the first batch.
    const runs = Math.max(
      Math.ceil(byEleventy.length / RENDER_BATCH_PAGES),
      byPlugin.length > 0 ? 1 : 0,
    );
    for (let run = 0; run < runs; run++) {
      const start = run * RENDER_BATCH_PAGES;
      const only = new Set(byEleventy.slice(start, start + RENDER_BATCH_PAGES));
      if (run === 0) for (const url of byPlugin) only.add(url);
      setRenderBatch(options.contentDir, {
        kinds,
        only,
        onWritten: (written) => (pages += written),
      });
      try {
        const written = await renderSite({
          contentDir: options.contentDir,
          outDir: staging,
          pathPrefix: options.pathPrefix,
        });
        pages += written;
      } finally {
        clearRenderBatch(options.contentDir);
      }
    }
    // Let a Ctrl-C that came in while the last pages were written stop us before any change.
    await new Promise((resolve) => setImmediate(resolve));
    if (plan.only) {
      // Only article pages are indexed, and only the date ranges of the days whose pages read
      // differently are indexed again.
      const indexed = options.search !== false && hasSearchIndex(options.outDir);
      const changedDates = indexed
        ? changedSearchDays(options.outDir, staging, plan.only, plan.removed, plan.unverified)
        : undefined;
      applyPages(staging, options.outDir, [...plan.only], plan.removed);
      if (!changedDates || changedDates.size > 0)
        await updateSearch(options.outDir, options, log, days, changedDates);
    } else {
      await updateSearch(staging, options, log, days);
      await new Promise((resolve) => setImmediate(resolve));
      replaceFolder(staging, options.outDir);
    }
    return pages;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    renderingInto = undefined;
  }
}

/**
 * Reads the content with what the previous build left, and keeps of that only what the rest of
 * the build needs. Its cache and related lists live on in `prepared` as far as they are still
 * valid, and not at all after a change of code or taxonomy, when holding them (in a variable of
 * the caller, alive until it returns) would add some 400 MB to the peak of a 100k archive.
 */
async function prepareFromState(
  stored: BuildState | undefined,
  contentDir: string,
  version: string,
) {
  const prepared = await prepareBuild(contentDir, {
    cache: stored?.content,
    related: stored?.related,
    codeVersion: version,
    onProgress: fileProgress(),
    // While other threads read, this one is idle: it packs what the state will hold.
    onFileRead: packAhead,
  });
  const previous = stored && {
    inputs: stored.inputs,
    pages: stored.pages,
    pending: stored.pending,
  };
  return { prepared, previous };
}

export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const stopwatch = new Stopwatch(['read', 'plan', 'render', 'state']);
  if (process.listeners('SIGINT').every((l) => l !== stopOnSignal)) {
    process.on('SIGINT', stopOnSignal).on('SIGTERM', stopOnSignal);
  }
  recoverInterruptedBuilds(options.outDir);
  const state = stateFile(
    options.cacheDir ?? DEFAULT_CACHE_DIR,
    options.contentDir,
    options.outDir,
  );
  const version = codeVersion();
  const { prepared, previous } = await prepareFromState(
    options.full ? undefined : await readState(state),
    options.contentDir,
    version,
  );
  stopwatch.lap('read');
  printDiagnostics(prepared.diagnostics, log);
  const { errors, warnings } = countBySeverity(prepared.diagnostics);
  if (options.reportFile) writeReport(options.reportFile, buildReport(prepared));

  const written = !(options.strict && errors > 0);
  const inputs = `${version}\n${prepared.inputs}\n${options.pathPrefix}`;
  if (
    written &&
    prepared.filesRead === 0 &&
    previous?.inputs === inputs &&
    previous.pending.length === 0 &&
    existsSync(options.outDir) &&
    // An index made by `ephemeris index` after a `--no-search` build is as good as a build's.
    hasSearchIndex(options.outDir) === (options.search !== false)
  ) {
    const seconds = (performance.now() - started) / 1000;
    log(
      `Nothing changed in ${prepared.counts.files} files: ${options.outDir} is up to date (${previous.pages.size} pages); ${warnings} warnings, ${errors} errors, ${seconds.toFixed(1)} s.`,
    );
    return {
      prepared,
      pages: 0,
      totalPages: previous.pages.size,
      removed: 0,
      incremental: true,
      errors,
      warnings,
      seconds,
      written,
    };
  }
  const kinds = planPages(prepared.archive, prepared.bodies, { pathPrefix: options.pathPrefix });
  const site = `${version}\n${siteFingerprint(prepared.archive, { pathPrefix: options.pathPrefix })}`;
  const fingerprints = pageFingerprints(kinds, site);
  stopwatch.lap('plan');
  const incremental = previous !== undefined && existsSync(options.outDir);
  let plan: RenderPlan = { removed: [], unverified: new Set() };
  if (incremental) {
    const changes = fingerprints.changesFrom(previous.pages);
    const only = new Set<string>(previous.pending.filter((url) => fingerprints.has(url)));
    for (const url of changes.changed) only.add(url);
    const removed = [
      ...changes.removed,
      ...previous.pending.filter((url) => !fingerprints.has(url)),
    ];
    // When most pages change (new code, new layout, new site settings), moving them one by one
    // costs more than rendering the whole site and swapping the folder.
    plan =
      only.size > fingerprints.size * FULL_RENDER_SHARE
        ? { removed: [], unverified: new Set() }
        : { only, removed: [...new Set(removed)], unverified: new Set(previous.pending) };
  }

  let pages = 0;
  if (written) {
    if (plan.only) {
      // Until the new pages are in place, the pages about to change are of unknown content.
      writePending(state, [...plan.only, ...plan.removed]);
    }
    const nextState = (stateAhead = writeStateAhead(state, {
      content: prepared.cache,
      related: prepared.related,
      inputs,
      pages: fingerprints,
      pending: [],
    }));
    stopwatch.lap('state');
    try {
      pages = await render(options, kinds, plan, log);
    } catch (error) {
      await nextState.abandon();
      throw error;
    } finally {
      stateAhead = undefined;
    }
    stopwatch.lap('render');
    await nextState.commit();
    stopwatch.lap('state');
  }

  const seconds = (performance.now() - started) / 1000;
  const { published, rejected } = prepared.counts;
  const how = plan.only
    ? `rendered ${pages} of ${fingerprints.size} pages, removed ${plan.removed.length}`
    : `${pages} pages`;
  log(
    written
      ? `Built ${published} articles (${rejected} rejected) into ${options.outDir}: ${how}; ${warnings} warnings, ${errors} errors, ${seconds.toFixed(1)} s (${stopwatch.summary()}).`
      : `Not built: ${errors} errors and --strict. ${published} articles would be published, ${rejected} rejected; ${warnings} warnings, ${seconds.toFixed(1)} s.`,
  );
  return {
    prepared,
    pages,
    totalPages: fingerprints.size,
    removed: plan.removed.length,
    incremental: plan.only !== undefined,
    errors,
    warnings,
    seconds,
    written,
  };
}
