/**
 * opportunities — one row per opportunity (Salesforce Opportunity, HubSpot deal).
 * channel, campaign, region and segment are the lead's when the opportunity traces back
 * to one; otherwise channel from the opportunity's own LeadSource, campaign from its
 * Primary Campaign Source, region/segment `Unknown`. age_days: open — as_of − created;
 * closed — closed_at − created.
 */
import { sql } from 'kysely';
import { lowerTrimmed } from '../macros';
import { ref, type Model } from '../model';

export const opportunities: Model = {
  name: 'opportunities',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select
      o.opportunity_id, l.lead_id, o.source_system, o.name, o.stage_name, o.outcome,
      coalesce(o.amount, 0)::double as amount, o.created_at, o.closed_at,
      ((epoch(coalesce(o.closed_at, (select as_of from ${ref('build_info')}))) - epoch(o.created_at)) / 86400.0)::double as age_days,
      o.owner, o.team,
      coalesce(l.channel, ch.channel, 'Other') as channel,
      coalesce(l.campaign, o.campaign, '(none)') as campaign,
      coalesce(l.region, 'Unknown') as region,
      coalesce(l.segment, 'Unknown') as segment,
      o.reopened, o.stage_changes::integer as stage_changes
    from ${ref('int_opportunities_unioned')} o
    left join ${ref('leads')} l on l.person_key = o.person_key
    left join ${ref('agreement_channels')} ch on ch.source_key = ${lowerTrimmed(sql.ref('o.lead_source'))}
    order by o.opportunity_id`,
};
