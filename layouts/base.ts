/** The document around every page: head, header navigation, breadcrumbs, main, footer. */
import { absoluteUrl, TOPICS_URL } from '../src/archive/urls.ts';
import type { ArticlePage, Link } from '../src/model.ts';
import type { PageContext } from './context.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';

/** Site-relative URL of the topics index. */
export const TOPICS_INDEX_PATH = TOPICS_URL;
/** Site-relative URL of the search page (layouts/search.ts). */
export const SEARCH_PATH = '/anazitisi/';
/** Site-relative URL of the stylesheet, rendered as a page from `layouts/style.css`. */
export const STYLESHEET_PATH = '/assets/style.css';
/** Site-relative URL of the icon, rendered as a page from `layouts/favicon.svg`. */
export const FAVICON_PATH = '/assets/favicon.svg';

export interface BasePageOptions {
  /** The page's own title; the site title is appended (`Τίτλος · Ιστότοπος`). */
  title: string;
  description: string;
  /** The HTML inside `<main>`, starting with the page's single `<h1>`. */
  body: string;
  ctx: PageContext;
  /** Trail from the home page to this page, this page last. Omitted on the home page. */
  breadcrumbs?: Link[];
  /** Site-relative URL of this page, for `<link rel="canonical">` and `aria-current`. */
  canonicalPath?: string;
  /** The article shown, for article metadata. */
  article?: ArticlePage;
  /** The topic a page lists, for its feed. */
  topicSlug?: string;
}

export function basePage(options: BasePageOptions): string {
  const { ctx, canonicalPath } = options;
  const site = ctx.site;
  const fullTitle =
    options.title && options.title !== site.title ? `${options.title} · ${site.title}` : site.title;
  const canonical = canonicalPath !== undefined && site.url && absoluteUrl(site, canonicalPath);
  const chrome = plainChrome(ctx);
  const ownLink = canonicalPath !== undefined && chrome.links.has(canonicalPath);
  return join(
    [
      '<!doctype html>',
      '<html lang="el">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="color-scheme" content="light dark">',
      `<title>${escapeHtml(fullTitle)}</title>`,
      `<meta name="description" content="${escapeAttr(options.description)}">`,
      canonical && `<link rel="canonical" href="${escapeAttr(canonical)}">`,
      ctx.head?.({
        path: canonicalPath,
        title: options.title,
        description: options.description,
        article: options.article,
        topicSlug: options.topicSlug,
      }),
      `<link rel="stylesheet" href="${escapeAttr(ctx.href(STYLESHEET_PATH))}">`,
      `<link rel="icon" href="${escapeAttr(ctx.href(FAVICON_PATH))}" type="image/svg+xml">`,
      '</head>',
      '<body>',
      '<a class="skip-link" href="#main">Μετάβαση στο περιεχόμενο</a>',
      ownLink ? siteHeader(ctx, canonicalPath) : chrome.header,
      options.breadcrumbs &&
        options.breadcrumbs.length > 0 &&
        breadcrumbTrail(options.breadcrumbs, ctx),
      `<main id="main">${options.body}</main>`,
      ownLink ? siteFooter(ctx, canonicalPath) : chrome.footer,
      '</body>',
      '</html>',
      '',
    ],
    '\n',
  );
}

function currentAttr(url: string, canonicalPath: string | undefined): string {
  return url === canonicalPath ? ' aria-current="page"' : '';
}

function navItem(target: Link, ctx: PageContext, canonicalPath: string | undefined): string {
  return (
    `<li><a href="${escapeAttr(ctx.href(target.url))}"${currentAttr(target.url, canonicalPath)}>` +
    `${escapeHtml(target.label)}</a></li>`
  );
}

/**
 * Site name, search and topics. The years live in the footer: on a phone, a dozen years
 * above every page would push the page itself below the fold.
 */
function siteHeader(ctx: PageContext, canonicalPath: string | undefined): string {
  const topics = [...ctx.topics, { url: TOPICS_INDEX_PATH, label: 'Όλα τα θέματα' }];
  return join([
    '<header class="site-header">',
    `<a class="site-name" href="${escapeAttr(ctx.href('/'))}"${currentAttr('/', canonicalPath)}>` +
      `${escapeHtml(ctx.site.title)}</a>`,
    // A plain link: search needs the search page's script, and no other page carries any.
    `<a class="site-search" href="${escapeAttr(ctx.href(SEARCH_PATH))}"` +
      `${currentAttr(SEARCH_PATH, canonicalPath)}>Αναζήτηση</a>`,
    '<nav class="site-nav" aria-label="Κύρια πλοήγηση">',
    `<ul class="nav-topics" aria-label="Θέματα">${topics.map((t) => navItem(t, ctx, canonicalPath)).join('')}</ul>`,
    '</nav>',
    '</header>',
  ]);
}

interface PlainChrome {
  header: string;
  footer: string;
  /** Where their links go: the pages whose header or footer marks a link as the page itself. */
  links: Set<string>;
}

const plainChromes = new WeakMap<PageContext, PlainChrome>();

/**
 * The header and footer of the pages none of their links points to, which are all but a few
 * dozen pages of a site: made once per page context instead of once per page (a quarter of the
 * time of rendering a name page went to its header).
 */
function plainChrome(ctx: PageContext): PlainChrome {
  let chrome = plainChromes.get(ctx);
  if (!chrome) {
    chrome = {
      header: siteHeader(ctx, undefined),
      footer: siteFooter(ctx, undefined),
      links: new Set([
        '/',
        SEARCH_PATH,
        TOPICS_INDEX_PATH,
        ...ctx.topics.map((t) => t.url),
        ...(ctx.years ?? []).map((y) => y.url),
      ]),
    };
    plainChromes.set(ctx, chrome);
  }
  return chrome;
}

function breadcrumbTrail(trail: readonly Link[], ctx: PageContext): string {
  const items = trail.map((crumb, index) => {
    const last = index === trail.length - 1;
    const current = last ? ' aria-current="page"' : '';
    return `<li><a href="${escapeAttr(ctx.href(crumb.url))}"${current}>${escapeHtml(crumb.label)}</a></li>`;
  });
  return `<nav class="breadcrumbs" aria-label="Πλοηγός"><ol>${items.join('')}</ol></nav>`;
}

function siteFooter(ctx: PageContext, canonicalPath: string | undefined): string {
  const years = ctx.years ?? [];
  return join([
    '<footer class="site-footer">',
    years.length > 0 &&
      `<nav class="nav-years" aria-label="Αρχείο ανά έτος"><ul>${years.map((y) => navItem(y, ctx, canonicalPath)).join('')}</ul></nav>`,
    `<p><a href="${escapeAttr(ctx.href('/'))}">${escapeHtml(ctx.site.title)}</a>`,
    ctx.site.description && ` · ${escapeHtml(ctx.site.description)}`,
    '</p>',
    '</footer>',
  ]);
}
