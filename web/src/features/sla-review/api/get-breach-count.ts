// How many leads the breach list holds (its pages show 100 at a time): the same filters as the
// list, counted by the model's `sla_breached_count` (a rollup serves the "SLA due" count).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { breachFilters } from './get-breach-list';
import type { BreachView } from './get-breach-list';
import { SALES_SLA, handoffScope } from './members';

export function breachCountQuery(view: BreachView, filters: ResolvedFilters): Query {
  // The status filter is the measure's own; the list needs it, the count does not.
  const rest = breachFilters(view, filters).filter((f) => !('member' in f && f.member === SALES_SLA.status));
  return { measures: [SALES_SLA.breachedCount], timeDimensions: handoffScope(filters.dateRange), filters: rest };
}

export async function getBreachCount(view: BreachView, filters: ResolvedFilters, signal?: AbortSignal): Promise<number> {
  const [row] = await loadRows(breachCountQuery(view, filters), signal);
  return toNumber(row?.[SALES_SLA.breachedCount]) ?? 0;
}

export const breachCountQueryOptions = (view: BreachView, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['sla', 'breach-count', view, filters], queryFn: ({ signal }) => getBreachCount(view, filters, signal) });

export function useBreachCount(view: BreachView, filters: ResolvedFilters) {
  return useQuery(breachCountQueryOptions(view, filters));
}
