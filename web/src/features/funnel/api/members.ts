// The funnel view's members (the contract in issue 4), in one place. Which dashboard filter
// applies to which member comes from the view's `meta.filters` in the model (via /meta).
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { viewFilters } from '../../../lib/filters';
import type { DateRange, ResolvedFilters } from '../../../lib/filters';

export const FUNNEL = {
  createdDate: 'funnel.created_date',
  mqlDate: 'funnel.mql_date',
  channel: 'funnel.channel',
  campaign: 'funnel.campaign',
  stage: 'funnel.stage',
  leadCount: 'funnel.lead_count',
  mqlCount: 'funnel.mql_count',
  salCount: 'funnel.sal_count',
  sqlCount: 'funnel.sql_count',
  opportunityCount: 'funnel.opportunity_count',
  wonCount: 'funnel.won_count',
  lostCount: 'funnel.lost_count',
  wonAmount: 'funnel.won_amount',
  acceptanceRate: 'funnel.acceptance_rate',
  mqlToSqlRate: 'funnel.mql_to_sql_rate',
  closeRate: 'funnel.close_rate',
  slaComplianceRate: 'funnel.sla_compliance_rate',
  slaBreachedCount: 'funnel.sla_breached_count',
  medianDaysMqlToSql: 'funnel.median_days_mql_to_sql',
  medianDaysSqlToWon: 'funnel.median_days_sql_to_won',
} as const;

export function funnelFilters(filters: ResolvedFilters): Filter[] {
  return viewFilters(filters, 'funnel').filters;
}

/** Cohort scope: leads whose MQL date falls in the range. */
export function mqlCohort(range: DateRange | null): TimeDimension[] {
  return range ? [{ dimension: FUNNEL.mqlDate, dateRange: [range[0], range[1]] }] : [];
}
