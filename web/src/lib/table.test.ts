import { describe, expect, it } from 'vitest';
import { formatCell, sortRows } from './table';
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
