// Open deals and their age by channel: a win rate looks better when dead deals stay open.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { OPEN_DEALS, cubeFilters } from './members';

export interface OpenDealsRow {
  readonly channel: string;
  readonly openCount: number | null;
  readonly openAmount: number | null;
  readonly avgAge: number | null;
  readonly maxAge: number | null;
}

export function openDealsQuery(filters: ResolvedFilters): Query {
  return {
    measures: [OPEN_DEALS.openCount, OPEN_DEALS.openAmount, OPEN_DEALS.avgAge, OPEN_DEALS.maxAge],
    dimensions: [OPEN_DEALS.channel],
    filters: [...cubeFilters(filters, 'pipeline').filters, { member: OPEN_DEALS.openCount, operator: 'gt', values: ['0'] }],
    order: { [OPEN_DEALS.avgAge]: 'desc' },
    limit: 20,
  };
}

export async function getOpenDeals(filters: ResolvedFilters, signal?: AbortSignal): Promise<OpenDealsRow[]> {
  const rows = await loadRows(openDealsQuery(filters), signal);
  return rows.map((r) => ({
    channel: r[OPEN_DEALS.channel] === null ? '(none)' : String(r[OPEN_DEALS.channel]),
    openCount: toNumber(r[OPEN_DEALS.openCount]),
    openAmount: toNumber(r[OPEN_DEALS.openAmount]),
    avgAge: toNumber(r[OPEN_DEALS.avgAge]),
    maxAge: toNumber(r[OPEN_DEALS.maxAge]),
  }));
}

export const openDealsQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['pipeline', 'open-deals', filters], queryFn: ({ signal }) => getOpenDeals(filters, signal) });

export function useOpenDeals(filters: ResolvedFilters) {
  return useQuery(openDealsQueryOptions(filters));
}
