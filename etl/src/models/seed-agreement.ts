/**
 * The agreement as small tables in schema `agreement` (dbt's seeds), so views can join to
 * it: DuckDB views cannot hold query parameters, and values never go into SQL text.
 *
 * agreement_lead_statuses   one row per system and status (status_key: trimmed, lower-case)
 * agreement_opportunity_stages  one row per system and stage name
 * agreement_channels        one row per lead source (source_key) → channel
 * agreement_regions         one row per country (country_key) → region
 * agreement_segments        one row per company-size band, in order
 * agreement_sla_hours       one row per segment with its own sales SLA hours
 * agreement_mql_commitments one row per segment and month (month NULL: every month)
 * agreement_settings        one row: SLA hours and clock, business hours, time zones, flags
 * agreement_attribution     one row: lookback_days, half_life_days
 * agreement_attribution_models  one row per attribution model: method (milestones, linear,
 *                           time_decay), milestone weights, whether the middle runs to the close
 * agreement_touch_kinds     one row per touch kind that counts
 * agreement_campaign_channels  one row per campaign / program name (campaign_key) → channel
 * agreement_rejection_reasons  one row per system and rejection reason as exported (reason_key) → agreed reason
 * agreement_vocabulary      one row: whether rejection reasons are mapped, the CRM link settings
 */
import { sql, type Kysely } from 'kysely';
import { WEEKDAYS, type Agreement, type AttributionModel, type MilestoneWeights } from '../agreement/agreement';
import type { Warehouse } from './model';
import { seedAgreementGoals } from './seed-agreement-goals';

