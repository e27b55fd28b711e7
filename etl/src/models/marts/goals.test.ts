/**
 * Goals, pacing, MQL events and the SQL definition switch on one hand-made scenario.
 * Every expected value below is counted by hand from the raw rows (times UTC; HubSpot times
 * are America/New_York in the repository agreement, so 10:00 there is 15:00Z).
 *
 * as_of = 2026-02-14T12:00Z (the LeadHistory row of 00Q9, the latest event).
 * Q1 2026 has 90 days; 2026-01-01 … 2026-02-14 is 45 of them.
 *
 * lead  segment     what happens
 * 00Q1  SMB (50)    converted 2026-01-08 → 006W1 won 10,000 on 2026-01-20
 * 00Q2  Enterprise  converted 2026-01-09 → 006W2 won 30,000 on 2026-02-10
 * 00Q3  SMB         converted 2026-01-10 → 006L1 lost on 2026-02-01
 * 00Q4  SMB         converted 2026-01-11 → 006O1 open, 50,000
 * 00Q6  SMB         + Marketo 6 (same email): MQL 2026-01-12, status SQL 2026-01-15, never converted
 * kim   Unknown     Marketo only: MQL 2026-01-10, Recycled 2026-01-20, MQL again 2026-02-05
 * h1    Unknown     HubSpot: MQL 2026-01-05 10:00, Became SQL 2026-01-07 10:00, no deal
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import { buildModels } from '../index';
import type { Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

const GOALS = `goals:
  revenue:
    - period: 2025-12
      amount: 20000
    - period: 2026-Q1
      amount: 60000
      segment: SMB
    - period: 2026-Q1
      amount: 30000
      segment: Enterprise
`;

const agreementWith = (sqlDefinition: 'opportunity' | 'system_stage') =>
  testAgreement((text) => text.replace(/\ngoals:\n[\s\S]*?\n(?=\n)/, `\n${GOALS}`).replace(/\n {2}sql: opportunity\n/, `\n  sql: ${sqlDefinition}\n`));

const SF = (id: string, o: Record<string, string | null>) => ({
  Id: id, Status: 'Open - Not Contacted', OwnerId: '005U1', CreatedDate: '2026-01-02T00:00:00.000+0000', NumberOfEmployees: '50', ...o,
});
const CONVERTED = (opp: string, day: string) => ({ Status: 'Closed - Converted', IsConverted: 'true', ConvertedDate: day, ConvertedOpportunityId: opp });
const OPP = (id: string, created: string, o: Record<string, string | null>) => ({ Id: id, Name: id, CreatedDate: created, ...o });
const ACT = (guid: string, lead: string, at: string, to: string) => ({
  marketoGUID: guid, leadId: lead, activityDate: at, activityTypeId: '104', attributes: JSON.stringify({ 'New Status': to, 'Old Status': 'Engaged' }),
});

async function build(sqlDefinition: 'opportunity' | 'system_stage'): Promise<OpenDatabase<RawDatabase>> {
  const open = await openRawWarehouse();
  const db = open.db;
  await insertRaw(db, 'salesforce__user', [{ Id: '005U1', Name: 'Uma Rep' }]);
  await insertRaw(db, 'salesforce__lead', [
    SF('00Q1', { Email: 'a@x.com', ...CONVERTED('006W1', '2026-01-08') }),
    SF('00Q2', { Email: 'b@x.com', NumberOfEmployees: '5000', ...CONVERTED('006W2', '2026-01-09') }),
    SF('00Q3', { Email: 'c@x.com', ...CONVERTED('006L1', '2026-01-10') }),
    SF('00Q4', { Email: 'd@x.com', ...CONVERTED('006O1', '2026-01-11') }),
    SF('00Q6', { Email: 'f@x.com' }),
    SF('00Q9', { Email: 'z@x.com', NumberOfEmployees: null }),
  ]);
  await insertRaw(db, 'salesforce__lead_history', [
    { LeadId: '00Q9', Field: 'Status', OldValue: 'Open - Not Contacted', NewValue: 'Open - Not Contacted', CreatedDate: '2026-02-14T12:00:00.000+0000' },
  ]);
  await insertRaw(db, 'salesforce__opportunity', [
    OPP('006W1', '2026-01-08T12:00:00.000+0000', { StageName: 'Closed Won', Amount: '10000', CloseDate: '2026-01-20', IsClosed: 'true', IsWon: 'true' }),
    OPP('006W2', '2026-01-09T12:00:00.000+0000', { StageName: 'Closed Won', Amount: '30000', CloseDate: '2026-02-10', IsClosed: 'true', IsWon: 'true' }),
    OPP('006L1', '2026-01-10T12:00:00.000+0000', { StageName: 'Closed Lost', Amount: '7000', CloseDate: '2026-02-01', IsClosed: 'true', IsWon: 'false' }),
    OPP('006O1', '2026-01-11T12:00:00.000+0000', { StageName: 'Negotiation', Amount: '50000', IsClosed: 'false', IsWon: 'false' }),
  ]);
  await insertRaw(db, 'marketo__leads', [
    { id: '6', email: 'f@x.com', createdAt: '2026-01-02T00:00:00Z' },
    { id: '7', email: 'kim@x.com', createdAt: '2026-01-02T00:00:00Z' },
  ]);
  await insertRaw(db, 'marketo__activities', [
    ACT('g1', '6', '2026-01-12T10:00:00Z', 'MQL'),
    ACT('g2', '6', '2026-01-15T10:00:00Z', 'SQL'),
    ACT('g3', '7', '2026-01-10T10:00:00Z', 'MQL'),
    ACT('g4', '7', '2026-01-20T10:00:00Z', 'Recycled'),
    ACT('g5', '7', '2026-02-05T10:00:00Z', 'MQL'),
  ]);
  await insertRaw(db, 'hubspot__contacts', [
    {
      'Record ID': '501', Email: 'h1@y.com', 'Lifecycle Stage': 'Sales Qualified Lead', 'Create Date': '2026-01-02 09:00',
      'Became a Marketing Qualified Lead Date': '2026-01-05 10:00', 'Became a Sales Qualified Lead Date': '2026-01-07 10:00',
    },
  ]);
  await buildModels(db, { agreement: agreementWith(sqlDefinition) });
  return open;
}

const wh = (open: OpenDatabase<RawDatabase>) => open.db as unknown as Kysely<Warehouse>;
const t = (iso: string) => new Date(iso).getTime();
const time = (value: unknown) => (value instanceof Date ? value.getTime() : value === null ? null : new Date(String(value).replace(' ', 'T') + 'Z').getTime());

let byOpportunity: OpenDatabase<RawDatabase>;
let bySystemStage: OpenDatabase<RawDatabase>;

beforeAll(async () => {
  byOpportunity = await build('opportunity');
  bySystemStage = await build('system_stage');
});
afterAll(() => {
  byOpportunity.close();
  bySystemStage.close();
});

describe('goal_pacing', () => {
  const cases = [
    {
      goal: '2025-12 / All',
      expected: {
        period_status: 'past', goal_amount: 20000, days_in_period: 31, days_elapsed: 31, goal_to_date: 20000, won_amount: 0, won_count: 0,
        open_pipeline_amount: 0, t12m_won_amount: 40000, t12m_won_count: 2, t12m_lost_count: 1, t12m_mqls: 7, t12m_mql_sqls: 4,
        committed_mqls: 150, delivered_mqls: 0, // 60 SMB + 30 Mid-Market + 60 Enterprise
      },
    },
    {
      goal: '2026-Q1 / SMB',
      expected: {
        period_status: 'current', goal_amount: 60000, days_in_period: 90, days_elapsed: 45, goal_to_date: 30000, won_amount: 10000, won_count: 1,
        open_pipeline_amount: 50000, t12m_won_amount: 10000, t12m_won_count: 1, t12m_lost_count: 1, t12m_mqls: 4, t12m_mql_sqls: 3,
        committed_mqls: 180, delivered_mqls: 4, // 60 a month × 3, also the months after as_of
      },
    },
    {
      goal: '2026-Q1 / Enterprise',
      expected: {
        period_status: 'current', goal_amount: 30000, days_in_period: 90, days_elapsed: 45, goal_to_date: 15000, won_amount: 30000, won_count: 1,
        open_pipeline_amount: 0, t12m_won_amount: 30000, t12m_won_count: 1, t12m_lost_count: 0, t12m_mqls: 1, t12m_mql_sqls: 1,
        committed_mqls: 180, delivered_mqls: 1,
      },
    },
  ];
  for (const c of cases) {
    it(`${c.goal}: pacing and reverse-funnel inputs`, async () => {
      const [period, segment] = c.goal.split(' / ');
      const row = await wh(byOpportunity).selectFrom('goal_pacing').selectAll().where('period', '=', period).where('segment', '=', segment).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ region: 'All', fixed_close_rate: null, fixed_mql_to_sql_rate: null, fixed_average_won_deal: null, ...c.expected });
    });
  }

  it('under system_stage, the Marketo SQL status makes 00Q6 an SQL in the SMB cohort', async () => {
    const row = await wh(bySystemStage).selectFrom('goal_pacing').select(['t12m_mqls', 't12m_mql_sqls']).where('period', '=', '2026-Q1').where('segment', '=', 'SMB').executeTakeFirstOrThrow();
    expect(row).toEqual({ t12m_mqls: 4, t12m_mql_sqls: 4 });
  });
});

describe('revenue_goals', () => {
  it('spreads each goal evenly over its days', async () => {
    const rows = await wh(byOpportunity).selectFrom('revenue_goals').select(['period', 'segment']).select((eb) => [eb.fn.countAll().as('days'), eb.fn.sum('goal_amount').as('total')]).groupBy(['period', 'segment']).orderBy('period').orderBy('segment').execute();
    expect(rows.map((r) => ({ ...r, total: Math.round(Number(r.total) * 1e6) / 1e6 }))).toEqual([
      { period: '2025-12', segment: 'All', days: 31, total: 20000 },
      { period: '2026-Q1', segment: 'Enterprise', days: 90, total: 30000 },
      { period: '2026-Q1', segment: 'SMB', days: 90, total: 60000 },
    ]);
  });
});

describe('mql_events', () => {
  it('has one row per time a lead became an MQL, re-MQLs marked', async () => {
    const rows = await wh(byOpportunity).selectFrom('mql_events').innerJoin('leads', 'leads.person_key', 'mql_events.person_key')
      .select(['leads.email', 'mql_event_at', 'event_number', 'is_remql', 'inferred']).orderBy('leads.email').orderBy('event_number').execute();
    const got = rows.map((r) => ({ ...r, mql_event_at: time(r.mql_event_at) }));
    expect(got).toEqual([
      { email: 'a@x.com', mql_event_at: t('2026-01-08T12:00:00Z'), event_number: 1, is_remql: false, inferred: true },
      { email: 'b@x.com', mql_event_at: t('2026-01-09T12:00:00Z'), event_number: 1, is_remql: false, inferred: true },
      { email: 'c@x.com', mql_event_at: t('2026-01-10T12:00:00Z'), event_number: 1, is_remql: false, inferred: true },
      { email: 'd@x.com', mql_event_at: t('2026-01-11T12:00:00Z'), event_number: 1, is_remql: false, inferred: true },
      { email: 'f@x.com', mql_event_at: t('2026-01-12T10:00:00Z'), event_number: 1, is_remql: false, inferred: false },
      { email: 'h1@y.com', mql_event_at: t('2026-01-05T15:00:00Z'), event_number: 1, is_remql: false, inferred: false },
      { email: 'kim@x.com', mql_event_at: t('2026-01-10T10:00:00Z'), event_number: 1, is_remql: false, inferred: false },
      { email: 'kim@x.com', mql_event_at: t('2026-02-05T10:00:00Z'), event_number: 2, is_remql: true, inferred: false },
    ]);
  });
});

describe('definitions.sql', () => {
  const cases = [
    { email: 'f@x.com', opportunity: { stage: 'handoff', sql_at: null }, system_stage: { stage: 'sql', sql_at: t('2026-01-15T10:00:00Z') } },
    { email: 'h1@y.com', opportunity: { stage: 'sal', sql_at: null }, system_stage: { stage: 'sql', sql_at: t('2026-01-07T15:00:00Z') } },
    { email: 'a@x.com', opportunity: { stage: 'won', sql_at: t('2026-01-08T12:00:00Z') }, system_stage: { stage: 'won', sql_at: t('2026-01-08T12:00:00Z') } },
  ];
  for (const c of cases) {
    it(`${c.email}: opportunity → ${c.opportunity.stage}, system_stage → ${c.system_stage.stage}`, async () => {
      for (const [open, expected] of [[byOpportunity, c.opportunity], [bySystemStage, c.system_stage]] as const) {
        const row = await wh(open).selectFrom('leads').select(['stage', 'sql_at']).where('email', '=', c.email).executeTakeFirstOrThrow();
        expect({ stage: row.stage, sql_at: time(row.sql_at) }).toEqual(expected);
      }
    });
  }
});
