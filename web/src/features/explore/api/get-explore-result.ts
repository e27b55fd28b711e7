// The Explore page's one request: the query the user built, answered by Cube and pivoted by the
// Cube client itself (`tablePivot` for the table, `chartPivot` + `seriesNames` for the chart).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChartPivotRow, Query, SeriesNamesColumn } from '@cubejs-client/core';
import { loadCube } from '../../../lib/cube-client';
import type { CubeRow } from '../../../lib/cube-client';

export interface ExploreResult {
  /** One row per result row, keyed by member (time dimensions as `member.granularity`). */
  readonly rows: readonly CubeRow[];
  /** The chart's x axis (the time dimension, else the dimensions) with one column per series. */
  readonly chart: readonly ChartPivotRow[];
  readonly series: readonly SeriesNamesColumn[];
}

/** Whether the query asks for anything (Cube refuses an empty query). */
export function isRunnable(query: Query): boolean {
  return (query.measures?.length ?? 0) + (query.dimensions?.length ?? 0) + (query.timeDimensions ?? []).filter((t) => t.granularity).length > 0;
}

export async function getExploreResult(query: Query, signal?: AbortSignal): Promise<ExploreResult> {
  const resultSet = await loadCube(query, signal);
  // The pivots fill missing dates; an empty answer stays empty (the panel says so).
  if (resultSet.rawData().length === 0) return { rows: [], chart: [], series: [] };
  return { rows: resultSet.tablePivot() as CubeRow[], chart: resultSet.chartPivot(), series: resultSet.seriesNames() };
}

export const exploreResultQueryOptions = (query: Query) =>
  queryOptions({ queryKey: ['explore', query], queryFn: ({ signal }) => getExploreResult(query, signal) });

export function useExploreResult(query: Query) {
  return useQuery({ ...exploreResultQueryOptions(query), enabled: isRunnable(query) });
}
