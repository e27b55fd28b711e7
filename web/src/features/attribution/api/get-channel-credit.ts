// Attributed revenue and pipeline under one model, by channel or by campaign.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { ATTR, attributionFilters, periodRange, type ModelId } from './members';

export const CREDIT_LIMIT = 15;

export interface CreditRow {
  readonly key: string;
  readonly revenue: number;
  readonly pipeline: number;
}

export type CreditBy = 'channel' | 'campaign';

export function creditQuery(by: CreditBy, model: ModelId, filters: ResolvedFilters): Query {
  const dimension = by === 'channel' ? ATTR.channel : ATTR.campaign;
  return {
    measures: [ATTR.revenue, ATTR.pipeline],
    dimensions: [dimension],
    timeDimensions: periodRange(filters.dateRange),
    filters: [...attributionFilters(filters, model), { member: ATTR.pipeline, operator: 'gt', values: ['0'] }],
    order: { [ATTR.revenue]: 'desc', [ATTR.pipeline]: 'desc', [dimension]: 'asc' },
    limit: by === 'campaign' ? CREDIT_LIMIT : 100,
  };
}

export async function getCredit(by: CreditBy, model: ModelId, filters: ResolvedFilters, signal?: AbortSignal): Promise<CreditRow[]> {
  const dimension = by === 'channel' ? ATTR.channel : ATTR.campaign;
  const rows = await loadRows(creditQuery(by, model, filters), signal);
  return rows.map((r) => ({ key: String(r[dimension] ?? '(none)'), revenue: toNumber(r[ATTR.revenue]) ?? 0, pipeline: toNumber(r[ATTR.pipeline]) ?? 0 }));
}

export const creditQueryOptions = (by: CreditBy, model: ModelId, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['attribution', 'credit', by, model, filters], queryFn: ({ signal }) => getCredit(by, model, filters, signal) });

export function useCredit(by: CreditBy, model: ModelId, filters: ResolvedFilters) {
  return useQuery(creditQueryOptions(by, model, filters));
}
