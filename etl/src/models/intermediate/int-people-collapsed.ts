/**
 * int_people_collapsed — one row per person (`person_key`; its `lead_id`): the attributes `leads` takes from
 * the person's records (int_people_unified_by_email), each "the primary / earliest record's
 * value" as arg_min over that record's integer rank (cheap; never a join back to the records).
 * Which record wins for which attribute is documented on the `leads` mart.
 *
 * Built in slices of people when there are many records (`slices`): DuckDB does not spill
 * these aggregate states to disk, and at ten million people one hash table of them needs
 * more memory than the build is allowed. One slice per 700k records per GiB of memory limit
 * (~270 bytes a record measured; 1M leads at 4 GB: one slice; 10M: about six, eight at 3 GB).
 */
import { sql } from 'kysely';
import { inSlice, ref, type Model } from '../model';

export const intPeopleCollapsed: Model = {
  name: 'int_people_collapsed',
  layer: 'intermediate',
  materialized: 'table',
  slices: { input: 'int_people_unified_by_email', rowsPerGiB: 700_000 },
  query: (ctx) => sql`
    select
      person_key,
      any_value(lead_id) as lead_id,
      min(email) as email,
      arg_min(full_name, primary_rank) filter (where full_name is not null) as full_name,
      arg_min(company, primary_rank) filter (where company is not null) as company,
      arg_min(system, earliest_rank) as source_system,
      arg_min(system, earliest_rank) filter (where is_crm) as crm_system,
      arg_min(system, earliest_rank) filter (where is_ma) as ma_system,
      (count(*) filter (where is_crm))::integer as crm_record_count,
      (count(*) filter (where is_ma))::integer as ma_record_count,
      arg_min(lead_source, earliest_rank) filter (where lead_source is not null) as original_source,
      arg_min({'c': campaign, 'r': campaign_raw}, earliest_rank) filter (where campaign is not null) as named_campaign,
      arg_min({'c': campaign_fallback, 'r': campaign_raw}, earliest_rank) filter (where campaign_fallback is not null) as fallback_campaign,
      arg_min(campaign_raw, earliest_rank) filter (where campaign_raw is not null) as any_campaign_raw,
      arg_min(number_of_employees, primary_rank) filter (where number_of_employees is not null) as number_of_employees,
      arg_min(country, primary_rank) filter (where country is not null) as country,
      arg_min(case when has_owner then owner_name end, primary_rank) filter (where is_crm) as owner,
      arg_min(case when has_owner then team end, primary_rank) filter (where is_crm) as team,
      bool_or(has_owner) filter (where is_crm) as crm_has_owner,
      arg_min({'s': system, 'id': record_id}, primary_rank) filter (where is_crm) as crm_record,
      arg_min(opportunity_id, earliest_rank) filter (where opportunity_id is not null and system = 'salesforce') as sf_opportunity_id,
      min(created_at) as created_at
    from ${ref('int_people_unified_by_email')}
    where ${inSlice(ctx, sql`person_key`)}
    group by person_key`,
};
