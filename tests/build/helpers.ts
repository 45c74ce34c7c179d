import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import type { BuildReport } from '../../src/cli/report.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(PROJECT_ROOT, 'bin/ephemeris.js');
export const SHARED = path.resolve(PROJECT_ROOT, '../shared');

/**
 * Limits for the properties that build sites. Vitest gives up on a test after two minutes but
 * cannot stop fast-check, which then goes on shrinking a failure in the background, building
 * site after site, and the run never ends (seen once, 18 minutes, on a loaded machine). So
 * fast-check stops first and reports what it has found, or the interruption as a failure.
 */
export const SITE_PROPERTY_LIMITS = {
  interruptAfterTimeLimit: 100_000,
  markInterruptAsFailure: true,
} as const;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd: PROJECT_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export interface BuiltSite {
  out: string;
  run: CliRun;
  report: BuildReport;
  page(url: string): Document;
  /** A page's HTML as written. */
  read(url: string): string;
  exists(url: string): boolean;
}

/** Builds a content folder with the real command into a fresh temporary folder. */
export async function buildSite(contentDir: string, extra: string[] = []): Promise<BuiltSite> {
  const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-build-'));
  const out = path.join(work, '_site');
  const reportFile = path.join(work, 'report.json');
  const run = await runCli([
    'build',
    '--content',
    contentDir,
    '--out',
    out,
    '--report',
    reportFile,
    ...extra,
  ]);
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stderr}`);
  const file = (url: string) => path.join(out, url.endsWith('/') ? `${url}index.html` : url);
  return {
    out,
    run,
    report: JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport,
    exists: (url) => existsSync(file(url)),
    read: (url) => readFileSync(file(url), 'utf8'),
    page: (url) => parseHTML(readFileSync(file(url), 'utf8')).document as unknown as Document,
  };
}
