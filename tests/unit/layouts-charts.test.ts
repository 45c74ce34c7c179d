import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  barChart,
  levelRanges,
  monthlyBars,
  volumeLevel,
  yearHeatmap,
  yearlyBars,
} from '../../layouts/charts.ts';
import type { PageContext } from '../../layouts/context.ts';
import { stylesheetUrl } from '../../layouts/assets.ts';
import type { DayCount } from '../../src/model.ts';

const ctx: PageContext = {
  href: (path) => `/archive${path}`,
  site: { title: 'Εφημερίς', description: '' },
  topics: [],
};

function parse(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

function day(date: string, count: number): DayCount {
  return { date, count, url: `/${date.replaceAll('-', '/')}/` };
}

describe('volumeLevel', () => {
  it('is 0 without articles and 4 for the busiest', () => {
    expect(volumeLevel(0, 92)).toBe(0);
    expect(volumeLevel(92, 92)).toBe(4);
    expect(volumeLevel(1, 92)).toBe(1);
  });

  it('never falls as the count rises, and uses every shade on a skewed range', () => {
    const levels = Array.from({ length: 92 }, (_, i) => volumeLevel(i + 1, 92));
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]).toBeGreaterThanOrEqual(levels[i - 1]!);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3, 4]));
    // Logarithmic: a tenth of the busiest day is already a middle shade, not the lightest.
    expect(volumeLevel(9, 92)).toBeGreaterThan(1);
  });

  it('gives each count its own shade up to four', () => {
    expect([1, 2, 3].map((c) => volumeLevel(c, 3))).toEqual([1, 2, 4]);
    expect([1, 2, 3, 4].map((c) => volumeLevel(c, 4))).toEqual([1, 2, 3, 4]);
  });
});

describe('levelRanges', () => {
  it('covers 1…max without gaps, one range per shade', () => {
    const ranges = levelRanges(92);
    expect(ranges[0]).toMatchObject({ level: 1, from: 1 });
    expect(ranges.at(-1)).toMatchObject({ level: 4, to: 92 });
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBe(ranges[i - 1]!.to + 1);
  });
});

describe('yearHeatmap', () => {
  const days = [day('2020-01-01', 1), day('2020-04-21', 92), day('2020-04-22', 9)];
  const document = parse(yearHeatmap(2020, days, ctx));
  const cells = [...document.querySelectorAll('svg rect')];
  const links = [...document.querySelectorAll('svg a')];

  it('has one cell per day of the year (a leap year here)', () => {
    expect(cells).toHaveLength(366);
    expect(parse(yearHeatmap(2021, [], ctx)).querySelectorAll('svg rect')).toHaveLength(365);
  });

  it('links only the days with articles, each named with its date and count', () => {
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/archive/2020/01/01/',
      '/archive/2020/04/21/',
      '/archive/2020/04/22/',
    ]);
    expect(links.map((a) => a.querySelector('title')?.textContent)).toEqual([
      '1 Ιανουαρίου 2020: 1 άρθρο',
      '21 Απριλίου 2020: 92 άρθρα',
      '22 Απριλίου 2020: 9 άρθρα',
    ]);
  });

  it('shades cells by volume, empty days with the lightest', () => {
    const shade = (a: (typeof links)[number]) => a.querySelector('rect')?.getAttribute('class');
    expect(links.map(shade)).toEqual(['heat-1', 'heat-4', `heat-${volumeLevel(9, 92)}`]);
    const empty = cells.filter((c) => c.parentElement?.tagName.toLowerCase() !== 'a');
    expect(new Set(empty.map((c) => c.getAttribute('class')))).toEqual(new Set(['heat-0']));
  });

  it('puts weeks in columns with Monday on top', () => {
    const position = (a: (typeof links)[number]) => {
      const rect = a.querySelector('rect')!;
      return [Number(rect.getAttribute('x')), Number(rect.getAttribute('y'))];
    };
    // 21 April 2020 was a Tuesday, 22 a Wednesday: same column, the next row.
    const [tuesday, wednesday] = [position(links[1]!), position(links[2]!)];
    expect(wednesday[0]).toBe(tuesday[0]);
    expect(wednesday[1]! - tuesday[1]!).toBe(12);
    // 1 January 2020 was a Wednesday: third row of the first column.
    expect(position(links[0]!)).toEqual([26, 14 + 2 * 12]);
  });

  it('has an accessible name for each half-year, a summary and a legend in Greek', () => {
    const names = [...document.querySelectorAll('svg')].map((s) => s.getAttribute('aria-label'));
    expect(names).toEqual(['Ιανουάριος – Ιούνιος 2020', 'Ιούλιος – Δεκέμβριος 2020']);
    expect(document.querySelector('svg')?.getAttribute('role')).toBe('group');
    expect(document.querySelector('figcaption')?.textContent).toBe(
      'Άρθρα ανά ημέρα το 2020: 102 άρθρα σε 3 ημέρες. ' +
        'Τα περισσότερα στις 21 Απριλίου 2020 (92 άρθρα).',
    );
    expect(document.querySelector('.chart-legend')?.textContent).toMatch(/^Άρθρα την ημέρα: 1/);
  });

  it('labels months in capitals without accents, dialytika kept, hidden from screen readers', () => {
    const labels = [...document.querySelectorAll('svg [aria-hidden="true"] text')].map(
      (t) => t.textContent,
    );
    expect(labels).toEqual(
      expect.arrayContaining(['ΙΑΝ', 'ΑΠΡ', 'ΜΑΪ', 'ΙΟΥΝ', 'ΔΕΚ', 'ΔΕΥ', 'ΤΕΤ', 'ΠΑΡ']),
    );
  });
});

