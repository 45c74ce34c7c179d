/**
 * The catalogue of bad input, case by case, through the ingest layer: the exact diagnostics
 * (code, severity, file, line, column, message), what is published and rejected, and the
 * accounting invariants. `cli.test.ts` builds the same cases through the real command.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent, type ReadContentResult } from '../../src/ingest/read-content.ts';
import {
  CASES,
  FIXTURES,
  hasFixture,
  materialise,
  missingRequirement,
  type HostileCase,
} from './catalogue.ts';
import { expectAccounted, expectWellFormed, removeTemps, tempDir } from './support.ts';

const DOC = fileURLToPath(new URL('../../docs/bad-input.md', import.meta.url));

afterAll(removeTemps);

function readCase(c: HostileCase): ReadContentResult {
  const content = tempDir();
  materialise(c, path.join(content, 'articles'));
  return c.read ? c.read(content) : readContent(content);
}

describe('the catalogue of bad input', () => {
  it('has at least 40 cases, each with a unique id, in four groups', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.group))).toEqual(
      new Set(['Encodings', 'Structure', 'Content', 'Files']),
    );
  });

  it('has a committed fixture or a generator for every case, and no stray fixture', () => {
    for (const c of CASES) {
      expect(hasFixture(c) || c.generate !== undefined, c.id).toBe(true);
    }
    const folders = fs.readdirSync(FIXTURES).filter((n) => !n.startsWith('.'));
    expect(folders.filter((f) => !CASES.some((c) => c.id === f))).toEqual([]);
  });

  it('matches docs/bad-input.md row by row: input, outcome and codes', () => {
    const rows = new Map<string, { outcome: string; codes: string[] }>();
    for (const line of fs.readFileSync(DOC, 'utf8').split('\n')) {
      const m =
        /^\|\s*`([a-z]{3}-\d{2}-[a-z0-9-]+)`\s*\|.*\|\s*(accepted|warning|rejected)\s*\|(.*)\|$/.exec(
          line,
        );
      if (!m) continue;
      const codes = [...(m[3] ?? '').matchAll(/`([EW]_[A-Z0-9_]+)`/g)].map((x) => x[1] as string);
      rows.set(m[1] as string, { outcome: m[2] as string, codes });
    }
    expect([...rows.keys()]).toEqual(CASES.map((c) => c.id));
    const count = (outcome: string) => CASES.filter((c) => c.outcome === outcome).length;
    expect(fs.readFileSync(DOC, 'utf8')).toContain(
      `${CASES.length} cases: **${count('accepted')} accepted, ${count('warning')} accepted with a warning, ${count('rejected')} rejected.**`,
    );
    for (const c of CASES) {
      const codes = [...new Set(c.diagnostics.map(([code]) => code))];
      expect(rows.get(c.id), c.id).toEqual({ outcome: c.outcome, codes });
    }
  });
});

describe.each(['Encodings', 'Structure', 'Content', 'Files'])('%s', (group) => {
  for (const c of CASES.filter((x) => x.group === group)) {
    const missing = missingRequirement(c);
    const name = missing ? `${c.id} — skipped: ${missing}` : `${c.id}: ${c.input}`;
    it.skipIf(missing !== undefined)(name, () => {
      const r = readCase(c);

      const got = r.diagnostics.map((d) => [
        d.code,
        d.file.replace(/^articles\//, ''),
        d.line,
        d.column,
      ]);
      expect(got).toEqual(
        c.diagnostics.map(([code, file, line, column]) => [code, file, line, column]),
      );
      c.diagnostics.forEach(([, , , , pattern], i) => {
        if (pattern) expect(r.diagnostics[i]?.message).toMatch(pattern);
      });
      for (const d of r.diagnostics) expectWellFormed(d);

      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      if (c.outcome === 'accepted') expect(r.diagnostics).toEqual([]);
      if (c.outcome === 'warning') {
        expect(r.diagnostics.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      }
      if (c.outcome === 'rejected') expect(errors.length).toBeGreaterThan(0);

      if (c.publishedCount === undefined) {
        expect(r.articles.map((a) => `${a.date}-${a.ordinal}`).sort()).toEqual(
          [...c.published].sort(),
        );
      } else {
        expect(r.articles).toHaveLength(c.publishedCount);
      }
      expect(r.counts.rejected).toBe(c.rejected);
      expect(r.counts.files).toBe(c.files);
      expectAccounted(r);
      c.check?.(r);
    });
  }
});
