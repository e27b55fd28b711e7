/**
 * build_info — one row. `as_of` is the latest event in the inputs (record creation and
 * modification, history rows, activities, tasks, opportunity creation, HubSpot lifecycle
 * dates) — never the clock, so the same inputs give the same marts. Close dates are left
 * out: open opportunities carry expected close dates in the future.
 * `built_at` is the clock (the one column that differs between identical builds).
 * `inputs` is the JSON list of input files (raw._load_files: every file given, loaded or
 * not), sorted. `schema_version`: the shape of the marts (see schema-version.ts).
 */
import { sql } from 'kysely';
import { WAREHOUSE_SCHEMA_VERSION } from '../../schema-version';
import { ref, source, type Model } from '../model';

export const buildInfo: Model = {
  name: 'build_info',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with times as (
      select max(greatest(created_at, updated_at)) as t from ${ref('int_people_unified_by_email')}
      union all select max(changed_at) from ${ref('stg_salesforce__lead_histories')}
      union all select max(changed_at) from ${ref('stg_salesforce__opportunity_histories')}
      union all select max(greatest(created_at, last_modified_at)) from ${ref('stg_salesforce__opportunities')}
      union all select max(greatest(created_at, completed_at)) from ${ref('stg_salesforce__tasks')}
      union all select latest_activity_at from ${ref('int_marketo_activity_bounds')}
      union all select max(greatest(became_mql_at, became_sql_at, became_opportunity_at, became_customer_at, owner_assigned_at, last_contacted_at, first_contacted_at)) from ${ref('stg_hubspot__contacts')}
      union all select max(greatest(created_at, last_modified_at)) from ${ref('stg_hubspot__deals')}
    ),
    files as (select file from ${source('_load_files')})
    select
      (select max(t) from times)::timestamp as as_of,
      now()::timestamp as built_at,
      (select agreement_hash from ${ref('agreement_settings')}) as agreement_hash,
      (select coalesce(to_json(list(file order by file)), '[]')::varchar from files) as inputs,
      ${sql.lit(WAREHOUSE_SCHEMA_VERSION)}::integer as schema_version`,
};
