// Closed-loop revenue: won amount traced back to the lead's original source or campaign.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { QUALITY, mqlCohort, qualityFilters } from './members';

export const REVENUE_LIMIT = 15;

export interface RevenueRow {
  readonly key: string;
  readonly wonAmount: number | null;
  readonly wonCount: number | null;
}

/** `dimension` is the source member (original source when the view has it, else channel) or the campaign. */
export function revenueQuery(dimension: string, filters: ResolvedFilters): Query {
  return {
    measures: [QUALITY.wonAmount, QUALITY.wonCount],
    dimensions: [dimension],
    timeDimensions: mqlCohort(filters.dateRange),
    filters: [...qualityFilters(filters), { member: QUALITY.wonCount, operator: 'gt', values: ['0'] }],
    order: { [QUALITY.wonAmount]: 'desc', [dimension]: 'asc' },
    limit: REVENUE_LIMIT,
  };
}

export async function getClosedLoopRevenue(dimension: string, filters: ResolvedFilters, signal?: AbortSignal): Promise<RevenueRow[]> {
  const rows = await loadRows(revenueQuery(dimension, filters), signal);
  return rows.map((r) => ({
    key: r[dimension] === null ? '(none)' : String(r[dimension]),
    wonAmount: toNumber(r[QUALITY.wonAmount]),
    wonCount: toNumber(r[QUALITY.wonCount]),
  }));
}

export const closedLoopRevenueQueryOptions = (dimension: string, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['lead-quality', 'revenue', dimension, filters], queryFn: ({ signal }) => getClosedLoopRevenue(dimension, filters, signal) });

export function useClosedLoopRevenue(dimension: string, filters: ResolvedFilters, enabled = true) {
  return useQuery({ ...closedLoopRevenueQueryOptions(dimension, filters), enabled });
}
