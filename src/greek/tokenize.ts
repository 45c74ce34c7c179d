const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*/gu;

/** The words of a text in order, as written (no folding). Numbers count as words. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Count of words as a reader would count them. */
export function countWords(text: string): number {
  return words(text).length;
}
