// Attributed revenue by channel under every model, side by side.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { ATTR, attributionFilters, periodRange } from './members';

export interface ComparisonCell {
  readonly model: string;
  readonly channel: string;
  readonly revenue: number;
}

export function comparisonQuery(filters: ResolvedFilters): Query {
  return {
    measures: [ATTR.revenue],
    dimensions: [ATTR.model, ATTR.channel],
    timeDimensions: periodRange(filters.dateRange),
    filters: attributionFilters(filters),
    order: { [ATTR.model]: 'asc', [ATTR.channel]: 'asc' },
  };
}

export async function getModelComparison(filters: ResolvedFilters, signal?: AbortSignal): Promise<ComparisonCell[]> {
  const rows = await loadRows(comparisonQuery(filters), signal);
  return rows.map((r) => ({ model: String(r[ATTR.model]), channel: String(r[ATTR.channel] ?? '(none)'), revenue: toNumber(r[ATTR.revenue]) ?? 0 }));
}

export const modelComparisonQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['attribution', 'models', filters], queryFn: ({ signal }) => getModelComparison(filters, signal) });

export function useModelComparison(filters: ResolvedFilters) {
  return useQuery(modelComparisonQueryOptions(filters));
}
