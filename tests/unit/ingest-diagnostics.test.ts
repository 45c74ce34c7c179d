import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DIAGNOSTIC_CODES,
  compareDiagnostics,
  diagnostic,
  quote,
  type DiagnosticCode,
} from '../../src/ingest/diagnostics.ts';

const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

describe('ingest diagnostic codes', () => {
  it('are stable names whose prefix matches their severity, each with a one-line summary', () => {
    for (const code of codes) {
      const { severity, summary } = DIAGNOSTIC_CODES[code];
      expect(code).toMatch(/^[EW]_[A-Z0-9_]+$/);
      expect(severity).toBe(code.startsWith('E_') ? 'error' : 'warning');
      expect(summary).toMatch(/^[A-Z].*\.$/);
      expect(summary).not.toContain('\n');
    }
  });

  it('include the codes other layers and the README rely on', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'E_HEADER_DATE_INVALID',
        'E_HEADER_ORDINAL',
        'E_TITLE_MISSING',
        'E_BODY_MISSING',
        'E_TEXT_BEFORE_HEADER',
        'E_DUPLICATE_ID',
        'E_NOT_TEXT',
        'E_UNREADABLE',
        'E_ARTICLES_DIR_MISSING',
        'W_ENCODING_LEGACY',
        'W_INVALID_UTF8',
        'W_HEADER_FORM',
      ]),
    );
  });

  it('are each produced by some ingest test', () => {
    const dir = new URL('./', import.meta.url);
    const hostile = new URL('../hostile/', import.meta.url);
    const tests = [
      ...fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('ingest-') && f !== 'ingest-diagnostics.test.ts')
        .map((f) => new URL(f, dir)),
      // The catalogue of bad input exercises the codes its cases were added for.
      new URL('catalogue.ts', hostile),
      new URL('ingest-fixes.test.ts', hostile),
    ]
      .map((url) => fs.readFileSync(url, 'utf8'))
      .join('\n');
    expect(codes.filter((code) => !tests.includes(`'${code}'`))).toEqual([]);
  });
});

describe('diagnostic()', () => {
  it('takes the severity from the code', () => {
    expect(diagnostic('E_TITLE_MISSING', 'articles/a.txt', 3, 2, 'Do this.')).toEqual({
      code: 'E_TITLE_MISSING',
      severity: 'error',
      file: 'articles/a.txt',
      line: 3,
      column: 2,
      message: 'Do this.',
    });
    expect(diagnostic('W_HEADER_FORM', 'a', 1, 1, 'x').severity).toBe('warning');
  });

  it('orders by file, line, column', () => {
    const ds = [
      diagnostic('E_BODY_MISSING', 'b', 1, 1, ''),
      diagnostic('E_BODY_MISSING', 'a', 2, 5, ''),
      diagnostic('E_BODY_MISSING', 'a', 2, 1, ''),
      diagnostic('E_BODY_MISSING', 'a', 10, 1, ''),
    ];
    expect(ds.sort(compareDiagnostics).map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'a:2:1',
      'a:2:5',
      'a:10:1',
      'b:1:1',
    ]);
  });

  it('quotes user text visibly and briefly', () => {
    expect(quote('a\tb')).toBe('"a\\tb"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`);
  });
});
