// Leaks by kind (MQLs never in the CRM, never handed off, never touched), by MQL date.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { FilterDimension, ResolvedFilters } from '../../../lib/filters';
import { LEAKS, cubeFilters, leakScope } from './members';

export interface LeakKind {
  readonly kind: string;
  readonly count: number;
}

export interface Leaks {
  readonly kinds: readonly LeakKind[];
  readonly unsupported: readonly FilterDimension[];
}

export function leaksQuery(filters: ResolvedFilters): Query {
  return {
    measures: [LEAKS.rowCount],
    dimensions: [LEAKS.kind],
    timeDimensions: leakScope(filters),
    filters: cubeFilters(filters, 'leakage').filters,
    order: { [LEAKS.rowCount]: 'desc' },
  };
}

export async function getLeaks(filters: ResolvedFilters, signal?: AbortSignal): Promise<Leaks> {
  const rows = await loadRows(leaksQuery(filters), signal);
  return {
    kinds: rows.map((r) => ({ kind: String(r[LEAKS.kind] ?? ''), count: toNumber(r[LEAKS.rowCount]) ?? 0 })),
    unsupported: cubeFilters(filters, 'leakage').unsupported,
  };
}

export const leaksQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['leakage', 'by-kind', filters], queryFn: ({ signal }) => getLeaks(filters, signal) });

export function useLeaks(filters: ResolvedFilters) {
  return useQuery(leaksQueryOptions(filters));
}
