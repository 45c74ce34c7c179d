/** What the search index reads of a page, and what its day fingerprint holds. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayFingerprint, sameSearchRecord, searchRecord } from '../../src/site/search-content.ts';
import { changedSearchDays } from '../../src/site/search-index.ts';
import { removeFolder } from '../remove-folder.ts';

/** An article page shaped as layouts/article.ts writes it. */
function page(parts: { title?: string; body?: string; topic?: string; names?: string }) {
  const {
    title = 'Σεισμός στην Κρήτη',
    body = '<p>Σεισμός <em>5,2</em> Ρίχτερ &amp; ζημιές.</p>',
  } = parts;
  return (
    `<!doctype html><html lang="el"><head><title>${title}</title></head><body><header><nav>Αρχείο</nav></header>` +
    `<main><article class="article">` +
    `<h1 data-search-title>${title}</h1><ul><li><a href="/themata/x/" rel="tag" data-search-topic>${parts.topic ?? 'Κοινωνία'}</a></li></ul>` +
    `<div class="article-body" data-search-body><div class="quote">${body}</div><p>Τέλος.</p></div>` +
    `<dl><dt>Πρόσωπα</dt>${parts.names ?? '<dd>Γιώργος</dd>'}</dl></article></main><footer>©</footer></body></html>`
  );
}

describe('searchRecord', () => {
  it('reads the title, the body past nested elements, and the topics, as text', () => {
    const record = searchRecord(page({}))!;
    expect(record.title).toBe('Σεισμός στην Κρήτη');
    expect(record.body.replace(/\s+/g, ' ')).toBe('Σεισμός 5,2 Ρίχτερ & ζημιές. Τέλος.');
    expect(record.topics).toEqual(['Κοινωνία']);
  });

  it('keeps words apart across paragraphs and together across inline tags', () => {
    const record = searchRecord(
      page({ body: '<p>πρώτη</p><p>δεύτερη<br>τρίτη σει<em>σμός</em></p>' }),
    )!;
    expect(record.body.split(/\s+/)).toEqual(['πρώτη', 'δεύτερη', 'τρίτη', 'σεισμός', 'Τέλος.']);
  });

  it("takes the attributes' names in an article's text for text", () => {
    const body =
      '<p>Η σήμανση data-search-topic και data-search-body=&quot;x&quot; στο κείμενο.</p>';
    const record = searchRecord(page({ body }))!;
    expect(record.topics).toEqual(['Κοινωνία']);
    expect(record.body).toContain(
      'Η σήμανση data-search-topic και data-search-body="x" στο κείμενο.',
    );
  });

  it('reads nothing of a page without a marked body', () => {
    expect(
      searchRecord('<html><body><h1 data-search-title>Τίτλος</h1><p>Κείμενο</p></body></html>'),
    ).toBeUndefined();
  });
});

describe('dayFingerprint', () => {
  const day = (html: string, folder = '0-seismos') => [{ folder, record: searchRecord(html)! }];
  const base = dayFingerprint(day(page({})));

  it('ignores what the index does not read: names, navigation, footer', () => {
    expect(dayFingerprint(day(page({ names: '<dd><a href="/onomata/g/">Γιώργος</a></dd>' })))).toBe(
      base,
    );
    expect(dayFingerprint(day(page({}).replace('©', '© 2027').replace('Αρχείο', 'Αρχεία')))).toBe(
      base,
    );
  });

  it('changes with the title, the body, a topic or an article folder', () => {
    for (const changed of [
      day(page({ title: 'Σεισμός στη Ρόδο' })),
      day(page({ body: '<p>Σεισμός <em>5,3</em> Ρίχτερ.</p>' })),
      day(page({}).replace('<p>Τέλος.</p>', '<p>Τέλος!</p>')),
      day(page({ topic: 'Ελλάδα' })),
      day(page({}), '1-seismos'),
    ]) {
      expect(dayFingerprint(changed)).not.toBe(base);
    }
  });

  it('is undefined for a day without article pages', () => {
    expect(dayFingerprint([])).toBeUndefined();
  });
});

describe('sameSearchRecord', () => {
  it('is true when only what the index does not read differs', () => {
    const linked = page({ names: '<dd><a href="/onomata/g/">Γιώργος</a></dd>' });
    expect(sameSearchRecord(page({}), linked)).toBe(true);
  });

  it('is false for another title, body or topic, or a page on one side only', () => {
    expect(sameSearchRecord(page({}), page({ title: 'Σεισμός στη Ρόδο' }))).toBe(false);
    expect(sameSearchRecord(page({}), page({ body: '<p>Άλλο.</p>' }))).toBe(false);
    expect(sameSearchRecord(page({}), page({ topic: 'Ελλάδα' }))).toBe(false);
    expect(sameSearchRecord(page({}), undefined)).toBe(false);
    expect(sameSearchRecord(undefined, page({}))).toBe(false);
    expect(sameSearchRecord(undefined, undefined)).toBe(true);
  });
});

describe('changedSearchDays', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-search-days-'));
  afterAll(() => removeFolder(work));
  const site = path.join(work, 'site');
  const staging = path.join(work, 'staging');
  const put = (dir: string, url: string, html: string) => {
    mkdirSync(path.join(dir, url), { recursive: true });
    writeFileSync(path.join(dir, url, 'index.html'), html);
  };
  // Relinked: an old article whose list of names changed. Edited: its text changed. Added: a
  // new article. Interrupted: a page a killed build was replacing, same as the new one.
  put(site, '/2020/01/01/relinked/', page({}));
  put(staging, '/2020/01/01/relinked/', page({ names: '<dd><a href="/x/">Γιώργος</a></dd>' }));
  put(site, '/2020/01/02/edited/', page({}));
  put(staging, '/2020/01/02/edited/', page({ body: '<p>Διορθωμένο.</p>' }));
  put(staging, '/2020/01/03/added/', page({}));
  put(site, '/2020/01/05/interrupted/', page({}));
  put(staging, '/2020/01/05/interrupted/', page({}));
  put(staging, '/onomata/g/', '<p>Γιώργος</p>');

  it('counts the days of pages that read differently, new or removed, and of unverified ones', () => {
    const replaced = [
      '/2020/01/01/relinked/',
      '/2020/01/02/edited/',
      '/2020/01/03/added/',
      '/2020/01/05/interrupted/',
      '/onomata/g/',
    ];
    const days = changedSearchDays(
      site,
      staging,
      replaced,
      ['/2020/01/04/gone/', '/onomata/old/'],
      new Set(['/2020/01/05/interrupted/']),
    );
    expect([...days].sort()).toEqual(['2020-01-02', '2020-01-03', '2020-01-04', '2020-01-05']);
  });

  it('counts nothing when every replaced page reads the same', () => {
    const days = changedSearchDays(site, staging, ['/2020/01/01/relinked/'], [], new Set());
    expect(days.size).toBe(0);
  });
});
