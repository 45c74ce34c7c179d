import { existsSync, rmSync } from 'node:fs';
import { prepareBuild, type PreparedBuild } from '../archive/load-archive.ts';
import { pageFingerprints, planPages, siteFingerprint } from '../site/pages.ts';
import { clearPreparedBuild, setPreparedBuild } from '../site/plugin.ts';
import { renderSite } from '../site/render-site.ts';
import { indexSite } from '../site/search-index.ts';
import { readState, stateFile, writeState } from './build-state.ts';
import { codeVersion } from './code-version.ts';
import { countBySeverity, printDiagnostics } from './diagnostics-output.ts';
import { applyPages, replaceFolder, stagingFolder } from './output.ts';
import { fileProgress } from './progress.ts';
import { buildReport, writeReport } from './report.ts';

export const DEFAULT_CACHE_DIR = '.cache/ephemeris';

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
}

/**
 * Renders into a sibling folder, then either swaps the whole folder in (full build) or moves
 * the changed pages into place and deletes the pages that are gone (incremental build). A
 * failed render leaves the previous site as it was.
 */
async function render(options: BuildOptions, plan: RenderPlan): Promise<number> {
  const staging = stagingFolder(options.outDir);
  rmSync(staging, { recursive: true, force: true });
  try {
    const pages =
      plan.only?.size === 0
        ? 0
        : await renderSite({
            contentDir: options.contentDir,
            outDir: staging,
            pathPrefix: options.pathPrefix,
          });
    if (plan.only) applyPages(staging, options.outDir, [...plan.only], plan.removed);
    else replaceFolder(staging, options.outDir);
    return pages;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const state = stateFile(
    options.cacheDir ?? DEFAULT_CACHE_DIR,
    options.contentDir,
    options.outDir,
  );
  const previous = options.full ? undefined : readState(state);
  const version = codeVersion();
  const prepared = prepareBuild(options.contentDir, {
    cache: previous?.content,
    codeVersion: version,
    onProgress: fileProgress(),
  });
  printDiagnostics(prepared.diagnostics, log);
  const { errors, warnings } = countBySeverity(prepared.diagnostics);
  if (options.reportFile) writeReport(options.reportFile, buildReport(prepared));

  const written = !(options.strict && errors > 0);
  const kinds = planPages(prepared.archive, prepared.bodies, { pathPrefix: options.pathPrefix });
  const site = `${version}\n${siteFingerprint(prepared.archive, { pathPrefix: options.pathPrefix })}`;
  const fingerprints = pageFingerprints(kinds, site);
  const incremental = previous !== undefined && existsSync(options.outDir);
  let plan: RenderPlan = { removed: [] };
  if (incremental) {
    const only = new Set<string>(previous.pending.filter((url) => fingerprints.has(url)));
    for (const [url, hash] of fingerprints) if (previous.pages.get(url) !== hash) only.add(url);
    const removed = [...previous.pages.keys(), ...previous.pending].filter(
      (url) => !fingerprints.has(url),
    );
    plan = { only, removed: [...new Set(removed)] };
  }

  let pages = 0;
  if (written) {
    if (plan.only) {
      // Until the new pages are in place, the pages about to change are of unknown content.
      const settled = new Map(previous!.pages);
      for (const url of [...plan.only, ...plan.removed]) settled.delete(url);
      writeState(state, {
        content: previous!.content,
        pages: settled,
        pending: [...plan.only, ...plan.removed],
      });
    }
    setPreparedBuild(options.contentDir, prepared, plan.only);
    try {
      pages = await render(options, plan);
    } finally {
      clearPreparedBuild(options.contentDir);
    }
    writeState(state, { content: prepared.cache, pages: fingerprints, pending: [] });
  }

  const seconds = (performance.now() - started) / 1000;
  const { published, rejected } = prepared.counts;
  const how = incremental
    ? `rendered ${pages} of ${fingerprints.size} pages, removed ${plan.removed.length}`
    : `${pages} pages`;
  log(
    written
      ? `Built ${published} articles (${rejected} rejected) into ${options.outDir}: ${how}; ${warnings} warnings, ${errors} errors, ${seconds.toFixed(1)} s.`
      : `Not built: ${errors} errors and --strict. ${published} articles would be published, ${rejected} rejected; ${warnings} warnings, ${seconds.toFixed(1)} s.`,
  );
  return {
    prepared,
    pages,
    totalPages: fingerprints.size,
    removed: plan.removed.length,
    incremental,
    errors,
    warnings,
    seconds,
    written,
  };
}
