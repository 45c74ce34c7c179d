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
  MAX_TITLE_LENGTH,
  parseArticles,
  type ParseResult,
  type RejectedArticle,
} from './parse-articles.ts';
export { fixMixedScript, type MixedWord } from './mixed-script.ts';
export { parseFile, type IngestedFile } from './parse-file.ts';
export {
  ARTICLES_DIR,
  MAX_FILE_BYTES,
  MIN_DUPLICATE_TEXT_LENGTH,
  duplicateTextKey,
  listArticleFiles,
  readContent,
  readOneFile,
  rejectDuplicates,
  warnDuplicateTexts,
  type ArticleFile,
  type ContentCounts,
  type ReadContentResult,
} from './read-content.ts';
