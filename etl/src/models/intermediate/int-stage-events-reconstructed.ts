/**
 * int_stage_events_reconstructed — one row per dated signal that a person entered a stage
 * (before deciding which one counts): kind ∈ mql, sal, rejected, sql, recycled,
 * owner_assigned, touch; `role` says whether the signal came from the CRM or the MA side.
 *
 * Sources:
 * - Salesforce LeadHistory Field=Status → the new status's stage (agreement.lead_statuses);
 *   Field=Owner/OwnerId to a User (id 005… or a User's id/name; not a queue) → owner_assigned;
 *   a lead whose current status is sal/rejected but has no Status history → that stage at
 *   LastModifiedDate (else CreatedDate), inferred; conversion → sql at the converted
 *   opportunity's CreatedDate (ConvertedDate is date-only), else ConvertedDate.
 * - Marketo 104 → the New Status's stage (re-MQLs give several mql rows, `counts`);
 *   23 Change Owner → owner_assigned; the lead's mqlDate field → mql (not counted again).
 * - HubSpot: "Became a Marketing Qualified Lead Date" → mql; "Became a Sales Qualified Lead
 *   Date" → sal (HubSpot's SQL lifecycle stage is sales accepting the lead);
 *   "Became an Opportunity Date" and each associated deal's Create Date → sql;
 *   "Owner Assigned Date" → owner_assigned; a Lead Status mapped to sal without a lifecycle
 *   date → sal at First Contacted (else Last Contacted, Owner Assigned, Create Date), inferred;
 *   a Lead Status mapped to rejected → rejected at Last Contacted (else Owner Assigned,
 *   Create Date) but not before "Became a Sales Qualified Lead Date" (accepted, then
 *   disqualified), inferred, reason "Unqualified Reason" else the status.
 * - int_sales_touches → touch.
 */
import { sql } from 'kysely';
import { lowerTrimmed } from '../macros';
import { ref, type Model } from '../model';

