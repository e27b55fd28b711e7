/**
 * stage_events — one row per lead per stage entered (lead, mql, handoff, sal, rejected,
 * sql, won, lost), from the leads mart's dates. `inferred`: the MQL date was inferred from
 * a later stage, or a SAL/rejection date came from a current status without history.
 * previous_stage / days_from_previous: the stage entered before (by stage order);
 * next_entered_at / days_in_stage: the next one (null while still in the stage).
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const STAGE_ORDER = ['lead', 'mql', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost'] as const;

export const stageEvents: Model = {
  name: 'stage_events',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with unpivoted as (
      select l.lead_id, s.stage, s.stage_order, s.entered_at, s.inferred, l.channel, l.segment, l.region, l.owner, l.team
      from ${ref('leads')} l
      cross join lateral (values
        ('lead', 1, l.created_at, false),
        ('mql', 2, l.mql_at, l.mql_inferred),
        ('handoff', 3, l.handoff_at, false),
        ('sal', 4, l.sal_at, l.sal_inferred),
        ('rejected', 5, l.rejected_at, l.rejected_inferred),
        ('sql', 6, l.sql_at, false),
        ('won', 7, l.won_at, false),
        ('lost', 8, l.lost_at, false)
      ) s(stage, stage_order, entered_at, inferred)
      where s.entered_at is not null
    )
    select
      lead_id, stage, stage_order::integer as stage_order, entered_at, inferred,
      lag(stage) over w as previous_stage,
      ((epoch(entered_at) - epoch(lag(entered_at) over w)) / 86400.0)::double as days_from_previous,
      lead(entered_at) over w as next_entered_at,
      ((epoch(lead(entered_at) over w) - epoch(entered_at)) / 86400.0)::double as days_in_stage,
      channel, segment, region, owner, team
    from unpivoted
    window w as (partition by lead_id order by stage_order)
    order by lead_id, stage_order`,
};
