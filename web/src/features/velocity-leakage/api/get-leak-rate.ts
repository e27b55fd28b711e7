// Leakage rate of the MQL cohort: leaked MQLs ÷ MQLs (funnel view).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { LEAK_RATE, cubeFilters } from './members';

export interface LeakRate {
  readonly mqls: number | null;
  readonly leaked: number | null;
  readonly rate: number | null;
}

export function leakRateQuery(filters: ResolvedFilters): Query {
  return {
    measures: [LEAK_RATE.mqlCount, LEAK_RATE.leakCount, LEAK_RATE.leakRate],
    timeDimensions: filters.dateRange ? [{ dimension: LEAK_RATE.mqlDate, dateRange: [...filters.dateRange] as [string, string] }] : [],
    filters: cubeFilters(filters, 'funnel').filters,
  };
}

export async function getLeakRate(filters: ResolvedFilters, signal?: AbortSignal): Promise<LeakRate> {
  const row = (await loadRows(leakRateQuery(filters), signal))[0];
  return { mqls: toNumber(row?.[LEAK_RATE.mqlCount]), leaked: toNumber(row?.[LEAK_RATE.leakCount]), rate: toNumber(row?.[LEAK_RATE.leakRate]) };
}

export const leakRateQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['leakage', 'rate', filters], queryFn: ({ signal }) => getLeakRate(filters, signal) });

export function useLeakRate(filters: ResolvedFilters) {
  return useQuery(leakRateQueryOptions(filters));
}
