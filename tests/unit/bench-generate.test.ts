import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent } from '../../src/ingest/read-content.ts';
import type { SourceArticle } from '../../src/model.ts';
import {
  addDay,
  deleteArticle,
  editOldArticle,
  generateArchive,
  SHAPE,
  touchAll,
} from '../../scripts/bench/generate.ts';

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ephemeris-bench-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file of a folder, relative path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, abs), fs.readFileSync(abs, 'utf8'));
  }
  return out;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const byId = (articles: SourceArticle[]) =>
  new Map(articles.map((a) => [`${a.date} ${a.ordinal}`, a]));

const N = 400;

describe('generateArchive', () => {
  const dir = tempDir();
  const result = generateArchive({ articles: N, outDir: dir, seed: 7 });
  const content = readContent(dir);

  it('writes N articles that ephemeris reads without a diagnostic', () => {
    expect(result.articles).toBe(N);
    expect(content.diagnostics).toEqual([]);
    expect(content.counts).toEqual({
      files: result.days,
      articles_read: N,
      published: N,
      rejected: 0,
    });
  });

  it('is deterministic for a seed, and differs for another seed', () => {
    const again = tempDir();
    generateArchive({ articles: N, outDir: again, seed: 7 });
    expect(snapshot(again)).toEqual(snapshot(dir));
    const other = tempDir();
    generateArchive({ articles: N, outDir: other, seed: 8 });
    expect(snapshot(other)).not.toEqual(snapshot(dir));
  });

  it('writes one file per consecutive day, articles/YYYY/MM/YYYY-MM-DD.txt, about 30 a day', () => {
    const perDay = new Map<string, number>();
    for (const f of content.files) {
      const dates = new Set(f.articles.map((a) => a.date));
      expect(dates.size).toBe(1);
      const [date] = [...dates] as [string];
      expect(f.file).toBe(`articles/${date.slice(0, 4)}/${date.slice(5, 7)}/${date}.txt`);
      perDay.set(date, f.articles.length);
      expect(f.articles.map((a) => a.ordinal)).toEqual(f.articles.map((_, i) => i));
    }
    const days = [...perDay.keys()];
    expect(days[0]).toBe('2015-01-01');
    for (let i = 1; i < days.length; i++) {
      const gap = Date.parse(days[i] as string) - Date.parse(days[i - 1] as string);
      expect(gap).toBe(86_400_000);
    }
    const counts = [...perDay.values()];
    for (const c of counts.slice(0, -1)) {
      expect(c).toBeGreaterThanOrEqual(SHAPE.perDay.min);
      expect(c).toBeLessThanOrEqual(SHAPE.perDay.max);
    }
    expect(N / days.length).toBeGreaterThan(27);
    expect(N / days.length).toBeLessThan(33);
  });

  it('writes titles of 8–14 words and 4–10 paragraphs of 30–90 words of Greek text', () => {
    let greek = 0;
    let letters = 0;
    for (const a of content.articles) {
      expect(words(a.title)).toBeGreaterThanOrEqual(8);
      expect(words(a.title)).toBeLessThanOrEqual(14);
      expect(a.paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(a.paragraphs.length).toBeLessThanOrEqual(10);
      for (const p of a.paragraphs) {
        expect(words(p)).toBeGreaterThanOrEqual(30);
        expect(words(p)).toBeLessThanOrEqual(90);
        expect(p).toMatch(/[.!;?·…]["'»)”’]*$/);
        greek += p.match(/[\u0370-\u03ff\u1f00-\u1fff]/g)?.length ?? 0;
        letters += p.match(/\p{L}/gu)?.length ?? 0;
      }
    }
    expect(greek / letters).toBeGreaterThan(0.8);
  });

  it('copies topics.yaml and site.json from the project when they exist', () => {
    for (const name of result.copied) expect(fs.existsSync(path.join(dir, name))).toBe(true);
  });

  it('falls back to built-in sentences without the corpus', () => {
    const fallback = tempDir();
    const r = generateArchive({ articles: 60, outDir: fallback, seed: 1, corpusDir: null });
    expect(r.vocabulary.source).toBe('built-in sentences');
    const c = readContent(fallback);
    expect(c.diagnostics).toEqual([]);
    expect(c.counts.published).toBe(60);
  });
});

describe('mutation helpers', () => {
  const dir = tempDir();
  const generated = generateArchive({ articles: 100, outDir: dir, seed: 3 });
  const before = readContent(dir);

  it('addDay writes 30 articles on the day after the last', () => {
    const m = addDay(dir, 3);
    const last = Date.parse(generated.lastDate);
    expect(m.date).toBe(new Date(last + 86_400_000).toISOString().slice(0, 10));
    const after = readContent(dir);
    expect(after.diagnostics).toEqual([]);
    expect(after.counts.published).toBe(130);
    const added = after.articles.filter((a) => a.date === m.date);
    expect(added.map((a) => a.ordinal)).toEqual([...Array(30).keys()]);
    expect(after.files.map((f) => f.file)).toContain(m.file);
  });

  it('editOldArticle changes one paragraph of one article of the first month', () => {
    const old = byId(readContent(dir).articles);
    const m = editOldArticle(dir);
    expect(m.date.slice(0, 7)).toBe(generated.firstDate.slice(0, 7));
    const after = readContent(dir);
    expect(after.diagnostics).toEqual([]);
    expect(after.counts.published).toBe(130);
    const now = byId(after.articles);
    const changed = [...now.keys()].filter(
      (id) => JSON.stringify(now.get(id)?.paragraphs) !== JSON.stringify(old.get(id)?.paragraphs),
    );
    expect(changed).toEqual([`${m.date} ${m.ordinals[0]}`]);
    const [a, b] = [old.get(changed[0] as string), now.get(changed[0] as string)];
    expect(b?.title).toBe(a?.title);
    expect(b?.paragraphs.length).toBe(a?.paragraphs.length);
    const differing = a?.paragraphs.filter((p, i) => p !== b?.paragraphs[i]);
    expect(differing).toHaveLength(1);
    expect(words(b?.paragraphs[m.paragraph] as string)).toBeGreaterThanOrEqual(30);
    // A second edit changes the text again.
    const again = editOldArticle(dir);
    const third = byId(readContent(dir).articles).get(`${again.date} ${again.ordinals[0]}`);
    expect(third?.paragraphs[again.paragraph]).not.toBe(b?.paragraphs[m.paragraph]);
  });

  it('deleteArticle removes one article of an old day file and leaves the rest valid', () => {
    const old = readContent(dir);
    const m = deleteArticle(dir);
    expect(m.date.slice(0, 7)).toBe(generated.firstDate.slice(0, 7));
    const after = readContent(dir);
    expect(after.diagnostics).toEqual([]);
    expect(after.counts.published).toBe(old.counts.published - 1);
    const gone = `${m.date} ${m.ordinals[0]}`;
    expect(byId(after.articles).has(gone)).toBe(false);
    const rest = old.articles.filter((a) => `${a.date} ${a.ordinal}` !== gone);
    expect(after.articles.map((a) => [a.date, a.ordinal, a.title, a.paragraphs])).toEqual(
      rest.map((a) => [a.date, a.ordinal, a.title, a.paragraphs]),
    );
  });

  it("touchAll sets every article file's time to now and leaves its bytes", () => {
    const files = fs
      .readdirSync(path.join(dir, 'articles'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    const past = new Date(Date.now() - 3_600_000);
    for (const f of files) fs.utimesSync(f, past, past);
    const bytes = files.map((f) => fs.readFileSync(f));
    const started = Date.now();
    expect(touchAll(dir)).toBe(files.length);
    files.forEach((f, i) => {
      expect(fs.statSync(f).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
      expect(fs.readFileSync(f).equals(bytes[i]!)).toBe(true);
    });
  });

  it('leaves the original article count intact before the mutations', () => {
    expect(before.counts.published).toBe(100);
  });
});
