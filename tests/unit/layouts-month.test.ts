import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../layouts/context.ts';
import { monthPage } from '../../layouts/month.ts';
import type { MonthDayCount, MonthGroup } from '../../src/model.ts';

const ctx: PageContext = {
  href: (path) => `/archive${path}`,
  site: { title: 'Εφημερίς', description: 'Αρχείο' },
  topics: [],
};

/** A month's days as the archive gives them: every day, zero counts included. */
function month(
  year: number,
  monthNumber: number,
  length: number,
  counts: Record<number, number>,
): MonthGroup {
  const mm = String(monthNumber).padStart(2, '0');
  const days: MonthDayCount[] = Array.from({ length }, (_, i) => {
    const day = i + 1;
    const dd = String(day).padStart(2, '0');
    const count = counts[day] ?? 0;
    return {
      date: `${year}-${mm}-${dd}`,
      day,
      count,
      ...(count > 0 ? { url: `/${year}/${mm}/${dd}/` } : {}),
    };
  });
  return {
    month: `${year}-${mm}`,
    year,
    monthNumber,
    url: `/${year}/${mm}/`,
    count: Object.values(counts).reduce((a, b) => a + b, 0),
    days,
  };
}

/** linkedom's element (the project compiles without the DOM library). */
type Element = NonNullable<ReturnType<ReturnType<typeof parseHTML>['document']['querySelector']>>;

/** Text a screen reader would hear: aria-hidden parts left out, whitespace collapsed. */
function spokenText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text a sighted reader sees: visually-hidden parts left out. */
function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function parse(html: string) {
  const { document } = parseHTML(html);
  const rows = [...document.querySelectorAll('table.calendar tbody tr')].map((tr) => [
    ...tr.querySelectorAll('td'),
  ]);
  return { document, rows };
}

