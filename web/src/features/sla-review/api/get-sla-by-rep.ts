// Sales follow-up by owner or by team, for leads handed off in the period.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { SLA_MEASURES, slaValues } from './get-sla-by-week';
import type { SlaValues } from './get-sla-by-week';
import { SALES_SLA, handoffScope, salesSlaFilters } from './members';

export const REP_DIMENSIONS = { owner: SALES_SLA.owner, team: SALES_SLA.team } as const;
export type RepBy = keyof typeof REP_DIMENSIONS;
export const REP_LIMIT = 25;

export interface SlaRep {
  readonly key: string;
  readonly values: SlaValues;
  readonly medianHours: number | null;
}

export function slaByRepQuery(by: RepBy, filters: ResolvedFilters): Query {
  return {
    measures: [...SLA_MEASURES, SALES_SLA.medianHours],
    dimensions: [REP_DIMENSIONS[by]],
    timeDimensions: handoffScope(filters.dateRange),
    filters: [...salesSlaFilters(filters), { member: SALES_SLA.status, operator: 'set' }],
    order: { [SALES_SLA.breachedCount]: 'desc', [REP_DIMENSIONS[by]]: 'asc' },
    limit: REP_LIMIT,
  };
}

export async function getSlaByRep(by: RepBy, filters: ResolvedFilters, signal?: AbortSignal): Promise<SlaRep[]> {
  const rows = await loadRows(slaByRepQuery(by, filters), signal);
  const dim = REP_DIMENSIONS[by];
  return rows.map((r) => ({ key: r[dim] === null ? '(none)' : String(r[dim]), values: slaValues(r), medianHours: toNumber(r[SALES_SLA.medianHours]) }));
}

export const slaByRepQueryOptions = (by: RepBy, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['sla', 'by-rep', by, filters], queryFn: ({ signal }) => getSlaByRep(by, filters, signal) });

export function useSlaByRep(by: RepBy, filters: ResolvedFilters) {
  return useQuery(slaByRepQueryOptions(by, filters));
}
