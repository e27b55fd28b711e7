// Members the lead-quality page queries (all from the `funnel` view), in one place.
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { toCubeFilters } from '../../../lib/filters';
import type { DateRange, FilterDimension, ResolvedFilters } from '../../../lib/filters';

export const QUALITY = {
  mqlDate: 'funnel.mql_date',
  channel: 'funnel.channel',
  campaign: 'funnel.campaign',
  /** Raw lead source; the view may not expose it, then revenue falls back to the channel. */
  originalSource: 'funnel.original_source',
  rejectionReason: 'funnel.rejection_reason',
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

export const QUALITY_FILTER_MEMBERS: Readonly<Record<FilterDimension, string>> = {
  channel: 'funnel.channel',
  segment: 'funnel.segment',
  region: 'funnel.region',
  team: 'funnel.team',
  owner: 'funnel.owner',
};

export function qualityFilters(filters: ResolvedFilters): Filter[] {
  return toCubeFilters(filters.dims, QUALITY_FILTER_MEMBERS).filters.map((f) => ({ member: f.member, operator: f.operator, values: [...f.values] }));
}

export function mqlCohort(range: DateRange | null): TimeDimension[] {
  return range ? [{ dimension: QUALITY.mqlDate, dateRange: [range[0], range[1]] }] : [];
}

/** Equality on a dimension value, with "(none)" meaning not set. */
export function valueFilter(member: string, value: string): Filter {
  return value === '(none)' ? { member, operator: 'notSet' } : { member, operator: 'equals', values: [value] };
}
