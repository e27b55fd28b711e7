// The committed seeds/: they must equal a fresh generation with the documented default
// arguments, have the documented headers, and contain exactly the documented facts and defects.
// Every number below was counted with plain SQL over the raw CSVs (the queries are here), not
// taken from the generator.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lit, test, type Db } from './duckdb-fixture';
import { generate } from './generate';

const SEEDS = join(import.meta.dirname, '../../seeds');
const SF = join(SEEDS, 'salesforce-marketo');
const HS = join(SEEDS, 'hubspot');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

// Header rows, written out by hand from DOMAIN.md's export shapes (plus the documented extras).
const HEADERS: Readonly<Record<string, string>> = {
  'salesforce-marketo/Lead.csv':
    'Id,FirstName,LastName,Company,Email,Status,LeadSource,OwnerId,CreatedDate,IsConverted,ConvertedDate,ConvertedOpportunityId,ConvertedAccountId,ConvertedContactId,Industry,NumberOfEmployees,Country,Disqualified_Reason__c',
  'salesforce-marketo/LeadHistory.csv': 'Id,LeadId,CreatedById,CreatedDate,Field,DataType,OldValue,NewValue',
  'salesforce-marketo/Opportunity.csv': 'Id,AccountId,Name,StageName,Amount,CloseDate,IsClosed,IsWon,LeadSource,CampaignId,OwnerId,CreatedDate',
  'salesforce-marketo/OpportunityHistory.csv': 'Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,Probability,ForecastCategory,CloseDate',
  'salesforce-marketo/Task.csv': 'Id,WhoId,WhatId,Subject,Status,Priority,TaskSubtype,OwnerId,CreatedDate,CompletedDateTime,ActivityDate,Description',
  'salesforce-marketo/User.csv': 'Id,Name,FirstName,LastName,Email,Title,Department,IsActive,TimeZoneSidKey',
  'salesforce-marketo/Campaign.csv': 'Id,Name,Type,Status,StartDate,EndDate,IsActive',
  'salesforce-marketo/CampaignMember.csv': 'Id,CampaignId,LeadId,Status,HasResponded,CreatedDate',
  'salesforce-marketo/marketo-leads.csv':
    'id,email,firstName,lastName,company,leadStatus,leadScore,leadSource,createdAt,updatedAt,acquisitionProgramId,country,numberOfEmployees',
  ...Object.fromEntries(
    MONTHS.map((m) => [
      `salesforce-marketo/marketo-activities-${m}.csv`,
      'marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes',
    ]),
  ),
  'hubspot/hubspot-contacts.csv':
    'Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Lead Status,Contact owner,Create Date,Original Source,Original Source Drill-Down 1,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Owner Assigned Date,Last Contacted,Number of Sales Activities,Associated Company ID,Number of Employees,Country/Region,First Contacted,Team,First Conversion,First Conversion Date,Recent Conversion,Recent Conversion Date',
  'hubspot/hubspot-deals.csv': 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Pipeline,Create Date,Associated Contact IDs',
  'salesforce-marketo/Spend.csv': 'Month,Channel,Campaign,Amount',
  'hubspot/spend.csv': 'Month,Channel,Campaign,Amount',
};

describe('committed seeds', () => {
  let fresh = '';
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'seeds-fresh-'));
    // The documented command: npm run seeds -- --leads 5000 --seed 42 --as-of 2026-10-31 --out seeds
    generate({ outDir: fresh, leads: 5000, seed: 42, asOf: new Date('2026-10-31T23:59:59Z') });
  });

  it('equal a fresh generation with the documented arguments, byte for byte', () => {
    const files = listFiles(SEEDS);
    expect(files).toEqual(listFiles(fresh));
    for (const f of files) expect(readFileSync(join(SEEDS, f)).equals(readFileSync(join(fresh, f))), f).toBe(true);
  });

  it('hold exactly the documented files', () => {
    expect(listFiles(SEEDS)).toEqual(Object.keys(HEADERS).sort());
  });

  for (const [file, header] of Object.entries(HEADERS)) {
    const hubspot = file.startsWith('hubspot/');
    it(`${file}: header row, ${hubspot ? 'BOM + CRLF' : 'no BOM, LF'}`, () => {
      const text = readFileSync(join(SEEDS, file), 'utf8');
      const eol = hubspot ? '\r\n' : '\n';
      expect(text.startsWith('\uFEFF')).toBe(hubspot);
      expect(text.replace(/^\uFEFF/, '').split(eol)[0]).toBe(header);
      expect(text.includes('\r\n')).toBe(hubspot);
    });
  }

  it('only Campaign.csv ends with a blank line', () => {
    const withBlank = listFiles(SEEDS).filter((f) => /\r?\n\r?\n$/.test(readFileSync(join(SEEDS, f), 'utf8')));
    expect(withBlank).toEqual(['salesforce-marketo/Campaign.csv']);
  });

  it('stay small: no file over 5 MB, under 10 MB in all', () => {
    let total = 0;
    for (const f of listFiles(SEEDS)) {
      const size = statSync(join(SEEDS, f)).size;
      expect(size, f).toBeLessThan(5_000_000);
      total += size;
    }
    expect(total).toBeLessThan(10_000_000);
  });
});

