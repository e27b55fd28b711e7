// Global dashboard filters: their URL form (so a link reproduces the view), date presets
// resolved against the data's as-of date, and the Cube filters they become for one view.
import { COMPARE_TO, describeBase, resolvePeriod } from './periods';
import type { CompareTo, DataWindow, Period } from './periods';

export const DATE_PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-12-months', 'all'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const PRESET_LABELS: Readonly<Record<DatePreset, string>> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-12-months': 'Last 12 months',
  all: 'All time',
};

export const DEFAULT_PRESET: DatePreset = 'last-12-months';

/** The dimensions every page can filter on, in the order the filter bar shows them. */
export const FILTER_DIMENSIONS = ['channel', 'segment', 'region', 'team', 'owner'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** A closed range of calendar days, `YYYY-MM-DD` inclusive on both ends (Cube's dateRange). */
export type DateRange = readonly [string, string];

export interface DashboardFilters {
  /** A preset, or null when `from`/`to` give a custom range. */
  readonly preset: DatePreset | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly dims: Readonly<Record<FilterDimension, readonly string[]>>;
  /** What the period is compared with (`compare=last-year` in the URL; previous period by default). */
  readonly compare: CompareTo;
  /** The URL chose the period; when it did not, the landing view picks one it can compare. */
  readonly rangeChosen: boolean;
}

/** Filters with the date range made concrete: what every query is built from. */
export interface ResolvedFilters {
  /** The days the numbers cover, cut at the data's as-of day ("to date"). */
  readonly dateRange: DateRange | null;
  /**
   * The comparison base (same days of the previous period, or of the same period last year),
   * or null when there is none to show as a change: "all time", or a base that starts before
   * the data (see `period.comparison.coverage`).
   */
  readonly previousRange: DateRange | null;
  /** The period in full: as chosen, whether cut at the as-of day, and its comparison. */
  readonly period: Period | null;
  /** The data's as-of day (cohort maturity is measured to it). */
  readonly asOf: string | null;
  readonly dims: Readonly<Record<FilterDimension, readonly string[]>>;
  /** Per view, which member each filter applies to (the views' `meta.filters` in the model, via /meta). */
  readonly filterMembers: FilterMembersByView;
}

export type FilterMembersByView = Readonly<Record<string, Partial<Readonly<Record<FilterDimension, string>>>>>;

export interface CubeFilter {
  readonly member: string;
  readonly operator: 'equals';
  readonly values: readonly string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function emptyDims(): Record<FilterDimension, string[]> {
  return { channel: [], segment: [], region: [], team: [], owner: [] };
}

export function defaultFilters(): DashboardFilters {
  return { preset: DEFAULT_PRESET, from: null, to: null, dims: emptyDims(), compare: 'previous', rangeChosen: false };
}

function isValidDay(value: string | null): value is string {
  if (value === null || !ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads filters from a query string. Unknown keys are ignored; bad dates fall back to the default preset. */
export function parseFilters(search: string | URLSearchParams): DashboardFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const dims = emptyDims();
  for (const dim of FILTER_DIMENSIONS) {
    const values = params.getAll(dim).filter((v) => v !== '');
    dims[dim] = [...new Set(values)].sort();
  }
  const compare = COMPARE_TO.find((c) => c === params.get('compare')) ?? 'previous';
  const from = params.get('from');
  const to = params.get('to');
  if (isValidDay(from) && isValidDay(to)) {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return { preset: null, from: a, to: b, dims, compare, rangeChosen: true };
  }
  const range = params.get('range');
  const chosen = DATE_PRESETS.find((p) => p === range);
  return { preset: chosen ?? DEFAULT_PRESET, from: null, to: null, dims, compare, rangeChosen: chosen !== undefined };
}

/**
 * Writes filters to query-string parameters, in a stable order, leaving out defaults.
 * Other parameters in `base` (e.g. `slide`) are kept.
 */
export function serializeFilters(filters: DashboardFilters, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  if (base) {
    for (const [key, value] of base) {
      if (key === 'range' || key === 'from' || key === 'to' || key === 'compare' || (FILTER_DIMENSIONS as readonly string[]).includes(key)) continue;
      params.append(key, value);
    }
  }
  if (filters.preset === null && filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  } else if (filters.preset !== null && (filters.preset !== DEFAULT_PRESET || filters.rangeChosen)) {
    params.set('range', filters.preset);
  }
  if (filters.compare !== 'previous') params.set('compare', filters.compare);
  for (const dim of FILTER_DIMENSIONS) {
    for (const value of [...filters.dims[dim]].sort()) params.append(dim, value);
  }
  return params;
}

export function withDimension(filters: DashboardFilters, dim: FilterDimension, values: readonly string[]): DashboardFilters {
  return { ...filters, dims: { ...filters.dims, [dim]: [...new Set(values)].sort() } };
}

export function activeFilterCount(filters: DashboardFilters): number {
  return FILTER_DIMENSIONS.reduce((n, dim) => n + (filters.dims[dim].length > 0 ? 1 : 0), 0);
}

// ---- dates (all in UTC calendar days) ----

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month, dayOfMonth));
}

function monthStart(date: Date, offsetMonths = 0): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths, 1);
}

