/**
 * Folders a build no longer needs (site/discard-folder.ts) leave the site at once and are
 * deleted by a process of their own.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { discardFolder, isAbandonedTrashOf } from '../../src/site/discard-folder.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-discard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(folder: string, files: number): void {
  for (let i = 0; i < files; i++) {
    mkdirSync(path.join(folder, String(i)), { recursive: true });
    writeFileSync(path.join(folder, String(i), 'index.html'), 'x');
  }
}

describe('discardFolder', () => {
  it('moves the folder out of the site at once and deletes it in the background', async () => {
    const parent = path.join(work, 'search');
    const site = path.join(parent, '_site');
    const old = path.join(site, 'search-index.old-1');
    tree(old, 40);
    writeFileSync(path.join(site, 'index.html'), 'home');
    discardFolder(old, site);
    expect(readdirSync(site)).toEqual(['index.html']);
    expect(readdirSync(parent).filter((e) => e.includes('.trash-'))).toHaveLength(1);
    await vi.waitFor(() => expect(readdirSync(parent)).toEqual(['_site']), {
      timeout: 20_000,
      interval: 50,
    });
  });

  it('gives two folders discarded in a row names of their own', async () => {
    const parent = path.join(work, 'twice');
    const site = path.join(parent, '_site');
    tree(path.join(parent, 'a'), 3);
    tree(path.join(parent, 'b'), 3);
    mkdirSync(site);
    discardFolder(path.join(parent, 'a'), site);
    discardFolder(path.join(parent, 'b'), site);
    expect(existsSync(path.join(parent, 'a')) || existsSync(path.join(parent, 'b'))).toBe(false);
    await vi.waitFor(() => expect(readdirSync(parent)).toEqual(['_site']), {
      timeout: 20_000,
      interval: 50,
    });
  });
});

describe('isAbandonedTrashOf', () => {
  it('is true only of discarded folders of this site that no running process owns', () => {
    // No process has this id.
    expect(isAbandonedTrashOf('_site.trash-999999999-17', '/x/_site')).toBe(true);
    expect(isAbandonedTrashOf(`_site.trash-${process.pid}-17`, '/x/_site')).toBe(false);
    expect(isAbandonedTrashOf('_site.old-999999999', '/x/_site')).toBe(false);
    expect(isAbandonedTrashOf('other.trash-999999999-17', '/x/_site')).toBe(false);
    expect(isAbandonedTrashOf('_site.trash-999999999-17', '/x/_site2')).toBe(false);
  });
});
