// Won revenue by close month against the agreement's revenue goal for each month (the goal's
// days' share, `goal_calendar`), for the period. Won revenue takes every dashboard filter (the
// pipeline view's); the goal takes segment and region (goals are set per segment and region),
// and is absent — not zero — when another filter is set or no goal covers the month.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { viewFilters } from '../../../lib/filters';
import type { DateRange, ResolvedFilters } from '../../../lib/filters';
import { getGoalByMonth, goalFiltersMissing } from '../../../lib/goal-lines';

export const WON_BY_CLOSE = { closeDate: 'pipeline.close_date', wonAmount: 'pipeline.won_amount' } as const;

export interface RevenueGoalMonth {
  /** Month start, `YYYY-MM-DD`. */
  readonly month: string;
  readonly won: number | null;
  readonly goal: number | null;
}

const monthly = (dimension: string, range: DateRange | null) => [{ dimension, granularity: 'month' as const, ...(range ? { dateRange: [range[0], range[1]] as [string, string] } : {}) }];

export function wonByCloseMonthQuery(filters: ResolvedFilters): Query {
  return { measures: [WON_BY_CLOSE.wonAmount], timeDimensions: monthly(WON_BY_CLOSE.closeDate, filters.dateRange), filters: viewFilters(filters, 'pipeline').filters };
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

export async function getRevenueVsGoal(filters: ResolvedFilters, signal?: AbortSignal): Promise<RevenueGoalMonth[]> {
  const noGoal = goalFiltersMissing(filters).length > 0;
  const [won, goal] = await Promise.all([loadRows(wonByCloseMonthQuery(filters), signal), noGoal ? null : getGoalByMonth(filters, signal)]);
  const goalByMonth = new Map([...(goal ?? new Map<string, { revenue: number | null }>())].map(([month, g]) => [month, g.revenue]));
  return mergeRevenueAndGoal(byMonth(won, WON_BY_CLOSE.closeDate, WON_BY_CLOSE.wonAmount), goalByMonth);
}

export const revenueVsGoalQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['goals', 'revenue-vs-goal', filters], queryFn: ({ signal }) => getRevenueVsGoal(filters, signal) });

export function useRevenueVsGoal(filters: ResolvedFilters) {
  return useQuery(revenueVsGoalQueryOptions(filters));
}
