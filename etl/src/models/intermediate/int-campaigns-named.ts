/**
 * int_campaigns_named — one row per campaign or program id of a system, with the name the
 * exports give it: the lookup every model that shows a campaign reads (leads' acquisition
 * campaign, attribution's touches), so one id never shows under two names.
 *
 * - Salesforce: Campaign.csv (Id → Name, Type).
 * - Marketo: a program's name from the leads export's `acquisitionProgramName` when exported,
 *   else from the activity extract: "Change Status in Progression" (104) names its program
 *   (primaryAttributeValueId → primaryAttributeValue; the latest name when renamed). Its type
 *   is the type of the Salesforce campaign of the same name (programs sync to campaigns).
 *
 * An id no export names is absent here: models group it as "Other (unmapped)" and the build
 * summary lists it (`campaign_raw` on leads keeps the id).
 */
import { sql } from 'kysely';
import { lowerTrimmed } from '../macros';
import { ref, type Model } from '../model';

export const intCampaignsNamed: Model = {
  name: 'int_campaigns_named',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    with sf as (
      select campaign_id, name, type from ${ref('stg_salesforce__campaigns')} where campaign_id is not null and name is not null
    ),
    sf_types as (select ${lowerTrimmed(sql.ref('name'))} as name_key, min(type) as type from sf group by 1),
    mk_from_leads as (
      select acquisition_program_id as program_id, min(acquisition_program_name) as name
      from ${ref('stg_marketo__leads')}
      where acquisition_program_id is not null and acquisition_program_name is not null
      group by 1
    ),
    mk_from_activities as (
      select program_id, arg_max(program_name, activity_at) as name
      from ${ref('int_marketo_activities_filtered')}
      where program_id is not null and program_name is not null
      group by 1
    ),
    mk as (
      select coalesce(l.program_id, a.program_id) as program_id, coalesce(l.name, a.name) as name
      from mk_from_leads l full join mk_from_activities a on a.program_id = l.program_id
    )
    select 'salesforce' as system, campaign_id, name as campaign_name, type as campaign_type from sf
    union all
    select 'marketo', mk.program_id, mk.name, t.type
    from mk left join sf_types t on t.name_key = ${lowerTrimmed(sql.ref('mk.name'))}`,
};
