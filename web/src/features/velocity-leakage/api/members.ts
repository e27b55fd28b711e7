// Members the velocity & leakage page queries, in one place: the `velocity` view (stage
// transitions), `leakage` (leaks), `quarantine` (quarantined rows), `funnel` (leak rate) and
// `pipeline` (open-deal age). Which dashboard filter applies to which member comes from each
// view's `meta.filters` in the model (via /meta).
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { viewFilters } from '../../../lib/filters';
import type { FilterDimension, ResolvedFilters } from '../../../lib/filters';

export const VELOCITY = {
  stage: 'velocity.stage',
  previousStage: 'velocity.previous_stage',
  stageOrder: 'velocity.stage_order',
  enteredDate: 'velocity.entered_date',
  eventCount: 'velocity.event_count',
  transitionCount: 'velocity.transition_count',
  medianFromPrevious: 'velocity.median_days_from_previous',
  p90FromPrevious: 'velocity.p90_days_from_previous',
  medianInStage: 'velocity.median_days_in_stage',
  p90InStage: 'velocity.p90_days_in_stage',
} as const;

export const LEAKS = {
  leadId: 'leakage.lead_id',
  fullName: 'leakage.full_name',
  company: 'leakage.company',
  crmUrl: 'leakage.crm_url',
  kind: 'leakage.kind',
  channel: 'leakage.channel',
  owner: 'leakage.owner',
  team: 'leakage.team',
  region: 'leakage.region',
  mqlDate: 'leakage.mql_date',
  rowCount: 'leakage.leak_row_count',
  leakedMqls: 'leakage.leaked_mql_count',
} as const;

/** Leaks of MQLs whose MQL date falls in the range. */
export function leakScope(filters: ResolvedFilters): TimeDimension[] {
  return filters.dateRange ? [{ dimension: LEAKS.mqlDate, dateRange: [filters.dateRange[0], filters.dateRange[1]] }] : [];
}

export const LEAK_RATE = {
  mqlDate: 'funnel.mql_date',
  mqlCount: 'funnel.mql_count',
  leakCount: 'funnel.leak_count',
  leakRate: 'funnel.leak_rate',
} as const;

export const QUARANTINE = {
  file: 'quarantine.file',
  line: 'quarantine.line',
  format: 'quarantine.format',
  columnName: 'quarantine.column_name',
  rawText: 'quarantine.raw_text',
  reason: 'quarantine.reason',
  rowCount: 'quarantine.rejected_row_count',
} as const;

export const OPEN_DEALS = {
  channel: 'pipeline.channel',
  openCount: 'pipeline.open_count',
  openAmount: 'pipeline.open_amount',
  avgAge: 'pipeline.avg_open_age_days',
  maxAge: 'pipeline.max_open_age_days',
} as const;

/** The dashboard filters on one view; the ones it does not take are listed in `unsupported`. */
export function cubeFilters(filters: ResolvedFilters, view: 'velocity' | 'leakage' | 'funnel' | 'pipeline'): { filters: Filter[]; unsupported: FilterDimension[] } {
  return viewFilters(filters, view);
}
