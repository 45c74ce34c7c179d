import MarkdownIt from 'markdown-it';

/**
 * Article bodies are news prose, not Markdown documents: a paragraph that happens to start with
 * `1.`, `-` (Greek dialogue dashes) or `#` must stay a paragraph, so only inline Markdown
 * (emphasis, code, links) is kept. Raw HTML is off, links keep web and mail addresses only
 * (below), and images are off so an archive page never loads remote files.
 */
export const inlineMarkdown = new MarkdownIt({
  html: false,
  linkify: false,
  typographer: false,
}).disable([
  'heading',
  'lheading',
  'list',
  'code',
  'fence',
  'blockquote',
  'hr',
  'table',
  'reference',
  'html_block',
  'html_inline',
  'image',
]);

/** Schemes a link in an article may have; a relative address resolves to `https:`. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * A link stays a link only if its address, as markdown-it writes it, is a URL at all, of a web
 * or mail scheme. Text pasted into an address (`https://evil.e<script>…</script>xample/`) gives
 * a host no browser can parse, and any other scheme may hand the address to an application the
 * reader's system registered for it (`ms-msdt:` once ran code that way), which markdown-it's own
 * list of `javascript:`, `vbscript:`, `file:` and `data:` cannot foresee. Such a link is left as
 * the text it was written as.
 */
inlineMarkdown.validateLink = (url) => {
  const parsed = URL.parse(url, 'https://relative.invalid/');
  return parsed !== null && LINK_SCHEMES.has(parsed.protocol);
};

/**
 * Characters that may start inline Markdown, an entity or an escape, or that markdown-it
 * rewrites (NUL, whitespace other than spaces) or trims (edge spaces, checked apart). A paragraph without them, as most
 * news paragraphs are, renders as markdown-it would render it without a parse: a quarter of
 * the time of writing an article page went to markdown-it.
 */
// eslint-disable-next-line no-control-regex -- NUL is what markdown-it rewrites, so it is looked for.
const MARKDOWN_SYNTAX = /[\\`*_[\]<>&!~\u0000]|[^\S ]/u;
const SPACE = /\s/u;

/**
 * Whether the paragraph starts or ends with white space. Its two ends only: `/^\s|\s$/` tries
 * the second branch at every character.
 */
function hasEdgeSpace(paragraph: string): boolean {
  return SPACE.test(paragraph.charAt(0)) || SPACE.test(paragraph.charAt(paragraph.length - 1));
}

/** One paragraph as HTML, exactly as `inlineMarkdown.render` gives it. */
export function renderParagraph(paragraph: string): string {
  if (!MARKDOWN_SYNTAX.test(paragraph) && !hasEdgeSpace(paragraph)) {
    return paragraph.length === 0 ? '' : `<p>${paragraph.replaceAll('"', '&quot;')}</p>\n`;
  }
  return inlineMarkdown.render(paragraph);
}

export function renderBody(paragraphs: readonly string[]): string {
  return paragraphs.map(renderParagraph).join('');
}
