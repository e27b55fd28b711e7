import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDateColumn, detectNumberColumn, type DetectContext } from './detect-column-format';
import { sniffEncoding } from './prepare-input';
import { matchUnusedObject } from './unused-objects';
import { cellText } from './xlsx-to-csv';
import { literal } from './sql-text';
import { parseNumber } from '../models/macros';
import { compiledSql } from '../models/test-support';

// Detection from sampled values, and the conversion SQL run in a real DuckDB: every expected
// value below is written by hand (what the person who typed the cell meant).

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

/** What the raw view yields for `value` under `convert` (or the value itself when no conversion is needed). */
async function converted(convert: ((v: string) => string) | null, value: string): Promise<string | null> {
  if (!convert) return value;
  const reader = await conn.runAndReadAll(`select ${convert('v')} as out from (select ${literal(value)} as v)`);
  return (reader.getRowObjectsJS()[0]?.['out'] as string | null) ?? null;
}

/** Staging's own cast of the converted text (toUtc / parseNumber), as ISO text or a number. */
async function staged(text: string | null, type: 'timestamp' | 'date' | 'number'): Promise<string | number | null> {
  if (text === null) return null;
  const expr =
    type === 'number'
      ? compiledSql(parseNumber(sql.raw(literal(text))))
      : `strftime(make_timestamp(epoch_us(try_cast(${literal(text)} as timestamptz))), '%Y-%m-%d %H:%M:%S')`;
  const reader = await conn.runAndReadAll(`select ${expr} as out`);
  return (reader.getRowObjectsJS()[0]?.['out'] as string | number | null) ?? null;
}

const utc: DetectContext = { delimiter: ',', dateOrder: 'month_first', timeZone: 'UTC', stagingReadsLocalIso: false };

