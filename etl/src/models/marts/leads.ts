/**
 * leads — one row per person (records joined by normalised email; no email: own system id).
 * `lead_id` is the person's text ID; `person_key` the BIGINT the marts of events carry instead
 * (int_people_unified_by_email).
 *
 * Attributes come from the person's records (collapsed per person in int_people_collapsed): name/company/country/employees from the
 * primary record that has them (CRM first, converted first, then earliest created);
 * `source_system`/`original_source` from the earliest record (with a source); `campaign`
 * from the earliest record naming one; owner/team from the primary CRM record
 * (`Unassigned` when it is owned by a queue or nobody).
 *
 * Stage dates (from int_stage_events_reconstructed, per person in int_stage_signals_collapsed):
 * - created_at: earliest record creation.
 * - sales stages (sal, rejected, sql) come from the CRM side; a person only in an MA
 *   system takes them from MA status changes.
 * - sql_at: first conversion / opportunity creation (agreement definitions.sql = opportunity,
 *   the default); under system_stage, the earliest of that, a Marketo status mapped to `sql`
 *   and HubSpot's "Became a Sales Qualified Lead Date" (so such a lead is sal_at by then too,
 *   and never rejected: rejection needs no SQL).
 *    won_at / lost_at: the converted
 *   opportunity's closed_at by outcome (Salesforce: the lead's ConvertedOpportunityId;
 *   HubSpot: the contact's first deal). opportunity_id is null when that opportunity is not
 *   in the opportunities mart (quarantined), though sql_at stays.
 * - sal_at: first move to an accepted status, or sql_at if earlier (conversion is acceptance).
 * - rejected_at: first move to a rejected status, only when never converted and not
 *   accepted after it (a worked-then-disqualified lead is sal then rejected; a rejected
 *   lead later accepted counts as accepted). rejection_reason_raw: the record's
 *   disqualification reason, else the status moved to, as exported (rejection_reason_system:
 *   the system it came from); rejection_reason: the agreed reason it maps to
 *   (agreement rejection_reasons, per system; "Other (unmapped)" when unmapped; the raw
 *   reason when the agreement maps none).
 * - campaign: the earliest record's named campaign, else "Other (unmapped)" for a Marketo
 *   program no export names; campaign_raw: the id / value behind it (int_campaigns_named).
 * - crm_url: the primary CRM record's page when the agreement's crm_links give the
 *   Salesforce instance (…/lightning/r/Lead/<Id>/view) or the HubSpot portal
 *   (app.hubspot.com/contacts/<portal>/record/0-1/<contact id>); else null.
 * - mql_at: the MA's first MQL date; when a later stage came earlier (or there is no MQL
 *   date), the earliest later-stage date, with mql_inferred (agreement mql.infer_from_later_stages).
 *   mql_times: MQL events in the system that counted most (re-MQLs); at least 1.
 * - handoff_at: only for MQLs that reached the CRM: the first owner assignment at or after
 *   mql_at; else mql_at when a CRM record already has an owner; capped by the first sales
 *   stage (a lead sales worked was handed off by then); never before mql_at.
 * - first_touch_at: first completed sales activity at or after handoff.
 * SLA: sla_hours from the agreement (per segment if set); clock hours, or business hours
 * in the agreement's time zone. sla_status: met (touched within), breached (touched late,
 * or untouched past due at build_info.as_of), pending (untouched, not yet due); null
 * without handoff, and null (with sla_hours, sla_due_at, hours_to_first_touch) when the MQL
 * date is inferred from a sales stage: sales had the lead before marketing could hand it off.
 * Leaks (MQLs only): not_in_crm (no CRM record), not_handed_off (in the CRM, no handoff),
 * not_touched (handed off, untouched and past due — pending leads are not leaks yet).
 * stage: furthest of lead < mql < handoff < sal < rejected < sql < won/lost.
 */
import { sql } from 'kysely';
import { UNMAPPED_LABEL } from '../../agreement/agreement';
import { FUNNEL_STAGES } from '../../mart-contract';
import { lowerTrimmed } from '../macros';
import { category, ref, type Model } from '../model';
import { businessHoursBetween, slaDueAt } from './sla-clock';

/** A column of int_people_collapsed (the values `leads` takes from it as they are). */
const peopleColumn = (column: string) => () => sql`select ${sql.ref(column)} from ${ref('int_people_collapsed')}`;

