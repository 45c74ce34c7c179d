/**
 * The shortcuts that skip work when a text cannot need it (a table pass, `mayHoldMarked`, before
 * a Unicode expression; a quick test before markdown-it) must give what the full work gives,
 * for every code unit and for astral characters.
 */
import { describe, expect, it } from 'vitest';
import { inlineMarkdown, renderParagraph } from '../../src/site/markdown.ts';
import { scriptSafeJson } from '../../src/site/metadata.ts';
import { escapeXmlAttr, escapeXmlText, stripInvalidXmlChars } from '../../src/site/xml.ts';

/** Every UTF-16 code unit, lone surrogates included, and some astral characters. */
const CHARACTERS = [
  ...Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)),
  '\u{1F600}',
  '\u{E0041}',
  '\u{110BD}',
  '\u{10000}',
  '\u{10FFFF}',
];

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029\p{Cf}]/gu;

describe('stripInvalidXmlChars', () => {
  it('drops exactly what the XML 1.0 Char production leaves out, character by character', () => {
    for (const char of CHARACTERS) {
      const text = `Αθήνα ${char} 2026`;
      expect(stripInvalidXmlChars(text), char.codePointAt(0)!.toString(16)).toBe(
        text.replace(NOT_XML_CHAR, ''),
      );
    }
  });

  it('keeps a surrogate pair and drops a surrogate alone', () => {
    expect(stripInvalidXmlChars('a\u{1F600}b')).toBe('a\u{1F600}b');
    expect(stripInvalidXmlChars('a\ud83db\ude00c')).toBe('abc');
  });
});

describe('escapeXmlText and escapeXmlAttr', () => {
  /** Four named entities, and decimal references for the apostrophe and white space. */
  const NAMED: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' };
  /** The escape as the three expressions alone write it. */
  const exact = (text: string, escaped: RegExp) =>
    text
      .replace(NOT_XML_CHAR, '')
      .replace(escaped, (c) => `&${NAMED[c] ?? `#${c.charCodeAt(0)}`};`)
      .replace(
        /[\p{Cf}\u2028\u2029]/gu,
        (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`,
      );

  it('escape exactly as the expressions do, character by character', () => {
    for (const char of CHARACTERS) {
      const text = `Αθήνα ${char} 2026`;
      const code = char.codePointAt(0)!.toString(16);
      expect(escapeXmlText(text), code).toBe(exact(text, /[&<>\r]/g));
      expect(escapeXmlAttr(text), code).toBe(exact(text, /[&<>"'\t\n\r]/g));
    }
  });

  it('return a text with nothing to escape as it is', () => {
    const text = 'Η Βουλή ψήφισε «ναι» — 27/1/2026';
    expect(escapeXmlText(text)).toBe(text);
    expect(escapeXmlAttr(text)).toBe(text);
  });
});

describe('renderParagraph', () => {
  it('renders as markdown-it does, character by character', () => {
    for (const char of CHARACTERS) {
      for (const paragraph of [`Η ${char}Αθήνα${char} σήμερα`, `${char}Αθήνα`]) {
        expect(renderParagraph(paragraph), char.codePointAt(0)!.toString(16)).toBe(
          inlineMarkdown.render(paragraph),
        );
      }
    }
  });
});

describe('scriptSafeJson', () => {
  it('escapes exactly the characters a script element must not hold, character by character', () => {
    for (const char of CHARACTERS) {
      const value = { title: `Αθήνα ${char} 2026` };
      const json = scriptSafeJson(value);
      expect(json, char.codePointAt(0)!.toString(16)).toBe(
        JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) =>
          Array.from(
            { length: c.length },
            (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`,
          ).join(''),
        ),
      );
      expect(JSON.parse(json)).toEqual(value);
    }
  });
});
