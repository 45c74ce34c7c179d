/**
 * Text → articles. Pure: no I/O, no clock, no locale.
 *
 * A file holds one or more articles, each:
 *
 *     date YYYY-MM-DD N      (N: the article's 0-based number within its day)
 *     <blank line>
 *     Title
 *     <blank line>
 *     Paragraph, possibly over several lines
 *     <one or more blank lines>
 *     Paragraph …
 *
 * The next article starts at the next header line. Lines and columns in diagnostics are
 * 1-based; columns count UTF-16 code units of the (NFC) line, which for Greek and Latin text
 * are characters.
 */
import type { Diagnostic, IsoDate, SourceArticle } from '../model.ts';
import { compareDiagnostics, diagnostic, quote } from './diagnostics.ts';
import { fixMixedScript } from './mixed-script.ts';

/** An article that was read but left out, with the errors that left it out. */
export interface RejectedArticle {
  file: string;
  /** 1-based line of its header, or of the first line of text before any header. */
  line: number;
  /** Its header as written, quoted (`"date 2026-02-30 0"`), or `text before the first header`. */
  label: string;
  /** The error diagnostics that left it out; never empty. */
  reasons: Diagnostic[];
}

export interface ParseResult {
  articles: SourceArticle[];
  diagnostics: Diagnostic[];
  /**
   * Articles whose header was found but which were left out (each has an error diagnostic),
   * plus one for non-blank text before the first header. Published + rejected = articles read.
   */
  rejected: number;
  /** The rejected articles themselves, in line order; `rejected` is their number. */
  rejectedArticles: RejectedArticle[];
}

/**
 * The longest title accepted, in characters. News titles rarely pass 150; a longer "title" is
 * almost always the first paragraph of an article whose title line is missing.
 */
export const MAX_TITLE_LENGTH = 300;

const FORM = '"date YYYY-MM-DD N"';
const EXAMPLE = '"date 2026-01-27 0"';

export function parseArticles(text: string, file: string): ParseResult {
  const lines = text.split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const articles: SourceArticle[] = [];
  const rejectedArticles: RejectedArticle[] = [];
  const reject = (line: number, label: string, reasons: Diagnostic[]) =>
    rejectedArticles.push({ file, line, label, reasons });

  const headers: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines[i] as string, i + 1, file);
    if (header) headers.push(header);
  }

  // Text before the first header (or a file without any header).
  const firstHeaderIndex = headers[0] ? headers[0].line - 1 : lines.length;
  for (let i = 0; i < firstHeaderIndex; i++) {
    const line = lines[i] as string;
    if (isBlank(line)) continue;
    const message = headers[0]
      ? `Text before the first article header (line ${headers[0].line}) belongs to no article and was left out. Delete it, or put a header line ${FORM} above it.`
      : `This file has text but no article header. Start each article with a header line such as ${EXAMPLE}, then a blank line, the title, a blank line and the text.`;
    const d = diagnostic('E_TEXT_BEFORE_HEADER', file, i + 1, indent(line) + 1, message);
    diagnostics.push(d);
    reject(i + 1, 'text before the first header', [d]);
    break;
  }
  if (headers.length === 0 && rejectedArticles.length === 0) {
    diagnostics.push(
      diagnostic(
        'W_FILE_EMPTY',
        file,
        1,
        1,
        `This file is empty. Add articles to it (each starting with a header line such as ${EXAMPLE}), or delete it.`,
      ),
    );
  }

  for (let k = 0; k < headers.length; k++) {
    const header = headers[k] as Header;
    const next = headers[k + 1];
    const end = next ? next.line - 1 : lines.length; // region: lines[header.line, end)
    diagnostics.push(...header.diagnostics);
    const reasons = header.diagnostics.filter((d) => d.severity === 'error');
    const fail = (d: Diagnostic) => {
      diagnostics.push(d);
      reasons.push(d);
    };

    for (let i = header.line; i < end; i++) {
      const fixed = fixMixedScript(lines[i] as string);
      if (fixed.words.length === 0) continue;
      lines[i] = fixed.text;
      diagnostics.push(mixedScriptDiagnostic(file, i + 1, fixed.words));
    }

    const blocks = blocksOf(lines, header.line, end);
    const titleBlock = blocks[0];
    if (!titleBlock) {
      const comesFirst = next ? `the next header (line ${next.line})` : 'the end of the file';
      fail(
        diagnostic(
          'E_TITLE_MISSING',
          file,
          header.line,
          header.column,
          `Article ${header.label} has no title or text: ${comesFirst} comes first. Under the header write a blank line, the title, a blank line and the text, or delete the header.`,
        ),
      );
      reject(header.line, header.label, reasons);
      continue;
    }

    if (titleBlock.start === header.line) {
      const line = lines[titleBlock.start] as string;
      diagnostics.push(
        diagnostic(
          'W_BLANK_LINE_MISSING',
          file,
          titleBlock.start + 1,
          indent(line) + 1,
          `There is no blank line between the header (line ${header.line}) and the title. Add one to silence this warning.`,
        ),
      );
    }
    const title = clean(titleBlock.lines[0] as string);
    const paragraphs: string[] = [];
    if (titleBlock.lines.length > 1) {
      const line = lines[titleBlock.start + 1] as string;
      diagnostics.push(
        diagnostic(
          'W_BLANK_LINE_MISSING',
          file,
          titleBlock.start + 2,
          indent(line) + 1,
          `There is no blank line after the title (line ${titleBlock.start + 1}), so this line was read as the start of the first paragraph. Add a blank line after the title, or join the lines if the title is longer than one line.`,
        ),
      );
      paragraphs.push(joinLines(titleBlock.lines.slice(1)));
    }
    for (let b = 1; b < blocks.length; b++) paragraphs.push(joinLines((blocks[b] as Block).lines));

    const titleLength = title.length > MAX_TITLE_LENGTH ? [...title].length : title.length;
    if (titleLength > MAX_TITLE_LENGTH) {
      const line = lines[titleBlock.start] as string;
      const noBody = paragraphs.length === 0 ? ', and there is no other text under it' : '';
      fail(
        diagnostic(
          'E_TITLE_TOO_LONG',
          file,
          titleBlock.start + 1,
          indent(line) + 1,
          `The title of article ${header.label} has ${titleLength} characters${noBody}; a title may have at most ${MAX_TITLE_LENGTH}. If this is the first paragraph, the title is missing: write the title above it, followed by a blank line. Otherwise shorten the title.`,
        ),
      );
    } else if (paragraphs.length === 0) {
      const line = lines[titleBlock.start] as string;
      fail(
        diagnostic(
          'E_BODY_MISSING',
          file,
          titleBlock.start + 1,
          indent(line) + 1,
          `Article ${header.label} has a title (${quote(title)}) but no text. Add its paragraphs after a blank line under the title, or delete the article.`,
        ),
      );
    }

    if (reasons.length === 0 && header.date !== undefined && header.ordinal !== undefined) {
      articles.push({
        date: header.date,
        ordinal: header.ordinal,
        title,
        paragraphs,
        source: { file, line: header.line },
      });
    } else {
      reject(header.line, header.label, reasons);
    }
  }

  diagnostics.sort(compareDiagnostics);
  return { articles, diagnostics, rejected: rejectedArticles.length, rejectedArticles };
}

