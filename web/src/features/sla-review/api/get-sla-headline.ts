// The sales SLA headline for the filters: compliance with its numerator (met) and denominator (met + missed).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { SALES_SLA, handoffScope, salesSlaFilters } from './members';

export interface SlaHeadline {
  readonly compliance: number | null;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly due: number;
}

export function slaHeadlineQuery(filters: ResolvedFilters): Query {
  return {
    measures: [SALES_SLA.complianceRate, SALES_SLA.metCount, SALES_SLA.breachedCount, SALES_SLA.pendingCount],
    timeDimensions: handoffScope(filters.dateRange),
    filters: salesSlaFilters(filters),
  };
}

export async function getSlaHeadline(filters: ResolvedFilters, signal?: AbortSignal): Promise<SlaHeadline> {
  const [row] = await loadRows(slaHeadlineQuery(filters), signal);
  const met = toNumber(row?.[SALES_SLA.metCount]) ?? 0;
  const breached = toNumber(row?.[SALES_SLA.breachedCount]) ?? 0;
  // Met + missed: the leads whose deadline has passed, the denominator of the model's compliance rate.
  return { compliance: toNumber(row?.[SALES_SLA.complianceRate]), met, breached, pending: toNumber(row?.[SALES_SLA.pendingCount]) ?? 0, due: met + breached };
}

export const slaHeadlineQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['sla', 'headline', filters], queryFn: ({ signal }) => getSlaHeadline(filters, signal) });

export function useSlaHeadline(filters: ResolvedFilters) {
  return useQuery(slaHeadlineQueryOptions(filters));
}
