import { describe, expect, it } from 'vitest';
import { baseCoverage, clipToAsOf, comparisonRange, describeBase, monthsBefore, resolvePeriod } from './periods';
import type { DateRange } from './filters';
import type { CompareTo } from './periods';

describe('monthsBefore', () => {
  const cases = [
    { day: '2026-10-15', months: 3, expected: '2026-07-15' },
    { day: '2026-10-31', months: 3, expected: '2026-07-31' },
    { day: '2026-12-31', months: 3, expected: '2026-09-30' },
    { day: '2026-05-31', months: 3, expected: '2026-02-28' },
    { day: '2026-02-28', months: 12, expected: '2025-02-28' },
    { day: '2024-02-29', months: 12, expected: '2023-02-28' },
    { day: '2025-02-28', months: 12, expected: '2024-02-29' },
    { day: '2026-03-30', months: 1, expected: '2026-02-28' },
    { day: '2026-01-15', months: 1, expected: '2025-12-15' },
  ];
  for (const c of cases) it(`${c.day} − ${c.months} months = ${c.expected}`, () => expect(monthsBefore(c.day, c.months)).toBe(c.expected));
});

describe('clipToAsOf', () => {
  const cases = [
    { name: 'this quarter runs past the data: cut at the as-of day', range: ['2026-10-01', '2026-12-31'], asOf: '2026-10-31', expected: { range: ['2026-10-01', '2026-10-31'], toDate: true } },
    { name: 'a finished period is left alone', range: ['2026-07-01', '2026-09-30'], asOf: '2026-10-31', expected: { range: ['2026-07-01', '2026-09-30'], toDate: false } },
    { name: 'ending on the as-of day is not "to date"', range: ['2026-10-01', '2026-10-31'], asOf: '2026-10-31', expected: { range: ['2026-10-01', '2026-10-31'], toDate: false } },
    { name: 'a period wholly after the data is left alone (shown empty)', range: ['2027-01-01', '2027-03-31'], asOf: '2026-10-31', expected: { range: ['2027-01-01', '2027-03-31'], toDate: false } },
    { name: 'no as-of day known', range: ['2026-10-01', '2026-12-31'], asOf: null, expected: { range: ['2026-10-01', '2026-12-31'], toDate: false } },
  ] as const;
  for (const c of cases) it(c.name, () => expect(clipToAsOf(c.range, c.asOf)).toEqual(c.expected));
});

describe('comparisonRange: like with like', () => {
  const cases: { name: string; range: DateRange; nominal: DateRange; compareTo: CompareTo; expected: DateRange }[] = [
    { name: 'QTD (one month in) against the same days of the previous quarter', range: ['2026-10-01', '2026-10-31'], nominal: ['2026-10-01', '2026-12-31'], compareTo: 'previous', expected: ['2026-07-01', '2026-07-31'] },
    { name: 'QTD against the same days of the quarter last year', range: ['2026-10-01', '2026-10-31'], nominal: ['2026-10-01', '2026-12-31'], compareTo: 'last-year', expected: ['2025-10-01', '2025-10-31'] },
    { name: 'QTD mid-month', range: ['2026-10-01', '2026-11-15'], nominal: ['2026-10-01', '2026-12-31'], compareTo: 'previous', expected: ['2026-07-01', '2026-08-15'] },
    { name: 'MTD against the same days of last month', range: ['2026-03-01', '2026-03-12'], nominal: ['2026-03-01', '2026-03-31'], compareTo: 'previous', expected: ['2026-02-01', '2026-02-12'] },
    { name: 'a whole quarter against the whole previous quarter', range: ['2026-10-01', '2026-12-31'], nominal: ['2026-10-01', '2026-12-31'], compareTo: 'previous', expected: ['2026-07-01', '2026-09-30'] },
    { name: 'a whole month against the whole previous month (Mar → Feb)', range: ['2026-03-01', '2026-03-31'], nominal: ['2026-03-01', '2026-03-31'], compareTo: 'previous', expected: ['2026-02-01', '2026-02-28'] },
    { name: '12 months against the 12 before', range: ['2025-11-01', '2026-10-31'], nominal: ['2025-11-01', '2026-10-31'], compareTo: 'previous', expected: ['2024-11-01', '2025-10-31'] },
    { name: 'a custom range of days against as many days just before', range: ['2026-03-10', '2026-03-19'], nominal: ['2026-03-10', '2026-03-19'], compareTo: 'previous', expected: ['2026-02-28', '2026-03-09'] },
    { name: 'a custom range of days against the same days last year', range: ['2026-03-10', '2026-03-19'], nominal: ['2026-03-10', '2026-03-19'], compareTo: 'last-year', expected: ['2025-03-10', '2025-03-19'] },
  ];
  for (const c of cases) it(c.name, () => expect(comparisonRange(c.range, c.nominal, c.compareTo)).toEqual(c.expected));
});