describe('monthlyBars and barChart: a topic timeline', () => {
  const months = [
    { month: '2020-04', url: '/themata/ygeia/2020/04/', count: 20 },
    { month: '2019-11', url: '/themata/ygeia/2019/11/', count: 2 },
  ];
  const bars = monthlyBars(months, '2019-10', '2020-05');

  it('has one bar per month across the archive, empty months included', () => {
    expect(bars.map((b) => b.label)).toEqual([
      'Οκτώβριος 2019',
      'Νοέμβριος 2019',
      'Δεκέμβριος 2019',
      'Ιανουάριος 2020',
      'Φεβρουάριος 2020',
      'Μάρτιος 2020',
      'Απρίλιος 2020',
      'Μάιος 2020',
    ]);
    expect(bars.map((b) => b.count)).toEqual([0, 2, 0, 0, 0, 0, 20, 0]);
    // Years are marked where they start, and at the first bar.
    expect(bars.flatMap((b) => (b.tick ? [b.tick] : []))).toEqual(['2019', '2020']);
  });

  it('draws and links only the months with articles, named with their counts', () => {
    const document = parse(barChart(bars, 'Άρθρα του θέματος «Υγεία» ανά μήνα', ctx));
    const svg = document.querySelector('svg');
    expect(svg?.getAttribute('aria-label')).toBe('Άρθρα του θέματος «Υγεία» ανά μήνα');
    const links = [...document.querySelectorAll('svg a')];
    expect(
      links.map((a) => [a.getAttribute('href'), a.querySelector('title')?.textContent]),
    ).toEqual([
      ['/archive/themata/ygeia/2019/11/', 'Νοέμβριος 2019: 2 άρθρα'],
      ['/archive/themata/ygeia/2020/04/', 'Απρίλιος 2020: 20 άρθρα'],
    ]);
    const heights = [...document.querySelectorAll('rect.bar')].map((r) =>
      Number(r.getAttribute('height')),
    );
    expect(heights).toHaveLength(2);
    // Heights are proportional to counts (2 of 20 is a tenth of the plot's 100 units).
    expect(heights).toEqual([10, 100]);
  });

  it('keeps tick labels inside the picture and apart', () => {
    const many = monthlyBars([], '1990-01', '2020-05');
    const document = parse(barChart(many, 'x', ctx));
    const xs = [...document.querySelectorAll('text')]
      .filter((t) => /^\d{4}$/.test(t.textContent ?? ''))
      .map((t) => Number(t.getAttribute('x')));
    expect(xs.length).toBeGreaterThan(3);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(30);
    expect(Math.max(...xs) + 4 * 6.5).toBeLessThanOrEqual(400);
    // The newest year is always labelled.
    expect(
      document.querySelectorAll('text')[document.querySelectorAll('text').length - 1]?.textContent,
    ).toBe('2020');
  });
});

describe('yearlyBars', () => {
  it('has one bar per year from the first to the last, years without articles included', () => {
    const bars = yearlyBars([
      { year: 2010, url: '/2010/', count: 7 },
      { year: 2013, url: '/2013/', count: 40 },
    ]);
    expect(bars.map((b) => [b.label, b.count, b.url])).toEqual([
      ['2010', 7, '/2010/'],
      ['2011', 0, undefined],
      ['2012', 0, undefined],
      ['2013', 40, '/2013/'],
    ]);
  });
});

/** WCAG contrast of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('chart colours in the stylesheet', () => {
  const css = readFileSync(stylesheetUrl, 'utf8');
  const variables = (block: string) =>
    Object.fromEntries(
      [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/g)].map((m) => [m[1], m[2]]),
    );
  const light = variables(
    css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))),
  );
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const dark = { ...light, ...variables(css.slice(darkStart, css.indexOf('}', darkStart))) };

  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('keep marks and calendar text readable in the %s scheme', (_, vars) => {
    for (const level of [1, 2, 3, 4]) {
      // A day with articles stands out from the page (WCAG non-text contrast, 3:1).
      expect(contrast(vars[`heat-${level}`]!, vars.bg!), `heat-${level}`).toBeGreaterThanOrEqual(3);
      // A calendar cell's day number and count stay readable (WCAG text contrast, 4.5:1).
      expect(contrast(vars[`cal-${level}`]!, vars.fg!), `cal-${level}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(vars.bar!, vars.bg!)).toBeGreaterThanOrEqual(3);
    // Shades get stronger with volume.
    const distance = (level: number) => contrast(vars[`heat-${level}`]!, vars.bg!);
    for (const level of [2, 3, 4]) expect(distance(level)).toBeGreaterThan(distance(level - 1));
  });
});
