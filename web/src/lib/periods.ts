// Comparing like with like. A period that runs past the data's as-of day is clipped to it
// ("to date"), and its comparison base covers the same days: quarter-to-date 1–31 Oct against
// 1–31 Jul (previous quarter) or 1–31 Oct a year earlier (same period last year), never a
// month against a whole quarter. A base that starts before the data does is not a comparison
// (a percentage change over a partial base misleads), so it is flagged instead of computed.
// All dates are UTC calendar days, `YYYY-MM-DD`, inclusive at both ends (Cube's dateRange).
import type { DateRange } from './filters';

export const COMPARE_TO = ['previous', 'last-year'] as const;
export type CompareTo = (typeof COMPARE_TO)[number];

export const COMPARE_LABELS: Readonly<Record<CompareTo, string>> = {
  previous: 'Previous period',
  'last-year': 'Same period last year',
};

/** complete: the base lies within the data; partial: it starts before the data; none: it ends before the data starts. */
export type BaseCoverage = 'complete' | 'partial' | 'none';

export interface Comparison {
  readonly compareTo: CompareTo;
  readonly range: DateRange;
  readonly coverage: BaseCoverage;
}

export interface Period {
  /** The days the numbers cover: the chosen range, ending at the as-of day when it runs past it. */
  readonly range: DateRange;
  /** The range as chosen (a whole quarter for "this quarter"). */
  readonly nominal: DateRange;
  /** The range ran past the as-of day and was cut there. */
  readonly toDate: boolean;
  readonly comparison: Comparison | null;
}

const DAY_MS = 86_400_000;

function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function isMonthEnd(date: Date): boolean {
  return date.getUTCDate() === lastDayOfMonth(date.getUTCFullYear(), date.getUTCMonth());
}

/** `day` moved back `months` calendar months; a month's last day stays its month's last day, other days clamp (31 Mar → 28 Feb). */
export function monthsBefore(day: string, months: number): string {
  const date = parse(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const last = lastDayOfMonth(year, month);
  const dom = isMonthEnd(date) ? last : Math.min(date.getUTCDate(), last);
  return iso(new Date(Date.UTC(year, month, dom)));
}

/** Whole calendar months in a range that starts on a 1st and ends on a month's last day, else null. */
export function wholeMonths([from, to]: DateRange): number | null {
  const a = parse(from);
  const b = parse(to);
  if (a.getUTCDate() !== 1 || !isMonthEnd(b)) return null;
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}

/** Days in a range, both ends included. */
export function daysIn([from, to]: DateRange): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS) + 1;
}

/** The range cut at the as-of day when it runs past it (a range wholly after the data is left alone). */
export function clipToAsOf(range: DateRange, asOf: string | null): { readonly range: DateRange; readonly toDate: boolean } {
  if (!asOf || range[1] <= asOf || range[0] > asOf) return { range, toDate: false };
  return { range: [range[0], asOf], toDate: true };
}

/**
 * The comparison base for `range` (already clipped) within `nominal` (the range as chosen).
 * Calendar-month periods shift by their length in months ("previous") or by 12 months
 * ("last-year"), keeping the same days into the period; other ranges take the same number of
 * days just before ("previous") or the same days a year earlier ("last-year").
 */
export function comparisonRange(range: DateRange, nominal: DateRange, compareTo: CompareTo): DateRange {
  const months = wholeMonths(nominal);
  if (months !== null || compareTo === 'last-year') {
    const shift = compareTo === 'last-year' ? 12 : (months ?? 12);
    return [monthsBefore(range[0], shift), monthsBefore(range[1], shift)];
  }
  const days = daysIn(range);
  const from = parse(range[0]).getTime();
  return [iso(new Date(from - days * DAY_MS)), iso(new Date(from - DAY_MS))];
}

/** How much of the base the data covers, given the first day of the data. */
export function baseCoverage(base: DateRange, dataStart: string | null): BaseCoverage {
  if (!dataStart || base[0] >= dataStart) return 'complete';
  return base[1] < dataStart ? 'none' : 'partial';
}

export interface DataWindow {
  /** The latest day in the data (the dashboard's "today"). */
  readonly asOf: string | null;
  /** The first day in the data. */
  readonly start: string | null;
}

export function resolvePeriod(nominal: DateRange, compareTo: CompareTo, data: DataWindow): Period {
  const { range, toDate } = clipToAsOf(nominal, data.asOf);
  const base = comparisonRange(range, nominal, compareTo);
  return { range, nominal, toDate, comparison: { compareTo, range: base, coverage: baseCoverage(base, data.start) } };
}

/** What the comparison base is, in words: "the same days of the previous quarter". */
export function describeBase(nominal: DateRange, toDate: boolean, compareTo: CompareTo): string {
  const months = wholeMonths(nominal);
  const unit = months === 1 ? 'month' : months === 3 ? 'quarter' : months === 12 ? 'year' : 'period';
  const which = compareTo === 'last-year' ? (unit === 'year' ? 'the year before' : `the same ${unit} last year`) : `the previous ${unit}`;
  return toDate ? `the same days of ${which}` : which;
}
