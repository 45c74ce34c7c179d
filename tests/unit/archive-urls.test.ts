import { describe, expect, it } from 'vitest';
import {
  articleId,
  articleUrl,
  dayUrl,
  monthUrl,
  topicMonthUrl,
  topicUrl,
  yearUrl,
} from '../../src/archive/urls.ts';

describe('URL plan', () => {
  it('puts an article under its date with its ordinal and slug', () => {
    expect(articleUrl('2026-01-27', 0, 'synamilisan-oi-ypourgoi-amynas-ton-dyo-choron')).toBe(
      '/2026/01/27/0-synamilisan-oi-ypourgoi-amynas-ton-dyo-choron/',
    );
  });

  it('keeps two same-titled articles of a day apart by their ordinals', () => {
    expect(articleUrl('2026-01-27', 1, 'eidiseis')).not.toBe(
      articleUrl('2026-01-27', 2, 'eidiseis'),
    );
  });

  it('still gives a URL when the title has no transliterable letters', () => {
    expect(articleUrl('2026-01-27', 3, '')).toBe('/2026/01/27/3/');
  });

  it('names ids and date pages from the calendar date alone', () => {
    expect(articleId('2026-01-27', 4)).toBe('2026-01-27-4');
    expect(dayUrl('2026-01-27')).toBe('/2026/01/27/');
    expect(monthUrl('2026-01')).toBe('/2026/01/');
    expect(yearUrl(2026)).toBe('/2026/');
  });

  it('anchors topic pages to months', () => {
    expect(topicUrl('amyna')).toBe('/themata/amyna/');
    expect(topicMonthUrl('amyna', '2026-01')).toBe('/themata/amyna/2026/01/');
  });

  it('produces lower-case ASCII only', () => {
    const url = articleUrl('2026-12-31', 12, 'a-b-c');
    expect(url).toMatch(/^[a-z0-9/-]+$/);
  });
});
