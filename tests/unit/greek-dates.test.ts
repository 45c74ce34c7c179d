import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  assertFullIcu,
  athensDateTime,
  daysInMonth,
  formatDate,
  formatLongDate,
  formatShortDate,
  monthName,
  monthShortName,
  monthYearHeading,
  weekdayIndex,
  weekdayNames,
  weekdayShortNames,
} from '../../src/greek/dates.ts';

const WEEKDAYS = ['Δευτέρα', 'Τρίτη', 'Τετάρτη', 'Πέμπτη', 'Παρασκευή', 'Σάββατο', 'Κυριακή'];

/** [nominative, genitive] of each month, January first. */
const MONTHS: [string, string][] = [
  ['Ιανουάριος', 'Ιανουαρίου'],
  ['Φεβρουάριος', 'Φεβρουαρίου'],
  ['Μάρτιος', 'Μαρτίου'],
  ['Απρίλιος', 'Απριλίου'],
  ['Μάιος', 'Μαΐου'],
  ['Ιούνιος', 'Ιουνίου'],
  ['Ιούλιος', 'Ιουλίου'],
  ['Αύγουστος', 'Αυγούστου'],
  ['Σεπτέμβριος', 'Σεπτεμβρίου'],
  ['Οκτώβριος', 'Οκτωβρίου'],
  ['Νοέμβριος', 'Νοεμβρίου'],
  ['Δεκέμβριος', 'Δεκεμβρίου'],
];
const monthCases = MONTHS.map(([nominative, genitive], index) => ({
  month: index + 1,
  nominative,
  genitive,
}));

