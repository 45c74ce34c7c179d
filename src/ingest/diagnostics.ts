/**
 * The stable diagnostic codes of the ingest layer, each with its severity and a one-line
 * explanation, and the constructor every ingest module uses to build a `Diagnostic`.
 *
 * Codes never change meaning once published: tools and people match on them.
 */
import type { Diagnostic, Severity } from '../model.ts';

interface CodeInfo {
  severity: Severity;
  /** One line: what the code means. */
  summary: string;
}

export const DIAGNOSTIC_CODES = {
  // Reading files
  E_ARTICLES_DIR_MISSING: {
    severity: 'error',
    summary: 'The content folder has no `articles` folder, so there is nothing to read.',
  },
  E_UNREADABLE: {
    severity: 'error',
    summary: 'A file or folder could not be read (permissions, broken link, I/O error).',
  },
  E_FILE_TOO_LARGE: {
    severity: 'error',
    summary: 'A file is too large to be an article file; it was not read.',
  },
  E_NOT_TEXT: {
    severity: 'error',
    summary: 'A file is not text (an image, an archive, a program, NUL bytes); it was skipped.',
  },
  E_ENCODING_UNSUPPORTED: {
    severity: 'error',
    summary: 'A file is in an encoding ephemeris cannot read (UTF-32); it was skipped.',
  },
  W_NO_FILES: {
    severity: 'warning',
    summary: 'The `articles` folder holds no `.txt` files.',
  },
  W_SYMLINK_SKIPPED: {
    severity: 'warning',
    summary: 'A linked folder leads to a folder already read (a loop or an alias); it was skipped.',
  },
  // Decoding bytes to text
  W_ENCODING_LEGACY: {
    severity: 'warning',
    summary:
      'A file is not UTF-8; it was decoded as a legacy Greek code page (named in the message).',
  },
  W_ENCODING_GUESSED: {
    severity: 'warning',
    summary: 'A file looks like UTF-16 without a byte order mark; it was decoded as such.',
  },
  W_INVALID_UTF8: {
    severity: 'warning',
    summary: 'A UTF-8 file has a few invalid bytes; they were replaced with U+FFFD.',
  },
  W_INVALID_UTF16: {
    severity: 'warning',
    summary: 'A UTF-16 file has invalid code units; they were replaced with U+FFFD.',
  },
  W_CONTROL_CHARS: {
    severity: 'warning',
    summary:
      'Invisible control characters (other than tab and line breaks, a few NUL bytes included) were removed.',
  },
  W_INVISIBLE_CHARS: {
    severity: 'warning',
    summary:
      'Invisible formatting characters (bidirectional controls, zero-width characters, soft hyphens) were removed.',
  },
  W_FILE_EMPTY: {
    severity: 'warning',
    summary: 'A file holds no text at all.',
  },
  // Article structure
  E_TEXT_BEFORE_HEADER: {
    severity: 'error',
    summary: 'Text stands before the first `date YYYY-MM-DD N` header; it belongs to no article.',
  },
  E_HEADER_DATE_INVALID: {
    severity: 'error',
    summary: 'A header has no date, a date not written YYYY-MM-DD, or a day that does not exist.',
  },
  E_HEADER_ORDINAL: {
    severity: 'error',
    summary: 'A header has no article number N, or one that is not a non-negative integer.',
  },
  E_HEADER_TRAILING_TEXT: {
    severity: 'error',
    summary: 'A header has more text after the article number.',
  },
  W_HEADER_FORM: {
    severity: 'warning',
    summary:
      'A header was understood but not written exactly `date YYYY-MM-DD N`; it was normalised.',
  },
  W_BLANK_LINE_MISSING: {
    severity: 'warning',
    summary: 'A blank line is missing after a header or after a title; the article was still read.',
  },
  E_TITLE_MISSING: {
    severity: 'error',
    summary: 'An article header is followed by no title (another header or the end of the file).',
  },
  E_BODY_MISSING: {
    severity: 'error',
    summary: 'An article has a title but no body text.',
  },
  E_TITLE_TOO_LONG: {
    severity: 'error',
    summary:
      'A title is longer than 300 characters: most likely a paragraph with the title missing.',
  },
  W_MIXED_SCRIPT: {
    severity: 'warning',
    summary:
      'A word mixes Greek and Latin letters; look-alike letters were replaced when that made it one script.',
  },
  E_DUPLICATE_ID: {
    severity: 'error',
    summary: 'Two articles have the same date and number; the first one read is kept.',
  },
  W_DUPLICATE_TEXT: {
    severity: 'warning',
    summary: 'Two articles have the same title and text under different headers; both are kept.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic; the severity comes from the code. Line and column are 1-based. */
export function diagnostic(
  code: DiagnosticCode,
  file: string,
  line: number,
  column: number,
  message: string,
): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, file, line, column, message };
}

/** Orders diagnostics by file, then line, then column (stable for equal positions). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** A short, quoted rendering of user text for messages: control characters visible, long text cut. */
export function quote(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(cut);
}
