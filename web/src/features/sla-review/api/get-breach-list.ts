// The breach list: handed-off MQLs that missed the follow-up SLA. "SLA due" lists every lead that
// missed it in the period (touched late or not at all); "SLA past due" only those still untouched.
// One page at a time, sorted by Cube; the CSV export pages through every row.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Filter, Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';
import type { ResolvedFilters } from '../../../lib/filters';
import { listPageQuery, loadEveryRow } from '../../../lib/list-query';
import type { ListPage } from '../../../lib/list-query';
import type { SortState } from '../../../lib/table';
import { SALES_SLA, handoffScope, salesSlaFilters } from './members';

export type BreachView = 'due' | 'past-due';

export const BREACH_DIMENSIONS = [
  SALES_SLA.leadId,
  SALES_SLA.fullName,
  SALES_SLA.company,
  SALES_SLA.crmUrl,
  SALES_SLA.owner,
  SALES_SLA.team,
  SALES_SLA.handoffDate,
  SALES_SLA.hoursToFirstTouch,
] as const;

/** Oldest handoff first: the leads waiting longest. */
export const DEFAULT_BREACH_SORT: SortState = { key: SALES_SLA.handoffDate, direction: 'asc' };

/** The filters that make a lead one of the view's breaches (also used by the count). */
export function breachFilters(view: BreachView, filters: ResolvedFilters): Filter[] {
  const status: Filter[] = [{ member: SALES_SLA.status, operator: 'equals', values: ['breached'] }];
  if (view === 'past-due') status.push({ member: SALES_SLA.hoursToFirstTouch, operator: 'notSet' });
  return [...salesSlaFilters(filters), ...status];
}

function breachRows(view: BreachView, filters: ResolvedFilters): Query {
  return { dimensions: [...BREACH_DIMENSIONS], timeDimensions: handoffScope(filters.dateRange), filters: breachFilters(view, filters) };
}

export function breachListQuery(view: BreachView, filters: ResolvedFilters, page: ListPage): Query {
  return listPageQuery(breachRows(view, filters), page, [SALES_SLA.leadId]);
}

export async function getBreachList(view: BreachView, filters: ResolvedFilters, page: ListPage, signal?: AbortSignal): Promise<CubeRow[]> {
  return loadRows(breachListQuery(view, filters, page), signal);
}

/** Every breach of the view, in the table's order, for the CSV export. */
export function getEveryBreach(view: BreachView, filters: ResolvedFilters, sort: SortState, onProgress?: (loaded: number) => void): Promise<CubeRow[]> {
  return loadEveryRow(breachRows(view, filters), sort, [SALES_SLA.leadId], (query) => loadRows(query), onProgress);
}

export const breachListQueryOptions = (view: BreachView, filters: ResolvedFilters, page: ListPage) =>
  queryOptions({
    queryKey: ['sla', 'breaches', view, filters, page],
    queryFn: ({ signal }) => getBreachList(view, filters, page, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useBreachList(view: BreachView, filters: ResolvedFilters, page: ListPage) {
  return useQuery(breachListQueryOptions(view, filters, page));
}
