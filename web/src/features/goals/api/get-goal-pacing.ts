// The current period's revenue goal (`goals` view): pacing and the reverse funnel, computed by
// the Cube model. Goals are company-wide or per segment/region: the view's `meta.filters` says
// which dashboard filters apply (segment, region); the others are `unsupported`.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { viewFilters } from '../../../lib/filters';
import type { FilterDimension, ResolvedFilters } from '../../../lib/filters';

export const GOALS = {
  period: 'goals.period',
  status: 'goals.period_status',
  revenueGoal: 'goals.revenue_goal',
  goalToDate: 'goals.goal_to_date',
  wonRevenue: 'goals.won_revenue',
  goalPace: 'goals.goal_pace',
  projectedRevenue: 'goals.projected_revenue',
  projectedAttainment: 'goals.projected_attainment',
  revenueToWin: 'goals.revenue_to_win',
  openPipeline: 'goals.open_pipeline',
  pipelineCoverage: 'goals.pipeline_coverage',
  averageWonDeal: 'goals.average_won_deal',
  closeRate: 'goals.close_rate',
  mqlToSqlRate: 'goals.mql_to_sql_rate',
  winsNeeded: 'goals.wins_needed',
  sqlsNeeded: 'goals.sqls_needed',
  mqlsNeeded: 'goals.mqls_needed',
  committedMqls: 'goals.committed_mqls',
  deliveredMqls: 'goals.delivered_mqls',
  daysElapsed: 'goals.days_elapsed',
  daysInPeriod: 'goals.days_in_period',
} as const;

type GoalMember = Exclude<keyof typeof GOALS, 'period' | 'status'>;
const MEASURES = (Object.keys(GOALS) as (keyof typeof GOALS)[]).filter((k): k is GoalMember => k !== 'period' && k !== 'status');

export type GoalPacing = Readonly<Record<GoalMember, number | null>> & { readonly period: string };

export function goalPacingQuery(filters: ResolvedFilters): Query {
  return {
    dimensions: [GOALS.period],
    measures: MEASURES.map((k) => GOALS[k]),
    filters: [{ member: GOALS.status, operator: 'equals', values: ['current'] }, ...viewFilters(filters, 'goals').filters],
  };
}

export interface GoalPacingResult {
  /** The period in progress at the data's as-of time, or null when the agreement sets no goal for it (in the filters' segment/region). */
  readonly pacing: GoalPacing | null;
  /** Dashboard filters goals are not set by: they do not change the tiles. */
  readonly unsupported: readonly FilterDimension[];
}

export async function getGoalPacing(filters: ResolvedFilters, signal?: AbortSignal): Promise<GoalPacingResult> {
  const [row] = await loadRows(goalPacingQuery(filters), signal);
  const { unsupported } = viewFilters(filters, 'goals');
  if (!row) return { pacing: null, unsupported };
  const out: Record<string, number | null | string> = { period: String(row[GOALS.period]) };
  for (const k of MEASURES) out[k] = toNumber(row[GOALS[k]]);
  return { pacing: out as GoalPacing, unsupported };
}

export const goalPacingQueryOptions = (filters: ResolvedFilters) =>
  queryOptions({ queryKey: ['goals', 'pacing', viewFilters(filters, 'goals')], queryFn: ({ signal }) => getGoalPacing(filters, signal) });

export function useGoalPacing(filters: ResolvedFilters) {
  return useQuery(goalPacingQueryOptions(filters));
}
