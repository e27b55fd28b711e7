/**
 * End to end over generated exports: raw load (etl/src/load) → buildModels → data tests,
 * with the headline counts checked against plain SQL written independently over the CSVs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generate/generate';
import { runDataTests } from '../data-tests/index';
import { openDatabase, type OpenDatabase } from '../db/open-warehouse';
import { discoverFiles } from '../load/discover-files';
import { loadRaw } from '../load/load-raw';
import { buildModels } from './index';
import type { RawDatabase } from './raw-schema';
import { testAgreement } from './test-support';

let dir: string;
let open: OpenDatabase<RawDatabase>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'closedloop-models-'));
  generate({ outDir: dir, leads: 1500, seed: 7 });
  open = await openDatabase<RawDatabase>(':memory:', { threads: '1' });
  await open.connection.run(`set TimeZone = 'UTC'`);
  await loadRaw(open.connection, await discoverFiles([dir]));
  await buildModels(open.db, { agreement: testAgreement() });
});

afterAll(async () => {
  await open?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function one(query: ReturnType<typeof sql>): Promise<Record<string, unknown>> {
  const r = await query.execute(open.db as unknown as Kysely<unknown>);
  return r.rows[0] as Record<string, unknown>;
}

describe('models over generated exports', () => {
  it('every data test passes', async () => {
    const failed = (await runDataTests(open.db as unknown as Kysely<unknown>)).filter((r) => !r.passed);
    expect(failed).toEqual([]);
  });

  it('persons and MQLs match plain SQL over the CSVs', async () => {
    const d = (f: string) => sql.lit(join(dir, f));
    const expected = await one(sql`
      with sf as (select * from read_csv(${d('salesforce-marketo/Lead.csv')}, all_varchar = true) where try_cast("CreatedDate" as timestamptz) is not null),
      mk as (select * from read_csv(${d('salesforce-marketo/marketo-leads.csv')}, all_varchar = true)),
      hs as (select * from read_csv(${d('hubspot/hubspot-contacts.csv')}, all_varchar = true)),
      persons as (
        select coalesce('email:' || nullif(lower(trim("Email")), ''), 'salesforce:' || "Id") as k from sf
        union select coalesce('email:' || nullif(lower(trim(email)), ''), 'marketo:' || id) from mk
        union select coalesce('email:' || nullif(lower(trim("Email")), ''), 'hubspot:' || "Record ID") from hs),
      acts as (select * from read_csv(${d('salesforce-marketo/marketo-activities-*.csv')}, all_varchar = true, ignore_errors = true)),
      mql as (
        select coalesce('email:' || nullif(lower(trim(m.email)), ''), 'marketo:' || m.id) as k
        from acts a join mk m on m.id = a."leadId"
        where a."activityTypeId" = '104' and json_extract_string(a.attributes, '$."New Status"') = 'MQL'
        union select coalesce('email:' || nullif(lower(trim("Email")), ''), 'hubspot:' || "Record ID") from hs
        where nullif("Became a Marketing Qualified Lead Date", '') is not null or nullif("Became a Sales Qualified Lead Date", '') is not null
          or nullif("Became an Opportunity Date", '') is not null
          or "Lead Status" in ('IN_PROGRESS', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'OPEN_DEAL', 'UNQUALIFIED', 'BAD_TIMING')
        union select coalesce('email:' || nullif(lower(trim(l."Email")), ''), 'salesforce:' || l."Id")
        from read_csv(${d('salesforce-marketo/LeadHistory.csv')}, all_varchar = true) h join sf l on l."Id" = h."LeadId"
        where h."Field" = 'Status' and h."NewValue" in ('Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'))
      select (select count(*) from persons) as persons, (select count(*) from mql) as mqls`);
    const actual = await one(sql`select count(*) as persons, count(mql_at) as mqls from leads`);
    expect(actual).toEqual(expected);
  });

  it('build_info lists every input file and takes as_of from the data', async () => {
    const files = await discoverFiles([dir]);
    const info = await one(sql`select as_of, inputs from build_info`);
    expect(JSON.parse(String(info['inputs']))).toEqual([...files].sort());
    expect(info['as_of']).toBeInstanceOf(Date);
    expect((info['as_of'] as Date).getTime()).toBeLessThanOrEqual(new Date('2026-10-31T23:59:59Z').getTime());
  });

  it('opportunities match plain SQL over the CSVs (unparsable dates quarantined; negative amounts refused, deal kept)', async () => {
    const d = (f: string) => sql.lit(join(dir, f));
    const expected = await one(sql`
      select
        (select count(*) from read_csv(${d('salesforce-marketo/Opportunity.csv')}, all_varchar = true))
        + (select count(*) from read_csv(${d('hubspot/hubspot-deals.csv')}, all_varchar = true)
          where "Close Date" is null or try_cast("Close Date" as timestamptz) is not null) as n`);
    const actual = await one(sql`select count(*) as n from opportunities`);
    expect(actual).toEqual(expected);
  });
});
