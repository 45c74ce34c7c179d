import type { Diagnostic } from '../model.ts';

/** Beyond this many, a build's terminal output gets a count and the report file gets the rest. */
export const MAX_PRINTED = 50;

/** A name with a line break or other control character would split the line: quote it. */
function printableFile(file: string): string {
  return /\p{Cc}/u.test(file) ? JSON.stringify(file) : file;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${printableFile(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Errors first, so a long list never hides them below warnings. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  write: (line: string) => void,
  limit = MAX_PRINTED,
): void {
  const ordered = [...diagnostics].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  for (const d of ordered.slice(0, limit)) write(formatDiagnostic(d));
  if (ordered.length > limit)
    write(`… and ${ordered.length - limit} more; write them all with --report FILE.`);
}