const OPTS = `all_varchar = true, header = true, delim = ',', quote = '"', escape = '"'`;

async function views(db: Db): Promise<void> {
  const files: [string, string][] = [
    ['lead', 'Lead.csv'], ['lh', 'LeadHistory.csv'], ['opp', 'Opportunity.csv'], ['oh', 'OpportunityHistory.csv'],
    ['task', 'Task.csv'], ['usr', 'User.csv'], ['cm', 'CampaignMember.csv'], ['ml', 'marketo-leads.csv'],
  ];
  for (const [v, f] of files) await db.run(`create view ${v} as select * from read_csv(${lit(join(SF, f))}, ${OPTS}, ignore_errors = true)`);
  await db.run(`create view act as select * from read_csv(${lit(join(SF, 'marketo-activities-*.csv'))}, ${OPTS}, ignore_errors = true)`);
  await db.run(`create view hc as select * from read_csv(${lit(join(HS, 'hubspot-contacts.csv'))}, ${OPTS})`);
  await db.run(`create view hd as select * from read_csv(${lit(join(HS, 'hubspot-deals.csv'))}, ${OPTS})`);
  await db.run(`create view mql as select leadId, count(*) n from act
    where activityTypeId = '104' and json_extract_string(attributes, '$."New Status"') = 'MQL' group by 1`);
}

describe('deliberate defects in the seeds', () => {
  test('rows DuckDB rejects: one TOO MANY COLUMNS in Task.csv, one MISSING COLUMNS in marketo-activities-2026-07.csv', async ({ db }) => {
    const cases = [
      { file: join(SF, 'Task.csv'), rows: 2947, rejects: [{ line: 1063, error_type: 'TOO MANY COLUMNS' }] },
      { file: join(SF, 'marketo-activities-2026-07.csv'), rows: 3201, rejects: [{ line: 1471, error_type: 'MISSING COLUMNS' }] },
    ];
    for (const c of cases) {
      expect(await db.value(`select count(*)::int from read_csv(${lit(c.file)}, ${OPTS}, store_rejects = true)`)).toBe(c.rows);
      expect(
        await db.rows(`select e.line::int line, e.error_type from reject_errors e join reject_scans s using (scan_id, file_id)
          where s.file_path = ${lit(c.file)}`),
      ).toEqual(c.rejects);
    }
  });

  test('the value defects, by id', async ({ db }) => {
    await views(db);
    expect(
      await db.rows(`select Id, CreatedDate from lead where try_strptime(CreatedDate, '%Y-%m-%dT%H:%M:%S.%g%z') is null order by Id`),
    ).toEqual([
      { Id: '00QHs00000URJ7vMAH', CreatedDate: '2026-02-30T09:15:00.000+0000' },
      { Id: '00QHs00000URJQAMA5', CreatedDate: '6/26/2026 4:26 PM' },
    ]);
    expect(await db.rows(`select Id, Amount from opp where try_cast(Amount as double) is null or Amount like '-%' order by Id`)).toEqual([
      { Id: '006Hs00000STKvkIAH', Amount: '205,300.00' },
      { Id: '006Hs00000STKxIIAX', Amount: '94,200.00' },
      { Id: '006Hs00000STKxOIAX', Amount: '-146200.00' },
      { Id: '006Hs00000STKyQIAX', Amount: '13,400.00' },
    ]);
    expect(
      await db.rows(`select "Record ID" id, Amount, "Close Date" close_date from hd
        where try_cast(Amount as double) is null or try_cast("Close Date" as timestamptz) is null order by 1`),
    ).toEqual([
      { id: '9898569225', Amount: '187,800.00', close_date: '2026-06-28T07:48:33-04:00' },
      { id: '9898570631', Amount: '6800', close_date: 'TBD' },
    ]);
    // No other value in those columns is malformed.
    expect(await db.value(`select count(*)::int from oh where try_cast(Amount as double) is null or Amount like '-%'`)).toBe(0);
    expect(await db.value(`select count(*)::int from lh where try_strptime(CreatedDate, '%Y-%m-%dT%H:%M:%S.%g%z') is null`)).toBe(0);
  });
});

