/**
 * Nothing is injected, module by module: hostile text as ingest delivers it goes through the
 * Markdown renderer, the article layout, the Atom feed, the sitemap and the JSON-LD, and every
 * output is parsed back (HTML or XML DOM) to check that no element or attribute was added and
 * that the text reads back exactly.
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articlePage } from '../../layouts/article.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { articleUrl } from '../../src/archive/urls.ts';
import { slugify } from '../../src/greek/slug.ts';
import { parseFile } from '../../src/ingest/parse-file.ts';
import type { ArticleWithBody, SiteSettings, SourceArticle } from '../../src/model.ts';
import { atomFeed } from '../../src/site/feeds.ts';
import { renderBody } from '../../src/site/markdown.ts';
import { articleJsonLd, pageMetadata } from '../../src/site/metadata.ts';
import { pageContext } from '../../src/site/pages.ts';
import { archiveSitemapUrls, sitemaps } from '../../src/site/sitemap.ts';
import { stripInvalidXmlChars } from '../../src/site/xml.ts';
import { expectNoInjectedMarkup, expectNoInjectedXml, parseDocument } from './support.ts';

/** Text that would be markup, script, or a break-out of some context, if not escaped. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '</script><script>alert(2)</script>',
  '"><img src=x onerror=alert(3)>',
  "'><svg onload=alert(4)>",
  '</title><b>bold</b><title>',
  '</textarea></style></noscript><iframe src="https://evil.example/">',
  ']]> <![CDATA[ <b>x</b> ]]>',
  '<!-- comment --> <!DOCTYPE html> <?xml version="1.0"?>',
  '&amp; &lt;b&gt; &#60;i&#62; &#x3C;u&#x3E; &nbsp;',
  '<a href="javascript:alert(5)">κλικ</a>',
  '{{ 7*7 }} {% if true %}ναι{% endif %} ${7*7} <%= 7*7 %>',
  '\u2028 και \u2029 διαχωριστές γραμμής',
  'emoji 👨‍👩‍👧 και 🇬🇷',
];

const SITE: SiteSettings = {
  title: 'Αρχείο </title><script>alert(6)</script>',
  description: 'Περιγραφή "> ]]> <!--',
  url: 'https://example.org/archive/',
};

/** What ingest makes of a file holding `title` and `paragraphs`. */
function ingest(title: string, paragraphs: string[], ordinal = 0): SourceArticle {
  const file = `date 2026-01-27 ${ordinal}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;
  const parsed = parseFile(new TextEncoder().encode(file), 'articles/x.txt');
  expect(parsed.articles, JSON.stringify(parsed.diagnostics)).toHaveLength(1);
  return parsed.articles[0]!;
}

function toArticle(source: SourceArticle, topicName: string): ArticleWithBody {
  const slug = slugify(source.title);
  return {
    ...source,
    excerpt: source.paragraphs[0] ?? '',
    wordCount: 12,
    readingMinutes: 1,
    topics: [{ slug: 'politiki', name: topicName, score: 3 }],
    names: [],
    keywords: [],
    id: `${source.date}-${source.ordinal}`,
    contentHash: String(source.ordinal),
    summaryHash: String(source.ordinal),
    slug,
    url: articleUrl(source.date, source.ordinal, slug),
  };
}

/** One archive whose every article carries hostile text in its title, body and topic name. */
function hostileArchive() {
  const articles = HOSTILE.map((text, i) =>
    toArticle(ingest(`Τίτλος ${text}`, [text, `Δεύτερη ${text}`], i), `Θέμα ${text}`),
  );
  const archive = buildArchive(articles, [{ slug: 'politiki', name: 'Πολιτική <b>' }], SITE);
  return { articles, archive };
}

/**
 * linkedom's XML parser leaves character references in attribute values as written; a real XML
 * parser resolves them like this.
 */
function decodeXmlAttribute(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (name in named) return named[name] as string;
    const hex = name[1] === 'x' || name[1] === 'X';
    return String.fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

function xml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

describe('the Markdown body renderer', () => {
  it('renders hostile paragraphs as text in paragraphs, with only safe inline elements', () => {
    for (const text of HOSTILE) {
      const html = renderBody([text, `**έντονο** ${text}`]);
      const doc = parseDocument(`<div>${html}</div>`);
      const div = doc.querySelector('div')!;
      const tags = new Set([...div.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
      for (const tag of tags) expect(['p', 'strong', 'em', 'code', 'a', 's'], text).toContain(tag);
      expect(div.children.length).toBe(2);
      expectNoInjectedMarkup(html, text);
    }
  });

  it('keeps the text of a paragraph without Markdown syntax exactly', () => {
    const plain = [
      'Κείμενο με "εισαγωγικά" και \'αποστρόφους\'.',
      'Σύμβολα: © ® € % $ @ ~ ^ = + ; :',
    ];
    const doc = parseDocument(`<div>${renderBody(plain)}</div>`);
    expect([...doc.querySelectorAll('p')].map((p) => p.textContent)).toEqual(plain);
  });

  it('never makes a link that runs code, however the scheme is spelled', () => {
    const attempts = [
      '[a](javascript:alert(1))',
      '[a](JAVASCRIPT:alert(1))',
      '[a](javascript&#58;alert(1))',
      '[a](&#x6A;avascript:alert(1))',
      '[a](java\tscript:alert(1))',
      '[a](<javascript:alert(1)>)',
      '[a](vbscript:msgbox(1))',
      '[a](data:text/html;base64,PHNjcmlwdD4=)',
      '[a](file:///etc/passwd)',
      '<javascript:alert(1)>',
      '[a][r]\n\n[r]: javascript:alert(1)',
      '[a](https://ok.example/" onmouseover="alert(1))',
      '[a](https://ok.example/"onmouseover="alert(1)")',
    ];
    for (const text of attempts) {
      const html = renderBody([text]);
      expectNoInjectedMarkup(html, text);
      for (const a of parseDocument(html).querySelectorAll('a')) {
        expect(
          [...a.attributes].map((x) => x.name),
          text,
        ).toEqual(['href']);
      }
    }
  });
});

describe('the article page', () => {
  it('shows hostile titles, bodies, topic and site names as text, adding no element', () => {
    const { archive, articles } = hostileArchive();
    const ctx = pageContext(archive, '/archive/');
    expect(archive.articles.length).toBe(HOSTILE.length);
    for (const page of archive.articles) {
      const source = articles.find((a) => a.id === page.article.id)!;
      const html = articlePage(page, renderBody(source.paragraphs), ctx);
      expectNoInjectedMarkup(html, page.article.title);
      const doc = parseDocument(html);
      expect(doc.querySelector('h1')?.textContent).toBe(page.article.title);
      expect(doc.querySelectorAll('title')).toHaveLength(1);
      expect(doc.querySelector('title')?.textContent).toContain(page.article.title);
      expect(doc.querySelectorAll('body')).toHaveLength(1);
    }
  });
});

describe('the Atom feed', () => {
  it('carries hostile titles, summaries and bodies as text that reads back exactly', () => {
    const { articles } = hostileArchive();
    const feed = atomFeed({
      site: SITE,
      title: `Ροή ${HOSTILE.join(' ')}`,
      feedPath: '/feed.xml',
      pagePath: '/',
      articles,
    });
    expectNoInjectedXml(feed, 'feed.xml');
    const doc = xml(feed);
    expect(doc.querySelectorAll('script, img, svg, b, iframe').length).toBe(0);
    const entries = [...doc.querySelectorAll('entry')];
    expect(entries).toHaveLength(articles.length);
    entries.forEach((entry, i) => {
      const a = articles[i]!;
      expect(entry.querySelector('title')?.textContent).toBe(stripInvalidXmlChars(a.title));
      const label = entry.querySelector('category')?.getAttribute('label') ?? '';
      expect(decodeXmlAttribute(label)).toBe(a.topics[0]!.name);
      // The content is HTML carried as text: decoded once, it is paragraphs of plain text.
      const content = entry.querySelector('content')?.textContent ?? '';
      const inner = parseDocument(`<div>${content}</div>`);
      expect([...inner.querySelectorAll('div > *')].map((e) => e.tagName.toLowerCase())).toEqual(
        a.paragraphs.map(() => 'p'),
      );
      expect([...inner.querySelectorAll('p')].map((p) => p.textContent)).toEqual(a.paragraphs);
      expectNoInjectedMarkup(content, `${a.id} content`);
    });
  });

  it('drops characters XML cannot hold instead of writing an unreadable feed', () => {
    const source = ingest('Τίτλος', ['Κείμενο']);
    const article = {
      ...toArticle(source, 'Θέμα'),
      title: 'NUL\u0000 BEL\u0007 \uFFFE \uD800 τέλος',
    };
    const feed = atomFeed({
      site: SITE,
      title: 'Ροή\u0001',
      feedPath: '/feed.xml',
      pagePath: '/',
      articles: [article],
    });
    expectNoInjectedXml(feed, 'feed.xml');
    expect(xml(feed).querySelector('entry title')?.textContent).toBe('NUL BEL   τέλος');
  });
});

describe('the sitemap', () => {
  it('lists only URLs made of the date, number and ASCII slug, whatever the titles', () => {
    const { archive } = hostileArchive();
    const files = sitemaps(SITE, archiveSitemapUrls(archive));
    for (const file of files) {
      expectNoInjectedXml(file.xml, file.path);
      for (const loc of xml(file.xml).querySelectorAll('loc')) {
        expect(loc.textContent).toMatch(/^https:\/\/example\.org\/archive\/[a-z0-9/.-]*$/);
      }
    }
  });
});

describe('JSON-LD and head metadata', () => {
  it('keeps one script element whose JSON reads back to the hostile title', () => {
    const { archive } = hostileArchive();
    for (const page of archive.articles) {
      const html = articleJsonLd(SITE, page);
      expect(html).not.toMatch(/<\/script[^>]*>[^]*<\/script/i);
      expect(html.match(/<\/script/gi)).toHaveLength(1);
      expect(html).not.toContain('<!--');
      expect(html).not.toContain(']]>');
      const doc = parseDocument(`<head>${html}</head>`);
      const scripts = doc.querySelectorAll('script');
      expect(scripts).toHaveLength(1);
      const graph = (
        JSON.parse(scripts[0]!.textContent ?? '') as { '@graph': { headline?: string }[] }
      )['@graph'];
      expect(graph[0]?.headline).toBe(stripInvalidXmlChars(page.article.title));
    }
  });

  it('writes hostile titles and descriptions into attributes that read back exactly', () => {
    for (const text of HOSTILE) {
      const html = pageMetadata({
        site: SITE,
        path: '/2026/01/27/',
        title: text,
        description: text,
        type: 'website',
        feeds: [{ title: text, path: '/feed.xml' }],
      });
      expectNoInjectedMarkup(html, text);
      const doc = parseDocument(`<head>${html}</head>`);
      expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(text);
      expect(doc.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(
        text,
      );
      expect(doc.querySelector('link[type="application/atom+xml"]')?.getAttribute('title')).toBe(
        text,
      );
    }
  });
});
