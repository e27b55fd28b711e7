// The breach list: handed-off MQLs that missed the follow-up SLA. "SLA due" lists every lead that
// missed it in the period (touched late or not at all); "SLA past due" only those still untouched.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Filter, Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';
import type { ResolvedFilters } from '../../../lib/filters';
import { SALES_SLA, handoffScope, salesSlaFilters } from './members';

export type BreachView = 'due' | 'past-due';
export const BREACH_LIMIT = 2000;

export const BREACH_DIMENSIONS = [
  SALES_SLA.leadId,
  SALES_SLA.fullName,
  SALES_SLA.company,
  SALES_SLA.owner,
  SALES_SLA.team,
  SALES_SLA.handoffDate,
  SALES_SLA.hoursToFirstTouch,
] as const;

export function breachListQuery(view: BreachView, filters: ResolvedFilters): Query {
  const status: Filter[] = [{ member: SALES_SLA.status, operator: 'equals', values: ['breached'] }];
  if (view === 'past-due') status.push({ member: SALES_SLA.hoursToFirstTouch, operator: 'notSet' });
  return {
    dimensions: [...BREACH_DIMENSIONS],
    timeDimensions: handoffScope(filters.dateRange),
    filters: [...salesSlaFilters(filters), ...status],
    order: { [SALES_SLA.handoffDate]: 'asc' },
    limit: BREACH_LIMIT,
  };
}

export async function getBreachList(view: BreachView, filters: ResolvedFilters, signal?: AbortSignal): Promise<CubeRow[]> {
  return loadRows(breachListQuery(view, filters), signal);
}

export const breachListQueryOptions = (view: BreachView, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['sla', 'breaches', view, filters], queryFn: ({ signal }) => getBreachList(view, filters, signal) });

export function useBreachList(view: BreachView, filters: ResolvedFilters) {
  return useQuery(breachListQueryOptions(view, filters));
}
