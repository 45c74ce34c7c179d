import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareBuild } from '../../src/archive/load-archive.ts';
import { MentionInterner } from '../../src/archive/mentions.ts';
import type { NameMention } from '../../src/model.ts';

const macron: NameMention = {
  key: 'μακρον',
  name: 'Μακρόν',
  kind: 'person',
  count: 1,
  slug: 'makron',
};

describe('shared name mentions', () => {
  it('gives one object per distinct mention, and tells apart any field', () => {
    const interner = new MentionInterner();
    const first = interner.intern(macron);
    expect(interner.intern({ ...macron })).toBe(first);
    for (const change of [
      { count: 2 },
      { name: 'Εμανουέλ Μακρόν' },
      { kind: 'organisation' as const },
      { slug: 'emmanouel-makron' },
    ]) {
      const other = { ...macron, ...change };
      expect(interner.intern(other)).toBe(other);
      expect(interner.intern({ ...other })).toBe(other);
    }
    const names = [{ ...macron }, { ...macron, count: 2 }];
    interner.internAll(names);
    expect(names[0]).toBe(first);
    expect(names[1]).toEqual({ ...macron, count: 2 });
  });

  const root = mkdtempSync(path.join(tmpdir(), 'ephemeris-mentions-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const articles = path.join(root, 'articles');
  mkdirSync(articles, { recursive: true });
  const day = (date: string) =>
    [0, 1]
      .map(
        (n) =>
          `date ${date} ${n}\n\nΟ Εμανουέλ Μακρόν στην Αθήνα ${date} ${n}\n\n` +
          `Ο Γάλλος πρόεδρος Εμανουέλ Μακρόν συναντήθηκε σήμερα στην Αθήνα με τον πρωθυπουργό, ` +
          `αριθμός ${date} ${n}.\n`,
      )
      .join('\n');
  for (const date of ['2026-03-01', '2026-03-02', '2026-03-03'])
    writeFileSync(path.join(articles, `${date}.txt`), day(date));

  // Reading threads hand their results to the same callback (archive-read-workers.test.ts).
  it('are shared across the files read', async () => {
    const prepared = await prepareBuild(root, { threads: 1, codeVersion: 'test' });
    const mentions = prepared.archive.articles.flatMap((p) =>
      p.article.names.filter((m) => m.key === 'αθηνα'),
    );
    expect(mentions).toHaveLength(6);
    expect(new Set(mentions).size).toBe(1);
  });
});