describe('monthPage', () => {
  const january = month(2026, 1, 31, { 1: 1, 27: 3 });

  it('is a Greek page whose single h1 is the nominative month and year', () => {
    const { document } = parse(monthPage(january, ctx));
    expect(document.documentElement.getAttribute('lang')).toBe('el');
    const h1s = document.querySelectorAll('h1');
    expect(h1s).toHaveLength(1);
    expect(h1s[0]?.textContent).toBe('Ιανουάριος 2026');
    expect(document.title).toBe('Ιανουάριος 2026 · Εφημερίς');
    expect(document.querySelector('main .count')?.textContent).toBe('4 άρθρα');
  });

  it('has a captioned calendar table with Monday-first weekday column headers', () => {
    const { document } = parse(monthPage(january, ctx));
    const table = document.querySelector('main table.calendar');
    expect(table?.querySelector('caption')?.textContent).toContain('Ιανουάριος 2026');
    const headers = [...(table?.querySelectorAll('thead th') ?? [])];
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    expect(headers.map(spokenText)).toEqual([
      'Δευτέρα',
      'Τρίτη',
      'Τετάρτη',
      'Πέμπτη',
      'Παρασκευή',
      'Σάββατο',
      'Κυριακή',
    ]);
    // Shown in capitals, written without accents as Greek capitals are.
    expect(headers.map(visibleText)).toEqual(['ΔΕΥ', 'ΤΡΙ', 'ΤΕΤ', 'ΠΕΜ', 'ΠΑΡ', 'ΣΑΒ', 'ΚΥΡ']);
  });

  it('starts weeks on Monday: 1 January 2026 is a Thursday, 27 a Tuesday', () => {
    const { rows } = parse(monthPage(january, ctx));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(7);
    const first = rows[0]!;
    // Monday to Wednesday are blank; Thursday is the 1st.
    expect(first.slice(0, 3).map((td) => td.textContent)).toEqual(['', '', '']);
    expect(visibleText(first[3]!)).toBe('1 1');
    // Monday 26, Tuesday 27.
    const fifth = rows[4]!;
    expect(visibleText(fifth[0]!)).toBe('26');
    expect(visibleText(fifth[1]!)).toBe('27 3');
    // Saturday 31, then one blank Sunday.
    expect(visibleText(fifth[5]!)).toBe('31');
    expect(fifth[6]!.textContent).toBe('');
  });

  it('links days with articles to their page, prefixed, with an accessible count', () => {
    const { document, rows } = parse(monthPage(january, ctx));
    const links = [...document.querySelectorAll('table.calendar a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/archive/2026/01/01/',
      '/archive/2026/01/27/',
    ]);
    expect(links.map(spokenText)).toEqual([
      '1 Ιανουαρίου 2026: 1 άρθρο',
      '27 Ιανουαρίου 2026: 3 άρθρα',
    ]);
    // The link is the Tuesday cell of the fifth week.
    expect(rows[4]![1]!.querySelector('a')).toBe(links[1]);
  });

  it('gives days without articles their number and a zero count, and no link', () => {
    const { rows } = parse(monthPage(january, ctx));
    const monday26 = rows[4]![0]!;
    expect(monday26.querySelector('a')).toBeNull();
    expect(spokenText(monday26)).toBe('26 Ιανουαρίου 2026: 0 άρθρα');
  });

  it('fills whole weeks exactly: February 2021 starts on a Monday and has four rows', () => {
    const { rows } = parse(monthPage(month(2021, 2, 28, {}), ctx));
    expect(rows).toHaveLength(4);
    expect(visibleText(rows[0]![0]!)).toBe('1');
    expect(visibleText(rows[3]![6]!)).toBe('28');
  });

  it('puts a month starting on Sunday in the last column: March 2026', () => {
    const { rows } = parse(monthPage(month(2026, 3, 31, { 31: 2 }), ctx));
    expect(rows[0]!.slice(0, 6).every((td) => td.textContent === '')).toBe(true);
    expect(visibleText(rows[0]![6]!)).toBe('1');
    expect(rows).toHaveLength(6);
    expect(rows[5]![1]!.querySelector('a')?.getAttribute('href')).toBe('/archive/2026/03/31/');
  });

  it('has breadcrumbs and previous/next month links', () => {
    const withNeighbours: MonthGroup = {
      ...january,
      previous: { url: '/2025/12/', label: 'Δεκέμβριος 2025' },
      next: { url: '/2026/02/', label: 'Φεβρουάριος 2026' },
    };
    const { document } = parse(monthPage(withNeighbours, ctx));
    const crumbs = [...document.querySelectorAll('nav[aria-label="Πλοηγός"] ol li a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(crumbs).toEqual([
      ['Αρχική', '/archive/'],
      ['2026', '/archive/2026/'],
      ['Ιανουάριος', '/archive/2026/01/'],
    ]);
    const prev = document.querySelector('nav[aria-label="Μήνες"] a[rel="prev"]');
    const next = document.querySelector('nav[aria-label="Μήνες"] a[rel="next"]');
    expect(prev?.getAttribute('href')).toBe('/archive/2025/12/');
    expect(prev?.textContent).toContain('Δεκέμβριος 2025');
    expect(next?.getAttribute('href')).toBe('/archive/2026/02/');
  });

  it('shades the days with articles by volume and explains the shades in a legend', () => {
    const { document } = parse(monthPage(month(2026, 3, 31, { 2: 1, 3: 9, 4: 40 }), ctx));
    const shaded = [...document.querySelectorAll('td.has-articles')].map((td) =>
      td.getAttribute('class'),
    );
    expect(shaded).toEqual(['has-articles cal-1', 'has-articles cal-3', 'has-articles cal-4']);
    expect(document.querySelectorAll('td.no-articles[class*="cal-"]')).toHaveLength(0);
    const legend = document.querySelector('.chart-legend');
    expect(legend?.querySelectorAll('.swatch')).toHaveLength(4);
    expect(legend?.textContent).toBe('Άρθρα την ημέρα: 1–2 3–6 7–16 17–40');
  });

  it('uses the nominative for every month heading', () => {
    const nominatives = [
      'Ιανουάριος',
      'Φεβρουάριος',
      'Μάρτιος',
      'Απρίλιος',
      'Μάιος',
      'Ιούνιος',
      'Ιούλιος',
      'Αύγουστος',
      'Σεπτέμβριος',
      'Οκτώβριος',
      'Νοέμβριος',
      'Δεκέμβριος',
    ];
    for (const [index, name] of nominatives.entries()) {
      const { document } = parse(monthPage(month(2026, index + 1, 28, {}), ctx));
      expect(document.querySelector('h1')?.textContent).toBe(`${name} 2026`);
    }
  });
});
