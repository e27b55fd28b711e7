/**
 * One vocabulary on a hand-made fixture: rejection reasons mapped per system to the agreed
 * reasons (unmapped ones grouped and listed), campaign / program names from the exports
 * (unnamed program ids grouped and listed), and CRM links from the agreement's crm_links.
 * Every expected value below is read off the raw rows by hand.
 */
import { type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import { describeUnmapped, findUnmappedValues } from '../../guards/check-vocabulary';
import { buildModels } from '../index';
import type { Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

const SF = (id: string, email: string, o: Record<string, string | null> = {}) => ({
  Id: id, Email: email, Status: 'Open - Not Contacted', OwnerId: '005U1', CreatedDate: '2026-01-01T00:00:00.000+0000', ...o,
});
const REJECTED = (reason: string | null) => ({ Status: 'Closed - Not Converted', Disqualified_Reason__c: reason, LastModifiedDate: '2026-01-04T00:00:00.000+0000' });
const HS = (id: string, email: string, o: Record<string, string | null> = {}) => ({
  'Record ID': id, Email: email, 'First Name': `First${id}`, 'Last Name': 'Hub', 'Company Name': `Co ${id}`, 'Lifecycle Stage': 'Lead', 'Lead Status': 'NEW',
  'Create Date': '2026-01-02 09:00', 'Contact owner': 'Hana Owner', ...o,
});
const HS_REJECTED = { 'Lead Status': 'BAD_TIMING', 'Lifecycle Stage': 'Marketing Qualified Lead', 'Became a Marketing Qualified Lead Date': '2026-01-03 09:00', 'Last Contacted': '2026-01-04 09:00' };
const MK = (id: string, email: string, program: string | null, o: Record<string, string | null> = {}) => ({
  id, email, createdAt: '2026-01-01T00:00:00Z', leadSource: 'Webinar', acquisitionProgramId: program, ...o,
});

async function build(agreementEdit?: (t: string) => string): Promise<{ open: OpenDatabase<RawDatabase>; leads: Map<string, Record<string, unknown>> }> {
  const open = await openRawWarehouse();
  const db = open.db;
  await insertRaw(db, 'salesforce__user', [{ Id: '005U1', Name: 'Uma Rep' }]);
  await insertRaw(db, 'salesforce__lead', [
    SF('00QA', 'a@x.com', { FirstName: 'Ann', LastName: 'Able', Company: 'Acme', ...REJECTED('Bad timing') }),
    SF('00QB', 'b@x.com', REJECTED('bad timing ')), // case ignored (staging trims spaces)
    SF('00QC', 'c@x.com', REJECTED('No budget')),
    SF('00QD', 'd@x.com', REJECTED('Spam')), // not in the agreement
    SF('00QE', 'e@x.com', REJECTED('Spam')),
    SF('00QF', 'f@x.com', REJECTED(null)), // no reason: the status moved to
    SF('00QG', 'g@x.com'),
  ]);
  await insertRaw(db, 'salesforce__campaign', [
    { Id: '701A', Name: 'Spring Webinar', Type: 'Webinar' },
    { Id: '701B', Name: 'Autumn Expo', Type: 'Trade Show' },
    { Id: '701C', Name: 'Winter Promo', Type: 'Email' },
  ]);
  await insertRaw(db, 'salesforce__campaign_member', [
    { Id: '00vA', CampaignId: '701A', LeadId: '00QG', HasResponded: 'true', CreatedDate: '2026-01-02T00:00:00.000+0000' },
    // 00QA's earliest membership: 01-03 twice (701C and 701A: the lower campaign id), after a later one.
    { Id: '00vB', CampaignId: '701B', LeadId: '00QA', HasResponded: 'false', CreatedDate: '2026-01-05T00:00:00.000+0000' },
    { Id: '00vC', CampaignId: '701C', LeadId: '00QA', HasResponded: 'false', CreatedDate: '2026-01-03T00:00:00.000+0000' },
    { Id: '00vD', CampaignId: '701A', LeadId: '00QA', HasResponded: 'false', CreatedDate: '2026-01-03T00:00:00.000+0000' },
  ]);
  await insertRaw(db, 'hubspot__contacts', [
    HS('501', 'h1@y.com', HS_REJECTED),
    HS('502', 'h2@y.com', HS_REJECTED),
    HS('503', 'h3@y.com', HS_REJECTED),
    HS('504', 'h4@y.com', { ...HS_REJECTED, 'Lead Status': 'UNQUALIFIED' }),
    HS('505', 'h5@y.com', { 'Original Source': 'Email Marketing', 'Original Source Drill-Down 1': 'March Newsletter' }),
    HS('506', 'h6@y.com', { 'Original Source': 'Paid Search', 'Original Source Drill-Down 1': 'google' }),
    HS('507', 'h7@y.com', { 'Original Source': 'PAID_SEARCH', 'Original Source Drill-Down 1': 'spring webinar' }), // a known campaign's name
    HS('508', 'h8@y.com', { 'Original Source': 'Paid Search', 'Original Source Drill-Down 1': 'bing', 'First Touch Converting Campaign': 'Q1 Promo' }),
  ]);
  await insertRaw(db, 'marketo__leads', [
    MK('1', 'm1@z.com', '1001'),
    MK('2', 'm2@z.com', '1002', { acquisitionProgramName: 'Expo Berlin' }),
    MK('3', 'm3@z.com', '1003'),
    MK('4', 'm4@z.com', '1003'),
    MK('5', 'g@x.com', '1003'), // the Salesforce record names a campaign: that wins
  ]);
  await insertRaw(db, 'marketo__activities', [
    // 104 names its program (primaryAttributeValueId → primaryAttributeValue); renamed later: the latest name.
    { marketoGUID: 'g1', leadId: '1', activityDate: '2026-01-01T01:00:00Z', activityTypeId: '104', primaryAttributeValueId: '1001', primaryAttributeValue: 'Old Name', attributes: '{"New Status":"Registered"}' },
    { marketoGUID: 'g2', leadId: '1', activityDate: '2026-01-03T01:00:00Z', activityTypeId: '104', primaryAttributeValueId: '1001', primaryAttributeValue: 'Webinar: SLA Playbook', attributes: '{"New Status":"Attended"}' },
  ]);
  await buildModels(db, { agreement: testAgreement(agreementEdit) });
  const rows = await (db as unknown as Kysely<Warehouse>).selectFrom('leads').selectAll().execute();
  return { open, leads: new Map(rows.map((r) => [String(r['lead_id']), r])) };
}

let built: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  built = await build();
});
afterAll(async () => {
  await built.open.close();
});

