import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/site/markdown.ts';

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

  it('does not load remote images', () => {
    expect(
      dom(renderBody(['![εικόνα](https://example.org/x.png)'])).querySelector('img'),
    ).toBeNull();
  });

  it('renders inline emphasis', () => {
    expect(dom(renderBody(['*πολύ* σημαντικό'])).querySelector('em')?.textContent).toBe('πολύ');
  });
});