describe('hand-checkable facts of the seeds', () => {
  const facts: { name: string; sql: string; expected: unknown }[] = [
    { name: 'Salesforce leads', sql: 'select count(*)::int from lead', expected: 2822 },
    { name: 'Salesforce leads without email', sql: 'select count(*)::int from lead where Email is null', expected: 19 },
    {
      name: 'emails shared by several Salesforce leads (emails, records)',
      sql: `select [count(*), sum(n)]::int[] from (select lower(trim(Email)) e, count(*) n from lead where Email is not null group by 1 having count(*) > 1)`,
      expected: [67, 134],
    },
    {
      name: 'of those, spelled differently (case)',
      sql: `select count(*)::int from (select lower(trim(Email)) from lead where Email is not null group by 1 having count(distinct Email) > 1)`,
      expected: 40,
    },
    { name: 'Marketo leads', sql: 'select count(*)::int from ml', expected: 3228 },
    {
      name: 'Marketo leads matching a Salesforce lead by normalised email',
      sql: `select count(*)::int from ml where lower(trim(email)) in (select lower(trim(Email)) from lead where Email is not null)`,
      expected: 2483,
    },
    {
      name: 'Marketo emails matching Salesforce only after trim/lower-case (all, with whitespace)',
      sql: `select [count(*), count(*) filter (where email <> trim(email))]::int[] from ml
        where lower(trim(email)) in (select lower(trim(Email)) from lead where Email is not null)
          and email not in (select Email from lead where Email is not null)`,
      expected: [110, 32],
    },
    { name: 'MQLs (Marketo leads with a 104 New Status = MQL), re-MQLd (two or more)', sql: 'select [count(*), count(*) filter (where n >= 2)]::int[] from mql', expected: [1025, 45] },
    {
      name: 'MQLs not in the CRM (leak)',
      sql: `select count(*)::int from mql join ml on ml.id = mql.leadId where lower(trim(ml.email)) not in (select lower(trim(Email)) from lead where Email is not null)`,
      expected: 68,
    },
    {
      name: 'converted Salesforce leads without any MQL (skipped stage)',
      sql: `select count(*)::int from lead where IsConverted = 'true' and (Email is null or lower(trim(Email)) not in
        (select lower(trim(ml.email)) from mql join ml on ml.id = mql.leadId))`,
      expected: 76,
    },
    { name: 'Lead statuses', sql: `select list(Status || '=' || n order by Status) from (select Status, count(*) n from lead group by 1)`, expected: ['Closed - Converted=260', 'Closed - Not Converted=478', 'Open - Not Contacted=1786', 'Working - Contacted=298'] },
    { name: 'Owner changes in LeadHistory (EntityId rows = Text rows)', sql: `select [count(*) filter (where DataType = 'EntityId'), count(*) filter (where DataType = 'Text')]::int[] from lh where Field = 'Owner'`, expected: [882, 882] },
    { name: 'opportunities won, lost, open', sql: `select [count(*) filter (where IsWon = 'true'), count(*) filter (where IsClosed = 'true' and IsWon = 'false'), count(*) filter (where IsClosed = 'false')]::int[] from opp`, expected: [53, 143, 64] },
    {
      name: 'reopened opportunities (a closed stage followed by an open one)',
      sql: `with h as (select OpportunityId o, StageName s, row_number() over (partition by OpportunityId order by CreatedDate, Id) k from oh)
        select count(distinct a.o)::int from h a join h b on a.o = b.o and b.k = a.k + 1
        where a.s in ('Closed Won', 'Closed Lost') and b.s not in ('Closed Won', 'Closed Lost')`,
      expected: 5,
    },
    {
      name: 'opportunities with a stage regression',
      sql: `with ord(s, r) as (values ('Prospecting', 1), ('Qualification', 2), ('Needs Analysis', 3), ('Proposal/Price Quote', 4), ('Negotiation/Review', 5)),
        h as (select OpportunityId o, r, row_number() over (partition by OpportunityId order by CreatedDate, Id) k from oh join ord on ord.s = oh.StageName)
        select count(distinct a.o)::int from h a join h b on a.o = b.o and b.k = a.k + 1 where b.r < a.r`,
      expected: 12,
    },
    { name: 'tasks completed, not completed, with a multi-line Description', sql: `select [count(*) filter (where Status = 'Completed'), count(*) filter (where Status <> 'Completed'), count(*) filter (where Description like '%' || chr(10) || '%')]::int[] from task`, expected: [2830, 117, 148] },
    {
      name: 'handed-off leads whose first completed task came more than 24 h after handoff, by current owner (top 3)',
      sql: `with h as (select LeadId, min(CreatedDate::timestamptz) handoff from lh where Field = 'Owner' and DataType = 'EntityId' group by 1),
        ft as (select h.LeadId, h.handoff, min(t.CompletedDateTime::timestamptz) ft from h left join task t
               on t.WhoId = h.LeadId and t.Status = 'Completed' and t.CompletedDateTime::timestamptz >= h.handoff group by 1, 2)
        select list(Name || '=' || n order by n desc)[1:3] from (select u.Name, count(*) n from ft join lead on lead.Id = ft.LeadId join usr u on u.Id = lead.OwnerId
               where ft - handoff > interval 24 hours group by 1)`,
      expected: ['Kevin Osei=62', 'Brandon Kowalczyk=47', 'Inès Morel=43'],
    },
    { name: 'HubSpot contacts, with MQL date, opportunity without MQL date', sql: `select [count(*), count("Became a Marketing Qualified Lead Date"), count(*) filter (where "Became an Opportunity Date" is not null and "Became a Marketing Qualified Lead Date" is null)]::int[] from hc`, expected: [1500, 430, 28] },
    {
      name: 'HubSpot contacts with First Contacted, of those earlier than Last Contacted, First without Last or after it',
      sql: `select [count("First Contacted"), count(*) filter (where strptime("First Contacted", '%Y-%m-%d %H:%M') < strptime("Last Contacted", '%Y-%m-%d %H:%M')),
        count(*) filter (where ("First Contacted" is null) <> ("Last Contacted" is null) or strptime("First Contacted", '%Y-%m-%d %H:%M') > strptime("Last Contacted", '%Y-%m-%d %H:%M'))]::int[] from hc`,
      expected: [460, 276, 0],
    },
    {
      name: 'HubSpot contacts per Team (owner → team; no team without an owner)',
      sql: `select list(coalesce(Team, '-') || ':' || coalesce("Contact owner", '-') || '=' || n order by Team nulls first, "Contact owner")
        from (select Team, "Contact owner", count(*) n from hc group by all)`,
      expected: ['-:-=1007', 'APAC Inside Sales:Dev Malhotra=100', 'EMEA Inside Sales:Chloe Dupont=98', 'SDR East:Alicia Romero=109', 'SDR East:Erin Walsh=102', 'SDR West:Ben Carter=84'],
    },
    {
      name: 'HubSpot contacts first contacted > 24 h after owner assignment, by owner (by Last Contacted it would be 285)',
      sql: `with t as (select "Contact owner" o,
          timezone('America/New_York', strptime("Owner Assigned Date", '%Y-%m-%d %H:%M')) assigned,
          timezone('America/New_York', strptime("First Contacted", '%Y-%m-%d %H:%M')) first_at,
          timezone('America/New_York', strptime("Last Contacted", '%Y-%m-%d %H:%M')) last_at from hc)
        select list(o || '=' || n order by n desc, o) || ['by Last Contacted=' || (select count(*) from t where last_at - assigned > interval 24 hours)]
        from (select o, count(*) n from t where first_at - assigned > interval 24 hours group by 1)`,
      expected: ['Chloe Dupont=63', 'Erin Walsh=4', 'Alicia Romero=1', 'Ben Carter=1', 'Dev Malhotra=1', 'by Last Contacted=285'],
    },
    {
      // Times are "YYYY-MM-DD HH:mm" (New York): they compare as text. The as-of instant 2026-10-31 23:59:59Z is 19:59 EDT.
      name: 'HubSpot conversions: contacts with a First Conversion, of those at their Create Date, with a later Recent Conversion, with Recent = First; one without the other, Recent before First, after the as-of',
      sql: `select [count("First Conversion"), count(*) filter (where "First Conversion Date" = "Create Date"),
        count(*) filter (where "Recent Conversion Date" > "First Conversion Date"),
        count(*) filter (where "Recent Conversion" = "First Conversion" and "Recent Conversion Date" = "First Conversion Date"),
        count(*) filter (where ("First Conversion" is null) <> ("Recent Conversion" is null) or ("First Conversion" is null) <> ("First Conversion Date" is null)),
        count(*) filter (where "Recent Conversion Date" < "First Conversion Date"),
        count(*) filter (where "First Conversion Date" > '2026-10-31 19:59' or "Recent Conversion Date" > '2026-10-31 19:59')]::int[] from hc`,
      expected: [1063, 992, 464, 599, 0, 0, 0],
    },
    { name: 'HubSpot deals won, lost, without associated contact', sql: `select [count(*) filter (where "Deal Stage" = 'Closed Won'), count(*) filter (where "Deal Stage" = 'Closed Lost'), count(*) filter (where "Associated Contact IDs" is null)]::int[] from hd`, expected: [24, 61, 1] },
  ];
  for (const f of facts) {
    test(f.name, async ({ db }) => {
      await views(db);
      expect(await db.value(f.sql)).toEqual(f.expected);
    });
  }
});
