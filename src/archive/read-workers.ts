import { availableParallelism } from 'node:os';
import { startTsWorker } from '../ts-worker.ts';
import { plainFile, type FileReader, type ReadJob, type ReadResult } from './article-store.ts';

export interface WorkerRequest {
  id: number;
  jobs: ReadJob[];
}

export type WorkerReply = { id: number; results: ReadResult[] } | { id: number; error: string };

const WORKER_MODULE = new URL('./read-worker.ts', import.meta.url);

/**
 * Below this many bytes to read, starting workers (about 0.2 s each, to load the code and the
 * taxonomy) costs more than it saves: incremental builds read a file or two.
 */
export const PARALLEL_MIN_BYTES = 2_000_000;

/** Files per message: small enough to share the work evenly, large enough to amortise it. */
const BATCH_FILES = 16;

export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Reads, parses and analyses files in worker threads, one per core: analysis is most of a cold
 * build's time and each article's analysis depends on nothing else. Falls back to `inThread`
 * for small reads.
 */
export function readInWorkers(
  contentDir: string,
  threads: number,
  inThread: FileReader,
  minBytes = PARALLEL_MIN_BYTES,
): FileReader {
  return async (jobs, onFileDone) => {
    const bytes = jobs.reduce((sum, job) => sum + Math.max(0, job.stat.size), 0);
    if (threads <= 1 || bytes < minBytes) return inThread(jobs, onFileDone);
    const results: ReadResult[] = new Array(jobs.length);
    const workers = Array.from(
      { length: Math.min(threads, Math.ceil(jobs.length / BATCH_FILES)) },
      () => startTsWorker(WORKER_MODULE, { contentDir }),
    );
    let next = 0;
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= jobs.length) return resolve();
                const id = next;
                next += BATCH_FILES;
                worker.postMessage({
                  id,
                  jobs: jobs
                    .slice(id, id + BATCH_FILES)
                    .map((job) =>
                      job.previous ? { ...job, previous: plainFile(job.previous) } : job,
                    ),
                } satisfies WorkerRequest);
              };
              worker.on('message', (reply: WorkerReply) => {
                if ('error' in reply) return reject(new Error(reply.error));
                reply.results.forEach((result, i) => {
                  results[reply.id + i] = result;
                  onFileDone(result);
                });
                send();
              });
              worker.on('error', reject);
              worker.on('exit', (code) => {
                if (next < jobs.length || code !== 0)
                  reject(new Error(`A reading thread stopped early (exit code ${code}).`));
              });
              send();
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    return results;
  };
}
