import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import type { Model, Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { buildStaging } from './staging-test-support';
import {
  stgSalesforceCampaignMembers,
  stgSalesforceCampaigns,
  stgSalesforceLeadHistories,
  stgSalesforceLeads,
  stgSalesforceOpportunities,
  stgSalesforceOpportunityHistories,
  stgSalesforceTasks,
  stgSalesforceUsers,
} from './stg-salesforce';

let open: OpenDatabase<RawDatabase> | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function run(models: Model[], raw: Record<string, Record<string, string | null>[]>): Promise<Kysely<Warehouse>> {
  const built = await buildStaging(models, raw);
  open = built.open;
  return built.db;
}

const lead = (o: Record<string, string | null>) => ({ Id: '00Q1', Status: 'Open - Not Contacted', CreatedDate: '2026-03-04T15:22:10.000+0000', ...o });

describe('stg_salesforce__leads', () => {
  const cases = [
    { name: 'offset timestamp → UTC', raw: lead({ CreatedDate: '2026-03-04T10:22:10.000-0500' }), expected: { created_at: new Date('2026-03-04T15:22:10Z') } },
    { name: 'date-only ConvertedDate → midnight UTC', raw: lead({ ConvertedDate: '2026-03-05', IsConverted: 'true' }), expected: { converted_at: new Date('2026-03-05T00:00:00Z'), is_converted: true } },
    { name: 'email trimmed and lower-cased', raw: lead({ Email: '  Ann.Lee@Example.COM ' }), expected: { email: 'ann.lee@example.com' } },
    { name: 'thousand separators', raw: lead({ NumberOfEmployees: '1,250' }), expected: { number_of_employees: 1250 } },
    { name: 'blank strings are null', raw: lead({ Company: '  ', LeadSource: '' }), expected: { company: null, lead_source: null, is_converted: false } },
    { name: 'full name from parts', raw: lead({ FirstName: ' Ann ', LastName: 'Lee' }), expected: { full_name: 'Ann Lee' } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const db = await run(stgSalesforceLeads, { salesforce__lead: [c.raw] });
      const rows = await db.selectFrom('stg_salesforce__leads').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject(c.expected);
    });
  }

  it('quarantines unparsable dates, missing ids and duplicates, keeping every good row', async () => {
    const db = await run(stgSalesforceLeads, {
      salesforce__lead: [
        lead({ Id: '00Q1' }),
        lead({ Id: '00Q2', CreatedDate: 'yesterday' }),
        lead({ Id: ' ' }),
        lead({ Id: '00Q1', Email: 'dup@x.com' }),
        lead({ Id: '00Q3', NumberOfEmployees: 'lots' }),
        lead({ Id: '00Q4' }),
      ],
    });
    const kept = await db.selectFrom('stg_salesforce__leads').select(['lead_id', '_line']).orderBy('lead_id').execute();
    expect(kept).toEqual([
      { lead_id: '00Q1', _line: 2 },
      { lead_id: '00Q4', _line: 7 },
    ]);
    const rejected = await db.selectFrom('stg_salesforce__leads__rejected').select(['line', 'column_name', 'reason', 'format']).orderBy('line').execute();
    expect(rejected).toEqual([
      { line: 3, column_name: 'CreatedDate', reason: 'CreatedDate is not a timestamp: yesterday', format: 'salesforce__lead' },
      { line: 4, column_name: 'Id', reason: 'missing Id', format: 'salesforce__lead' },
      { line: 5, column_name: 'Id', reason: 'duplicate Id 00Q1; kept salesforce__lead.csv:2', format: 'salesforce__lead' },
      { line: 6, column_name: 'NumberOfEmployees', reason: 'NumberOfEmployees is not a number: lots', format: 'salesforce__lead' },
    ]);
    const raw = await db.selectFrom('stg_salesforce__leads__rejected').select('raw_text').where('line', '=', 3).executeTakeFirstOrThrow();
    expect(JSON.parse(String(raw.raw_text))).toMatchObject({ Id: '00Q2', CreatedDate: 'yesterday' });
  });
});

describe('stg_salesforce__tasks', () => {
  const task = (o: Record<string, string | null>) => ({ Id: '00T1', WhoId: '00Q1', Subject: 'Call', Status: 'Completed', CreatedDate: '2026-03-04T15:00:00.000+0000', ...o });
  const cases = [
    { name: 'call subtype, completed', raw: task({ TaskSubtype: 'Call' }), expected: { activity_type: 'call', is_completed: true } },
    { name: 'email subtype', raw: task({ TaskSubtype: 'Email', Subject: 'Email: intro' }), expected: { activity_type: 'email' } },
    { name: 'meeting by type', raw: task({ TaskSubtype: 'Task', Type: 'Meeting', Subject: 'Demo' }), expected: { activity_type: 'meeting' } },
    { name: 'open task is not completed', raw: task({ Status: 'Not Started', Subject: 'Follow up', TaskSubtype: 'Task' }), expected: { activity_type: 'other', is_completed: false } },
    { name: 'ActivityDate is midnight UTC', raw: task({ ActivityDate: '2026-03-06' }), expected: { activity_date: new Date('2026-03-06T00:00:00Z') } },
    { name: 'no Id: kept, with a line id', raw: task({ Id: null }), expected: { task_id: 'line:salesforce__task.csv:2' } },
    { name: 'CompletedDateTime with offset', raw: task({ CompletedDateTime: '2026-03-04T17:30:00.000+0200' }), expected: { completed_at: new Date('2026-03-04T15:30:00Z') } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const db = await run(stgSalesforceTasks, { salesforce__task: [c.raw] });
      const rows = await db.selectFrom('stg_salesforce__tasks').selectAll().execute();
      expect(rows[0]).toMatchObject(c.expected);
    });
  }
});

