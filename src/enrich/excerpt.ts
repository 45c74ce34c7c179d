const DEFAULT_MAX_LENGTH = 220;

/**
 * A short plain-text lead for lists: the first paragraph, cut at a word boundary.
 * Cutting mid-word would leave half a Greek word that readers stumble over.
 */
export function excerpt(paragraphs: readonly string[], maxLength = DEFAULT_MAX_LENGTH): string {
  const first = paragraphs.find((p) => p.trim() !== '')?.trim() ?? '';
  if (first.length <= maxLength) return first;
  // By code points, so that an emoji or other astral character is never cut in half.
  // (Twice the units always hold the first `maxLength` code points whole.)
  const cut = Array.from(first.slice(0, maxLength * 2))
    .slice(0, maxLength)
    .join('');
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,.;:·!?«»"“”'’–—-]+$/u, '')}…`;
}
