/**
 * int_touches_unioned — one row per marketing touch record of a person (DOMAIN.md,
 * "Attribution"), before the lead's original-source touch is added (marts/touchpoints.ts):
 *
 * - Salesforce `campaign_response`: a CampaignMember with HasResponded, at its
 *   FirstRespondedDate when exported, else its CreatedDate; the person of its LeadId, else
 *   of the lead converted into its ContactId. Campaign: the Campaign's name.
 * - Marketo `form_fill` (type 2) and `email_click` (type 11). Campaign: the program's name —
 *   Marketo names a program's local assets `Program.Asset`, so the text before the last `.`
 *   of the form's / email's name; a global asset without a program (no `.`) is its own name.
 * - HubSpot `hubspot_first_conversion`, `hubspot_recent_conversion` (campaign: the
 *   conversion's name) and `hubspot_latest_source` (no campaign), when exported. A contact
 *   with one conversion shows it as both first and recent (same form, same time): that is
 *   one touch, the first conversion.
 *
 * Channel: the agreement's `attribution.campaign_channels` for the campaign's name, else the
 * campaign's type mapped through `channels` (Salesforce Campaign Type; for a Marketo program
 * the type of the Salesforce campaign of the same name, as Marketo programs sync to
 * Salesforce campaigns), else the name itself mapped through `channels`; HubSpot: the
 * conversion's name, then Latest Source (recent conversion, latest source) or Original Source
 * (first conversion) mapped through `channels`; `Other` when nothing maps.
 * `touch_id` is `<system>:<record id>` (HubSpot: `hubspot:<contact>:<kind>`); touches in two
 * systems are not de-duplicated against each other.
 */
import { sql } from 'kysely';
import { lowerTrimmed } from '../macros';
import { ref, type Model } from '../model';

export const intTouchesUnioned: Model = {
  name: 'int_touches_unioned',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    with channel_of_source as (select source_key, channel from ${ref('agreement_channels')}),
    channel_of_campaign as (select campaign_key, channel from ${ref('agreement_campaign_channels')}),
    sf_campaigns as (
      select c.campaign_id, c.campaign_name as name, ${lowerTrimmed(sql.ref('c.campaign_name'))} as name_key, ${lowerTrimmed(sql.ref('c.campaign_type'))} as type_key
      from ${ref('int_campaigns_named')} c where c.system = 'salesforce'
    ),
    campaign_types as (select name_key, min(type_key) as type_key from sf_campaigns group by name_key),
    sf_people as (select record_id, person_key, lead_id, converted_contact_id from ${ref('int_people_unified_by_email')} where system = 'salesforce'),
    -- A member's person: by its LeadId, else by the contact its lead was converted into. One
    -- equi-join on (kind, id): written as two joins, the contact one ("lead_id is null and
    -- contact = …") became a nested-loop join (quadratic) when the export has no ContactId.
    sf_person_keys as (
      select 'lead' as kind, record_id as id, person_key from sf_people
      union all
      select 'contact', converted_contact_id, arg_min(person_key, lead_id) from sf_people where converted_contact_id is not null group by converted_contact_id
    ),
    sf_members as (
      select m.*, case when m.lead_id is null then 'contact' else 'lead' end as person_kind, coalesce(m.lead_id, m.contact_id) as person_id
      from ${ref('stg_salesforce__campaign_members')} m
    ),
    sf as (
      select
        'salesforce:' || coalesce(m.member_id, m._file::varchar || ':' || m._line) as touch_id,
        p.person_key, 'salesforce' as source_system, 'campaign_response' as touch_kind,
        coalesce(m.first_responded_at, m.created_at) as touched_at, c.name as campaign,
        coalesce(cc.channel, ct.channel, 'Other') as channel
      from sf_members m
      left join sf_campaigns c on c.campaign_id = m.campaign_id
      left join sf_person_keys p on p.kind = m.person_kind and p.id = m.person_id
      left join channel_of_campaign cc on cc.campaign_key = c.name_key
      left join channel_of_source ct on ct.source_key = c.type_key
      where m.has_responded and coalesce(m.first_responded_at, m.created_at) is not null
    ),
    mk_touches as (
      select a.activity_id, a.marketo_lead_id, a.activity_type_id, a.activity_at,
        case when strpos(a.asset_name, '.') > 0 then regexp_extract(a.asset_name, '^(.*)\\.[^.]*$', 1) else a.asset_name end as campaign
      from ${ref('int_marketo_activities_filtered')} a
      where a.activity_type_id in (2, 11)
    ),
    mk as (
      select
        'marketo:' || t.activity_id, p.person_key, 'marketo', case t.activity_type_id when 2 then 'form_fill' else 'email_click' end,
        t.activity_at, t.campaign, coalesce(cc.channel, ct.channel, cn.channel, 'Other')
      from mk_touches t
      join ${ref('int_people_unified_by_email')} p on p.system = 'marketo' and p.record_id = t.marketo_lead_id
      left join channel_of_campaign cc on cc.campaign_key = ${lowerTrimmed(sql.ref('t.campaign'))}
      left join campaign_types k on k.name_key = ${lowerTrimmed(sql.ref('t.campaign'))}
      left join channel_of_source ct on ct.source_key = k.type_key
      left join channel_of_source cn on cn.source_key = ${lowerTrimmed(sql.ref('t.campaign'))}
    ),
    hs_contacts as (
      select c.contact_id, p.person_key, c.first_conversion, c.first_conversion_at, c.recent_conversion, c.recent_conversion_at,
        c.latest_source, c.latest_source_at, c.original_source
      from ${ref('stg_hubspot__contacts')} c
      join ${ref('int_people_unified_by_email')} p on p.system = 'hubspot' and p.record_id = c.contact_id
    ),
    hs_raw as (
      select contact_id, person_key, 'hubspot_first_conversion' as touch_kind, first_conversion_at as touched_at, first_conversion as campaign, original_source as source
      from hs_contacts where first_conversion_at is not null
      union all
      select contact_id, person_key, 'hubspot_recent_conversion', recent_conversion_at, recent_conversion, coalesce(latest_source, original_source)
      from hs_contacts
      where recent_conversion_at is not null
        and not (recent_conversion_at = first_conversion_at and recent_conversion is not distinct from first_conversion)
      union all
      select contact_id, person_key, 'hubspot_latest_source', latest_source_at, null, latest_source
      from hs_contacts where latest_source_at is not null
    ),
    hs as (
      select 'hubspot:' || h.contact_id || ':' || h.touch_kind, h.person_key, 'hubspot', h.touch_kind, h.touched_at, h.campaign,
        coalesce(cc.channel, cn.channel, cs.channel, 'Other')
      from hs_raw h
      left join channel_of_campaign cc on cc.campaign_key = ${lowerTrimmed(sql.ref('h.campaign'))}
      left join channel_of_source cn on cn.source_key = ${lowerTrimmed(sql.ref('h.campaign'))}
      left join channel_of_source cs on cs.source_key = ${lowerTrimmed(sql.ref('h.source'))}
    )
    select * from sf where person_key is not null
    union all select * from mk
    union all select * from hs`,
};
