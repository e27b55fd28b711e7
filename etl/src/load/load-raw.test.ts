import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it, test as base } from 'vitest';
import { InputErrors } from './input-error';
import { loadRaw, type FileReport } from './load-raw';
import { queryRows } from './sql-text';

// A fresh in-memory DuckDB (a connection, and a way to open more) and an empty folder per test.
const test = base.extend<{ instance: DuckDBInstance; conn: DuckDBConnection; connect: () => Promise<DuckDBConnection>; dir: string }>({
  // eslint-disable-next-line no-empty-pattern
  instance: async ({}, use) => {
    const instance = await DuckDBInstance.create(':memory:');
    await use(instance);
    instance.closeSync();
  },
  conn: async ({ instance }, use) => {
    const connection = await instance.connect();
    await use(connection);
    connection.closeSync();
  },
  connect: async ({ instance }, use) => {
    await use(() => instance.connect());
  },
  // eslint-disable-next-line no-empty-pattern
  dir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'closedloop-load-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

const LEAD_HEADER = 'Id,FirstName,LastName,Company,Email,Status,LeadSource,OwnerId,CreatedDate';

interface Case {
  readonly name: string;
  /** File name → contents (string or bytes). */
  readonly files: Record<string, string | Buffer>;
  /** Expected per-file outcome (subset of FileReport). */
  readonly reports: Record<string, Partial<FileReport>>;
  /** Expected rows of one raw table, as [Id-like key, _line] or whole objects. */
  readonly table?: { readonly name: string; readonly columns: readonly string[]; readonly rows: readonly unknown[][] };
  readonly rejects?: readonly { readonly file: string; readonly line: number; readonly reason: RegExp; readonly text?: string }[];
}

const cases: Case[] = [
  {
    name: 'a BOM and quoted header fields: detected, BOM not part of the first column',
    files: { 'a.csv': `\uFEFF"Id","FirstName","LastName","Company","Email","Status","LeadSource","OwnerId","CreatedDate"\n00Q1,Ann,Lee,Acme,ann@x.com,Open - Not Contacted,Web,005A,2026-01-02T10:00:00.000+0000\n` },
    reports: { 'a.csv': { format: 'salesforce__lead', status: 'loaded', rowsRead: 1, rowsLoaded: 1, rowsQuarantined: 0 } },
    table: { name: 'salesforce__lead', columns: ['Id', 'Email', 'CreatedDate', '_line'], rows: [['00Q1', 'ann@x.com', '2026-01-02T10:00:00.000+0000', 2]] },
  },
  {
    name: '`;` delimiter with a `,` inside a value',
    files: { 'b.csv': `${LEAD_HEADER.replaceAll(',', ';')}\n00Q1;Ann;Lee;Acme, Inc;ann@x.com;Open - Not Contacted;Web;005A;2026-01-02\n00Q2;Bob;Ng;B;bob@x.com;Working - Contacted;Web;005A;2026-01-03\n` },
    reports: { 'b.csv': { format: 'salesforce__lead', status: 'loaded', rowsLoaded: 2 } },
    table: { name: 'salesforce__lead', columns: ['Id', 'Company', '_line'], rows: [['00Q1', 'Acme, Inc', 2], ['00Q2', 'B', 3]] },
  },
  {
    name: 'quoted newlines and CRLF: every record keeps its physical start line',
    files: {
      'c.csv': [
        LEAD_HEADER,
        '00Q1,Ann,Lee,"Acme\r\nHoldings",ann@x.com,Open - Not Contacted,Web,005A,2026-01-02',
        '00Q2,Bob,"Ng',
        '',
        'Jr",B,bob@x.com,Open - Not Contacted,Web,005A,2026-01-03',
        '00Q3,Cy,Po,C,cy@x.com,Open - Not Contacted,Web,005A,2026-01-04',
        '',
        '',
      ].join('\r\n'),
    },
    reports: { 'c.csv': { status: 'loaded', rowsLoaded: 3, rowsQuarantined: 0 } },
    table: { name: 'salesforce__lead', columns: ['Id', 'LastName', '_line'], rows: [['00Q1', 'Lee', 2], ['00Q2', 'Ng\r\n\r\nJr', 4], ['00Q3', 'Po', 7]] },
  },
  {
    name: 'an extra field and a missing field: quarantined with line and reason, good rows kept with their lines',
    files: {
      'd.csv': [
        LEAD_HEADER,
        '00Q1,Ann,Lee,"Multi',
        'line",ann@x.com,Open - Not Contacted,Web,005A,2026-01-02',
        '00Q2,Bob,Ng,Acme, Inc,bob@x.com,Open - Not Contacted,Web,005A,2026-01-03',
        '00Q3,Cy,Po,C,cy@x.com,Open - Not Contacted,Web,005A,2026-01-04',
        '00Q4,Di,Qu,D,di@x.com,Open',
        '00Q5,Ed,Ro,E,ed@x.com,Open - Not Contacted,Web,005A,2026-01-06',
        '',
      ].join('\n'),
    },
    reports: { 'd.csv': { status: 'loaded', rowsRead: 5, rowsLoaded: 3, rowsQuarantined: 2 } },
    table: { name: 'salesforce__lead', columns: ['Id', '_line'], rows: [['00Q1', 2], ['00Q3', 5], ['00Q5', 7]] },
    rejects: [
      { file: 'd.csv', line: 4, reason: /TOO MANY COLUMNS/, text: '00Q2,Bob,Ng,Acme, Inc,bob@x.com,Open - Not Contacted,Web,005A,2026-01-03' },
      { file: 'd.csv', line: 6, reason: /MISSING COLUMNS/, text: '00Q4,Di,Qu,D,di@x.com,Open' },
    ],
  },
  {
    name: 'one extra, empty trailing field (DuckDB alone would take it for a trailing delimiter) is quarantined, not shifted',
    files: {
      'd2.csv': [
        'Id,WhoId,Subject,Status,CreatedDate,Description',
        '00T1,00Q1,Call,Completed,2026-01-02,',
        '00T2,00Q1,Call back re: pricing, terms,Completed,2026-01-03,',
        '00T3,00Q2,Email,Completed,2026-01-04,"Sent deck"',
      ].join('\n'),
    },
    reports: { 'd2.csv': { format: 'salesforce__task', status: 'loaded', rowsRead: 3, rowsLoaded: 2, rowsQuarantined: 1 } },
    table: { name: 'salesforce__task', columns: ['Id', 'Subject', 'Description', '_line'], rows: [['00T1', 'Call', null, 2], ['00T3', 'Email', 'Sent deck', 4]] },
    rejects: [{ file: 'd2.csv', line: 3, reason: /TOO MANY COLUMNS/, text: '00T2,00Q1,Call back re: pricing, terms,Completed,2026-01-03,' }],
  },
  {
    name: 'a blank line mid-file: skipped; records after it report one line early (documented approximation)',
    files: { 'd3.csv': `${LEAD_HEADER}\n00Q1,Ann,Lee,Acme,ann@x.com,Open,Web,005A,2026-01-02\n\n00Q2,Bob,Ng,B,bob@x.com,Open,Web,005A,2026-01-03\n` },
    reports: { 'd3.csv': { status: 'loaded', rowsLoaded: 2, rowsQuarantined: 0 } },
    table: { name: 'salesforce__lead', columns: ['Id', '_line'], rows: [['00Q1', 2], ['00Q2', 3]] },
  },
  {
    name: 'an unterminated quote: only that line is quarantined; the lines after it are read again with their lines',
    files: {
      'd4.csv': [
        LEAD_HEADER,
        '00Q1,Ann,Lee,"Acme\nGroup",ann@x.com,Open,Web,005A,2026-01-02',
        '00Q2,Bob,"Ng,B,bob@x.com,Open,Web,005A,2026-01-03',
        '00Q3,Cy,Po,"C',
        'Co",cy@x.com,Open,Web,005A,2026-01-04',
        '00Q4,Di,Qu,D,di@x.com,Open',
        '00Q5,Ed,Ro,E,ed@x.com,Open,Web,005A,2026-01-06',
        '',
      ].join('\n'),
    },
    reports: { 'd4.csv': { status: 'loaded', rowsRead: 5, rowsLoaded: 3, rowsQuarantined: 2 } },
    table: { name: 'salesforce__lead', columns: ['Id', 'Company', '_line'], rows: [['00Q1', 'Acme\nGroup', 2], ['00Q3', 'C\nCo', 5], ['00Q5', 'E', 8]] },
    rejects: [
      { file: 'd4.csv', line: 4, reason: /unterminated quote.*read again/, text: '00Q2,Bob,"Ng,B,bob@x.com,Open,Web,005A,2026-01-03' },
      { file: 'd4.csv', line: 7, reason: /MISSING COLUMNS/, text: '00Q4,Di,Qu,D,di@x.com,Open' },
    ],
  },
  {
    name: 'renamed columns: aliases and case/space-insensitive names map to canonical columns',
    files: { 'e.csv': `Lead ID,First Name,last_name,Company,EMAIL,Lead Status,Lead Source,OwnerId,Created Date\n00Q1,Ann,Lee,Acme,ann@x.com,Open - Not Contacted,Web,005A,2026-01-02\n` },
    reports: {
      'e.csv': {
        format: 'salesforce__lead',
        status: 'loaded',
        rowsLoaded: 1,
        renamedColumns: { 'Lead ID': 'Id', 'First Name': 'FirstName', last_name: 'LastName', EMAIL: 'Email', 'Lead Status': 'Status', 'Lead Source': 'LeadSource', 'Created Date': 'CreatedDate' },
      },
    },
    table: { name: 'salesforce__lead', columns: ['Id', 'LastName', 'Email', 'Status', 'CreatedDate'], rows: [['00Q1', 'Lee', 'ann@x.com', 'Open - Not Contacted', '2026-01-02']] },
  },
  {
    name: 'HubSpot "Contact ID" for "Record ID"; optional columns absent are NULL',
    files: { 'f.csv': `Contact ID,First Name,Last Name,Email,Lifecycle Stage,Lead Status,Create Date\n101,Ann,Lee,ann@x.com,lead,NEW,2026-01-02 10:00\n` },
    reports: { 'f.csv': { format: 'hubspot__contacts', status: 'loaded', rowsLoaded: 1, renamedColumns: { 'Contact ID': 'Record ID' } } },
    table: { name: 'hubspot__contacts', columns: ['Record ID', 'Email', 'Original Source'], rows: [['101', 'ann@x.com', null]] },
  },
  {
    name: 'empty files: 0 bytes, blank lines only and header only are reported, not loaded',
    files: { 'g0.csv': '', 'g1.csv': '\n\n', 'g2.csv': `${LEAD_HEADER}\n\n` },
    reports: {
      'g0.csv': { status: 'empty', format: null, rowsRead: 0, note: 'empty file (0 bytes)' },
      'g1.csv': { status: 'empty', format: null, rowsRead: 0 },
      'g2.csv': { status: 'empty', format: 'salesforce__lead', rowsRead: 0, note: 'header only, no records' },
    },
    table: { name: 'salesforce__lead', columns: ['Id'], rows: [] },
  },
  {
    name: 'a file matching no format is skipped with the closest format and the columns it lacks',
    files: { 'h.csv': 'Email,Phone,City,Score\nann@x.com,555,Oslo,10\n', 'notes.txt': 'Meeting notes\nnothing here\n' },
    reports: {
      'h.csv': { status: 'skipped', format: 'marketo__leads', missingColumns: ['id', 'createdAt'] },
      'notes.txt': { status: 'skipped', format: null },
    },
  },
  {
    name: 'duplicate ids and an unparsable date: loaded as exported (staging decides)',
    files: { 'i.csv': `${LEAD_HEADER}\n00Q1,Ann,Lee,Acme,ann@x.com,Open - Not Contacted,Web,005A,2026-01-02\n00Q1,Ann,Lee,Acme,ann@y.com,Working - Contacted,Web,005A,2026-01-02\n00Q2,Bob,Ng,B,bob@x.com,Open - Not Contacted,Web,005A,31/31/2026\n` },
    reports: { 'i.csv': { status: 'loaded', rowsLoaded: 3, rowsQuarantined: 0 } },
    table: { name: 'salesforce__lead', columns: ['Id', 'Email', 'CreatedDate', '_line'], rows: [['00Q1', 'ann@x.com', '2026-01-02', 2], ['00Q1', 'ann@y.com', '2026-01-02', 3], ['00Q2', 'bob@x.com', '31/31/2026', 4]] },
  },
  {
    name: 'the same export twice and an overlapping export: no record counted twice',
    files: {
      'j1.csv': `${LEAD_HEADER}\n00Q1,Ann,Lee,Acme,ann@x.com,Open - Not Contacted,Web,005A,2026-01-02\n00Q2,Bob,Ng,B,bob@x.com,Open - Not Contacted,Web,005A,2026-01-03\n`,
      'j2.csv': `${LEAD_HEADER}\n00Q1,Ann,Lee,Acme,ann@x.com,Open - Not Contacted,Web,005A,2026-01-02\n00Q2,Bob,Ng,B,bob@x.com,Open - Not Contacted,Web,005A,2026-01-03\n`,
      'j3.csv': `${LEAD_HEADER.split(',').reverse().join(',')}\n2026-01-03,005A,Web,Open - Not Contacted,bob@x.com,B,Ng,Bob,00Q2\n2026-01-04,005A,Web,Open - Not Contacted,cy@x.com,C,Po,Cy,00Q3\n`,
    },
    reports: {
      'j1.csv': { status: 'loaded', rowsLoaded: 2, rowsDuplicate: 0 },
      'j2.csv': { status: 'duplicate', rowsLoaded: 0 },
      'j3.csv': { status: 'loaded', rowsLoaded: 2, rowsDuplicate: 1 },
    },
    table: { name: 'salesforce__lead', columns: ['Id', '_file', '_line'], rows: [['00Q1', 'j1.csv', 2], ['00Q2', 'j1.csv', 3], ['00Q3', 'j3.csv', 3]] },
  },
  {
    name: 'Marketo activities: JSON attributes with doubled quotes',
    files: { 'k.csv': 'marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n9001,17,2026-02-01T10:00:00Z,104,5,,,"{""Old Status"": ""Known"", ""New Status"": ""MQL""}"\n' },
    reports: { 'k.csv': { format: 'marketo__activities', status: 'loaded', rowsLoaded: 1 } },
    table: { name: 'marketo__activities', columns: ['marketoGUID', 'attributes'], rows: [['9001', '{"Old Status": "Known", "New Status": "MQL"}']] },
  },
];

describe('loadRaw', () => {
  // Every case with one connection, and with files loading two at a time: same outcome.
  for (const c of cases.flatMap((c) => [{ ...c, concurrent: false }, { ...c, concurrent: true, name: `${c.name} (two files at a time)` }])) {
    test(c.name, async ({ conn, connect, dir }) => {
      const paths = await writeFiles(dir, c.files);
      const reports = await loadRaw(conn, paths, c.concurrent ? { connect, concurrency: 2 } : {});
      for (const [name, expected] of Object.entries(c.reports)) {
        const report = reports.find((r) => r.file === join(dir, name));
        expect(report, name).toMatchObject(expected);
      }
      if (c.table) {
        const order = c.table.columns.includes('_line') ? ', _line' : '';
        const rows = await queryRows<Record<string, unknown>>(conn, `select ${c.table.columns.map((col) => `"${col}"`).join(', ')} from raw."${c.table.name}" order by _file${order}`);
        const actual = rows.map((row) => c.table!.columns.map((col) => (col === '_file' ? String(row[col]).slice(dir.length + 1) : row[col])));
        expect(actual).toEqual(c.table.rows);
      }
      const rejects = await queryRows<{ _file: string; _line: number; raw_text: string; reason: string }>(conn, 'select * from raw._load_rejects order by _file, _line');
      expect(rejects.map((r) => [r._file.slice(dir.length + 1), r._line])).toEqual((c.rejects ?? []).map((r) => [r.file, r.line]));
      for (const [i, expected] of (c.rejects ?? []).entries()) {
        expect(rejects[i]?.reason).toMatch(expected.reason);
        if (expected.text !== undefined) expect(rejects[i]?.raw_text).toBe(expected.text);
      }
    });
  }

  test('every format gets a raw table, empty when no file has it', async ({ conn, dir }) => {
    await loadRaw(conn, await writeFiles(dir, { 'a.csv': `${LEAD_HEADER}\n00Q1,Ann,Lee,Acme,ann@x.com,Open,Web,005A,2026-01-02\n` }));
    const tables = await queryRows<{ name: string; n: number }>(
      conn,
      `select table_name as name from information_schema.tables where table_schema = 'raw' order by 1`,
    );
    expect(tables.map((t) => t.name)).toEqual([
      '_load_columns', '_load_files', '_load_rejects', 'hubspot__contacts', 'hubspot__deals', 'marketing__spend', 'marketo__activities', 'marketo__leads', 'salesforce__campaign',
      'salesforce__campaign_member', 'salesforce__lead', 'salesforce__lead_history', 'salesforce__opportunity',
      'salesforce__opportunity_history', 'salesforce__task', 'salesforce__user',
    ]);
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(conn, 'select count(*)::bigint as n from raw.hubspot__deals');
    expect(n).toBe(0);
  });

  test('typed columns follow the agreement: date_order for an ambiguous column, source_time_zones for times without offset', async ({ conn, dir }) => {
    const paths = await writeFiles(dir, {
      'opp.csv': 'Id,Name,StageName,Amount,CloseDate,CreatedDate\n006A,A,Prospecting,"1.234,50",05/03/2026,05/03/2026 10:00\n006B,B,Prospecting,"12,00",01/02/2026,01/02/2026 23:30\n006C,C,Prospecting,"9,5",soon,2026-01-02T08:00:00.000+0000\n',
    });
    await loadRaw(conn, paths, { dateOrder: 'day_first', sourceTimeZones: { salesforce: 'Europe/Berlin' } });
    const rows = await queryRows<{ Amount: string; CloseDate: string; CreatedDate: string }>(conn, 'select "Amount", "CloseDate", "CreatedDate" from raw.salesforce__opportunity order by _line');
    // Berlin is UTC+1 in winter; 5 March 10:00 is 09:00 UTC, 1 February 23:30 is 22:30 UTC.
    expect(rows).toEqual([
      { Amount: '1234.50', CloseDate: '2026-03-05 00:00:00', CreatedDate: '2026-03-05T09:00:00.000000Z' },
      { Amount: '12.00', CloseDate: '2026-02-01 00:00:00', CreatedDate: '2026-02-01T22:30:00.000000Z' },
      // A value that fits no detected format stays as written, for staging to quarantine.
      { Amount: '9.5', CloseDate: 'soon', CreatedDate: '2026-01-02T08:00:00.000+0000' },
    ]);
    const detected = await queryRows<{ column_name: string; detected: string; decided_by: string; example: string; unfit_example: string | null; values_sampled: number; values_fitting: number }>(
      conn,
      'select column_name, detected, decided_by, example, unfit_example, values_sampled, values_fitting from raw._load_columns order by column_name',
    );
    expect(detected).toEqual([
      { column_name: 'Amount', detected: 'decimal comma (1.234,50)', decided_by: 'values', example: '1.234,50', unfit_example: null, values_sampled: 3, values_fitting: 3 },
      { column_name: 'CloseDate', detected: 'D/M/YYYY [h:mm]', decided_by: 'date_order', example: '05/03/2026', unfit_example: 'soon', values_sampled: 3, values_fitting: 2 },
      { column_name: 'CreatedDate', detected: 'D/M/YYYY [h:mm]', decided_by: 'date_order', example: '05/03/2026 10:00', unfit_example: '2026-01-02T08:00:00.000+0000', values_sampled: 3, values_fitting: 2 },
    ]);
  });

  test('HubSpot conversion and latest-source dates re-saved by Excel are converted like Create Date (attribution reads them)', async ({ conn, dir }) => {
    const paths = await writeFiles(dir, {
      'contacts.csv':
        'Record ID,Email,Lifecycle Stage,Create Date,First Conversion,First Conversion Date,Recent Conversion,Recent Conversion Date,Latest Source,Latest Source Date\n' +
        '101,ann@x.com,lead,11/2/2025 22:28,Demo Request,11/2/2025 22:28,Content Download,11/20/2025 9:05,Paid Search,11/20/2025 9:05\n' +
        '102,bob@x.com,lead,11/3/2025 8:00,,,,,,\n',
    });
    await loadRaw(conn, paths, {});
    const rows = await queryRows<Record<string, string | null>>(
      conn,
      'select "Create Date", "First Conversion Date", "Recent Conversion Date", "Latest Source Date" from raw.hubspot__contacts order by _line',
    );
    // No offset: read in the default zone (UTC), written as ISO with Z; every date column reads the same way.
    expect(rows).toEqual([
      { 'Create Date': '2025-11-02T22:28:00.000000Z', 'First Conversion Date': '2025-11-02T22:28:00.000000Z', 'Recent Conversion Date': '2025-11-20T09:05:00.000000Z', 'Latest Source Date': '2025-11-20T09:05:00.000000Z' },
      { 'Create Date': '2025-11-03T08:00:00.000000Z', 'First Conversion Date': null, 'Recent Conversion Date': null, 'Latest Source Date': null },
    ]);
  });

  const unusable: { name: string; files: Record<string, string | Buffer>; message: RegExp }[] = [
    {
      name: 'a known export missing a required column names file, line 1, the column and the closest header',
      files: { 'lead.csv': 'Id,FirstName,LastName,Company,Email,Stat,LeadSource,OwnerId,CreatedDate\n00Q1,Ann,Lee,Acme,ann@x.com,Open,Web,005A,2026-01-02\n' },
      message: /lead\.csv, line 1, column "Status": looks like a salesforce Lead export but the header has no required column "Status"; the closest header is "Stat"; expected a header field named "Status" \(or "Lead Status"\)/,
    },
    {
      name: 'JSON is not CSV',
      files: { 'contacts.csv': '[{"Record ID": 1}]' },
      message: /contacts\.csv, line 1: not a CSV export: it looks like JSON, not CSV; expected a CSV file with a header row/,
    },
    {
      name: 'a binary file is not CSV',
      files: { 'export.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      message: /export\.csv, line 1: not a CSV export: it is a binary file/,
    },
    {
      name: 'a damaged zip archive says so',
      files: { 'export.zip': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]) },
      message: /export\.zip: is a damaged zip archive \(.*\); expected a \.zip file that unzip can open/,
    },
    {
      name: 'every unusable file is listed at once',
      files: { 'a.json': '{}', 'b.json': '{}' },
      message: /2 input files cannot be used:\n {2}- .*a\.json.*\n {2}- .*b\.json/,
    },
  ];
  for (const u of unusable) {
    test(u.name, async ({ conn, dir }) => {
      const paths = await writeFiles(dir, u.files);
      const error = await loadRaw(conn, paths).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputErrors);
      expect((error as Error).message).toMatch(u.message);
    });
  }
});

async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, content);
    paths.push(path);
  }
  return paths;
}

it('has table-driven cases', () => expect(cases.length).toBeGreaterThan(5));
