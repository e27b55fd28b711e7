// Median and 90th-percentile days between consecutive stages, for stage entries in the period.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { VELOCITY, cubeFilters } from './members';

export interface StageTransition {
  readonly from: string;
  readonly to: string;
  readonly transitions: number;
  readonly median: number | null;
  readonly p90: number | null;
}

export function stageVelocityQuery(filters: ResolvedFilters): Query {
  return {
    measures: [VELOCITY.transitionCount, VELOCITY.medianFromPrevious, VELOCITY.p90FromPrevious],
    dimensions: [VELOCITY.previousStage, VELOCITY.stage, VELOCITY.stageOrder],
    timeDimensions: filters.dateRange ? [{ dimension: VELOCITY.enteredDate, dateRange: [...filters.dateRange] as [string, string] }] : [],
    filters: [...cubeFilters(filters, 'velocity').filters, { member: VELOCITY.previousStage, operator: 'set' }],
    order: { [VELOCITY.stageOrder]: 'asc', [VELOCITY.transitionCount]: 'desc' },
    limit: 200,
  };
}

export async function getStageVelocity(filters: ResolvedFilters, signal?: AbortSignal): Promise<StageTransition[]> {
  const rows = await loadRows(stageVelocityQuery(filters), signal);
  return rows.map((r) => ({
    from: String(r[VELOCITY.previousStage] ?? ''),
    to: String(r[VELOCITY.stage] ?? ''),
    transitions: toNumber(r[VELOCITY.transitionCount]) ?? 0,
    median: toNumber(r[VELOCITY.medianFromPrevious]),
    p90: toNumber(r[VELOCITY.p90FromPrevious]),
  }));
}

export const stageVelocityQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['velocity', 'transitions', filters], queryFn: ({ signal }) => getStageVelocity(filters, signal) });

export function useStageVelocity(filters: ResolvedFilters) {
  return useQuery(stageVelocityQueryOptions(filters));
}
