import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import setup from '../global-setup.ts';

const tmpdir = process.env.TMPDIR;
afterEach(() => {
  if (tmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpdir;
});

describe("the test run's own folder", () => {
  it('is removed at the end without blocking the event loop', async () => {
    const teardown = setup();
    const root = process.env.TMPDIR!;
    for (let d = 0; d < 20; d++) {
      mkdirSync(`${root}/site-${d}`);
      for (let f = 0; f < 100; f++) writeFileSync(`${root}/site-${d}/page-${f}.html`, 'x');
    }
    let seenDuringRemoval: boolean | undefined;
    setImmediate(() => (seenDuringRemoval = existsSync(root)));
    await teardown();
    // A removal that blocks ends before the next turn of the event loop.
    expect(seenDuringRemoval).toBe(true);
    expect(existsSync(root)).toBe(false);
  });
});
