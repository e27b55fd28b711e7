/**
 * touchpoints — one row per person per marketing touch that counts (the agreement's
 * `attribution.touch_kinds`): the touch records of `int_touches_unioned`, plus the lead's
 * **original source** touch when the person has no touch record at or before the lead's
 * creation (the person's earliest record creation in any system), whatever the window: at
 * the creation time, with the lead's source system and channel and no campaign.
 *
 * `campaign` is `(none)` when the touch has none. `is_first_touch`: the person's earliest
 * touch (ties by time, then system, then touch id) — cost per MQL counts MQLs by it.
 * Lead columns (`mql_at`, `segment`, `region`, `team`) are copied for row scopes and MQL counts.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const touchpoints: Model = {
  name: 'touchpoints',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with records as (
      select t.* from ${ref('int_touches_unioned')} t
      where t.touch_kind in (select kind from ${ref('agreement_touch_kinds')})
    ),
    first_record as (select lead_id, min(touched_at) as first_at from records group by lead_id),
    original as (
      select 'original_source:' || l.lead_id as touch_id, l.lead_id, l.source_system, 'original_source' as touch_kind,
        l.created_at as touched_at, null::varchar as campaign, l.channel
      from ${ref('leads')} l
      left join first_record f on f.lead_id = l.lead_id
      where 'original_source' in (select kind from ${ref('agreement_touch_kinds')})
        and (f.first_at is null or f.first_at > l.created_at)
    ),
    unioned as (select * from records union all select * from original),
    -- The first touch by one grouped min over (time, system, id), not a window sorting every
    -- touch of every person (touched_at is never null: a data test).
    firsts as (
      select lead_id, min({'t': touched_at, 's': source_system, 'i': touch_id}).i as touch_id
      from unioned group by lead_id
    )
    select
      u.touch_id, u.lead_id, u.source_system, u.touch_kind, u.touched_at::timestamp as touched_at,
      u.channel, coalesce(u.campaign, '(none)') as campaign,
      coalesce(f.touch_id = u.touch_id, false) as is_first_touch,
      l.mql_at, l.segment, l.region, l.team
    from unioned u
    left join firsts f on f.lead_id is not distinct from u.lead_id
    left join ${ref('leads')} l on l.lead_id = u.lead_id`,
};
