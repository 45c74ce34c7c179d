/**
 * Writing one shard of the search index with Pagefind (see search-index.ts for why shards), and
 * running several shards at once, each in its own Pagefind process.
 *
 * Pagefind's Node API keeps one service process per module instance and that process works on
 * one request at a time (measured: two shards sent to one service at once took as long as one
 * after the other). A second process therefore needs a second instance of the module, which a
 * worker thread gives; the first lane uses this thread's instance, so indexing a single shard
 * (the usual incremental rebuild) starts no worker.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { startTsWorker } from '../ts-worker.ts';

/** What one lane is asked to do: index these globs of the site into this bundle folder. */
export interface ShardJob {
  outDir: string;
  globs: string[];
  bundle: string;
}

export type ShardReply = { pages: number } | { error: string };

/** Pagefind writes its ready-made interfaces into every bundle; the search page uses none. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The index is forced to Greek, so the stemmer-less WebAssembly is never loaded.
  'wasm.unknown.pagefind',
];

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

/** Indexes one shard with this thread's Pagefind service; returns its page count. */
export async function indexShard({ outDir, globs, bundle }: ShardJob): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: 'el' });
  check('starting Pagefind', created.errors);
  const index = created.index!;
  try {
    let pages = 0;
    for (const glob of globs) {
      const added = await index.addDirectory({ path: outDir, glob });
      check(`indexing ${glob}`, added.errors);
      pages += added.page_count;
    }
    check(`writing ${bundle}`, (await index.writeFiles({ outputPath: bundle })).errors);
    for (const file of UNUSED_BUNDLE_FILES) rmSync(path.join(bundle, file), { force: true });
    return pages;
  } finally {
    await index.deleteIndex();
  }
}

interface Lane {
  index(job: ShardJob): Promise<number>;
  close(): Promise<void>;
}

const WORKER_MODULE = new URL('./search-worker.ts', import.meta.url);

function threadLane(): Lane {
  return { index: indexShard, close: async () => void (await pagefind.close()) };
}

function workerLane(): Lane {
  const worker = startTsWorker(WORKER_MODULE);
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  let pending: { resolve(pages: number): void; reject(error: Error): void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: ShardReply) => {
    if ('error' in reply) fail(new Error(reply.error));
    else pending?.resolve(reply.pages);
    pending = undefined;
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`A search indexing thread stopped (exit ${code}).`)));
  return {
    index: (job) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(job);
      }),
    // The worker closes its Pagefind service and exits when told to stop.
    close: async () => {
      worker.postMessage('close');
      await exited;
    },
  };
}

/**
 * Runs the jobs on `lanes` Pagefind processes at once, largest first (`pages(i)` estimates job
 * i) so that the lanes finish together; `done` hears of each job as it finishes. Stops taking
 * jobs after the first failure and rethrows it once the running ones have finished. Returns
 * each job's page count, in order.
 */
export async function indexShards(
  jobs: readonly ShardJob[],
  lanes: number,
  pages: (i: number) => number,
  done: (i: number, pages: number, seconds: number) => void,
): Promise<number[]> {
  const counts: number[] = new Array(jobs.length);
  const queue = jobs.map((_, i) => i).sort((a, b) => pages(b) - pages(a));
  const running = Array.from({ length: Math.min(lanes, jobs.length) }, (_, n) =>
    n === 0 ? threadLane() : workerLane(),
  );
  let failure: unknown;
  await Promise.all(
    running.map(async (lane) => {
      try {
        for (let i = queue.shift(); i !== undefined && !failure; i = queue.shift()) {
          const started = performance.now();
          counts[i] = await lane.index(jobs[i]!);
          done(i, counts[i]!, (performance.now() - started) / 1000);
        }
      } catch (error) {
        failure ??= error;
      } finally {
        await lane.close();
      }
    }),
  );
  if (failure !== undefined) throw failure;
  return counts;
}
