/**
 * int_people_collapsed — one row per person (`person_key`; its `lead_id`): the attributes `leads` takes from
 * the person's records (int_people_unified_by_email), each "the primary / earliest record's
 * value" as arg_min over that record's integer rank (cheap; never a join back to the records).
 * Which record wins for which attribute is documented on the `leads` mart.
 *
 * Half the people have one record (1M generated leads: 499,663 of 999,998). Their row is that
 * record's values as they are (`single`), with no aggregate: the hash aggregate's 22 states per
 * person were nearly all of this model's time, and a person with one record needs none of
 * them. Only the people with more than one record (`several`, found by one count over the
 * BIGINT key) are aggregated. `single` gives what the aggregate gives for one record (a
 * filtered aggregate over no rows is NULL: hence `case when is_crm …`); at 1M leads both ways
 * gave the same rows (`except all`, both ways), in 2.2–2.5 s instead of 3.3–3.4 s (4.0–4.6
 * instead of 6.4–6.5 CPU-seconds).
 *
 * Built in slices of people when there are many records (`slices`): DuckDB does not spill
 * these aggregate states to disk, and at ten million people one hash table of them needs
 * more memory than the build is allowed. One slice per 700k records per GiB of memory limit
 * (~270 bytes a record measured; 1M leads at 4 GB: one slice; 10M: about six, eight at 3 GB).
 * A slice is a range of `person_key`. When its input outgrows the memory limit (10M leads),
 * int_people_unified_by_email is stored in person_key order (`sortedWhenSpilled`), so each
 * slice reads its own row groups of the spilled records instead of all of them: this model
 * alone over the 20M records of a 10M build, six slices (2026-12-06, 09:10): 70.9 → 30.6 s,
 * for 17–20 s more to sort its input.
 * A slice's records come back from spilled blocks, so sliced they are read once into memory
 * (`materialized`, the columns used only) and the split reads that copy. Read three times
 * from the spilled table, the split made the model slower at 10M (97.9 s in the 2026-12-06
 * bench against 75.5 s with every person aggregated); from the copy it is faster: this model
 * alone over the 20M records of a 10M build, six slices, two alternating rounds (2026-12-06,
 * 07:31–07:37): 79.7 / 81.3 s against 84.4 / 87.3 s, 152–159 against 165–169 CPU-seconds.
 */
import { sql } from 'kysely';
import { inSlice, isSliced, ref, type Model } from '../model';

/** A person's attributes from their only record. */
const single = sql`
  person_key, lead_id, email, full_name, company,
  system as source_system,
  case when is_crm then system end as crm_system,
  case when is_ma then system end as ma_system,
  (case when is_crm then 1 else 0 end)::integer as crm_record_count,
  (case when is_ma then 1 else 0 end)::integer as ma_record_count,
  lead_source as original_source,
  case when campaign is not null then {'c': campaign, 'r': campaign_raw} end as named_campaign,
  case when campaign_fallback is not null then {'c': campaign_fallback, 'r': campaign_raw} end as fallback_campaign,
  campaign_raw as any_campaign_raw,
  number_of_employees, country,
  case when is_crm and has_owner then owner_name end as owner,
  case when is_crm and has_owner then team end as team,
  case when is_crm then has_owner end as crm_has_owner,
  case when is_crm then {'s': system, 'id': record_id} end as crm_record,
  case when system = 'salesforce' then opportunity_id end as sf_opportunity_id,
  created_at`;

/** A person's attributes from all their records (`group by person_key`). */
const aggregated = sql`
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
  min(created_at) as created_at`;

export const intPeopleCollapsed: Model = {
  name: 'int_people_collapsed',
  layer: 'intermediate',
  materialized: 'table',
  slices: { input: 'int_people_unified_by_email', rowsPerGiB: 700_000, key: 'person_key' },
  query: (ctx) => {
    const records = sql`
      select person_key, lead_id, email, full_name, company, system, record_id, is_crm, is_ma, lead_source,
        campaign, campaign_fallback, campaign_raw, number_of_employees, country, owner_name, team, has_owner,
        opportunity_id, created_at, earliest_rank, primary_rank
      from ${ref('int_people_unified_by_email')} where ${inSlice(ctx, sql`person_key`)}`;
    // `records` is read three times. Whole, `not materialized` keeps DuckDB from copying it
    // first; in slices, `materialized` reads the slice's records back from spilled blocks
    // once, into memory, and the three reads are of that copy.
    return sql`
      with records as ${isSliced(ctx) ? sql`materialized` : sql`not materialized`} (${records}),
      several as (select person_key from records group by person_key having count(*) > 1)
      select ${single} from records anti join several using (person_key)
      union all
      select ${aggregated} from records semi join several using (person_key) group by person_key`;
  },
};
