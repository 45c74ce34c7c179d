/** A worker thread of `readInWorkers`: reads, parses and analyses the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { articleAnalyzer } from '../enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../enrich/taxonomy.ts';
import { articleFinder, storeFile } from './article-store.ts';
import type { WorkerReply, WorkerRequest } from './read-workers.ts';

const { contentDir } = workerData as { contentDir: string };
// The main thread reports the taxonomy's diagnostics; the worker only needs its terms.
const analyze = articleAnalyzer(loadCompiledTaxonomy(contentDir).compiled);

parentPort!.on('message', ({ id, jobs }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = {
      id,
      results: jobs.map((job) =>
        storeFile(job, articleFinder(job.previous ? [job.previous] : []), analyze),
      ),
    };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // The bodies' bytes are handed over, not copied.
  const transfer = 'results' in reply ? reply.results.map((r) => r.bodies.bytes.buffer) : [];
  parentPort!.postMessage(reply, transfer);
});
