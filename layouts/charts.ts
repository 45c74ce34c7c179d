/**
 * Pictures of the archive as static SVG drawn at build time: a year's calendar heat-map and bar
 * charts of articles per month or per year. No script and no colours in the markup: marks carry
 * classes the stylesheet paints, so the dark scheme repaints them. Every mark with articles is a
 * link whose `<title>` names its date and count (the tooltip, and the link's accessible name),
 * so a chart is also a list of links a keyboard or a screen reader can walk; axis labels are
 * decoration and hidden from assistive technology.
 */
import type { DayCount, IsoDate } from '../src/model.ts';
import {
  daysInMonth,
  formatDate,
  monthName,
  monthShortName,
  monthYearHeading,
  weekdayIndex,
  weekdayShortNames,
} from '../src/greek/dates.ts';
import { upperGreek } from '../src/greek/fold.ts';
import type { PageContext } from './context.ts';
import { articleCount, formatNumber } from './format.ts';
import { escapeAttr, escapeHtml, join } from './html.ts';

/** A shade: 0 for no articles, then 1 (few) to 4 (the most). */
export type Level = 0 | 1 | 2 | 3 | 4;
const TOP_LEVEL = 4;

/**
 * The shade of `count` among counts up to `max`. News volume is skewed (a few busy days dwarf
 * the rest), so the shades split the logarithmic range in four equal bands: a linear scale would
 * paint almost every day alike. Up to four articles at most, each count has its own shade.
 */
export function volumeLevel(count: number, max: number): Level {
  if (count <= 0) return 0;
  if (count >= max) return TOP_LEVEL;
  if (max <= TOP_LEVEL) return count as Level;
  const band = Math.floor((TOP_LEVEL * Math.log(count)) / Math.log(max + 1));
  return Math.min(TOP_LEVEL, 1 + band) as Level;
}

/** The counts each shade stands for, for a legend; shades no count reaches are left out. */
export function levelRanges(max: number): { level: Level; from: number; to: number }[] {
  const ranges: { level: Level; from: number; to: number }[] = [];
  for (let count = 1; count <= max; count++) {
    const level = volumeLevel(count, max);
    const last = ranges.at(-1);
    if (last?.level === level) last.to = count;
    else ranges.push({ level, from: count, to: count });
  }
  return ranges;
}

/**
 * `Άρθρα την ημέρα: ▪ 1 ▪ 2–4 ▪ 5–19 ▪ 20–92`, each swatch painted by `swatchClass(level)`.
 * Text, so it reads without the picture.
 */
export function levelLegend(max: number, swatchClass: (level: Level) => string): string {
  const items = levelRanges(max).map(
    ({ level, from, to }) =>
      `<span class="swatch ${swatchClass(level)}" aria-hidden="true"></span>` +
      (from === to ? formatNumber(from) : `${formatNumber(from)}–${formatNumber(to)}`),
  );
  return `<p class="chart-legend">Άρθρα την ημέρα: ${items.join(' ')}</p>`;
}

