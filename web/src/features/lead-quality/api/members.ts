// Members the lead-quality page queries (all from the `funnel` view), in one place.
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { viewFilters } from '../../../lib/filters';
import type { DateRange, ResolvedFilters } from '../../../lib/filters';

export const QUALITY = {
  mqlDate: 'funnel.mql_date',
  channel: 'funnel.channel',
  campaign: 'funnel.campaign',
  /** Raw lead source; the view may not expose it, then revenue falls back to the channel. */
  originalSource: 'funnel.original_source',
  rejectionReason: 'funnel.rejection_reason',
  /** The reason as the system wrote it, and the system (the agreed reason maps these). */
  rejectionReasonRaw: 'funnel.rejection_reason_raw',
  rejectionReasonSystem: 'funnel.rejection_reason_system',
  mqlCount: 'funnel.mql_count',
  rejectedCount: 'funnel.rejected_count',
  salCount: 'funnel.sal_count',
  sqlCount: 'funnel.sql_count',
  wonCount: 'funnel.won_count',
  wonAmount: 'funnel.won_amount',
  acceptanceRate: 'funnel.acceptance_rate',
  mqlToSqlRate: 'funnel.mql_to_sql_rate',
  closeRate: 'funnel.close_rate',
} as const;

/** The ETL's label of raw values the agreement does not map (agreement.yml rejection_reasons). */
export const UNMAPPED_LABEL = 'Other (unmapped)';

/** The dashboard filters on the funnel view (which applies where: the view's `meta.filters`). */
export function qualityFilters(filters: ResolvedFilters): Filter[] {
  return viewFilters(filters, 'funnel').filters;
}

export function mqlCohort(range: DateRange | null): TimeDimension[] {
  return range ? [{ dimension: QUALITY.mqlDate, dateRange: [range[0], range[1]] }] : [];
}

/** Equality on a dimension value, with "(none)" meaning not set. */
export function valueFilter(member: string, value: string): Filter {
  return value === '(none)' ? { member, operator: 'notSet' } : { member, operator: 'equals', values: [value] };
}
