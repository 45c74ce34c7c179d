import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleBytes, heapLimitFlag, usableMemory } from '../../bin/heap-limit.js';

const GIB = 2 ** 30;

describe('usableMemory', () => {
  it("is the machine's memory when nothing constrains the process", () => {
    expect(usableMemory(24 * GIB, undefined)).toBe(24 * GIB);
    expect(usableMemory(24 * GIB, 0)).toBe(24 * GIB);
    // What Node 20 reports without a cgroup limit.
    expect(usableMemory(24 * GIB, 18446744073709552000)).toBe(24 * GIB);
  });

  it("is a container's limit when that is less", () => {
    expect(usableMemory(24 * GIB, 7 * GIB)).toBe(7 * GIB);
  });
});

describe('heapLimitFlag', () => {
  // This machine: 24 GB, and V8's 4.05 GiB; 300,000 articles are 1.47 GB of files.
  const large = { heapLimit: 4.05 * GIB, memory: 24 * GIB, execArgv: [], articleBytes: 1.47e9 };

  it('asks for three quarters of the memory for an archive that would crowd V8’s limit', () => {
    expect(heapLimitFlag(large)).toBe('--max-old-space-size=18432');
    // 100,000 articles (0.49 GB) on a 7 GB runner, where V8 allows a quarter: 1.75 GB.
    expect(
      heapLimitFlag({ ...large, heapLimit: 1.8 * GIB, memory: 7 * GIB, articleBytes: 0.49e9 }),
    ).toBe('--max-old-space-size=5376');
  });

  it('leaves an archive that stays well within it alone', () => {
    expect(heapLimitFlag({ ...large, articleBytes: 0.49e9 })).toBeUndefined();
    expect(heapLimitFlag({ ...large, articleBytes: 0 })).toBeUndefined();
  });

  it('leaves a limit the user chose, on the command line or in NODE_OPTIONS', () => {
    expect(heapLimitFlag({ ...large, execArgv: ['--max-old-space-size=2048'] })).toBeUndefined();
    expect(heapLimitFlag({ ...large, execArgv: ['--max_old_space_size', '2048'] })).toBeUndefined();
    expect(heapLimitFlag({ ...large, execArgv: ['--max-heap-size=3000'] })).toBeUndefined();
    expect(
      heapLimitFlag({ ...large, nodeOptions: '--require x.cjs --max-old-space-size=900' }),
    ).toBeUndefined();
    expect(heapLimitFlag({ ...large, nodeOptions: '--require x.cjs' })).toBe(
      '--max-old-space-size=18432',
    );
  });

  it('changes nothing when V8 already allows about as much', () => {
    expect(heapLimitFlag({ ...large, heapLimit: 4 * GIB, memory: 5 * GIB })).toBeUndefined();
    expect(heapLimitFlag({ ...large, heapLimit: 19 * GIB })).toBeUndefined();
  });
});

describe('articleBytes', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-article-bytes-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('adds up the .txt files under articles/, at any depth, and nothing else', () => {
    mkdirSync(path.join(work, 'articles/2026/01'), { recursive: true });
    writeFileSync(path.join(work, 'articles/a.txt'), 'x'.repeat(100));
    writeFileSync(path.join(work, 'articles/2026/01/b.txt'), 'x'.repeat(20));
    writeFileSync(path.join(work, 'articles/notes.md'), 'x'.repeat(1000));
    writeFileSync(path.join(work, 'site.json'), '{}');
    expect(articleBytes(work)).toBe(120);
  });

  it('is 0 for a folder that is not there', () => {
    expect(articleBytes(path.join(work, 'nothing'))).toBe(0);
  });
});
