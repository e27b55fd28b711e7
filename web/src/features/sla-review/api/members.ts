// Members the SLA review queries, in one place. Sales follow-up comes from the `funnel` view
// (it has the handoff date, the SLA measures and every global filter dimension); marketing's
// commitment comes from the `marketing_sla` view (month × segment). Which dashboard filter
// applies to which member comes from each view's `meta.filters` in the model (via /meta).
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { viewFilters } from '../../../lib/filters';
import type { DateRange, FilterDimension, ResolvedFilters } from '../../../lib/filters';

export const SALES_SLA = {
  handoffDate: 'funnel.handoff_date',
  owner: 'funnel.owner',
  team: 'funnel.team',
  status: 'funnel.sla_status',
  leadId: 'funnel.lead_id',
  fullName: 'funnel.full_name',
  company: 'funnel.company',
  crmUrl: 'funnel.crm_url',
  hoursToFirstTouch: 'funnel.hours_to_first_touch',
  metCount: 'funnel.sla_met_count',
  breachedCount: 'funnel.sla_breached_count',
  pendingCount: 'funnel.sla_pending_count',
  complianceRate: 'funnel.sla_compliance_rate',
  medianHours: 'funnel.median_hours_to_first_touch',
} as const;

export const MARKETING_SLA = {
  month: 'marketing_sla.month',
  segment: 'marketing_sla.segment',
  committed: 'marketing_sla.committed_mqls',
  delivered: 'marketing_sla.delivered_mqls',
  attainment: 'marketing_sla.attainment',
} as const;

export function salesSlaFilters(filters: ResolvedFilters): Filter[] {
  return viewFilters(filters, 'funnel').filters;
}

/** Marketing's commitment is per segment only (the view's meta); other filters are `unsupported`. */
export function marketingSlaFilters(filters: ResolvedFilters): { filters: Filter[]; unsupported: FilterDimension[] } {
  return viewFilters(filters, 'marketing_sla');
}

/** Handed-off leads whose handoff falls in the range. */
export function handoffScope(range: DateRange | null): TimeDimension[] {
  return range ? [{ dimension: SALES_SLA.handoffDate, dateRange: [range[0], range[1]] }] : [];
}
