// MQL → SAL → SQL → opportunity → won for the MQL cohort in the period. The stages, their
// order and labels are the funnel view's `meta.funnel_stages` in the model (via /meta).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { FunnelStage } from '../../../lib/chart-options';
import type { ResolvedFilters } from '../../../lib/filters';
import { useMeta } from '../../../lib/cube-meta';
import type { FunnelStageMeta } from '../../../lib/cube-meta';
import { funnelFilters, mqlCohort } from './members';

export function funnelStagesQuery(filters: ResolvedFilters, stages: readonly FunnelStageMeta[]): Query {
  return { measures: stages.map((s) => s.measure), timeDimensions: mqlCohort(filters.dateRange), filters: funnelFilters(filters) };
}

export async function getFunnelStages(filters: ResolvedFilters, stages: readonly FunnelStageMeta[], signal?: AbortSignal): Promise<FunnelStage[]> {
  const rows = await loadRows(funnelStagesQuery(filters, stages), signal);
  const row = rows[0];
  return stages.map((s) => ({ key: s.measure, name: s.label, value: toNumber(row?.[s.measure]) ?? 0 }));
}

export const funnelStagesQueryOptions = (filters: ResolvedFilters, stages: readonly FunnelStageMeta[]) =>
  queryOptions({ queryKey: ['funnel', 'stages', filters, stages], queryFn: ({ signal }) => getFunnelStages(filters, stages, signal) });

const NO_STAGES: readonly FunnelStageMeta[] = [];

/** Waits for /meta (the stages); a model without `funnel_stages` gives an empty funnel. */
export function useFunnelStages(filters: ResolvedFilters) {
  const meta = useMeta();
  const stages = meta.data?.views.get('funnel')?.funnelStages ?? NO_STAGES;
  return useQuery({ ...funnelStagesQueryOptions(filters, stages), enabled: meta.isSuccess });
}
