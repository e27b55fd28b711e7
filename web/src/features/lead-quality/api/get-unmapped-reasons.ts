// Rejection reasons the agreement does not map (grouped as "Other (unmapped)"): each raw reason
// with its system and count, so the chart can say which codes to add to agreement.yml.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { QUALITY, UNMAPPED_LABEL, mqlCohort, qualityFilters } from './members';

export interface UnmappedReason {
  readonly system: string;
  readonly raw: string;
  readonly count: number;
}

export function unmappedReasonsQuery(filters: ResolvedFilters): Query {
  return {
    measures: [QUALITY.rejectedCount],
    dimensions: [QUALITY.rejectionReasonSystem, QUALITY.rejectionReasonRaw],
    timeDimensions: mqlCohort(filters.dateRange),
    filters: [
      ...qualityFilters(filters),
      { member: QUALITY.rejectionReason, operator: 'equals', values: [UNMAPPED_LABEL] },
      { member: QUALITY.rejectedCount, operator: 'gt', values: ['0'] },
    ],
    order: { [QUALITY.rejectedCount]: 'desc', [QUALITY.rejectionReasonRaw]: 'asc' },
    limit: 100,
  };
}

export async function getUnmappedReasons(filters: ResolvedFilters, signal?: AbortSignal): Promise<UnmappedReason[]> {
  const rows = await loadRows(unmappedReasonsQuery(filters), signal);
  return rows.map((r) => ({
    system: r[QUALITY.rejectionReasonSystem] === null ? '(none)' : String(r[QUALITY.rejectionReasonSystem]),
    raw: r[QUALITY.rejectionReasonRaw] === null ? '(none)' : String(r[QUALITY.rejectionReasonRaw]),
    count: toNumber(r[QUALITY.rejectedCount]) ?? 0,
  }));
}

export const unmappedReasonsQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['lead-quality', 'unmapped-reasons', filters], queryFn: ({ signal }) => getUnmappedReasons(filters, signal) });

/** Runs only when the chart has an "Other (unmapped)" bar. */
export function useUnmappedReasons(filters: ResolvedFilters, enabled: boolean) {
  return useQuery({ ...unmappedReasonsQueryOptions(filters), enabled });
}
