// MQLs, SQLs, won deals and won amount by channel or by campaign (MQL cohort in the period).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { FUNNEL, funnelFilters, mqlCohort } from './members';

export const BREAKDOWN_DIMENSIONS = { channel: FUNNEL.channel, campaign: FUNNEL.campaign } as const;
export type BreakdownBy = keyof typeof BREAKDOWN_DIMENSIONS;
export const BREAKDOWN_MEASURES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount, FUNNEL.wonAmount] as const;
export const BREAKDOWN_LIMIT = 15;

export interface BreakdownRow {
  readonly key: string;
  readonly values: Readonly<Record<(typeof BREAKDOWN_MEASURES)[number], number | null>>;
}

export function breakdownQuery(by: BreakdownBy, filters: ResolvedFilters): Query {
  return {
    measures: [...BREAKDOWN_MEASURES],
    dimensions: [BREAKDOWN_DIMENSIONS[by]],
    timeDimensions: mqlCohort(filters.dateRange),
    filters: [...funnelFilters(filters), { member: FUNNEL.mqlCount, operator: 'gt', values: ['0'] }],
    order: { [FUNNEL.mqlCount]: 'desc', [BREAKDOWN_DIMENSIONS[by]]: 'asc' },
    limit: BREAKDOWN_LIMIT,
  };
}

export async function getBreakdown(by: BreakdownBy, filters: ResolvedFilters, signal?: AbortSignal): Promise<BreakdownRow[]> {
  const rows = await loadRows(breakdownQuery(by, filters), signal);
  const dim = BREAKDOWN_DIMENSIONS[by];
  return rows.map((r) => ({
    key: r[dim] === null || r[dim] === undefined ? '(none)' : String(r[dim]),
    values: Object.fromEntries(BREAKDOWN_MEASURES.map((m) => [m, toNumber(r[m])])) as BreakdownRow['values'],
  }));
}

export const breakdownQueryOptions = (by: BreakdownBy, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'breakdown', by, filters], queryFn: ({ signal }) => getBreakdown(by, filters, signal) });

export function useBreakdown(by: BreakdownBy, filters: ResolvedFilters) {
  return useQuery(breakdownQueryOptions(by, filters));
}
