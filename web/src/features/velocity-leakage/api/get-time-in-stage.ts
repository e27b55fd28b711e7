// Median and 90th-percentile days spent in each stage, for stage entries in the period.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { VELOCITY, cubeFilters } from './members';

export interface StageTime {
  readonly stage: string;
  readonly entries: number;
  readonly median: number | null;
  readonly p90: number | null;
}

export function timeInStageQuery(filters: ResolvedFilters): Query {
  return {
    measures: [VELOCITY.eventCount, VELOCITY.medianInStage, VELOCITY.p90InStage],
    dimensions: [VELOCITY.stage, VELOCITY.stageOrder],
    timeDimensions: filters.dateRange ? [{ dimension: VELOCITY.enteredDate, dateRange: [...filters.dateRange] as [string, string] }] : [],
    filters: cubeFilters(filters, 'velocity').filters,
    order: { [VELOCITY.stageOrder]: 'asc' },
    limit: 50,
  };
}

export async function getTimeInStage(filters: ResolvedFilters, signal?: AbortSignal): Promise<StageTime[]> {
  const rows = await loadRows(timeInStageQuery(filters), signal);
  return rows.map((r) => ({
    stage: String(r[VELOCITY.stage] ?? ''),
    entries: toNumber(r[VELOCITY.eventCount]) ?? 0,
    median: toNumber(r[VELOCITY.medianInStage]),
    p90: toNumber(r[VELOCITY.p90InStage]),
  }));
}

export const timeInStageQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['velocity', 'time-in-stage', filters], queryFn: ({ signal }) => getTimeInStage(filters, signal) });

export function useTimeInStage(filters: ResolvedFilters) {
  return useQuery(timeInStageQueryOptions(filters));
}