function monthEnd(date: Date, offsetMonths = 0): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths + 1, 0);
}

/** The concrete range of a preset, relative to the data's as-of day (the latest event in the data). */
export function presetRange(preset: DatePreset, asOf: string): DateRange | null {
  const at = new Date(`${asOf.slice(0, 10)}T00:00:00Z`);
  switch (preset) {
    case 'this-month':
      return [day(monthStart(at)), day(monthEnd(at))];
    case 'last-month':
      return [day(monthStart(at, -1)), day(monthEnd(at, -1))];
    case 'this-quarter': {
      const q = Math.floor(at.getUTCMonth() / 3) * 3;
      return [day(utc(at.getUTCFullYear(), q, 1)), day(utc(at.getUTCFullYear(), q + 3, 0))];
    }
    case 'last-12-months':
      return [day(monthStart(at, -11)), day(monthEnd(at))];
    case 'all':
      return null;
  }
}

/**
 * The range as chosen, cut at the as-of day, with its comparison base; the base is a change to
 * show (`previousRange`) only when the data covers all of it.
 */
export function resolveFilters(
  filters: DashboardFilters,
  asOf: string | null,
  filterMembers: FilterMembersByView = {},
  dataStart: string | null = null,
): ResolvedFilters {
  let nominal: DateRange | null = null;
  if (filters.preset === null && filters.from && filters.to) nominal = [filters.from, filters.to];
  else if (filters.preset !== null && asOf) nominal = presetRange(filters.preset, asOf);
  if (!nominal) return { dateRange: null, previousRange: null, period: null, asOf, dims: filters.dims, filterMembers };
  const period = resolvePeriod(nominal, filters.compare, { asOf, start: dataStart });
  const base = period.comparison;
  return { dateRange: period.range, previousRange: base && base.coverage === 'complete' ? base.range : null, period, asOf, dims: filters.dims, filterMembers };
}

/** Presets the landing view tries, longest first: the first the data can compare like with like. */
const LANDING_PRESETS: readonly DatePreset[] = ['last-12-months', 'this-quarter', 'this-month'];

/** The period the landing view opens on: the longest preset whose comparison base the data covers, else the default. */
export function landingPreset(data: DataWindow): DatePreset {
  if (!data.asOf) return DEFAULT_PRESET;
  const asOf = data.asOf;
  const comparable = LANDING_PRESETS.find((preset) => {
    const nominal = presetRange(preset, asOf);
    return nominal !== null && resolvePeriod(nominal, 'previous', data).comparison?.coverage === 'complete';
  });
  return comparable ?? DEFAULT_PRESET;
}

/** The period in words: its days, and "to date" when cut at the as-of day. */
export function describePeriod(filters: ResolvedFilters): string {
  const text = describeRange(filters.dateRange);
  return filters.period?.toDate ? `${text} (to date)` : text;
}

/**
 * The Cube filters for one view. `members` maps each global filter to the view's member;
 * a filter the view has no member for is left out (listed in `unsupported`).
 */
export function toCubeFilters(
  dims: ResolvedFilters['dims'],
  members: Partial<Readonly<Record<FilterDimension, string>>>,
): { filters: CubeFilter[]; unsupported: FilterDimension[] } {
  const filters: CubeFilter[] = [];
  const unsupported: FilterDimension[] = [];
  for (const dim of FILTER_DIMENSIONS) {
    const values = dims[dim];
    if (values.length === 0) continue;
    const member = members[dim];
    if (member) filters.push({ member, operator: 'equals', values: [...values] });
    else unsupported.push(dim);
  }
  return { filters, unsupported };
}

/**
 * The dashboard filters as Cube filters on one view, from the view's `meta.filters`; filters the
 * view has no member for are listed in `unsupported` (so a panel can say they do not apply).
 */
export function viewFilters(filters: ResolvedFilters, view: string): { filters: { member: string; operator: 'equals'; values: string[] }[]; unsupported: FilterDimension[] } {
  const { filters: f, unsupported } = toCubeFilters(filters.dims, filters.filterMembers[view] ?? {});
  return { filters: f.map((x) => ({ member: x.member, operator: x.operator, values: [...x.values] })), unsupported };
}

export function describeRange(range: DateRange | null): string {
  if (!range) return 'All time';
  const fmt = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${fmt(range[0])} – ${fmt(range[1])}`;
}

export type ComparisonNote = { readonly kind: 'compared'; readonly text: string } | { readonly kind: 'not-shown'; readonly text: string };

/**
 * What a change is measured against, in words ("1 Jul 2026 – 31 Jul 2026, the same days of the
 * previous quarter"), or why no change is shown (a base before the data); null for all time.
 */
export function comparisonNote(filters: ResolvedFilters): ComparisonNote | null {
  const period = filters.period;
  const base = period?.comparison;
  if (!period || !base) return null;
  const what = describeBase(period.nominal, period.toDate, base.compareTo);
  const when = describeRange(base.range);
  if (base.coverage === 'complete') return { kind: 'compared', text: `${when}, ${what}` };
  const how = base.coverage === 'none' ? 'is before the data starts' : 'starts before the data does';
  return { kind: 'not-shown', text: `No change shown: ${what} (${when}) ${how}.` };
}
