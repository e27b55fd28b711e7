/**
 * int_people_unified_by_email — one row per person record in any system (a Salesforce
 * Lead, a Marketo lead, a HubSpot contact), with the person it belongs to:
 * `lead_id` = `email:<normalised email>`, or `<system>:<record id>` without an email.
 *
 * `person_key`: the person's key as a BIGINT, 63 bits of a hash of `lead_id`. Every later
 * model joins and groups on it, and the marts of events carry it instead of the text
 * `lead_id` (only `leads` keeps both): a text key of ~30 bytes in every join, grouping and
 * stored row was ~10 % of a build at 1M leads (README, "Performance"). Numbering the people
 * instead (a sort or a distinct and a join of every record) cost more than it saved. Two
 * `lead_id`s whose hashes collide (about one chance in 200,000 at ten million people) would be
 * one person, so `repair` counts both and, when they differ, numbers the people by `lead_id`
 * instead: exact either way.
 *
 * Roles: Salesforce is a CRM, Marketo an MA system, HubSpot both (`is_crm`, `is_ma`).
 * Deleted Salesforce leads (IsDeleted) are left out.
 * `has_owner`: the record is owned by a person — a Salesforce OwnerId that is a User
 * (005…, or listed in the User export; queues 00G… are not), a HubSpot "Contact owner".
 * `campaign`: Salesforce — the campaign of the lead's earliest CampaignMember row;
 * Marketo — the acquisition program's name (int_campaigns_named); a program no export names
 * is `campaign_fallback` "Other (unmapped)", used only when no record of the person names a
 * campaign; HubSpot — "First Touch Converting Campaign" when exported, else "Original Source
 * Drill-Down 1" where HubSpot puts a campaign there (Email marketing, Other campaigns: the
 * utm_campaign) or where it is the name of a known Salesforce campaign / Marketo program —
 * never a search engine, domain or "IMPORT". `campaign_raw`: the export's value behind it
 * (Campaign Id, program id, the HubSpot campaign / drill-down), kept for analysts.
 * `status_stage`: the record's current status mapped by the agreement (unmapped: lead).
 * `earliest_rank` (by creation) and `primary_rank` (CRM first, converted first, then by
 * creation) order all records, ties broken by a hash of system and id, so "the earliest
 * record" and "the primary record" of a person are deterministic (arg_min over one HUGEINT).
 */
import { sql } from 'kysely';
import { UNMAPPED_LABEL } from '../../agreement/agreement';
import { lowerTrimmed } from '../macros';
import { ref, type Model, type ModelContext } from '../model';

