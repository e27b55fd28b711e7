// The Explore page's one request: the query the user built, answered by Cube and pivoted by the
// Cube client itself (`tablePivot` for the table, `chartPivot` + `seriesNames` for the chart).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChartPivotRow, Query, ResultSet, SeriesNamesColumn } from '@cubejs-client/core';
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

/**
 * The table and the chart of an answer, pivoted by the Cube client. The chart's pivot fills what
 * the answer lacks (a missing month, a channel with no row that month, a NULL rate) with
 * `fillWithValue`, else 0: a rate over nothing would read 0 %. NaN marks it unknown instead, and
 * `exploreChartInput` makes it 0 only for the measures that add up. An empty answer stays empty
 * (the panel says so).
 */
export function explorePivots(resultSet: ResultSet): ExploreResult {
  if (resultSet.rawData().length === 0) return { rows: [], chart: [], series: [] };
  // The client's own axes (time on x; dimensions and measures as series): a pivot config given
  // without them would put the dimensions on x.
  const config = { ...resultSet.normalizePivotConfig(), fillWithValue: Number.NaN };
  return { rows: resultSet.tablePivot() as CubeRow[], chart: resultSet.chartPivot(config), series: resultSet.seriesNames(config) };
}

export async function getExploreResult(query: Query, signal?: AbortSignal): Promise<ExploreResult> {
  return explorePivots(await loadCube(query, signal));
}

export const exploreResultQueryOptions = (query: Query) =>
  queryOptions({ queryKey: ['explore', query], queryFn: ({ signal }) => getExploreResult(query, signal) });

export function useExploreResult(query: Query) {
  return useQuery({ ...exploreResultQueryOptions(query), enabled: isRunnable(query) });
}
