/**
 * int_sales_touches — one row per completed sales activity on a person.
 *
 * Salesforce: a Task that is completed (Status Completed or IsClosed) and is a call, email
 * or meeting (stg activity_type), on a lead (WhoId = Lead Id) or on the contact the lead
 * was converted to (WhoId = ConvertedContactId). Its time is CompletedDateTime, else
 * CreatedDate (a logged call is created when made). ActivityDate is a due date at
 * midnight UTC and is never used as a touch time.
 * HubSpot (no activity export): "First Contacted" (first sales engagement) and "Last
 * Contacted" are each one touch, type `engagement`; the first touch after handoff is then
 * the earliest of them at or after handoff — when the first engagement preceded handoff,
 * "Last Contacted" bounds the first touch after handoff from above.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const intSalesTouches: Model = {
  name: 'int_sales_touches',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    with sf_people as (
      select record_id as who_id, person_key from ${ref('int_people_unified_by_email')} where system = 'salesforce'
      union
      select converted_contact_id, person_key from ${ref('int_people_unified_by_email')} where system = 'salesforce' and converted_contact_id is not null
    ),
    sf as (
      select
        t.task_id as activity_id, p.person_key, 'salesforce' as source_system, t.activity_type,
        coalesce(u.name, t.owner_id) as owner, u.team,
        coalesce(t.completed_at, t.created_at) as completed_at
      from ${ref('stg_salesforce__tasks')} t
      join sf_people p on p.who_id = t.who_id
      left join ${ref('stg_salesforce__users')} u on u.user_id = t.owner_id
      where t.is_completed and not t.is_deleted and t.activity_type in ('call', 'email', 'meeting')
    ),
    -- Both dates of a contact as a list unnested in the select list: a lateral VALUES list is
    -- planned as a dependent join that copies every contact first (see marts/leaks.ts).
    hs_dates as (
      select h.record_id, h.person_key, h.owner_name, h.team,
        unnest([{'kind': 'first_contacted', 'event_at': c.first_contacted_at}, {'kind': 'last_contacted', 'event_at': c.last_contacted_at}]) as k,
        coalesce(c.last_contacted_at = c.first_contacted_at, false) as same_dates
      from ${ref('int_people_unified_by_email')} h
      join ${ref('stg_hubspot__contacts')} c on c.contact_id = h.record_id
      where h.system = 'hubspot'
    ),
    hs as (
      select 'hubspot:' || record_id || ':' || k.kind as activity_id, person_key, 'hubspot', 'engagement', owner_name, team, k.event_at
      from hs_dates
      where k.event_at is not null and not (k.kind = 'last_contacted' and same_dates)
    )
    select * from sf union all select * from hs`,
};