export const leads: Model = {
  name: 'leads',
  layer: 'marts',
  materialized: 'table',
  categories: {
    source_system: peopleColumn('source_system'),
    crm_system: peopleColumn('crm_system'),
    ma_system: peopleColumn('ma_system'),
    channel: () => sql`select channel from ${ref('agreement_channels')} union all select 'Other'`,
    campaign: () => sql`select named_campaign.c from ${ref('int_people_collapsed')} union all select fallback_campaign.c from ${ref('int_people_collapsed')} union all select '(none)'`,
    segment: () => sql`select name from ${ref('agreement_segments')} union all select 'Unknown'`,
    region: () => sql`select region from ${ref('agreement_regions')} union all select 'Unknown'`,
    owner: () => sql`select owner from ${ref('int_people_collapsed')} union all select 'Unassigned'`,
    team: () => sql`select team from ${ref('int_people_collapsed')} union all select 'Unassigned'`,
    stage: () => sql`select unnest([${sql.join(FUNNEL_STAGES.map((stage) => sql.lit(stage)))}])`,
    sla_status: () => sql`select unnest(['met', 'breached', 'pending'])`,
  },
  query: (ctx) => sql`
    with settings as (select * from ${ref('agreement_settings')}),
    people as (select * from ${ref('int_people_collapsed')}),
    signals as (select * from ${ref('int_stage_signals_collapsed')}),
    hs_deal as (
      select person_key, min({'t': created_at, 'o': opportunity_id}).o as opportunity_id
      from ${ref('int_opportunities_unioned')} where source_system = 'hubspot' and person_key is not null group by person_key
    ),
    sided as (
      select p.* exclude (named_campaign, fallback_campaign, any_campaign_raw),
        coalesce(p.named_campaign.c, p.fallback_campaign.c) as campaign,
        case when p.named_campaign is not null then p.named_campaign.r when p.fallback_campaign is not null then p.fallback_campaign.r else p.any_campaign_raw end as campaign_raw,
        s.mql_direct_at, s.mql_events, s.owner_assignments, s.touches,
        case when p.crm_record_count > 0 then s.sal_crm else s.sal_ma end as sal_first,
        case when p.crm_record_count > 0 then s.rejected_crm else s.rejected_ma end as rejected_first,
        case
          -- definitions.sql: system_stage also counts the systems' own SQL stage (whichever is first)
          when (select sql_definition from ${ref('agreement_definitions')}) = 'system_stage'
            then least(case when p.crm_record_count > 0 then s.sql_crm_at else s.sql_ma_at end, s.sql_ma_at, s.hs_became_sql_at)
          else case when p.crm_record_count > 0 then s.sql_crm_at else s.sql_ma_at end
        end as sql_at,
        coalesce(p.sf_opportunity_id, hd.opportunity_id) as opportunity_id
      from people p
      left join signals s using (person_key)
      left join hs_deal hd using (person_key)
    ),
    staged as (
      select * exclude (sal_first, rejected_first),
        sal_first.t as sal_raw_at, sal_first.i as sal_inferred,
        rejected_first.t as rejected_raw_at, rejected_first.i as rejected_inferred,
        rejected_first.d as rejection_reason_raw, rejected_first.s as rejection_system,
        least(sal_first.t, sql_at) as sal_at
      from sided
    ),
    decided as (
      select *,
        case when rejected_raw_at is not null and sql_at is null and not coalesce(sal_at > rejected_raw_at, false) then rejected_raw_at end as rejected_at
      from staged
    ),
    mql as (
      select d.*,
        least(sal_at, rejected_at, sql_at) as first_sales_stage_at,
        case
          when (select infer_mql from settings) then least(mql_direct_at, sal_at, rejected_at, sql_at)
          else mql_direct_at
        end as mql_at
      from decided d
    ),
    handed as (
      select m.*,
        case when mql_at is not null and crm_record_count > 0 then
          case when coalesce(list_min(list_filter(owner_assignments, x -> x >= m.mql_at)), case when crm_has_owner then mql_at end, first_sales_stage_at) is not null
          then greatest(mql_at, least(
            coalesce(list_min(list_filter(owner_assignments, x -> x >= m.mql_at)), case when crm_has_owner then mql_at end),
            first_sales_stage_at)) end
        end as handoff_at
      from mql m
    ),
    touched as (
      select h.*, list_min(list_filter(touches, x -> x >= h.handoff_at)) as first_touch_at
      from handed h
    ),
    dims as (
      select t.*,
        coalesce(ch.channel, 'Other') as channel,
        coalesce(seg.name, 'Unknown') as segment,
        coalesce(rg.region, 'Unknown') as region,
        o.opportunity_id as known_opportunity_id, o.outcome, o.closed_at, o.amount,
        -- Rejection reasons as the agreement names them (rejection_reasons); unmapped ones grouped.
        case
          when t.rejection_reason_raw is null then null
          when not voc.rejection_reasons_mapped then t.rejection_reason_raw
          else coalesce(rr.reason, ${sql.lit(UNMAPPED_LABEL)})
        end as rejection_reason_agreed,
        case t.crm_record.s
          when 'salesforce' then voc.salesforce_instance_url || '/lightning/r/Lead/' || t.crm_record.id || '/view'
          when 'hubspot' then 'https://app.hubspot.com/contacts/' || voc.hubspot_portal_id || '/record/0-1/' || t.crm_record.id
        end as crm_url
      from touched t
      cross join ${ref('agreement_vocabulary')} voc
      left join ${ref('agreement_rejection_reasons')} rr on rr.system = t.rejection_system and rr.reason_key = ${lowerTrimmed(sql.ref('t.rejection_reason_raw'))}
      left join ${ref('agreement_channels')} ch on ch.source_key = ${lowerTrimmed(sql.ref('t.original_source'))}
      left join ${ref('agreement_segments')} seg on t.number_of_employees is not null
        and (seg.min_employees is null or t.number_of_employees > seg.min_employees)
        and (seg.max_employees is null or t.number_of_employees <= seg.max_employees)
      left join ${ref('agreement_regions')} rg on rg.country_key = ${lowerTrimmed(sql.ref('t.country'))}
      left join ${ref('int_opportunities_unioned')} o on o.opportunity_id = t.opportunity_id
    ),
    sla as (
      select d.*,
        coalesce(sh.hours, s.sla_hours) as sla_hours,
        s.sla_hours_type, s.sla_time_zone, s.business_start_minute, s.business_end_minute, s.business_days,
        (select as_of from ${ref('build_info')}) as as_of
      from dims d
      cross join settings s
      left join ${ref('agreement_sla_hours')} sh on sh.segment = d.segment
    ),
    applies as (
      -- The sales SLA covers marketing's handoffs: a lead whose MQL date is inferred from a
      -- sales stage (sales created or worked it first) was never handed off to wait for a touch.
      select *, (handoff_at is not null and mql_direct_at is not null and mql_at >= mql_direct_at) as sla_applies
      from sla
    ),
    timed as (
      select *,
        case when sla_applies then ${slaDueAt()} end as sla_due_at,
        case when sla_applies and first_touch_at is not null then ${businessHoursBetween(sql`handoff_at`, sql`first_touch_at`)} end as hours_to_first_touch
      from applies
    ),
    final as (
      select *,
        case
          when not sla_applies then null
          when first_touch_at is not null and first_touch_at <= sla_due_at then 'met'
          when first_touch_at is not null then 'breached'
          when as_of > sla_due_at then 'breached'
          else 'pending'
        end as sla_status
      from timed
    )
    select
      lead_id, person_key, email, full_name, company,
      source_system::${category(ctx, 'source_system')} as source_system, crm_system::${category(ctx, 'crm_system')} as crm_system,
      ma_system::${category(ctx, 'ma_system')} as ma_system,
      crm_record_count, ma_record_count, original_source, channel::${category(ctx, 'channel')} as channel,
      coalesce(campaign, '(none)')::${category(ctx, 'campaign')} as campaign,
      segment::${category(ctx, 'segment')} as segment, region::${category(ctx, 'region')} as region,
      coalesce(owner, 'Unassigned')::${category(ctx, 'owner')} as owner, coalesce(team, 'Unassigned')::${category(ctx, 'team')} as team,
      case
        when outcome = 'won' then 'won' when outcome = 'lost' then 'lost'
        when sql_at is not null then 'sql' when rejected_at is not null then 'rejected'
        when sal_at is not null then 'sal' when handoff_at is not null then 'handoff'
        when mql_at is not null then 'mql' else 'lead'
      end::${category(ctx, 'stage')} as stage,
      created_at, mql_at,
      (mql_at is not null and (mql_direct_at is null or mql_at < mql_direct_at)) as mql_inferred,
      case when mql_at is not null then greatest(coalesce(mql_events, 0), 1) else 0 end::integer as mql_times,
      handoff_at, sal_at, rejected_at, sql_at, first_touch_at,
      case when outcome = 'won' then closed_at end as won_at,
      case when outcome = 'lost' then closed_at end as lost_at,
      case when rejected_at is not null then rejection_reason_agreed end as rejection_reason,
      case when rejected_at is not null then rejection_reason_raw end as rejection_reason_raw,
      case when rejected_at is not null then rejection_system end as rejection_reason_system,
      campaign_raw, crm_url,
      known_opportunity_id as opportunity_id,
      case when outcome = 'won' then amount end::double as won_amount,
      case when sla_applies then sla_hours end::double as sla_hours, sla_due_at, hours_to_first_touch::double as hours_to_first_touch,
      sla_status::${category(ctx, 'sla_status')} as sla_status,
      (mql_at is not null and crm_record_count = 0) as leak_not_in_crm,
      (mql_at is not null and crm_record_count > 0 and handoff_at is null) as leak_not_handed_off,
      (mql_at is not null and handoff_at is not null and first_touch_at is null and coalesce(sla_status = 'breached', false)) as leak_not_touched,
      (mql_at is not null and (crm_record_count = 0 or handoff_at is null or (first_touch_at is null and coalesce(sla_status = 'breached', false)))) as is_leak,
      coalesce(sal_inferred, false) as sal_inferred,
      coalesce(rejected_inferred, false) as rejected_inferred
    from final
    -- Stored in handoff order: the breach list's default page (oldest handoff first) then reads
    -- a few row groups (DuckDB's top-N skips the rest by their min/max), not the whole mart.
    order by handoff_at nulls last, person_key`,
};
