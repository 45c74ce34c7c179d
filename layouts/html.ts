/**
 * Escaping for HTML text and attribute values. Everything that comes from the input (titles,
 * excerpts, names, labels, URLs) goes through one of these before it reaches a page.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text content: `<script>` becomes `&lt;script&gt;`. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is much cheaper than a replace that finds nothing.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (char) => ESCAPES[char] ?? char) : text;
}

const UNSAFE = /[&<>"']/;
const UNSAFE_ALL = /[&<>"']/g;

/** An attribute value; attributes are always written in double quotes. */
export function escapeAttr(value: string): string {
  return escapeHtml(value);
}

/** A fragment that may be left out: `false`, `null` and `undefined` render as nothing. */
export type Fragment = string | false | null | undefined;

/**
 * Joins already-safe HTML fragments, skipping the empty ones. By `+`, which links the parts
 * (V8 flattens a page's string once, when it is written); `Array#join` copies them, and pages
 * are joins inside joins: each level copied the page again.
 */
export function join(fragments: readonly Fragment[], separator = ''): string {
  let html = '';
  let first = true;
  for (const fragment of fragments) {
    if (!fragment) continue;
    html = first ? fragment : html + separator + fragment;
    first = false;
  }
  return html;
}