/** Coordinates rounded so the markup stays short. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function linked(ctx: PageContext, url: string, title: string, marks: string): string {
  return `<a href="${escapeAttr(ctx.href(url))}"><title>${escapeHtml(title)}</title>${marks}</a>`;
}

function svg(viewBox: string, className: string, name: string, content: string): string {
  return (
    `<svg class="${className}" viewBox="${viewBox}" role="group" ` +
    `aria-label="${escapeAttr(name)}">${content}</svg>`
  );
}

// Heat-map geometry, in SVG units: 10-unit cells 2 apart, a column of weekday labels on the
// left and a row of month labels on top. Half a year is at most 28 weeks wide.
const CELL = 10;
const STEP = 12;
const LEFT = 26;
const TOP = 14;
const HALF_WEEKS = 28;
const HEAT_WIDTH = LEFT + HALF_WEEKS * STEP - (STEP - CELL);
const HEAT_HEIGHT = TOP + 7 * STEP - (STEP - CELL);
/** Weekday rows that get a label (Monday, Wednesday, Friday), as GitHub's graph has. */
const LABELLED_WEEKDAYS = [0, 2, 4];

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months `firstMonth`…`lastMonth` of a year as a strip of weeks, Monday on top. */
function heatmapHalf(
  year: number,
  [firstMonth, lastMonth]: [number, number],
  byDate: ReadonlyMap<IsoDate, DayCount>,
  max: number,
  ctx: PageContext,
): string {
  const lead = weekdayIndex(isoDate(year, firstMonth, 1));
  const cells: string[] = [];
  const labels: string[] = [];
  let offset = lead;
  for (let month = firstMonth; month <= lastMonth; month++) {
    const column = Math.floor(offset / 7);
    labels.push(
      `<text x="${LEFT + column * STEP}" y="${TOP - 4}">${escapeHtml(upperGreek(monthShortName(month)))}</text>`,
    );
    for (let day = 1; day <= daysInMonth(year, month); day++, offset++) {
      const date = isoDate(year, month, day);
      const entry = byDate.get(date);
      const x = LEFT + Math.floor(offset / 7) * STEP;
      const y = TOP + (offset % 7) * STEP;
      const rect = `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" class="heat-${volumeLevel(entry?.count ?? 0, max)}"/>`;
      cells.push(
        entry
          ? linked(ctx, entry.url, `${formatDate(date)}: ${articleCount(entry.count)}`, rect)
          : rect,
      );
    }
  }
  const weekdays = weekdayShortNames();
  for (const row of LABELLED_WEEKDAYS) {
    labels.push(
      `<text x="0" y="${TOP + row * STEP + CELL - 1}">${escapeHtml(upperGreek(weekdays[row]!))}</text>`,
    );
  }
  const name = `${monthName(firstMonth)} – ${monthName(lastMonth)} ${year}`;
  return svg(
    `0 0 ${HEAT_WIDTH} ${HEAT_HEIGHT}`,
    'heatmap',
    name,
    `<g class="chart-labels" aria-hidden="true">${labels.join('')}</g>${cells.join('')}`,
  );
}

/**
 * A year as a calendar heat-map, GitHub-style: weeks as columns, Monday first, one cell per
 * day shaded by its article count, days with articles linking to their pages. Drawn as two
 * half-years so that each stays legible on a phone and they sit side by side where there is
 * room. `days` lists the days with articles.
 */
