// Sanity of the simulated behaviour at a larger scale (20,000 people, another seed): funnel rates
// in realistic ranges, channel quality differs, SLA breaches concentrate in a few owners. All
// rates are computed with plain SQL over the generated CSVs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { lit, test, type Db } from './duckdb-fixture';
import { generate } from './generate';

let out = '';
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'gen-rates-'));
  generate({ outDir: out, leads: 20_000, seed: 2026 });
});

const OPTS = `all_varchar = true, header = true, delim = ',', quote = '"', escape = '"', ignore_errors = true`;

async function views(db: Db): Promise<void> {
  const sf = join(out, 'salesforce-marketo');
  for (const [v, f] of [['lead', 'Lead.csv'], ['lh', 'LeadHistory.csv'], ['opp', 'Opportunity.csv'], ['task', 'Task.csv'], ['usr', 'User.csv'], ['ml', 'marketo-leads.csv']]) {
    await db.run(`create view ${v} as select * from read_csv(${lit(join(sf, f ?? ''))}, ${OPTS})`);
  }
  await db.run(`create view act as select * from read_csv(${lit(join(sf, 'marketo-activities-*.csv'))}, ${OPTS})`);
  await db.run(`create view hc as select * from read_csv(${lit(join(out, 'hubspot', 'hubspot-contacts.csv'))}, ${OPTS})`);
  await db.run(`create view hd as select * from read_csv(${lit(join(out, 'hubspot', 'hubspot-deals.csv'))}, ${OPTS})`);
  await db.run(`create view mql_email as select distinct lower(trim(ml.email)) e, ml.leadSource lead_source from act join ml on ml.id = act.leadId
    where activityTypeId = '104' and json_extract_string(attributes, '$."New Status"') = 'MQL'`);
}

const between = (x: unknown, lo: number, hi: number): void => {
  expect(typeof x).toBe('number');
  expect(x as number).toBeGreaterThanOrEqual(lo);
  expect(x as number).toBeLessThanOrEqual(hi);
};

test('Salesforce+Marketo MQL→SQL rate is 10–30 %', async ({ db }) => {
  await views(db);
  between(
    await db.value(`select (count(*) filter (where e in (select lower(trim(Email)) from lead where IsConverted = 'true')))::double / count(*) from mql_email`),
    0.1, 0.3,
  );
});

test('Salesforce win rate (won ÷ closed) is 15–35 %', async ({ db }) => {
  await views(db);
  between(await db.value(`select (count(*) filter (where IsWon = 'true'))::double / count(*) filter (where IsClosed = 'true') from opp`), 0.15, 0.35);
});

test('HubSpot MQL→deal rate is 10–30 % and win rate 15–35 %', async ({ db }) => {
  await views(db);
  between(
    await db.value(`select (count(*) filter (where "Became an Opportunity Date" is not null))::double / count(*) from hc where "Became a Marketing Qualified Lead Date" is not null`),
    0.1, 0.3,
  );
  between(
    await db.value(`select (count(*) filter (where "Deal Stage" = 'Closed Won'))::double / count(*) filter (where "Deal Stage" in ('Closed Won', 'Closed Lost')) from hd`),
    0.15, 0.35,
  );
});

test('channels differ in quality: partner referrals win more often than social leads', async ({ db }) => {
  await views(db);
  const rate = (sources: string): Promise<unknown> =>
    db.value(`select (count(*) filter (where IsWon = 'true'))::double / count(*) filter (where IsClosed = 'true') from opp where LeadSource in (${sources})`);
  const partner = (await rate(`'Partner Referral', 'Customer Referral'`)) as number;
  const social = (await rate(`'LinkedIn', 'Social Media'`)) as number;
  expect(partner).toBeGreaterThan(social + 0.1);
});

test('SLA breaches (first task > 24 h after handoff) concentrate in three owners', async ({ db }) => {
  await views(db);
  const shares = (await db.value(`
    with h as (select LeadId, min(CreatedDate::timestamptz) handoff from lh where Field = 'Owner' and DataType = 'EntityId' group by 1),
    ft as (select h.LeadId, h.handoff, min(t.CompletedDateTime::timestamptz) ft from h join task t
           on t.WhoId = h.LeadId and t.Status = 'Completed' and t.CompletedDateTime::timestamptz >= h.handoff group by 1, 2),
    b as (select lead.OwnerId, count(*) n from ft join lead on lead.Id = ft.LeadId where ft - handoff > interval 24 hours group by 1)
    select list(n::double / (select sum(n) from b) order by n desc) from b`)) as number[];
  expect((shares[0] ?? 0) + (shares[1] ?? 0) + (shares[2] ?? 0)).toBeGreaterThan(0.8);
});

test('HubSpot SLA breaches (First Contacted > 24 h after Owner Assigned Date) are mostly Chloe Dupont (EMEA Inside Sales)', async ({ db }) => {
  await views(db);
  const rows = await db.rows(`
    with t as (select Team, "Contact owner" o,
      timezone('America/New_York', strptime("Owner Assigned Date", '%Y-%m-%d %H:%M')) assigned,
      timezone('America/New_York', strptime("First Contacted", '%Y-%m-%d %H:%M')) first_at from hc)
    select o, Team, count(*)::int n from t where first_at - assigned > interval 24 hours group by 1, 2 order by n desc`);
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  expect(rows[0]).toMatchObject({ o: 'Chloe Dupont', Team: 'EMEA Inside Sales' });
  expect(Number(rows[0]?.n) / total).toBeGreaterThan(0.8);
});

test('about 10 Marketo activities per Marketo lead', async ({ db }) => {
  await views(db);
  between(await db.value(`select count(*)::double / (select count(*) from ml) from act`), 8, 12);
});

test('every dirty-data case is present', async ({ db }) => {
  await views(db);
  const counts = (await db.rows(`select
    (select count(*) from (select lower(trim(Email)) from lead where Email is not null group by 1 having count(*) > 1))::int sf_duplicate_emails,
    (select count(*) from ml where email <> lower(trim(email)))::int ma_email_case_or_space,
    (select count(*) from (select leadId from act where activityTypeId = '104' and json_extract_string(attributes, '$."New Status"') = 'MQL' group by 1 having count(*) > 1))::int re_mql,
    (select count(*) from mql_email where e not in (select lower(trim(Email)) from lead where Email is not null))::int mql_not_in_crm,
    (select count(*) from lead where IsConverted = 'true' and lower(trim(Email)) not in (select e from mql_email))::int converted_without_mql,
    (select count(*) from lead where Disqualified_Reason__c is not null)::int rejected_with_reason,
    (select count(*) from opp where IsClosed = 'false' and CreatedDate::timestamptz < timestamptz '2026-10-31 23:59:59+00' - interval 120 days)::int old_open_deals
  `))[0];
  for (const [name, n] of Object.entries(counts ?? {})) expect(n, name).toBeGreaterThan(10);
});
