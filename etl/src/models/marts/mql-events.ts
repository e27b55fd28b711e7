/**
 * mql_events — one row per time a lead became an MQL (re-MQLs after recycling included).
 *
 * The events are the distinct dated MQL signals of the side that counted most (the MA
 * system's status changes / HubSpot's MQL date, else the CRM's), exactly the ones
 * `leads.mql_times` counts; a lead whose MQL date was only inferred (or known only from a
 * Marketo mqlDate field) has one event at `leads.mql_at`. So a lead has `mql_times` rows.
 * `event_number` 1 is the earliest event; `is_remql` marks the later ones. The lead's
 * channel, campaign, segment, region, owner and team come along for slicing.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const mqlEvents: Model = {
  name: 'mql_events',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with signals as (
      select distinct person_key, role, event_at
      from ${ref('int_stage_events_reconstructed')}
      where kind = 'mql' and counts and event_at is not null
    ),
    sides as (
      select person_key, count(*) filter (where role = 'ma') as n_ma, count(*) filter (where role = 'crm') as n_crm
      from signals group by person_key
    ),
    counted as (
      select s.person_key, s.event_at, false as inferred
      from signals s join sides using (person_key)
      where s.role = case when sides.n_ma >= sides.n_crm then 'ma' else 'crm' end
    ),
    -- not materialized: read twice, DuckDB would otherwise copy the leads into a temporary table
    mqls as not materialized (select * from ${ref('leads')} where mql_at is not null),
    events as (
      select c.person_key, c.event_at, c.inferred from counted c join mqls using (person_key)
      union all
      select m.person_key, m.mql_at, true from mqls m anti join counted c on c.person_key = m.person_key
    )
    select
      e.person_key,
      e.event_at as mql_event_at,
      (row_number() over (partition by e.person_key order by e.event_at))::integer as event_number,
      (row_number() over (partition by e.person_key order by e.event_at)) > 1 as is_remql,
      e.inferred,
      m.channel, m.campaign, m.segment, m.region, m.owner, m.team
    from events e join mqls m using (person_key)`,
};
