/**
 * The command runs itself again with a larger heap (bin/heap-limit.js). Seen from outside: the
 * heap each of its processes is allowed, the user's own limit left alone, and the second
 * process never outliving the first.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { AGAIN, articleBytes, heapLimitFlag, usableMemory } from '../../bin/heap-limit.js';
import { CLI, PROJECT_ROOT } from './helpers.ts';

const PROBE = path.join(PROJECT_ROOT, 'tests/fixtures/heap-probe.mjs');
const MIB = 2 ** 20;
const work = mkdtempSync(path.join(os.tmpdir(), 'ephemeris-heap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The sample, and beside it a 3 GiB article file that takes no room (sparse): by its size, an
 * archive to run again for; too large to read, so the build reports it and goes on.
 */
const large = path.join(work, 'content');
cpSync(path.join(PROJECT_ROOT, 'content'), large, { recursive: true });
writeFileSync(path.join(large, 'articles/huge.txt'), '');
truncateSync(path.join(large, 'articles/huge.txt'), 3 * 2 ** 30);

/** What this machine gives the large archive: the flag its command runs again with, if any. */
const expected = heapLimitFlag({
  heapLimit: v8.getHeapStatistics().heap_size_limit,
  memory: usableMemory(os.totalmem(), process.constrainedMemory?.()),
  execArgv: [],
  articleBytes: articleBytes(large),
});

interface Started {
  /** Each process of the command, in the order they started, with its heap limit. */
  processes: () => { pid: number; limit: number }[];
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  pid: number;
  kill: (signal: NodeJS.Signals) => void;
}

function start(args: string[], nodeOptions = ''): Started {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: `--import ${PROBE} ${nodeOptions}`.trim() },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    processes: () => {
      const seen = new Map<number, number>();
      for (const [, pid, limit] of stderr.matchAll(/^heap-probe (\d+) (\d+)$/gm)) {
        if (!seen.has(Number(pid))) seen.set(Number(pid), Number(limit));
      }
      return [...seen].map(([pid, limit]) => ({ pid, limit }));
    },
    ended: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    pid: child.pid!,
    kill: (signal) => child.kill(signal),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, seconds: number): Promise<boolean> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

/** `serve`: a build, then a server that runs until it is stopped, so never ends by itself. */
const serving = (name: string) => [
  'serve',
  '--content',
  large,
  '--out',
  path.join(work, name),
  '--cache',
  path.join(work, `${name}-cache`),
  '--no-search',
  '--port',
  String(20_000 + Math.floor(Math.random() * 20_000)),
];

describe('the heap a command runs with', () => {
  it('is most of the memory, in a second process, for an archive that would crowd V8’s limit', async () => {
    const run = start(['--help', '--content', large]);
    expect(await run.ended).toEqual({ code: 0, signal: null });
    const processes = run.processes();
    if (expected === undefined) {
      expect(processes).toHaveLength(1);
      return;
    }
    expect(processes).toHaveLength(2);
    const wanted = Number(expected.split('=')[1]) * MIB;
    expect(processes[1]!.limit).toBeGreaterThanOrEqual(wanted);
    expect(processes[1]!.limit).toBeLessThan(wanted + 256 * MIB);
  });

  it('is V8’s own, in one process, for a small archive', async () => {
    const run = start(['--help']);
    expect(await run.ended).toEqual({ code: 0, signal: null });
    expect(run.processes()).toEqual([
      { pid: run.pid, limit: v8.getHeapStatistics().heap_size_limit },
    ]);
  });

  it('is the one the user chose in NODE_OPTIONS, in one process', async () => {
    const run = start(['--help', '--content', large], '--max-old-space-size=512');
    expect(await run.ended).toEqual({ code: 0, signal: null });
    const processes = run.processes();
    expect(processes).toHaveLength(1);
    expect(processes[0]!.limit).toBeGreaterThanOrEqual(512 * MIB);
    expect(processes[0]!.limit).toBeLessThan(768 * MIB);
  });
});

describe.runIf(expected !== undefined)('the second process', () => {
  it('ends when the first is killed outright (SIGKILL)', async () => {
    const run = start(serving('killed'));
    expect(await until(() => run.processes().length === 2, 30)).toBe(true);
    const second = run.processes()[1]!.pid;
    run.kill('SIGKILL');
    expect(await run.ended).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await until(() => !alive(second), 10)).toBe(true);
  });

  it('gets the signals sent to the first, and the first ends as it ends', async () => {
    const run = start(serving('terminated'));
    // Built: the command now stops on SIGTERM through its own handler, with exit code 143.
    expect(await until(() => existsSync(path.join(work, 'terminated', 'index.html')), 60)).toBe(
      true,
    );
    const second = run.processes()[1]!.pid;
    run.kill('SIGTERM');
    expect(await run.ended).toEqual({ code: 143, signal: null });
    expect(alive(second)).toBe(false);
  });
});

describe('a process run again', () => {
  it('dies at once if the first died while it was still loading', async () => {
    // As runAgainWith starts it, with a channel; the first dies 50 ms later, while the second
    // waits half a second before it gets to dieWithParent, as a slow start would.
    const heapLimit = pathToFileURL(path.join(PROJECT_ROOT, 'bin/heap-limit.js')).href;
    const second = `
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { dieWithParent } = await import(${JSON.stringify(heapLimit)});
      dieWithParent();
      setTimeout(() => process.exit(3), 20_000);
    `;
    const first = `
      import { spawn } from 'node:child_process';
      const second = spawn(process.execPath, ['--input-type=module', '-e', ${JSON.stringify(second)}], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        env: { ...process.env, [${JSON.stringify(AGAIN)}]: '1' },
      });
      console.log(second.pid);
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', first], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const ended = await new Promise((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    expect(ended).toBe('SIGKILL');
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await until(() => !alive(pid), 10)).toBe(true);
  });
});
