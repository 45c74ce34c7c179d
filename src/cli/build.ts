import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadArchive, type LoadedArchive } from '../archive/load-archive.ts';
import { forgetArchive, prepareArchive } from '../site/plugin.ts';
import { renderSite } from '../site/render-site.ts';
import { countBySeverity, printDiagnostics } from './diagnostics-output.ts';
import { fileProgress } from './progress.ts';
import { buildReport, writeReport } from './report.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix: string;
  reportFile?: string;
  strict: boolean;
  log?: (line: string) => void;
}

export interface BuildOutcome {
  loaded: LoadedArchive;
  pages: number;
  errors: number;
  warnings: number;
  seconds: number;
  /** False when `--strict` refused to publish because of errors. */
  written: boolean;
}

/**
 * Renders into a sibling folder and swaps it in only when everything succeeded, so a failed or
 * interrupted build leaves the previous site complete.
 */
async function renderAtomically(
  contentDir: string,
  outDir: string,
  pathPrefix: string,
): Promise<number> {
  const target = path.resolve(outDir);
  const staging = `${target}.building-${process.pid}`;
  const retired = `${target}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const pages = await renderSite({ contentDir, outDir: staging, pathPrefix });
    if (existsSync(target)) renameSync(target, retired);
    renameSync(staging, target);
    rmSync(retired, { recursive: true, force: true });
    return pages;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  forgetArchive(options.contentDir);
  const onProgress = fileProgress();
  const loaded = prepareArchive(options.contentDir, (dir) => loadArchive(dir, { onProgress }));
  printDiagnostics(loaded.diagnostics, log);
  const { errors, warnings } = countBySeverity(loaded.diagnostics);
  if (options.reportFile) writeReport(options.reportFile, buildReport(loaded));

  let pages = 0;
  const written = !(options.strict && errors > 0);
  if (written)
    pages = await renderAtomically(options.contentDir, options.outDir, options.pathPrefix);
  forgetArchive(options.contentDir);

  const seconds = (performance.now() - started) / 1000;
  const { published, rejected } = loaded.counts;
  log(
    written
      ? `Built ${published} articles (${rejected} rejected) into ${pages} pages in ${options.outDir}: ${warnings} warnings, ${errors} errors, ${seconds.toFixed(1)} s.`
      : `Not built: ${errors} errors and --strict. ${published} articles would be published, ${rejected} rejected; ${warnings} warnings, ${seconds.toFixed(1)} s.`,
  );
  return { loaded, pages, errors, warnings, seconds, written };
}
