/**
 * The output folder's swap after a full build (cli/output.ts): the new site takes the old one's
 * place at once, and the old one is deleted by a process of its own, which nothing waits for.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recoverInterruptedBuilds, replaceFolder } from '../../src/cli/output.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(folder: string, text: string, pages = 50): void {
  for (let i = 0; i < pages; i++) {
    mkdirSync(path.join(folder, String(i)), { recursive: true });
    writeFileSync(path.join(folder, String(i), 'index.html'), text);
  }
}

/** Waits until the parent folder holds nothing beside the site: background removals are done. */
async function expectOnlySite(parent: string, name: string): Promise<void> {
  const others = () => readdirSync(parent).filter((e) => e.startsWith(`${name}.`));
  await vi.waitFor(() => expect(others()).toEqual([]), { timeout: 20_000, interval: 50 });
}

describe('replaceFolder', () => {
  it('puts the new site in place and deletes the old one in the background', async () => {
    const parent = path.join(work, 'swap');
    const out = path.join(parent, '_site');
    const staging = path.join(parent, '_site.building-1');
    site(out, 'old');
    site(staging, 'new');
    replaceFolder(staging, out);
    expect(readFileSync(path.join(out, '7', 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(out)).toHaveLength(50);
    await expectOnlySite(parent, '_site');
  });

  it('with no previous site, just moves the new one in', async () => {
    const parent = path.join(work, 'first');
    const staging = path.join(parent, '_site.building-1');
    site(staging, 'new', 3);
    replaceFolder(staging, path.join(parent, '_site'));
    expect(readFileSync(path.join(parent, '_site', '2', 'index.html'), 'utf8')).toBe('new');
    await expectOnlySite(parent, '_site');
  });
});

describe('recoverInterruptedBuilds', () => {
  it('deletes what an interrupted removal left, and never restores it as the site', async () => {
    const parent = path.join(work, 'trash');
    const out = path.join(parent, '_site');
    site(path.join(parent, '_site.trash-999999-1'), 'old', 5);
    recoverInterruptedBuilds(out);
    await expectOnlySite(parent, '_site');
    expect(existsSync(out)).toBe(false);
  });

  it('leaves alone a folder that a running process is deleting', () => {
    const parent = path.join(work, 'deleting');
    const trash = path.join(parent, `_site.trash-${process.pid}-1`);
    site(trash, 'old', 2);
    recoverInterruptedBuilds(path.join(parent, '_site'));
    expect(readdirSync(trash)).toHaveLength(2);
  });

  it('puts back a site moved aside by a build killed between its two renames', () => {
    const parent = path.join(work, 'killed');
    const out = path.join(parent, '_site');
    // No process has this id: the build that moved the site aside is gone.
    site(path.join(parent, '_site.old-999999999'), 'old', 2);
    site(path.join(parent, '_site.building-999999999'), 'half', 1);
    recoverInterruptedBuilds(out);
    expect(readFileSync(path.join(out, '1', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['_site']);
  });
});