export function yearHeatmap(year: number, days: readonly DayCount[], ctx: PageContext): string {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const max = Math.max(0, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const busiest = days.reduce<DayCount | undefined>(
    (best, d) => (best === undefined || d.count > best.count ? d : best),
    undefined,
  );
  const summary = join([
    `Άρθρα ανά ημέρα το ${year}: ${articleCount(total)} σε ${formatNumber(days.length)} ${days.length === 1 ? 'ημέρα' : 'ημέρες'}.`,
    busiest && ` Τα περισσότερα στις ${formatDate(busiest.date)} (${articleCount(busiest.count)}).`,
  ]);
  return chartFigure(
    'chart-year',
    summary,
    join([
      '<div class="heatmap-halves">',
      heatmapHalf(year, [1, 6], byDate, max, ctx),
      heatmapHalf(year, [7, 12], byDate, max, ctx),
      '</div>',
      max > 0 && levelLegend(max, (level) => `heat-${level}`),
    ]),
  );
}

/** One bar of a bar chart. */
export interface Bar {
  /** What the bar stands for, in its tooltip and accessible name: `Απρίλιος 2020`. */
  label: string;
  count: number;
  /** The page of that period; bars without articles have none. */
  url?: string;
  /** Axis label under the bar, for bars that start a period worth labelling: `2020`. */
  tick?: string;
}

// Bar chart geometry, in SVG units: a plot 100 units high above a baseline, the largest count
// written at the top left, tick labels below.
const BAR_WIDTH = 400;
const BAR_LEFT = 44;
const BAR_TOP = 8;
const BASELINE = 108;
const BAR_HEIGHT = 132;
/** Width of one character of a tick label, to keep labels from overlapping. */
const TICK_CHAR = 6.5;
/** However few its articles, a bar stays visible. */
const MIN_BAR = 2;

/**
 * Bars of article counts, each bar with articles a link to its period's page. Zero counts draw
 * nothing above the baseline, so gaps in the archive show as gaps.
 */
export function barChart(bars: readonly Bar[], name: string, ctx: PageContext): string {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = (BAR_WIDTH - BAR_LEFT) / Math.max(1, bars.length);
  const width = step >= 4 ? step * 0.75 : step * 0.9;
  const plot = BASELINE - BAR_TOP;
  const marks: string[] = [];
  const ticks: string[] = [];
  // From the right, so the newest period is always labelled (moved left to fit inside if need
  // be) and older labels that would overlap the one after them are dropped.
  let nextTick = Infinity;
  for (let i = bars.length - 1; i >= 0; i--) {
    const tick = bars[i]!.tick;
    if (tick === undefined) continue;
    const width = tick.length * TICK_CHAR;
    let x = BAR_LEFT + i * step;
    if (nextTick === Infinity) x = Math.max(BAR_LEFT, Math.min(x, BAR_WIDTH - width));
    else if (x + width + 4 > nextTick) continue;
    ticks.unshift(`<text x="${n(x)}" y="${BAR_HEIGHT - 10}">${escapeHtml(tick)}</text>`);
    nextTick = x;
  }
  bars.forEach((bar, i) => {
    const x = BAR_LEFT + i * step;
    if (bar.count <= 0) return;
    const height = Math.max(MIN_BAR, (bar.count / max) * plot);
    const rect = `<rect class="bar" x="${n(x)}" y="${n(BASELINE - height)}" width="${n(width)}" height="${n(height)}"/>`;
    if (!bar.url) {
      marks.push(rect);
      return;
    }
    // A full-height transparent target, so that a short bar is as easy to point at as a tall one.
    const target = `<rect class="bar-target" x="${n(x)}" y="${BAR_TOP}" width="${n(step)}" height="${plot}"/>`;
    marks.push(linked(ctx, bar.url, `${bar.label}: ${articleCount(bar.count)}`, target + rect));
  });
  const scale =
    `<line class="axis" x1="${BAR_LEFT}" y1="${BASELINE}" x2="${BAR_WIDTH}" y2="${BASELINE}"/>` +
    `<line class="grid" x1="${BAR_LEFT}" y1="${BAR_TOP}" x2="${BAR_WIDTH}" y2="${BAR_TOP}"/>`;
  const maxLabel = `<text x="${BAR_LEFT - 4}" y="${BAR_TOP + 4}" text-anchor="end">${formatNumber(max)}</text>`;
  return svg(
    `0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`,
    'bar-chart',
    name,
    `<g class="chart-labels" aria-hidden="true">${scale}${maxLabel}${ticks.join('')}</g>${marks.join('')}`,
  );
}

/** `2020-04` → [2020, 4]. */
function monthParts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

/**
 * One bar per calendar month from `first` to `last` (`YYYY-MM`), empty months included, with
 * the counts of `months`; each January is labelled with its year, and so is the first bar.
 */
export function monthlyBars(
  months: readonly { month: string; url: string; count: number }[],
  first: string,
  last: string,
): Bar[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const bars: Bar[] = [];
  let [year, month] = monthParts(first);
  const [lastYear, lastMonth] = monthParts(last);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const entry = byMonth.get(key);
    bars.push({
      label: monthYearHeading(year, month),
      count: entry?.count ?? 0,
      ...(entry ? { url: entry.url } : {}),
      ...(month === 1 || bars.length === 0 ? { tick: String(year) } : {}),
    });
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return bars;
}

/**
 * One bar per year from the first to the last of `years`, years without articles included,
 * each labelled with its year.
 */
export function yearlyBars(years: readonly { year: number; url: string; count: number }[]): Bar[] {
  const byYear = new Map(years.map((y) => [y.year, y]));
  const first = years[0]?.year ?? 0;
  const last = years.at(-1)?.year ?? -1;
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const entry = byYear.get(year);
    return {
      label: String(year),
      count: entry?.count ?? 0,
      ...(entry ? { url: entry.url } : {}),
      tick: String(year),
    };
  });
}

/** `Τα περισσότερα: Απρίλιος 2020 (1.137 άρθρα).`, the first of the largest bars. */
export function busiestBarText(bars: readonly Bar[]): string {
  const busiest = bars.reduce<Bar | undefined>(
    (best, bar) => (best === undefined || bar.count > best.count ? bar : best),
    undefined,
  );
  return busiest && busiest.count > 0
    ? `Τα περισσότερα: ${busiest.label} (${articleCount(busiest.count)}).`
    : '';
}

/** A figure: a caption that sums the picture up in words, then the picture. */
export function chartFigure(className: string, summary: string, content: string): string {
  return (
    `<figure class="chart ${className}"><figcaption>${escapeHtml(summary)}</figcaption>` +
    `${content}</figure>`
  );
}
