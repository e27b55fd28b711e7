// What a click on a bar, stage or tile asks for: the leads behind one number.
import type { Filter, TimeDimension } from '@cubejs-client/core';

export interface DrillRequest {
  /** Shown as the drill-down's heading, e.g. "SQLs · Paid Search · Mar 2026". */
  readonly title: string;
  /** The measure clicked; its drill members (Cube meta) are the table's columns. */
  readonly measure: string;
  /** Global filters plus the clicked bar's dimension values. */
  readonly filters: readonly Filter[];
  readonly timeDimensions: readonly TimeDimension[];
}

export type OnDrill = (request: DrillRequest) => void;

/** Day range `[first, last]` of a period starting at a Cube time value, clipped to `within`. */
export function periodRange(
  start: string,
  granularity: 'day' | 'week' | 'month',
  within: readonly [string, string] | null,
): [string, string] {
  const from = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  const to = new Date(from);
  if (granularity === 'month') to.setUTCMonth(to.getUTCMonth() + 1, 0);
  else if (granularity === 'week') to.setUTCDate(to.getUTCDate() + 6);
  let a = from.toISOString().slice(0, 10);
  let b = to.toISOString().slice(0, 10);
  if (within) {
    if (within[0] > a) a = within[0];
    if (within[1] < b) b = within[1];
  }
  return [a, b];
}
