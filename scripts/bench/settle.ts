/**
 * Waiting out the command's own background work between steps. A build hands what it replaces
 * (the previous site, an incremental build's staging folder with the pages it replaced) to a
 * process of its own that deletes it, beside the site as `<site>.trash-…`, and a step started
 * while such a deletion runs would share the cores with it. In the benchmark's rebuilds these
 * are small (0.0–0.2 s waited in a 100,000-article run); a full build over an existing site
 * leaves the whole site to delete.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether a deletion of something the build at `site` discarded is still going on. */
export function deleting(site: string): boolean {
  const prefix = `${path.basename(site)}.trash-`;
  try {
    return fs.readdirSync(path.dirname(site)).some((name) => name.startsWith(prefix));
  } catch {
    return false;
  }
}

/** Waits until no such deletion is going on, at most `limitMs`; returns the seconds waited. */
export async function settle(site: string, limitMs = 600_000, pollMs = 100): Promise<number> {
  const started = performance.now();
  while (deleting(site) && performance.now() - started < limitMs) await sleep(pollMs);
  return (performance.now() - started) / 1000;
}
