// Acceptance and conversion by channel or campaign (MQL cohort in the period).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { QUALITY, mqlCohort, qualityFilters } from './members';

export const CONVERSION_DIMENSIONS = { channel: QUALITY.channel, campaign: QUALITY.campaign } as const;
export type ConversionBy = keyof typeof CONVERSION_DIMENSIONS;
export const CONVERSION_MEASURES = [QUALITY.mqlCount, QUALITY.acceptanceRate, QUALITY.mqlToSqlRate, QUALITY.closeRate, QUALITY.rejectedCount] as const;
export const CONVERSION_LIMIT = 15;

export interface ConversionRow {
  readonly key: string;
  readonly values: Readonly<Record<(typeof CONVERSION_MEASURES)[number], number | null>>;
}

export function conversionQuery(by: ConversionBy, filters: ResolvedFilters): Query {
  return {
    measures: [...CONVERSION_MEASURES],
    dimensions: [CONVERSION_DIMENSIONS[by]],
    timeDimensions: mqlCohort(filters.dateRange),
    filters: [...qualityFilters(filters), { member: QUALITY.mqlCount, operator: 'gt', values: ['0'] }],
    order: { [QUALITY.mqlCount]: 'desc', [CONVERSION_DIMENSIONS[by]]: 'asc' },
    limit: CONVERSION_LIMIT,
  };
}

export async function getConversion(by: ConversionBy, filters: ResolvedFilters, signal?: AbortSignal): Promise<ConversionRow[]> {
  const rows = await loadRows(conversionQuery(by, filters), signal);
  const dim = CONVERSION_DIMENSIONS[by];
  return rows.map((r) => ({
    key: r[dim] === null ? '(none)' : String(r[dim]),
    values: Object.fromEntries(CONVERSION_MEASURES.map((m) => [m, toNumber(r[m])])) as ConversionRow['values'],
  }));
}

export const conversionQueryOptions = (by: ConversionBy, filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['lead-quality', 'conversion', by, filters], queryFn: ({ signal }) => getConversion(by, filters, signal) });

export function useConversion(by: ConversionBy, filters: ResolvedFilters) {
  return useQuery(conversionQueryOptions(by, filters));
}
