// The list behind the leaks: one row per leaked MQL and kind, newest first, one page at a time;
// the CSV export pages through every row. (Its count comes with the leaks-by-kind query.)
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';
import type { ResolvedFilters } from '../../../lib/filters';
import { listPageQuery, loadEveryRow } from '../../../lib/list-query';
import type { ListPage } from '../../../lib/list-query';
import type { SortState } from '../../../lib/table';
import { LEAKS, cubeFilters, leakScope } from './members';

export const LEAK_LIST_DIMENSIONS = [LEAKS.leadId, LEAKS.fullName, LEAKS.company, LEAKS.crmUrl, LEAKS.kind, LEAKS.channel, LEAKS.owner, LEAKS.team, LEAKS.mqlDate] as const;
export const DEFAULT_LEAK_SORT: SortState = { key: LEAKS.mqlDate, direction: 'desc' };

function leakRows(kind: string | null, filters: ResolvedFilters): Query {
  return {
    dimensions: [...LEAK_LIST_DIMENSIONS],
    timeDimensions: leakScope(filters),
    filters: [...cubeFilters(filters, 'leakage').filters, ...(kind ? [{ member: LEAKS.kind, operator: 'equals' as const, values: [kind] }] : [])],
  };
}

/** A lead can leak in several ways: the lead and the kind together identify a row. */
const ROW_KEY = [LEAKS.leadId, LEAKS.kind] as const;

export function leakListQuery(kind: string | null, filters: ResolvedFilters, page: ListPage): Query {
  return listPageQuery(leakRows(kind, filters), page, ROW_KEY);
}

export async function getLeakList(kind: string | null, filters: ResolvedFilters, page: ListPage, signal?: AbortSignal): Promise<CubeRow[]> {
  return loadRows(leakListQuery(kind, filters, page), signal);
}

/** Every leak of the kind (or all), in the table's order, for the CSV export. */
export function getEveryLeak(kind: string | null, filters: ResolvedFilters, sort: SortState, onProgress?: (loaded: number) => void): Promise<CubeRow[]> {
  return loadEveryRow(leakRows(kind, filters), sort, ROW_KEY, (query) => loadRows(query), onProgress);
}

export const leakListQueryOptions = (kind: string | null, filters: ResolvedFilters, page: ListPage) =>
  queryOptions({
    queryKey: ['leakage', 'list', kind, filters, page],
    queryFn: ({ signal }) => getLeakList(kind, filters, page, signal),
    placeholderData: keepPreviousData,
  });

export function useLeakList(kind: string | null, filters: ResolvedFilters, page: ListPage) {
  return useQuery(leakListQueryOptions(kind, filters, page));
}
