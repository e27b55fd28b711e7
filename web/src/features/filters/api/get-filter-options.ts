// The values a global filter can take (from the funnel view), most leads first.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import type { FilterDimension } from '../../../lib/filters';

export const FILTER_OPTION_MEMBERS: Readonly<Record<FilterDimension, string>> = {
  channel: 'funnel.channel',
  segment: 'funnel.segment',
  region: 'funnel.region',
  team: 'funnel.team',
  owner: 'funnel.owner',
};
const COUNT = 'funnel.lead_count';

export function filterOptionsQuery(dim: FilterDimension): Query {
  const member = FILTER_OPTION_MEMBERS[dim];
  return { measures: [COUNT], dimensions: [member], order: { [COUNT]: 'desc' }, limit: 500 };
}

export async function getFilterOptions(dim: FilterDimension, signal?: AbortSignal): Promise<string[]> {
  const rows = await loadRows(filterOptionsQuery(dim), signal);
  const member = FILTER_OPTION_MEMBERS[dim];
  return rows.map((r) => r[member]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export const filterOptionsQueryOptions = (dim: FilterDimension) =>
  queryOptions({ queryKey: ['filter-options', dim], queryFn: ({ signal }) => getFilterOptions(dim, signal), staleTime: 5 * 60_000 });

/** Fetched when `enabled` (the menu was opened), so the page's own queries go first. */
export function useFilterOptions(dim: FilterDimension, enabled = true) {
  return useQuery({ ...filterOptionsQueryOptions(dim), enabled });
}
