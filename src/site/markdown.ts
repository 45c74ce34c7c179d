import MarkdownIt from 'markdown-it';

/**
 * Article bodies are news prose, not Markdown documents: a paragraph that happens to start with
 * `1.`, `-` (Greek dialogue dashes) or `#` must stay a paragraph, so only inline Markdown
 * (emphasis, code, links) is kept. Raw HTML is off and markdown-it's link validation drops
 * `javascript:` and similar URLs; images are off so an archive page never loads remote files.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable([
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

export function renderBody(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => markdown.render(p)).join('');
}
