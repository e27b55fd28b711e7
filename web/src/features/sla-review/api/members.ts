// Members the SLA review queries, in one place. Sales follow-up comes from the `funnel` view
// (it has the handoff date, the SLA measures and every global filter dimension); marketing's
// commitment comes from the `sla` view (month × segment).
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { toCubeFilters } from '../../../lib/filters';
import type { DateRange, FilterDimension, ResolvedFilters } from '../../../lib/filters';

export const SALES_SLA = {
  handoffDate: 'funnel.handoff_date',
  owner: 'funnel.owner',
  team: 'funnel.team',
  status: 'funnel.sla_status',
  leadId: 'funnel.lead_id',
  fullName: 'funnel.full_name',
  company: 'funnel.company',
  hoursToFirstTouch: 'funnel.hours_to_first_touch',
  metCount: 'funnel.sla_met_count',
  breachedCount: 'funnel.sla_breached_count',
  pendingCount: 'funnel.sla_pending_count',
  complianceRate: 'funnel.sla_compliance_rate',
  medianHours: 'funnel.median_hours_to_first_touch',
} as const;

export const SALES_SLA_FILTER_MEMBERS: Readonly<Record<FilterDimension, string>> = {
  channel: 'funnel.channel',
  segment: 'funnel.segment',
  region: 'funnel.region',
  team: 'funnel.team',
  owner: 'funnel.owner',
};

export const MARKETING_SLA = {
  month: 'sla.month',
  segment: 'sla.segment',
  committed: 'sla.committed_mqls',
  delivered: 'sla.delivered_mqls',
  attainment: 'sla.attainment',
} as const;

/** Marketing's commitment is per segment only; other filters do not apply to it. */
export const MARKETING_SLA_FILTER_MEMBERS: Partial<Readonly<Record<FilterDimension, string>>> = {
  segment: MARKETING_SLA.segment,
};

export function salesSlaFilters(filters: ResolvedFilters): Filter[] {
  return toCubeFilters(filters.dims, SALES_SLA_FILTER_MEMBERS).filters.map((f) => ({ member: f.member, operator: f.operator, values: [...f.values] }));
}

export function marketingSlaFilters(filters: ResolvedFilters): { filters: Filter[]; unsupported: FilterDimension[] } {
  const { filters: f, unsupported } = toCubeFilters(filters.dims, MARKETING_SLA_FILTER_MEMBERS);
  return { filters: f.map((x) => ({ member: x.member, operator: x.operator, values: [...x.values] })), unsupported };
}

/** Handed-off leads whose handoff falls in the range. */
export function handoffScope(range: DateRange | null): TimeDimension[] {
  return range ? [{ dimension: SALES_SLA.handoffDate, dateRange: [range[0], range[1]] }] : [];
}