const SF_URL = 'https://closedloop-demo.my.salesforce.com/lightning/r/Lead';
const HS_URL = 'https://app.hubspot.com/contacts/24681357/record/0-1';

describe('one vocabulary', () => {
  const cases: { name: string; lead: string; expected: Record<string, unknown> }[] = [
    { name: 'Salesforce "Bad timing" → agreed Bad timing', lead: 'email:a@x.com', expected: { rejection_reason: 'Bad timing', rejection_reason_raw: 'Bad timing', rejection_reason_system: 'salesforce' } },
    { name: 'matching ignores case and spaces', lead: 'email:b@x.com', expected: { rejection_reason: 'Bad timing', rejection_reason_raw: 'bad timing' } },
    { name: 'HubSpot BAD_TIMING → the same agreed Bad timing', lead: 'email:h1@y.com', expected: { rejection_reason: 'Bad timing', rejection_reason_raw: 'BAD_TIMING', rejection_reason_system: 'hubspot' } },
    { name: 'HubSpot UNQUALIFIED (a status, no reason given)', lead: 'email:h4@y.com', expected: { rejection_reason: 'Not qualified (no reason given)', rejection_reason_raw: 'UNQUALIFIED' } },
    { name: 'an unmapped reason is grouped, its raw value kept', lead: 'email:d@x.com', expected: { rejection_reason: 'Other (unmapped)', rejection_reason_raw: 'Spam' } },
    { name: 'no reason on the record: the status it moved to', lead: 'email:f@x.com', expected: { rejection_reason: 'Not qualified (no reason given)', rejection_reason_raw: 'Closed - Not Converted' } },
    { name: 'not rejected: no reason', lead: 'email:g@x.com', expected: { rejection_reason: null, rejection_reason_raw: null, rejection_reason_system: null } },
    { name: 'Salesforce campaign by the CampaignMember\'s Campaign.csv name (wins over the Marketo program)', lead: 'email:g@x.com', expected: { campaign: 'Spring Webinar', campaign_raw: '701A' } },
    { name: 'Salesforce campaign: the earliest membership, ties by campaign id', lead: 'email:a@x.com', expected: { campaign: 'Spring Webinar', campaign_raw: '701A' } },
    { name: 'Marketo program named by its 104 activities (the latest name)', lead: 'email:m1@z.com', expected: { campaign: 'Webinar: SLA Playbook', campaign_raw: '1001' } },
    { name: 'Marketo program named by the leads export', lead: 'email:m2@z.com', expected: { campaign: 'Expo Berlin', campaign_raw: '1002' } },
    { name: 'Marketo program no export names: grouped, its id kept', lead: 'email:m3@z.com', expected: { campaign: 'Other (unmapped)', campaign_raw: '1003' } },
    { name: 'HubSpot Email marketing: drill-down 1 is the campaign', lead: 'email:h5@y.com', expected: { campaign: 'March Newsletter' } },
    { name: 'HubSpot Paid search drill-down "google" is no campaign', lead: 'email:h6@y.com', expected: { campaign: '(none)', campaign_raw: 'google', channel: 'Paid Search' } },
    { name: 'HubSpot drill-down naming a known campaign', lead: 'email:h7@y.com', expected: { campaign: 'spring webinar' } },
    { name: 'HubSpot First Touch Converting Campaign wins', lead: 'email:h8@y.com', expected: { campaign: 'Q1 Promo', campaign_raw: 'Q1 Promo' } },
    { name: 'Salesforce lead: name, company and its Lightning page', lead: 'email:a@x.com', expected: { full_name: 'Ann Able', company: 'Acme', crm_url: `${SF_URL}/00QA/view` } },
    { name: 'HubSpot contact: its record page in the portal', lead: 'email:h1@y.com', expected: { full_name: 'First501 Hub', company: 'Co 501', crm_url: `${HS_URL}/501` } },
    { name: 'Marketo only: no CRM record, no link', lead: 'email:m1@z.com', expected: { crm_url: null } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(built.leads.get(c.lead), c.lead).toMatchObject(c.expected);
    });
  }

  it('one "Bad timing" with the summed count (2 Salesforce + 3 HubSpot)', () => {
    const counts = new Map<unknown, number>();
    for (const l of built.leads.values()) if (l['rejection_reason'] !== null) counts.set(l['rejection_reason'], (counts.get(l['rejection_reason']) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'Bad timing': 5, 'No budget': 1, 'Not qualified (no reason given)': 2, 'Other (unmapped)': 2 });
  });

  it('lists the unmapped values with their lead counts, and says where to map them', async () => {
    const values = await findUnmappedValues(built.open.connection);
    expect(values).toEqual([
      { kind: 'rejection_reason', system: 'salesforce', value: 'Spam', leads: 2 },
      { kind: 'campaign', system: 'marketo', value: '1003', leads: 2 },
    ]);
    expect(describeUnmapped(values)).toEqual([
      '1 rejection reason grouped as "Other (unmapped)" (2 leads): salesforce "Spam" (2); map them under rejection_reasons.<system> in agreement.yml.',
      '1 Marketo program id with no name in the exports grouped as "Other (unmapped)" (2 leads): marketo "1003" (2); export the leads with acquisitionProgramName, or include the program\'s "Change Status in Progression" (104) activities.',
    ]);
  });
});

describe('without rejection_reasons and crm_links in the agreement', () => {
  let plain: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    plain = await build((t) => t.replace(/\nrejection_reasons:[\s\S]*?\n\n/, '\n\n').replace(/\ncrm_links:[\s\S]*$/, '\n'));
  });
  afterAll(async () => {
    await plain.open.close();
  });

  const cases = [
    { lead: 'email:h1@y.com', expected: { rejection_reason: 'BAD_TIMING', crm_url: null } },
    { lead: 'email:d@x.com', expected: { rejection_reason: 'Spam', crm_url: null } },
  ];
  for (const c of cases) {
    it(`reasons stay as exported and there are no links: ${c.lead}`, () => {
      expect(plain.leads.get(c.lead)).toMatchObject(c.expected);
    });
  }
});
