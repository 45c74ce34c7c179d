/** What a page's search fingerprint holds: everything Pagefind reads of it, and nothing else. */
import { describe, expect, it } from 'vitest';
import { indexedParts } from '../../src/site/search-content.ts';

/** An article page shaped as layouts/article.ts writes it. */
function page(parts: {
  title?: string;
  body?: string;
  topic?: string;
  date?: string;
  names?: string;
}) {
  const { title = 'Σεισμός στην Κρήτη', body = '<p>Σεισμός <em>5,2</em> Ρίχτερ.</p>' } = parts;
  const date = parts.date ?? '2026-02-03';
  return (
    `<!doctype html><html lang="el"><head><title>${title}</title></head><body><header><nav>Αρχείο</nav></header>` +
    `<main><article class="article" data-pagefind-sort="date:${date}" data-pagefind-filter="year:${date.slice(0, 4)}">` +
    `<h1 data-pagefind-body>${title}</h1><ul><li><a href="/themata/x/" data-pagefind-filter="topic">${parts.topic ?? 'Κοινωνία'}</a></li></ul>` +
    `<div class="article-body" data-pagefind-body><div class="quote">${body}</div><p>Τέλος.</p></div>` +
    `<dl><dt>Πρόσωπα</dt>${parts.names ?? '<dd>Γιώργος</dd>'}</dl></article></main><footer>©</footer></body></html>`
  );
}

describe('indexedParts', () => {
  const base = indexedParts(page({}));

  it('ignores what Pagefind does not read: names, navigation, footer', () => {
    expect(indexedParts(page({ names: '<dd><a href="/onomata/g/">Γιώργος</a></dd>' }))).toBe(base);
    expect(indexedParts(page({}).replace('©', '© 2027').replace('Αρχείο', 'Αρχεία'))).toBe(base);
  });

  it('changes with the title, the body (past nested elements), a topic, the date or year', () => {
    for (const changed of [
      page({ title: 'Σεισμός στη Ρόδο' }),
      page({ body: '<p>Σεισμός <em>5,3</em> Ρίχτερ.</p>' }),
      page({}).replace('<p>Τέλος.</p>', '<p>Τέλος!</p>'),
      page({ topic: 'Ελλάδα' }),
      page({ date: '2026-02-04' }),
    ]) {
      expect(indexedParts(changed)).not.toBe(base);
    }
  });

  it('keeps the whole page when nothing marks the body, as Pagefind then reads it all', () => {
    const plain = '<html><body><p>Κείμενο</p><footer>x</footer></body></html>';
    expect(indexedParts(plain)).toBe(plain);
  });
});