describe('baseCoverage: a base before the data is not a comparison', () => {
  const cases = [
    { base: ['2026-07-01', '2026-07-31'], start: '2025-11-01', expected: 'complete' },
    { base: ['2025-11-01', '2025-11-30'], start: '2025-11-01', expected: 'complete' },
    { base: ['2025-10-20', '2025-11-30'], start: '2025-11-01', expected: 'partial' },
    { base: ['2024-11-01', '2025-10-31'], start: '2025-11-01', expected: 'none' },
    { base: ['2024-11-01', '2025-10-31'], start: null, expected: 'complete' },
  ] as const;
  for (const c of cases) it(`${c.base.join('…')} with data from ${c.start ?? '(unknown)'}: ${c.expected}`, () => expect(baseCoverage(c.base, c.start)).toBe(c.expected));
});

describe('resolvePeriod over the seeds’ window (data 1 Nov 2025 – 31 Oct 2026)', () => {
  const data = { asOf: '2026-10-31', start: '2025-11-01' };
  const cases = [
    { name: 'this quarter: clipped, QTD vs Jul', nominal: ['2026-10-01', '2026-12-31'], compareTo: 'previous', expected: { range: ['2026-10-01', '2026-10-31'], toDate: true, base: ['2026-07-01', '2026-07-31'], coverage: 'complete' } },
    { name: 'this quarter vs last year: before the data', nominal: ['2026-10-01', '2026-12-31'], compareTo: 'last-year', expected: { range: ['2026-10-01', '2026-10-31'], toDate: true, base: ['2025-10-01', '2025-10-31'], coverage: 'none' } },
    { name: 'last 12 months: base wholly before the data', nominal: ['2025-11-01', '2026-10-31'], compareTo: 'previous', expected: { range: ['2025-11-01', '2026-10-31'], toDate: false, base: ['2024-11-01', '2025-10-31'], coverage: 'none' } },
    { name: 'a custom range whose base starts before the data (the +613% case)', nominal: ['2025-11-15', '2026-01-31'], compareTo: 'previous', expected: { range: ['2025-11-15', '2026-01-31'], toDate: false, base: ['2025-08-29', '2025-11-14'], coverage: 'partial' } },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const p = resolvePeriod(c.nominal, c.compareTo, data);
      expect({ range: p.range, toDate: p.toDate, base: p.comparison?.range, coverage: p.comparison?.coverage }).toEqual(c.expected);
    });
  }
});

describe('describeBase', () => {
  const cases = [
    { nominal: ['2026-10-01', '2026-12-31'], toDate: true, compareTo: 'previous', expected: 'the same days of the previous quarter' },
    { nominal: ['2026-10-01', '2026-12-31'], toDate: true, compareTo: 'last-year', expected: 'the same days of the same quarter last year' },
    { nominal: ['2026-03-01', '2026-03-31'], toDate: false, compareTo: 'previous', expected: 'the previous month' },
    { nominal: ['2025-11-01', '2026-10-31'], toDate: false, compareTo: 'last-year', expected: 'the year before' },
    { nominal: ['2026-03-10', '2026-03-19'], toDate: false, compareTo: 'previous', expected: 'the previous period' },
  ] as const;
  for (const c of cases) it(c.expected, () => expect(describeBase(c.nominal, c.toDate, c.compareTo)).toBe(c.expected));
});