describe('formatting a day', () => {
  it('formats the long date with weekday and genitive month', () => {
    expect(formatLongDate('2026-01-27')).toBe('Τρίτη 27 Ιανουαρίου 2026');
  });

  it('formats the date with the genitive month', () => {
    expect(formatDate('2026-01-27')).toBe('27 Ιανουαρίου 2026');
  });

  it('formats the short date without leading zeros', () => {
    expect(formatShortDate('2026-01-27')).toBe('27/1/2026');
    expect(formatShortDate('2026-12-05')).toBe('5/12/2026');
  });

  it.each(monthCases)('uses the genitive $genitive inside a date of month $month', (c) => {
    const date = `2026-${String(c.month).padStart(2, '0')}-15`;
    expect(formatDate(date)).toBe(`15 ${c.genitive} 2026`);
  });

  it('writes a year before 1000 with four digits, as it is written in the header', () => {
    expect(formatDate('0999-03-01')).toBe('1 Μαρτίου 0999');
    expect(formatShortDate('0999-03-01')).toBe('1/3/0999');
  });

  it('names every weekday of a week', () => {
    const week = [
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
    ];
    expect(week.map((d) => formatLongDate(d).split(' ')[0])).toEqual(WEEKDAYS);
  });

  it('formats leap days', () => {
    expect(formatLongDate('2024-02-29')).toBe('Πέμπτη 29 Φεβρουαρίου 2024');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-27', '27/01/2026', '2026-01-27T10:00', ''])(
    'rejects %j as a date',
    (date) => {
      expect(() => formatDate(date)).toThrow(RangeError);
      expect(() => athensDateTime(date)).toThrow(/YYYY-MM-DD/);
    },
  );
});

describe('month names', () => {
  it.each(monthCases)('month $month is $nominative in the nominative', (c) => {
    expect(monthName(c.month)).toBe(c.nominative);
  });

  it.each(monthCases)('the heading of month $month is nominative', (c) => {
    expect(monthYearHeading(2026, c.month)).toBe(`${c.nominative} 2026`);
  });

  it('rejects a month outside 1–12', () => {
    expect(() => monthName(0)).toThrow(RangeError);
    expect(() => monthName(13)).toThrow(RangeError);
    expect(() => monthYearHeading(2026, 1.5)).toThrow(RangeError);
  });

  it('abbreviates every month for chart axes', () => {
    expect(Array.from({ length: 12 }, (_, i) => monthShortName(i + 1))).toEqual([
      'Ιαν',
      'Φεβ',
      'Μαρ',
      'Απρ',
      'Μαΐ',
      'Ιουν',
      'Ιουλ',
      'Αυγ',
      'Σεπ',
      'Οκτ',
      'Νοε',
      'Δεκ',
    ]);
    expect(() => monthShortName(13)).toThrow(RangeError);
  });
});

describe('weekdays', () => {
  it('names the weekdays Monday first, in full', () => {
    expect(weekdayNames()).toEqual(WEEKDAYS);
  });

  it('abbreviates the weekdays as the locale does, Monday first', () => {
    expect(weekdayShortNames()).toEqual(['Δευ', 'Τρί', 'Τετ', 'Πέμ', 'Παρ', 'Σάβ', 'Κυρ']);
  });

  it('hands out arrays a caller may change without harm', () => {
    weekdayNames().reverse();
    weekdayShortNames().pop();
    expect(weekdayNames()[0]).toBe('Δευτέρα');
    expect(weekdayShortNames()).toHaveLength(7);
  });

  it('numbers weekdays from 0 = Monday to 6 = Sunday', () => {
    expect(weekdayIndex('2026-01-26')).toBe(0);
    expect(weekdayIndex('2026-01-27')).toBe(1);
    expect(weekdayIndex('2026-02-01')).toBe(6);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('rejects a month outside 1–12', () => {
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });
});

describe('athensDateTime', () => {
  it('gives local midnight with the winter offset', () => {
    expect(athensDateTime('2026-01-27')).toBe('2026-01-27T00:00:00+02:00');
  });

  it('gives local midnight with the summer offset', () => {
    expect(athensDateTime('2026-07-01')).toBe('2026-07-01T00:00:00+03:00');
  });

  it.each([
    ['2026-03-28', '2026-03-28T00:00:00+02:00'],
    // Clocks go forward at 03:00 on 29 March: its midnight is still winter time.
    ['2026-03-29', '2026-03-29T00:00:00+02:00'],
    ['2026-03-30', '2026-03-30T00:00:00+03:00'],
    ['2026-10-24', '2026-10-24T00:00:00+03:00'],
    // Clocks go back at 04:00 on 25 October: its midnight is still summer time.
    ['2026-10-25', '2026-10-25T00:00:00+03:00'],
    ['2026-10-26', '2026-10-26T00:00:00+02:00'],
  ])('around a DST change: %s → %s', (date, iso) => {
    expect(athensDateTime(date)).toBe(iso);
  });
});

describe('independence from the machine time zone', () => {
  const originalTz = process.env.TZ;

  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // The extremes: UTC−11 and UTC+14 put UTC midnight on another local day.
  it.each(['UTC', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'America/New_York', 'Asia/Tokyo'])(
    'keeps the calendar day in TZ=%s',
    (zone) => {
      process.env.TZ = zone;
      expect(formatLongDate('2026-01-01')).toBe('Πέμπτη 1 Ιανουαρίου 2026');
      expect(formatShortDate('2026-12-31')).toBe('31/12/2026');
      expect(weekdayIndex('2026-03-29')).toBe(6);
      expect(athensDateTime('2026-10-25')).toBe('2026-10-25T00:00:00+03:00');
      expect(monthYearHeading(2026, 1)).toBe('Ιανουάριος 2026');
      expect(daysInMonth(2026, 2)).toBe(28);
    },
  );

  it('really changes the zone of naive Date parsing (so the test above means something)', () => {
    process.env.TZ = 'Pacific/Pago_Pago';
    expect(new Date('2026-01-01').getDate()).toBe(31);
  });
});

describe('assertFullIcu', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('passes on this Node.js, which formats Greek month names', () => {
    expect(() => assertFullIcu()).not.toThrow();
  });

  it('throws a clear error when months come out in English, as with small ICU', () => {
    // Only Greek formatting is faked: luxon also formats in en-US to compute zone offsets.
    const formatToParts = Intl.DateTimeFormat.prototype.formatToParts;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts').mockImplementation(function (
      this: Intl.DateTimeFormat,
      date,
    ) {
      const parts = formatToParts.call(this, date);
      if (!this.resolvedOptions().locale.startsWith('el')) return parts;
      return parts.map((part) => (part.type === 'month' ? { ...part, value: 'January' } : part));
    });
    expect(() => assertFullIcu()).toThrow(/small ICU/);
  });
});
