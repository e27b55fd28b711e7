// The data's as-of day: the build's `as_of` (the latest event in the inputs, the "now" for
// pending SLAs), else the latest day a lead was created. Date presets ("this month", "last 12
// months") are relative to it, so a dashboard over an export from March shows March, not today.
// And the data's first day (the earliest lead created): a comparison base before it is no base.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';

export const DATA_WINDOW_MEMBERS = {
  asOf: 'freshness.as_of',
  count: 'funnel.lead_count',
  createdDate: 'funnel.created_date',
} as const;

export const asOfQuery: Query = { dimensions: [DATA_WINDOW_MEMBERS.asOf], limit: 1 };

export const latestLeadQuery: Query = {
  measures: [DATA_WINDOW_MEMBERS.count],
  timeDimensions: [{ dimension: DATA_WINDOW_MEMBERS.createdDate, granularity: 'day' }],
  order: { [DATA_WINDOW_MEMBERS.createdDate]: 'desc' },
  limit: 1,
};

export const earliestLeadQuery: Query = { ...latestLeadQuery, order: { [DATA_WINDOW_MEMBERS.createdDate]: 'asc' } };

function day(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

async function firstDay(signal?: AbortSignal): Promise<string | null> {
  const rows = await loadRows(earliestLeadQuery, signal);
  return day(rows[0]?.[`${DATA_WINDOW_MEMBERS.createdDate}.day`]);
}

/** `YYYY-MM-DD` days, or nulls when the warehouse has no data. */
export async function getDataWindow(signal?: AbortSignal): Promise<{ asOf: string | null; start: string | null }> {
  const start = firstDay(signal);
  try {
    const asOf = day((await loadRows(asOfQuery, signal))[0]?.[DATA_WINDOW_MEMBERS.asOf]);
    if (asOf) return { asOf, start: await start };
  } catch (error) {
    if (signal?.aborted) throw error;
    // A model without build info: fall back to the leads themselves.
  }
  const rows = await loadRows(latestLeadQuery, signal);
  return { asOf: day(rows[0]?.[`${DATA_WINDOW_MEMBERS.createdDate}.day`]), start: await start };
}

export const dataWindowQueryOptions = () =>
  queryOptions({ queryKey: ['data-window'], queryFn: ({ signal }) => getDataWindow(signal), staleTime: 5 * 60_000 });

export function useDataWindow() {
  return useQuery(dataWindowQueryOptions());
}
