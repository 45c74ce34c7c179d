/**
 * Writing several shards of the search index at once, one worker thread per lane: a shard is
 * CPU work (reading pages, stemming) that depends on no other. A single shard, the usual
 * incremental rebuild, is written in this thread and starts no worker.
 */
import { startTsWorker } from '../ts-worker.ts';
import { writeShard, type ShardJob, type ShardResult } from './search-shard.ts';

export type ShardReply = ShardResult | { error: string };

const WORKER_MODULE = new URL('./search-shard-worker.ts', import.meta.url);

type Lane = (job: ShardJob) => Promise<ShardResult>;

function workerLane(): { index: Lane; close(): Promise<number> } {
  const worker = startTsWorker(WORKER_MODULE);
  let pending: { resolve(result: ShardResult): void; reject(error: Error): void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: ShardReply) => {
    if ('error' in reply) fail(new Error(reply.error));
    else pending?.resolve(reply);
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
    close: () => worker.terminate(),
  };
}

/**
 * Runs the jobs on `lanes` threads at once, largest first (`pages(i)` estimates job i) so that
 * the lanes finish together; `done` hears of each job as it finishes. Stops taking jobs after
 * the first failure and rethrows it once the running ones have finished. Returns each job's
 * result, in order.
 */
export async function indexShards(
  jobs: readonly ShardJob[],
  lanes: number,
  pages: (i: number) => number,
  done: (i: number, result: ShardResult, seconds: number) => void,
): Promise<ShardResult[]> {
  const results: ShardResult[] = new Array(jobs.length);
  const queue = jobs.map((_, i) => i).sort((a, b) => pages(b) - pages(a));
  const running =
    jobs.length === 1 || lanes <= 1
      ? [{ index: async (job: ShardJob) => writeShard(job), close: async () => 0 }]
      : Array.from({ length: Math.min(lanes, jobs.length) }, workerLane);
  let failure: unknown;
  await Promise.all(
    running.map(async (lane) => {
      try {
        for (let i = queue.shift(); i !== undefined && !failure; i = queue.shift()) {
          const started = performance.now();
          results[i] = await lane.index(jobs[i]!);
          done(i, results[i]!, (performance.now() - started) / 1000);
        }
      } catch (error) {
        failure ??= error;
      } finally {
        await lane.close();
      }
    }),
  );
  if (failure !== undefined) throw failure;
  return results;
}
