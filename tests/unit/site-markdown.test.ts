import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { inlineMarkdown, renderBody, renderParagraph } from '../../src/site/markdown.ts';

function dom(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('article body rendering', () => {
  it('renders each paragraph as one <p>, even ones that look like Markdown blocks', () => {
    const paragraphs = [
      '1. Πρώτο σημείο',
      '- Τι κάνεις; ρώτησε.',
      '# Όχι επικεφαλίδα',
      '> Όχι παράθεμα',
    ];
    const doc = dom(renderBody(paragraphs));
    const ps = [...doc.querySelectorAll('p')].map((p) => p.textContent);
    expect(ps).toEqual(paragraphs);
    expect(doc.querySelector('ol, ul, h1, blockquote')).toBeNull();
  });

  it('never lets raw HTML through', () => {
    const doc = dom(renderBody(['<script>alert(1)</script> και <b>έντονα</b>']));
    expect(doc.querySelector('script, b')).toBeNull();
    expect(doc.querySelector('p')?.textContent).toBe('<script>alert(1)</script> και <b>έντονα</b>');
  });

  it('keeps safe links and drops javascript: ones', () => {
    const doc = dom(renderBody(['[καλός](https://example.org) [κακός](javascript:alert(1))']));
    const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org']);
  });

  it('keeps web and mail links only: another scheme may open an application', () => {
    const kept =
      '[α](http://example.org/) [β](HTTPS://example.org/) [γ](//example.org/) [δ](mailto:a@example.org)';
    const dropped = [
      '[ε](httpdCjs://evil.example/x.png)',
      '[ζ](ms-msdt:/id%20PCWDiagnostic)',
      '[η](tel:+302101234567)',
      '[θ](ftp://example.org/)',
    ];
    const doc = dom(renderBody([kept, ...dropped]));
    const [first, ...rest] = [...doc.querySelectorAll('p')];
    expect([...(first?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      'http://example.org/',
      'HTTPS://example.org/',
      '//example.org/',
      'mailto:a@example.org',
    ]);
    expect(rest.map((p) => p.querySelector('a'))).toEqual([null, null, null, null]);
    expect(rest.map((p) => p.textContent)).toEqual(dropped);
  });

  it('leaves a link as text when its address is no URL, and keeps relative ones', () => {
    const broken = '![εικόνα](https://evil.e<script>alert(1)</script>xample/x.png)';
    const doc = dom(renderBody([broken, '[αρχείο](/2020/01/) [ψάξε](?q=Αθήνα#x)']));
    const [first, second] = [...doc.querySelectorAll('p')];
    expect(first?.querySelector('a')).toBeNull();
    expect(first?.textContent).toBe(broken);
    expect([...(second?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/2020/01/',
      '?q=%CE%91%CE%B8%CE%AE%CE%BD%CE%B1#x',
    ]);
  });

  it('does not load remote images', () => {
    expect(
      dom(renderBody(['![εικόνα](https://example.org/x.png)'])).querySelector('img'),
    ).toBeNull();
  });

  it('renders inline emphasis', () => {
    expect(dom(renderBody(['*πολύ* σημαντικό'])).querySelector('em')?.textContent).toBe('πολύ');
  });
});

describe('the plain-paragraph shortcut', () => {
  const alphabet = [
    ...'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊΐΑΒΓΔΕΙΟΣΩABCxyz0123456789',
    ...' .,;:·?!-–—«»"\'()/%+=#$@|^{}',
    ...'\\`*_[]<>&~',
    '\u00a0',
    '\t',
    '\n',
    '\u2003',
    '\u3000',
    '\ufeff',
    '\u0000',
    '\u200b',
    'http://a.gr',
    '&amp;',
    '**',
    '1. ',
    '# ',
  ];
  const paragraph = fc
    .array(fc.constantFrom(...alphabet), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('renders every paragraph exactly as markdown-it does', () => {
    fc.assert(
      fc.property(paragraph, (p) => {
        expect(renderParagraph(p)).toBe(inlineMarkdown.render(p));
      }),
      { numRuns: 3000 },
    );
  });

  it('is taken by ordinary news prose', () => {
    const prose = 'Ο πρωθυπουργός είπε «όχι» στις 15 Μαρτίου: "Θα δούμε", πρόσθεσε.';
    const parse = vi.spyOn(inlineMarkdown, 'render');
    const html = renderParagraph(prose);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(html).toBe(
      '<p>Ο πρωθυπουργός είπε «όχι» στις 15 Μαρτίου: &quot;Θα δούμε&quot;, πρόσθεσε.</p>\n',
    );
    expect(renderParagraph(prose)).toBe(inlineMarkdown.render(prose));
  });
});
