/**
 * agreement_terms — one row per term of the agreement this warehouse was built with, for the
 * dashboard's Agreement page (what the teams signed, rendered from the build, not the file).
 * Long form: `section` groups the terms, `position` orders them within it, `subject` and
 * `item` name the term, `value` is its setting as text.
 *
 * sections: build (agreement hash, data as of; the build time is build_info.built_at, kept out so
 * that identical inputs give identical marts), definitions (SQL definition, MQL
 * inference), sales_sla (hours, clock, time zone, business hours), sla_by_segment,
 * mql_commitments (month or "every month" × segment), revenue_goals (period × scope),
 * goal_rates (fixed reverse-funnel rates), lead_statuses (system × status → stage),
 * opportunity_stages (system × stage → outcome), channels (channel ← lead source),
 * segments (band → employees), regions (region ← country), rejection_reasons (agreed reason ←
 * `<system>: <reason as exported>`).
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

/** A number as text without a trailing `.0` (24, 1500000, 0.25). */
const num = (column: string) => sql.raw(`case when ${column} = round(${column}) then ${column}::bigint::varchar else ${column}::varchar end`);

const WEEKDAY_NAMES = "['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']";

export const agreementTerms: Model = {
  name: 'agreement_terms',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with s as (select * from ${ref('agreement_settings')}),
    b as (select * from ${ref('build_info')}),
    hhmm as (
      select
        lpad((business_start_minute // 60)::varchar, 2, '0') || ':' || lpad((business_start_minute % 60)::varchar, 2, '0') as bh_start,
        lpad((business_end_minute // 60)::varchar, 2, '0') || ':' || lpad((business_end_minute % 60)::varchar, 2, '0') as bh_end,
        array_to_string(list_transform(business_days, d -> ${sql.raw(WEEKDAY_NAMES)}[d + 1]), ', ') as days
      from s
    ),
    terms as (
      select 'build' as section, 1 as position, null as subject, 'agreement_hash' as item, agreement_hash as value from b
      union all select 'build', 2, null, 'as_of', strftime(as_of, '%Y-%m-%dT%H:%M:%SZ') from b
      union all select 'definitions', 1, null, 'sql', sql_definition from ${ref('agreement_definitions')}
      union all select 'definitions', 2, null, 'infer_mql_from_later_stages', infer_mql::varchar from s
      union all select 'sales_sla', 1, null, 'hours', ${num('sla_hours')} from s
      union all select 'sales_sla', 2, null, 'hours_type', sla_hours_type from s
      union all select 'sales_sla', 3, null, 'time_zone', sla_time_zone from s
      union all select 'sales_sla', 4, null, 'business_hours', bh_start || '–' || bh_end || ' ' || days from hhmm
      union all select 'sla_by_segment', row_number() over (order by segment), segment, 'hours', ${num('hours')} from ${ref('agreement_sla_hours')}
      union all select 'mql_commitments', row_number() over (order by month nulls first, segment), segment,
        coalesce(strftime(month, '%Y-%m'), 'every month'), mqls::varchar from ${ref('agreement_mql_commitments')}
      union all select 'revenue_goals', row_number() over (order by period_start, segment nulls first, region nulls first), period,
        coalesce(segment, 'All') || ' / ' || coalesce(region, 'All'), ${num('amount')} from ${ref('agreement_revenue_goals')}
      union all select 'goal_rates', 1, null, 'average_won_deal', coalesce(${num('average_won_deal')}, 'trailing 12 months') from ${ref('agreement_goal_rates')}
      union all select 'goal_rates', 2, null, 'close_rate', coalesce(${num('close_rate')}, 'trailing 12 months') from ${ref('agreement_goal_rates')}
      union all select 'goal_rates', 3, null, 'mql_to_sql_rate', coalesce(${num('mql_to_sql_rate')}, 'trailing 12 months') from ${ref('agreement_goal_rates')}
      union all select 'lead_statuses', row_number() over (order by system, status_key), system, status_key, stage from ${ref('agreement_lead_statuses')}
      union all select 'opportunity_stages', row_number() over (order by system, stage_key), system, stage_key, outcome from ${ref('agreement_opportunity_stages')}
      union all select 'channels', row_number() over (order by channel, source_key), channel, source_key, channel from ${ref('agreement_channels')}
      union all select 'segments', ord, name, 'employees',
        case when min_employees is null and max_employees is null then 'any'
             when min_employees is null then 'up to ' || max_employees::bigint
             when max_employees is null then 'over ' || min_employees::bigint
             else (min_employees::bigint + 1) || '–' || max_employees::bigint end
        from ${ref('agreement_segments')}
      union all select 'regions', row_number() over (order by region, country_key), region, country_key, region from ${ref('agreement_regions')}
      union all select 'rejection_reasons', row_number() over (order by reason, system, reason_key), reason, system || ': ' || reason_key, reason from ${ref('agreement_rejection_reasons')}
    )
    select section, position::integer as position, subject::varchar as subject, item::varchar as item, value::varchar as value from terms
    order by section, position`,
};
