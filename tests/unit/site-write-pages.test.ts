import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWriterThread, stopWriterThreads } from '../../src/site/page-writer.ts';
import type { PageKind } from '../../src/site/pages.ts';
import { urlToFile, writePages } from '../../src/site/write-pages.ts';

const folders: string[] = [];

function outDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ephemeris-write-pages-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** One page per number, some sharing a folder, with bodies long enough to fill a message. */
function numbers(count: number, render = (i: number) => `<p>${i}</p>${'ε'.repeat(i % 3000)}`) {
  const kind: PageKind<number> = {
    name: 'article',
    items: Array.from({ length: count }, (_, i) => i),
    url: (i) => (i % 3 === 0 ? `/shared/${i}.html` : `/${i % 7}/${i}/`),
    render,
    fingerprint: (i) => i,
  };
  return kind as PageKind;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const writers = [
  { how: 'in this thread', threadFrom: Infinity },
  { how: 'in a writer thread', threadFrom: 0 },
];

describe.each(writers)('writePages $how', ({ threadFrom }) => {
  it('writes every page with its HTML, many more pages than wait at once', async () => {
    const dir = outDir();
    const kind = numbers(3_000);
    expect(await writePages(dir, [kind], undefined, threadFrom)).toBe(3_000);
    expect(filesUnder(dir)).toEqual(kind.items.map((i) => urlToFile(kind.url(i))).sort());
    for (const i of [0, 1, 3, 1_500, 2_999]) {
      expect(readFileSync(path.join(dir, urlToFile(kind.url(i))), 'utf8')).toBe(kind.render(i));
    }
  });

  it('writes only the pages asked for', async () => {
    const dir = outDir();
    const kind = numbers(40);
    const only = new Set([kind.url(3), kind.url(4), '/not/a/page/']);
    expect(await writePages(dir, [kind], only, threadFrom)).toBe(2);
    expect(filesUnder(dir)).toEqual([urlToFile(kind.url(3)), urlToFile(kind.url(4))].sort());
  });

  it('fails naming the file that cannot be written, and writes nothing after', async () => {
    const dir = outDir();
    // A file where the folder of pages 5, 12, 19 … must go.
    writeFileSync(path.join(dir, '5'), 'in the way');
    await expect(writePages(dir, [numbers(2_000)], undefined, threadFrom)).rejects.toThrow(
      path.join(dir, '5'),
    );
    const after = filesUnder(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(filesUnder(dir)).toEqual(after);
  });

  it('passes on an error of a layout, after the writing has stopped', async () => {
    const dir = outDir();
    const kind = numbers(500, (i) => {
      if (i === 400) throw new Error('layout broke on page 400');
      return `<p>${i}</p>`;
    });
    await expect(writePages(dir, [kind], undefined, threadFrom)).rejects.toThrow(
      'layout broke on page 400',
    );
    const after = filesUnder(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(filesUnder(dir)).toEqual(after);
    expect(after.length).toBeLessThanOrEqual(400);
  });
});

describe('stopWriterThreads', () => {
  it('stops a writer thread so that nothing is written after it returns', async () => {
    const dir = outDir();
    const sink = startWriterThread();
    for (let i = 0; i < 200; i++) void sink.write(path.join(dir, `${i}`, 'index.html'), `${i}`);
    await stopWriterThreads();
    const after = filesUnder(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(filesUnder(dir)).toEqual(after);
    expect(after.length).toBeLessThan(200);
    expect(() => sink.write(path.join(dir, 'late', 'index.html'), 'late')).toThrow(
      /page-writing thread stopped early/,
    );
    await expect(sink.close()).rejects.toThrow(/page-writing thread stopped early/);
  });
});
