import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readInThisThread,
  storeFile,
  type ReadJob,
  type ReadResult,
} from '../../src/archive/article-store.ts';
import { readInWorkers } from '../../src/archive/read-workers.ts';
import { packCache, unpackCache } from '../../src/cli/state-codec.ts';
import { articleAnalyzer } from '../../src/enrich/analyze.ts';
import { loadCompiledTaxonomy } from '../../src/enrich/taxonomy.ts';
import { listArticleFiles } from '../../src/ingest/read-content.ts';

const FIXTURE = path.resolve('tests/fixtures/site');

function jobsOf(dir: string): ReadJob[] {
  return listArticleFiles(dir).files.map((entry) => {
    const { size, mtimeMs } = statSync(entry.absolute);
    return { entry, stat: { size, mtimeMs } };
  });
}

const analyze = articleAnalyzer(loadCompiledTaxonomy(FIXTURE).compiled);

describe('reading files in worker threads', () => {
  it('gives what reading in this thread gives, in the same order, reporting every file', async () => {
    const jobs = jobsOf(FIXTURE);
    expect(jobs.length).toBeGreaterThan(2);
    const expected = await readInThisThread(analyze)(jobs, () => {});
    const done = new Set<ReadResult>();
    const inThread = () => {
      throw new Error('small reads must still go to the workers when minBytes is 0');
    };
    const results = await readInWorkers(FIXTURE, 2, inThread, 0)(jobs, (r) => done.add(r));
    expect(done).toEqual(new Set(results));
    expect(results.map((r) => r.stored.file)).toEqual(jobs.map((j) => j.entry.file));
    expect(results).toEqual(expected);
    expect(results.flatMap((r) => r.stored.articles).length).toBeGreaterThan(3);
  });

  it('keeps the cached analysis of an unchanged article', async () => {
    const jobs = jobsOf(FIXTURE);
    const [first] = await readInThisThread(analyze)(jobs.slice(0, 1), () => {});
    const previous = structuredClone(first!.stored);
    previous.articles[0]!.excerpt = 'from the cache';
    const [again] = await readInWorkers(
      FIXTURE,
      2,
      readInThisThread(analyze),
      0,
    )([{ ...jobs[0]!, previous }], () => {});
    expect(again!.stored.articles[0]!.excerpt).toBe('from the cache');
  });

  it('after an edit of the taxonomy, assigns topics again and keeps the rest of the analysis', async () => {
    const jobs = jobsOf(FIXTURE);
    const [first] = await readInThisThread(analyze)(jobs.slice(0, 1), () => {});
    const previous = structuredClone(first!.stored);
    previous.articles[0]!.excerpt = 'from the cache';
    previous.articles[0]!.topics = [{ slug: 'palio', name: 'Παλιό θέμα', score: 9 }];
    const [again] = await readInWorkers(
      FIXTURE,
      2,
      readInThisThread(analyze),
      0,
    )([{ ...jobs[0]!, previous, staleTopics: true }], () => {});
    expect(again!.stored.articles[0]!.excerpt).toBe('from the cache');
    expect(again!.stored.articles[0]!.topics).toEqual(first!.stored.articles[0]!.topics);
    expect(again!.stored.articles[0]!.topics.length).toBeGreaterThan(0);
  });

  it('sends a file read back from the state with its titles and excerpts', async () => {
    const jobs = jobsOf(FIXTURE);
    const [first] = await readInThisThread(analyze)(jobs.slice(0, 1), () => {});
    const stored = structuredClone(first!.stored);
    stored.articles[0]!.excerpt = 'from the state';
    const cache = { analysisKey: 'a', textKey: 't', writtenAt: 0, files: [stored] };
    // Its articles give title and excerpt through getters, which cloning alone leaves out.
    const previous = unpackCache(structuredClone(packCache(cache))).files[0]!;
    const [again] = await readInWorkers(
      FIXTURE,
      2,
      readInThisThread(analyze),
      0,
    )([{ ...jobs[0]!, previous, staleTopics: true }], () => {});
    expect(again!.stored.articles[0]!.excerpt).toBe('from the state');
  });

  it('reads small batches in this thread, where starting workers costs more than it saves', async () => {
    const jobs = jobsOf(FIXTURE);
    let calls = 0;
    const inThread = readInThisThread(analyze);
    await readInWorkers(FIXTURE, 2, (j, done) => {
      calls++;
      return inThread(j, done);
    })(jobs, () => {});
    expect(calls).toBe(1);
  });
});

describe('a file read', () => {
  it('has the hash of its bytes stored, so the next build can check them', () => {
    const [job] = jobsOf(FIXTURE);
    const { stored } = storeFile(job!, () => undefined, analyze);
    expect(stored.bytesHash).toMatch(/^[\w-]{27}$/);
    const other = storeFile(jobsOf(FIXTURE)[1]!, () => undefined, analyze);
    expect(other.stored.bytesHash).not.toBe(stored.bytesHash);
  });
});
