/**
 * An incremental build's pages moved into the site (cli/output.ts `applyPages`): each page
 * replaced by a rename, the page it replaces kept in the staging folder for the background
 * deletion, which frees its blocks instead of the build.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const discarded: string[] = [];
vi.mock('../../src/site/discard-folder.ts', async (original) => ({
  ...(await original<typeof import('../../src/site/discard-folder.ts')>()),
  discardFolder: (folder: string) => discarded.push(folder),
}));
const { applyPages } = await import('../../src/cli/output.ts');

const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-apply-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function page(root: string, url: string, text: string): void {
  mkdirSync(path.join(root, url), { recursive: true });
  writeFileSync(path.join(root, url, 'index.html'), text);
}

describe('applyPages', () => {
  it('moves pages in, deletes the gone ones, and leaves the replaced ones to the deletion', () => {
    const out = path.join(work, '_site');
    const staging = path.join(work, '_site.building-1');
    page(out, '2020/01/01/a', 'old a');
    page(out, '2020/01/02/b', 'old b');
    page(staging, '2020/01/01/a', 'new a');
    page(staging, 'c', 'new c');
    applyPages(staging, out, ['/2020/01/01/a/', '/c/'], ['/2020/01/02/b/']);
    expect(readFileSync(path.join(out, '2020/01/01/a/index.html'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(out, 'c/index.html'), 'utf8')).toBe('new c');
    expect(existsSync(path.join(out, '2020/01/02'))).toBe(false);
    expect(existsSync(path.join(out, '2020/01/01'))).toBe(true);
    expect(discarded).toEqual([staging]);
    expect(readFileSync(path.join(staging, '2020/01/01/a/index.html.replaced'), 'utf8')).toBe(
      'old a',
    );
    expect(existsSync(path.join(staging, 'c/index.html.replaced'))).toBe(false);
  });
});
