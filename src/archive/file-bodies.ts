import { Buffer } from 'node:buffer';
import { decodeValidUtf8 } from '../ingest/utf8.ts';
import type { SourceArticle } from '../model.ts';

/**
 * The bodies of one file's articles, kept for rendering as UTF-8 bytes outside the collected
 * heap: each article's paragraphs (which hold no line break) joined by one, one article after
 * another. As strings, the bodies a cold build reads stayed on the heap until the pages were
 * rendered, some 6 KB an article that the collector copied twice on the way to the old
 * generation (about 600 MB at 100,000 articles); bytes cross from the reading threads without
 * a copy.
 */
export interface FileBodies {
  /** Each article's header line, in the file's order. */
  lines: number[];
  /** Where each article's text ends in `bytes`; it starts where the one before ends. */
  ends: number[];
  /** Its own buffer, which can be handed to another thread. */
  bytes: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

export function packBodies(
  articles: readonly Pick<SourceArticle, 'source' | 'paragraphs'>[],
): FileBodies {
  const texts = articles.map((a) => a.paragraphs.join('\n'));
  let end = 0;
  const ends = texts.map((text) => (end += Buffer.byteLength(text)));
  // Each text straight into the bytes: joining them first made a string of the whole file,
  // which V8 puts in fresh memory of its own (a file of a day's news is some 300 kB as UTF-16),
  // and filling fresh memory is slow here. 2–3 times faster in all.
  const bytes = new Uint8Array(end);
  let at = 0;
  for (const text of texts) at += encoder.encodeInto(text, bytes.subarray(at)).written;
  return { lines: articles.map((a) => a.source.line), ends, bytes };
}

/** The paragraphs of the article whose header is at `line`, if the file has one there. */
export function bodyAt({ lines, ends, bytes }: FileBodies, line: number): string[] | undefined {
  const i = lines.indexOf(line);
  if (i < 0) return undefined;
  const start = i === 0 ? 0 : ends[i - 1]!;
  // Rendering and indexing read every body: our decoder is about twice as fast as Node's here.
  return decodeValidUtf8(bytes.subarray(start, ends[i])).split('\n');
}
