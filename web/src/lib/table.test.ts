import { describe, expect, it } from 'vitest';
import { formatCell, sortRows, tableCsv } from './table';
import { toCsv } from './csv';
import type { TableColumn, TableRow } from './table';

const rows: TableRow[] = [
  { name: 'Lead 10', hours: '30.5', at: '2026-03-02T10:00:00.000' },
  { name: 'lead 2', hours: '4', at: null },
  { name: null, hours: '100', at: '2026-01-01T00:00:00.000' },
  { name: 'Lead 1', hours: null, at: '2026-02-01T00:00:00.000' },
];
const name: TableColumn = { key: 'name', title: 'Name', format: 'text' };
const hours: TableColumn = { key: 'hours', title: 'Hours', format: 'hours' };
const at: TableColumn = { key: 'at', title: 'At', format: 'timestamp' };

describe('sortRows', () => {
  const cases = [
    { column: hours, direction: 'asc', expected: ['4', '30.5', '100', null] },
    { column: hours, direction: 'desc', expected: ['100', '30.5', '4', null] },
    { column: name, direction: 'asc', expected: ['Lead 1', 'lead 2', 'Lead 10', null] },
    { column: name, direction: 'desc', expected: ['Lead 10', 'lead 2', 'Lead 1', null] },
    { column: at, direction: 'asc', expected: ['2026-01-01T00:00:00.000', '2026-02-01T00:00:00.000', '2026-03-02T10:00:00.000', null] },
  ] as const;
  for (const c of cases) {
    it(`${c.column.key} ${c.direction} (empty values last)`, () => {
      expect(sortRows(rows, c.column, c.direction).map((r) => r[c.column.key] ?? null)).toEqual(c.expected);
    });
  }
  it('does not mutate its input', () => {
    const before = rows.map((r) => r.name);
    sortRows(rows, name, 'desc');
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});

describe('formatCell', () => {
  const cases = [
    { value: '0.5', format: 'percent', expected: '50.0%' },
    { value: '1500', format: 'currency', expected: '$1,500' },
    { value: '2026-03-01T00:00:00.000', format: 'month', expected: 'Mar 2026' },
    { value: null, format: 'text', expected: '—' },
    { value: 'true', format: 'boolean', expected: 'yes' },
  ] as const;
  for (const c of cases) it(`${String(c.value)} as ${c.format}`, () => expect(formatCell(c.value, c.format)).toBe(c.expected));
});

describe('tableCsv: formatted values, raw values in extra columns', () => {
  const data = {
    columns: [
      { key: 'c', title: 'Channel', format: 'text' as const },
      { key: 'm', title: 'MQLs', format: 'integer' as const },
      { key: 'r', title: 'Acceptance rate', format: 'percent' as const },
      { key: 'a', title: 'Won amount', format: 'currency' as const },
      { key: 'mo', title: 'MQL month', format: 'month' as const },
    ],
    rows: [
      { c: 'Paid Search', m: '1798', r: 0.7142857142857143, a: 1234567, mo: '2026-10-01T00:00:00.000' },
      { c: null, m: 0, r: null, a: null, mo: null },
    ],
  };
  it('header: the columns as on screen, then the raw ones', () => {
    expect(toCsv(tableCsv(data).columns, tableCsv(data).rows).split('\r\n')[0]).toBe(
      'Channel,MQLs,Acceptance rate,Won amount,MQL month,MQLs (value),Acceptance rate (value),Won amount (value),MQL month (month start)',
    );
  });
  it('a linked column (a lead\'s name → its CRM record) exports its link after the raw values', () => {
    const linked = {
      columns: [{ key: 'n', title: 'Name', format: 'text' as const, hrefKey: 'u' }, { key: 'h', title: 'Hours', format: 'hours' as const }],
      rows: [{ n: 'Ann Able', u: 'https://acme.my.salesforce.com/lightning/r/Lead/00QA/view', h: 2 }, { n: 'Kim Ma', u: null, h: null }],
    };
    const lines = toCsv(tableCsv(linked).columns, tableCsv(linked).rows).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Name,Hours,Hours (value),Name (link)');
    expect(lines[1]).toBe('Ann Able,2 h,2,https://acme.my.salesforce.com/lightning/r/Lead/00QA/view');
    expect(lines[2]).toBe('Kim Ma,,,');
  });
  it('rows: formatted, then raw; empty stays empty', () => {
    const lines = toCsv(tableCsv(data).columns, tableCsv(data).rows).trimEnd().split('\r\n');
    expect(lines[1]).toBe('Paid Search,"1,798",71.4%,"$1,234,567",Oct 2026,1798,0.7142857142857143,1234567,2026-10-01T00:00:00.000');
    expect(lines[2]).toBe(',0,,,,0,,,');
  });
});