describe('other Salesforce staging models', () => {
  const cases: { name: string; models: Model[]; raw: Record<string, Record<string, string | null>[]>; model: string; expected: Record<string, unknown> }[] = [
    {
      name: 'stg_salesforce__lead_histories: a status change',
      models: stgSalesforceLeadHistories,
      raw: { salesforce__lead_history: [{ LeadId: '00Q1', Field: 'Status', OldValue: 'Open - Not Contacted', NewValue: 'Working - Contacted', CreatedDate: '2026-01-03T09:00:00.000+0000' }] },
      model: 'stg_salesforce__lead_histories',
      expected: { lead_id: '00Q1', field: 'Status', new_value: 'Working - Contacted', changed_at: new Date('2026-01-03T09:00:00Z'), is_deleted: false },
    },
    {
      name: 'stg_salesforce__opportunities: amount with separators, date-only close date, flags',
      models: stgSalesforceOpportunities,
      raw: { salesforce__opportunity: [{ Id: '006A', StageName: 'Closed Won', Amount: '7,800.00', CloseDate: '2026-01-20', IsClosed: 'true', IsWon: 'true', CreatedDate: '2026-01-08T15:00:00.000+0000' }] },
      model: 'stg_salesforce__opportunities',
      expected: { opportunity_id: '006A', amount: 7800, close_date: new Date('2026-01-20T00:00:00Z'), is_closed: true, is_won: true },
    },
    {
      name: 'stg_salesforce__opportunity_histories: a stage change',
      models: stgSalesforceOpportunityHistories,
      raw: { salesforce__opportunity_history: [{ OpportunityId: '006A', StageName: 'Negotiation', Amount: '1000', CreatedDate: '2026-01-10T10:00:00.000+0000' }] },
      model: 'stg_salesforce__opportunity_histories',
      expected: { opportunity_id: '006A', stage_name: 'Negotiation', amount: 1000, changed_at: new Date('2026-01-10T10:00:00Z') },
    },
    {
      name: 'stg_salesforce__users: team from Department',
      models: stgSalesforceUsers,
      raw: { salesforce__user: [{ Id: '005U1', Name: 'Uma Rep', Department: 'EMEA Inside Sales', IsActive: 'true' }] },
      model: 'stg_salesforce__users',
      expected: { user_id: '005U1', name: 'Uma Rep', team: 'EMEA Inside Sales', is_active: true },
    },
    {
      name: 'stg_salesforce__campaigns: dates at midnight UTC',
      models: stgSalesforceCampaigns,
      raw: { salesforce__campaign: [{ Id: '701A', Name: 'Webinar', Type: 'Webinar', StartDate: '2025-09-02' }] },
      model: 'stg_salesforce__campaigns',
      expected: { campaign_id: '701A', name: 'Webinar', start_date: new Date('2025-09-02T00:00:00Z') },
    },
    {
      name: 'stg_salesforce__campaign_members: membership',
      models: stgSalesforceCampaignMembers,
      raw: { salesforce__campaign_member: [{ CampaignId: '701A', LeadId: '00Q1', Status: 'Responded', HasResponded: 'true', CreatedDate: '2026-01-02T00:00:00.000+0000' }] },
      model: 'stg_salesforce__campaign_members',
      expected: { campaign_id: '701A', lead_id: '00Q1', has_responded: true, created_at: new Date('2026-01-02T00:00:00Z') },
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const db = await run(c.models, c.raw);
      const rows = await db.selectFrom(c.model).selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject(c.expected);
    });
  }
});

describe('stg_salesforce__opportunities', () => {
  const opportunity = (o: Record<string, string | null>) => ({ Id: '006A', StageName: 'Prospecting', CreatedDate: '2026-01-08T15:00:00.000+0000', ...o });
  it('a Probability that is not a number rejects the opportunity; one outside 0–100 is refused, the opportunity kept, listed once with any other refused value', async () => {
    const db = await run(stgSalesforceOpportunities, {
      salesforce__opportunity: [
        opportunity({ Id: '006A', Probability: '100' }),
        opportunity({ Id: '006B', Probability: 'high' }),
        opportunity({ Id: '006C', Probability: '250' }),
        opportunity({ Id: '006D', Probability: '-10' }),
        opportunity({ Id: '006E', Probability: '0' }),
        opportunity({ Id: '006F', Probability: '' }),
        opportunity({ Id: '006G', Probability: '101', Amount: '-5' }),
      ],
    });
    const kept = await db.selectFrom('stg_salesforce__opportunities').select(['opportunity_id', 'probability']).orderBy('opportunity_id').execute();
    expect(kept).toEqual([
      { opportunity_id: '006A', probability: 100 },
      { opportunity_id: '006C', probability: null },
      { opportunity_id: '006D', probability: null },
      { opportunity_id: '006E', probability: 0 },
      { opportunity_id: '006F', probability: null },
      { opportunity_id: '006G', probability: null },
    ]);
    const rejected = await db.selectFrom('stg_salesforce__opportunities__rejected').select(['line', 'column_name', 'reason']).orderBy('line').execute();
    expect(rejected).toEqual([
      { line: 3, column_name: 'Probability', reason: 'Probability is not a number: high' },
      { line: 4, column_name: 'Probability', reason: 'Probability is outside 0–100: 250 (value refused, record kept)' },
      { line: 5, column_name: 'Probability', reason: 'Probability is outside 0–100: -10 (value refused, record kept)' },
      {
        line: 8,
        column_name: 'Amount',
        reason: 'Amount is negative: -5 (value refused, record kept); Probability is outside 0–100: 101 (value refused, record kept)',
      },
    ]);
  });
});
