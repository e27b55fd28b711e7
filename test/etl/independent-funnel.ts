/**
 * An independent computation of the lead funnel straight from the raw CSV exports, with
 * DuckDB's own `read_csv` (auto-detection) and plain SQL — no code from etl/src. It follows
 * /work/shared/DOMAIN.md's definitions as literally as possible:
 *
 * - a lead is one person; records are joined by trimmed, lower-case email; a record without
 *   email stays on its own (`<system>:<id>`). Created = earliest creation date.
 * - MQL = the MA's MQL date (Marketo: first "Change Status in Progression" (104) whose New
 *   Status maps to `mql` in the agreement; HubSpot: "Became a Marketing Qualified Lead
 *   Date"), else — when a later stage was reached — the earliest later-stage date.
 * - SAL = first move to an accepted/working status (Salesforce LeadHistory Status → a status
 *   the agreement maps to `sal`; HubSpot "Became a Sales Qualified Lead Date", else — Lead
 *   Status mapped to `sal` — the proxy below) or conversion.
 * - rejected = first move to a disqualified status (LeadHistory Status → `rejected`) of a
 *   person never converted. HubSpot exports no date for a Lead Status change: the proxy is
 *   Last Contacted, else Owner Assigned Date, else Create Date — for a rejection, not before
 *   the contact's "Became a Sales Qualified Lead Date" (accepted, then disqualified).
 * - SQL = conversion: Salesforce — the converted opportunity's CreatedDate (ConvertedDate is
 *   a date only, so it serves only without an opportunity), HubSpot "Became an Opportunity Date" / the associated deal's Create Date.
 * - won / lost = the person's opportunity closed (Salesforce IsWon/IsClosed, CloseDate;
 *   HubSpot deal stage per the agreement, Close Date).
 * - channel = the agreement's channel for the lead source of the person's earliest record.
 *
 * - a Salesforce Lead whose CreatedDate does not parse is quarantined (README, "Bad input"),
 *   so it is no lead here either.
 *
 * All times UTC; HubSpot times without an offset are in the agreement's HubSpot time zone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'yaml';

interface AgreementText {
  lead_statuses: Record<string, Record<string, string>>;
  opportunity_stages: Record<string, Record<string, string>>;
  channels: Record<string, string[]>;
  source_time_zones?: { hubspot?: string };
}

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Creates `ind_people` (one row per person with stage dates and channel) on `connection`. */
export async function computeIndependentFunnel(connection: DuckDBConnection, sfMarketoDir: string, hubspotDir: string, agreementPath: string): Promise<void> {
  const agreement = parse(await readFile(agreementPath, 'utf8')) as AgreementText;
  const statusRows = Object.entries(agreement.lead_statuses).flatMap(([system, map]) =>
    Object.entries(map).map(([status, stage]) => `(${q(system)}, ${q(status.trim().toLowerCase())}, ${q(stage)})`),
  );
  const stageRows = Object.entries(agreement.opportunity_stages).flatMap(([system, map]) =>
    Object.entries(map).map(([stage, outcome]) => `(${q(system)}, ${q(stage.trim().toLowerCase())}, ${q(outcome)})`),
  );
  const channelRows = Object.entries(agreement.channels).flatMap(([channel, sources]) => sources.map((s) => `(${q(s.trim().toLowerCase())}, ${q(channel)})`));
  const hubspotZone = agreement.source_time_zones?.hubspot ?? 'UTC';
  const csv = (path: string): string => `read_csv(${q(path)}, header = true, all_varchar = true, store_rejects = true)`;
  const sf = (name: string): string => csv(join(sfMarketoDir, name));
  // Salesforce datetimes: 2026-03-04T15:22:10.000+0000; dates: 2026-03-04. Anything else: NULL.
  const sfTime = (col: string): string => `coalesce(try_strptime(${col}, '%Y-%m-%dT%H:%M:%S.%g%z'), try_strptime(${col}, '%Y-%m-%d')::timestamptz)`;
  const hsTime = (col: string): string =>
    `case when regexp_matches(${col}, '(Z|[+-]\\d{2}:?\\d{2})$') then try_cast(${col} as timestamptz) else timezone(${q(hubspotZone)}, try_strptime(${col}, '%Y-%m-%d %H:%M')) end`;
  const utc = (expr: string): string => `timezone('UTC', ${expr})`;
  // HubSpot keeps no date for a Lead Status change: the documented proxy is the last contact.
  const hsProxy = utc(`coalesce(${hsTime('c."Last Contacted"')}, ${hsTime('c."Owner Assigned Date"')}, ${hsTime('c."Create Date"')})`);

  await connection.run(`set TimeZone = 'UTC'`);
  await connection.run(`
    create or replace temp table ind_status as select * from (values ${statusRows.join(', ')}) t(system, status, stage);
    create or replace temp table ind_opp_stage as select * from (values ${stageRows.join(', ')}) t(system, stage, outcome);
    create or replace temp table ind_channel as select * from (values ${channelRows.join(', ')}) t(source, channel);

    create or replace temp table ind_records as
      select 'salesforce' as system, "Id" as id, nullif(lower(trim("Email")), '') as email, ${utc(sfTime('"CreatedDate"'))} as created_at, "LeadSource" as source
        from ${sf('Lead.csv')}
        -- The documented outcome for a record whose CreatedDate is not a date: quarantined, not a lead.
        where ${sfTime('"CreatedDate"')} is not null
      union all
      select 'marketo', id, nullif(lower(trim(email)), ''), ${utc('try_cast(createdAt as timestamptz)')}, leadSource from ${sf('marketo-leads.csv')}
      union all
      select 'hubspot', "Record ID", nullif(lower(trim("Email")), ''), ${utc(hsTime('"Create Date"'))}, "Original Source"
        from ${csv(join(hubspotDir, 'hubspot-contacts.csv'))};
    create or replace temp table ind_records_keyed as
      select *, coalesce('email:' || email, system || ':' || id) as person from ind_records;

    -- Marketo MQL: first 104 whose New Status maps to mql.
    create or replace temp table ind_mkto_mql as
      select a.leadId as id, min(${utc('try_cast(a.activityDate as timestamptz)')}) as at
        from read_csv(${q(join(sfMarketoDir, 'marketo-activities-*.csv'))}, header = true, all_varchar = true, store_rejects = true) a
        join ind_status s on s.system = 'marketo' and s.stage = 'mql'
         and s.status = lower(trim(json_extract_string(a.attributes, '$."New Status"')))
       where a.activityTypeId = '104'
       group by 1;

    create or replace temp table ind_sf_history as
      select h."LeadId" as id, min(${utc(sfTime('h."CreatedDate"'))}) filter (where s.stage = 'sal') as sal_at,
             min(${utc(sfTime('h."CreatedDate"'))}) filter (where s.stage = 'rejected') as rejected_at
        from ${sf('LeadHistory.csv')} h
        join ind_status s on s.system = 'salesforce' and s.status = lower(trim(h."NewValue"))
       where h."Field" = 'Status'
       group by 1;

    create or replace temp table ind_sf_opps as
      select "Id" as id, ${utc(sfTime('"CreatedDate"'))} as created_at, ${utc(sfTime('"CloseDate"'))} as close_at,
             lower("IsWon") = 'true' as is_won, lower("IsClosed") = 'true' as is_closed
        from ${sf('Opportunity.csv')};

    create or replace temp table ind_hs_deals as
      select unnest(string_split(d."Associated Contact IDs", ';')) as contact_id, ${utc(hsTime('d."Create Date"'))} as created_at,
             ${utc(hsTime('d."Close Date"'))} as close_at, coalesce(s.outcome, 'open') as outcome
        from ${csv(join(hubspotDir, 'hubspot-deals.csv'))} d
        left join ind_opp_stage s on s.system = 'hubspot' and s.stage = lower(trim(d."Deal Stage"))
       where nullif(d."Associated Contact IDs", '') is not null;

    -- Per record: the stage dates its system gives.
    create or replace temp table ind_record_stages as
      select r.person, r.system, r.created_at, r.source,
             null::timestamptz as ma_mql_at,
             least(h.sal_at, ${utc(sfTime('l."ConvertedDate"'))}) as sal_at,
             case when lower(l."IsConverted") = 'true' then null else h.rejected_at end as rejected_at,
             case when lower(l."IsConverted") = 'true' then coalesce(o.created_at, ${utc(sfTime('l."ConvertedDate"'))}) end as sql_at,
             case when o.is_won then o.close_at end as won_at,
             case when o.is_closed and not o.is_won then o.close_at end as lost_at,
             lower(l."IsConverted") = 'true' as converted
        from ind_records_keyed r
        join ${sf('Lead.csv')} l on r.system = 'salesforce' and l."Id" = r.id
        left join ind_sf_history h on h.id = r.id
        left join ind_sf_opps o on o.id = nullif(l."ConvertedOpportunityId", '')
      union all
      select r.person, r.system, r.created_at, r.source, m.at, null, null, null, null, null, false
        from ind_records_keyed r left join ind_mkto_mql m on m.id = r.id
       where r.system = 'marketo'
      union all
      select r.person, r.system, r.created_at, r.source,
             ${utc(hsTime('c."Became a Marketing Qualified Lead Date"'))},
             least(coalesce(${utc(hsTime('c."Became a Sales Qualified Lead Date"'))}, case when ss.stage is not null then ${hsProxy} end),
                   ${utc(hsTime('c."Became an Opportunity Date"'))}),
             case when rs.stage is not null then greatest(${hsProxy}, ${utc(hsTime('c."Became a Sales Qualified Lead Date"'))}) end,
             least(${utc(hsTime('c."Became an Opportunity Date"'))}, d.created_at),
             case when d.outcome = 'won' then d.close_at end,
             case when d.outcome = 'lost' then d.close_at end,
             ${utc(hsTime('c."Became an Opportunity Date"'))} is not null or d.created_at is not null
        from ind_records_keyed r
        join ${csv(join(hubspotDir, 'hubspot-contacts.csv'))} c on r.system = 'hubspot' and c."Record ID" = r.id
        left join ind_status rs on rs.system = 'hubspot' and rs.stage = 'rejected' and rs.status = lower(trim(c."Lead Status"))
        left join ind_status ss on ss.system = 'hubspot' and ss.stage = 'sal' and ss.status = lower(trim(c."Lead Status"))
        left join (select contact_id, min(created_at) as created_at, arg_min(close_at, created_at) as close_at, arg_min(outcome, created_at) as outcome
                     from ind_hs_deals group by 1) d on d.contact_id = r.id;

    create or replace temp table ind_people as
      with p as (
        select person, min(created_at) as created_at, arg_min(source, created_at) as source,
               min(ma_mql_at) as ma_mql_at, min(sal_at) as sal_at, min(sql_at) as sql_at,
               min(won_at) as won_at, min(lost_at) as lost_at, bool_or(converted) as converted,
               min(rejected_at) as rejected_at
          from ind_record_stages group by person)
      select p.person, p.created_at, coalesce(ch.channel, 'Other') as channel,
             coalesce(p.ma_mql_at, least(p.sal_at, case when p.converted then null else p.rejected_at end, p.sql_at, p.won_at, p.lost_at)) as mql_at,
             p.sal_at, case when p.converted then null else p.rejected_at end as rejected_at, p.sql_at, p.won_at, p.lost_at
        from p
        left join ind_channel ch on ch.source = lower(trim(p.source));
  `);
}