export async function seedAgreement(db: Kysely<Warehouse>, agreement: Agreement): Promise<void> {
  await sql`create schema if not exists agreement`.execute(db);
  const ddl = [
    sql`create or replace table agreement.agreement_lead_statuses (system varchar not null, status_key varchar not null, stage varchar not null)`,
    sql`create or replace table agreement.agreement_opportunity_stages (system varchar not null, stage_key varchar not null, outcome varchar not null)`,
    sql`create or replace table agreement.agreement_channels (source_key varchar not null, channel varchar not null)`,
    sql`create or replace table agreement.agreement_regions (country_key varchar not null, region varchar not null)`,
    sql`create or replace table agreement.agreement_segments (ord integer not null, name varchar not null, min_employees double, max_employees double)`,
    sql`create or replace table agreement.agreement_sla_hours (segment varchar not null, hours double not null)`,
    sql`create or replace table agreement.agreement_mql_commitments (month date, segment varchar not null, mqls integer not null)`,
    sql`create or replace table agreement.agreement_settings (
      sla_hours double not null, sla_hours_type varchar not null, sla_time_zone varchar not null,
      business_start_minute integer not null, business_end_minute integer not null, business_days integer[] not null,
      hubspot_time_zone varchar not null, infer_mql boolean not null, agreement_hash varchar not null)`,
    sql`create or replace table agreement.agreement_attribution (lookback_days double not null, half_life_days double not null)`,
    sql`create or replace table agreement.agreement_attribution_models (model varchar not null, ord integer not null, method varchar not null,
      w_first_touch double not null, w_lead_creation double not null, w_opportunity_creation double not null, w_closed_won double not null,
      w_middle double not null, middle_to_close boolean not null)`,
    sql`create or replace table agreement.agreement_touch_kinds (kind varchar not null)`,
    sql`create or replace table agreement.agreement_campaign_channels (campaign_key varchar not null, channel varchar not null)`,
    sql`create or replace table agreement.agreement_rejection_reasons (system varchar not null, reason_key varchar not null, reason varchar not null)`,
    sql`create or replace table agreement.agreement_vocabulary (rejection_reasons_mapped boolean not null, salesforce_instance_url varchar, hubspot_portal_id varchar)`,
  ];
  for (const statement of ddl) await statement.execute(db);

  const insert = async (table: string, rows: Record<string, unknown>[]): Promise<void> => {
    if (rows.length > 0) await db.insertInto(`agreement.${table}`).values(rows).execute();
  };
  await insert(
    'agreement_lead_statuses',
    Object.entries(agreement.leadStatuses).flatMap(([system, map]) => Object.entries(map).map(([status_key, stage]) => ({ system, status_key, stage }))),
  );
  await insert(
    'agreement_opportunity_stages',
    Object.entries(agreement.opportunityStages).flatMap(([system, map]) => Object.entries(map).map(([stage_key, outcome]) => ({ system, stage_key, outcome }))),
  );
  await insert(
    'agreement_channels',
    Object.entries(agreement.channels).flatMap(([channel, sources]) => sources.map((s) => ({ source_key: s.trim().toLowerCase(), channel }))),
  );
  await insert(
    'agreement_regions',
    Object.entries(agreement.regions).flatMap(([region, countries]) => countries.map((c) => ({ country_key: c.trim().toLowerCase(), region }))),
  );
  await insert(
    'agreement_segments',
    agreement.segments.map((s, i) => ({ ord: i + 1, name: s.name, min_employees: i === 0 ? null : agreement.segments[i - 1]?.maxEmployees ?? null, max_employees: s.maxEmployees })),
  );
  await insert('agreement_sla_hours', Object.entries(agreement.salesSla.hoursBySegment).map(([segment, hours]) => ({ segment, hours })));
  await insert('agreement_mql_commitments', [
    ...Object.entries(agreement.mqlCommitments.monthly).map(([segment, mqls]) => ({ month: null, segment, mqls })),
    ...Object.entries(agreement.mqlCommitments.months).flatMap(([month, bySegment]) =>
      Object.entries(bySegment).map(([segment, mqls]) => ({ month: `${month}-01`, segment, mqls })),
    ),
  ]);
  const att = agreement.attribution;
  await insert('agreement_attribution', [{ lookback_days: att.lookbackDays, half_life_days: att.halfLifeDays }]);
  const only = (m: keyof MilestoneWeights): MilestoneWeights => ({ firstTouch: 0, leadCreation: 0, opportunityCreation: 0, closedWon: 0, middle: 0, [m]: 1 });
  const models: [AttributionModel, 'milestones' | 'linear' | 'time_decay', MilestoneWeights, boolean][] = [
    ['first_touch', 'milestones', only('firstTouch'), false],
    ['lead_creation', 'milestones', only('leadCreation'), false],
    ['last_touch', 'milestones', only('opportunityCreation'), false],
    ['linear', 'linear', only('middle'), false],
    ['u_shaped', 'milestones', att.weights.uShaped, false],
    ['w_shaped', 'milestones', att.weights.wShaped, false],
    ['full_path', 'milestones', att.weights.fullPath, true],
    ['time_decay', 'time_decay', only('middle'), false],
  ];
  await insert(
    'agreement_attribution_models',
    models.map(([model, method, w, toClose], i) => ({
      model, ord: i + 1, method, w_first_touch: w.firstTouch, w_lead_creation: w.leadCreation, w_opportunity_creation: w.opportunityCreation,
      w_closed_won: w.closedWon, w_middle: w.middle, middle_to_close: toClose,
    })),
  );
  await insert('agreement_touch_kinds', att.touchKinds.map((kind) => ({ kind })));
  await insert('agreement_campaign_channels', Object.entries(att.campaignChannels).map(([c, channel]) => ({ campaign_key: c.trim().toLowerCase(), channel })));
  await insert(
    'agreement_rejection_reasons',
    Object.entries(agreement.rejectionReasons?.bySystem ?? {}).flatMap(([system, map]) => Object.entries(map).map(([reason_key, reason]) => ({ system, reason_key, reason }))),
  );
  await insert('agreement_vocabulary', [{
    rejection_reasons_mapped: agreement.rejectionReasons !== null,
    salesforce_instance_url: agreement.crmLinks.salesforceInstanceUrl,
    hubspot_portal_id: agreement.crmLinks.hubspotPortalId,
  }]);
  const sla = agreement.salesSla;
  await sql`insert into agreement.agreement_settings values (
    ${sla.hours}, ${sla.hoursType}, ${sla.timeZone}, ${sla.businessHours.startMinute}, ${sla.businessHours.endMinute},
    string_split(${sla.businessHours.days.map((d) => WEEKDAYS.indexOf(d)).join(',')}, ',')::integer[],
    ${agreement.sourceTimeZones.hubspot}, ${agreement.mql.inferFromLaterStages}, ${agreement.hash})`.execute(db);
  await seedAgreementGoals(db, agreement);
}
