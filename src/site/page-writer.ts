import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../ts-worker.ts';

/** Writes one page, making its folder first unless `folders` says it was made. */
export function writePageFile(file: string, html: string, folders: Set<string>): void {
  const folder = path.dirname(file);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  writeFileSync(file, html);
}

/** Where rendered pages go to be written to their files. */
export interface PageSink {
  /** Takes one page; returns a promise to wait for when too many pages wait to be written. */
  write(file: string, html: string): Promise<void> | undefined;
  /** Waits until every page taken is written; throws the first failure. */
  close(): Promise<void>;
  /** Stops writing: the caller failed and the folder will be removed. */
  abort(): Promise<void>;
}

/** A batch of pages for the writer thread, and its replies. */
export interface PageBatch {
  files: string[];
  pages: string[];
}
export type WriterReply = { written: number } | { error: string };

export function writeInThisThread(): PageSink {
  const folders = new Set<string>();
  return {
    write(file, html) {
      writePageFile(file, html, folders);
      return undefined;
    },
    close: () => Promise.resolve(),
    abort: () => Promise.resolve(),
  };
}

const WORKER_MODULE = new URL('./page-writer-worker.ts', import.meta.url);
/** Pages per message: fewer messages, and still a steady flow to the writer. */
const BATCH_PAGES = 32;
/** Pages sent and not yet written, at most: some tens of megabytes of HTML. */
const MAX_WAITING = 1_024;

/** Writer threads running, for an interruption to stop before it removes their folder. */
const running = new Set<Worker>();

/** Stops every writer thread, so that none writes into a folder being removed. */
export async function stopWriterThreads(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.terminate()));
}

/**
 * Writes pages in a worker thread while the caller renders the next ones: on two cores the
 * file system's work leaves the rendering thread.
 */
export function startWriterThread(): PageSink {
  const worker = startTsWorker(WORKER_MODULE);
  running.add(worker);
  let batch: PageBatch = { files: [], pages: [] };
  let waiting = 0;
  let failure: Error | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  worker.on('message', (reply: WriterReply) => {
    if ('error' in reply) return fail(new Error(reply.error));
    waiting -= reply.written;
    wake?.();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    running.delete(worker);
    if (!stopped) fail(new Error(`The page-writing thread stopped early (exit code ${code}).`));
  });
  const flush = () => {
    if (batch.files.length === 0) return;
    waiting += batch.files.length;
    worker.postMessage(batch);
    batch = { files: [], pages: [] };
  };
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      wake = () => {
        if (failure || done()) {
          wake = undefined;
          resolve();
        }
      };
      wake();
    });
  const stop = async () => {
    stopped = true;
    await worker.terminate();
  };
  return {
    write(file, html) {
      if (failure) throw failure;
      batch.files.push(file);
      batch.pages.push(html);
      if (batch.files.length >= BATCH_PAGES) flush();
      return waiting > MAX_WAITING ? until(() => waiting <= MAX_WAITING) : undefined;
    },
    async close() {
      flush();
      await until(() => waiting === 0);
      await stop();
      if (failure) throw failure;
    },
    abort: stop,
  };
}
