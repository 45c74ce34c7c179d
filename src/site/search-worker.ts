/** A worker thread of `indexShards`: one more Pagefind service, indexing the shards it is sent. */
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { indexShard, type ShardJob, type ShardReply } from './search-pagefind.ts';

parentPort!.on('message', (message: ShardJob | 'close') => {
  if (message === 'close') {
    void pagefind.close().then(() => parentPort!.close());
    return;
  }
  indexShard(message).then(
    (pages) => parentPort!.postMessage({ pages } satisfies ShardReply),
    (error: unknown) =>
      parentPort!.postMessage({
        error: error instanceof Error ? error.message : String(error),
      } satisfies ShardReply),
  );
});