describe('date columns', () => {
  const cases: {
    name: string;
    type?: 'timestamp' | 'date';
    values: string[];
    ctx?: Partial<DetectContext>;
    detected: string;
    decidedBy: string;
    /** value → the UTC time staging must read from it (null: still quarantined). */
    expect: Record<string, string | null>;
  }[] = [
    {
      name: 'ISO with offset: no conversion',
      values: ['2025-11-15T13:13:54.000+0000', '2026-01-06T09:00:00.000-0500'],
      detected: 'ISO 8601',
      decidedBy: 'values',
      expect: { '2025-11-15T13:13:54.000+0000': '2025-11-15 13:13:54', '2026-01-06T09:00:00.000-0500': '2026-01-06 14:00:00' },
    },
    {
      name: 'Excel US re-save, month first shown by a day above 12',
      values: ['11/2/2025 22:28', '11/15/2025 8:05', '1/3/2026 0:00'],
      detected: 'M/D/YYYY [h:mm[:ss] [AM/PM]]',
      decidedBy: 'values',
      expect: { '11/2/2025 22:28': '2025-11-02 22:28:00', '1/3/2026 0:00': '2026-01-03 00:00:00', '12/31/2025 23:59:59': '2025-12-31 23:59:59', '2/30/2026 10:00': null },
    },
    {
      name: 'US with AM/PM',
      values: ['3/5/2026 2:20 PM', '3/25/2026 12:05 AM', '3/5/2026 12:00 PM'],
      detected: 'M/D/YYYY [h:mm[:ss] [AM/PM]]',
      decidedBy: 'values',
      expect: { '3/5/2026 2:20 PM': '2026-03-05 14:20:00', '3/25/2026 12:05 AM': '2026-03-25 00:05:00', '3/5/2026 12:00 PM': '2026-03-05 12:00:00', '3/5/2026 2:20:07 pm': '2026-03-05 14:20:07' },
    },
    {
      name: 'European dotted dates are day first',
      values: ['05.03.2026 14:20', '06.01.2026'],
      detected: 'D.M.YYYY [h:mm]',
      decidedBy: 'default',
      expect: { '05.03.2026 14:20': '2026-03-05 14:20:00', '06.01.2026': '2026-01-06 00:00:00' },
    },
    {
      name: 'day first shown by a first number above 12',
      values: ['05/03/2026', '25/12/2025 09:30'],
      detected: 'D/M/YYYY [h:mm]',
      decidedBy: 'values',
      expect: { '05/03/2026': '2026-03-05 00:00:00', '25/12/2025 09:30': '2025-12-25 09:30:00', '12/25/2025': null },
    },
    {
      name: 'every value ambiguous: the agreement says month first (default)',
      values: ['05/03/2026', '01/02/2026'],
      detected: 'M/D/YYYY [h:mm[:ss] [AM/PM]]',
      decidedBy: 'date_order',
      expect: { '05/03/2026': '2026-05-03 00:00:00' },
    },
    {
      name: 'every value ambiguous: the agreement says day first',
      values: ['05/03/2026', '01/02/2026'],
      ctx: { dateOrder: 'day_first' },
      detected: 'D/M/YYYY [h:mm]',
      decidedBy: 'date_order',
      expect: { '05/03/2026': '2026-03-05 00:00:00' },
    },
    {
      name: 'two-digit years',
      values: ['3/15/26 9:00', '12/1/25 17:45'],
      detected: 'M/D/YY [h:mm[:ss] [AM/PM]]',
      decidedBy: 'values',
      expect: { '3/15/26 9:00': '2026-03-15 09:00:00', '12/1/25 17:45': '2025-12-01 17:45:00' },
    },
    {
      name: 'times without offset are read in the source time zone',
      values: ['11/2/2025 22:28', '7/15/2025 9:00'],
      ctx: { timeZone: 'America/New_York' },
      detected: 'M/D/YYYY [h:mm[:ss] [AM/PM]]',
      decidedBy: 'values',
      // EST (UTC−5) in November, EDT (UTC−4) in July.
      expect: { '11/2/2025 22:28': '2025-11-03 03:28:00', '7/15/2025 9:00': '2025-07-15 13:00:00' },
    },
    {
      name: 'ISO without offset in a non-UTC source zone',
      values: ['2025-11-02 22:28:00', '2025-07-15T09:00:00'],
      ctx: { timeZone: 'Europe/Berlin' },
      detected: 'ISO 8601 without offset, read in Europe/Berlin',
      decidedBy: 'values',
      expect: { '2025-11-02 22:28:00': '2025-11-02 21:28:00', '2025-07-15T09:00:00': '2025-07-15 07:00:00', '2025-07-15T09:00:00.000+0000': '2025-07-15 09:00:00' },
    },
    {
      name: 'a date column is never shifted by the zone',
      type: 'date',
      values: ['1/6/2026', '12/31/2025'],
      ctx: { timeZone: 'America/New_York' },
      detected: 'M/D/YYYY [h:mm[:ss] [AM/PM]]',
      decidedBy: 'values',
      expect: { '1/6/2026': '2026-01-06 00:00:00' },
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const d = detectDateColumn('CreatedDate', c.type ?? 'timestamp', c.values, { ...utc, ...c.ctx });
      expect(d.detected).toBe(c.detected);
      expect(d.decidedBy).toBe(c.decidedBy);
      expect(d.example).toBe(c.values[0]);
      expect(d.tried.length).toBeGreaterThanOrEqual(4);
      for (const [value, want] of Object.entries(c.expect)) {
        expect(await staged(await converted(d.convert, value), 'timestamp'), value).toBe(want);
      }
    });
  }

  it('a value that fits no detected format stays as written (staging quarantines it)', async () => {
    const d = detectDateColumn('CreatedDate', 'timestamp', ['11/2/2025 22:28', 'next Tuesday'], utc);
    expect(d.fitting).toBe(1);
    expect(d.unfitExample).toBe('next Tuesday');
    expect(await converted(d.convert, 'next Tuesday')).toBe('next Tuesday');
  });
});

describe('number columns', () => {
  const cases: { name: string; values: string[]; delimiter?: string; detected: string; decidedBy: string; expect: Record<string, number | null> }[] = [
    { name: 'plain numbers: no conversion', values: ['229800', '53000.5', '-146200.00'], detected: 'plain number (1234.5)', decidedBy: 'values', expect: { '229800': 229800 } },
    {
      name: 'US thousands, currency and Excel negatives',
      values: ['$1,234.50', '(1,234.00)', '229,800.00', 'USD 12.5'],
      detected: 'decimal point (1,234.50)',
      decidedBy: 'values',
      expect: { '$1,234.50': 1234.5, '(1,234.00)': -1234, '229,800.00': 229800, 'USD 12.5': 12.5, '-7.25': -7.25, '1 234.50': 1234.5 },
    },
    {
      name: 'European decimal comma in a ";" file',
      values: ['229.800,00', '53.000,00', '1234,5', '(1.234,00)'],
      delimiter: ';',
      detected: 'decimal comma (1.234,50)',
      decidedBy: 'values',
      expect: { '229.800,00': 229800, '1234,5': 1234.5, '(1.234,00)': -1234, '1.234.567,89 €': 1234567.89, '0,5': 0.5, '1\u00a0234,50': 1234.5, '12,5-': -12.5 },
    },
    {
      name: 'a value with both marks the other way is read by its own marks',
      values: ['229.800,00', '1.000,00'],
      delimiter: ';',
      detected: 'decimal comma (1.234,50)',
      decidedBy: 'values',
      expect: { '205,300.00': 205300 },
    },
    { name: 'ambiguous 1.234 in a ";" file: thousands dot', values: ['1.234', '229.800'], delimiter: ';', detected: 'decimal comma (1.234,50)', decidedBy: 'delimiter', expect: { '1.234': 1234, '229.800': 229800 } },
    { name: 'ambiguous 1,234 in a "," file: thousands comma', values: ['1,234', '229,800'], detected: 'decimal point (1,234.50)', decidedBy: 'delimiter', expect: { '1,234': 1234 } },
    { name: 'not a number stays as written', values: ['1.234,50', 'n/a'], delimiter: ';', detected: 'decimal comma (1.234,50)', decidedBy: 'values', expect: { 'n/a': null } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const d = detectNumberColumn('Amount', c.values, { ...utc, delimiter: c.delimiter ?? ',' });
      expect(d.detected).toBe(c.detected);
      expect(d.decidedBy).toBe(c.decidedBy);
      for (const [value, want] of Object.entries(c.expect)) {
        expect(await staged(await converted(d.convert, value), 'number'), value).toBe(want);
      }
    });
  }
});

