// Period counts by month: each stage counted by the date it was entered (`funnel_period`), and
// every MQL event, re-MQLs included (`mql_events`), instead of the funnel's MQL cohorts.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Filter, Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { viewFilters } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';

export const PERIOD = {
  enteredDate: 'funnel_period.entered_date',
  mqlCount: 'funnel_period.mql_count',
  sqlCount: 'funnel_period.sql_count',
  wonCount: 'funnel_period.won_count',
  eventDate: 'mql_events.mql_event_date',
  mqlEvents: 'mql_events.mql_event_count',
  remqls: 'mql_events.remql_count',
} as const;

/** The dashboard filters on one view, as its `meta.filters` in the model says (both views take all five). */
function filtersFor(view: 'funnel_period' | 'mql_events', filters: ResolvedFilters): Filter[] {
  return viewFilters(filters, view).filters;
}

const monthly = (dimension: string, filters: ResolvedFilters) => [
  { dimension, granularity: 'month' as const, ...(filters.dateRange ? { dateRange: [filters.dateRange[0], filters.dateRange[1]] as [string, string] } : {}) },
];

export function periodStagesQuery(filters: ResolvedFilters): Query {
  return { measures: [PERIOD.mqlCount, PERIOD.sqlCount, PERIOD.wonCount], timeDimensions: monthly(PERIOD.enteredDate, filters), filters: filtersFor('funnel_period', filters) };
}

export function mqlEventsQuery(filters: ResolvedFilters): Query {
  return { measures: [PERIOD.mqlEvents, PERIOD.remqls], timeDimensions: monthly(PERIOD.eventDate, filters), filters: filtersFor('mql_events', filters) };
}

export interface PeriodMonth {
  readonly month: string;
  readonly mqls: number | null;
  readonly mqlEvents: number | null;
  readonly remqls: number | null;
  readonly sqls: number | null;
  readonly won: number | null;
}

export async function getPeriodTrend(filters: ResolvedFilters, signal?: AbortSignal): Promise<PeriodMonth[]> {
  const [stages, events] = await Promise.all([loadRows(periodStagesQuery(filters), signal), loadRows(mqlEventsQuery(filters), signal)]);
  const months = new Map<string, { -readonly [K in keyof PeriodMonth]: PeriodMonth[K] }>();
  const at = (month: string) => {
    const m = months.get(month) ?? { month, mqls: null, mqlEvents: null, remqls: null, sqls: null, won: null };
    months.set(month, m);
    return m;
  };
  for (const r of stages) {
    const key = r[`${PERIOD.enteredDate}.month`];
    if (typeof key !== 'string') continue;
    const m = at(key.slice(0, 10));
    m.mqls = toNumber(r[PERIOD.mqlCount]);
    m.sqls = toNumber(r[PERIOD.sqlCount]);
    m.won = toNumber(r[PERIOD.wonCount]);
  }
  for (const r of events) {
    const key = r[`${PERIOD.eventDate}.month`];
    if (typeof key !== 'string') continue;
    const m = at(key.slice(0, 10));
    m.mqlEvents = toNumber(r[PERIOD.mqlEvents]);
    m.remqls = toNumber(r[PERIOD.remqls]);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export const periodTrendQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel-period', 'trend', filters], queryFn: ({ signal }) => getPeriodTrend(filters, signal) });

export function usePeriodTrend(filters: ResolvedFilters) {
  return useQuery(periodTrendQueryOptions(filters));
}
