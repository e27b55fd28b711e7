// The campaign table under one model: spend, MQLs (by first touch), attributed SQLs and won
// deals, attributed revenue, ROI and cost per MQL — every ratio computed by Cube.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { ATTR, attributionFilters, periodRange, type ModelId } from './members';

export interface CampaignRow {
  readonly campaign: string;
  readonly channel: string;
  readonly spend: number | null;
  readonly mqls: number | null;
  readonly sqls: number | null;
  readonly won: number | null;
  readonly revenue: number | null;
  readonly roi: number | null;
  readonly costPerMql: number | null;
}

export function campaignQuery(model: ModelId, filters: ResolvedFilters): Query {
  return {
    measures: [ATTR.spend, ATTR.mqls, ATTR.opportunities, ATTR.won, ATTR.revenue, ATTR.roi, ATTR.costPerMql],
    dimensions: [ATTR.campaign, ATTR.channel],
    timeDimensions: periodRange(filters.dateRange),
    filters: attributionFilters(filters, model),
    order: { [ATTR.revenue]: 'desc', [ATTR.spend]: 'desc', [ATTR.campaign]: 'asc' },
    limit: 500,
  };
}

export async function getCampaignPerformance(model: ModelId, filters: ResolvedFilters, signal?: AbortSignal): Promise<CampaignRow[]> {
  const rows = await loadRows(campaignQuery(model, filters), signal);
  return rows.map((r) => ({
    campaign: String(r[ATTR.campaign] ?? '(none)'),
    channel: String(r[ATTR.channel] ?? '(none)'),
    spend: toNumber(r[ATTR.spend]),
    mqls: toNumber(r[ATTR.mqls]),
    sqls: toNumber(r[ATTR.opportunities]),
    won: toNumber(r[ATTR.won]),
    revenue: toNumber(r[ATTR.revenue]),
    roi: toNumber(r[ATTR.roi]),
    costPerMql: toNumber(r[ATTR.costPerMql]),
  }));
}

export const campaignPerformanceQueryOptions = (model: ModelId, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['attribution', 'campaigns', model, filters], queryFn: ({ signal }) => getCampaignPerformance(model, filters, signal) });

export function useCampaignPerformance(model: ModelId, filters: ResolvedFilters) {
  return useQuery(campaignPerformanceQueryOptions(model, filters));
}
