// Members the velocity & leakage page queries, in one place: the `velocity` view (stage
// transitions), `data_quality` (leaks, quarantined rows), `funnel` (leak rate) and `pipeline`
// (open-deal age).
import type { Filter, TimeDimension } from '@cubejs-client/core';
import { toCubeFilters } from '../../../lib/filters';
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

export const VELOCITY_FILTER_MEMBERS: Readonly<Record<FilterDimension, string>> = {
  channel: 'velocity.channel',
  segment: 'velocity.segment',
  region: 'velocity.region',
  team: 'velocity.team',
  owner: 'velocity.owner',
};

export const LEAKS = {
  leadId: 'data_quality.leak_lead_id',
  kind: 'data_quality.leak_kind',
  channel: 'data_quality.leak_channel',
  owner: 'data_quality.leak_owner',
  team: 'data_quality.leak_team',
  region: 'data_quality.leak_region',
  mqlDate: 'data_quality.leak_mql_date',
  rowCount: 'data_quality.leak_row_count',
  leakedMqls: 'data_quality.leaked_mql_count',
} as const;

/** Leaks of MQLs whose MQL date falls in the range. */
export function leakScope(filters: ResolvedFilters): TimeDimension[] {
  return filters.dateRange ? [{ dimension: LEAKS.mqlDate, dateRange: [filters.dateRange[0], filters.dateRange[1]] }] : [];
}

/** Leaks carry no segment. */
export const LEAK_FILTER_MEMBERS: Partial<Readonly<Record<FilterDimension, string>>> = {
  channel: LEAKS.channel,
  region: LEAKS.region,
  team: LEAKS.team,
  owner: LEAKS.owner,
};

export const LEAK_RATE = {
  mqlDate: 'funnel.mql_date',
  mqlCount: 'funnel.mql_count',
  leakCount: 'funnel.leak_count',
  leakRate: 'funnel.leak_rate',
} as const;

export const LEAK_RATE_FILTER_MEMBERS: Readonly<Record<FilterDimension, string>> = {
  channel: 'funnel.channel',
  segment: 'funnel.segment',
  region: 'funnel.region',
  team: 'funnel.team',
  owner: 'funnel.owner',
};

export const QUARANTINE = {
  file: 'data_quality.file',
  line: 'data_quality.line',
  format: 'data_quality.format',
  columnName: 'data_quality.column_name',
  rawText: 'data_quality.raw_text',
  reason: 'data_quality.reason',
  rowCount: 'data_quality.rejected_row_count',
} as const;

export const OPEN_DEALS = {
  channel: 'pipeline.channel',
  openCount: 'pipeline.open_count',
  openAmount: 'pipeline.open_amount',
  avgAge: 'pipeline.avg_open_age_days',
  maxAge: 'pipeline.max_open_age_days',
} as const;

export const PIPELINE_FILTER_MEMBERS: Readonly<Record<FilterDimension, string>> = {
  channel: 'pipeline.channel',
  segment: 'pipeline.segment',
  region: 'pipeline.region',
  team: 'pipeline.team',
  owner: 'pipeline.owner',
};

export function cubeFilters(filters: ResolvedFilters, members: Partial<Readonly<Record<FilterDimension, string>>>): { filters: Filter[]; unsupported: FilterDimension[] } {
  const { filters: f, unsupported } = toCubeFilters(filters.dims, members);
  return { filters: f.map((x) => ({ member: x.member, operator: x.operator, values: [...x.values] })), unsupported };
}