export const intStageEventsReconstructed: Model = {
  name: 'int_stage_events_reconstructed',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    -- Read where used, not copied: DuckDB materializes a CTE read more than once, and this one
    -- is every person record (README, "Performance").
    with people as not materialized (
      select person_key, system, record_id, status, status_stage, disqualified_reason, created_at, updated_at, opportunity_id, converted_at
      from ${ref('int_people_unified_by_email')}
    ),
    status_map as (select system, status_key, stage from ${ref('agreement_lead_statuses')}),
    users as (
      select user_id as v from ${ref('stg_salesforce__users')}
      union select name from ${ref('stg_salesforce__users')} where name is not null
    ),
    sf_history as (
      select p.person_key, h.lead_id as record_id, ${lowerTrimmed(sql.ref('h.field'))} as field, h.new_value, h.changed_at, p.disqualified_reason
      from ${ref('stg_salesforce__lead_histories')} h
      join people p on p.system = 'salesforce' and p.record_id = h.lead_id
      where not h.is_deleted
    ),
    sf_status as (
      select h.person_key, 'salesforce' as system, h.record_id, 'crm' as role, m.stage as kind, h.changed_at as event_at, false as inferred,
        case when m.stage = 'rejected' then coalesce(h.disqualified_reason, h.new_value) else h.new_value end as detail, true as counts
      from sf_history h
      join status_map m on m.system = 'salesforce' and m.status_key = ${lowerTrimmed(sql.ref('h.new_value'))}
      where h.field = 'status' and m.stage <> 'lead'
    ),
    sf_owner as (
      select h.person_key, 'salesforce', h.record_id, 'crm', 'owner_assigned', h.changed_at, false, h.new_value, true
      from sf_history h
      where h.field in ('owner', 'ownerid') and (h.new_value like '005%' or h.new_value in (select v from users))
    ),
    sf_status_fallback as (
      select p.person_key, 'salesforce', p.record_id, 'crm', p.status_stage, coalesce(p.updated_at, p.created_at), true,
        case when p.status_stage = 'rejected' then coalesce(p.disqualified_reason, p.status) else p.status end, true
      from people p
      anti join (select record_id from sf_history where field = 'status') h on h.record_id = p.record_id
      where p.system = 'salesforce' and p.status_stage in ('sal', 'rejected')
    ),
    sf_conversion as (
      select p.person_key, 'salesforce', p.record_id, 'crm', 'sql', coalesce(o.created_at, p.converted_at), false, p.opportunity_id, true
      from people p
      left join ${ref('stg_salesforce__opportunities')} o on o.opportunity_id = p.opportunity_id
      where p.system = 'salesforce' and coalesce(o.created_at, p.converted_at) is not null
    ),
    mk_people as (select person_key, record_id from people where system = 'marketo'),
    mk_status as (
      select p.person_key, 'marketo', p.record_id, 'ma', m.stage, a.activity_at, false, a.new_value, true
      from ${ref('int_marketo_activities_filtered')} a
      join mk_people p on p.record_id = a.marketo_lead_id
      join status_map m on m.system = 'marketo' and m.status_key = lower(a.new_value)
      where a.activity_type_id = 104 and m.stage <> 'lead'
    ),
    mk_owner as (
      select p.person_key, 'marketo', p.record_id, 'ma', 'owner_assigned', a.activity_at, false, a.new_value, true
      from ${ref('int_marketo_activities_filtered')} a
      join mk_people p on p.record_id = a.marketo_lead_id
      where a.activity_type_id = 23
    ),
    mk_field as (
      select p.person_key, 'marketo', p.record_id, 'ma', 'mql', m.mql_at, false, 'mqlDate', false
      from ${ref('stg_marketo__leads')} m
      join mk_people p on p.record_id = m.marketo_lead_id
      where m.mql_at is not null
    ),
    hs as (
      select p.person_key, p.record_id, p.status, p.status_stage, c.created_at, c.became_mql_at, c.became_sql_at,
        c.became_opportunity_at, c.owner_assigned_at, c.first_contacted_at, c.last_contacted_at, c.unqualified_reason
      from people p join ${ref('stg_hubspot__contacts')} c on c.contact_id = p.record_id
      where p.system = 'hubspot'
    ),
    -- The four dates as a list unnested in the select list: a lateral VALUES list is planned
    -- as a dependent join that copies every contact first (see marts/leaks.ts).
    hs_dates as (
      select person_key, 'hubspot', record_id, k.role, k.kind, k.event_at, false, k.detail, true
      from (
        select h.person_key, h.record_id, unnest([
          {'role': 'ma', 'kind': 'mql', 'event_at': h.became_mql_at, 'detail': 'Became a Marketing Qualified Lead Date'},
          {'role': 'crm', 'kind': 'sal', 'event_at': h.became_sql_at, 'detail': 'Became a Sales Qualified Lead Date'},
          {'role': 'crm', 'kind': 'sql', 'event_at': h.became_opportunity_at, 'detail': 'Became an Opportunity Date'},
          {'role': 'crm', 'kind': 'owner_assigned', 'event_at': h.owner_assigned_at, 'detail': 'Owner Assigned Date'}
        ]) as k
        from hs h
      )
      where k.event_at is not null
    ),
    hs_status as (
      select h.person_key, 'hubspot', h.record_id, 'crm', h.status_stage,
        case when h.status_stage = 'rejected' then greatest(coalesce(h.last_contacted_at, h.owner_assigned_at, h.created_at), h.became_sql_at)
             else coalesce(h.first_contacted_at, h.last_contacted_at, h.owner_assigned_at, h.created_at) end,
        true,
        case when h.status_stage = 'rejected' then coalesce(h.unqualified_reason, h.status) else h.status end, true
      from hs h
      where (h.status_stage = 'rejected' and h.became_opportunity_at is null)
         or (h.status_stage in ('sal', 'sql') and h.became_sql_at is null and h.became_opportunity_at is null)
    ),
    hs_deals as (
      select p.person_key, 'hubspot', p.record_id, 'crm', 'sql', d.created_at, false, d.deal_id, true
      from ${ref('stg_hubspot__deals')} d
      cross join unnest(d.associated_contact_ids) as ac(contact_id)
      join people p on p.system = 'hubspot' and p.record_id = ac.contact_id
      where d.created_at is not null
    ),
    touches as (
      select person_key, source_system, activity_id, 'crm', 'touch', completed_at, false, activity_type, true
      from ${ref('int_sales_touches')}
    ),
    unioned as (
    select * from sf_status
    union all select * from sf_owner
    union all select * from sf_status_fallback
    union all select * from sf_conversion
    union all select * from mk_status
    union all select * from mk_owner
    union all select * from mk_field
    union all select * from hs_dates
    union all select * from hs_status
    union all select * from hs_deals
    union all select * from touches
    )
    select * from unioned`,
};
