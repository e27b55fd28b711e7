/**
 * int_opportunities_unioned — one row per opportunity (Salesforce Opportunity, HubSpot deal).
 *
 * outcome: Salesforce — IsClosed/IsWon when exported, else StageName through the agreement;
 * HubSpot — Deal Stage through the agreement; unmapped stages are `open`.
 * closed_at: the close date (date-only → midnight UTC) for won/lost, but never before the
 * opportunity's creation (a same-day close would otherwise precede it).
 * reopened: OpportunityHistory shows a closed stage followed by an open one.
 * stage_changes: history rows whose stage differs from the row before (0 without history).
 * lead_record: the person record it came from (Salesforce: the lead converted into it;
 * HubSpot: the first associated contact).
 */
import { sql } from 'kysely';
import { lowerTrimmed } from '../macros';
import { ref, type Model } from '../model';

export const intOpportunitiesUnioned: Model = {
  name: 'int_opportunities_unioned',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    with sf_map as (select stage_key, outcome from ${ref('agreement_opportunity_stages')} where system = 'salesforce'),
    hs_map as (select stage_key, outcome from ${ref('agreement_opportunity_stages')} where system = 'hubspot'),
    history as (
      select h.opportunity_id, h.stage_name, coalesce(m.outcome, 'open') as outcome,
        lag(h.stage_name) over w as previous_stage, lag(coalesce(m.outcome, 'open')) over w as previous_outcome
      from ${ref('stg_salesforce__opportunity_histories')} h
      left join sf_map m on m.stage_key = ${lowerTrimmed(sql.ref('h.stage_name'))}
      where not h.is_deleted
      window w as (partition by h.opportunity_id order by h.changed_at, h.history_id, h._file, h._line)
    ),
    history_summary as (
      select opportunity_id,
        count(*) filter (where previous_stage is not null and stage_name is distinct from previous_stage) as stage_changes,
        bool_or(outcome = 'open' and previous_outcome in ('won', 'lost')) as reopened
      from history group by opportunity_id
    ),
    converted_from as (
      select opportunity_id, arg_min(person_key, earliest_rank) as person_key
      from ${ref('int_people_unified_by_email')}
      where system = 'salesforce' and opportunity_id is not null
      group by opportunity_id
    ),
    sf as (
      select
        o.opportunity_id, 'salesforce' as source_system, o.name, o.stage_name,
        case when o.is_closed and o.is_won then 'won' when o.is_closed then 'lost' when o.is_closed = false then 'open'
             else coalesce(m.outcome, 'open') end as outcome,
        o.amount, o.created_at, o.close_date, o.owner_id, u.name as owner, u.team, o.lead_source, c.campaign_name as campaign,
        coalesce(hs.reopened, false) as reopened, coalesce(hs.stage_changes, 0)::integer as stage_changes,
        cf.person_key
      from ${ref('stg_salesforce__opportunities')} o
      left join sf_map m on m.stage_key = ${lowerTrimmed(sql.ref('o.stage_name'))}
      left join ${ref('stg_salesforce__users')} u on u.user_id = o.owner_id
      left join ${ref('int_campaigns_named')} c on c.system = 'salesforce' and c.campaign_id = o.campaign_id
      left join history_summary hs on hs.opportunity_id = o.opportunity_id
      left join converted_from cf on cf.opportunity_id = o.opportunity_id
      where not o.is_deleted
    ),
    hs_deals as (
      select
        d.deal_id, 'hubspot', d.deal_name, d.deal_stage, coalesce(m.outcome, 'open'),
        d.amount, coalesce(d.created_at, d.close_date), d.close_date, d.owner, d.owner, p.team, null, null,
        false, 0, p.person_key
      from ${ref('stg_hubspot__deals')} d
      left join hs_map m on m.stage_key = ${lowerTrimmed(sql.ref('d.deal_stage'))}
      left join ${ref('int_people_unified_by_email')} p on p.system = 'hubspot' and p.record_id = d.associated_contact_ids[1]
    ),
    unioned as (select * from sf union all select * from hs_deals)
    select
      opportunity_id, person_key, source_system, name, stage_name, outcome, amount, created_at,
      case when outcome <> 'open' then greatest(close_date, created_at) end as closed_at,
      close_date, owner_id, coalesce(owner, 'Unassigned') as owner, coalesce(team, 'Unassigned') as team,
      lead_source, campaign, reopened, stage_changes
    from unioned`,
};
