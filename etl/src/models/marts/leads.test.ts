/**
 * The funnel semantics on one hand-made scenario: each person below exercises one rule;
 * expected values are hand-computed from the raw rows (times UTC unless noted).
 * as_of = 2026-01-10T00:00Z (the latest event: the LeadHistory row of 00QZ).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import { buildModels } from '../index';
import type { Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

const SF = (id: string, o: Record<string, string | null> = {}) => ({
  Id: id, Status: 'Open - Not Contacted', OwnerId: '00G000000000001', CreatedDate: '2026-01-01T00:00:00.000+0000', ...o,
});
const HIST = (lead: string, field: string, from: string | null, to: string, at: string) => ({ LeadId: lead, Field: field, OldValue: from, NewValue: to, CreatedDate: at });
const TASK = (id: string, who: string, at: string, o: Record<string, string | null> = {}) => ({
  Id: id, WhoId: who, Subject: 'Call', Status: 'Completed', TaskSubtype: 'Call', OwnerId: '005U1', CreatedDate: at, CompletedDateTime: at, ...o,
});
const MK = (id: string, email: string, created: string) => ({ id, email, createdAt: created, leadSource: 'Google Ads' });
const ACT = (guid: string, lead: string, type: string, at: string, attributes: string | null) => ({
  marketoGUID: guid, leadId: lead, activityDate: at, activityTypeId: type, attributes,
});
const status = (to: string, from = 'Engaged') => JSON.stringify({ 'New Status': to, 'Old Status': from });

let open: OpenDatabase<RawDatabase>;
let leads: Map<string, Record<string, unknown>>;

beforeAll(async () => {
  open = await openRawWarehouse();
  const db = open.db;
  await insertRaw(db, 'salesforce__user', [{ Id: '005U1', Name: 'Uma Rep', Department: 'EMEA Inside Sales' }]);
  await insertRaw(db, 'salesforce__lead', [
    SF('00QA', { OwnerId: '005U1', Email: ' Ann@X.com ', CreatedDate: '2026-01-05T10:05:00.000+0000', NumberOfEmployees: '1,500', Country: 'Germany' }), // met
    SF('00QB', { OwnerId: '005U1', Email: 'bob@x.com', CreatedDate: '2026-01-05T10:05:00.000+0000' }), // breached (touched late)
    SF('00QC', { OwnerId: '005U1', Email: 'cat@x.com', FirstName: 'Cat', LastName: 'Ng', Company: 'Ngo Ltd', CreatedDate: '2026-01-05T10:05:00.000+0000' }), // breached, untouched
    SF('00QD', { OwnerId: '005U1', Email: 'dan@x.com', CreatedDate: '2026-01-09T10:05:00.000+0000' }), // pending
    SF('00QE', { Email: 'eve@x.com', OwnerId: '005U1', Status: 'Working - Contacted' }), // sales-sourced: MQL inferred
    SF('00QF', { Email: 'fay@x.com', OwnerId: '005U1', Status: 'Closed - Not Converted', Disqualified_Reason__c: 'No budget' }),
    SF('00QG', { Email: 'gus@x.com', OwnerId: '005U1', Status: 'Closed - Not Converted', Disqualified_Reason__c: 'Bad timing' }),
    SF('00QH', { Email: 'hal@x.com', OwnerId: '005U1', Status: 'Working - Contacted' }),
    SF('00QI', { Email: 'ivy@x.com', OwnerId: '005U1', Status: 'Closed - Converted', IsConverted: 'true', ConvertedDate: '2026-01-08', ConvertedOpportunityId: '006A' }),
    SF('00QJ', { Email: null, CreatedDate: '2026-01-02T00:00:00.000+0000' }), // no email: own id
    SF('00QZ', { Email: 'zed@x.com' }),
  ]);
  await insertRaw(db, 'salesforce__lead_history', [
    HIST('00QA', 'Owner', '00G000000000001', '005U1', '2026-01-05T12:00:00.000+0000'),
    HIST('00QB', 'Owner', '00G000000000001', '005U1', '2026-01-05T12:00:00.000+0000'),
    HIST('00QC', 'Owner', '00G000000000001', '005U1', '2026-01-05T12:00:00.000+0000'),
    HIST('00QD', 'Owner', '00G000000000001', '005U1', '2026-01-09T12:00:00.000+0000'),
    HIST('00QE', 'Status', 'Open - Not Contacted', 'Working - Contacted', '2026-01-03T09:00:00.000+0000'),
    HIST('00QF', 'Status', 'Open - Not Contacted', 'Closed - Not Converted', '2026-01-04T09:00:00.000+0000'),
    HIST('00QG', 'Status', 'Open - Not Contacted', 'Working - Contacted', '2026-01-03T09:00:00.000+0000'),
    HIST('00QG', 'Status', 'Working - Contacted', 'Closed - Not Converted', '2026-01-06T09:00:00.000+0000'),
    HIST('00QH', 'Status', 'Open - Not Contacted', 'Closed - Not Converted', '2026-01-03T09:00:00.000+0000'),
    HIST('00QH', 'Status', 'Closed - Not Converted', 'Working - Contacted', '2026-01-06T09:00:00.000+0000'),
    HIST('00QZ', 'Status', 'Open - Not Contacted', 'Open - Not Contacted', '2026-01-10T00:00:00.000+0000'),
  ]);
  await insertRaw(db, 'salesforce__task', [
    TASK('00T1', '00QA', '2026-01-05T20:00:00.000+0000'),
    TASK('00T0', '00QA', '2026-01-05T11:00:00.000+0000'), // before handoff: not the first touch
    TASK('00T2', '00QB', '2026-01-07T12:00:00.000+0000', { TaskSubtype: 'Email', Subject: 'Email: hi' }),
    TASK('00T3', '00QC', '2026-01-05T13:00:00.000+0000', { Status: 'Not Started', CompletedDateTime: null }), // open task
    TASK('00T4', '00QC', '2026-01-05T14:00:00.000+0000', { TaskSubtype: 'Task', Subject: 'Update CRM' }), // not a sales touch
  ]);
  await insertRaw(db, 'salesforce__opportunity', [
    { Id: '006A', Name: 'Ivy deal', StageName: 'Closed Won', Amount: '12,500', CloseDate: '2026-01-20', IsClosed: 'true', IsWon: 'true', CreatedDate: '2026-01-08T15:00:00.000+0000' },
  ]);
  await insertRaw(db, 'marketo__leads', [
    MK('1', 'ann@x.com', '2026-01-01T00:00:00Z'),
    MK('2', 'bob@x.com', '2026-01-01T00:00:00Z'),
    MK('3', 'cat@x.com', '2026-01-01T00:00:00Z'),
    MK('4', 'dan@x.com', '2026-01-01T00:00:00Z'),
    MK('5', 'kim@x.com', '2026-01-01T00:00:00Z'), // MA only, re-MQL'd
  ]);
  await insertRaw(db, 'marketo__activities', [
    ACT('g1', '1', '104', '2026-01-05T10:00:00Z', status('MQL')),
    ACT('g2', '2', '104', '2026-01-05T10:00:00Z', status('MQL')),
    ACT('g3', '3', '104', '2026-01-05T10:00:00Z', status('MQL')),
    ACT('g4', '4', '104', '2026-01-09T10:00:00Z', status('MQL')),
    ACT('g5', '5', '104', '2026-01-02T10:00:00Z', status('MQL')),
    ACT('g6', '5', '104', '2026-01-03T10:00:00Z', status('Recycled', 'MQL')),
    ACT('g7', '5', '104', '2026-01-08T10:00:00Z', status('MQL', 'Recycled')),
    ACT('g8', '5', '1', '2026-01-08T11:00:00Z', '{"Webpage URL":"/pricing"}'),
  ]);
  await insertRaw(db, 'hubspot__contacts', [
    {
      'Record ID': '501', Email: 'lou@y.com', 'Lifecycle Stage': 'Marketing Qualified Lead', 'Lead Status': 'NEW', 'Contact owner': 'Hana Owner',
      'Create Date': '2026-01-02 09:00', 'Became a Marketing Qualified Lead Date': '2026-01-05 10:00', 'Owner Assigned Date': '2026-01-05 11:00',
      'Last Contacted': '2026-01-05 12:00', 'Number of Sales Activities': '1', 'Original Source': 'PAID_SEARCH',
    },
  ]);
  await (db as unknown as Kysely<Warehouse>)
    .insertInto('raw._load_rejects')
    .values({ _file: 'Task.csv', _line: 9, raw_text: 'a,b,c', reason: 'Expected 12 columns, found 13', format: 'salesforce__task', column_name: null })
    .execute();
  await insertRaw(db, 'salesforce__opportunity', [{ Id: '006B', StageName: 'Closed Lost', Amount: '-10', CreatedDate: '2026-01-08T15:00:00.000+0000' }], 'Opp2.csv');
  await buildModels(db, { agreement: testAgreement() });
  const rows = await (db as unknown as Kysely<Warehouse>).selectFrom('leads').selectAll().execute();
  leads = new Map(rows.map((r) => [String(r['lead_id']), r]));
});

afterAll(async () => {
  await open.close();
});

const t = (iso: string) => new Date(iso);

describe('leads', () => {
  it('as_of is the latest input event, not the clock', async () => {
    const info = await sql<{ as_of: Date }>`select as_of from build_info`.execute(open.db);
    expect(info.rows[0]?.as_of).toEqual(t('2026-01-10T00:00:00Z'));
  });

  const cases: { name: string; lead: string; expected: Record<string, unknown> }[] = [
    {
      name: 'identity: CRM and MA records joined by normalised email; source is the earliest record',
      lead: 'email:ann@x.com',
      expected: { email: 'ann@x.com', crm_record_count: 1, ma_record_count: 1, source_system: 'marketo', crm_system: 'salesforce', ma_system: 'marketo', created_at: t('2026-01-01T00:00:00Z'), segment: 'Enterprise', region: 'EMEA', channel: 'Paid Search' },
    },
    { name: 'identity: no email keeps the system id', lead: 'salesforce:00QJ', expected: { email: null, crm_record_count: 1, ma_record_count: 0, stage: 'lead', mql_at: null, mql_times: 0, sla_status: null } },
    {
      name: 'MQL from Marketo 104, handoff = owner assignment after MQL, first touch = first completed call after handoff, SLA met',
      lead: 'email:ann@x.com',
      expected: {
        mql_at: t('2026-01-05T10:00:00Z'), mql_inferred: false, mql_times: 1, handoff_at: t('2026-01-05T12:00:00Z'),
        first_touch_at: t('2026-01-05T20:00:00Z'), hours_to_first_touch: 8, sla_hours: 24, sla_due_at: t('2026-01-06T12:00:00Z'),
        sla_status: 'met', stage: 'handoff', owner: 'Uma Rep', team: 'EMEA Inside Sales', is_leak: false,
      },
    },
    { name: 'SLA breached: touched after 48 hours', lead: 'email:bob@x.com', expected: { first_touch_at: t('2026-01-07T12:00:00Z'), hours_to_first_touch: 48, sla_status: 'breached', leak_not_touched: false } },
    { name: 'SLA breached and a leak: untouched past due (open tasks and non-sales tasks are not touches)', lead: 'email:cat@x.com', expected: { first_touch_at: null, sla_status: 'breached', leak_not_touched: true, is_leak: true } },
    { name: 'SLA pending: untouched, still inside the window at as_of', lead: 'email:dan@x.com', expected: { handoff_at: t('2026-01-09T12:00:00Z'), sla_status: 'pending', leak_not_touched: false, is_leak: false } },
    {
      name: 'MQL inferred from a later stage; handoff = MQL date when already owned by a user',
      lead: 'email:eve@x.com',
      expected: {
        mql_at: t('2026-01-03T09:00:00Z'), mql_inferred: true, mql_times: 1, sal_at: t('2026-01-03T09:00:00Z'), handoff_at: t('2026-01-03T09:00:00Z'), stage: 'sal',
        // Sales had it before marketing could hand it off: no SLA clock, so no breach and no leak.
        sla_status: null, sla_hours: null, leak_not_touched: false, is_leak: false,
      },
    },
    { name: 'rejected without acceptance, with reason', lead: 'email:fay@x.com', expected: { rejected_at: t('2026-01-04T09:00:00Z'), rejection_reason: 'No budget', sal_at: null, stage: 'rejected' } },
    { name: 'accepted, then rejected', lead: 'email:gus@x.com', expected: { sal_at: t('2026-01-03T09:00:00Z'), rejected_at: t('2026-01-06T09:00:00Z'), rejection_reason: 'Bad timing', stage: 'rejected' } },
    { name: 'rejected, then accepted: counts as accepted only', lead: 'email:hal@x.com', expected: { sal_at: t('2026-01-06T09:00:00Z'), rejected_at: null, rejection_reason: null, stage: 'sal' } },
    {
      name: 'conversion: SQL at opportunity creation (ConvertedDate is date-only), SAL by conversion, won at close date',
      lead: 'email:ivy@x.com',
      expected: { sql_at: t('2026-01-08T15:00:00Z'), sal_at: t('2026-01-08T15:00:00Z'), mql_at: t('2026-01-08T15:00:00Z'), mql_inferred: true, won_at: t('2026-01-20T00:00:00Z'), won_amount: 12500, opportunity_id: '006A', stage: 'won' },
    },
    { name: 're-MQL keeps the first MQL date and counts both; MA-only MQL leaks as not in CRM', lead: 'email:kim@x.com', expected: { mql_at: t('2026-01-02T10:00:00Z'), mql_times: 2, crm_system: null, handoff_at: null, leak_not_in_crm: true, is_leak: true, sla_status: null } },
    {
      name: 'HubSpot: local times in the agreement zone; handoff at Owner Assigned Date; first touch from Last Contacted (one activity)',
      lead: 'email:lou@y.com',
      expected: { created_at: t('2026-01-02T14:00:00Z'), mql_at: t('2026-01-05T15:00:00Z'), handoff_at: t('2026-01-05T16:00:00Z'), first_touch_at: t('2026-01-05T17:00:00Z'), sla_status: 'met', owner: 'Hana Owner', channel: 'Paid Search', crm_system: 'hubspot', ma_system: 'hubspot' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(leads.get(c.lead)).toMatchObject(c.expected);
    });
  }

  it('one row per person', () => {
    expect([...leads.keys()].sort()).toEqual(
      ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'kim', 'zed'].map((n) => `email:${n}@x.com`).concat(['email:lou@y.com', 'salesforce:00QJ']).sort(),
    );
  });

  it('stage_events: one row per stage entered, with the time since the previous stage (days, and exact microseconds)', async () => {
    const rows = await sql<Record<string, unknown>>`select e.stage, e.previous_stage, e.days_from_previous, e.days_in_stage, e.microseconds_from_previous, e.microseconds_in_stage
      from stage_events e join leads l using (person_key) where l.lead_id = 'email:gus@x.com' order by e.stage_order`.execute(open.db);
    const us = (days: number) => Math.round(days * 86_400_000_000);
    expect(rows.rows).toEqual([
      { stage: 'lead', previous_stage: null, days_from_previous: null, days_in_stage: 2 + 9 / 24, microseconds_from_previous: null, microseconds_in_stage: us(2 + 9 / 24) },
      { stage: 'mql', previous_stage: 'lead', days_from_previous: 2 + 9 / 24, days_in_stage: 0, microseconds_from_previous: us(2 + 9 / 24), microseconds_in_stage: 0 },
      { stage: 'handoff', previous_stage: 'mql', days_from_previous: 0, days_in_stage: 0, microseconds_from_previous: 0, microseconds_in_stage: 0 },
      { stage: 'sal', previous_stage: 'handoff', days_from_previous: 0, days_in_stage: 3, microseconds_from_previous: 0, microseconds_in_stage: us(3) },
      { stage: 'rejected', previous_stage: 'sal', days_from_previous: 3, days_in_stage: null, microseconds_from_previous: us(3), microseconds_in_stage: null },
    ]);
  });

  it('stage_events: stages are an ENUM in funnel order, so they group cheaply and sort as the funnel', async () => {
    const types = await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns
      where table_name = 'stage_events' and column_name in ('stage', 'previous_stage') order by column_name`.execute(open.db);
    const funnelOrder = "ENUM('lead', 'mql', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost')";
    expect(types.rows).toEqual([
      { column_name: 'previous_stage', data_type: funnelOrder },
      { column_name: 'stage', data_type: funnelOrder },
    ]);
  });

  it('leaks: one row per MQL per leak kind, with the person the leak list shows', async () => {
    const rows = await sql<Record<string, unknown>>`select lead_id, kind, full_name, company from leaks order by lead_id, kind`.execute(open.db);
    // Only marketing's handoffs can leak untouched: eve, fay, gus, hal and ivy were sales-sourced
    // (MQL inferred from a sales stage), so no SLA clock ran for them. Kim is in Marketo only,
    // with no name.
    expect(rows.rows).toEqual([
      { lead_id: 'email:cat@x.com', kind: 'not_touched', full_name: 'Cat Ng', company: 'Ngo Ltd' },
      { lead_id: 'email:kim@x.com', kind: 'not_in_crm', full_name: null, company: null },
    ]);
  });

  it('rejected_rows: load rejects and staging rejects, one row per record', async () => {
    const rows = await sql<Record<string, unknown>>`select file, line, format, column_name, reason from rejected_rows order by file, line`.execute(open.db);
    expect(rows.rows).toEqual([
      { file: 'Opp2.csv', line: 2, format: 'salesforce__opportunity', column_name: 'Amount', reason: 'Amount is negative: -10 (value refused, record kept)' },
      { file: 'Task.csv', line: 9, format: 'salesforce__task', column_name: null, reason: 'Expected 12 columns, found 13' },
    ]);
  });

  it('opportunities: outcome, amount without separators (a refused negative amount is 0), age in days', async () => {
    const rows = await sql<Record<string, unknown>>`select opportunity_id, lead_id, outcome, amount, age_days, reopened, stage_changes from opportunities order by opportunity_id`.execute(open.db);
    expect(rows.rows).toEqual([
      { opportunity_id: '006A', lead_id: 'email:ivy@x.com', outcome: 'won', amount: 12500, age_days: 11 + 9 / 24, reopened: false, stage_changes: 0 },
      // No IsClosed column value: the stage name decides (Closed Lost → lost); closed on creation (no close date).
      { opportunity_id: '006B', lead_id: null, outcome: 'lost', amount: 0, age_days: 0, reopened: false, stage_changes: 0 },
    ]);
  });
});
