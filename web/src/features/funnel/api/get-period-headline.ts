// Headline tiles counted by period: each number by its own date instead of the MQL cohort's —
// MQLs and the stage ratios by the date each stage was entered (`funnel_period`), SLA
// compliance by handoff date, won revenue by won date. One request per date, each with this
// period and the comparison period (Cube compareDateRange), like the cohort headline.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadCube } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { viewFilters } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { HEADLINE_MEASURES, type Headline, type HeadlineMeasure, type HeadlineValues } from './get-headline';
import { FUNNEL } from './members';

export interface PeriodTile {
  /** The member the tile shows in period mode. */
  readonly member: string;
  /** The date it is counted by. */
  readonly date: string;
  /** The leads behind it: this count, by that date (the funnel view). */
  readonly drill: string;
  readonly drillDate: string;
  /** Said after the member's title when the title does not say how it is counted. */
  readonly countedBy?: string;
}

/** For each headline tile (by its cohort measure), what it shows counted by period. */
export const PERIOD_TILES: Readonly<Record<HeadlineMeasure, PeriodTile>> = {
  [FUNNEL.mqlCount]: { member: 'funnel_period.mql_count', date: 'funnel_period.entered_date', drill: FUNNEL.mqlCount, drillDate: FUNNEL.mqlDate },
  [FUNNEL.acceptanceRate]: { member: 'funnel_period.acceptance_rate', date: 'funnel_period.entered_date', drill: FUNNEL.salCount, drillDate: 'funnel.sal_date' },
  [FUNNEL.mqlToSqlRate]: { member: 'funnel_period.mql_to_sql_rate', date: 'funnel_period.entered_date', drill: FUNNEL.sqlCount, drillDate: 'funnel.sql_date' },
  [FUNNEL.closeRate]: { member: 'funnel_period.close_rate', date: 'funnel_period.entered_date', drill: FUNNEL.wonCount, drillDate: 'funnel.won_date' },
  [FUNNEL.slaComplianceRate]: { member: FUNNEL.slaComplianceRate, date: 'funnel.handoff_date', drill: FUNNEL.slaBreachedCount, drillDate: 'funnel.handoff_date', countedBy: 'by handoff date' },
  [FUNNEL.wonAmount]: { member: FUNNEL.wonAmount, date: 'funnel.won_date', drill: FUNNEL.wonCount, drillDate: 'funnel.won_date', countedBy: 'by won date' },
};

/** One query per date dimension: the members counted by it, this period against the comparison (pure). */
export function periodHeadlineQueries(filters: ResolvedFilters): { date: string; tiles: HeadlineMeasure[]; query: Query }[] {
  const byDate = new Map<string, HeadlineMeasure[]>();
  for (const m of HEADLINE_MEASURES) byDate.set(PERIOD_TILES[m].date, [...(byDate.get(PERIOD_TILES[m].date) ?? []), m]);
  return [...byDate.entries()].map(([date, tiles]) => {
    const view = date.split('.')[0] ?? '';
    const range = filters.dateRange;
    const timeDimensions: Query['timeDimensions'] =
      range && filters.previousRange
        ? [{ dimension: date, compareDateRange: [[range[0], range[1]], [filters.previousRange[0], filters.previousRange[1]]] }]
        : range
          ? [{ dimension: date, dateRange: [range[0], range[1]] }]
          : [];
    return { date, tiles, query: { measures: tiles.map((m) => PERIOD_TILES[m].member), timeDimensions, filters: viewFilters(filters, view).filters } };
  });
}

export async function getPeriodHeadline(filters: ResolvedFilters, signal?: AbortSignal): Promise<Headline> {
  const compared = Boolean(filters.dateRange && filters.previousRange);
  const parts = await Promise.all(
    periodHeadlineQueries(filters).map(async ({ tiles, query }) => {
      const resultSet = await loadCube(query, signal);
      const [current, previous] = compared ? resultSet.decompose() : [resultSet, undefined];
      const row = (rs: typeof current | undefined) => rs?.rawData()[0] as Readonly<Record<string, unknown>> | undefined;
      return { tiles, current: row(current), previous: compared ? row(previous) : undefined };
    }),
  );
  const current = {} as Record<HeadlineMeasure, number | null>;
  const previous = {} as Record<HeadlineMeasure, number | null>;
  for (const part of parts) {
    for (const m of part.tiles) {
      current[m] = toNumber(part.current?.[PERIOD_TILES[m].member]);
      previous[m] = toNumber(part.previous?.[PERIOD_TILES[m].member]);
    }
  }
  return {
    current: current as HeadlineValues,
    previous: compared ? (previous as HeadlineValues) : null,
    range: filters.dateRange,
    previousRange: compared ? filters.previousRange : null,
  };
}

export const periodHeadlineQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'period-headline', filters], queryFn: ({ signal }) => getPeriodHeadline(filters, signal) });

export function usePeriodHeadline(filters: ResolvedFilters, enabled = true) {
  return useQuery({ ...periodHeadlineQueryOptions(filters), enabled });
}
