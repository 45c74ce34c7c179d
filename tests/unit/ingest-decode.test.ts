import { describe, expect, it } from 'vitest';
import { decode, greekCodePageVotes, scanUtf8 } from '../../src/ingest/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Encodes text in a single-byte code page by inverting the platform's own decoder. */
function encodeLegacy(text: string, encoding: 'windows-1253' | 'iso-8859-7'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const c = decoder.decode(Uint8Array.of(b));
    if (c !== '\uFFFD' && !byChar.has(c)) byChar.set(c, b);
  }
  return Uint8Array.from([...text], (c) => {
    const b = byChar.get(c);
    if (b === undefined) throw new Error(`${c} is not in ${encoding}`);
    return b;
  });
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array(le);
}

const ARTICLE = 'date 2026-01-27 0\n\nΆμυνα και διπλωματία\n\nΟ υπουργός Άμυνας μίλησε σήμερα.\n';

describe('decode: UTF-8 and byte order marks', () => {
  it('reads valid UTF-8 as is', () => {
    const r = decode(utf8(ARTICLE));
    expect(r).toEqual({ text: ARTICLE, encoding: 'utf-8', warnings: [] });
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });

  it('drops a UTF-8 byte order mark', () => {
    const r = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]));
    expect(r.text).toBe(ARTICLE);
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([]);
  });

  it('reads UTF-16 LE and BE with a byte order mark', () => {
    const le = decode(utf16(ARTICLE, 'le', true));
    expect(le).toEqual({ text: ARTICLE, encoding: 'utf-16le', warnings: [] });
    const be = decode(utf16(ARTICLE, 'be', true));
    expect(be).toEqual({ text: ARTICLE, encoding: 'utf-16be', warnings: [] });
  });

  it('reads BOM-less UTF-16 (NUL bytes on one side only) with a warning', () => {
    const le = decode(utf16(ARTICLE, 'le', false));
    expect(le.text).toBe(ARTICLE);
    expect(le.encoding).toBe('utf-16le');
    expect(le.warnings.map((w) => w.code)).toEqual(['W_ENCODING_GUESSED']);
    expect(le.warnings[0]?.message).toContain('UTF-16LE');
    const be = decode(utf16(ARTICLE, 'be', false));
    expect(be.text).toBe(ARTICLE);
    expect(be.encoding).toBe('utf-16be');
  });

  it('replaces a lone surrogate in UTF-16 and says where', () => {
    const bytes = utf16('date 2026-01-27 0\n\nab\uD800cd', 'le', true);
    const r = decode(bytes);
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe('date 2026-01-27 0\n\nab\uFFFDcd');
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'W_INVALID_UTF16', line: 3, column: 3 }),
    ]);
  });

  it('refuses UTF-32 with a clear error', () => {
    const r = decode(Uint8Array.from([0xff, 0xfe, 0, 0, 0x64, 0, 0, 0]));
    expect(r.text).toBe('');
    expect(r.error?.code).toBe('E_ENCODING_UNSUPPORTED');
    expect(r.error?.message).toContain('UTF-8');
  });
});

describe('decode: newlines and normalisation', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(decode(utf8('a\r\nb\rc\n\r\nd')).text).toBe('a\nb\nc\n\nd');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Α\u0301μυνα'; // Α + combining acute
    expect(decode(utf8(decomposed)).text).toBe('Άμυνα');
    expect(decode(utf8(decomposed)).text).toHaveLength(5);
  });

  it('removes stray control characters with a warning at the first one', () => {
    const r = decode(utf8('date 2026-01-27 0\r\n\r\nTi\u0007tle\u0008\n\nBody\u001B.'));
    expect(r.text).toBe('date 2026-01-27 0\n\nTitle\n\nBody.');
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'W_CONTROL_CHARS', line: 3, column: 3 }),
    ]);
    expect(r.warnings[0]?.message).toMatch(/3 invisible control character.*U\+0007/);
  });

  it('keeps tabs and drops a DOS end-of-file mark silently', () => {
    const r = decode(Uint8Array.from([...utf8('a\tb\n'), 0x1a]));
    expect(r.text).toBe('a\tb\n');
    expect(r.warnings).toEqual([]);
  });

  it('drops zero-width no-break spaces left by concatenated files', () => {
    const r = decode(utf8('a\n\uFEFFdate 2026-01-27 0\n'));
    expect(r.text).toBe('a\ndate 2026-01-27 0\n');
  });
});

