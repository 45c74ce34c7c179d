/** The thread of `startWriterThread`: writes the pages it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { type PageBatch, type WriterReply, writePageFile } from './page-writer.ts';

const folders = new Set<string>();
let failed = false;

parentPort!.on('message', ({ files, pages }: PageBatch) => {
  // After a failure the build stops: nothing more is written.
  if (failed) return;
  let reply: WriterReply;
  try {
    for (let i = 0; i < files.length; i++) writePageFile(files[i]!, pages[i]!, folders);
    reply = { written: files.length };
  } catch (error) {
    failed = true;
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
