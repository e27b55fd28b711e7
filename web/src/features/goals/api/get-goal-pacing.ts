// The current period's revenue goal (`goals` view): pacing and the reverse funnel, computed by
// the Cube model. Goals are company-wide (or per segment/region): other filters do not apply.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';

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

export const goalPacingQuery: Query = {
  dimensions: [GOALS.period],
  measures: MEASURES.map((k) => GOALS[k]),
  filters: [{ member: GOALS.status, operator: 'equals', values: ['current'] }],
};

/** The period in progress at the data's as-of time, or null when the agreement sets no goal for it. */
export async function getGoalPacing(signal?: AbortSignal): Promise<GoalPacing | null> {
  const [row] = await loadRows(goalPacingQuery, signal);
  if (!row) return null;
  const out: Record<string, number | null | string> = { period: String(row[GOALS.period]) };
  for (const k of MEASURES) out[k] = toNumber(row[GOALS[k]]);
  return out as GoalPacing;
}

export const goalPacingQueryOptions = () => queryOptions({ queryKey: ['goals', 'pacing'], queryFn: ({ signal }) => getGoalPacing(signal) });

export function useGoalPacing() {
  return useQuery(goalPacingQueryOptions());
}
