import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { stylesheet, stylesheetPath } from '../../layouts/assets.ts';
import { articleCount, plural, readingTime, timeElement } from '../../layouts/format.ts';
import { escapeAttr, escapeHtml, join } from '../../layouts/html.ts';

describe('escapeHtml / escapeAttr', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
  });

  it('leaves Greek text alone', () => {
    expect(escapeHtml('Συνάντηση Μητσοτάκη – Ερντογάν; «Ναι»')).toBe(
      'Συνάντηση Μητσοτάκη – Ερντογάν; «Ναι»',
    );
  });

  it('keeps a hostile string as text in content and in an attribute', () => {
    const hostile = `"><script>alert(1)</script><b x='`;
    const { document } = parseHTML(`<p title="${escapeAttr(hostile)}">${escapeHtml(hostile)}</p>`);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    const p = document.querySelector('p');
    expect(p?.textContent).toBe(hostile);
    expect(p?.getAttribute('title')).toBe(hostile);
  });
});

describe('join', () => {
  it('drops false, null, undefined and empty fragments', () => {
    expect(join(['<p>', false, null, undefined, '', 'a', '</p>'])).toBe('<p>a</p>');
    expect(join(['a', false, 'b'], ', ')).toBe('a, b');
  });
});

describe('Greek counts', () => {
  it('uses the singular only for one', () => {
    expect(articleCount(0)).toBe('0 άρθρα');
    expect(articleCount(1)).toBe('1 άρθρο');
    expect(articleCount(2)).toBe('2 άρθρα');
    expect(articleCount(21)).toBe('21 άρθρα');
    expect(readingTime(1)).toBe('1 λεπτό ανάγνωσης');
    expect(readingTime(5)).toBe('5 λεπτά ανάγνωσης');
    expect(plural(1, 'ημέρα', 'ημέρες')).toBe('1 ημέρα');
  });
});

describe('timeElement', () => {
  it('carries the ISO day and a Greek genitive date by default', () => {
    const { document } = parseHTML(`<p>${timeElement('2026-01-27')}</p>`);
    const time = document.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-01-27');
    expect(time?.textContent).toBe('27 Ιανουαρίου 2026');
  });
});

describe('stylesheet', () => {
  it('is a real CSS file with dark, print, focus and hyphenation rules', () => {
    expect(stylesheetPath).toMatch(/layouts[\\/]style\.css$/);
    expect(stylesheet).toContain('@media (prefers-color-scheme: dark)');
    expect(stylesheet).toContain('@media print');
    expect(stylesheet).toContain(':focus-visible');
    expect(stylesheet).toMatch(/hyphens:\s*auto/);
    expect(stylesheet).toContain('.calendar');
    expect(stylesheet).toContain('.visually-hidden');
    // On paper: no navigation, and the article's source line shown.
    const print = stylesheet.slice(stylesheet.indexOf('@media print'));
    expect(print).toMatch(/\.site-nav,[^{]*\.breadcrumbs,[^{]*\.pager,[^{]*\{\s*display: none/);
    expect(stylesheet).toMatch(/@media screen \{\s*\.print-only \{\s*display: none/);
    // Capitals are written by the layouts, never made by CSS (browsers differ on Greek accents).
    expect(stylesheet).not.toMatch(/text-transform:\s*uppercase/);
    // Balanced braces: a truncated or broken file would not be.
    expect(stylesheet.split('{').length).toBe(stylesheet.split('}').length);
  });
});
