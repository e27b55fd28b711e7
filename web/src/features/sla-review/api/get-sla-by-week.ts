// Sales follow-up by handoff week: met, breached, pending and compliance.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { SALES_SLA, salesSlaFilters } from './members';

export const SLA_MEASURES = [SALES_SLA.metCount, SALES_SLA.breachedCount, SALES_SLA.pendingCount, SALES_SLA.complianceRate] as const;
export type SlaMeasure = (typeof SLA_MEASURES)[number];
export type SlaValues = Readonly<Record<SlaMeasure, number | null>>;

export interface SlaWeek {
  readonly week: string;
  readonly values: SlaValues;
}

export function slaByWeekQuery(filters: ResolvedFilters): Query {
  return {
    measures: [...SLA_MEASURES],
    timeDimensions: [
      { dimension: SALES_SLA.handoffDate, granularity: 'week', ...(filters.dateRange ? { dateRange: [...filters.dateRange] as [string, string] } : {}) },
    ],
    filters: salesSlaFilters(filters),
    order: { [SALES_SLA.handoffDate]: 'asc' },
  };
}

export function slaValues(row: Readonly<Record<string, unknown>> | undefined): SlaValues {
  return Object.fromEntries(SLA_MEASURES.map((m) => [m, toNumber(row?.[m])])) as SlaValues;
}

export async function getSlaByWeek(filters: ResolvedFilters, signal?: AbortSignal): Promise<SlaWeek[]> {
  const rows = await loadRows(slaByWeekQuery(filters), signal);
  const key = `${SALES_SLA.handoffDate}.week`;
  return rows.filter((r) => typeof r[key] === 'string').map((r) => ({ week: String(r[key]).slice(0, 10), values: slaValues(r) }));
}

export const slaByWeekQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['sla', 'by-week', filters], queryFn: ({ signal }) => getSlaByWeek(filters, signal) });

export function useSlaByWeek(filters: ResolvedFilters) {
  return useQuery(slaByWeekQueryOptions(filters));
}
