// @ts-check
/**
 * V8 caps a Node process's heap at a quarter of the machine's memory and at 4 GB however much
 * there is (4.3 GB here, with 24 GB). A cold build holds about 10 KB of heap per article at its
 * peak (0.99 GB for 100,000 articles), and near the cap the collector runs without end: at
 * 300,000 articles a build took 1,322 s against 307 s with room. Unless the user chose a limit,
 * the command runs again in a process allowed most of the machine's memory.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import process from 'node:process';
import v8 from 'node:v8';

/** The share of the machine's memory the build may use: the rest is the system's. */
const SHARE = 0.75;
const MIB = 2 ** 20;
/** V8's flags that set the heap's size: the old generation's, or the whole heap's. */
const CHOSEN = /--max[-_](?:old[-_]space|heap)[-_]size/;
/** Set in the process the command runs again in, which must not run itself again. */
const AGAIN = 'EPHEMERIS_HEAP_RAISED';

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
 * (on the command line or in NODE_OPTIONS) or V8's own is already about that large. The second
 * process costs about 0.23 s here, for every archive: sparing small ones by guessing a build's
 * peak from the archive's size would turn every wrong guess into a crawl.
 * @param {{ heapLimit: number, memory: number, execArgv: readonly string[], nodeOptions?: string }} options
 * @returns {string | undefined}
 */
export function heapLimitFlag({ heapLimit, memory, execArgv, nodeOptions }) {
  if (execArgv.some((arg) => CHOSEN.test(arg)) || CHOSEN.test(nodeOptions ?? '')) return undefined;
  const mebibytes = Math.floor((memory * SHARE) / MIB);
  return mebibytes * MIB > heapLimit * 1.1 ? `--max-old-space-size=${mebibytes}` : undefined;
}

/**
 * The flag this process should have been started with, if any: undefined in the process the
 * command already runs again in.
 * @returns {string | undefined}
 */
export function missingHeapFlag() {
  if (process.env[AGAIN]) return undefined;
  return heapLimitFlag({
    heapLimit: v8.getHeapStatistics().heap_size_limit,
    memory: usableMemory(os.totalmem(), process.constrainedMemory?.()),
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
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

/** In the process run again: die with the process that started it. */
export function dieWithParent() {
  if (!process.env[AGAIN] || !process.channel) return;
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
