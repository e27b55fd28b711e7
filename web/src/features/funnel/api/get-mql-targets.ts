// MQLs marketing committed to per month (the agreement's targets, `sla` view), to draw against
// actual MQLs. Targets exist per segment only: with a channel, region, team or owner filter
// there is no target to compare with.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';

export const TARGET_MEMBERS = { month: 'sla.month', segment: 'sla.segment', committed: 'sla.committed_mqls' } as const;

/** Whether targets apply to these filters (only segment can narrow them). */
export function targetsApply(filters: ResolvedFilters): boolean {
  return filters.dims.channel.length === 0 && filters.dims.region.length === 0 && filters.dims.team.length === 0 && filters.dims.owner.length === 0;
}

export function mqlTargetsQuery(filters: ResolvedFilters): Query {
  return {
    measures: [TARGET_MEMBERS.committed],
    timeDimensions: [
      { dimension: TARGET_MEMBERS.month, granularity: 'month', ...(filters.dateRange ? { dateRange: [...filters.dateRange] as [string, string] } : {}) },
    ],
    filters: filters.dims.segment.length ? [{ member: TARGET_MEMBERS.segment, operator: 'equals', values: [...filters.dims.segment] }] : [],
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