describe('decode: legacy Greek code pages', () => {
  it('tells Windows-1253 from ISO-8859-7 by the byte of Ά (0xA2 vs 0xB6)', () => {
    const win = encodeLegacy(ARTICLE, 'windows-1253');
    const iso = encodeLegacy(ARTICLE, 'iso-8859-7');
    expect(win.includes(0xa2)).toBe(true);
    expect(iso.includes(0xb6)).toBe(true);

    const a = decode(win);
    expect(a.encoding).toBe('windows-1253');
    expect(a.text).toBe(ARTICLE);
    expect(a.text).not.toContain('’μυνα');
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toMatchObject({ code: 'W_ENCODING_LEGACY', line: 3, column: 1 });
    expect(a.warnings[0]?.message).toContain('Windows-1253');

    const b = decode(iso);
    expect(b.encoding).toBe('iso-8859-7');
    expect(b.text).toBe(ARTICLE);
    expect(b.text).not.toContain('¶μυνα');
    expect(b.warnings[0]).toMatchObject({ code: 'W_ENCODING_LEGACY', line: 3, column: 1 });
    expect(b.warnings[0]?.message).toContain('ISO-8859-7');
  });

  it('takes printable 0x80–0x9F (curly quotes, dashes) as Windows-1253', () => {
    const text = 'date 2026-01-27 0\n\nΟ “τίτλος” – και η συνέχεια…\n';
    const bytes = encodeLegacy(text, 'windows-1253');
    expect(bytes.some((b) => b >= 0x80 && b <= 0x9f)).toBe(true);
    const r = decode(bytes);
    expect(r.encoding).toBe('windows-1253');
    expect(r.text).toBe(text);
    expect(greekCodePageVotes(bytes).iso88597).toBe(0);
  });

  it('takes 0xA2 after a letter (an apostrophe) as ISO-8859-7', () => {
    const text = 'date 2026-01-27 0\n\nσ’ αυτό το θέμα\n';
    const bytes = encodeLegacy(text, 'iso-8859-7');
    expect(bytes.includes(0xa2)).toBe(true);
    const r = decode(bytes);
    expect(r.encoding).toBe('iso-8859-7');
    expect(r.text).toBe(text);
  });

  it('says when both code pages give the same text', () => {
    const text = 'date 2026-01-27 0\n\nκαλημέρα σας\n';
    const r = decode(encodeLegacy(text, 'iso-8859-7'));
    expect(r.text).toBe(text);
    expect(r.encoding).toBe('windows-1253');
    expect(r.warnings[0]?.message).toContain('ISO-8859-7 would give the same text');
  });

  it('counts votes for each code page', () => {
    expect(greekCodePageVotes(Uint8Array.from([0xa2, 0xec]))).toEqual({
      windows1253: 1,
      iso88597: 0,
    });
    expect(greekCodePageVotes(Uint8Array.from([0xb6, 0xec]))).toEqual({
      windows1253: 0,
      iso88597: 1,
    });
    expect(greekCodePageVotes(Uint8Array.from([0x93, 0x94]))).toEqual({
      windows1253: 4,
      iso88597: 0,
    });
  });
});

describe('decode: mostly UTF-8 with a few bad bytes', () => {
  it('keeps UTF-8, replaces the bad byte and points at it', () => {
    const good = utf8('date 2026-01-27 0\n\nΣυναμίλησαν οι υπουργοί\n\nΟ Κι');
    const rest = utf8('νέζος υπουργός Άμυνας δήλωσε σήμερα.\n');
    const r = decode(Uint8Array.from([...good, 0xff, ...rest]));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(
      'date 2026-01-27 0\n\nΣυναμίλησαν οι υπουργοί\n\nΟ Κι\uFFFDνέζος υπουργός Άμυνας δήλωσε σήμερα.\n',
    );
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'W_INVALID_UTF8', line: 5, column: 5 });
    expect(r.warnings[0]?.message).toContain('0xFF');
  });

  it('counts CRLF as one line break when locating the bad byte', () => {
    const r = decode(
      Uint8Array.from([...utf8('Άμυνα\r\nΆμυνα\r\nΆμυνα\r\nαβ'), 0xc0, ...utf8('γ\r\n')]),
    );
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings[0]).toMatchObject({ code: 'W_INVALID_UTF8', line: 4, column: 3 });
    expect(r.text).toBe('Άμυνα\nΆμυνα\nΆμυνα\nαβ\uFFFDγ\n');
  });

  it('keeps UTF-8 after a BOM even when much is invalid', () => {
    const r = decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xe1, 0xe2, 0x62]));
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings[0]?.code).toBe('W_INVALID_UTF8');
  });

  it('scans UTF-8 the WHATWG way', () => {
    expect(scanUtf8(utf8('aάb€😀'))).toEqual({ multibyte: 3, invalid: 0, firstBad: 7 + 4 });
    // overlong, surrogate, truncated
    expect(scanUtf8(Uint8Array.from([0x61, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe2, 0x82]))).toEqual({
      multibyte: 0,
      invalid: 6,
      firstBad: 1,
    });
  });
});

describe('decode: not text', () => {
  it('refuses a PNG image', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const r = decode(png);
    expect(r.text).toBe('');
    expect(r.error).toMatchObject({ code: 'E_NOT_TEXT', line: 1, column: 1 });
    expect(r.error?.message).toContain('not text');
    expect(r.error?.message).toContain('PNG');
  });

  it('refuses NUL bytes that are not UTF-16', () => {
    const r = decode(Uint8Array.from([0x64, 0x61, 0, 0, 0x74, 0, 0x65, 0x0a, 0, 0x41]));
    expect(r.error?.code).toBe('E_NOT_TEXT');
    expect(r.error?.message).toContain('NUL');
  });

  it('refuses a file full of control characters', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) =>
      i % 7 === 0 ? 0x03 : 0x41 + (i % 26),
    );
    const r = decode(bytes);
    expect(r.error?.code).toBe('E_NOT_TEXT');
    expect(r.error?.message).toMatch(/29 of its 200 characters are control characters/);
  });
});
