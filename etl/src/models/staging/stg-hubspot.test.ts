import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import type { RawDatabase } from '../raw-schema';
import { buildStaging } from './staging-test-support';
import { stgHubspotContacts, stgHubspotDeals } from './stg-hubspot';

let open: OpenDatabase<RawDatabase> | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

// The repository agreement reads offset-less HubSpot times in America/New_York.
describe('stg_hubspot__contacts', () => {
  const base = { 'Record ID': '277951', Email: ' Chen@Example.co.uk', 'Lifecycle Stage': 'Marketing Qualified Lead', 'Create Date': '2025-11-02 11:39' };
  const cases = [
    { name: 'local time (EST) → UTC', raw: base, expected: { contact_id: '277951', email: 'chen@example.co.uk', created_at: new Date('2025-11-02T16:39:00Z'), lifecycle_stage: 'marketingqualifiedlead' } },
    { name: 'local time in daylight saving (EDT) → UTC', raw: { ...base, 'Became a Marketing Qualified Lead Date': '2026-06-01 09:00' }, expected: { became_mql_at: new Date('2026-06-01T13:00:00Z') } },
    { name: 'a time with an offset is converted, not re-zoned', raw: { ...base, 'Owner Assigned Date': '2026-01-05T10:00:00Z' }, expected: { owner_assigned_at: new Date('2026-01-05T10:00:00Z') } },
    { name: 'US-style date', raw: { ...base, 'Last Contacted': '01/05/2026 10:00' }, expected: { last_contacted_at: new Date('2026-01-05T15:00:00Z') } },
    { name: 'lead status normalised', raw: { ...base, 'Lead Status': 'in progress' }, expected: { lead_status: 'IN_PROGRESS' } },
    { name: 'employees with separators', raw: { ...base, 'Number of Employees': '1,587' }, expected: { number_of_employees: 1587 } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const built = await buildStaging(stgHubspotContacts, { hubspot__contacts: [c.raw] });
      open = built.open;
      const rows = await built.db.selectFrom('stg_hubspot__contacts').selectAll().execute();
      expect(rows[0]).toMatchObject(c.expected);
    });
  }
});

describe('stg_hubspot__deals', () => {
  const base = { 'Record ID': '9898567375', 'Deal Name': 'D', 'Deal Stage': 'Closed Won', 'Create Date': '2025-11-11T13:32:10-05:00' };
  it('amounts with separators, contact list; an unparsable date rejects the deal, a negative amount is refused', async () => {
    const built = await buildStaging(stgHubspotDeals, {
      hubspot__deals: [
        { ...base, Amount: '94,500.00', 'Associated Contact': '278051;278052', 'Close Date': '2026-01-30T12:00:00-05:00' },
        { ...base, 'Record ID': '2', 'Close Date': 'TBD' },
        { ...base, 'Record ID': '3', Amount: '-5' },
      ],
    });
    open = built.open;
    const rows = await built.db.selectFrom('stg_hubspot__deals').selectAll().orderBy('_line').execute();
    expect(rows.map((r) => [r['deal_id'], r['amount']])).toEqual([['9898567375', 94500], ['3', null]]);
    expect(rows[0]).toMatchObject({ amount: 94500, associated_contact_ids: ['278051', '278052'], created_at: new Date('2025-11-11T18:32:10Z'), close_date: new Date('2026-01-30T17:00:00Z') });
    const rejected = await built.db.selectFrom('stg_hubspot__deals__rejected').select(['line', 'reason']).orderBy('line').execute();
    expect(rejected).toEqual([
      { line: 3, reason: 'Close Date is not a date and time: TBD' },
      { line: 4, reason: 'Amount is negative: -5 (value refused, record kept)' },
    ]);
  });
});
