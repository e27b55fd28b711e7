// Leads sales rejected, by reason and channel (MQL cohort in the period).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { QUALITY, mqlCohort, qualityFilters } from './members';

export interface RejectionCell {
  readonly reason: string;
  readonly channel: string;
  readonly count: number;
}

export function rejectionsQuery(filters: ResolvedFilters): Query {
  return {
    measures: [QUALITY.rejectedCount],
    dimensions: [QUALITY.rejectionReason, QUALITY.channel],
    timeDimensions: mqlCohort(filters.dateRange),
    filters: [...qualityFilters(filters), { member: QUALITY.rejectedCount, operator: 'gt', values: ['0'] }],
    order: { [QUALITY.rejectedCount]: 'desc' },
    limit: 5000,
  };
}

export async function getRejections(filters: ResolvedFilters, signal?: AbortSignal): Promise<RejectionCell[]> {
  const rows = await loadRows(rejectionsQuery(filters), signal);
  return rows.map((r) => ({
    reason: r[QUALITY.rejectionReason] === null ? '(none)' : String(r[QUALITY.rejectionReason]),
    channel: r[QUALITY.channel] === null ? '(none)' : String(r[QUALITY.channel]),
    count: toNumber(r[QUALITY.rejectedCount]) ?? 0,
  }));
}

export const rejectionsQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['lead-quality', 'rejections', filters], queryFn: ({ signal }) => getRejections(filters, signal) });

export function useRejections(filters: ResolvedFilters) {
  return useQuery(rejectionsQueryOptions(filters));
}
