// MQL → SAL → SQL → opportunity → won for the MQL cohort in the period.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { FunnelStage } from '../../../lib/chart-options';
import type { ResolvedFilters } from '../../../lib/filters';
import { FUNNEL, funnelFilters, mqlCohort } from './members';

export const FUNNEL_STAGES = [
  { key: FUNNEL.mqlCount, name: 'MQL' },
  { key: FUNNEL.salCount, name: 'SAL' },
  { key: FUNNEL.sqlCount, name: 'SQL' },
  { key: FUNNEL.opportunityCount, name: 'Opportunity' },
  { key: FUNNEL.wonCount, name: 'Won' },
] as const;

export function funnelStagesQuery(filters: ResolvedFilters): Query {
  return { measures: FUNNEL_STAGES.map((s) => s.key), timeDimensions: mqlCohort(filters.dateRange), filters: funnelFilters(filters) };
}

export async function getFunnelStages(filters: ResolvedFilters, signal?: AbortSignal): Promise<FunnelStage[]> {
  const rows = await loadRows(funnelStagesQuery(filters), signal);
  const row = rows[0];
  return FUNNEL_STAGES.map((s) => ({ key: s.key, name: s.name, value: toNumber(row?.[s.key]) ?? 0 }));
}

export const funnelStagesQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'stages', filters], queryFn: ({ signal }) => getFunnelStages(filters, signal) });

export function useFunnelStages(filters: ResolvedFilters) {
  return useQuery(funnelStagesQueryOptions(filters));
}
