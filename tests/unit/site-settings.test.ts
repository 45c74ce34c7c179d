import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../../src/archive/site-settings.ts';

describe('site settings', () => {
  it('reads title, description and a normalised public URL', () => {
    const { site, diagnostics } = parseSiteSettings(
      JSON.stringify({ title: 'Αρχείο', description: 'Περιγραφή', url: 'https://example.org/archive' }),
    );
    expect(site).toEqual({ title: 'Αρχείο', description: 'Περιγραφή', url: 'https://example.org/archive/' });
    expect(diagnostics).toEqual([]);
  });

  it('omits an empty URL without complaint', () => {
    const { site, diagnostics } = parseSiteSettings('{"url": ""}');
    expect(site.url).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('reports broken JSON and falls back to defaults', () => {
    const { site, diagnostics } = parseSiteSettings('{ title: ');
    expect(site.title).not.toBe('');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'E_SITE_SETTINGS', severity: 'error', file: 'site.json' });
  });

  it('rejects a URL that is not absolute http(s)', () => {
    const { site, diagnostics } = parseSiteSettings('{"url": "example.org"}');
    expect(site.url).toBeUndefined();
    expect(diagnostics[0]?.message).toContain('absolute');
  });
});
