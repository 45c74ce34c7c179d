// @ts-check
/**
 * V8 caps a Node process's heap at a quarter of the machine's memory and at 4 GB however much
 * there is (4.3 GB here, with 24 GB). A cold build holds about 10 KB of heap per article at its
 * peak (0.99 GB for 100,000 articles), and near the cap the collector runs without end: at
 * 300,000 articles a build took 1,322 s against 307 s with room. So when an archive's build may
 * come near the cap and the user chose no limit, the command runs again in a process allowed
 * most of the machine's memory.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';

/** The share of the machine's memory the build may use: the rest is the system's. */
const SHARE = 0.75;
const MIB = 2 ** 20;
/**
 * A build's peak heap, at most, per byte of articles, and besides them: 4.45 GB for the 1.47 GB
 * of 300,000 articles while their bodies were kept as strings, 0.99 GB for the 0.49 GB of
 * 100,000 since.
 */
const PEAK_PER_BYTE = 3;
const PEAK_BASE = 256 * MIB;
/** Above this share of V8's limit, collecting takes most of a build's time. */
const CROWDED = 0.75;
/** V8's flags that set the heap's size: the old generation's, or the whole heap's. */
const CHOSEN = /--max[-_](?:old[-_]space|heap)[-_]size/;
/** Set in the process the command runs again in, which must not run itself again. */
export const AGAIN = 'EPHEMERIS_HEAP_RAISED';

/**
 * The memory this process may have: the machine's, or its container's when that is less.
 * @param {number} total `os.totalmem()`
 * @param {number | undefined} constrained `process.constrainedMemory()`: undefined, 0 or about
 *   2^64 when nothing constrains it
 * @returns {number}
 */
export function usableMemory(total, constrained) {
  return constrained !== undefined && constrained > 0 && constrained < total ? constrained : total;
}

/**
 * The flag that gives the heap `SHARE` of `memory`, or undefined when the user chose a limit
 * (on the command line or in NODE_OPTIONS), when a build of `articleBytes` of articles stays
 * well within V8's own, or when that is already about as large. A second process costs about
 * 0.23 s here, which the archives that need none are spared.
 * @param {{ heapLimit: number, memory: number, execArgv: readonly string[], nodeOptions?: string, articleBytes: number }} options
 * @returns {string | undefined}
 */
export function heapLimitFlag({ heapLimit, memory, execArgv, nodeOptions, articleBytes }) {
  if (execArgv.some((arg) => CHOSEN.test(arg)) || CHOSEN.test(nodeOptions ?? '')) return undefined;
  if (PEAK_BASE + PEAK_PER_BYTE * articleBytes <= CROWDED * heapLimit) return undefined;
  const mebibytes = Math.floor((memory * SHARE) / MIB);
  return mebibytes * MIB > heapLimit * 1.1 ? `--max-old-space-size=${mebibytes}` : undefined;
}

/**
 * The bytes of the article files of a content folder (0 without one: the command says why).
 * @param {string} contentDir
 * @returns {number}
 */
export function articleBytes(contentDir) {
  let total = 0;
  try {
    const folder = path.join(contentDir, 'articles');
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.txt')) {
        total += statSync(path.join(entry.parentPath, entry.name)).size;
      }
    }
  } catch {
    // Unreadable: the build reports it.
  }
  return total;
}

/**
 * The flag this process should have been started with for the command in `args`, if any:
 * undefined in the process the command already runs again in.
 * @param {string[]} args
 * @returns {string | undefined}
 */
export function missingHeapFlag(args) {
  if (process.env[AGAIN]) return undefined;
  const { values } = parseArgs({
    args,
    options: { content: { type: 'string', default: 'content' } },
    strict: false,
    allowPositionals: true,
  });
  return heapLimitFlag({
    heapLimit: v8.getHeapStatistics().heap_size_limit,
    memory: usableMemory(os.totalmem(), process.constrainedMemory?.()),
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
    articleBytes: articleBytes(String(values.content)),
  });
}

/**
 * Runs this command again with `flag`, and ends as it ends. Signals sent to this process reach
 * it; if this process is killed outright (SIGKILL), its channel closes and it dies too, as the
 * command would have, rather than build on unwatched.
 * @param {string} flag
 * @returns {Promise<never>}
 */
export function runAgainWith(flag) {
  const child = spawn(process.execPath, [...process.execArgv, flag, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [AGAIN]: '1' },
  });
  /** @type {NodeJS.Signals[]} */
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise(() => {
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal) process.kill(process.pid, signal);
      else process.exit(code ?? 1);
    });
  });
}

/**
 * In the process run again: die with the process that started it. That process may have died
 * already, while this one was loading: its channel is then gone (`null`, where a process started
 * without one has `undefined`), and the 'disconnect' event came before anyone listened.
 */
export function dieWithParent() {
  if (!process.env[AGAIN] || process.channel === undefined) return;
  if (!process.channel || !process.connected) process.kill(process.pid, 'SIGKILL');
  process.channel?.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