export const intPeopleUnifiedByEmail: Model = {
  name: 'int_people_unified_by_email',
  layer: 'intermediate',
  materialized: 'table',
  // int_people_collapsed reads this table in slices of person_key. At ten million leads (20M
  // records, ~270 bytes each) it does not fit in the memory limit, and each slice would read
  // every spilled record back: stored in person_key order, a slice reads its own row groups
  // (that model alone over a 10M build's records: 70.9 → 30.6 s, for 17–20 s more here to
  // sort). At 3M, where the records fit, sorting them cost more than it saved (this model
  // 6.4 → 14.8 s, int_people_collapsed 9.0 → 12.4 s). Decided from the staging tables' row
  // counts (every record, the rejected and duplicates included: an upper bound).
  sortedWhenSpilled: {
    by: 'person_key',
    rowsPerGiB: 4_000_000,
    rows: () => sql`(select count(*) from ${ref('stg_salesforce__leads__checked')}) + (select count(*) from ${ref('stg_marketo__leads__checked')})
      + (select count(*) from ${ref('stg_hubspot__contacts__checked')})`,
  },
  query: (ctx) => sql`
    -- A lead's earliest membership (by creation, then campaign id, then name; NULLs last, as a
    -- struct's min orders them): one grouped min, not a window numbering every membership.
    with first_membership as (
      select m.lead_id, min({'t': m.created_at, 'id': m.campaign_id, 'n': c.name}) as first
      from ${ref('stg_salesforce__campaign_members')} m
      join ${ref('stg_salesforce__campaigns')} c on c.campaign_id = m.campaign_id
      where m.lead_id is not null
      group by m.lead_id
    ),
    first_campaign as (select lead_id, first.n as campaign, first.id as campaign_id from first_membership),
    campaign_names as (select system, campaign_id, campaign_name from ${ref('int_campaigns_named')}),
    known_names as (select distinct ${lowerTrimmed(sql.ref('campaign_name'))} as name_key from campaign_names),
    sf as (
      select
        'salesforce' as system, l.lead_id as record_id, true as is_crm, false as is_ma,
        l.email, l.full_name, l.company, l.created_at, l.last_modified_at as updated_at,
        l.lead_source, fc.campaign, l.number_of_employees, l.country,
        l.owner_id, u.name as owner_name, u.team,
        (u.user_id is not null or l.owner_id like '005%') as has_owner,
        l.status, l.disqualified_reason, l.is_converted, l.converted_at,
        l.converted_opportunity_id as opportunity_id, l.converted_contact_id, null::varchar as campaign_fallback,
        fc.campaign_id as campaign_raw
      from ${ref('stg_salesforce__leads')} l
      left join ${ref('stg_salesforce__users')} u on u.user_id = l.owner_id
      left join first_campaign fc on fc.lead_id = l.lead_id
      where not l.is_deleted
    ),
    mk as (
      select
        'marketo', m.marketo_lead_id, false, true,
        m.email, m.full_name, m.company, m.created_at, m.updated_at,
        m.lead_source, coalesce(m.acquisition_program_name, pn.campaign_name), m.number_of_employees, m.country,
        null, null, null, false,
        m.lead_status, null, false, null, null, null,
        case when m.acquisition_program_id is not null and coalesce(m.acquisition_program_name, pn.campaign_name) is null then ${sql.lit(UNMAPPED_LABEL)} end,
        m.acquisition_program_id
      from ${ref('stg_marketo__leads')} m
      left join campaign_names pn on pn.system = 'marketo' and pn.campaign_id = m.acquisition_program_id
    ),
    hs as (
      select
        'hubspot', h.contact_id, true, true,
        h.email, h.full_name, h.company, h.created_at, null,
        h.original_source,
        coalesce(h.first_touch_converting_campaign,
          case when replace(${lowerTrimmed(sql.ref('h.original_source'))}, '_', ' ') in ('email marketing', 'other campaigns') or kn.name_key is not null
            then h.original_source_drill_down_1 end),
        h.number_of_employees, h.country,
        h.owner, h.owner, h.team, h.owner is not null,
        h.lead_status, h.unqualified_reason, h.became_opportunity_at is not null, h.became_opportunity_at, null, null, null,
        coalesce(h.first_touch_converting_campaign, h.original_source_drill_down_1)
      from ${ref('stg_hubspot__contacts')} h
      left join known_names kn on kn.name_key = ${lowerTrimmed(sql.ref('h.original_source_drill_down_1'))}
    ),
    records as (
      select coalesce('email:' || u.email, u.system || ':' || u.record_id) as lead_id, u.*
      from (select * from sf union all select * from mk union all select * from hs) u
    )
    select
      (hash(r.lead_id) & ${sql.lit(personKeyMask(ctx))}::ubigint)::bigint as person_key,
      r.*,
      coalesce(st.stage, 'lead') as status_stage,
      -- Sort keys as one HUGEINT each (no sort needed): flags, creation time in µs, then a
      -- hash of system and id breaking ties deterministically.
      epoch_us(r.created_at)::hugeint * ${sql.lit('18446744073709551616')}::hugeint + hash(r.system, r.record_id)::hugeint as earliest_rank,
      ((case when r.is_crm then 0 else 2 end + case when r.is_converted then 0 else 1 end)::hugeint * ${sql.lit('72057594037927936')}::hugeint
        + epoch_us(r.created_at)::hugeint) * ${sql.lit('18446744073709551616')}::hugeint + hash(r.system, r.record_id)::hugeint as primary_rank
    from records r
    left join ${ref('agreement_lead_statuses')} st on st.system = r.system and st.status_key = ${lowerTrimmed(sql.ref('r.status'))}`,
  repair: async (ctx, table) => {
    const { rows } = await sql<{ people: bigint; keys: bigint }>`
      select count(distinct lead_id) as people, count(distinct person_key) as keys from ${table}`.execute(ctx.db);
    if (rows[0]?.people === rows[0]?.keys) return;
    await sql`create or replace table ${table} as
      select * replace ((dense_rank() over (order by lead_id))::bigint as person_key) from ${table}`.execute(ctx.db);
  },
};

/** The bits of the hash kept as the key: 63 (a BIGINT ≥ 0), or `ctx.personKeyBits` (tests force collisions). */
function personKeyMask(ctx: ModelContext): string {
  return String((1n << BigInt(ctx.personKeyBits ?? 63)) - 1n);
}
