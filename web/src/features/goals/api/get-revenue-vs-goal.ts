// Won revenue by close month against the agreement's revenue goal for each month (the goal's
// days' share, `goal_calendar`), for the period. Goals are per segment and region (the view's
// `meta.filters`): those filters apply to both sides, the others to neither (`unsupported`).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { FILTER_DIMENSIONS, viewFilters } from '../../../lib/filters';
import type { DateRange, FilterDimension, ResolvedFilters } from '../../../lib/filters';

export const WON_BY_CLOSE = { closeDate: 'pipeline.close_date', wonAmount: 'pipeline.won_amount' } as const;
export const GOAL_CALENDAR = { date: 'goal_calendar.date', revenueGoal: 'goal_calendar.revenue_goal' } as const;

export interface RevenueGoalMonth {
  /** Month start, `YYYY-MM-DD`. */
  readonly month: string;
  readonly won: number | null;
  readonly goal: number | null;
}

const monthly = (dimension: string, range: DateRange | null) => [{ dimension, granularity: 'month' as const, ...(range ? { dateRange: [range[0], range[1]] as [string, string] } : {}) }];

export interface RevenueVsGoal {
  readonly months: readonly RevenueGoalMonth[];
  /** Dashboard filters the goals are not set by: applied to neither side. */
  readonly unsupported: readonly FilterDimension[];
}

/** The filters as the goals take them: the ones goal_calendar has no member for are cleared. */
function goalScope(filters: ResolvedFilters): ResolvedFilters {
  const { unsupported } = viewFilters(filters, 'goal_calendar');
  return { ...filters, dims: Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, unsupported.includes(d) ? [] : filters.dims[d]])) as ResolvedFilters['dims'] };
}

export function wonByCloseMonthQuery(filters: ResolvedFilters): Query {
  return { measures: [WON_BY_CLOSE.wonAmount], timeDimensions: monthly(WON_BY_CLOSE.closeDate, filters.dateRange), filters: viewFilters(goalScope(filters), 'pipeline').filters };
}

export function goalByMonthQuery(filters: ResolvedFilters): Query {
  return { measures: [GOAL_CALENDAR.revenueGoal], timeDimensions: monthly(GOAL_CALENDAR.date, filters.dateRange), filters: viewFilters(filters, 'goal_calendar').filters };
}

/** Months with a goal or won revenue, in order; a month without a goal has goal null. */
export function mergeRevenueAndGoal(won: ReadonlyMap<string, number | null>, goal: ReadonlyMap<string, number | null>): RevenueGoalMonth[] {
  const months = [...new Set([...won.keys(), ...goal.keys()])].sort();
  return months.map((month) => ({ month, won: won.get(month) ?? null, goal: goal.get(month) ?? null }));
}

function byMonth(rows: readonly Readonly<Record<string, unknown>>[], dimension: string, measure: string): Map<string, number | null> {
  const key = `${dimension}.month`;
  return new Map(rows.filter((r) => typeof r[key] === 'string').map((r) => [String(r[key]).slice(0, 10), toNumber(r[measure])]));
}

export async function getRevenueVsGoal(filters: ResolvedFilters, signal?: AbortSignal): Promise<RevenueVsGoal> {
  const [won, goal] = await Promise.all([loadRows(wonByCloseMonthQuery(filters), signal), loadRows(goalByMonthQuery(filters), signal)]);
  return {
    months: mergeRevenueAndGoal(byMonth(won, WON_BY_CLOSE.closeDate, WON_BY_CLOSE.wonAmount), byMonth(goal, GOAL_CALENDAR.date, GOAL_CALENDAR.revenueGoal)),
    unsupported: viewFilters(filters, 'goal_calendar').unsupported,
  };
}

export const revenueVsGoalQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['goals', 'revenue-vs-goal', filters.dateRange, goalScope(filters).dims], queryFn: ({ signal }) => getRevenueVsGoal(filters, signal) });

export function useRevenueVsGoal(filters: ResolvedFilters) {
  return useQuery(revenueVsGoalQueryOptions(filters));
}
