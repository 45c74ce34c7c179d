/** The ingest layer: bytes → text → articles + diagnostics. */
export {
  decode,
  greekCodePageVotes,
  scanUtf8,
  type DecodeIssue,
  type DecodeResult,
} from './decode.ts';
export {
  DIAGNOSTIC_CODES,
  compareDiagnostics,
  diagnostic,
  type DiagnosticCode,
} from './diagnostics.ts';
export {
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  parseArticles,
  type ParseResult,
} from './parse-articles.ts';
export { parseFile } from './parse-file.ts';
export {
  ARTICLES_DIR,
  MAX_FILE_BYTES,
  listArticleFiles,
  readContent,
  readOneFile,
  rejectDuplicates,
  type ArticleFile,
  type ContentCounts,
  type ReadContentResult,
} from './read-content.ts';
