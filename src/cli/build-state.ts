import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ContentCache } from '../archive/article-store.ts';

const FORMAT = 2;

/** What one build leaves for the next: its reading of the content and what it wrote. */
export interface BuildState {
  format: number;
  content: ContentCache;
  /** `PreparedBuild.inputs` and the path prefix of the build that wrote the output. */
  inputs: string;
  /** Fingerprint of every page in the output folder, by URL. */
  pages: Map<string, string>;
  /**
   * URLs of pages that a build was about to delete or replace when it stopped: their files
   * may be stale or still present, so the next build replaces or deletes them whatever their
   * fingerprints say.
   */
  pending: string[];
}

/** One state per pair of content and output folders, so two sites never share one. */
export function stateFile(cacheDir: string, contentDir: string, outDir: string): string {
  const key = createHash('sha1')
    .update(`${path.resolve(contentDir)}\0${path.resolve(outDir)}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(cacheDir, `build-${key}.v8`);
}

/** A missing, old or damaged state is no state: the build is then a full one. */
export function readState(file: string): BuildState | undefined {
  try {
    const state = deserialize(readFileSync(file)) as BuildState;
    return state.format === FORMAT ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: Omit<BuildState, 'format'>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize({ format: FORMAT, ...state }));
  renameSync(temporary, file);
}
