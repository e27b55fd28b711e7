/**
 * sales_activities from HubSpot: a contact's "First Contacted" and "Last Contacted" dates are
 * one activity each, and one activity when they are the same moment (HubSpot shows a contact
 * contacted once with both dates set to it). Expected rows hand-written from the raw contacts
 * (times in the agreement's HubSpot zone, UTC-5 in January).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import { buildModels } from '../index';
import type { Warehouse } from '../model';
import type { RawDatabase } from '../raw-schema';
import { insertRaw, openRawWarehouse, testAgreement } from '../test-support';

const CONTACT = (id: string, email: string, contacted: Record<string, string>) => ({
  'Record ID': id, Email: email, 'Lifecycle Stage': 'Lead', 'Contact owner': 'Hana Owner', 'Create Date': '2026-01-02 09:00', ...contacted,
});

let open: OpenDatabase<RawDatabase>;

beforeAll(async () => {
  open = await openRawWarehouse();
  await insertRaw(open.db, 'hubspot__contacts', [
    CONTACT('601', 'once@y.com', { 'First Contacted': '2026-01-05 12:00', 'Last Contacted': '2026-01-05 12:00' }),
    CONTACT('602', 'twice@y.com', { 'First Contacted': '2026-01-05 12:00', 'Last Contacted': '2026-01-07 09:30' }),
    CONTACT('603', 'last@y.com', { 'Last Contacted': '2026-01-06 08:00' }),
    CONTACT('604', 'never@y.com', {}),
  ]);
  await buildModels(open.db, { agreement: testAgreement() });
});

afterAll(async () => {
  await open?.close();
});

describe('sales_activities', () => {
  it('one activity per HubSpot contacted date, one when first and last are the same moment', async () => {
    const rows = await sql<{ activity_id: string; activity_type: string; owner: string; completed_at: Date }>`
      select activity_id, activity_type::varchar as activity_type, owner::varchar as owner, completed_at from sales_activities order by activity_id`.execute(open.db as unknown as Kysely<Warehouse>);
    expect(rows.rows).toEqual([
      { activity_id: 'hubspot:601:first_contacted', activity_type: 'engagement', owner: 'Hana Owner', completed_at: new Date('2026-01-05T17:00:00Z') },
      { activity_id: 'hubspot:602:first_contacted', activity_type: 'engagement', owner: 'Hana Owner', completed_at: new Date('2026-01-05T17:00:00Z') },
      { activity_id: 'hubspot:602:last_contacted', activity_type: 'engagement', owner: 'Hana Owner', completed_at: new Date('2026-01-07T14:30:00Z') },
      { activity_id: 'hubspot:603:last_contacted', activity_type: 'engagement', owner: 'Hana Owner', completed_at: new Date('2026-01-06T13:00:00Z') },
    ]);
  });
});
