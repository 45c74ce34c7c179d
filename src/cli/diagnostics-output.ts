import type { Diagnostic } from '../model.ts';

/** Beyond this many, the terminal gets a count and the report file gets the rest. */
export const MAX_PRINTED = 50;

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
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
): void {
  const ordered = [...diagnostics].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  for (const d of ordered.slice(0, MAX_PRINTED)) write(formatDiagnostic(d));
  if (ordered.length > MAX_PRINTED)
    write(`… and ${ordered.length - MAX_PRINTED} more; write them all with --report FILE.`);
}
