import { mayHoldMarked, unitsMatching } from '../unit-table.ts';

/**
 * Markup helpers shared by the feeds, the sitemaps and the page metadata: escaping that is
 * safe in XML 1.0 and in HTML alike, and absolute URLs built from the site's public base URL.
 */

/**
 * Everything outside XML 1.0's `Char` production: C0 controls other than tab, line feed and
 * carriage return (NUL included), lone surrogates, U+FFFE and U+FFFF. No escape can carry
 * them (`&#0;` is itself ill-formed), so they are dropped.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Invisible format characters (bidi controls, zero-width characters, the BOM, soft hyphens,
 * tag characters) and the Unicode line and paragraph separators. They are legal and kept, but
 * written as character references so that nobody reading the file is misled by them.
 */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function charRef(char: string): string {
  return `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`;
}

/** The code units that are no XML character on their own (surrogates are looked at apart). */
const NOT_XML_UNIT = unitsMatching(NOT_XML_CHAR);

/** Drops the characters that XML 1.0 cannot contain in any form. */
export function stripInvalidXmlChars(text: string): string {
  return mayHoldMarked(NOT_XML_UNIT, text) ? text.replace(NOT_XML_CHAR, '') : text;
}

/** The characters `escapeXmlText` and `escapeXmlAttr` write as references (see them). */
const TEXT_ESCAPES = /[&<>\r]/g;
const ATTRIBUTE_ESCAPES = /[&<>"'\t\n\r]/g;

/**
 * The code units that escaping with `escapes` changes: no XML character, escaped, or invisible.
 * A text with none of them is its own escape, found in one pass instead of the three of
 * `escape` (the feeds, sitemaps and metadata escape every title and excerpt of the archive).
 */
function changedUnits(escapes: RegExp): Uint8Array {
  return unitsMatching(
    new RegExp(`${NOT_XML_CHAR.source}|${escapes.source}|${INVISIBLE.source}`, 'u'),
  );
}

const TEXT_CHANGED_UNIT = changedUnits(TEXT_ESCAPES);
const ATTRIBUTE_CHANGED_UNIT = changedUnits(ATTRIBUTE_ESCAPES);

function escape(text: string, escapes: RegExp, changed: Uint8Array): string {
  if (!mayHoldMarked(changed, text)) return text;
  return stripInvalidXmlChars(text)
    .replace(escapes, (char) => XML_ESCAPES[char] ?? char)
    .replace(INVISIBLE, charRef);
}

/**
 * Text content of an XML (or HTML) element. `>` is escaped too, so `]]>` can never appear;
 * a carriage return becomes `&#13;` so that the parser's newline handling cannot change it.
 */
export function escapeXmlText(text: string): string {
  return escape(text, TEXT_ESCAPES, TEXT_CHANGED_UNIT);
}

/**
 * An attribute value, always written in double quotes. Tabs and newlines are escaped so that
 * attribute-value normalisation keeps them. Safe in HTML attributes as well.
 */
export function escapeXmlAttr(value: string): string {
  return escape(value, ATTRIBUTE_ESCAPES, ATTRIBUTE_CHANGED_UNIT);
}
