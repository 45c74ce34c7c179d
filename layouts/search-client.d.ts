/** Types of the pure helpers of search-client.js (a browser script, checked by its tests). */

export interface SearchState {
  q: string;
  topic: string;
  year: string;
  sort: '' | 'newest' | 'oldest';
}

export interface ManifestShard {
  path: string;
  from: string;
  to: string;
  pages: number;
}

export const PAGE_SIZE: number;
export function readState(search: string): SearchState;
export function writeState(state: SearchState): string;
export function shardsFor<S extends ManifestShard>(manifest: { shards: S[] }, year: string): S[];
export function mergeResults<R extends { score: number }>(perShard: R[][], sort: string): R[];
export function mergeFilters(
  all: (Record<string, Record<string, number>> | undefined)[],
): Record<string, Record<string, number>>;
export function articlesFound(count: number): string;
export function statusText(count: number, state: SearchState): string;
export function articleDate(url: string): string;
export function formatDate(date: string): string;