describe('sniffEncoding', () => {
  const cases: { name: string; bytes: Buffer; expected: string }[] = [
    { name: 'UTF-8', bytes: Buffer.from('Id,Name\n1,Zoë\n'), expected: 'utf-8' },
    { name: 'UTF-8 with BOM', bytes: Buffer.from('\ufeffId,Name\n', 'utf8'), expected: 'utf-8-bom' },
    { name: 'UTF-16LE with BOM', bytes: Buffer.from('\ufeffId\tName\n', 'utf16le'), expected: 'utf-16le' },
    { name: 'UTF-16LE without BOM', bytes: Buffer.from('Id\tName\n1\tAnn\n', 'utf16le'), expected: 'utf-16le' },
    { name: 'UTF-16BE with BOM', bytes: Buffer.from([0xfe, 0xff, 0x00, 0x49, 0x00, 0x64]), expected: 'utf-16be' },
    { name: 'Windows-1252 (é as one byte)', bytes: Buffer.from([0x49, 0x64, 0x0a, 0x5a, 0x6f, 0xe9, 0x0a]), expected: 'windows-1252' },
    { name: 'a multi-byte character cut at the end of the head is still UTF-8', bytes: Buffer.from([0x49, 0x64, 0x0a, 0xc3]), expected: 'utf-8' },
    { name: 'binary', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]), expected: 'binary' },
  ];
  for (const c of cases) it(c.name, () => expect(sniffEncoding(c.bytes)).toBe(c.expected));
});

describe('unused objects', () => {
  const cases: { header: string[]; expected: string | undefined }[] = [
    { header: ['Id', 'AccountId', 'FirstName', 'LastName', 'Email', 'CreatedDate'], expected: 'Contact' },
    { header: ['Id', 'Name', 'Type', 'BillingCity', 'Industry'], expected: 'Account' },
    { header: ['ID', 'OPPORTUNITYID', 'PRICEBOOKENTRYID', 'QUANTITY'], expected: 'OpportunityLineItem' },
    // Exports the product reads are never taken for an unused object.
    { header: ['Id', 'FirstName', 'LastName', 'Email', 'Status', 'CreatedDate'], expected: undefined },
    { header: ['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate'], expected: undefined },
    { header: ['Id', 'Username', 'AccountId', 'LastName', 'Department'], expected: undefined },
    { header: ['Id', 'Name', 'Type', 'Status', 'StartDate'], expected: undefined },
  ];
  for (const c of cases) it(`${c.header.join(',')} → ${c.expected ?? 'none'}`, () => expect(matchUnusedObject(c.header)?.object).toBe(c.expected));
});

describe('xlsx cell text', () => {
  const cases: { name: string; value: unknown; expected: string }[] = [
    { name: 'number', value: 229800, expected: '229800' },
    { name: 'fraction', value: 0.25, expected: '0.25' },
    { name: 'date with float noise', value: new Date(Date.UTC(2025, 10, 15, 13, 13, 53, 999)), expected: '2025-11-15 13:13:54' },
    { name: 'rich text', value: { richText: [{ text: 'Acme' }, { text: ' Inc.' }] }, expected: 'Acme Inc.' },
    { name: 'formula result', value: { formula: 'A1*2', result: 10 }, expected: '10' },
    { name: 'error', value: { error: '#N/A' }, expected: '#N/A' },
    { name: 'hyperlink', value: { text: 'ann@x.com', hyperlink: 'mailto:ann@x.com' }, expected: 'ann@x.com' },
    { name: 'empty', value: null, expected: '' },
  ];
  for (const c of cases) it(c.name, () => expect(cellText(c.value)).toBe(c.expected));
});
