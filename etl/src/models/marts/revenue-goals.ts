/**
 * revenue_goals — one row per day per revenue goal of the agreement (goals.revenue): the
 * goal's amount spread evenly over the days of its month or quarter, so any date range sums
 * to its share of the goal (a month of a quarterly goal, a week, the goal to date) and goal
 * lines sit on any time grain. `segment` / `region` are `All` for a company-wide goal.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const revenueGoals: Model = {
  name: 'revenue_goals',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select
      d.day::date as date,
      g.period,
      g.period_start,
      (g.period_end_exclusive - 1)::date as period_end,
      coalesce(g.segment, 'All') as segment,
      coalesce(g.region, 'All') as region,
      g.amount as period_goal,
      (g.amount / (g.period_end_exclusive - g.period_start))::double as goal_amount
    from ${ref('agreement_revenue_goals')} g,
      unnest(generate_series(g.period_start::timestamp, (g.period_end_exclusive - 1)::timestamp, interval 1 day)) as d(day)
    order by date, segment, region`,
};
