/**
 * Bytes → text: byte order marks, strict UTF-8, the two legacy Greek code pages, binary
 * detection, then one newline convention (LF), no stray control characters, and Unicode NFC.
 */
import { isUtf8 } from 'node:buffer';
import type { DiagnosticCode } from './diagnostics.ts';
import { decodeValidUtf8 } from './utf8.ts';

/** A problem found while decoding. Line and column are 1-based, in the decoded text. */
export interface DecodeIssue {
  code: DiagnosticCode;
  message: string;
  line: number;
  column: number;
}

export interface DecodeResult {
  /** The decoded text: LF line breaks, NFC, no BOM, no control characters but tab and LF. */
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be`, `windows-1253`, `iso-8859-7`, or `unknown` on error. */
  encoding: string;
  warnings: DecodeIssue[];
  /** Present when the bytes are not text this can read; `text` is then empty. */
  error?: DecodeIssue;
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

/** Magic numbers of binary files that might land in an articles folder by mistake. */
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word/OpenDocument file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an executable program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'an old Word document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

const SAVE_AS_UTF8 = 'save the file as UTF-8 text';

export function decode(bytes: Uint8Array): DecodeResult {
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (signature) {
    return notText(
      'unknown',
      `This file is not text: it looks like ${signature.name}. Move it out of the articles folder, or save the article as plain UTF-8 text.`,
    );
  }

  const b0 = bytes[0];
  const b1 = bytes[1];
  if (
    (b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    return {
      text: '',
      encoding: 'utf-32',
      warnings: [],
      error: issue(
        'E_ENCODING_UNSUPPORTED',
        `This file is UTF-32, which ephemeris does not read. Please ${SAVE_AS_UTF8} and build again.`,
      ),
    };
  }
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return finish(decodeUtf8(bytes.subarray(3), true));
  }
  if (b0 === 0xff && b1 === 0xfe) return finish(decodeUtf16(bytes.subarray(2), 'utf-16le', []));
  if (b0 === 0xfe && b1 === 0xff) return finish(decodeUtf16(bytes.subarray(2), 'utf-16be', []));

  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes);
    if (!utf16 && fewNuls(bytes)) {
      // A text file with a few stray NUL bytes (a bad copy, a crash while saving): the NULs are
      // removed with the other control characters, and the text is kept.
      return finish(decodeUtf8(bytes, false));
    }
    if (!utf16) {
      return notText(
        'unknown',
        `This file is not text: it contains NUL bytes, as binary files do. Move it out of the articles folder, or ${SAVE_AS_UTF8}.`,
      );
    }
    const guessed = issue(
      'W_ENCODING_GUESSED',
      `This file has no byte order mark but looks like ${utf16.toUpperCase()}; it was read as such. Check the text on the site, and save the file as UTF-8 to silence this warning.`,
    );
    return finish(decodeUtf16(bytes, utf16, [guessed]));
  }

  return finish(decodeUtf8(bytes, false));
}

interface Decoded {
  text: string;
  encoding: string;
  warnings: DecodeIssue[];
}

function issue(code: DiagnosticCode, message: string, line = 1, column = 1): DecodeIssue {
  return { code, message, line, column };
}

function notText(encoding: string, message: string): DecodeResult {
  return { text: '', encoding, warnings: [], error: issue('E_NOT_TEXT', message) };
}

/**
 * UTF-8, strictly. If that fails: a file that is mostly valid UTF-8 keeps UTF-8 with the bad
 * bytes replaced; otherwise (only when there was no BOM) it is a legacy Greek code page.
 */
function decodeUtf8(bytes: Uint8Array, hadBom: boolean): Decoded {
  // Valid UTF-8, nearly every file: Node's own check is many times faster than a fatal
  // TextDecoder, and the conversion that follows needs no checks.
  if (isUtf8(bytes)) return { text: decodeValidUtf8(bytes), encoding: 'utf-8', warnings: [] };
  try {
    return { text: UTF8_FATAL.decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    // Not valid UTF-8: find out how far from it.
  }
  const scan = scanUtf8(bytes);
  const prefix = UTF8_LENIENT.decode(bytes.subarray(0, scan.firstBad));
  const at = endPosition(prefix);
  const hex = hexByte(bytes[scan.firstBad] ?? 0);
  if (hadBom || scan.multibyte >= 4 * scan.invalid) {
    const count =
      scan.invalid === 1
        ? `an invalid byte (${hex}) at this position; it was`
        : `${scan.invalid} invalid bytes or sequences, the first (${hex}) at this position; each was`;
    return {
      text: UTF8_LENIENT.decode(bytes),
      encoding: 'utf-8',
      warnings: [
        issue(
          'W_INVALID_UTF8',
          `This UTF-8 file has ${count} replaced with "\uFFFD". Retype the damaged text, or ${SAVE_AS_UTF8} again.`,
          at.line,
          at.column,
        ),
      ],
    };
  }
  return decodeLegacyGreek(bytes, at);
}

/** Windows-1253 or ISO-8859-7, decided by the bytes on which they disagree. */
function decodeLegacyGreek(bytes: Uint8Array, firstNonUtf8: { line: number; column: number }) {
  const votes = greekCodePageVotes(bytes);
  const encoding = votes.iso88597 > votes.windows1253 ? 'iso-8859-7' : 'windows-1253';
  const text = new TextDecoder(encoding).decode(bytes);
  const name =
    encoding === 'iso-8859-7' ? 'ISO-8859-7 (Greek, ISO)' : 'Windows-1253 (Greek, Windows)';
  let why: string;
  if (votes.windows1253 === 0 && votes.iso88597 === 0) {
    why = 'ISO-8859-7 would give the same text';
  } else {
    why = `of the bytes on which the two Greek code pages differ, ${votes.windows1253} point to Windows-1253 and ${votes.iso88597} to ISO-8859-7`;
  }
  return {
    text,
    encoding,
    warnings: [
      issue(
        'W_ENCODING_LEGACY',
        `This file is not UTF-8; it was read as ${name}: ${why}. Check that the Greek text (e.g. "Ά") looks right on the site, and ${SAVE_AS_UTF8} to silence this warning.`,
        firstNonUtf8.line,
        firstNonUtf8.column,
      ),
    ],
  };
}

/** Bytes 0x80–0x9F that are characters in Windows-1253 but C1 controls in ISO-8859-7. */
const WIN1253_ONLY = new Set([
  0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x89, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97,
  0x99, 0x9b,
]);

function isGreekLetterByte(b: number | undefined): boolean {
  // Α–Ω and α–ω with their accented forms, in both code pages (0xD2 is unassigned).
  return b !== undefined && b >= 0xc1 && b <= 0xfe && b !== 0xd2;
}

/**
 * Counts the signs for each code page. `Ά` is 0xA2 in Windows-1253 and 0xB6 in ISO-8859-7, so
 * either byte before a Greek letter is a strong sign; 0xA1/0xA2 elsewhere are ISO-8859-7 quote
 * marks; printable 0x80–0x9F (curly quotes, dashes, €) exist only in Windows-1253.
 */
export function greekCodePageVotes(bytes: Uint8Array): { windows1253: number; iso88597: number } {
  let windows1253 = 0;
  let iso88597 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    if (WIN1253_ONLY.has(b)) windows1253 += 2;
    else if (b === 0xa2) {
      if (isGreekLetterByte(bytes[i + 1])) windows1253 += 1;
      else iso88597 += 1;
    } else if (b === 0xb6) {
      if (isGreekLetterByte(bytes[i + 1])) iso88597 += 1;
      else windows1253 += 1;
    } else if (b === 0xa1) iso88597 += 1;
    else if (b === 0xae) windows1253 += 1;
  }
  return { windows1253, iso88597 };
}

/** Walks bytes as UTF-8 (WHATWG rules): valid multi-byte sequences, invalid ones, first bad offset. */
export function scanUtf8(bytes: Uint8Array): {
  multibyte: number;
  invalid: number;
  firstBad: number;
} {
  let multibyte = 0;
  let invalid = 0;
  let firstBad = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; ok && k < need; k++, j++) {
      const x = bytes[j];
      if (x === undefined || x < lo || x > hi) ok = false;
      lo = 0x80;
      hi = 0xbf;
      if (!ok) break;
    }
    if (ok) {
      multibyte++;
      i = j;
    } else {
      invalid++;
      if (firstBad < 0) firstBad = i;
      i = Math.max(j, i + 1);
    }
  }
  return { multibyte, invalid, firstBad: firstBad < 0 ? n : firstBad };
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  warnings: DecodeIssue[],
): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding, warnings };
  } catch {
    // Lone surrogates or an odd number of bytes.
  }
  const lenient = new TextDecoder(encoding, { ignoreBOM: true });
  const bad = firstBadUtf16Unit(bytes, encoding === 'utf-16le');
  const at = endPosition(lenient.decode(bytes.subarray(0, bad * 2)));
  return {
    text: lenient.decode(bytes),
    encoding,
    warnings: [
      ...warnings,
      issue(
        'W_INVALID_UTF16',
        `This UTF-16 file has invalid code units (a broken surrogate pair or a missing last byte), the first at this position; each was replaced with "\uFFFD". Retype the damaged text, or ${SAVE_AS_UTF8}.`,
        at.line,
        at.column,
      ),
    ],
  };
}

/** Index (in 16-bit units) of the first lone surrogate or trailing odd byte. */
function firstBadUtf16Unit(bytes: Uint8Array, littleEndian: boolean): number {
  const units = bytes.length >> 1;
  const unit = (k: number) =>
    littleEndian
      ? (bytes[2 * k] as number) | ((bytes[2 * k + 1] as number) << 8)
      : ((bytes[2 * k] as number) << 8) | (bytes[2 * k + 1] as number);
  for (let k = 0; k < units; k++) {
    const u = unit(k);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = k + 1 < units ? unit(k + 1) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) k++;
      else return k;
    } else if (u >= 0xdc00 && u <= 0xdfff) return k;
  }
  return units;
}

/**
 * BOM-less UTF-16: text in it has NUL bytes on one side of each 16-bit unit only (the high
 * byte of ASCII characters), where binary files have them on both.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.05 && evenZeros <= pairs * 0.01) return 'utf-16le';
  if (evenZeros >= pairs * 0.05 && oddZeros <= pairs * 0.01) return 'utf-16be';
  return undefined;
}

// C0 controls but tab and LF (CR is gone by then), DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// C0 controls that never occur in text files (not tab, LF, VT, FF, CR, or SUB at the end).
// eslint-disable-next-line no-control-regex
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u0019\u001B-\u001F]/g;

/**
 * At most this share of a file's bytes or characters may be NUL for it to count as text whose
 * NULs are damage (removed with a warning) rather than a binary file.
 */
const MAX_NUL_SHARE = 0.01;

function fewNuls(bytes: Uint8Array): boolean {
  let nuls = 0;
  for (const b of bytes) if (b === 0) nuls++;
  return nuls <= bytes.length * MAX_NUL_SHARE;
}

/** Newlines to LF, binary check, control and invisible characters removed, NFC. */
function finish(decoded: Decoded): DecodeResult {
  const warnings = decoded.warnings;
  let text = decoded.text.replace(/\r\n?/g, '\n');
  const nuls = text.includes('\u0000') ? text.split('\u0000').length - 1 : 0;
  if (nuls > text.length * MAX_NUL_SHARE) {
    return notText(
      decoded.encoding,
      `This file is not text: it contains NUL characters, as binary files do. Move it out of the articles folder, or ${SAVE_AS_UTF8}.`,
    );
  }
  const binaryControls = text.match(BINARY_CONTROL)?.length ?? 0;
  if (binaryControls >= 4 && binaryControls * 50 > text.length) {
    return notText(
      decoded.encoding,
      `This file is not text: ${binaryControls} of its ${text.length} characters are control characters. Move it out of the articles folder, or ${SAVE_AS_UTF8}.`,
    );
  }
  if (text.endsWith('\u001A')) text = text.slice(0, -1); // DOS end-of-file mark
  // Both are located in the same text, before anything is removed: positions as in the file.
  const invisible = findInvisible(text);
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (first) {
    const at = endPosition(text.slice(0, first.index));
    const count = text.match(CONTROL)?.length ?? 0;
    const code = (first[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    warnings.push(
      issue(
        'W_CONTROL_CHARS',
        `This file has ${count} invisible control character(s), the first (U+${code}) at this position; they were removed. Delete them in your editor to silence this warning.`,
        at.line,
        at.column,
      ),
    );
    text = text.replace(CONTROL, '');
  }
  if (invisible) {
    warnings.push(invisible);
    text = removeInvisible(text);
  }
  text = text.replaceAll('\uFEFF', '').normalize('NFC');
  return { text, encoding: decoded.encoding, warnings };
}

// ---------------------------------------------------------------------------------------------
// Invisible formatting characters

/**
 * Invisible format characters (Unicode category Cf) that have no business in Greek news text and
 * can mislead a reader or a search: bidirectional embeddings, overrides, isolates and marks
 * (which can show text in another order than it is stored: "Trojan Source"), zero-width
 * spaces and joiners, word joiners, soft hyphens, invisible operators, and tag characters.
 * The BOM (U+FEFF) is dropped silently elsewhere; the visible Cf signs of Arabic, Syriac,
 * Kaithi and Egyptian numbers and annotations are kept. Zero-width joiners and non-joiners
 * are kept between two characters that need them (emoji sequences, Arabic or Indic letters),
 * and tag characters inside a flag emoji sequence (🏴 + tags + U+E007F).
 */
const INVISIBLE =
  /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|(?![\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\uFEFF\u{110BD}\u{110CD}\u{13430}-\u{1345F}])\p{Cf}/gu;

/** Neighbours next to which a zero-width (non-)joiner does nothing: Greek, Latin, digits, spaces. */
const PLAIN = /^[\p{sc=Greek}\p{sc=Latin}\p{N}\p{P}\p{Z}\s]$/u;

const INVISIBLE_NAMES: Record<string, string> = {
  '\u00AD': 'SOFT HYPHEN',
  '\u061C': 'ARABIC LETTER MARK',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2063': 'INVISIBLE SEPARATOR',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** True when the invisible character matched at `index` is to be removed. */
function isRemovable(text: string, match: string, index: number): boolean {
  if (match.length > 2) return false; // a whole flag emoji sequence
  if (match !== '\u200C' && match !== '\u200D') return true;
  const lowSurrogateBefore = /[\uDC00-\uDFFF]/.test(text[index - 1] ?? '');
  const prev = lowSurrogateBefore ? text.slice(index - 2, index) : (text[index - 1] ?? ' ');
  const next = String.fromCodePoint(text.codePointAt(index + 1) ?? 0x20);
  return PLAIN.test(prev) || PLAIN.test(next);
}

/**
 * A fast test that `INVISIBLE` may match: any format character (Cf) of the Basic Multilingual
 * Plane, or any surrogate (astral characters are left to the exact expression). `INVISIBLE`
 * runs a look-ahead at every position, most of the time spent reading a file that has none.
 */
const MAYBE_INVISIBLE = (() => {
  const format = /^\p{Cf}$/u;
  let units = '';
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code < 0xe000) continue;
    if (format.test(String.fromCharCode(code))) units += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return new RegExp(`[${units}\\ud800-\\udfff]`);
})();

/** The warning for the invisible characters `removeInvisible` would remove, if any. */
function findInvisible(text: string): DecodeIssue | undefined {
  if (!MAYBE_INVISIBLE.test(text)) return undefined;
  let count = 0;
  let first: { index: number; char: string } | undefined;
  for (const m of text.matchAll(INVISIBLE)) {
    if (!isRemovable(text, m[0], m.index)) continue;
    count++;
    first ??= { index: m.index, char: m[0] };
  }
  if (!first) return undefined;
  const at = endPosition(text.slice(0, first.index));
  const hex = (first.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const name = INVISIBLE_NAMES[first.char];
  const what = name ? `U+${hex} ${name}` : `U+${hex}`;
  return issue(
    'W_INVISIBLE_CHARS',
    `This file has ${count} invisible formatting character(s) (zero-width, bidirectional or similar), the first (${what}) at this position; they were removed, since they can hide text or show it in another order than it is written. Delete them in your editor to silence this warning.`,
    at.line,
    at.column,
  );
}

function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, (m: string, index: number) =>
    isRemovable(text, m, index) ? '' : m,
  );
}

/** 1-based line and column just past the end of `prefix` (columns count code points). */
function endPosition(prefix: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && prefix.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++; // a low surrogate ends a character already counted
  }
  return { line, column };
}

function hexByte(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}
