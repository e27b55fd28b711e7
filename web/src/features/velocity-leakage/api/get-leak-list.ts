// The list behind the leaks: one row per leaked MQL and kind.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';
import type { ResolvedFilters } from '../../../lib/filters';
import { LEAKS, LEAK_FILTER_MEMBERS, cubeFilters } from './members';

export const LEAK_LIST_LIMIT = 2000;
export const LEAK_LIST_DIMENSIONS = [LEAKS.leadId, LEAKS.kind, LEAKS.channel, LEAKS.owner, LEAKS.team, LEAKS.mqlDate] as const;

export function leakListQuery(kind: string | null, filters: ResolvedFilters): Query {
  return {
    dimensions: [...LEAK_LIST_DIMENSIONS],
    timeDimensions: filters.dateRange ? [{ dimension: LEAKS.mqlDate, dateRange: [...filters.dateRange] as [string, string] }] : [],
    filters: [...cubeFilters(filters, LEAK_FILTER_MEMBERS).filters, ...(kind ? [{ member: LEAKS.kind, operator: 'equals' as const, values: [kind] }] : [])],
    order: { [LEAKS.mqlDate]: 'desc' },
    limit: LEAK_LIST_LIMIT,
  };
}

export async function getLeakList(kind: string | null, filters: ResolvedFilters, signal?: AbortSignal): Promise<CubeRow[]> {
  return loadRows(leakListQuery(kind, filters), signal);
}

export const leakListQueryOptions = (kind: string | null, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['leakage', 'list', kind, filters], queryFn: ({ signal }) => getLeakList(kind, filters, signal) });

export function useLeakList(kind: string | null, filters: ResolvedFilters) {
  return useQuery(leakListQueryOptions(kind, filters));
}
