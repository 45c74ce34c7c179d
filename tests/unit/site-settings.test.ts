import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../../src/archive/site-settings.ts';

describe('site settings', () => {
  it('reads title, description and a normalised public URL', () => {
    const { site, diagnostics } = parseSiteSettings(
      JSON.stringify({
        title: 'Αρχείο',
        description: 'Περιγραφή',
        url: 'https://example.org/archive',
      }),
    );
    expect(site).toEqual({
      title: 'Αρχείο',
      description: 'Περιγραφή',
      url: 'https://example.org/archive/',
    });
    expect(diagnostics).toEqual([]);
  });

  it('warns that an empty URL leaves out feeds and sitemaps', () => {
    const { site, diagnostics } = parseSiteSettings('{"url": ""}');
    expect(site.url).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'W_SITE_URL_MISSING', severity: 'warning' });
    expect(diagnostics[0]!.message).toContain('feeds');
  });

  it('reports broken JSON and falls back to defaults', () => {
    const { site, diagnostics } = parseSiteSettings('{ title: ');
    expect(site.title).not.toBe('');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'E_SITE_SETTINGS',
      severity: 'error',
      file: 'site.json',
    });
  });

  it('rejects a URL that only looks like one', () => {
    const { site, diagnostics } = parseSiteSettings('{"url": "https://exa mple.org/"}');
    expect(site.url).toBeUndefined();
    expect(diagnostics[0]?.code).toBe('E_SITE_SETTINGS');
  });

  it('rejects a URL that is not absolute http(s)', () => {
    const { site, diagnostics } = parseSiteSettings('{"url": "example.org"}');
    expect(site.url).toBeUndefined();
    expect(diagnostics[0]?.message).toContain('absolute');
  });
});
