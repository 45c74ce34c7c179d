/** A worker thread of `indexShards`: writes the shards it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { writeShard, type ShardJob } from './search-shard.ts';
import type { ShardReply } from './search-lanes.ts';

parentPort!.on('message', (job: ShardJob) => {
  let reply: ShardReply;
  try {
    reply = writeShard(job);
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
