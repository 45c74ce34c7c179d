import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentCache, StoredFile } from '../archive/article-store.ts';
import type { RelatedState } from '../archive/load-archive.ts';
import {
  CacheCodec,
  packRelatedMemo,
  packStrings,
  unpackRelatedMemo,
  unpackStrings,
  type PackedCache,
  type PackedRelatedMemo,
} from './state-codec.ts';
import { PageFingerprints } from '../site/page-fingerprints.ts';
import { isRunning } from '../site/process-alive.ts';
import { decodeState, readStateBytes, writeStateFile } from './state-file.ts';

const FORMAT = 13;

/** Where builds keep what the next build can reuse, unless `--cache` says otherwise. */
export const DEFAULT_CACHE_DIR = '.cache/ephemeris';

/** What one build leaves for the next: its reading of the content and what it wrote. */
export interface BuildState {
  format: number;
  content: ContentCache;
  /** The related lists of the archive built, so that the next build computes few again. */
  related?: RelatedState;
  /** `PreparedBuild.inputs` and the path prefix of the build that wrote the output. */
  inputs: string;
  /** Fingerprint of every page in the output folder. */
  pages: PageFingerprints;
  /**
   * URLs of pages that a build was about to delete or replace when it stopped: their files
   * may be stale or still present, so the next build replaces or deletes them whatever their
   * fingerprints say.
   */
  pending: string[];
}

/** Remembers the packed rows of the state read, so writing the next one packs few files. */
const codec = new CacheCodec();

/** Packs a file's entry for the next state as soon as it is read (see `CacheCodec.packAhead`). */
export function packAhead(file: StoredFile, analysisKey: string): void {
  codec.packAhead(analysisKey, file);
}

interface StoredState extends Omit<BuildState, 'content' | 'related' | 'pages'> {
  content: PackedCache;
  related?: { analysisKey: string; memo: PackedRelatedMemo };
  /** URLs (`packStrings`) and their fingerprints' words, in the same order. */
  pages: { urls: Uint8Array; words: Int32Array };
}

/** One state per pair of content and output folders, so two sites never share one. */
export function stateFile(cacheDir: string, contentDir: string, outDir: string): string {
  const key = createHash('sha1')
    .update(`${path.resolve(contentDir)}\0${path.resolve(outDir)}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(cacheDir, `build-${key}.v8`);
}

function pendingFile(file: string): string {
  return `${file}.pending.json`;
}

function readPending(file: string): string[] {
  try {
    const urls: unknown = JSON.parse(readFileSync(pendingFile(file), 'utf8'));
    return Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

/** State files being read ahead (`readStateAhead`), by file. */
const readingAhead = new Map<string, Promise<Buffer<ArrayBuffer>>>();

/**
 * Starts reading a state file for `readState` while this thread goes on: the command loads the
 * build's modules meanwhile, which takes about as long (0.6–1.2 s) as reading a 100k archive's
 * state. Settles when the bytes are in; never fails (a missing or unreadable state means a
 * full build, which `readState` finds out).
 */
export async function readStateAhead(file: string): Promise<void> {
  const bytes = readStateBytes(file);
  readingAhead.set(file, bytes);
  await bytes.catch(() => undefined);
}

/**
 * A missing, old or damaged state is no state: the build is then a full one. Pages a build
 * was changing when it stopped (see `writePending`) are taken as unknown.
 */
export async function readState(file: string): Promise<BuildState | undefined> {
  const ahead = readingAhead.get(file);
  readingAhead.delete(file);
  let state: BuildState;
  try {
    const stored = decodeState(await (ahead ?? readStateBytes(file))) as StoredState;
    if (stored.format !== FORMAT) return undefined;
    state = {
      ...stored,
      content: codec.unpack(stored.content),
      related: stored.related && {
        analysisKey: stored.related.analysisKey,
        memo: unpackRelatedMemo(stored.related.memo),
      },
      pages: new PageFingerprints(unpackStrings(stored.pages.urls), stored.pages.words),
    };
  } catch {
    return undefined;
  }
  const pending = readPending(file);
  if (pending.length === 0) return state;
  return {
    ...state,
    inputs: '',
    pages: state.pages.without(pending),
    pending: [...new Set([...state.pending, ...pending])],
  };
}

/** Where this process writes `file` before renaming it into place (`removeAbandonedWrites`). */
function temporaryOf(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

function writeAtomically(file: string, write: (temporary: string) => void): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryOf(file);
  write(temporary);
  renameSync(temporary, file);
}

/**
 * Records, before an incremental build touches the output, the pages it is about to replace
 * or delete: a small file beside the state, so the large state is written once per build.
 */
export function writePending(file: string, urls: readonly string[]): void {
  const json = JSON.stringify([...new Set([...readPending(file), ...urls])]);
  writeAtomically(pendingFile(file), (temporary) => writeFileSync(temporary, json));
}

/** A state written ahead of the pages it describes (`writeStateAhead`). */
export interface StateWrite {
  /** Waits for the bytes, then puts the state in place: the pages it describes are. */
  commit(): Promise<void>;
  /** Waits for the bytes, then deletes them: the pages it describes never came to be. */
  abandon(): Promise<void>;
}

/**
 * Writes the state of a build about to render into a file of its own, by a thread of libuv's
 * pool while this thread renders (0.49 s in a profile, for the 121 MB state of 100,000
 * articles); the state replaces the previous one only when `commit`ted, once the pages are in
 * place. Ctrl-C deletes it with the staging folder; a build killed outright leaves it, and the
 * next build deletes it.
 */
export function writeStateAhead(file: string, state: Omit<BuildState, 'format'>): StateWrite {
  const stored = storedState(state);
  mkdirSync(path.dirname(file), { recursive: true });
  removeAbandonedWrites(file);
  const temporary = temporaryOf(file);
  const writing = writeStateFile(temporary, stored);
  // Its failure is for `commit` to report, whenever it is called.
  writing.catch(() => undefined);
  return {
    async commit() {
      await writing;
      renameSync(temporary, file);
      rmSync(pendingFile(file), { force: true });
    },
    async abandon() {
      await writing.catch(() => undefined);
      rmSync(temporary, { force: true });
    },
  };
}

/** Deletes the temporary files of builds of this state that were killed while writing them. */
function removeAbandonedWrites(file: string): void {
  const name = path.basename(file);
  let entries: string[];
  try {
    entries = readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`)) continue;
    const pid = /\.(\d+)\.tmp$/.exec(entry)?.[1];
    if (pid && !isRunning(Number(pid)))
      rmSync(path.join(path.dirname(file), entry), { force: true });
  }
}

function storedState(state: Omit<BuildState, 'format'>): StoredState {
  return {
    format: FORMAT,
    ...state,
    content: codec.pack(state.content),
    related: state.related && {
      analysisKey: state.related.analysisKey,
      memo: packRelatedMemo(state.related.memo),
    },
    pages: { urls: packStrings(state.pages.urls), words: state.pages.words },
  };
}
