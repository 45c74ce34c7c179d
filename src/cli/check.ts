import { prepareBuild } from '../archive/load-archive.ts';
import { countBySeverity, printDiagnostics } from './diagnostics-output.ts';
import { fileProgress } from './progress.ts';
import { buildReport, writeReport } from './report.ts';

export interface CheckOptions {
  contentDir: string;
  reportFile?: string;
  log?: (line: string) => void;
}

/** Validates the content without writing a site; returns the number of errors. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.error(line));
  const loaded = await prepareBuild(options.contentDir, { onProgress: fileProgress() });
  // Checking is for reading the problems: list every one.
  printDiagnostics(loaded.diagnostics, log, Infinity);
  if (options.reportFile) writeReport(options.reportFile, buildReport(loaded));
  const { errors, warnings } = countBySeverity(loaded.diagnostics);
  const { articles_read, published, rejected } = loaded.counts;
  log(
    `Checked ${loaded.counts.files} files: ${articles_read} articles read, ${published} publishable, ${rejected} rejected; ${warnings} warnings, ${errors} errors.`,
  );
  return errors;
}
