/** Data tests of the goals marts, MQL events and the agreement terms (run on every build beside warehouse-tests.ts). */
import { sql } from 'kysely';
import { acceptedValues, expression, notNull, relationships, unique, type DataTest } from './generic-tests';

export const goalTests: readonly DataTest[] = [
  // mql_events
  unique('mql_events', ['person_key', 'event_number']),
  notNull('mql_events', 'mql_event_at'),
  relationships('mql_events', 'person_key', 'leads', 'person_key'),
  // Selects leads, not events: an MQL whose events are all missing would otherwise pass.
  {
    name: 'one row per time counted in leads.mql_times',
    model: 'mql_events',
    failing: sql`select l.lead_id, l.mql_times, coalesce(e.n, 0) as events from leads l
      left join (select person_key, count(*) as n from mql_events group by person_key) e on e.person_key = l.person_key
      where coalesce(e.n, 0) <> l.mql_times`,
  },
  // revenue_goals
  unique('revenue_goals', ['date', 'period', 'segment', 'region']),
  expression('revenue_goals', 'each goal spread over its days sums to the goal', sql`period in (
    select period from revenue_goals group by period, segment, region having abs(sum(goal_amount) - max(period_goal)) > 0.01)`),
  // goal_pacing
  unique('goal_pacing', ['period', 'segment', 'region']),
  acceptedValues('goal_pacing', 'period_status', ['past', 'current', 'future']),
  expression('goal_pacing', '0 ≤ days_elapsed ≤ days_in_period', sql`days_elapsed < 0 or days_elapsed > days_in_period`),
  expression('goal_pacing', 'amounts and counts ≥ 0', sql`won_amount < 0 or open_pipeline_amount < 0 or t12m_won_count < 0 or delivered_mqls < 0`),
  expression('goal_pacing', 'MQL→SQL cohort within its MQLs', sql`t12m_mql_sqls > t12m_mqls`),
  // agreement_terms
  notNull('agreement_terms', 'section'),
  notNull('agreement_terms', 'value'),
  unique('agreement_terms', ['section', 'position']),
];
