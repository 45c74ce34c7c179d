/** Types of the pure helpers of search-client.js (a browser script, checked by its tests). */

export interface SearchState {
  q: string;
  topic: string;
  year: string;
  sort: '' | 'newest' | 'oldest';
}

export const PAGE_SIZE: number;
export function readState(search: string): SearchState;
export function writeState(state: SearchState): string;
export function articlesFound(count: number): string;
export function statusText(count: number, state: SearchState): string;
export function formatDate(date: string): string;
