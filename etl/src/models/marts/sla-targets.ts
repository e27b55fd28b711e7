/**
 * sla_targets — one row per month per segment: MQLs committed (agreement: the month's
 * override, else the monthly default, else 0) and delivered (leads whose mql_at falls in
 * the month, by segment). Months run from the first MQL (or first committed month) to
 * the as-of month. `Unknown` segment rows appear only for months that delivered some.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const slaTargets: Model = {
  name: 'sla_targets',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with delivered as (
      select date_trunc('month', mql_at)::date as month, segment, count(*)::integer as delivered_mqls
      from ${ref('leads')} where mql_at is not null group by all
    ),
    bounds as (
      select
        least((select min(month) from delivered), (select min(month) from ${ref('agreement_mql_commitments')})) as first_month,
        greatest(date_trunc('month', (select as_of from ${ref('build_info')}))::date, (select max(month) from ${ref('agreement_mql_commitments')})) as last_month
    ),
    months as (
      select unnest(generate_series(first_month::timestamp, last_month::timestamp, interval 1 month))::date as month
      from bounds where first_month is not null and last_month is not null
    ),
    grid as (
      select m.month, s.name as segment from months m cross join ${ref('agreement_segments')} s
      union
      select month, segment from delivered
    )
    select
      g.month, g.segment,
      coalesce(override.mqls, monthly.mqls, 0)::integer as committed_mqls,
      coalesce(d.delivered_mqls, 0)::integer as delivered_mqls
    from grid g
    left join ${ref('agreement_mql_commitments')} override on override.month = g.month and override.segment = g.segment
    left join ${ref('agreement_mql_commitments')} monthly on monthly.month is null and monthly.segment = g.segment
    left join delivered d on d.month = g.month and d.segment = g.segment
    order by g.month, g.segment`,
};
