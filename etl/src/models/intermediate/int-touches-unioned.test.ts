/**
 * int_touches_unioned: which person a Salesforce campaign response belongs to. A member row
 * names its person by LeadId, or (a member added after conversion) only by ContactId: the
 * person of the lead converted into that contact. Hand-made rows; expected people by hand.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import { buildModels } from '../index';
import type { Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

const LEAD = (id: string, email: string, contact: string | null) => ({
  Id: id, Email: email, Status: contact ? 'Closed - Converted' : 'Open - Not Contacted', OwnerId: '005U1', LeadSource: 'Web',
  CreatedDate: '2026-01-01T00:00:00.000+0000', IsConverted: contact ? 'true' : 'false', ConvertedContactId: contact,
});
const CM = (id: string, lead: string | null, contact: string | null) => ({
  Id: id, CampaignId: '701C1', LeadId: lead, ContactId: contact, Status: 'Responded', HasResponded: 'true',
  FirstRespondedDate: '2026-02-01T00:00:00.000+0000', CreatedDate: '2026-02-01T00:00:00.000+0000',
});

const cases = [
  { name: 'by LeadId', member: '00vM1', person: 'email:a@x.com' },
  { name: 'by LeadId, whatever its ContactId says', member: '00vM2', person: 'email:a@x.com' },
  { name: 'no LeadId: by the lead converted into its ContactId', member: '00vM3', person: 'email:b@x.com' },
  { name: 'no LeadId, a contact no lead was converted into: no person, no touch', member: '00vM4', person: undefined },
  { name: 'a LeadId not in the Lead export: no touch (the ContactId is not used then)', member: '00vM5', person: undefined },
  { name: 'neither: no touch', member: '00vM6', person: undefined },
];

let open: OpenDatabase<RawDatabase>;
const personOf = new Map<string, string>();

beforeAll(async () => {
  open = await openRawWarehouse();
  const raw = open.db;
  await insertRaw(raw, 'salesforce__campaign', [{ Id: '701C1', Name: 'Spring Webinar', Type: 'Webinar' }]);
  await insertRaw(raw, 'salesforce__lead', [LEAD('00QA', 'a@x.com', null), LEAD('00QB', 'b@x.com', '003B')]);
  await insertRaw(raw, 'salesforce__campaign_member', [
    CM('00vM1', '00QA', null),
    CM('00vM2', '00QA', '003B'),
    CM('00vM3', null, '003B'),
    CM('00vM4', null, '003Z'),
    CM('00vM5', '00QZ', '003B'),
    CM('00vM6', null, null),
  ]);
  await buildModels(raw, { agreement: testAgreement() });
  const rows = await sql<{ touch_id: string; lead_id: string }>`select touch_id, lead_id from touchpoints join leads using (person_key) where touch_kind = 'campaign_response'`.execute(
    raw as unknown as Kysely<Warehouse>,
  );
  for (const r of rows.rows) personOf.set(r.touch_id, r.lead_id);
});

afterAll(async () => {
  await open.close();
});

describe('campaign responses: the member’s person', () => {
  it.each(cases)('$member $name', ({ member, person }) => {
    expect(personOf.get(`salesforce:${member}`)).toBe(person);
  });

  it('no other campaign response', () => {
    expect([...personOf.keys()].sort()).toEqual(['salesforce:00vM1', 'salesforce:00vM2', 'salesforce:00vM3']);
  });
});
