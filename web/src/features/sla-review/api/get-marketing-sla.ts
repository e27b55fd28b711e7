// Marketing's side of the SLA: MQLs committed vs delivered, by month or by segment.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { FilterDimension, ResolvedFilters } from '../../../lib/filters';
import { MARKETING_SLA, marketingSlaFilters } from './members';

export type MarketingBy = 'month' | 'segment';

export interface MarketingSlaRow {
  /** Month start (`YYYY-MM-DD`) or segment name. */
  readonly key: string;
  readonly committed: number | null;
  readonly delivered: number | null;
  readonly attainment: number | null;
}

export interface MarketingSla {
  readonly rows: readonly MarketingSlaRow[];
  /** Global filters this view cannot apply. */
  readonly unsupported: readonly FilterDimension[];
}

export function marketingSlaQuery(by: MarketingBy, filters: ResolvedFilters): Query {
  const range = filters.dateRange ? { dateRange: [...filters.dateRange] as [string, string] } : {};
  return {
    measures: [MARKETING_SLA.committed, MARKETING_SLA.delivered, MARKETING_SLA.attainment],
    ...(by === 'segment' ? { dimensions: [MARKETING_SLA.segment] } : {}),
    timeDimensions:
      by === 'month' || filters.dateRange
        ? [{ dimension: MARKETING_SLA.month, ...(by === 'month' ? { granularity: 'month' as const } : {}), ...range }]
        : [],
    filters: marketingSlaFilters(filters).filters,
    order: by === 'month' ? { [MARKETING_SLA.month]: 'asc' } : { [MARKETING_SLA.segment]: 'asc' },
  };
}

export async function getMarketingSla(by: MarketingBy, filters: ResolvedFilters, signal?: AbortSignal): Promise<MarketingSla> {
  const rows = await loadRows(marketingSlaQuery(by, filters), signal);
  const key = by === 'month' ? `${MARKETING_SLA.month}.month` : MARKETING_SLA.segment;
  return {
    rows: rows
      .filter((r) => r[key] !== null && r[key] !== undefined)
      .map((r) => ({
        key: by === 'month' ? String(r[key]).slice(0, 10) : String(r[key]),
        committed: toNumber(r[MARKETING_SLA.committed]),
        delivered: toNumber(r[MARKETING_SLA.delivered]),
        attainment: toNumber(r[MARKETING_SLA.attainment]),
      })),
    unsupported: marketingSlaFilters(filters).unsupported,
  };
}

export const marketingSlaQueryOptions = (by: MarketingBy, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['sla', 'marketing', by, filters], queryFn: ({ signal }) => getMarketingSla(by, filters, signal) });

export function useMarketingSla(by: MarketingBy, filters: ResolvedFilters) {
  return useQuery(marketingSlaQueryOptions(by, filters));
}
