// Goal lines for the monthly trends: each month's share of the agreement's revenue goal and the
// wins, SQLs and MQLs that share needs (the reverse funnel), all from the model's `goal_calendar`
// view — nothing is computed here. Goals are set per segment and/or region (the view's
// `meta.filters`): a segment or region filter selects that scope's goals, and any other filter
// (channel, team, owner) has no goal, so the lines are left out rather than drawn wrong.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import type { Series } from './chart-options';
import { memberColumn, memberSeries } from './cube-meta';
import type { CubeMeta } from './cube-meta';
import { loadRows } from './cube-client';
import type { CubeRow } from './cube-client';
import { viewFilters } from './filters';
import type { FilterDimension, ResolvedFilters } from './filters';
import { toNumber } from './format';
import type { TableData } from './table';

export const GOAL_CALENDAR = {
  date: 'goal_calendar.date',
  revenueGoal: 'goal_calendar.revenue_goal',
  winsNeeded: 'goal_calendar.wins_needed',
  sqlsNeeded: 'goal_calendar.sqls_needed',
  mqlsNeeded: 'goal_calendar.mqls_needed',
} as const;

export interface GoalMonth {
  readonly revenue: number | null;
  readonly wins: number | null;
  readonly sqls: number | null;
  readonly mqls: number | null;
}

/** Month start (`YYYY-MM-DD`) → the month's goal; a month without a goal is not in the map. */
export type GoalMonths = ReadonlyMap<string, GoalMonth>;

/** The filters that have no goal (goals exist per segment and region only); empty when goal lines apply. */
export function goalFiltersMissing(filters: ResolvedFilters): FilterDimension[] {
  return viewFilters(filters, 'goal_calendar').unsupported;
}

/** Why there is no goal line, in words, or null when goal lines apply. */
export function goalLineNote(filters: ResolvedFilters): string | null {
  const missing = goalFiltersMissing(filters);
  if (missing.length === 0) return null;
  const names = missing.join(' or ');
  return `No goal line: goals are set per segment and region, not per ${names}.`;
}

/**
 * What a chart with goal lines says about them: why there is none (a filter goals are not set
 * by, or no goal for these months / this segment or region), or `shown` when there is one.
 * Null while the goals load.
 */
export function goalLineStatus(filters: ResolvedFilters, goals: GoalMonths | null | undefined, months: readonly string[], shown: string): string | null {
  const note = goalLineNote(filters);
  if (note) return note;
  if (!goals) return null;
  if (goalValues(goals, months, 'revenue')) return shown;
  const scoped = filters.dims.segment.length > 0 || filters.dims.region.length > 0;
  return scoped
    ? 'No goal line: the agreement sets no revenue goal for this segment or region in these months.'
    : 'No goal line: the agreement sets no revenue goal for these months.';
}

export function goalByMonthQuery(filters: ResolvedFilters): Query {
  return {
    measures: [GOAL_CALENDAR.revenueGoal, GOAL_CALENDAR.winsNeeded, GOAL_CALENDAR.sqlsNeeded, GOAL_CALENDAR.mqlsNeeded],
    timeDimensions: [
      { dimension: GOAL_CALENDAR.date, granularity: 'month', ...(filters.dateRange ? { dateRange: [filters.dateRange[0], filters.dateRange[1]] as [string, string] } : {}) },
    ],
    filters: viewFilters(filters, 'goal_calendar').filters,
    order: { [GOAL_CALENDAR.date]: 'asc' },
  };
}

/** Rows → month → goal (pure; unit-tested). Months whose goal is empty are left out. */
export function goalMonths(rows: readonly CubeRow[]): GoalMonths {
  const key = `${GOAL_CALENDAR.date}.month`;
  const out = new Map<string, GoalMonth>();
  for (const r of rows) {
    const month = r[key];
    const revenue = toNumber(r[GOAL_CALENDAR.revenueGoal]);
    if (typeof month !== 'string' || revenue === null) continue;
    out.set(month.slice(0, 10), { revenue, wins: toNumber(r[GOAL_CALENDAR.winsNeeded]), sqls: toNumber(r[GOAL_CALENDAR.sqlsNeeded]), mqls: toNumber(r[GOAL_CALENDAR.mqlsNeeded]) });
  }
  return out;
}

export async function getGoalByMonth(filters: ResolvedFilters, signal?: AbortSignal): Promise<GoalMonths> {
  return goalMonths(await loadRows(goalByMonthQuery(filters), signal));
}

export const goalByMonthQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({
    queryKey: ['goal-lines', filters.dateRange, viewFilters(filters, 'goal_calendar').filters],
    queryFn: ({ signal }) => getGoalByMonth(filters, signal),
  });

/** The goal per month, or nothing (not asked) when a filter has no goal. */
export function useGoalByMonth(filters: ResolvedFilters) {
  return useQuery({ ...goalByMonthQueryOptions(filters), enabled: goalFiltersMissing(filters).length === 0 });
}

export type GoalNeed = 'mqls' | 'sqls' | 'wins' | 'revenue';

/** One goal's values over `months` (null where that month has no goal), or null when no month has one. */
export function goalValues(goals: GoalMonths | null | undefined, months: readonly string[], need: GoalNeed): (number | null)[] | null {
  if (!goals || goals.size === 0) return null;
  const values = months.map((m) => goals.get(m)?.[need] ?? null);
  return values.some((v) => v !== null) ? values : null;
}

/** The goal lines a trend draws: the MQLs and SQLs each month's share of the revenue goal needs, titled by the model. */
const GOAL_LINES = [
  { need: 'mqls', member: GOAL_CALENDAR.mqlsNeeded },
  { need: 'sqls', member: GOAL_CALENDAR.sqlsNeeded },
] as const;

function goalLines(goals: GoalMonths | null | undefined, months: readonly string[]) {
  return GOAL_LINES.flatMap((g) => {
    const values = goalValues(goals, months, g.need);
    return values ? [{ ...g, values }] : [];
  });
}

/** Dashed goal lines over `months`, in the colours of the series they pace; a need no month has is left out. */
export function goalLineSeries(meta: CubeMeta, goals: GoalMonths | null | undefined, months: readonly string[], colors: { readonly mqls: string; readonly sqls: string }): Series[] {
  return goalLines(goals, months).map((g) => ({ ...memberSeries(meta, g.member), values: g.values, kind: 'line' as const, color: colors[g.need], dashed: true }));
}

/** Table columns and row values of the goal lines (the same needs the chart draws). */
export function goalLineColumns(meta: CubeMeta, goals: GoalMonths | null | undefined, months: readonly string[]): { columns: TableData['columns']; rowValues: (i: number) => Record<string, number | null> } {
  const lines = goalLines(goals, months);
  return {
    columns: lines.map((g) => memberColumn(meta, g.member, `goal_${g.need}`)),
    rowValues: (i) => Object.fromEntries(lines.map((g) => [`goal_${g.need}`, g.values[i] ?? null])),
  };
}
