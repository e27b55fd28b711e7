/**
 * goal_pacing — one row per revenue goal (period × segment × region, from goals.revenue):
 * the additive inputs of pacing and the reverse funnel, for the goal's scope (its segment
 * and region, or everything for `All`). The Cube model turns them into ratios.
 *
 * Pacing, at build_info.as_of (the data's "now"):
 * - days_in_period; days_elapsed: days from the period's start through the as-of day,
 *   between 0 and days_in_period; goal_to_date = goal_amount × days_elapsed ÷ days_in_period.
 * - won_amount / won_count: won opportunities closed in the period (to date: nothing is
 *   later than as_of). open_pipeline_amount: open opportunities' amount at as_of, for a
 *   period not yet over (0 for past periods, so coverage is not claimed for them).
 * Reverse funnel inputs, over the trailing 12 months (as_of − 12 months, as_of]:
 * - t12m_won_amount, t12m_won_count, t12m_lost_count: opportunities closed in the window
 *   (average won deal = amount ÷ count; close rate = won ÷ (won + lost)).
 * - t12m_mqls: leads whose (first) MQL date is in the window; t12m_mql_sqls: those of them
 *   that became SQLs (MQL→SQL rate, cohort-based like the funnel).
 * - fixed_*: the agreement's goals.fixed_rates (NULL: use the trailing rate).
 * Marketing: committed_mqls (the agreement's commitments for every month of the period, also
 * those after as_of — each month's override, else the monthly figure — for the goal's segment
 * or all; NULL for a goal by region: commitments are per segment), delivered_mqls (MQLs in
 * the period, to date, in the goal's scope).
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const goalPacing: Model = {
  name: 'goal_pacing',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with as_of_now as (select as_of, as_of::date as as_of_day, as_of - interval 12 month as window_start from ${ref('build_info')}),
    goals as (
      select g.*, a.as_of, a.as_of_day, a.window_start,
        (g.period_end_exclusive - g.period_start)::integer as days_in_period,
        greatest(0, least(g.period_end_exclusive - g.period_start, a.as_of_day - g.period_start + 1))::integer as days_elapsed
      from ${ref('agreement_revenue_goals')} g cross join as_of_now a
    ),
    opps as (
      select o.*, g.period, g.segment as goal_segment, g.region as goal_region
      from goals g join ${ref('opportunities')} o
        on (g.segment is null or o.segment = g.segment) and (g.region is null or o.region = g.region)
    ),
    opp_sums as (
      select o.period, o.goal_segment, o.goal_region,
        sum(o.amount) filter (where o.outcome = 'won' and o.closed_at >= g.period_start and o.closed_at < g.period_end_exclusive) as won_amount,
        count(*) filter (where o.outcome = 'won' and o.closed_at >= g.period_start and o.closed_at < g.period_end_exclusive) as won_count,
        sum(o.amount) filter (where o.outcome = 'open' and g.period_end_exclusive > g.as_of) as open_pipeline_amount,
        sum(o.amount) filter (where o.outcome = 'won' and o.closed_at > g.window_start and o.closed_at <= g.as_of) as t12m_won_amount,
        count(*) filter (where o.outcome = 'won' and o.closed_at > g.window_start and o.closed_at <= g.as_of) as t12m_won_count,
        count(*) filter (where o.outcome = 'lost' and o.closed_at > g.window_start and o.closed_at <= g.as_of) as t12m_lost_count
      from opps o join goals g on g.period = o.period and g.segment is not distinct from o.goal_segment and g.region is not distinct from o.goal_region
      group by all
    ),
    lead_sums as (
      select g.period, g.segment as goal_segment, g.region as goal_region,
        count(*) filter (where l.mql_at > g.window_start and l.mql_at <= g.as_of) as t12m_mqls,
        count(*) filter (where l.mql_at > g.window_start and l.mql_at <= g.as_of and l.sql_at is not null) as t12m_mql_sqls,
        count(*) filter (where l.mql_at >= g.period_start and l.mql_at < g.period_end_exclusive) as delivered_mqls
      from goals g join ${ref('leads')} l
        on l.mql_at is not null and (g.segment is null or l.segment = g.segment) and (g.region is null or l.region = g.region)
      group by all
    ),
    goal_months as (
      select g.period, g.segment as goal_segment, g.region as goal_region, m.month::date as month
      from goals g, unnest(generate_series(g.period_start::timestamp, (g.period_end_exclusive - 1)::timestamp, interval 1 month)) as m(month)
      where g.region is null
    ),
    commitments as (
      -- The whole period's commitment (also months after as_of): the month's override, else every month's.
      select gm.period, gm.goal_segment, gm.goal_region, sum(coalesce(override.mqls, monthly.mqls, 0)) as committed_mqls
      from goal_months gm
      join ${ref('agreement_segments')} s on gm.goal_segment is null or s.name = gm.goal_segment
      left join ${ref('agreement_mql_commitments')} override on override.month = gm.month and override.segment = s.name
      left join ${ref('agreement_mql_commitments')} monthly on monthly.month is null and monthly.segment = s.name
      group by all
    )
    select
      g.period, g.period_start, (g.period_end_exclusive - 1)::date as period_end,
      coalesce(g.segment, 'All') as segment, coalesce(g.region, 'All') as region,
      case when g.as_of_day < g.period_start then 'future' when g.as_of_day >= g.period_end_exclusive then 'past' else 'current' end as period_status,
      g.amount::double as goal_amount,
      g.days_in_period, g.days_elapsed,
      (g.amount * g.days_elapsed / g.days_in_period)::double as goal_to_date,
      coalesce(o.won_amount, 0)::double as won_amount,
      coalesce(o.won_count, 0)::bigint as won_count,
      coalesce(o.open_pipeline_amount, 0)::double as open_pipeline_amount,
      coalesce(o.t12m_won_amount, 0)::double as t12m_won_amount,
      coalesce(o.t12m_won_count, 0)::bigint as t12m_won_count,
      coalesce(o.t12m_lost_count, 0)::bigint as t12m_lost_count,
      coalesce(l.t12m_mqls, 0)::bigint as t12m_mqls,
      coalesce(l.t12m_mql_sqls, 0)::bigint as t12m_mql_sqls,
      r.average_won_deal as fixed_average_won_deal,
      r.close_rate as fixed_close_rate,
      r.mql_to_sql_rate as fixed_mql_to_sql_rate,
      case when g.region is null then coalesce(c.committed_mqls, 0) end::bigint as committed_mqls,
      coalesce(l.delivered_mqls, 0)::bigint as delivered_mqls
    from goals g
    cross join ${ref('agreement_goal_rates')} r
    left join opp_sums o on o.period = g.period and o.goal_segment is not distinct from g.segment and o.goal_region is not distinct from g.region
    left join lead_sums l on l.period = g.period and l.goal_segment is not distinct from g.segment and l.goal_region is not distinct from g.region
    left join commitments c on c.period = g.period and c.goal_segment is not distinct from g.segment and c.goal_region is not distinct from g.region
    order by g.period_start, segment, region`,
};
