// Headline tiles: this period and the previous one in one request (Cube compareDateRange).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadCube } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { DateRange, ResolvedFilters } from '../../../lib/filters';
import { FUNNEL, funnelFilters } from './members';

export const HEADLINE_MEASURES = [
  FUNNEL.mqlCount,
  FUNNEL.acceptanceRate,
  FUNNEL.mqlToSqlRate,
  FUNNEL.closeRate,
  FUNNEL.slaComplianceRate,
  FUNNEL.wonAmount,
] as const;

export type HeadlineMeasure = (typeof HEADLINE_MEASURES)[number];
export type HeadlineValues = Readonly<Record<HeadlineMeasure, number | null>>;

export interface Headline {
  readonly current: HeadlineValues;
  readonly previous: HeadlineValues | null;
  readonly range: DateRange | null;
  readonly previousRange: DateRange | null;
}

export function headlineQuery(filters: ResolvedFilters): Query {
  const base: Query = { measures: [...HEADLINE_MEASURES], filters: funnelFilters(filters) };
  if (filters.dateRange && filters.previousRange) {
    return {
      ...base,
      timeDimensions: [
        { dimension: FUNNEL.mqlDate, compareDateRange: [[...filters.dateRange], [...filters.previousRange]] },
      ],
    };
  }
  // No comparison to show (all time, or a base before the data): the period alone.
  if (filters.dateRange) return { ...base, timeDimensions: [{ dimension: FUNNEL.mqlDate, dateRange: [...filters.dateRange] }] };
  return base;
}

function values(row: Readonly<Record<string, unknown>> | undefined): HeadlineValues {
  const out = {} as Record<HeadlineMeasure, number | null>;
  for (const m of HEADLINE_MEASURES) out[m] = toNumber(row?.[m]);
  return out;
}

export async function getHeadline(filters: ResolvedFilters, signal?: AbortSignal): Promise<Headline> {
  const resultSet = await loadCube(headlineQuery(filters), signal);
  if (filters.dateRange && filters.previousRange) {
    const [current, previous] = resultSet.decompose();
    return {
      current: values(current?.rawData()[0]),
      previous: previous ? values(previous.rawData()[0]) : null,
      range: filters.dateRange,
      previousRange: filters.previousRange,
    };
  }
  return { current: values(resultSet.rawData()[0]), previous: null, range: filters.dateRange, previousRange: null };
}

export const headlineQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['funnel', 'headline', filters], queryFn: ({ signal }) => getHeadline(filters, signal) });

export function useHeadline(filters: ResolvedFilters) {
  return useQuery(headlineQueryOptions(filters));
}
