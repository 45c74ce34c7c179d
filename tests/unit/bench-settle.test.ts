/** The benchmark waits out the command's background deletions between steps. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deleting, settle } from '../../scripts/bench/settle.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-settle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const site = path.join(work, 'site');

describe('settle', () => {
  it('returns at once when nothing of the site is being deleted', async () => {
    mkdirSync(path.join(work, 'other.trash-1-2'));
    expect(deleting(site)).toBe(false);
    expect(await settle(site)).toBeLessThan(0.1);
  });

  it('waits until the folder being deleted is gone', async () => {
    const trash = path.join(work, 'site.trash-1-2');
    mkdirSync(trash);
    expect(deleting(site)).toBe(true);
    setTimeout(() => rmSync(trash, { recursive: true }), 300);
    const waited = await settle(site, 10_000, 20);
    expect(waited).toBeGreaterThanOrEqual(0.25);
    expect(deleting(site)).toBe(false);
  });

  it('stops waiting at its limit', async () => {
    mkdirSync(path.join(work, 'site.trash-3-4'));
    expect(await settle(site, 200, 20)).toBeLessThan(2);
    expect(deleting(site)).toBe(true);
  });
});
