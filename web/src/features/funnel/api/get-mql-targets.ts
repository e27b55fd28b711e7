// MQLs marketing committed to per month (the agreement's targets, `marketing_sla` view), to draw against
// actual MQLs. Targets exist per segment only (the view's `meta.filters`): with any filter the
// view does not take there is no target to compare with.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { viewFilters } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';

export const TARGET_MEMBERS = { month: 'marketing_sla.month', committed: 'marketing_sla.committed_mqls' } as const;

/** Whether targets apply to these filters (every filter set is one the view takes). */
export function targetsApply(filters: ResolvedFilters): boolean {
  return viewFilters(filters, 'marketing_sla').unsupported.length === 0;
}

export function mqlTargetsQuery(filters: ResolvedFilters): Query {
  return {
    measures: [TARGET_MEMBERS.committed],
    timeDimensions: [
      { dimension: TARGET_MEMBERS.month, granularity: 'month', ...(filters.dateRange ? { dateRange: [...filters.dateRange] as [string, string] } : {}) },
    ],
    filters: viewFilters(filters, 'marketing_sla').filters,
    order: { [TARGET_MEMBERS.month]: 'asc' },
  };
}

/** Month start (`YYYY-MM-DD`) → committed MQLs. */
export async function getMqlTargets(filters: ResolvedFilters, signal?: AbortSignal): Promise<ReadonlyMap<string, number>> {
  const rows = await loadRows(mqlTargetsQuery(filters), signal);
  const key = `${TARGET_MEMBERS.month}.month`;
  const out = new Map<string, number>();
  for (const r of rows) {
    const value = toNumber(r[TARGET_MEMBERS.committed]);
    if (typeof r[key] === 'string' && value !== null) out.set(String(r[key]).slice(0, 10), value);
  }
  return out;
}

export const mqlTargetsQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'mql-targets', filters], queryFn: ({ signal }) => getMqlTargets(filters, signal) });

export function useMqlTargets(filters: ResolvedFilters) {
  return useQuery({ ...mqlTargetsQueryOptions(filters), enabled: targetsApply(filters) });
}
