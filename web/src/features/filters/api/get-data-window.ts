// The data's as-of day: the latest day a lead was created. Date presets ("this month", "last 12
// months") are relative to it, so a dashboard over an export from March shows March, not today.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';

export const DATA_WINDOW_MEMBERS = {
  count: 'funnel.lead_count',
  createdDate: 'funnel.created_date',
} as const;

export const dataWindowQuery: Query = {
  measures: [DATA_WINDOW_MEMBERS.count],
  timeDimensions: [{ dimension: DATA_WINDOW_MEMBERS.createdDate, granularity: 'day' }],
  order: { [DATA_WINDOW_MEMBERS.createdDate]: 'desc' },
  limit: 1,
};

/** `YYYY-MM-DD`, or null when the warehouse has no leads. */
export async function getDataWindow(signal?: AbortSignal): Promise<{ asOf: string | null }> {
  const rows = await loadRows(dataWindowQuery, signal);
  const value = rows[0]?.[`${DATA_WINDOW_MEMBERS.createdDate}.day`];
  return { asOf: typeof value === 'string' ? value.slice(0, 10) : null };
}

export const dataWindowQueryOptions = () =>
  queryOptions({ queryKey: ['data-window'], queryFn: ({ signal }) => getDataWindow(signal), staleTime: 5 * 60_000 });

export function useDataWindow() {
  return useQuery(dataWindowQueryOptions());
}
