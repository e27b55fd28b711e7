// Monthly MQLs, SQLs and won deals, by MQL month (cohort).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { FUNNEL, funnelFilters } from './members';

export const TREND_MEASURES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] as const;

export interface TrendPoint {
  /** Start of the month, `YYYY-MM-DD`. */
  readonly month: string;
  readonly values: Readonly<Record<(typeof TREND_MEASURES)[number], number | null>>;
}

export function monthlyTrendQuery(filters: ResolvedFilters): Query {
  return {
    measures: [...TREND_MEASURES],
    timeDimensions: [
      { dimension: FUNNEL.mqlDate, granularity: 'month', ...(filters.dateRange ? { dateRange: [...filters.dateRange] as [string, string] } : {}) },
    ],
    filters: funnelFilters(filters),
    order: { [FUNNEL.mqlDate]: 'asc' },
  };
}

export async function getMonthlyTrend(filters: ResolvedFilters, signal?: AbortSignal): Promise<TrendPoint[]> {
  const rows = await loadRows(monthlyTrendQuery(filters), signal);
  return rows
    .filter((r) => typeof r[`${FUNNEL.mqlDate}.month`] === 'string')
    .map((r) => ({
      month: String(r[`${FUNNEL.mqlDate}.month`]).slice(0, 10),
      values: {
        [FUNNEL.mqlCount]: toNumber(r[FUNNEL.mqlCount]),
        [FUNNEL.sqlCount]: toNumber(r[FUNNEL.sqlCount]),
        [FUNNEL.wonCount]: toNumber(r[FUNNEL.wonCount]),
      } as TrendPoint['values'],
    }));
}

export const monthlyTrendQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'monthly-trend', filters], queryFn: ({ signal }) => getMonthlyTrend(filters, signal) });

export function useMonthlyTrend(filters: ResolvedFilters) {
  return useQuery(monthlyTrendQueryOptions(filters));
}