/** One warning for a line's mixed-script words, at the first of them. */
function mixedScriptDiagnostic(
  file: string,
  line: number,
  words: ReturnType<typeof fixMixedScript>['words'],
): Diagnostic {
  const shown = words.slice(0, 3);
  const fixed = shown.filter((w) => w.fixed !== undefined);
  const kept = shown.filter((w) => w.fixed === undefined);
  const parts: string[] = [];
  if (fixed.length > 0) {
    const list = fixed.map((w) => `${quote(w.word)} → ${quote(w.fixed ?? '')}`).join(', ');
    parts.push(`Look-alike letters were replaced to make one script: ${list}.`);
  }
  if (kept.length > 0) {
    const list = kept.map((w) => quote(w.word)).join(', ');
    parts.push(
      `Kept as written, since not every letter has a look-alike (a missing space between two words?): ${list}.`,
    );
  }
  if (words.length > shown.length) parts.push(`And ${words.length - shown.length} more.`);
  const first = words[0] as (typeof words)[number];
  const subject = words.length === 1 ? 'A word mixes' : `${words.length} words on this line mix`;
  return diagnostic(
    'W_MIXED_SCRIPT',
    file,
    line,
    first.index + 1,
    `${subject} Greek and Latin letters, which search, topics and URLs tell apart even where they look alike. ${parts.join(' ')} Retype each word in one script, or add the missing space, to silence this warning.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Blocks and whitespace

interface Block {
  /** 0-based index of the block's first line. */
  start: number;
  lines: string[];
}

/** Runs of non-blank lines in lines[from, to). */
function blocksOf(lines: string[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i] as string;
    if (isBlank(line)) {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { start: i, lines: [line] };
      blocks.push(current);
    }
  }
  return blocks;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Number of leading white-space code units. */
function indent(line: string): number {
  return line.length - line.trimStart().length;
}

/** White space that is not already a single plain space. */
const UNTIDY_SPACE = /\s{2,}|[^\S ]/g;

/**
 * A line trimmed, with runs of white space inside it collapsed to one space. Only untidy white
 * space is replaced: a global replace of every `\s+` makes V8 keep several times the text's
 * size per string, which 100k articles cannot afford.
 */
function clean(line: string): string {
  return line.trim().replace(UNTIDY_SPACE, ' ');
}

function joinLines(lines: string[]): string {
  return lines.map(clean).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Header lines

/** A header line as read: its position, its date and number when valid, its diagnostics. */
export interface Header {
  /** 1-based line. */
  line: number;
  /** 1-based column of the `date` keyword. */
  column: number;
  /** Set when the date is valid. */
  date?: IsoDate;
  /** Set when the number is valid. */
  ordinal?: number;
  /** How messages name the article: the canonical header, or the line as written. */
  label: string;
  diagnostics: Diagnostic[];
}

interface Token {
  text: string;
  /** 0-based index in the line. */
  start: number;
}

/**
 * A line is a header when it starts (after white space) with the word `date` in any case,
 * optionally followed by a colon, and then by a digit or nothing: `date 2026-01-27 0`,
 * `Date: 2026-01-27 0`, `date` alone. `Date of birth` or `dated 1990` are ordinary text.
 */
const HEADER_START = /^(\s*)(date)(?:(\s*)(:)(\s*)|(\s*))(?=\d|$)/i;

/**
 * Two forms a person clearly meant as headers, read with a `W_HEADER_FORM` warning rather than
 * merged into the previous article's text: the Greek word `ημερομηνία` (any case, with or
 * without its accent) followed by something shaped like a date, and a line that is nothing but
 * `YYYY-MM-DD N`. The shapes are strict, so that a sentence such as `Ημερομηνία 12 Μαΐου…`
 * stays text.
 */
const GREEK_HEADER_START =
  /^(\s*)(ημερομην[ιί]α)(?:(\s*)(:)(\s*)|(\s*))(?=\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?!\d))/i;
const BARE_HEADER_START = /^(\s*)()()()()()(?=\d{4}-\d{2}-\d{2}[ \t]+\d+[ \t]*$)/;

/** Reads a header line; undefined when the line is not one. */
export function readHeader(lineText: string, line: number, file: string): Header | undefined {
  const m =
    HEADER_START.exec(lineText) ??
    GREEK_HEADER_START.exec(lineText) ??
    BARE_HEADER_START.exec(lineText);
  if (!m) return undefined;
  // With a colon: white space before and after it; without: one run (two adjacent `\s*`
  // groups would backtrack quadratically on a line of `date` and many spaces).
  const [prefix, lead = '', keyword = '', beforeColon, colon = '', afterColon, noColon] = m;
  const wsBefore = (colon ? beforeColon : noColon) ?? '';
  const wsAfter = (colon ? afterColon : '') ?? '';
  const column = lead.length + 1;
  const tokens: Token[] = [];
  for (const t of lineText.slice(prefix.length).matchAll(/\S+/g)) {
    tokens.push({ text: t[0], start: prefix.length + t.index });
  }
  const header: Header = { line, column, label: quote(lineText.trim()), diagnostics: [] };
  const error = (code: Parameters<typeof diagnostic>[0], at: number, message: string) =>
    header.diagnostics.push(diagnostic(code, file, line, at + 1, message));

  const [dateToken, ordinalToken, extra] = tokens;
  if (!dateToken) {
    error(
      'E_HEADER_DATE_INVALID',
      lineText.trimEnd().length,
      `Header ${header.label} has no date. Write the header as ${FORM}, e.g. ${EXAMPLE}.`,
    );
    return header;
  }

  const dateProblem = checkDate(dateToken.text);
  if (dateProblem) error('E_HEADER_DATE_INVALID', dateToken.start, dateProblem);

  let ordinal: number | undefined;
  if (!ordinalToken) {
    error(
      'E_HEADER_ORDINAL',
      dateToken.start + dateToken.text.length,
      `Header ${header.label} has no article number after the date. Add the article's 0-based number within its day, as in ${EXAMPLE} for the day's first article.`,
    );
  } else {
    const n = ordinalToken.text;
    if (/^\d+$/.test(n) && Number.isSafeInteger(Number(n))) {
      ordinal = Number(n);
    } else if (/^\d+$/.test(n)) {
      error(
        'E_HEADER_ORDINAL',
        ordinalToken.start,
        `Article number ${n} is too large. Number a day's articles 0, 1, 2, … in order.`,
      );
    } else if (/^-\d+$/.test(n)) {
      error(
        'E_HEADER_ORDINAL',
        ordinalToken.start,
        `Article number ${n} is negative. Number a day's articles 0, 1, 2, … in order.`,
      );
    } else {
      error(
        'E_HEADER_ORDINAL',
        ordinalToken.start,
        `Article number ${quote(n)} is not a whole number. Write the article's 0-based number within its day (0, 1, 2, …), as in ${EXAMPLE}.`,
      );
    }
  }

  if (extra) {
    error(
      'E_HEADER_TRAILING_TEXT',
      extra.start,
      `Header ${header.label} has extra text (${quote(lineText.slice(extra.start).trim())}) after the article number. Put the title on its own line after a blank line, or delete the extra text.`,
    );
  }

  if (header.diagnostics.length > 0 || ordinal === undefined) return header;
  header.date = dateToken.text;
  header.ordinal = ordinal;
  const canonical = `date ${dateToken.text} ${ordinal}`;
  header.label = `"${canonical}"`;

  // Accepted: name every way it differs from the canonical form.
  const notes: { at: number; text: string }[] = [];
  if (keyword === '') notes.push({ at: lead.length, text: 'no "date" before the date' });
  else if (keyword !== 'date') notes.push({ at: lead.length, text: `"${keyword}" for "date"` });
  if (colon) {
    notes.push({
      at: lead.length + keyword.length + wsBefore.length,
      text: 'a colon after "date"',
    });
  }
  const sepBefore = wsBefore + wsAfter;
  if (keyword === '') {
    // Nothing stands between a missing keyword and the date.
  } else if (!colon && sepBefore !== ' ') {
    notes.push({
      at: lead.length + keyword.length,
      text:
        sepBefore === ''
          ? 'no space between "date" and the date'
          : `${describeSpace(sepBefore)} between "date" and the date`,
    });
  } else if (colon) {
    if (wsBefore !== '') {
      notes.push({
        at: lead.length + keyword.length,
        text: `${describeSpace(wsBefore)} before the colon`,
      });
    }
    if (wsAfter.length > 1 || (wsAfter !== '' && wsAfter !== ' ')) {
      notes.push({
        at: lead.length + keyword.length + wsBefore.length + 1,
        text: `${describeSpace(wsAfter)} after the colon`,
      });
    }
  }
  const ord = ordinalToken as Token;
  const sepAfter = lineText.slice(dateToken.start + dateToken.text.length, ord.start);
  if (sepAfter !== ' ') {
    notes.push({
      at: dateToken.start + dateToken.text.length,
      text: `${describeSpace(sepAfter)} between the date and the number`,
    });
  }
  if (ord.text !== String(ordinal)) {
    notes.push({ at: ord.start, text: `number "${ord.text}" read as ${ordinal}` });
  }
  if (notes.length > 0) {
    header.diagnostics.push(
      diagnostic(
        'W_HEADER_FORM',
        file,
        line,
        Math.min(...notes.map((n) => n.at)) + 1,
        `Header ${quote(lineText.trim())} was read as "${canonical}" (${notes.map((n) => n.text).join('; ')}). Write headers exactly as ${FORM} to silence this warning.`,
      ),
    );
  }
  return header;
}

