import { DateTime, Info } from 'luxon';
import type { IsoDate } from '../model.ts';
import { memo } from '../memo.ts';

/**
 * Greek dates. An article date is a calendar day: it is built from its year, month and day and
 * never parsed as an instant, so neither UTC nor the machine's zone can move it to the day
 * before or after. Where an instant is wanted (`athensDateTime`), it is midnight in Athens.
 */

const ZONE = 'Europe/Athens';
const LOCALE = 'el';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The month+year skeleton is what gives the nominative month; `LLLL` gives the genitive. */
const MONTH_AND_YEAR = { month: 'long', year: 'numeric' } as const;

// Formatting a date through luxon and Intl costs tens of microseconds, and a build formats the
// same few thousand days over and over (every article, day and feed entry): they are remembered.

function calendarDay(date: IsoDate, zone: string): DateTime<true> {
  const match = ISO_DATE.exec(date);
  const day = match
    ? DateTime.fromObject(
        { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
        { zone, locale: LOCALE },
      )
    : undefined;
  if (!day?.isValid) throw new RangeError(`not a calendar date as YYYY-MM-DD: "${date}"`);
  return day;
}

/**
 * A day for its labels. A day's number, month and weekday are the same in every zone, so it is
 * made in UTC: in Athens time, working out each day's offset through Intl was most of what a
 * build spent on dates.
 */
const labelDay = memo((date: IsoDate) => calendarDay(date, 'utc'));

/** The month names of dates (the genitive, `Ιανουαρίου`), and the weekdays from Monday. */
const GENITIVE_MONTHS = Info.monthsFormat('long', { locale: LOCALE });
const WEEKDAYS = Info.weekdays('long', { locale: LOCALE });

function firstOfMonth(year: number, month: number): DateTime<true> {
  const day = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc', locale: LOCALE });
  if (!day.isValid) throw new RangeError(`not a month: ${month} (of year ${year})`);
  return day;
}

/** `27 Ιανουαρίου 2026`: the month in the genitive, as inside a date. */
export const formatDate = memo((date: IsoDate): string => {
  const { day, month } = labelDay(date);
  // The year as written: four digits, as luxon's `yyyy` gives it.
  return `${day} ${GENITIVE_MONTHS[month - 1]} ${date.slice(0, 4)}`;
});

/** `Τρίτη 27 Ιανουαρίου 2026`. */
export const formatLongDate = memo(
  (date: IsoDate): string => `${WEEKDAYS[labelDay(date).weekday - 1]} ${formatDate(date)}`,
);

/** `27/1/2026`. */
export const formatShortDate = memo((date: IsoDate): string => {
  const { day, month } = labelDay(date);
  return `${day}/${month}/${date.slice(0, 4)}`;
});

/** The nominative month name, 1 = `Ιανουάριος` … 12 = `Δεκέμβριος`. */
function nominativeMonth(month: number): string {
  const part = firstOfMonth(2000, month)
    .toLocaleParts(MONTH_AND_YEAR)
    .find((p) => p.type === 'month');
  if (part === undefined) throw new Error(`no month name in the Greek locale for month ${month}`);
  return part.value;
}

export const monthName = memo(nominativeMonth);

/** The locale's abbreviation, 1 = `Ιαν` … 5 = `Μαΐ` … 12 = `Δεκ`, for chart axes. */
export function monthShortName(month: number): string {
  const name = Info.months('short', { locale: LOCALE })[month - 1];
  if (name === undefined) throw new RangeError(`not a month: ${month}`);
  return name;
}

/** `Ιανουάριος 2026`: a heading for a month's page. */
const monthHeadings = memo((yearMonth: string): string => {
  const [year, month] = yearMonth.split('-').map(Number);
  return firstOfMonth(year!, month!).toLocaleString(MONTH_AND_YEAR);
});

export function monthYearHeading(year: number, month: number): string {
  return monthHeadings(`${year}-${month}`);
}

/** `Δευτέρα` … `Κυριακή`, Monday first as in Greek calendars. */
export function weekdayNames(): string[] {
  // A copy: luxon hands out its cached array, which a caller must not be able to change.
  return [...Info.weekdays('long', { locale: LOCALE })];
}

/** `Δευ`, `Τρί` … `Κυρ` (the locale's abbreviations), Monday first. */
export function weekdayShortNames(): string[] {
  return [...Info.weekdays('short', { locale: LOCALE })];
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = memo((date: IsoDate): number => labelDay(date).weekday - 1);

const monthLengths = memo((yearMonth: string): number => {
  const [year, month] = yearMonth.split('-').map(Number);
  return firstOfMonth(year!, month!).daysInMonth;
});

export function daysInMonth(year: number, month: number): number {
  return monthLengths(`${year}-${month}`);
}

/** Local midnight in Athens with its offset, for `<time datetime>` and feeds: `2026-01-27T00:00:00+02:00`. */
export const athensDateTime = memo((date: IsoDate): string =>
  calendarDay(date, ZONE).toISO({ suppressMilliseconds: true }),
);

/**
 * Throws when this Node.js formats Greek dates in English, as a small-ICU build silently
 * does; call it before building so that a site is never published with English months.
 */
export function assertFullIcu(): void {
  const january = nominativeMonth(1);
  if (!/^\p{Script=Greek}+$/u.test(january)) {
    throw new Error(
      `This Node.js has no Greek locale data (month 1 is "${january}", not "Ιανουάριος"): ` +
        'it was built with small ICU. Use an official Node.js build, which has full ICU, ' +
        'or point NODE_ICU_DATA at the full-icu data.',
    );
  }
}
