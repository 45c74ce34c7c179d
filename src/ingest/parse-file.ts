/**
 * One file's bytes → a `ParsedFile`: decode, then parse, with every problem as a diagnostic.
 * Pure (no I/O), so a cache can key its result on the bytes' hash.
 */
import type { ParsedFile } from '../model.ts';
import { decode } from './decode.ts';
import { compareDiagnostics, diagnostic } from './diagnostics.ts';
import { parseArticles, type RejectedArticle } from './parse-articles.ts';

/** A parsed file with the articles it rejected, each with its reasons. */
export interface IngestedFile extends ParsedFile {
  /** `rejected` is their number. */
  rejectedArticles: RejectedArticle[];
}

/** `file` is the path relative to the content folder, with `/` separators. */
export function parseFile(bytes: Uint8Array, file: string): IngestedFile {
  const decoded = decode(bytes);
  const diagnostics = decoded.warnings.map((w) =>
    diagnostic(w.code, file, w.line, w.column, w.message),
  );
  if (decoded.error) {
    const e = decoded.error;
    diagnostics.push(diagnostic(e.code, file, e.line, e.column, e.message));
    return {
      file,
      encoding: decoded.encoding,
      articles: [],
      diagnostics,
      rejected: 0,
      rejectedArticles: [],
    };
  }
  const parsed = parseArticles(decoded.text, file);
  diagnostics.push(...parsed.diagnostics);
  diagnostics.sort(compareDiagnostics);
  return {
    file,
    encoding: decoded.encoding,
    articles: parsed.articles,
    diagnostics,
    rejected: parsed.rejected,
    rejectedArticles: parsed.rejectedArticles,
  };
}