function describeSpace(ws: string): string {
  if (ws === '\t') return 'a tab';
  if (ws === ' ') return 'a space';
  if (/^\t+$/.test(ws)) return `${ws.length} tabs`;
  if (/^ +$/.test(ws)) return `${ws.length} spaces`;
  if (/^[ \t]+$/.test(ws)) return 'tabs and spaces';
  return 'unusual white space (such as a non-breaking space)';
}

// ---------------------------------------------------------------------------------------------
// Dates, with integer arithmetic only (no Date objects, no time zones)

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a `YYYY-MM-DD` string naming a real day of years 0001–9999 (proleptic Gregorian). */
export function isValidIsoDate(text: string): boolean {
  return checkDate(text) === undefined;
}

/** Undefined when `text` is a real `YYYY-MM-DD` day, else a message saying what to write. */
function checkDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    const loose = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
    const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
    let suggestion = 'such as 2026-01-27';
    if (loose) {
      const candidate = `${loose[1]}-${pad2(loose[2])}-${pad2(loose[3])}`;
      if (isValidIsoDate(candidate)) suggestion = `here ${candidate}`;
    } else if (dayFirst) {
      const candidate = `${dayFirst[3]}-${pad2(dayFirst[2])}-${pad2(dayFirst[1])}`;
      if (isValidIsoDate(candidate)) {
        suggestion = `year first: if you mean ${Number(dayFirst[1])} ${MONTHS[Number(dayFirst[2]) - 1]} ${dayFirst[3]}, ${candidate}`;
      }
    }
    return `Date ${quote(text)} is not written as YYYY-MM-DD. Write the date as YYYY-MM-DD, ${suggestion}.`;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const fix = 'Write a real calendar date as YYYY-MM-DD.';
  if (year === 0) return `Date ${text} does not exist: there is no year 0000. ${fix}`;
  if (month < 1 || month > 12) {
    return `Date ${text} does not exist: there is no month ${m[2]}. ${fix}`;
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `Date ${text} does not exist: ${MONTHS[month - 1]} ${year} has ${last} days. ${fix}`;
  }
  return undefined;
}

function pad2(digits: string | undefined): string {
  return (digits ?? '').padStart(2, '0');
}
